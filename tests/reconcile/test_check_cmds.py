"""The `checks` and `check` commands: contract-shaped jsonl, filters, and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import goldkit
import pytest
from click.testing import CliRunner

from claimledger.cli import main

SEED = {p.stem[:3]: str(p) for p in goldkit.SEEDS.glob("*.txt")}


@pytest.fixture(scope="module")
def others_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A ledger of seeds 000, 002, 003 and 004, ingested through the CLI."""
    db = str(tmp_path_factory.mktemp("cli") / "ledger.db")
    paths = [SEED[k] for k in ("000", "002", "003", "004")]
    result = CliRunner().invoke(main, ["--db", db, "ingest", *paths])
    assert result.exit_code == 0, result.output
    return db


def test_checks_jsonl_lines_follow_the_contract(others_db: str) -> None:
    result = CliRunner().invoke(main, ["checks", "--db", others_db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines
    for line in lines:
        assert list(line) == ["claims", "verdict", "note"]
        assert all(list(c) == ["doc", "quote", "start", "end"] for c in line["claims"])
    ratio = [x for x in lines if any(c["quote"] == "more than half" for c in x["claims"])]
    assert ratio and ratio[0]["verdict"] == "consistent"


def test_checks_filters_by_verdict(others_db: str) -> None:
    args = ["--db", others_db, "checks", "--verdict", "different_scope", "--format", "jsonl"]
    result = CliRunner().invoke(main, args)
    verdicts = {json.loads(line)["verdict"] for line in result.stdout.splitlines()}
    assert verdicts == {"different_scope"}


def test_check_exits_1_on_a_conflict_and_stores_nothing(others_db: str) -> None:
    runner = CliRunner()
    before = runner.invoke(main, ["--db", others_db, "stats", "--format", "json"]).stdout
    result = runner.invoke(main, ["--db", others_db, "check", SEED["001"], "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["failed"] is True
    (pay,) = [f for f in report["figures"] if f["quote"] == "$800 a month"]
    assert pay["status"] == "conflicting"
    assert runner.invoke(main, ["--db", others_db, "stats", "--format", "json"]).stdout == before


def test_check_exits_0_when_nothing_conflicts(others_db: str) -> None:
    """000 is already in the ledger: it is not compared with its own stored copy."""
    result = CliRunner().invoke(main, ["--db", others_db, "check", SEED["000"]])
    assert result.exit_code == 0, result.output
    assert "'about 16,000 shipping containers': new" in result.stdout
    assert result.stdout.rstrip().endswith("ok")


def test_check_exits_2_on_a_missing_article(others_db: str, tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    result = CliRunner().invoke(main, ["--db", others_db, "check", missing])
    assert result.exit_code == 2
    assert f"error: {missing}: no such file or directory" in result.stderr
