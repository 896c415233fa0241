"""HTML pages: main text and metadata through trafilatura, and pages with no article."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.ingest import load_bytes, load_path


def test_article_fixture(data_dir: Path) -> None:
    [doc] = load_path(data_dir / "article.html")
    assert (doc.kind, doc.name) == ("html", "article")
    assert doc.title == "Harbour exports climb as grain shipments recover"
    assert doc.outlet == "The Coastal Ledger"
    assert doc.author == "Mara Lindqvist"
    assert doc.published == "2024-03-14"
    assert doc.url == "https://coastal-ledger.example/economy/harbour-exports-climb"
    assert "rose by 18 percent last year" in doc.text
    assert "ordered for 12 million euros" in doc.text
    paragraphs = [line for line in doc.text.split("\n") if line.strip()]
    assert len(paragraphs) >= 4
    for boilerplate in ("Subscribe", "Privacy policy", "Related stories", "All rights"):
        assert boilerplate not in doc.text


def test_html_sniffed_without_suffix(data_dir: Path) -> None:
    data = (data_dir / "article.html").read_bytes()
    [doc] = load_bytes(data, name="page", origin="page")
    assert doc.kind == "html"


def test_nav_only_page(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<!doctype html><html><head><title>Menu</title></head><body><nav><ul>"
        '<li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
        '<li><a href="/sport">Sport</a></li></ul></nav></body></html>'
    )
    with pytest.raises(InputError) as err:
        load_path(path)
    assert str(err.value) == f"{path}: no article text found in the HTML page"
