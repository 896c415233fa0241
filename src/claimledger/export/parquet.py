"""Parquet of one export table through pyarrow, with a fixed schema per table (offsets as
int64, values as float64, vague as bool, the rest strings), so an empty table still
has its columns and types."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from claimledger.export.tables import BOOLEAN_COLUMNS, COLUMNS, FLOAT_COLUMNS, INTEGER_COLUMNS


def schema(table: str) -> pa.Schema:
    """The Arrow schema of an export table."""

    def kind(name: str) -> pa.DataType:
        if name in INTEGER_COLUMNS:
            return pa.int64()
        if name in FLOAT_COLUMNS:
            return pa.float64()
        if name in BOOLEAN_COLUMNS:
            return pa.bool_()
        return pa.string()

    return pa.schema([pa.field(name, kind(name)) for name in COLUMNS[table]])


def write_parquet(path: Path, table: str, rows: Sequence[dict[str, Any]]) -> None:
    target = schema(table)
    columns = {
        name: pa.array([row.get(name) for row in rows], type=target.field(name).type)
        for name in target.names
    }
    pq.write_table(pa.table(columns, schema=target), path, compression="zstd")
