"""Exports of the ledger into other tools, and the briefing report.

    export_ledger(ledger, "csv", Path("claims.csv"), registry=...)   one table, one file
    export_ledger(ledger, "parquet", Path("out/"), table="all")      every table, a folder
    export_ledger(ledger, "ftm", Path("ledger.ftm.json"))            FollowTheMoney entities
    export_ledger(ledger, "graphml", Path("flows.graphml"))          party-flow graph
    write_report(ledger, Path("brief.html"))                          (claimledger.export.report)

Tables and their columns: `tables.COLUMNS`. One module per format: tabular (csv, jsonl),
parquet, ftm, graph (graphml, gexf), report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimledger.errors import UsageError
from claimledger.export.files import check_target, write_atomically
from claimledger.export.selection import Selection
from claimledger.export.tables import TABLES, ExportData, collect
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger

TABLE_FORMATS = ("csv", "jsonl", "parquet")
GRAPH_FORMATS = ("ftm", "graphml", "gexf")
FORMATS = (*TABLE_FORMATS, *GRAPH_FORMATS)
EXTENSIONS = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}


def _table_writer(fmt: str) -> Callable[[Path, str, Any], None]:
    if fmt == "parquet":
        from claimledger.export.parquet import write_parquet

        return write_parquet
    from claimledger.export.tabular import write_csv, write_jsonl

    return write_csv if fmt == "csv" else write_jsonl


def check_request(fmt: str, table: str) -> None:
    """Refuse an unknown format or table with the choices to use instead."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if table not in (*TABLES, "all"):
        raise UsageError(f"unknown table {table!r}; use one of: {', '.join(TABLES)}, all")


def require_documents(ledger: Ledger) -> None:
    """An export of an empty ledger is a mistake worth saying, not an empty file."""
    if ledger.stats()["documents"] == 0:
        raise UsageError(f"{ledger.path}: the ledger holds no documents; run 'claimledger "
                         "ingest PATH' first")  # fmt: skip


def export_ledger(
    ledger: Ledger,
    fmt: str,
    out: Path,
    *,
    selection: Selection | None = None,
    registry: PartyRegistry | None = None,
    table: str = "claims",
) -> dict[str, int]:
    """Write the selected part of the ledger to `out`; returns the rows (or entities,
    edges) written per table or format. With table='all', `out` is a folder that gets
    one file per table (claims.csv, flows.csv, groups.csv, checks.csv)."""
    check_request(fmt, table)
    selection = selection or Selection()
    registry = registry or PartyRegistry.default()
    everything = fmt in TABLE_FORMATS and table == "all"
    check_target(out, directory=everything)
    require_documents(ledger)
    if fmt in TABLE_FORMATS:
        wanted = TABLES if everything else (table,)
        data = collect(ledger, selection, registry, wanted)
        writer = _table_writer(fmt)
        if not everything:
            write_atomically(out, lambda tmp: writer(tmp, table, data.rows(table)))
            return {table: len(data.rows(table))}
        out.mkdir(exist_ok=True)
        for name in TABLES:
            target = out / f"{name}{EXTENSIONS[fmt]}"
            write_atomically(target, lambda tmp, name=name: writer(tmp, name, data.rows(name)))
        return {name: len(data.rows(name)) for name in TABLES}
    data = collect(ledger, selection, registry, ("claims", "flows"))
    return _write_graph(ledger, fmt, out, data, registry)


def _write_graph(
    ledger: Ledger, fmt: str, out: Path, data: ExportData, registry: PartyRegistry
) -> dict[str, int]:
    stored = ledger.parties()
    if fmt == "ftm":
        from claimledger.export.ftm import ftm_entities, write_ftm

        entities = list(ftm_entities(data, stored, registry))
        write_atomically(out, lambda tmp: write_ftm(tmp, entities))
        return {"entities": len(entities)}
    from claimledger.export.graph import flow_graph, write_graph

    graph = flow_graph(data, stored, registry)
    write_atomically(out, lambda tmp: write_graph(tmp, graph, fmt))
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


__all__ = [
    "FORMATS",
    "TABLES",
    "Selection",
    "check_request",
    "export_ledger",
    "require_documents",
]
