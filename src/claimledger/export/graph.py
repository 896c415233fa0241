"""The party-flow graph for Gephi or networkx: parties as nodes, one directed edge per
flow (a multigraph), each edge carrying its figure and provenance (document, quote,
offsets, sentence). Written by networkx as GraphML or GEXF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from claimledger.export.tables import ExportData
from claimledger.model import Party
from claimledger.parties import PartyRegistry

EDGE_FIELDS = (
    "flow_id", "flow_item", "flow_concept", "doc", "doc_id", "doc_title", "outlet", "published",
    "url", "quote", "start", "end", "sentence", "claim_id", "figure", "value", "low", "high",
    "unit", "per", "when", "source", "modality",
)  # fmt: skip


def _attributes(row: dict[str, Any]) -> dict[str, Any]:
    """GraphML has no null: unknown values are left out, not written empty."""
    out = {key: row[key] for key in EDGE_FIELDS if row.get(key) is not None}
    for key in ("value", "low", "high"):
        if key in out:
            out[key] = float(out[key])
    return out


def flow_graph(data: ExportData, stored: list[Party], registry: PartyRegistry) -> nx.MultiDiGraph:
    """Parties (with kind and ISO code) and the selected flows between them."""
    known = {party.name: party for party in stored}
    graph = nx.MultiDiGraph(name="claimledger party flows")
    for row in data.rows("flows"):
        if not row.get("giver") or not row.get("receiver"):
            continue
        for name in (row["giver"], row["receiver"]):
            if name not in graph:
                party = known.get(name) or registry.resolve(name)
                attrs = {"label": name, "kind": party.kind if party else "unknown"}
                if party is not None and party.code:
                    attrs["code"] = party.code
                graph.add_node(name, **attrs)
        graph.add_edge(
            row["giver"], row["receiver"], key=row["flow_id"], label=row["flow_concept"],
            weight=1.0, **_attributes(row),
        )  # fmt: skip
    for node in graph.nodes:
        graph.nodes[node]["flows_out"] = graph.out_degree(node)
        graph.nodes[node]["flows_in"] = graph.in_degree(node)
    return graph


def write_graph(path: Path, graph: nx.MultiDiGraph, fmt: str) -> None:
    """GraphML ('graphml') or GEXF ('gexf') of a flow graph."""
    if fmt == "gexf":
        nx.write_gexf(graph, path, encoding="utf-8")
    else:
        nx.write_graphml(graph, path, encoding="utf-8")
