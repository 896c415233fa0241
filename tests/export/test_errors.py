"""Bad requests to `export` and `report`: one `error: ...` line, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.store import Ledger

from .conftest import Invoke


def one_error(result, *words: str) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for word in words:
        assert word in lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["export", "--format", "xlsx", "--out", "{tmp}/a.xlsx"], ["unknown export format", "csv"]),
        (["export", "--out", "{tmp}/a.txt"], ["cannot tell the export format", "--format"]),
        (["export", "--out", "{tmp}/a.csv", "--table", "people"], ["unknown table", "groups"]),
        (["export", "--out", "{tmp}/a.csv", "--modality", "rumoured"], ["unknown modality"]),
        (["export", "--out", "{tmp}/a.csv", "--between", "2024", "soon"], ["--between"]),
        (["export", "--out", "{tmp}/a.csv", "--between", "2025", "2024"], ["after"]),
        (["export", "--format", "csv"], ["--out"]),
        (["export", "--out", "{tmp}/missing/a.csv"], ["missing", "does not exist"]),
        (["export", "--format", "csv", "--out", "{tmp}"], ["is a directory"]),
        (["export", "--out", "{tmp}/file.txt/a.csv"], ["does not exist"]),
        (["export", "--format", "csv", "--table", "all", "--out", "{tmp}/file.txt"], ["a file"]),
        (["report", "--out", "{tmp}/brief.docx"], ["brief.docx", ".html"]),
        (["report"], ["--out"]),
        (["report", "--out", "{tmp}/nowhere/brief.html"], ["does not exist"]),
    ],
)
def test_bad_request(cli: Invoke, db: Path, tmp_path: Path, args: list[str], words: list[str]):
    (tmp_path / "file.txt").write_text("not a folder\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    stamp = db.read_bytes()
    result = cli("--db", str(db), *(a.format(tmp=tmp_path) for a in args))
    one_error(result, *words)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert db.read_bytes() == stamp


@pytest.mark.parametrize("command", ["export", "report"])
def test_missing_ledger(cli: Invoke, tmp_path: Path, command: str) -> None:
    db = tmp_path / "none.db"
    out = tmp_path / ("a.csv" if command == "export" else "brief.html")
    one_error(cli("--db", str(db), command, "--out", str(out)), "no ledger here", "ingest")
    assert not db.exists() and not out.exists()


@pytest.mark.parametrize("command", ["export", "report"])
def test_empty_ledger(cli: Invoke, tmp_path: Path, command: str) -> None:
    db = tmp_path / "empty.db"
    Ledger.open(db).close()
    out = tmp_path / ("a.parquet" if command == "export" else "brief.md")
    one_error(cli("--db", str(db), command, "--out", str(out)), "no documents", "ingest")
    assert not out.exists()


def test_not_a_ledger(cli: Invoke, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("just some notes\n", encoding="utf-8")
    one_error(cli("--db", str(db), "export", "--out", str(tmp_path / "a.csv")), "not a claimledger")
    assert db.read_text(encoding="utf-8") == "just some notes\n"
