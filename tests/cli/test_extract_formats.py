"""`extract` on HTML and PDF: offsets index the extracted text, as the contract says."""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from claimledger.ingest import load_path

from .conftest import ROOT, Invoke

ARTICLE = ROOT / "tests" / "data" / "ingest" / "article.html"
PDF_TEXT = (
    "Pyongyang shipped about 16,000 containers of munitions to Russia, officials said. "
    "Russia pays each North Korean soldier roughly $2,000 a month."
)


def records(cli: Invoke, path: Path) -> list[dict]:
    result = cli("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_html_figures_point_into_the_article_text(cli: Invoke) -> None:
    text = load_path(ARTICLE)[0].text
    found = records(cli, ARTICLE)
    assert found, "the HTML fixture holds figures"
    for record in found:
        assert record["doc"] == "article"
        assert text[record["start"] : record["end"]] == record["quote"]


def test_pdf_figures_point_into_the_extracted_text(cli: Invoke, tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    SimpleDocTemplate(str(pdf)).build([Paragraph(PDF_TEXT, getSampleStyleSheet()["Normal"])])
    text = load_path(pdf)[0].text
    found = records(cli, pdf)
    assert {r["value"] for r in found} >= {16000, 2000}
    for record in found:
        assert text[record["start"] : record["end"]] == record["quote"]
    pay = next(r for r in found if r["value"] == 2000)
    assert (pay["unit"], pay["per"], pay["from"], pay["to"]) == (
        "USD", "month", "Russia", "North Korea",
    )  # fmt: skip
