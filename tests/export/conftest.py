"""Fixtures for the export tests: one real ledger of the demo corpus and the shared seeds,
ingested once through the CLI; every test reads a copy or leaves it unchanged."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimledger.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"

Invoke = Callable[..., Result]


def invoke(*args: str) -> Result:
    """Run `claimledger ARGS...` in-process, with $CLAIMLEDGER_DB unset."""
    runner = CliRunner(env={"CLAIMLEDGER_DB": None})
    return runner.invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def cli() -> Invoke:
    return invoke


@pytest.fixture(scope="session")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo articles and the seed articles, by path, in one ledger."""
    if not SEEDS.is_dir():
        pytest.fail(f"{SEEDS} is missing: clone the team's shared folder beside the repo")
    path = tmp_path_factory.mktemp("export") / "ledger.db"
    files = [str(p) for p in sorted(CORPUS.glob("*.txt"))] + [str(SEEDS)]
    result = invoke("--db", str(path), "ingest", *files)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def db(ledger_db: Path, tmp_path: Path) -> Path:
    """A private copy of the ledger (exports recompute the checks stored in it)."""
    path = tmp_path / "ledger.db"
    shutil.copyfile(ledger_db, path)
    return path
