"""Fixtures for the CLI tests: an in-process runner, the demo corpus, one shared ingested ledger.

Everything runs in-process with click's CliRunner, so the spaCy model loads once per session.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimledger.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
SHARED = ROOT.parent / "shared"

Invoke = Callable[..., Result]


def invoke(
    *args: str, env: Mapping[str, str | None] | None = None, input: bytes | None = None
) -> Result:
    """Run `claimledger ARGS...` in-process; $CLAIMLEDGER_DB is unset unless `env` sets it."""
    runner = CliRunner(env={"CLAIMLEDGER_DB": None, **(env or {})})
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def cli() -> Invoke:
    return invoke


@pytest.fixture(scope="session")
def corpus_files() -> list[str]:
    """The demo articles (the corpus README is documentation, not an article)."""
    files = sorted(str(p) for p in CORPUS.glob("*.txt"))
    assert len(files) == 10, f"expected 10 demo articles in {CORPUS}"
    return files


@pytest.fixture(scope="session")
def shared() -> Path:
    """The team's shared folder beside the repo (seeds and gold); the CI clone has it too."""
    if not (SHARED / "seeds").is_dir() or not (SHARED / "gold").is_dir():
        pytest.fail(f"{SHARED} with seeds/ and gold/ is missing; clone it beside the repo")
    return SHARED


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, corpus_files: list[str]) -> Path:
    """A ledger holding the demo corpus, ingested once per session; copy it to change it."""
    db = tmp_path_factory.mktemp("ledger") / "corpus.db"
    result = invoke("--db", str(db), "ingest", *corpus_files)
    assert result.exit_code == 0, result.stderr
    return db


@pytest.fixture
def ledger_copy(tmp_path: Path, corpus_db: Path) -> Path:
    """A private copy of the ingested corpus ledger."""
    db = tmp_path / "ledger.db"
    shutil.copy(corpus_db, db)
    return db


FLOWS = (
    'SELECT id, doc_id, giver, receiver, item, concept, "start", "end", sent_start, sent_end, '
    "claim_id FROM flows"
)


def _ledger_contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Everything a ledger holds, by content rather than by row id or time of writing."""
    conn = sqlite3.connect(db)
    claim_key = {
        row[0]: row[1:] for row in conn.execute('SELECT id, doc_id, "start", "end" FROM claims')
    }
    party = dict(conn.execute("SELECT id, name FROM parties"))

    def rows(sql: str) -> list[tuple[object, ...]]:
        return sorted(conn.execute(sql).fetchall(), key=repr)

    out = {
        "documents": rows(
            "SELECT id, name, origin, kind, title, outlet, author, published, url, body_start, "
            "text, meta_json FROM documents"
        ),
        "claims": sorted((r[1:] for r in rows("SELECT * FROM claims")), key=repr),
        "flows": sorted(
            ((*r[1:-1], claim_key.get(r[-1])) for r in rows(FLOWS)),  # type: ignore[arg-type]
            key=repr,
        ),
        "parties": rows("SELECT name, kind, code, affiliation FROM parties"),
        "aliases": sorted((party[p], a) for p, a in conn.execute("SELECT * FROM party_aliases")),
        "claim_parties": sorted(
            (claim_key[c], party[p], role)  # type: ignore[index]
            for c, p, role in conn.execute("SELECT * FROM claim_parties")
        ),
        "search": sorted(
            (claim_key[r], s) for r, s in conn.execute("SELECT rowid, sentence FROM claims_fts")
        ),
    }
    conn.close()
    return out


@pytest.fixture(scope="session")
def ledger_contents() -> Callable[[Path], dict[str, list[tuple[object, ...]]]]:
    """Everything a ledger holds, by content rather than by row id or time of writing."""
    return _ledger_contents
