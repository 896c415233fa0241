"""The ledger in PostgreSQL answers as the SQLite ledger does, on the real seeds."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import Result

from claimledger.store import Ledger
from claimledger.store.queries import ClaimFilter

Invoke = Callable[..., Result]

# Listing commands whose stdout must be identical on both backends.
SAME_OUTPUT = [
    ("figures", "--format", "jsonl"),
    ("checks", "--format", "jsonl"),
    ("stats", "--format", "json"),
    ("flows", "--format", "jsonl"),
    ("parties",),
    ("summary",),
]


@pytest.fixture(scope="module")
def both(
    seeds_sqlite: str, new_database: Callable[[], str], seed_files: list[str], cli: Invoke
) -> tuple[str, str]:
    """(SQLite path, PostgreSQL URL), each holding the seeds, ingested through the CLI."""
    postgres = new_database()
    result = cli("--db", postgres, "ingest", *seed_files)
    assert result.exit_code == 0, result.stderr
    assert f"ingested {len(seed_files)} new" in result.stderr
    return seeds_sqlite, postgres


@pytest.mark.parametrize("command", SAME_OUTPUT, ids=lambda c: c[0])
def test_outputs_match_sqlite(both: tuple[str, str], command: tuple[str, ...], cli: Invoke) -> None:
    sqlite, postgres = both
    expected = cli("--db", sqlite, *command)
    found = cli("--db", postgres, *command)
    assert expected.exit_code == found.exit_code == 0, found.stderr
    assert expected.stdout.strip(), f"{command} printed nothing on SQLite"
    assert found.stdout == expected.stdout


def test_seeds_fill_every_table(both: tuple[str, str], seed_files: list[str], cli: Invoke) -> None:
    stats = json.loads(cli("--db", both[1], "stats", "--format", "json").stdout)
    assert stats["documents"] == len(seed_files)
    assert min(stats.values()) > 0, stats  # claims, flows, parties and checks all stored


def test_reingest_changes_nothing(
    both: tuple[str, str], seed_files: list[str], cli: Invoke
) -> None:
    postgres = both[1]
    with Ledger.open(postgres) as ledger:
        before = ledger.counts()
    result = cli("--db", postgres, "ingest", *seed_files)
    assert result.exit_code == 0, result.stderr
    assert f"0 new, {len(seed_files)} already in the ledger, 0 failed" in result.stderr
    with Ledger.open(postgres) as ledger:
        assert ledger.counts() == before


def test_search_finds_the_same_claims(both: tuple[str, str]) -> None:
    """Full-text search is FTS5 on SQLite and a tsvector index on PostgreSQL: plain words
    find the same claims on both."""
    sqlite, postgres = both
    with Ledger.open(sqlite) as ledger:
        sentences = [row["sentence"] or "" for row in ledger.claim_rows()]
    words = sorted({w for s in sentences for w in re.findall(r"[A-Za-z]{6,}", s)})
    assert len(words) > 20
    for word in words[:: max(1, len(words) // 15)]:
        spelled = word.upper()  # both are case-insensitive
        results = []
        for db in (sqlite, postgres):
            with Ledger.open(db) as ledger:
                found = [r["id"] for r in ledger.claim_rows(search=spelled, order="id")]
                page, total = ledger.claim_page(ClaimFilter(search=word, limit=50))
            results.append((found, [r["id"] for r in page], total))
        assert results[0] == results[1], word
        assert results[0][0], f"{word} is in a claim's sentence but found nothing"


def test_web_api_matches_sqlite(both: tuple[str, str]) -> None:
    """The web workbench's JSON over PostgreSQL is the JSON over SQLite (page queries:
    facets, sorts, paging, full text, party and check pages), and its pages render."""
    from fastapi.testclient import TestClient

    from claimledger.web import create_app

    sqlite, postgres = (TestClient(create_app(db), base_url="http://127.0.0.1") for db in both)
    for path in (
        "/api/overview", "/api/figures", "/api/figures?sort=-value&per_page=7&page=2",
        "/api/figures?sort=date", "/api/checks", "/api/documents", "/api/party/Russia",
        "/api/exchange?a=Russia&b=North%20Korea", "/api/figure/3",
    ):  # fmt: skip
        expected, found = sqlite.get(path), postgres.get(path)
        assert expected.status_code == found.status_code, path
        assert found.json() == expected.json(), path
    for path in ("/", "/figures", "/checks", "/documents", "/party/Russia", "/timeline"):
        assert postgres.get(path).status_code == 200, path


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://nobody@/nodb?host=/nonexistent-socket-dir",
        "postgresql://nobody:secret@127.0.0.1:1/nodb",
    ],
    ids=["socket", "tcp"],
)
@pytest.mark.parametrize("command", [("stats",), ("ingest", "-")], ids=["read", "ingest"])
def test_unreachable_server_is_one_error_line(
    cli: Invoke, url: str, command: tuple[str, ...]
) -> None:
    result = cli("--db", url, *command)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: postgresql://nobody"), lines
    assert "cannot open the ledger" in lines[0]
    assert "secret" not in result.stderr


def test_empty_database_is_not_created_by_a_read(
    cli: Invoke, new_database: Callable[[], str]
) -> None:
    url = new_database()
    result = cli("--db", url, "figures")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {url}: no ledger here; run ingest first"


def test_other_applications_database_is_refused(
    cli: Invoke, new_database: Callable[[], str], seed_files: list[str]
) -> None:
    import psycopg

    url = new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    result = cli("--db", url, "ingest", seed_files[0])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not a claimledger ledger" in lines[0], lines
    with psycopg.connect(url) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    assert tables == (1,)  # nothing was added to the foreign database


def test_schema_matches_sqlite(tmp_path: Path, new_database: Callable[[], str]) -> None:
    """Every SQLite table (but the full-text ones) exists in PostgreSQL with the same
    columns in the same order and the same CHECKs: a non-finite figure is refused."""
    import psycopg

    url = new_database()
    Ledger.open(url).close()
    sqlite = sqlite3.connect(tmp_path / "ledger.db")
    Ledger.open(tmp_path / "ledger.db").close()
    tables = [
        name
        for (name,) in sqlite.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " AND name NOT LIKE 'claims_fts%' ORDER BY name"
        )
    ]
    with psycopg.connect(url) as conn:
        for table in tables:
            expected = [row[1] for row in sqlite.execute(f'PRAGMA table_info("{table}")')]
            found = [
                name
                for (name,) in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "ORDER BY ordinal_position",
                    (table,),
                )
                if name != "rowid" or "rowid" in expected
            ]
            assert found == expected, table
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute(
                "INSERT INTO documents (id, name, origin, kind, text, ingested_at) "
                "VALUES ('d', 'd', 'd', 'text', '', '')"
            )
            conn.execute(
                'INSERT INTO claims (doc_id, doc, quote, "start", "end", value, qualifier, '
                "unit, modality, extractor_version) "
                "VALUES ('d', 'd', 'q', 0, 1, 'Infinity', 'exact', 'count', 'asserted', 'x')"
            )
    sqlite.close()


def test_concurrent_writers_store_each_document_once(
    seeds_sqlite: str, seed_files: list[str], new_database: Callable[[], str]
) -> None:
    """Four connections storing the same documents at once, in different orders: every
    document is stored once, and the ledger holds what one plain ingest holds."""
    from claimledger.api import prepare, store_prepared
    from claimledger.ingest import load_path
    from claimledger.parties import PartyRegistry

    registry = PartyRegistry.default()
    prepared = [prepare(doc, registry) for file in seed_files for doc in load_path(Path(file))]
    url = new_database()
    Ledger.open(url).close()
    start = threading.Barrier(4)

    def store_all(order: int) -> int:
        added = 0
        with Ledger.open(url) as ledger:
            start.wait(timeout=60)
            for item in prepared[order:] + prepared[:order]:
                added += bool(store_prepared(ledger, item, registry))
        return added

    with ThreadPoolExecutor(max_workers=4) as pool:
        added = list(pool.map(store_all, range(4)))
    assert sum(added) == len(prepared)
    with Ledger.open(url) as ledger, Ledger.open(seeds_sqlite) as plain:
        assert ledger.stats() == {**plain.stats(), "checks": 0}


def test_older_ledger_gains_the_columns_added_since(
    both: tuple[str, str], new_database: Callable[[], str], seed_files: list[str], cli: Invoke
) -> None:
    """A PostgreSQL ledger made by an older claimledger (here: a column missing, an older
    schema version) is brought to the latest schema on opening, its rows kept."""
    import psycopg

    url = new_database()
    assert cli("--db", url, "ingest", seed_files[0]).exit_code == 0
    with psycopg.connect(url, autocommit=True) as conn:
        column = conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'claims' "
            "ORDER BY ordinal_position DESC LIMIT 1"
        ).fetchone()[0]
        conn.execute(f'ALTER TABLE claims DROP COLUMN "{column}"')
        conn.execute("DELETE FROM schema_version WHERE version > 1")
    result = cli("--db", url, "ingest", *seed_files[:2])
    assert result.exit_code == 0, result.stderr
    assert "1 new, 1 already in the ledger" in result.stderr
    with psycopg.connect(url) as conn:
        columns = {
            name
            for (name,) in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'claims'"
            )
        }
        assert column in columns
    expected = cli(
        "--db", both[0], "figures", "--format", "jsonl", "--doc", Path(seed_files[1]).stem
    )
    found = cli("--db", url, "figures", "--format", "jsonl", "--doc", Path(seed_files[1]).stem)
    assert found.stdout == expected.stdout and expected.stdout
