"""Fixtures for the scale tests: a real PostgreSQL server, a fresh database per test, the
seeds, and the in-process CLI.

The server is $CLAIMLEDGER_TEST_PG when set (a server of your own),
else a throwaway cluster this fixture makes with initdb and pg_ctl in a temporary directory,
listening on a Unix socket only. initdb refuses to run as root, so as root the cluster
belongs to the `postgres` user (runuser). Without a server the tests skip, saying why;
in CI (CI=true) they fail instead, so a missing server is never a silent pass.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimledger.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
PG_ENV = "CLAIMLEDGER_TEST_PG"

Invoke = Callable[..., Result]


def invoke(*args: str, env: Mapping[str, str | None] | None = None) -> Result:
    """Run `claimledger ARGS...` in-process (the spaCy model loads once per session)."""
    runner = CliRunner(env={"CLAIMLEDGER_DB": None, **(env or {})})
    return runner.invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="session")
def cli() -> Invoke:
    return invoke


@pytest.fixture(scope="session")
def seed_files() -> list[str]:
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    if not files:
        pytest.fail(f"no seed articles in {SEEDS}; clone the shared folder beside the repo")
    return files


@pytest.fixture(scope="session")
def seeds_sqlite(
    tmp_path_factory: pytest.TempPathFactory, seed_files: list[str], cli: Invoke
) -> str:
    """A SQLite ledger of the seeds, by a plain `ingest`: what other backends must match."""
    db = str(tmp_path_factory.mktemp("sqlite") / "ledger.db")
    result = cli("--db", db, "ingest", *seed_files)
    assert result.exit_code == 0, result.stderr
    assert f"ingested {len(seed_files)} new" in result.stderr
    return db


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL is not available: {reason}"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _binary(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _run(command: list[str], owner: str | None) -> None:
    if owner is not None:
        command = ["runuser", "-u", owner, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()
        reason = last[-1] if last else f"exit {done.returncode}"
        raise RuntimeError(f"{' '.join(command)}: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A libpq URL of a running server, with {db} where the database name goes."""
    given = os.environ.get(PG_ENV)
    if given:
        yield given if "{db}" in given else given.replace("/postgres", "/{db}", 1)
        return
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        _unavailable("initdb/pg_ctl not found (apt-get install postgresql)")
    owner = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("running as root and there is no postgres user to own a cluster")
        owner = "postgres"
    # A short path: a Unix socket's path is limited to about 100 bytes.
    base = Path(tempfile.mkdtemp(prefix="cl-pg-", dir="/tmp"))
    data, sock = base / "data", base / "sock"
    data.mkdir()
    sock.mkdir()
    if owner is not None:
        for path in (base, data, sock):
            shutil.chown(path, owner, owner)
    options = (f"-k {sock} -c listen_addresses= -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=40")  # fmt: skip
    try:
        _run([initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "--no-locale",
              "-E", "UTF8", "--no-sync"], owner)  # fmt: skip
        _run([pg_ctl, "-D", str(data), "-o", options, "-l", str(data / "server.log"),
              "-w", "-t", "90", "start"], owner)  # fmt: skip
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(base, ignore_errors=True)
        _unavailable(f"could not start a throwaway cluster ({exc})")
    try:
        yield f"postgresql://postgres@/{{db}}?host={sock}"
    finally:
        try:
            _run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], owner)
        finally:
            shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def new_database(pg_server: str) -> Iterator[Callable[[], str]]:
    """Make fresh, empty databases (dropped afterwards); returns their URLs."""
    import psycopg

    admin_url = pg_server.format(db="postgres")
    made: list[str] = []

    def make() -> str:
        name = f"cl_{uuid.uuid4().hex[:12]}"
        try:
            with psycopg.connect(admin_url, autocommit=True, connect_timeout=20) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
        except psycopg.Error as exc:
            _unavailable(f"cannot create a database at {admin_url}: {exc}".splitlines()[0])
        made.append(name)
        return pg_server.format(db=name)

    yield make
    if not made:
        return
    with psycopg.connect(admin_url, autocommit=True) as conn:
        for name in made:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
