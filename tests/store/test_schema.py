"""Opening ledger files: creation, pragmas, migrations, and refusal of foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import StoreError
from claimledger.store import Ledger
from claimledger.store.schema import (
    APPLICATION_ID,
    LATEST_VERSION,
    MIGRATIONS,
    migrate,
    schema_version,
    split_statements,
)

TABLES = {
    "documents",
    "claims",
    "parties",
    "party_aliases",
    "claim_parties",
    "flows",
    "checks",
    "check_claims",
    "claims_fts",
    "schema_version",
}


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_open_creates_file_with_tables_and_version(ledger_path: Path) -> None:
    with Ledger.open(ledger_path) as ledger:
        assert ledger.stats() == dict.fromkeys(
            ("documents", "claims", "flows", "parties", "checks"), 0
        )
    assert ledger_path.exists()
    conn = raw(ledger_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables >= TABLES
    assert schema_version(conn) == LATEST_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_wal_and_foreign_keys_are_on(ledger: Ledger, ledger_path: Path) -> None:
    conn = ledger._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        conn.execute(
            'INSERT INTO claims (doc_id, doc, quote, "start", "end", qualifier, unit, '
            "modality, extractor_version) VALUES ('nope', 'x', 'q', 0, 1, 'exact', 'count', "
            "'asserted', '0')"
        )


def test_reopen_keeps_data_and_applies_nothing(ledger_path: Path, sample: Any) -> None:
    with Ledger.open(ledger_path) as ledger:
        assert ledger.add_document(sample.doc, sample.claims, sample.flows, sample.parties)
        before = ledger.counts()
    with Ledger.open(ledger_path) as ledger:
        assert ledger.counts() == before
        assert ledger.claims() == sample.claims
    conn = raw(ledger_path)
    assert conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def test_empty_v0_file_is_migrated(ledger_path: Path) -> None:
    ledger_path.touch()  # a zero-byte file is an empty SQLite database: version 0
    with Ledger.open(ledger_path) as ledger:
        assert ledger.stats()["claims"] == 0
    conn = raw(ledger_path)
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [v for v, _ in MIGRATIONS]
    applied_at = conn.execute("SELECT applied_at FROM schema_version").fetchone()[0]
    assert applied_at.startswith("20")


def test_empty_schema_version_table_counts_as_v0(ledger_path: Path) -> None:
    conn = raw(ledger_path)
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)")
    conn.close()
    with Ledger.open(ledger_path) as ledger:
        assert "claims" in ledger.counts()
    assert schema_version(raw(ledger_path)) == LATEST_VERSION


def test_a_new_migration_is_applied_once_on_open(ledger_path: Path) -> None:
    Ledger.open(ledger_path).close()
    conn = raw(ledger_path)
    newer = [*MIGRATIONS, (LATEST_VERSION + 1, "CREATE TABLE extra (\n  x INTEGER\n);")]
    assert migrate(conn, newer) == [LATEST_VERSION + 1]
    assert migrate(conn, newer) == []
    assert schema_version(conn) == LATEST_VERSION + 1
    assert conn.execute("SELECT count(*) FROM extra").fetchone()[0] == 0


def test_a_failing_migration_changes_nothing(ledger_path: Path) -> None:
    Ledger.open(ledger_path).close()
    conn = raw(ledger_path)
    broken = [
        *MIGRATIONS,
        (LATEST_VERSION + 1, "CREATE TABLE extra (x INTEGER);\nINSERT INTO missing VALUES (1);"),
    ]
    with pytest.raises(sqlite3.OperationalError, match="no such table: missing"):
        migrate(conn, broken)
    assert not conn.in_transaction
    assert schema_version(conn) == LATEST_VERSION
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "extra" not in names


def test_a_newer_ledger_is_refused(ledger_path: Path) -> None:
    Ledger.open(ledger_path).close()
    conn = raw(ledger_path)
    conn.execute("INSERT INTO schema_version VALUES (?, '2099-01-01')", (LATEST_VERSION + 1,))
    conn.close()
    with pytest.raises(StoreError, match="newer than this claimledger understands"):
        Ledger.open(ledger_path)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError) as info:
        Ledger.open(path)
    message = str(info.value)
    assert message.startswith(f"{path}: not a claimledger ledger (not a SQLite database")
    assert path.read_text().startswith("these are my notes")


def test_another_apps_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = raw(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)")
    conn.close()
    with pytest.raises(StoreError) as info:
        Ledger.open(path)
    assert str(info.value).startswith(
        f"{path}: not a claimledger ledger (a SQLite database with other tables: users)"
    )
    assert schema_version(raw(path)) == 0  # untouched


def test_another_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = raw(path)
    conn.execute("PRAGMA application_id = 42")
    conn.close()
    with pytest.raises(StoreError, match=r"another application's SQLite database"):
        Ledger.open(path)


def test_a_directory_or_missing_parent_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="it is a directory"):
        Ledger.open(tmp_path)
    missing = tmp_path / "nope" / "ledger.db"
    with pytest.raises(StoreError, match="does not exist"):
        Ledger.open(missing)


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    statements = split_statements(MIGRATIONS[0][1])
    triggers = [s for s in statements if s.startswith("CREATE TRIGGER")]
    assert len(triggers) == 3
    assert all(s.endswith("END;") for s in triggers)
    with pytest.raises(ValueError, match="incomplete SQL statement"):
        split_statements("CREATE TABLE x (a INTEGER)")
