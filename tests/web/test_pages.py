"""Every page renders over the demo corpus, and its JSON twin returns the same data."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from claimledger.store import Ledger


@pytest.fixture(scope="module")
def ids(corpus_db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A figure in a conflict (if any), any figure, a document, a concept, a party pair."""
    with Ledger.open(corpus_db) as ledger:
        claim = ledger.claim_rows(limit=1)[0]
        checks = ledger.checks()
        conflict = next((c for c in checks if c["verdict"] == "conflict"), None)
        concept = next(c["concept"] for c in ledger.claim_rows() if c["concept"])
    return {
        "claim": str(claim["id"]),
        "doc": claim["doc_id"],
        "conflict_claim": str(conflict["claims"][0]["id"]) if conflict else str(claim["id"]),
        "concept": concept,
    }


PAGES = [
    "/",
    "/figures",
    "/figures?concept={concept}&sort=-value",
    "/figures?q=soldiers&modality=reported",
    "/figures?party=DPRK&direction=from&date_from=2023&date_to=2024-12",
    "/figures?verdict=conflict",
    "/figure/{claim}",
    "/figure/{conflict_claim}",
    "/document/{doc}",
    "/documents",
    "/party/North%20Korea",
    "/party/Russia",
    "/exchange",
    "/exchange?a=North+Korea&b=Russia",
    "/exchange?a=pyongyang&b=moscow",
    "/timeline",
    "/timeline?concept={concept}",
    "/checks",
    "/checks?verdict=all",
    "/checks?verdict=conflict&kind=group",
    "/checks?kind=arithmetic",
    "/add",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_and_json_twin(client: TestClient, ids: dict[str, str], path: str) -> None:
    path = path.format(**ids)
    page = client.get(path)
    assert page.status_code == 200, page.text[:500]
    assert page.headers["content-type"].startswith("text/html")
    assert "<nav>" in page.text and "</html>" in page.text
    api_path = "/api/overview" if path == "/" else "/api" + path
    twin = client.get(api_path)
    assert twin.status_code == 200, twin.text[:500]
    assert twin.headers["content-type"] == "application/json"
    data = twin.json()
    assert isinstance(data, dict) and "error" not in data
    if path != "/add":
        assert data["title"]


def test_overview_answers_the_shells_question(client: TestClient) -> None:
    """The top pair is North Korea and Russia, with shells among what the North gives."""
    data = client.get("/api/overview").json()
    assert data["stats"]["documents"] == 10
    assert sorted(data["pair"]) == ["North Korea", "Russia"]
    given = [ln for ln in data["exchange"] if ln["giver"] == "North Korea"]
    shells = [ln for ln in given if "shell" in ln["concept"] or "shell" in " ".join(ln["items"])]
    assert shells, [ln["concept"] for ln in given]
    assert shells[0]["figures"] and shells[0]["sources"]
    page = client.get("/").text
    assert 'href="/figure/' in page


def test_figures_filters_narrow_the_table(client: TestClient, ids: dict[str, str]) -> None:
    everything = client.get("/api/figures?per_page=200").json()
    some = client.get(f"/api/figures?concept={quote(ids['concept'])}&per_page=200").json()
    assert 0 < some["total"] < everything["total"]
    assert all(row["concept"] == ids["concept"] for row in some["figures"])
    nothing = client.get("/api/figures?q=zzzzunknownword").json()
    assert nothing["total"] == 0 and nothing["figures"] == []
    page = client.get("/figures?q=zzzzunknownword").text
    assert "No figure matches these filters" in page


def test_figures_pagination_and_sort(client: TestClient) -> None:
    first = client.get("/api/figures?per_page=5&sort=-value").json()
    second = client.get("/api/figures?per_page=5&sort=-value&page=2").json()
    assert first["pages"] >= 2 and len(first["figures"]) == 5
    assert {r["id"] for r in first["figures"]}.isdisjoint({r["id"] for r in second["figures"]})
    values = [r["value"] for r in first["figures"] if r["value"] is not None]
    assert values == sorted(values, reverse=True)


def test_party_filter_resolves_aliases(client: TestClient) -> None:
    by_alias = client.get("/api/figures?party=DPRK&per_page=200").json()
    by_name = client.get("/api/figures?party=North+Korea&per_page=200").json()
    assert by_alias["total"] == by_name["total"] > 0


def test_figure_page_shows_sentence_group_and_origin(
    client: TestClient, ids: dict[str, str]
) -> None:
    data = client.get(f"/api/figure/{ids['conflict_claim']}").json()
    claim = data["claim"]
    assert claim["quote"] in data["paragraph"]["text"]
    assert data["origin"]
    page = client.get(f"/figure/{ids['conflict_claim']}").text
    assert '<span class="sentence">' in page and 'class="current"' in page
    for pair in data["group"]:
        assert pair["verdict"] in ("consistent", "conflict", "different_scope")
        assert f"/figure/{pair['other']['id']}" in page


def test_document_page_highlights_every_figure(client: TestClient, ids: dict[str, str]) -> None:
    data = client.get(f"/api/document/{ids['doc']}").json()
    page = client.get(f"/document/{ids['doc']}").text
    assert data["figures"]
    for figure in data["figures"]:
        assert f'href="/figure/{figure["id"]}"' in page
    assert set(data["relations"]) == {
        "consistent",
        "conflict",
        "different_scope",
        "inconsistent",
        "arithmetic",
    }


def test_exchange_has_two_columns_and_a_diagram(client: TestClient) -> None:
    page = client.get("/exchange?a=North+Korea&b=Russia").text
    assert "North Korea → Russia" in page and "Russia → North Korea" in page
    assert "<svg" in page and 'class="band' in page
    data = client.get("/api/exchange?a=DPRK&b=Moscow").json()
    assert (data["a"], data["b"]) == ("North Korea", "Russia")
    assert all(line["giver"] == "North Korea" for line in data["a_to_b"])


def test_timeline_draws_one_mark_per_claim(client: TestClient, ids: dict[str, str]) -> None:
    data = client.get(f"/api/timeline?concept={quote(ids['concept'])}").json()
    page = client.get(f"/timeline?concept={quote(ids['concept'])}").text
    marks = page.count('class="dot"') + page.count('class="range"')
    assert marks == len(data["points"]) > 0


def test_checks_link_both_sides(client: TestClient) -> None:
    data = client.get("/api/checks?verdict=all").json()
    assert data["total"] == len(data["checks"]) or data["pages"] > 1
    page = client.get("/checks?verdict=all").text
    for check in data["checks"]:
        for claim in check["claims"]:
            assert f"/figure/{claim['id']}" in page
            assert f"/document/{claim['doc_id']}" in page


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/figure/999999", 404, "not_found"),
        ("/document/nope", 404, "not_found"),
        ("/party/Atlantis", 404, "unknown_party"),
        ("/exchange?a=North+Korea", 400, "bad_request"),
        ("/exchange?a=North+Korea&b=Atlantis", 404, "unknown_party"),
        ("/timeline?concept=nothing-like-this", 404, "not_found"),
        ("/figures?modality=rumoured", 400, "bad_request"),
        ("/figures?verdict=maybe", 400, "bad_request"),
        ("/figures?page=0", 400, "bad_request"),
        ("/checks?verdict=maybe", 400, "bad_request"),
        ("/no-such-page", 404, "not_found"),
    ],
)
def test_errors_have_one_json_shape(client: TestClient, path: str, status: int, code: str) -> None:
    twin = client.get("/api" + path)
    assert twin.status_code == status
    body = twin.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]
    page = client.get(path)
    assert page.status_code == status
    assert "text/html" in page.headers["content-type"]
    assert 'role="alert"' in page.text


def test_unknown_party_message_says_what_to_do(client: TestClient) -> None:
    body = client.get("/api/party/Atlantis").json()
    assert body["error"]["message"] == (
        "unknown party 'Atlantis'; see 'claimledger parties' for the known names"
    )


def test_a_figure_page_judges_each_pair_on_its_own(client: TestClient, corpus_db) -> None:  # type: ignore[no-untyped-def]
    """Group lines join all pairs; the figure page shows the verdict of each pair."""
    with Ledger.open(corpus_db) as ledger:
        (shin,) = [c for c in ledger.claim_rows(doc="01-shin-containers") if "10,000" in c["quote"]]
    data = client.get(f"/api/figure/{shin['id']}").json()
    verdicts = {p["other"]["quote"]: p["verdict"] for p in data["group"]}
    assert verdicts["as many as 10,000 containers"] == "consistent"
    assert verdicts["about 16,000 shipping containers"] == "different_scope"
