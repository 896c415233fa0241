"""The server answers only its own host names and refuses state changes from other origins.

A hostile page can reach 127.0.0.1 from the user's browser: by DNS rebinding (its own name
re-pointed at 127.0.0.1, so the browser treats the workbench as same-origin with it) or by
posting a form or a no-cors fetch across origins. Both must be refused before any page runs.
"""

from __future__ import annotations

import http.client
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

from claimledger.store import Ledger
from claimledger.web import create_app
from claimledger.web.security import host_names

from .conftest import serve_in_thread

ARTICLE = "Title: Shells\n\nNorth Korea sent Russia 4,000 shells in 2024, officials said.\n"


def _documents(db: Path) -> int:
    with Ledger.open(db) as ledger:
        return ledger.stats()["documents"]


def _raw_get(base: str, path: str, host: str) -> int:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": host})
        return conn.getresponse().status
    finally:
        conn.close()


def test_a_rebound_host_name_gets_no_page(writable_db: Path) -> None:
    """DNS rebinding: a request for attacker.example that reached 127.0.0.1 is refused."""
    for base in serve_in_thread(create_app(writable_db)):
        port = urlsplit(base).port
        assert _raw_get(base, "/api/figures", f"127.0.0.1:{port}") == 200
        assert _raw_get(base, "/api/figures", f"localhost:{port}") == 200
        for path in ("/", "/api/figures", "/api/document/x", "/add"):
            assert _raw_get(base, path, f"rebind.attacker.example:{port}") == 400, path


def test_unknown_host_refused_in_process(writable_db: Path) -> None:
    evil = TestClient(create_app(writable_db), base_url="http://attacker.example")
    response = evil.get("/api/overview")
    assert response.status_code == 400
    assert "ledger" not in response.text


def test_serve_host_names() -> None:
    assert set(host_names("127.0.0.1")) == {"127.0.0.1", "localhost", "::1"}
    assert host_names("192.168.1.5") == ["192.168.1.5"]
    assert "proxy.lan" in host_names("127.0.0.1", ("proxy.lan",))


def _token(client: TestClient) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/add").text)
    assert found
    return found.group(1)


def test_cross_origin_form_post_is_refused(writable_client: TestClient, writable_db: Path) -> None:
    before = _documents(writable_db)
    token = _token(writable_client)
    for headers in (
        {"Origin": "http://attacker.example"},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1:9"},  # another port is another origin
        {"Sec-Fetch-Site": "cross-site"},
        {"Referer": "http://attacker.example/page"},
    ):
        response = writable_client.post(
            "/add", data={"text": ARTICLE, "csrf": token}, headers=headers,
            follow_redirects=False,
        )  # fmt: skip
        assert response.status_code == 403, headers
        assert "another" in response.text
    assert _documents(writable_db) == before


def test_cross_origin_json_post_is_refused(writable_client: TestClient, writable_db: Path) -> None:
    """A no-cors fetch from another site: text/plain JSON, no preflight, Origin set."""
    before = _documents(writable_db)
    body = json.dumps({"text": ARTICLE, "name": "cross"})
    for content_type in ("text/plain", "application/json"):
        response = writable_client.post(
            "/api/add", content=body,
            headers={"Origin": "http://attacker.example", "Content-Type": content_type},
        )  # fmt: skip
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "cross_origin"
    assert _documents(writable_db) == before


def test_same_origin_posts_still_work(writable_client: TestClient, writable_db: Path) -> None:
    before = _documents(writable_db)
    response = writable_client.post(
        "/api/add", json={"text": ARTICLE, "name": "same"},
        headers={"Origin": "http://127.0.0.1", "Sec-Fetch-Site": "same-origin"},
    )  # fmt: skip
    assert response.status_code == 201, response.text
    assert _documents(writable_db) == before + 1
