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
Contents = Callable[[Path], dict[str, list[tuple[object, ...]]]]
CLI = [sys.executable, "-c", "from claimledger.cli import main; main()"]


def documents_in(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_at_random_moments_then_rerun_gives_the_clean_ledger(
    cli: Invoke, tmp_path: Path, corpus_files: list[str], ledger_contents: Contents
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
    cli: Invoke, tmp_path: Path, corpus_files: list[str], ledger_contents: Contents
) -> None:
    clean = tmp_path / "clean.db"
    assert cli("--db", str(clean), "ingest", *corpus_files).exit_code == 0
    db = tmp_path / "shared.db"
    halves = [corpus_files[::2], corpus_files[::-1]]  # overlapping, in opposite orders
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
