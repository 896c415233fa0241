"""`export --format csv|jsonl|parquet`: the four tables, provenance on every row, the
store's filters, one shape in all three formats."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from claimledger.export.tables import COLUMNS, TABLES

from .conftest import Invoke


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def source_text(row: dict[str, Any]) -> str:
    """The document as decoded from its file, read by path (not from the ledger)."""
    return Path(row["doc_path"]).read_text(encoding="utf-8")


@pytest.fixture
def everything(cli: Invoke, db: Path, tmp_path: Path) -> dict[str, Path]:
    out = {}
    for fmt in ("csv", "jsonl", "parquet"):
        folder = tmp_path / fmt
        result = cli("--db", str(db), "export", "--format", fmt, "--table", "all", "--out",
                     str(folder))  # fmt: skip
        assert result.exit_code == 0, result.output
        out[fmt] = folder
    return out


def test_every_table_is_written_with_its_columns(everything: dict[str, Path]) -> None:
    for table in TABLES:
        with (everything["csv"] / f"{table}.csv").open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert tuple(header) == COLUMNS[table]
        assert pq.read_schema(everything["parquet"] / f"{table}.parquet").names == list(
            COLUMNS[table]
        )
        rows = read_jsonl(everything["jsonl"] / f"{table}.jsonl")
        assert rows, f"{table} is empty on a ledger of 15 articles"
        assert all(tuple(row) == COLUMNS[table] for row in rows)


def test_claims_quote_is_the_text_at_its_offsets(everything: dict[str, Path]) -> None:
    rows = read_jsonl(everything["jsonl"] / "claims.jsonl")
    docs = Counter(row["doc"] for row in rows)
    assert len(docs) >= 12  # demo articles and seeds
    for row in rows:
        text = source_text(row)
        assert text[row["start"] : row["end"]] == row["quote"]
        assert text[row["sent_start"] : row["sent_end"]] == row["sentence"]
        assert row["claim_id"] == f"{row['doc_id']}:{row['start']}-{row['end']}"
        assert row["figure"] and row["origin"] and row["doc_path"]


def test_flows_carry_their_words_and_their_figure(everything: dict[str, Path]) -> None:
    rows = read_jsonl(everything["jsonl"] / "flows.jsonl")
    with_figure = [row for row in rows if row["claim_id"]]
    assert with_figure and len(with_figure) < len(rows)  # some flows state no figure
    for row in rows:
        text = source_text(row)
        assert text[row["start"] : row["end"]] == row["quote"]
        if row["claim_id"]:
            assert text[row["claim_start"] : row["claim_end"]] == row["claim_quote"]
            assert row["figure"] and row["unit"]


def test_group_and_check_members_keep_provenance(everything: dict[str, Path]) -> None:
    for table, key in (("groups", "group_id"), ("checks", "check_id")):
        rows = read_jsonl(everything["jsonl"] / f"{table}.jsonl")
        members = Counter(row[key] for row in rows)
        assert max(members.values()) >= 2, f"no {table} row shares its {key} with another"
        for row in rows:
            assert source_text(row)[row["start"] : row["end"]] == row["quote"]
    checks = read_jsonl(everything["jsonl"] / "checks.jsonl")
    assert {"conflict", "consistent"} <= {row["verdict"] for row in checks}


def test_checks_match_the_checks_command(cli: Invoke, db: Path, everything: dict[str, Path]):
    listed = cli("--db", str(db), "checks", "--format", "jsonl")
    expected = Counter()
    for line in listed.stdout.splitlines():
        check = json.loads(line)
        members = tuple(sorted((c["doc"], c["start"], c["end"]) for c in check["claims"]))
        expected[(check["verdict"], check["note"], members)] += 1
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in read_jsonl(everything["jsonl"] / "checks.jsonl"):
        grouped.setdefault(row["check_id"], []).append(row)
    found = Counter()
    for rows in grouped.values():
        members = tuple(sorted((r["doc"], r["start"], r["end"]) for r in rows))
        found[(rows[0]["verdict"], rows[0]["note"], members)] += 1
    assert found == expected


def test_the_three_formats_hold_the_same_rows(everything: dict[str, Path]) -> None:
    for table in TABLES:
        jsonl = read_jsonl(everything["jsonl"] / f"{table}.jsonl")
        parquet = pq.read_table(everything["parquet"] / f"{table}.parquet").to_pylist()
        rows_csv = read_csv(everything["csv"] / f"{table}.csv")
        assert len(jsonl) == len(parquet) == len(rows_csv)
        for a, b, c in zip(jsonl, parquet, rows_csv, strict=True):
            assert a["quote"] == b["quote"] == c["quote"]
            assert a["start"] == b["start"] == int(c["start"])
            assert (a["value"] is None) == (b["value"] is None) == (c["value"] == "")
            if a["value"] is not None:
                assert float(a["value"]) == b["value"] == float(c["value"])


def test_parquet_types(everything: dict[str, Path]) -> None:
    schema = pq.read_schema(everything["parquet"] / "claims.parquet")
    assert str(schema.field("start").type) == "int64"
    assert str(schema.field("value").type) == "double"
    assert str(schema.field("vague").type) == "bool"
    assert str(schema.field("quote").type) == "string"


def test_filters_are_the_figures_filters(cli: Invoke, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "russia.jsonl"
    result = cli("--db", str(db), "export", "--out", str(out), "--party", "Russia", "--unit", "USD")
    assert result.exit_code == 0, result.output
    exported = {(r["doc"], r["start"], r["end"]) for r in read_jsonl(out)}
    listed = cli("--db", str(db), "figures", "--party", "Russia", "--unit", "USD",
                 "--format", "jsonl")  # fmt: skip
    expected = {
        (r["doc"], r["start"], r["end"]) for r in map(json.loads, listed.stdout.split("\n")[:-1])
    }
    assert exported == expected and len(exported) > 0
    everything = tmp_path / "all.jsonl"
    cli("--db", str(db), "export", "--out", str(everything))
    assert len(exported) < len(read_jsonl(everything))


def test_between_keeps_figures_dated_in_the_window(cli: Invoke, db: Path, tmp_path: Path):
    out = tmp_path / "window.csv"
    result = cli("--db", str(db), "export", "--out", str(out), "--between", "2024-06", "2024-10")
    assert result.exit_code == 0, result.output
    rows = read_csv(out)
    assert rows
    assert all("2024-06" <= row["date_key"][:7] <= "2024-10" for row in rows)


def test_flows_follow_the_selected_figures(cli: Invoke, db: Path, tmp_path: Path) -> None:
    claims, flows = tmp_path / "claims.jsonl", tmp_path / "flows.jsonl"
    for table, out in (("claims", claims), ("flows", flows)):
        result = cli("--db", str(db), "export", "--out", str(out), "--table", table,
                     "--concept", "salary")  # fmt: skip
        assert result.exit_code == 0, result.output
    selected = {row["claim_id"] for row in read_jsonl(claims)}
    rows = read_jsonl(flows)
    assert rows and all(row["claim_id"] in selected for row in rows if row["claim_id"])
    assert all(row["flow_concept"] == "salary" for row in rows if not row["claim_id"])


def test_exports_are_deterministic(cli: Invoke, db: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for out in (first, second):
        result = cli("--db", str(db), "export", "--out", str(out), "--table", "groups")
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    assert "wrote" in result.stderr and "groups" in result.stderr


def test_verdict_keeps_figures_a_check_cites(cli: Invoke, db: Path, tmp_path: Path) -> None:
    conflicts, checks = tmp_path / "conflicts.jsonl", tmp_path / "checks.jsonl"
    result = cli("--db", str(db), "export", "--out", str(conflicts), "--verdict", "conflict")
    assert result.exit_code == 0, result.output
    cli("--db", str(db), "export", "--out", str(checks), "--table", "checks")
    cited = {row["claim_id"] for row in read_jsonl(checks) if row["verdict"] == "conflict"}
    assert {row["claim_id"] for row in read_jsonl(conflicts)} == cited and cited
