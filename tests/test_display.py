"""display: the one wording of a figure, and every view (CLI, summary, exchange, web) using it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimledger import display
from claimledger.api import ingest_document
from claimledger.cli.render import figure_value
from claimledger.exchange import exchange
from claimledger.ingest import load_text
from claimledger.model import Claim
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger
from claimledger.summary import build_summary, figure_line
from claimledger.web import create_app, formatting


def _claim(**fields: object) -> Claim:
    base: dict[str, object] = {"doc": "d", "quote": "q", "start": 0, "end": 1, "value": None}
    return Claim(**{**base, **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"value": 5e6, "qualifier": "over"}, "over 5 million"),
        ({"value": 2000, "unit": "USD", "per": "month"}, "$2,000/month"),
        ({"value": 2000, "unit": "USD", "per": "month", "qualifier": "about"},
         "about $2,000/month"),
        ({"value": 0.125, "unit": "percent"}, "0.125%"),
        ({"value": 1.42e9, "unit": "USD"}, "$1.42 billion"),
        ({"value": 1_234_567}, "1,234,567"),
        ({"low": 3, "high": 4, "qualifier": "range"}, "3–4"),
        ({"low": 5000, "high": 10000, "unit": "t", "qualifier": "range"}, "5,000–10,000 tonnes"),
        ({"value": 1, "unit": "t"}, "1 tonne"),
        ({"value": 700, "unit": "KRW", "qualifier": "at_least"}, "at least 700 KRW"),
        ({"low": 2000, "high": 9999, "vague": True, "quote": "thousands", "qualifier": "range"},
         "thousands"),
    ],
)  # fmt: skip
def test_figure_wording(fields: dict[str, object], expected: str) -> None:
    claim = _claim(**fields)
    assert display.figure(claim) == expected
    row = {**fields, "unit": fields.get("unit", "count")}
    assert display.figure(row) == expected  # a row dict reads the same as a Claim


def test_every_view_words_a_figure_the_same(tmp_path: Path) -> None:
    """The drift bug: the summary, CLI tables and web dropped the qualifier and the rate."""
    claim = _claim(value=5e6, qualifier="over", unit="USD", per="year")
    expected = "over $5 million/year"
    assert figure_line(claim).value == expected
    assert figure_value(claim.to_json()) == expected
    assert formatting.figure(claim.to_json()) == expected


ARTICLE = (
    "Title: Pay and shells\n\n"
    "North Korea sent Russia over 5 million artillery shells last year, officials said. "
    "Russia pays North Korean workers about $2,000 a month, the ministry said. "
    "Thousands of troops were sent by North Korea to Russia.\n"
)


def test_summary_exchange_and_web_keep_qualifier_rate_and_vague_words(tmp_path: Path) -> None:
    registry = PartyRegistry.default()
    db = tmp_path / "ledger.db"
    with Ledger.open(db) as ledger:
        ingest_document(ledger, load_text(ARTICLE, name="pay", origin="test"), registry)
        summary = build_summary(ledger, registry)
        shown = {f.value for g in summary.groups for f in g.figures}
        lines = exchange(ledger, "North Korea", "Russia", registry)
    assert "over 5 million" in shown
    assert "about $2,000/month" in shown
    assert any(v.lower() == "thousands" for v in shown), shown
    assert not any("9,999" in v for v in shown)
    assert any("9,999" not in line.span() for line in lines)
    page = TestClient(create_app(db), base_url="http://127.0.0.1").get("/figures").text
    assert "over 5 million" in page and "about $2,000/month" in page
    assert "2,000–9,999" not in page


def test_document_titles_never_show_a_hash_where_a_name_exists() -> None:
    row = {"title": None, "head": "\n  Grain convoys cross the border \nbody text", "url": None,
           "name": "3f9a1c2b7d4e5f60"}  # fmt: skip
    assert display.document_title(row) == "Grain convoys cross the border"
    row = {"title": None, "head": "", "url": "https://www.example.org/a/b", "name": "3f9a1c2b"}
    assert display.document_title(row) == "example.org"
    assert display.document_outlet({"outlet": None, "url": "https://news.example.net/x"}) == (
        "news.example.net"
    )
    assert display.document_title({"title": "Given", "head": "Other"}) == "Given"
    assert len(display.document_title({"head": "word " * 100})) <= display.HEADLINE_CHARS
