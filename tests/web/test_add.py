"""Add: paste, upload and URL inputs; stored documents appear, rejected ones say why."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

ARTICLE = (
    "Title: Shells by rail\nOutlet: Test Wire\nPublished: 2024-08-01\n\n"
    "North Korea has sent Russia about 3 million artillery shells, Ukrainian military "
    "intelligence said on Thursday.\n"
)
HTML = (
    b"<!doctype html><html><head><title>Rail shells</title></head><body><article>"
    b"<h1>Rail shells</h1><p>North Korea shipped 12,000 containers of munitions to Russia "
    b"by rail last year, South Korean officials said on Monday in Seoul.</p>"
    b"<p>The officials said the shipments continued through the summer.</p>"
    b"</article></body></html>"
)


def _csrf(client: TestClient) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/add").text)
    assert found
    return found.group(1)


def test_paste_redirects_to_the_document_with_its_figures(writable_client: TestClient) -> None:
    token = _csrf(writable_client)
    response = writable_client.post("/add", data={"text": ARTICLE, "csrf": token})
    assert response.status_code == 200  # after the 303
    assert "Document added to the ledger" in response.text
    assert "<mark" in response.text and "3 million artillery shells" in response.text
    again = writable_client.post("/add", data={"text": ARTICLE, "csrf": token})
    assert "already in the ledger" in again.text


def test_upload_html_and_a_rejected_file(writable_client: TestClient) -> None:
    token = _csrf(writable_client)
    response = writable_client.post(
        "/add",
        data={"csrf": token},
        files=[
            ("files", ("rail.html", HTML, "text/html")),
            ("files", ("broken.pdf", b"%PDF-1.4 not really a pdf", "application/pdf")),
        ],
    )
    assert response.status_code == 200
    assert "Added" in response.text and "Rail shells" in response.text
    assert "Rejected <strong>broken.pdf</strong>" in response.text


def test_nothing_to_add(writable_client: TestClient) -> None:
    token = _csrf(writable_client)
    response = writable_client.post("/add", data={"csrf": token, "text": "   "})
    assert response.status_code == 400
    assert "nothing to add: paste text, choose a file or give a URL" in response.text


def test_url_must_be_http(writable_client: TestClient) -> None:
    token = _csrf(writable_client)
    response = writable_client.post("/add", data={"csrf": token, "url": "file:///etc/passwd"})
    assert response.status_code == 400
    assert "not an http(s) URL; give a link starting with https://" in response.text


def test_api_add_json(writable_client: TestClient) -> None:
    response = writable_client.post("/api/add", json={"text": ARTICLE, "name": "rail"})
    assert response.status_code == 201
    body = response.json()
    assert [d["name"] for d in body["added"]] == ["rail"] and body["added"][0]["figures"] >= 1
    doc = writable_client.get(body["added"][0]["url"].replace("/document/", "/api/document/"))
    assert doc.json()["document"]["title"] == "Shells by rail"
    bad = writable_client.post("/api/add", json={})
    assert bad.status_code == 400
    assert bad.json() == {"error": {"code": "bad_request",
                                    "message": 'send exactly one of "text" or "url"'}}  # fmt: skip
    limits = writable_client.get("/api/add").json()["limits"]
    assert limits["max_text_bytes"] == 2**20 and limits["max_file_bytes"] == 10 * 2**20


def test_api_add_refuses_form_posts(writable_client: TestClient) -> None:
    """A cross-site form cannot send JSON, so /api/add needs no token but only takes JSON."""
    response = writable_client.post("/api/add", data={"text": ARTICLE})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
