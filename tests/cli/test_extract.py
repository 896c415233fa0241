"""extract: the JSON-lines contract of DESIGN.md § Contracts, over the seed articles."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from claimledger.model import GOLD_KEYS

Invoke = Callable[..., Result]
KEYS = {*GOLD_KEYS, "start", "end"}


def test_seed_figures_follow_the_contract(cli: Invoke, shared: Path) -> None:
    seeds = sorted((shared / "seeds").glob("*.txt"))
    result = cli("extract", *map(str, seeds), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    texts = {path.stem: path.read_text(encoding="utf-8") for path in seeds}
    lines = result.stdout.splitlines()
    assert lines, "no figures extracted from the seeds"
    last: dict[str, int] = {}
    for line in lines:
        record = json.loads(line)
        vague = record.pop("vague", None)
        assert vague in (None, True), record
        # A stated change ("from 9,400 to 8,100") adds its keys, like vague, only when set.
        change, change_from = record.pop("change", None), record.pop("change_from", None)
        assert change in (None, "increase", "decrease"), record
        assert change_from is None or (change and isinstance(change_from, int | float)), record
        assert set(record) == KEYS, record
        assert list(record)[: len(GOLD_KEYS)] == list(GOLD_KEYS)
        assert record["doc"] in texts
        assert record["quote"] == texts[record["doc"]][record["start"] : record["end"]]
        assert "" not in record.values(), record
        if record["value"] is None:
            assert record["qualifier"] == "range"
            assert record["low"] is not None and record["high"] is not None
        else:
            assert record["low"] is None and record["high"] is None
        assert record["start"] >= last.get(record["doc"], 0), "not in document order"
        last[record["doc"]] = record["start"]
    assert {json.loads(line)["doc"] for line in lines} <= set(texts)


def test_extract_reads_stdin(cli: Invoke) -> None:
    text = "Russia sent 500 tanks to Belarus in 2023, officials said.\n"
    result = cli("extract", "-", "--format", "jsonl", input=text.encode())
    assert result.exit_code == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["doc"] == "stdin"
    assert record["quote"] == text[record["start"] : record["end"]]


def test_extract_bad_inputs(cli: Invoke, tmp_path: Path, corpus_files: list[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    missing = tmp_path / "missing.txt"
    result = cli("extract", str(missing), corpus_files[0], str(empty), "--format", "jsonl")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"error: {missing}: no such file or directory",
        f"error: {empty}: empty file",
    ]
    assert all(
        json.loads(line)["doc"] == "01-shin-containers" for line in result.stdout.splitlines()
    )
    result = cli("extract", str(missing), "--format", "jsonl")
    assert result.exit_code == 2
    assert result.stdout == ""


def test_extract_table(cli: Invoke, corpus_files: list[str]) -> None:
    result = cli("extract", corpus_files[0])
    assert result.exit_code == 0, result.stderr
    assert "shipping" in result.stdout


def test_extract_reads_no_ledger(
    cli: Invoke, tmp_path: Path, corpus_files: list[str], monkeypatch: object
) -> None:
    db = tmp_path / "l.db"
    result = cli("--db", str(db), "extract", corpus_files[0], "--format", "jsonl")
    assert result.exit_code == 0
    assert not db.exists()
