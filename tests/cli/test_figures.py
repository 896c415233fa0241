"""figures, stats and summary over the ingested demo corpus."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from claimledger.parties import PartyRegistry
from claimledger.store import Ledger

Invoke = Callable[..., Result]


def names(*texts: str | None) -> set[str]:
    """The parties these texts name (several joined by ' and ' count each)."""
    registry = PartyRegistry.default()
    parties = {registry.resolve(part) for t in texts if t for part in (t, *t.split(" and "))}
    return {party.name for party in parties if party is not None}


def jsonl(result: Result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_figures_jsonl_lists_every_claim(cli: Invoke, corpus_db: Path) -> None:
    records = jsonl(cli("--db", str(corpus_db), "figures", "--format", "jsonl"))
    with Ledger.open(corpus_db) as ledger:
        assert len(records) == ledger.stats()["claims"]
    for record in records:
        assert {"doc", "quote", "value", "unit", "from", "to", "start", "end"} <= set(record)
        assert record.get("vague", True) is True


@pytest.mark.parametrize(
    ("option", "value", "check"),
    [
        ("--unit", "USD", lambda r: r["unit"] == "USD"),
        ("--doc", "08-korea-russia-trade", lambda r: r["doc"] == "08-korea-russia-trade"),
        ("--modality", "reported", lambda r: r["modality"] == "reported"),
        ("--item", "CONTAINER", lambda r: "container" in r["item"]),
        ("--source", "shin", lambda r: "shin" in r["source"].lower()),
        ("--party", "dprk", lambda r: "North Korea" in names(r["from"], r["to"], r["source"])),
        ("--search", "containers", lambda r: True),
    ],
)
def test_figures_filters(
    cli: Invoke, corpus_db: Path, option: str, value: str, check: Callable[[dict], bool]
) -> None:
    every = jsonl(cli("--db", str(corpus_db), "figures", "--format", "jsonl"))
    records = jsonl(cli("--db", str(corpus_db), "figures", option, value, "--format", "jsonl"))
    assert records, f"{option} {value} matched nothing"
    assert len(records) < len(every)
    assert all(check(record) for record in records)


def test_figures_limit_and_combined_filters(cli: Invoke, corpus_db: Path) -> None:
    args = ("--db", str(corpus_db), "figures", "--format", "jsonl")
    assert len(jsonl(cli(*args, "--limit", "2"))) == 2
    records = jsonl(cli(*args, "--unit", "USD", "--doc", "08-korea-russia-trade"))
    assert records
    assert all(r["unit"] == "USD" and r["doc"] == "08-korea-russia-trade" for r in records)


def test_figures_csv(cli: Invoke, corpus_db: Path) -> None:
    result = cli("figures", "--db", str(corpus_db), "--format", "csv", "--unit", "USD")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    assert {"doc", "quote", "value", "low", "high", "unit", "from", "to"} <= set(rows[0])
    assert all(row["unit"] == "USD" for row in rows)


def test_figures_table_and_no_match(cli: Invoke, corpus_db: Path) -> None:
    result = cli("--db", str(corpus_db), "figures", "--doc", "01-shin-containers")
    assert result.exit_code == 0
    assert "10,000" in result.stdout
    result = cli("--db", str(corpus_db), "figures", "--doc", "no-such-doc")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no figures match" in result.stderr


def test_figures_rejects_unknown_modality(cli: Invoke, corpus_db: Path) -> None:
    result = cli("--db", str(corpus_db), "figures", "--modality", "rumoured")
    assert result.exit_code == 2
    assert "'rumoured' is not one of" in result.stderr


def test_stats(cli: Invoke, corpus_db: Path) -> None:
    result = cli("--db", str(corpus_db), "stats", "--format", "json")
    assert result.exit_code == 0
    counts = json.loads(result.stdout)
    assert set(counts) == {"documents", "claims", "flows", "parties", "checks"}
    assert counts["documents"] == 10
    table = cli("--db", str(corpus_db), "stats")
    assert "documents" in table.stdout and "10" in table.stdout


def test_summary_json(cli: Invoke, corpus_db: Path) -> None:
    result = cli("--db", str(corpus_db), "summary", "--format", "json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert len(summary["documents"]) == 10
    assert all(doc["outlet"] and doc["published"] for doc in summary["documents"])
    figures = [fig for group in summary["groups"] for fig in group["figures"]]
    assert len(figures) == summary["counts"]["claims"]
