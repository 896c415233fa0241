"""A Brief as one self-contained HTML file (inline CSS and SVG, no script, every
document text escaped by Jinja's autoescape), as Markdown, and as PDF rendered from
that HTML by WeasyPrint with every URL fetch refused, so nothing is ever downloaded."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from claimledger import __version__
from claimledger.errors import UsageError
from claimledger.export.report.brief import Brief, Citation
from claimledger.export.report.charts import flow_chart, timeline_chart

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("claimledger.export", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(brief: Brief, ledger_name: str) -> str:
    template = _environment().get_template("brief.html")
    return template.render(
        b=brief, version=__version__, ledger=ledger_name,
        flow_svg=flow_chart(brief.pair_flows), timeline_svg=timeline_chart(brief.dated),
    )  # fmt: skip


def _refuse(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise UsageError(f"{url}: the report fetches nothing")


def render_pdf(html: str, target: Path) -> None:
    from weasyprint import HTML

    HTML(string=html, url_fetcher=_refuse).write_pdf(target)


# -- Markdown -------------------------------------------------------------------------------


def md(text: object) -> str:
    """Document text made inert in Markdown: specials escaped, on one line."""
    flat = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def _cites(numbers: list[int]) -> str:
    unique = sorted(set(numbers))
    return f" [{', '.join(str(n) for n in unique)}]" if unique else ""


def _verdicts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())


def _citation(c: Citation) -> str:
    before, quote, after = c.sentence_parts()
    where = [md(c.title or c.doc)]
    where += [md(x) for x in (c.outlet, c.published) if x]
    link = c.url or c.path
    tail = f" · {md(link)}" if link else ""
    return (
        (
            f"{c.number}. “{md(before)} **{md(quote)}** {md(after)}” — {', '.join(where)} · "
            f"{md(c.doc)}, characters {c.start}–{c.end}{tail}"
        )
        .replace("“ **", "“**")
        .replace("** ”", "**”")
    )


def render_markdown(brief: Brief, ledger_name: str) -> str:
    lines = [f"# {md(brief.title)}", ""]
    lede = []
    if brief.scope:
        lede.append(f"Figures {md(brief.scope)}.")
    if brief.dates[0]:
        lede.append(f"Dated {brief.dates[0]} to {brief.dates[1]}.")
    counts = ", ".join(f"{n} {name}" for name, n in brief.counts.items())
    verdicts = f" ({_verdicts(brief.verdicts)})" if brief.verdicts else ""
    lines += [" ".join([*lede, f"{counts}{verdicts}."]), "", "## Key figures", ""]
    if brief.key_figures:
        lines += ["| What | Range | Values and who states them | Origins | Verdicts |",
                  "|---|---|---|---:|---|"]  # fmt: skip
        for k in brief.key_figures:
            values = "; ".join(
                f"{md(v.text)}: {', '.join(md(o) for o in v.origins)}{_cites(v.cites)}"
                for v in k.values
            )
            lines.append(f"| {md(k.label)} ({md(k.scale)}) | {md(k.range)} | {values} | "
                         f"{k.origins} | {_verdicts(k.verdicts)} |")  # fmt: skip
    else:
        lines.append("No two figures here speak of the same quantity.")
    pair = brief.exchange_pair
    lines += ["", f"## Exchange{f': {md(pair[0])} and {md(pair[1])}' if pair else ''}", ""]
    if brief.exchange:
        lines += ["| From → to | What | Figures | Claims | Sources |", "|---|---|---|---:|---|"]
        for row in brief.exchange:
            lines.append(
                f"| {md(row.giver)} → {md(row.receiver)} | {md(row.concept)} | "
                f"{md(row.figures or '(no figure)')}{_cites(row.cites)} | {row.claims} | "
                f"{'; '.join(md(s) for s in row.sources)} |"
            )
    else:
        lines.append("No flow names both a giver and a receiver.")
    lines += ["", "## Flows between parties", ""]
    for p in brief.pair_flows:
        what = ", ".join(f"{md(name)} ({n})" for name, n in p.concepts)
        lines.append(f"- {md(p.giver)} → {md(p.receiver)}: {p.flows} flows: {what}")
    lines += ["", "(The flow chart and the timeline are drawn in the HTML and PDF briefs.)"]
    sections = (
        ("Conflicts", brief.conflicts, brief.more_conflicts),
        ("Arithmetic that fails", brief.failures, brief.more_failures),
    )
    for title, items, more in sections:
        lines += ["", f"## {title}", ""]
        if not items:
            lines.append("None.")
        for c in items:
            lines.append(f"- {md(c.note)}")
            for m in c.members:
                lines.append(f"  - {md(m.figure)} — {md(m.origin or m.doc)} ({md(m.doc)})"
                             f"{_cites([m.cite])}")  # fmt: skip
        if more:
            lines.append(f"- and {more} more")
    lines += ["", "## Citations", ""]
    lines += [_citation(c) for c in brief.citations]
    lines += ["", f"Made by claimledger {__version__} from {md(ledger_name)}.", ""]
    return "\n".join(lines)
