"""Untrusted text stays inert: escaping, CSP, CSRF on forms, size limits, local assets only."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from claimledger.web.security import CSP

PAYLOAD = (
    "Title: <script>alert('title')</script>\nOutlet: Evil <img src=x onerror=alert(1)>\n\n"
    "North Korea sent Russia 5,000 <script>alert(1)</script> shells in 2024, "
    'officials said. <img src=x onerror="alert(2)"> Russia paid $200 million for them.\n'
)
WEB = Path(__file__).resolve().parents[2] / "src" / "claimledger" / "web"


def _csrf(client: TestClient) -> str:
    page = client.get("/add").text
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert found, "the Add form has no CSRF token"
    return found.group(1)


def test_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/api/figures", "/static/app.css", "/no-such-page"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
    assert "script-src 'self';" in CSP and "'unsafe-inline'" not in CSP


def test_post_without_csrf_token_is_refused(writable_client: TestClient) -> None:
    writable_client.get("/add")
    response = writable_client.post("/add", data={"text": PAYLOAD})
    assert response.status_code == 403
    assert "security token" in response.text
    response = writable_client.post("/add", data={"text": PAYLOAD, "csrf": "0" * 64})
    assert response.status_code == 403


def test_token_from_another_session_is_refused(writable_client: TestClient) -> None:
    token = _csrf(writable_client)
    writable_client.cookies.clear()
    writable_client.get("/")  # a new session cookie
    response = writable_client.post("/add", data={"text": PAYLOAD, "csrf": token})
    assert response.status_code == 403


def test_pasted_payload_is_stored_and_rendered_inert(writable_client: TestClient) -> None:
    token = _csrf(writable_client)
    response = writable_client.post(
        "/add", data={"text": PAYLOAD, "name": "<b>evil</b>", "csrf": token},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303, response.text[:500]
    location = response.headers["location"]
    assert location.startswith("/document/") and location.endswith("?added=1")
    page = writable_client.get(location).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;img src=x onerror=" in page
    assert "<b>evil</b>" not in page and "&lt;b&gt;evil&lt;/b&gt;" in page
    doc_id = location.split("/")[2].split("?")[0]
    for path in ("/figures?q=shells", "/documents", "/checks", "/timeline", "/"):
        body = writable_client.get(path).text
        assert "<script>alert" not in body and "<img src=x" not in body
    twin = writable_client.get(f"/api/document/{doc_id}")  # data, never rendered as HTML
    assert twin.headers["content-type"] == "application/json"
    assert twin.headers["x-content-type-options"] == "nosniff"


def test_no_template_marks_document_text_safe() -> None:
    for template in (WEB / "templates").glob("*.html"):
        assert "|safe" not in template.read_text().replace(" ", ""), template.name


def test_pasted_text_over_the_limit_is_rejected(writable_client: TestClient) -> None:
    token = _csrf(writable_client)
    huge = "North Korea sent shells. " * 50_000  # 1.25 MB
    response = writable_client.post("/add", data={"text": huge, "csrf": token})
    assert response.status_code == 400
    assert "1 MiB" in response.text


def test_oversized_upload_is_rejected(writable_client: TestClient) -> None:
    token = _csrf(writable_client)
    big = b"a" * (10 * 1024 * 1024 + 1)
    response = writable_client.post(
        "/add", data={"csrf": token}, files={"files": ("big.txt", big, "text/plain")}
    )
    assert response.status_code == 400
    assert "Rejected" in response.text and "big.txt" in response.text
    assert "10 MiB" in response.text


def test_declared_oversized_request_is_refused(writable_client: TestClient) -> None:
    token = _csrf(writable_client)
    response = writable_client.post(
        "/add", content=b"x", headers={"content-length": str(200 * 2**20),
                                       "content-type": "multipart/form-data; boundary=b"},
    )  # fmt: skip
    assert response.status_code == 413
    assert token


def test_assets_are_local(client: TestClient) -> None:
    for path in ("/", "/figures", "/exchange", "/timeline", "/add"):
        page = client.get(path).text
        for url in re.findall(r'(?:src|href)="([^"]+)"', page):
            assert not url.startswith(("http://", "https://", "//")) or "example.org" in url, url
    css = client.get("/static/app.css").text
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
