"""remove DOC and reextract: transactional, reviews left intact, checks recomputed after."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from claimledger.store import Ledger

Invoke = Callable[..., Result]
Contents = Callable[[Path], dict[str, list[tuple[object, ...]]]]


def add_review(db: Path) -> list[tuple[object, ...]]:
    """A review as the web's reviews table holds one: keyed by a check's kind and claims."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS reviews (check_key TEXT PRIMARY KEY, state TEXT NOT NULL, "
        "note TEXT NOT NULL DEFAULT '', reviewed_at TEXT NOT NULL)"
    )
    ids = [r[0] for r in conn.execute("SELECT id FROM claims ORDER BY id LIMIT 2")]
    conn.execute("INSERT INTO reviews VALUES (?, 'accepted', 'checked by hand', '2026-01-01')",
                 (f"group:{ids[0]},{ids[1]}",))  # fmt: skip
    rows = conn.execute("SELECT * FROM reviews").fetchall()
    conn.close()
    return rows


def reviews(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT * FROM reviews").fetchall()


def test_remove_a_document(cli: Invoke, ledger_copy: Path, corpus_files: list[str]) -> None:
    review = add_review(ledger_copy)
    name = Path(corpus_files[4]).stem
    with Ledger.open(ledger_copy) as ledger:
        before = ledger.stats()
        theirs = len(ledger.claims(doc=name))
    result = cli("--db", str(ledger_copy), "remove", name)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"removed {name} (")
    with Ledger.open(ledger_copy) as ledger:
        after = ledger.stats()
        assert ledger.document(name) is None
        assert ledger.claims(doc=name) == []
    assert after["documents"] == before["documents"] - 1
    assert after["claims"] == before["claims"] - theirs
    assert reviews(ledger_copy) == review
    checks = cli("--db", str(ledger_copy), "checks", "--format", "jsonl")
    assert "cross-checking the ledger" in checks.stderr  # the checks were recomputed
    assert name not in checks.stdout


def test_removing_an_unknown_document_is_an_error(cli: Invoke, ledger_copy: Path) -> None:
    result = cli("--db", str(ledger_copy), "remove", "no-such-doc")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "error: no-such-doc: no such document in the ledger (give its name or id)"
    )


def test_reextract_restores_what_the_extractor_finds_and_keeps_ids(
    cli: Invoke, ledger_copy: Path, corpus_db: Path, ledger_contents: Contents
) -> None:
    review = add_review(ledger_copy)
    conn = sqlite3.connect(ledger_copy, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    spans = dict(conn.execute('SELECT id, doc_id || ":" || "start" FROM claims'))
    first, second = sorted(spans)[:2]
    # What an older extractor might have left: a wrong item, a lost figure, a spurious one.
    conn.execute("UPDATE claims SET item = 'tampered', value = 1 WHERE id = ?", (first,))
    conn.execute("DELETE FROM claims WHERE id = ?", (second,))
    conn.execute("DELETE FROM flows")
    conn.close()
    result = cli("--db", str(ledger_copy), "reextract")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1].startswith("re-extracted 10 documents: ")
    assert ledger_contents(ledger_copy) == ledger_contents(corpus_db)
    with sqlite3.connect(ledger_copy) as conn:
        now = dict(conn.execute('SELECT id, doc_id || ":" || "start" FROM claims'))
    assert now[first] == spans[first]  # same span, same id
    assert {k: v for k, v in now.items() if k != second and k in spans} == {
        k: v for k, v in spans.items() if k != second
    }
    assert reviews(ledger_copy) == review


def test_reextract_leaves_a_failing_document_as_it_was(
    cli: Invoke,
    ledger_copy: Path,
    corpus_files: list[str],
    ledger_contents: Contents,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from claimledger.extract import pipeline

    real = pipeline.extract_documents
    victim = Path(corpus_files[2]).stem

    def flaky(docs, **kwargs):  # type: ignore[no-untyped-def]
        docs = list(docs)
        if docs[0].name == victim:
            raise RuntimeError("boom")
        return real(docs, **kwargs)

    before = ledger_contents(ledger_copy)
    monkeypatch.setattr(pipeline, "extract_documents", flaky)
    result = cli("--db", str(ledger_copy), "reextract")
    assert result.exit_code == 3
    assert f"error: {victim}: extraction failed (RuntimeError: boom)" in result.stderr
    assert ledger_contents(ledger_copy) == before
