"""The figure page shows a stated change ('fell from 9,400 to 8,100') and, when the parties
were read from the rest of the document, says so."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from claimledger.api import ingest_document
from claimledger.ingest import load_path
from claimledger.store import Ledger
from claimledger.web import create_app

ARTICLE = (
    "Title: Grain exports slide\nPublished: 2024-03-05\n\n"
    "Grain exports from the port fell from 9,400 tonnes to 8,100 tonnes in 2023, "
    "the harbour authority said on Tuesday.\n"
)


def test_figure_page_shows_the_change(tmp_path: Path) -> None:
    path = tmp_path / "grain.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        ingest_document(ledger, load_path(path)[0])
        rows = ledger.claim_rows()
    changed = next(r for r in rows if r["quote"].startswith("8,100"))
    assert changed["change"] == "decrease" and changed["change_from"] == 9400
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    page = client.get(f"/figure/{changed['id']}").text
    assert "<dt>Change</dt><dd>decrease from 9,400</dd>" in page
    data = client.get(f"/api/figure/{changed['id']}").json()
    assert data["claim"]["change"] == "decrease"
