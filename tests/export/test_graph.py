"""`export --format graphml|gexf`: the party-flow graph, loaded back with networkx."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from .conftest import Invoke


def test_graphml_loads_in_networkx(cli: Invoke, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "flows.graphml"
    result = cli("--db", str(db), "export", "--format", "graphml", "--out", str(out))
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out, force_multigraph=True)
    assert graph.is_directed() and graph.is_multigraph()
    flows = tmp_path / "flows.jsonl"
    cli("--db", str(db), "export", "--table", "flows", "--out", str(flows))
    rows = [json.loads(line) for line in flows.read_text(encoding="utf-8").splitlines()]
    named = [row for row in rows if row["giver"] and row["receiver"]]
    assert graph.number_of_edges() == len(named)
    assert graph.nodes["North Korea"]["kind"] == "country"
    assert graph.nodes["North Korea"]["code"] == "PRK"
    between = graph.get_edge_data("North Korea", "Russia")
    assert between, "no flow from North Korea to Russia"
    for data in between.values():
        text = Path(next(r["doc_path"] for r in rows if r["doc_id"] == data["doc_id"]))
        assert text.read_text(encoding="utf-8")[data["start"] : data["end"]] == data["quote"]
    assert any("figure" in data and isinstance(data["value"], float) for data in between.values())
    assert graph.nodes["Russia"]["flows_in"] == graph.in_degree("Russia")


def test_gexf_loads_in_networkx(cli: Invoke, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "flows.gexf"
    result = cli("--db", str(db), "export", "--out", str(out))
    assert result.exit_code == 0, result.output
    graph = nx.read_gexf(out)
    assert graph.number_of_edges() > 10
    assert {"North Korea", "Russia"} <= set(graph.nodes)


def test_a_filter_narrows_the_graph(cli: Invoke, db: Path, tmp_path: Path) -> None:
    whole, part = tmp_path / "all.graphml", tmp_path / "salary.graphml"
    cli("--db", str(db), "export", "--out", str(whole))
    result = cli("--db", str(db), "export", "--out", str(part), "--concept", "salary")
    assert result.exit_code == 0, result.output
    small = nx.read_graphml(part, force_multigraph=True)
    assert 0 < small.number_of_edges() < nx.read_graphml(whole).number_of_edges()
    assert {d["flow_concept"] for _, _, d in small.edges(data=True)} == {"salary"}
