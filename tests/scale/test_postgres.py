"""The ledger in PostgreSQL answers as the SQLite ledger does, on the real seeds."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

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
    tmp_path_factory: pytest.TempPathFactory,
    new_database: Callable[[], str],
    seed_files: list[str],
    cli: Invoke,
) -> tuple[str, str]:
    """(SQLite path, PostgreSQL URL), each holding the seeds, ingested through the CLI."""
    sqlite = str(tmp_path_factory.mktemp("sqlite") / "ledger.db")
    postgres = new_database()
    for db in (sqlite, postgres):
        result = cli("--db", db, "ingest", *seed_files)
        assert result.exit_code == 0, result.stderr
        assert f"ingested {len(seed_files)} new" in result.stderr
    return sqlite, postgres


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
