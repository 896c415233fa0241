"""One truth per figure: the document page, figure page and figures table agree on each pair,
and a denied figure never corroborates."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from claimledger.web import create_app

CLAIMED = (
    "Title: Troops sent\nOutlet: Paper A\nPublished: 2024-11-02\n\n"
    "North Korea has sent 10,000 troops to Russia, South Korea's spy agency said.\n"
)
DENIED = (
    "Title: Moscow denies\nOutlet: Paper B\nPublished: 2024-11-04\n\n"
    "Russia denied that North Korea had sent 10,000 troops to Russia.\n"
)


def _client(tmp_path: Path) -> tuple[TestClient, list[str]]:
    client = TestClient(create_app(tmp_path / "l.db"), base_url="http://127.0.0.1")
    ids = []
    for n, text in enumerate((CLAIMED, DENIED)):
        added = client.post("/api/add", json={"text": text, "name": f"d{n}"}).json()["added"]
        ids.append(added[0]["id"])
    return client, ids


def test_a_denied_figure_never_corroborates(tmp_path: Path) -> None:
    client, (claimed, denied) = _client(tmp_path)
    for doc in (claimed, denied):
        data = client.get(f"/api/document/{doc}").json()
        for item in data["relations"]["consistent"]:
            assert item["mine"]["modality"] != "denied" and item["other"]["modality"] != "denied"
    denied_figures = [f for f in client.get(f"/api/document/{denied}").json()["figures"]
                      if f["modality"] == "denied"]  # fmt: skip
    assert denied_figures, "the extractor should read 'denied that ... 10,000 troops'"
    for figure in denied_figures:
        for pair in client.get(f"/api/figure/{figure['id']}").json()["group"]:
            assert pair["verdict"] != "consistent"
            assert pair["unasserted"] == "denied"


def test_each_pair_has_one_verdict_on_every_page(corpus_db: Path, client: TestClient) -> None:
    documents = client.get("/api/documents").json()["documents"]
    seen = 0
    for doc in documents:
        data = client.get(f"/api/document/{doc['id']}").json()
        shown: dict[tuple[int, int], str] = {}
        for verdict in ("consistent", "conflict", "different_scope", "inconsistent"):
            for item in data["relations"][verdict]:
                key = (item["mine"]["id"], item["other"]["id"])
                assert key not in shown, f"{key} is both {shown[key]} and {verdict}"
                shown[key] = verdict
        for (mine, other), verdict in shown.items():
            pairs = client.get(f"/api/figure/{mine}").json()["group"]
            assert {p["other"]["id"]: p["verdict"] for p in pairs}[other] == verdict
            table = client.get("/api/figures", params={"doc": doc["id"], "per_page": 200}).json()
            row = next(f for f in table["figures"] if f["id"] == mine)
            assert verdict in row["verdicts"]
            seen += 1
    assert seen > 0
