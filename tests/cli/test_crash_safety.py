"""Crash safety: an ingest killed with SIGKILL at random moments, then run again, leaves
exactly the ledger of an uninterrupted run. Concurrent ingests into one ledger lose nothing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Invoke = Callable[..., Result]
CLI = [sys.executable, "-c", "from claimledger.cli import main; main()"]


FLOWS = (
    'SELECT id, doc_id, giver, receiver, item, concept, "start", "end", sent_start, sent_end, '
    "claim_id FROM flows"
)


def ledger_contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
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


def documents_in(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_at_random_moments_then_rerun_gives_the_clean_ledger(
    cli: Invoke, tmp_path: Path, corpus_files: list[str]
) -> None:
    clean = tmp_path / "clean.db"
    assert cli("--db", str(clean), "ingest", *corpus_files).exit_code == 0
    expected = ledger_contents(clean)

    seed = int(os.environ.get("CRASH_SEED", time.time_ns() % 10_000))
    rng = random.Random(seed)
    db = tmp_path / "killed.db"
    args = [*CLI, "--db", str(db), "ingest", *corpus_files]
    kills = []
    for _ in range(3):
        target = rng.randint(0, len(corpus_files) - 2)
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while documents_in(db) < target and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills.append((target, documents_in(db)))
    print(f"seed {seed}: kills at (target, documents in) {kills}")
    final = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    assert ledger_contents(db) == expected, f"seed {seed}, kills (target, docs) {kills}"


def test_concurrent_ingests_lose_nothing(
    cli: Invoke, tmp_path: Path, corpus_files: list[str]
) -> None:
    clean = tmp_path / "clean.db"
    assert cli("--db", str(clean), "ingest", *corpus_files).exit_code == 0
    db = tmp_path / "shared.db"
    halves = [corpus_files[::2], corpus_files[1::2], corpus_files]
    processes = [
        subprocess.Popen([*CLI, "--db", str(db), "ingest", *files], stderr=subprocess.PIPE)
        for files in halves
    ]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    got, want = ledger_contents(db), ledger_contents(clean)
    for table in ("documents", "claims", "flows", "parties", "aliases", "search"):
        assert got[table] == want[table], table
