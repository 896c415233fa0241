"""Numbers in the ledger are finite: the store refuses infinity, and an old ledger holding one
is migrated (the number becomes NULL, the claim, its checks, parties and search stay)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import UsageError
from claimledger.model import CheckResult
from claimledger.store import Ledger
from claimledger.store.schema import MIGRATIONS, schema_version

INSERT = (
    'INSERT INTO claims (doc_id, doc, quote, "start", "end", value, low, high, qualifier, unit, '
    "modality, extractor_version) VALUES (?, 'kyiv', 'q', ?, ?, ?, ?, ?, 'exact', 'count', "
    "'asserted', '0')"
)


@pytest.mark.parametrize("number", [float("inf"), float("-inf"), float("nan")])
def test_the_store_refuses_non_finite_claims(ledger: Ledger, sample: Any, number: float) -> None:
    with pytest.raises(UsageError, match="not a finite number"):
        ledger.add_document(sample.doc, [replace(sample.claims[0], high=number)])
    assert ledger.stats()["documents"] == 0


@pytest.mark.parametrize("column", ["value", "low", "high"])
def test_the_table_refuses_infinity_written_directly(
    ledger: Ledger, sample: Any, column: str
) -> None:
    ledger.add_document(sample.doc, sample.claims)
    numbers = {"value": None, "low": None, "high": None, column: float("inf")}
    with pytest.raises(sqlite3.IntegrityError, match=f"CHECK constraint failed: {column}"):
        ledger._conn.execute(INSERT, (sample.doc.id, 900, 901, *numbers.values()))
    ledger._conn.execute(INSERT, (sample.doc.id, 900, 901, 1.7e308, -1.7e308, None))


def test_an_old_ledger_with_infinity_is_migrated(
    ledger_path: Path, sample: Any, old_ledger_connection: Any
) -> None:
    # The ledger as claimledger wrote it before version 3, infinity and all.
    with Ledger(old_ledger_connection(ledger_path, 2), ledger_path) as ledger:
        ledger.add_document(sample.doc, sample.claims, sample.flows, sample.parties)
        ledger.replace_checks([CheckResult(list(sample.claims[:2]), "consistent", "two sources")])
        ledger._conn.execute(
            "UPDATE claims SET value = ?, high = ? WHERE quote = ?",
            (float("inf"), float("-inf"), sample.claims[0].quote),
        )
        before = ledger.stats()
        mentions = ledger.count_mentions("Russia")
    with Ledger.open(ledger_path) as ledger:
        assert schema_version(ledger._conn) == MIGRATIONS[-1][0]
        assert ledger.stats() == before  # nothing lost: claims, flows, checks, parties
        first = ledger.claims(doc=sample.doc.name)[0]
        assert (first.quote, first.value, first.high) == (sample.claims[0].quote, None, None)
        assert [c.value for c in ledger.claims()][1:] == [c.value for c in sample.claims[1:]]
        assert len(ledger.checks()[0]["claims"]) == 2
        assert ledger.count_mentions("Russia") == mentions > 0  # claim_parties links kept
        assert ledger.claims(search="shells")[0].quote == sample.claims[0].quote
        assert ledger._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert ledger._conn.execute("PRAGMA foreign_key_check").fetchall() == []
        ledger._conn.execute("DELETE FROM documents")  # cascades still work after the rebuild
        assert ledger.stats()["claims"] == 0
