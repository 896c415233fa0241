"""A large Add runs in the background behind a progress page; figures per document are
bounded and the bound is reported; every list on a page is paged."""

from __future__ import annotations

import re
import time
from pathlib import Path

from fastapi.testclient import TestClient

from claimledger.web import create_app


def _article(lines: int) -> str:
    body = "\n".join(
        f"Convoy {n} carried {1000 + n * 37:,} tonnes of grain from Russia to North Korea, "
        "port officials said."
        for n in range(1, lines + 1)
    )
    return f"Title: Grain convoys\nOutlet: Port Bulletin\n\n{body}\n"


def _wait(client: TestClient, url: str) -> dict:
    deadline = time.monotonic() + 120
    while True:
        job = client.get(url).json()
        if job["finished"]:
            return job
        assert time.monotonic() < deadline, job
        time.sleep(0.3)


def test_a_large_paste_runs_in_the_background_and_is_bounded(tmp_path: Path) -> None:
    app = create_app(tmp_path / "l.db", max_figures=12, inline_bytes=1000)
    client = TestClient(app, base_url="http://127.0.0.1")
    text = _article(30)
    response = client.post("/api/add", json={"text": text, "name": "convoys"})
    assert response.status_code == 202  # accepted at once, not held for the extraction
    job = _wait(client, response.headers["location"])
    assert job["error"] is None
    (bounded,) = job["outcome"]["bounded"]
    found = re.search(r"kept the first 12 figures, left out ([\d,]+) more", bounded["reason"])
    assert found and int(found.group(1).replace(",", "")) >= 18
    (added,) = job["outcome"]["added"]
    assert added["figures"] == 12
    page = client.get(job["url"]).text
    assert "Not every figure was kept" in page and 'http-equiv="refresh"' not in page


def test_the_form_redirects_to_a_progress_page(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "l.db", inline_bytes=1000),
                        base_url="http://127.0.0.1")  # fmt: skip
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/add").text).group(1)
    response = client.post("/add", data={"text": _article(20), "csrf": token},
                           follow_redirects=False)  # fmt: skip
    assert response.status_code == 303 and response.headers["location"].startswith("/add/job/")
    first = client.get(response.headers["location"]).text
    assert "Working in the background" in first or "Added" in first
    job = _wait(client, "/api" + response.headers["location"])
    done = client.get(job["url"]).text
    assert "Added" in done and 'href="/document/' in done


def test_a_long_document_is_read_in_parts(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "l.db", inline_bytes=10**7),
                        base_url="http://127.0.0.1")  # fmt: skip
    added = client.post("/api/add", json={"text": _article(700), "name": "long"}).json()
    doc = added["added"][0]
    first = client.get(doc["url"])
    assert "Part 1 of" in first.text and 'rel="next"' in first.text
    assert len(first.content) < 1_000_000
    data = client.get(f"/api{doc['url']}?part=2").json()
    assert data["part"] == 2 and data["document"]["text_start"] > 0
    assert all(data["document"]["text_start"] <= f["start"] for f in data["figures"])
    late = data["figures"][-1]["id"]
    landed = client.get(f"/at/{late}", follow_redirects=False).headers["location"]
    assert "part=" in landed and landed.endswith(f"#claim-{late}")
