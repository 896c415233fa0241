"""`ingest --dask ADDRESS` against a real dask.distributed LocalCluster: the ledger it
builds is the ledger a plain ingest builds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from claimledger.store import Ledger

Invoke = Callable[..., Result]
COMPARED = [("figures", "--format", "jsonl"), ("flows", "--format", "jsonl"), ("parties",)]

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A small in-process cluster (worker threads: the spaCy model is already loaded here,
    so the test costs extraction, not start-up); its scheduler's address."""
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_cluster_ledger_matches_plain_ingest(
    scheduler: str, seeds_sqlite: str, seed_files: list[str], tmp_path: Path, cli: Invoke
) -> None:
    db = str(tmp_path / "dask.db")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    inputs = [*seed_files, str(broken), seed_files[0]]  # a bad file and a repeat
    result = cli("--db", db, "ingest", "--dask", scheduler, *inputs)
    assert result.exit_code == 3, result.stderr  # some inputs failed
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {broken}: "), errors
    assert f"ingested {len(seed_files)} new, 1 already in the ledger, 1 failed" in result.stderr
    for command in COMPARED:
        expected = cli("--db", seeds_sqlite, *command)
        found = cli("--db", db, *command)
        assert expected.stdout.strip() and found.stdout == expected.stdout, command
    with Ledger.open(db) as ledger, Ledger.open(seeds_sqlite) as plain:
        assert ledger.counts() == plain.counts()


def test_reingest_on_cluster_changes_nothing(
    scheduler: str, seeds_sqlite: str, seed_files: list[str], tmp_path: Path, cli: Invoke
) -> None:
    db = tmp_path / "again.db"
    db.write_bytes(Path(seeds_sqlite).read_bytes())
    with Ledger.open(db) as ledger:
        before = ledger.counts()
    result = cli("--db", str(db), "ingest", "--dask", scheduler, *seed_files)
    assert result.exit_code == 0, result.stderr
    assert f"0 new, {len(seed_files)} already in the ledger, 0 failed" in result.stderr
    with Ledger.open(db) as ledger:
        assert ledger.counts() == before


def test_worker_warnings_reach_the_client(
    scheduler: str, seed_files: list[str], tmp_path: Path, cli: Invoke
) -> None:
    """The figure limit is applied on the worker; its warning is printed here."""
    db = str(tmp_path / "limited.db")
    result = cli(
        "--db", db, "ingest", "--dask", scheduler, seed_files[0],
        env={"CLAIMLEDGER_MAX_FIGURES": "2"},
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and seed_files[0] in warnings[0], result.stderr
    with Ledger.open(db) as ledger:
        assert ledger.stats()["claims"] == 2


def test_cluster_into_postgresql(
    scheduler: str, seeds_sqlite: str, seed_files: list[str], new_database: Callable[[], str],
    cli: Invoke,
) -> None:  # fmt: skip
    url = new_database()
    result = cli("--db", url, "ingest", "--dask", scheduler, *seed_files)
    assert result.exit_code == 0, result.stderr
    expected = cli("--db", seeds_sqlite, "figures", "--format", "jsonl").stdout
    assert cli("--db", url, "figures", "--format", "jsonl").stdout == expected


def test_unreachable_scheduler_is_one_error_line(tmp_path: Path, cli: Invoke) -> None:
    db = tmp_path / "ledger.db"
    result = cli(
        "--db", str(db), "ingest", "--dask", "tcp://127.0.0.1:9", str(db),
        env={"CLAIMLEDGER_DASK_TIMEOUT": "1"},
    )  # fmt: skip
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: tcp://127.0.0.1:9: cannot reach the Dask scheduler")


def test_registry_travels_between_processes(tmp_path: Path) -> None:
    """The registry is scattered to every worker and workers copy it to one another: one
    unpickled in a fresh process (as on a worker) must pickle again and still resolve."""
    import pickle
    import subprocess
    import sys

    import claimledger.distributed  # noqa: F401 - registers how a registry pickles
    from claimledger.parties import PartyRegistry

    blob = tmp_path / "registry.pickle"
    blob.write_bytes(pickle.dumps(PartyRegistry.default()))
    script = (
        "import pickle, sys; r = pickle.loads(open(sys.argv[1], 'rb').read()); "
        "again = pickle.loads(pickle.dumps(r)); print(again.resolve('Pyongyang').name)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(blob)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == PartyRegistry.default().resolve("Pyongyang").name
