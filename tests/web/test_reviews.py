"""Reviews of checks: stored in a table of their own, shown on every page, filterable."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from claimledger.store import Ledger


def _claims_dump(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT * FROM claims ORDER BY id").fetchall()


def test_review_a_check_from_the_checks_page(
    writable_client: TestClient, writable_db: Path
) -> None:
    before = _claims_dump(writable_db)
    page = writable_client.get("/checks?verdict=conflict").text
    form = re.search(r'<form class="review-form" method="post" action="(/checks/(\d+)/review)">',
                     page)  # fmt: skip
    assert form, "each check has a review form"
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    response = writable_client.post(form.group(1), data={
        "csrf": token, "state": "rejected", "note": "<b>same source twice</b>",
        "return_to": "/checks?verdict=conflict"}, follow_redirects=False)  # fmt: skip
    assert response.status_code == 303
    assert response.headers["location"] == "/checks?verdict=conflict"
    check_id = int(form.group(2))
    shown = writable_client.get("/checks?verdict=conflict").text
    assert "review-rejected" in shown and "&lt;b&gt;same source twice&lt;/b&gt;" in shown
    rejected = writable_client.get("/api/checks?verdict=all&review=rejected").json()
    assert [c["id"] for c in rejected["checks"]] == [check_id]
    assert rejected["checks"][0]["review"]["note"] == "<b>same source twice</b>"
    unreviewed = writable_client.get("/api/checks?verdict=all&review=unreviewed").json()
    assert check_id not in [c["id"] for c in unreviewed["checks"]]
    assert _claims_dump(writable_db) == before  # a review never touches claims
    with Ledger.open(writable_db) as ledger:
        check = next(c for c in ledger.checks() if c["id"] == check_id)
    figure = check["claims"][0]["id"]
    pairs = writable_client.get(f"/api/figure/{figure}").json()["group"]
    assert any(p["review"] and p["review"]["state"] == "rejected" for p in pairs)
    assert "review-rejected" in writable_client.get(f"/figure/{figure}").text
    assert "review-rejected" in writable_client.get("/").text  # the overview's conflicts


def test_review_needs_the_token_and_a_known_state(writable_client: TestClient) -> None:
    page = writable_client.get("/checks?verdict=all").text
    action = re.search(r'action="(/checks/\d+/review)"', page).group(1)
    assert writable_client.post(action, data={"state": "accepted"}).status_code == 403
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    bad = writable_client.post(action, data={"csrf": token, "state": "maybe"})
    assert bad.status_code == 400
    assert writable_client.get("/checks?review=maybe").status_code == 400
