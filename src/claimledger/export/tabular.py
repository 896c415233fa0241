"""CSV and JSON lines of one export table: the columns of `tables.COLUMNS`, in order.

CSV writes unknown values as empty cells and booleans as true/false; JSON lines keep
null, numbers and booleans as JSON values. Both are UTF-8 with '\\n' line ends.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimledger.export.tables import COLUMNS, FLOAT_COLUMNS


def _number(value: Any) -> Any:
    """Integral floats as ints ('10000', not '10000.0'), like the other JSON commands."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _cell(key: str, value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _number(value) if key in FLOAT_COLUMNS else value


def write_csv(path: Path, table: str, rows: Sequence[dict[str, Any]]) -> None:
    columns = COLUMNS[table]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(key, row.get(key)) for key in columns])


def write_jsonl(path: Path, table: str, rows: Sequence[dict[str, Any]]) -> None:
    columns = COLUMNS[table]
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            record = {key: _number(row.get(key)) for key in columns}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
