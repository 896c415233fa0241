"""evaluate: the JSON report's shape over the shared gold and seeds."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from claimledger.evaluate import FIELDS

Invoke = Callable[..., Result]


def test_evaluate_json_shape(cli: Invoke, shared: Path) -> None:
    result = cli("evaluate", str(shared / "gold"), str(shared / "seeds"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"figures", "fields", "documents", "misses", "spurious", "checks"}
    checks = report["checks"]  # the gold folder holds checks.jsonl
    assert checks["gold"] == 16 and checks["strict"] <= checks["recovered"] <= 16
    assert {"false_conflicts", "largest_line", "lines"} <= set(checks)
    assert set(report["figures"]) == {"tp", "fp", "fn", "precision", "recall", "f1"}
    assert set(report["fields"]) == set(FIELDS)
    gold_docs = {p.stem for p in (shared / "gold").glob("*.jsonl")} - {"checks"}
    assert set(report["documents"]) == gold_docs
    for counts in report["documents"].values():
        assert set(counts) == {"tp", "fp", "fn"}
    figures = report["figures"]
    assert figures["fn"] == len(report["misses"])
    assert figures["fp"] == len(report["spurious"])


def test_evaluate_table(cli: Invoke, shared: Path) -> None:
    result = cli("evaluate", str(shared / "gold"), str(shared / "seeds"))
    assert result.exit_code == 0, result.stderr
    assert "precision" in result.stdout
    assert "false conflicts" in result.stdout


def test_evaluate_missing_document(cli: Invoke, shared: Path, tmp_path: Path) -> None:
    result = cli("evaluate", str(shared / "gold"), str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path}: no document named ")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\xff\xfe\x00", "not UTF-8 text (a binary file?)"),
        (b'{"value": 1\n', "1: not valid JSON"),
        (b"[1, 2]\n", "1: not a JSON object"),
    ],
)
def test_evaluate_bad_gold_file(cli: Invoke, tmp_path: Path, content: bytes, problem: str) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    bad = gold / "doc.jsonl"
    bad.write_bytes(content)
    result = cli("evaluate", str(gold), str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {bad}")
    assert problem in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
