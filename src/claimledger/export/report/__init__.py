"""The briefing report: `write_report(ledger, Path("brief.html"|"brief.md"|"brief.pdf"))`.

brief.py decides what the briefing says, charts.py draws its two charts, render.py
writes it as HTML, Markdown or PDF (the PDF rendered from the HTML).
"""

from __future__ import annotations

from pathlib import Path

from claimledger.errors import UsageError
from claimledger.export.files import check_target, write_atomically
from claimledger.export.report.brief import Brief, build_brief
from claimledger.export.report.render import render_html, render_markdown, render_pdf
from claimledger.export.selection import Selection
from claimledger.export.tables import TABLES, collect
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger

REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf"}


def report_format(out: Path) -> str:
    """html, md or pdf from the --out suffix."""
    found = REPORT_FORMATS.get(out.suffix.lower())
    if found is None:
        raise UsageError(f"{out}: name the report brief.html, brief.md or brief.pdf "
                         "(the suffix picks the format)")  # fmt: skip
    return found


def brief_of(
    ledger: Ledger,
    *,
    selection: Selection | None = None,
    registry: PartyRegistry | None = None,
    title: str | None = None,
) -> Brief:
    """What the briefing of this selection says."""
    selection = selection or Selection()
    data = collect(ledger, selection, registry or PartyRegistry.default(), TABLES)
    return build_brief(data, title=title, scope=selection.describe())


def write_report(
    ledger: Ledger,
    out: Path,
    *,
    selection: Selection | None = None,
    registry: PartyRegistry | None = None,
    title: str | None = None,
) -> str:
    """Write the briefing to `out` in the format its suffix names; returns what it holds."""
    from claimledger.export import require_documents

    fmt = report_format(out)
    check_target(out)
    require_documents(ledger)
    brief = brief_of(ledger, selection=selection, registry=registry, title=title)
    name = Path(str(ledger.path)).name
    if fmt == "md":
        text = render_markdown(brief, name)
        write_atomically(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    else:
        html = render_html(brief, name)
        if fmt == "html":
            write_atomically(out, lambda tmp: tmp.write_text(html, encoding="utf-8"))
        else:
            write_atomically(out, lambda tmp: render_pdf(html, tmp))
    return (
        f"a briefing of {brief.counts['figures']} figures, {len(brief.key_figures)} key "
        f"figures, {len(brief.citations)} citations"
    )


__all__ = ["Brief", "brief_of", "report_format", "write_report"]
