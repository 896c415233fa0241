"""Full-text search (FTS5, ranked, highlighted, escaped) and the parties list."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from claimledger.web import create_app

ARTICLES = (
    "Title: Rail freight\n\nNorth Korea sent 300 wagons of <b>coal</b> to Russia by rail, "
    "officials said. Rail traffic doubled, the ministry said of the 12 trains.\n",
    "Title: Ports\n\nRussia shipped 40,000 tonnes of wheat to North Korea, officials said. "
    "Rail links carried 5 trains of wheat as well.\n",
)


def _client(tmp_path: Path) -> TestClient:
    client = TestClient(create_app(tmp_path / "l.db"), base_url="http://127.0.0.1")
    for n, text in enumerate(ARTICLES):
        assert client.post("/api/add", json={"text": text, "name": f"s{n}"}).status_code == 201
    return client


def test_search_is_ranked_highlighted_and_escaped(tmp_path: Path) -> None:
    client = _client(tmp_path)
    data = client.get("/api/search", params={"q": "wheat"}).json()
    assert data["total"] >= 1 and data["documents"][0]["title"] == "Ports"
    assert all("[wheat]" in s["hit"].lower() for s in data["sentences"])
    page = client.get("/search", params={"q": "coal"}).text
    assert "<mark>coal</mark>" in page  # the hit is marked...
    assert "&lt;b&gt;" in page and "<b>" not in page.split("<main>")[1]  # ...the text escaped
    ranked = client.get("/api/search", params={"q": "rail"}).json()
    scores = [s["score"] for s in ranked["sentences"]]
    assert scores == sorted(scores) and len(scores) >= 2  # bm25: best (lowest) first
    assert client.get("/api/search", params={"q": '"(( OR'}).json()["total"] == 0


def test_parties_list_links_to_each_party_and_its_claims(tmp_path: Path) -> None:
    client = _client(tmp_path)
    data = client.get("/api/parties").json()
    names = {p["name"]: p for p in data["parties"]}
    assert {"North Korea", "Russia"} <= set(names)
    assert names["Russia"]["gives"] >= 1 and names["North Korea"]["gives"] >= 1
    page = client.get("/parties").text
    assert 'href="/party/North%20Korea"' in page
    party = client.get("/api/party/North Korea").json()
    assert party["claims_total"] >= 2 and party["claims"]
    assert client.get("/parties?kind=planet").status_code == 400
