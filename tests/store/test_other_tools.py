"""The ledger in the tools users open it with: Datasette's `_search` and `sqlite-utils search`
find claims through the full-text table, on a new ledger and on one migrated from version 2
(whose table named its content as a quoted string, which both tools ignore or reject)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from datasette.app import Datasette

from claimledger.store import Ledger


def _write(path: Path, sample: Any, *, old: bool, connect_at: Any) -> None:
    # old: the ledger as claimledger wrote it before version 3
    ledger = Ledger(connect_at(path, 2), path) if old else Ledger.open(path)
    with ledger:
        ledger.add_document(sample.doc, sample.claims, sample.flows, sample.parties)


@pytest.fixture(params=["new", "migrated"])
def ledger_file(
    request: pytest.FixtureRequest, tmp_path: Path, sample: Any, old_ledger_connection: Any
) -> Path:
    path = tmp_path / "ledger.db"
    _write(path, sample, old=request.param == "migrated", connect_at=old_ledger_connection)
    Ledger.open(path).close()  # opening migrates an old ledger
    return path


def _search_by_claims(sample: Any, word: str) -> list[str]:
    return [c.quote for c in sample.claims if word in (c.item or "")]


def test_sqlite_utils_searches_the_claims(ledger_file: Path, sample: Any) -> None:
    db = sqlite_utils.Database(ledger_file)
    assert db["claims"].detect_fts() == "claims_fts"
    found = [row["quote"] for row in db["claims"].search("rounds")]
    assert found == _search_by_claims(sample, "rounds")


def test_datasette_search_uses_the_fts_table(ledger_file: Path, sample: Any) -> None:
    async def get(path: str) -> Any:
        datasette = Datasette([str(ledger_file)])
        response = await datasette.client.get(path)
        assert response.status_code == 200, response.text
        return json.loads(response.text)

    rows = asyncio.run(get("/ledger/claims.json?_search=rounds&_shape=array"))
    assert [row["quote"] for row in rows] == _search_by_claims(sample, "rounds")
    every = asyncio.run(get("/ledger/claims.json?_shape=array"))
    assert len(every) == len(sample.claims) > len(rows)


def test_the_old_declaration_is_what_the_tools_missed(
    tmp_path: Path, sample: Any, old_ledger_connection: Any
) -> None:
    """The version 2 table, as it was: sqlite-utils cannot find its full-text index."""
    path = tmp_path / "old.db"
    _write(path, sample, old=True, connect_at=old_ledger_connection)
    assert sqlite_utils.Database(path)["claims"].detect_fts() is None
