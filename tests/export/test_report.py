"""`report --out brief.html|brief.md|brief.pdf`: what the briefing holds, in each format,
checked against the ledger's own figures and the documents read by path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape
from pypdf import PdfReader

from claimledger.export.report import brief_of
from claimledger.store import Ledger

from .conftest import Invoke

HOSTILE = (
    "Title: Market note <script>window.__pwned = 1</script>\n\n"
    'North Korea shipped Russia 12,500 shells <img src=x onerror="window.__pwned = 2"> '
    "in **March** 2024 | as [the ministry](http://127.0.0.1/x) said "
    '<a href="javascript:alert(3)">here</a>.\n'
)


@pytest.fixture(scope="module")
def reports(ledger_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The whole ledger's briefing in the three formats, plus the ledger they come from."""
    from .conftest import invoke

    folder = tmp_path_factory.mktemp("report")
    db = folder / "ledger.db"
    db.write_bytes(ledger_db.read_bytes())
    out = {"db": db}
    for fmt in ("html", "md", "pdf"):
        out[fmt] = folder / f"brief.{fmt}"
        result = invoke("--db", str(db), "report", "--out", str(out[fmt]))
        assert result.exit_code == 0, result.output
        assert "citations" in result.stderr
    return out


@pytest.fixture(scope="module")
def hostile_db(ledger_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import invoke

    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "ledger.db"
    db.write_bytes(ledger_db.read_bytes())
    article = folder / "hostile-note.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    result = invoke("--db", str(db), "ingest", str(article))
    assert result.exit_code == 0, result.output
    return db


def test_html_is_one_self_contained_file(reports: dict[str, Path]) -> None:
    html = reports["html"].read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<script" not in html and "<link" not in html and "<img" not in html
    assert not re.search(r"""(?:src|srcset)\s*=\s*["']?(?:https?:)?//""", html)
    assert html.count("<svg") == 2  # the flow chart and the timeline, inline
    for section in ("key-figures", "exchange", "flow-chart", "timeline", "conflicts",
                    "arithmetic", "citations"):  # fmt: skip
        assert f'id="{section}"' in html


def test_every_citation_points_at_its_sentence(reports: dict[str, Path]) -> None:
    with Ledger.open(reports["db"]) as ledger:
        brief = brief_of(ledger)
    html = reports["html"].read_text(encoding="utf-8")
    assert len(brief.citations) > 20
    cited = {int(n) for n in re.findall(r'href="#cite-(\d+)"', html)}
    assert cited == {c.number for c in brief.citations}
    for citation in brief.citations:
        assert f'id="cite-{citation.number}"' in html
        text = Path(citation.path).read_text(encoding="utf-8")  # the document, by path
        assert text[citation.start : citation.end] == citation.quote
        before, quote, after = citation.sentence_parts()
        assert quote == citation.quote and citation.sentence == before + quote + after


def test_key_figures_give_ranges_across_origins(reports: dict[str, Path]) -> None:
    with Ledger.open(reports["db"]) as ledger:
        brief = brief_of(ledger)
    assert brief.key_figures
    spread = [k for k in brief.key_figures if len(k.values) > 1]
    assert spread, "no key figure has two different values"
    html = reports["html"].read_text(encoding="utf-8")
    md = reports["md"].read_text(encoding="utf-8")
    for key in brief.key_figures:
        assert key.origins >= 1 and key.claims >= 2
        assert str(escape(key.range)) in html
    assert "| What | Range |" in md
    assert brief.exchange_pair is not None
    a, b = brief.exchange_pair
    assert f"{a} → {b}" in html and f"{b} → {a}" in html
    assert brief.conflicts, "the ledger's conflicts are missing from the brief"
    assert brief.failures, "the ledger's failed arithmetic is missing from the brief"
    for check in [*brief.conflicts, *brief.failures]:
        assert str(escape(check.note)) in html


def test_pdf_has_the_briefing(reports: dict[str, Path]) -> None:
    reader = PdfReader(reports["pdf"])
    assert len(reader.pages) >= 3
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    with Ledger.open(reports["db"]) as ledger:
        brief = brief_of(ledger)
    for heading in ("Key figures", "Exchange", "Flows between parties", "Timeline",
                    "Conflicts", "Arithmetic that fails", "Citations"):  # fmt: skip
        assert heading in text
    assert brief.title in text
    assert brief.key_figures[0].range in text
    last = brief.citations[-1]
    assert " ".join(last.quote.split()) in text


def test_markdown_has_the_briefing(reports: dict[str, Path]) -> None:
    md = reports["md"].read_text(encoding="utf-8")
    assert md.startswith("# Briefing: ")
    for heading in ("## Key figures", "## Exchange", "## Conflicts", "## Citations"):
        assert heading in md
    with Ledger.open(reports["db"]) as ledger:
        brief = brief_of(ledger)
    numbered = re.findall(r"^(\d+)\. “", md, re.M)
    assert [int(n) for n in numbered] == [c.number for c in brief.citations]


def test_filters_narrow_the_briefing(cli: Invoke, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "containers.md"
    result = cli("--db", str(db), "report", "--item", "containers", "--between", "2023", "2024",
                 "--out", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    md = out.read_text(encoding="utf-8")
    assert "Figures item containers, between 2023 and 2024." in md
    key_section = md.split("## Key figures", 1)[1].split("## Exchange", 1)[0]
    rows = [
        line for line in key_section.splitlines() if line.startswith("| ") and "---" not in line
    ]
    assert rows[1:] and all("containers" in row for row in rows[1:])
    whole = tmp_path / "whole.md"
    cli("--db", str(db), "report", "--out", str(whole))
    assert len(md) < len(whole.read_text(encoding="utf-8")) / 3


def test_document_text_is_escaped(cli: Invoke, hostile_db: Path, tmp_path: Path) -> None:
    html_path, md_path = tmp_path / "brief.html", tmp_path / "brief.md"
    for out in (html_path, md_path):
        result = cli("--db", str(hostile_db), "report", "--doc", "hostile-note", "--out", str(out))
        assert result.exit_code == 0, result.output
    html = html_path.read_text(encoding="utf-8")
    assert "12,500" in html
    assert "<script" not in html and "<img" not in html
    assert not re.search(r"href=[\"']?javascript", html, re.I) and 'href="http://127' not in html
    assert "&lt;img src=x" in html and "&lt;a href=&#34;javascript:alert(3)&#34;&gt;" in html
    md = md_path.read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<(?:img|script|a )", md) and "\\<img" in md
    assert "](http" not in md and "\\*\\*" in md
