"""The CLI in pipes: tables print plain (no box drawing, one line a row) when stdout is not a
terminal, and CSV writes booleans as true/false."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Invoke = Callable[..., Result]
BOX = set("│┃─━┏┓┗┛┡┩└┘├┤┼╇╈═║╭╮╰╯")


def test_tables_are_plain_rows_on_a_pipe(cli: Invoke, corpus_db: Path) -> None:
    table = cli("--db", str(corpus_db), "figures")
    assert table.exit_code == 0
    assert not BOX & set(table.stdout)
    jsonl = cli("--db", str(corpus_db), "figures", "--format", "jsonl").stdout.splitlines()
    lines = table.stdout.splitlines()
    assert len(lines) == 2 + len(jsonl)  # title, header, then one line per figure
    first = json.loads(jsonl[0])
    assert first["quote"] in lines[2] and first["doc"] in lines[2]


def test_csv_booleans_are_true_and_false(cli: Invoke, corpus_db: Path) -> None:
    out = cli("--db", str(corpus_db), "figures", "--format", "csv").stdout
    vague = {row["vague"] for row in csv.DictReader(io.StringIO(out))}
    assert vague == {"true", "false"}
