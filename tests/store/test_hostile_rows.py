"""Every view survives any row a ledger may hold.

A real ledger (three demo articles through the real pipeline) gets hostile rows written
straight into SQLite, as an old claimledger, another tool or a bad extraction could leave
them: the largest finite numbers, NULLs wherever the schema allows them, odd units and
rates, spans past the end of the text, megabyte strings and markup. Then every command and
every web page runs over it. Infinity cannot go in at all (test_finite.py).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.model import MODALITIES
from claimledger.store import Ledger

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
HUGE = 1.7976931348623157e308
LONG = "x" * 20_000
MARKUP = "<script>alert(1)</script>&amp;\u202e\x00"

NK, RU = "North Korea", "Russia"
# (value, low, high, qualifier, unit, per, when, item, concept, source, from, to, vague)
HOSTILE = [
    (HUGE, -HUGE, HUGE, "about", "USD", "month", "2024-06", "aid", "aid", "officials", NK, RU, 0),
    (-HUGE, HUGE, -HUGE, "range", "count", None, None, "shells", "shells", None, RU, NK, 1),
    (None, None, None, "range", "percent", "day", "not a date", None, None, None, None, None, 0),
    (5e-324, None, 1e300, "up_to", "", "", "", "", "", "", "", "", 0),
    (1e300, 1e300, 1e300, "exact", "percent", "yr", "9999-99", "men", "troops", "ISW", RU, "UA", 0),
    (12.0, 30.0, 1.0, "over", MARKUP, MARKUP, MARKUP, MARKUP, MARKUP, MARKUP, MARKUP, MARKUP, 1),
    (3.0, None, None, "exact", LONG, LONG, LONG, LONG, LONG, LONG, LONG, LONG, 0),
    (2.0**63, -(2.0**63), None, "at_least", "USD", "month", "2024", "pay", "pay", "NIS", RU, NK, 0),
]  # fmt: skip

COLUMNS = (
    'doc_id, doc, quote, "start", "end", sent_start, sent_end, sentence, value, low, high, '
    'qualifier, unit, per, "when", item, concept, source, from_party, to_party, vague, '
    "currency, extractor_version, modality"
)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("hostile") / "ledger.db"
    files = sorted(str(p) for p in CORPUS.glob("*.txt"))[:3]
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", *files])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    doc_id, name, size = conn.execute(
        "SELECT id, name, length(text) FROM documents ORDER BY rowid LIMIT 1"
    ).fetchone()
    for n, row in enumerate(HOSTILE):
        start = 10**9 + n  # far past the end of the text
        spans = (start, start + 5) if n % 2 else (size - 2 + n, size + 40 + n)
        quote = MARKUP if n % 3 == 0 else LONG if n % 3 == 1 else ""
        sentence = None if n % 2 else LONG
        currency = "USD" if row[4] == "USD" else MARKUP if n == 5 else None
        conn.execute(
            f"INSERT INTO claims ({COLUMNS}) VALUES ({', '.join('?' * 24)})",
            (doc_id, name, quote, *spans, spans[0], spans[1] + 1000, sentence, *row, currency,
             MARKUP, MODALITIES[n % len(MODALITIES)]),
        )  # fmt: skip
    conn.execute(
        'INSERT INTO flows (doc_id, giver, receiver, item, concept, "start", "end", claim_id) '
        "SELECT ?, NULL, ?, ?, ?, 10, 5, max(id) FROM claims",
        (doc_id, LONG, MARKUP, ""),
    )
    conn.execute(
        'INSERT INTO flows (doc_id, giver, receiver, item, concept, "start", "end") '
        "VALUES (?, 'North Korea', 'Russia', ?, 'aid', -5, 99999999)",
        (doc_id, LONG),
    )
    conn.execute("UPDATE documents SET published = 'yesterday-ish', title = ? WHERE id = ?",
                 (MARKUP, doc_id))  # fmt: skip
    conn.close()
    return db


@pytest.fixture
def db(hostile_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "ledger.db"
    shutil.copyfile(hostile_db, copy)
    return copy


def run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, (args, result.output[-2000:])
    return result.stdout


COMMANDS = [
    ("figures",),
    ("figures", "--format", "jsonl"),
    ("figures", "--format", "csv"),
    ("figures", "--unit", "USD"),
    ("stats",),
    ("stats", "--format", "json"),
    ("summary",),
    ("summary", "--format", "json"),
    ("checks", "--refresh"),
    ("checks", "--format", "jsonl"),
    ("flows",),
    ("parties",),
    ("party", "Russia"),
    ("exchange", "North Korea", "Russia"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_survives(db: Path, args: tuple[str, ...]) -> None:
    out = run(db, *args)
    if "jsonl" in args:
        for line in out.splitlines():
            json.loads(line)  # strict JSON: no Infinity, no NaN
    if args[-1] == "json":
        json.loads(out)


@pytest.fixture
def client(db: Path) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from claimledger.web import create_app

    yield TestClient(create_app(db), base_url="http://127.0.0.1", raise_server_exceptions=True)


def test_every_page_survives(db: Path, client: object) -> None:
    with Ledger.open(db) as ledger:
        claim_ids = [row[0] for row in ledger._conn.execute("SELECT id FROM claims")]
        doc_ids = [doc.id for doc in ledger.documents(with_text=False)]
        concepts = [row[0] for row in ledger._conn.execute("SELECT DISTINCT concept FROM claims")]
    pages = ["/", "/figures", "/figures?sort=value", "/checks", "/documents", "/exchange",
             "/party/Russia", "/api/overview", "/api/figures", "/api/checks", "/figures.csv",
             "/api/party/Russia", "/api/exchange", "/api/documents"]  # fmt: skip
    pages += [f"/figure/{i}" for i in claim_ids[-len(HOSTILE) :]]
    pages += [f"/api/figure/{i}" for i in claim_ids[-len(HOSTILE) :]]
    pages += [f"/document/{d}" for d in doc_ids] + [f"/api/document/{d}" for d in doc_ids]
    pages += [f"/timeline?concept={c}" for c in concepts if c and c.isprintable() and len(c) < 100]
    for page in pages:
        response = client.get(page)  # type: ignore[attr-defined]
        assert response.status_code == 200, (page, response.text[-2000:])
        if page.startswith("/api/"):
            json.loads(response.text)
        elif response.headers["content-type"].startswith("text/html"):
            assert "<script>alert(1)" not in response.text, page
