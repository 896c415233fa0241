"""The briefing's two charts as inline SVG (no script, no network, printable): who gives
whom how much (one arrow per pair of parties, as thick as its flows), and when figures
are dated (one lane per concept, a dot per figure, coloured by modality).

Drawn here rather than by a charting library: the ones on PyPI render through a browser
or a GUI toolkit, or emit script-driven SVG, and these are two small fixed layouts.
Every text from a document passes through `escape`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from markupsafe import Markup, escape

from claimledger.export.report.brief import DatedFigure, PairFlow

MODALITY_COLOURS = {
    "asserted": "#1f5fa8",
    "reported": "#2a9d8f",
    "speculative": "#e9a23b",
    "denied": "#c4374b",
}
FONT = "font-family='DejaVu Sans, Liberation Sans, sans-serif'"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _text(x: float, y: float, text: str, *, size: int = 12, anchor: str = "start",
          weight: str = "normal", fill: str = "#222") -> str:  # fmt: skip
    return (
        f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' text-anchor='{anchor}' "
        f"font-weight='{weight}' fill='{fill}'>{escape(text)}</text>"
    )


def flow_chart(pairs: Sequence[PairFlow]) -> Markup:
    """One row per (giver, receiver): two boxes and an arrow labelled with what flows."""
    if not pairs:
        return Markup("")
    width, row_h, box_w, top = 760.0, 58.0, 176.0, 10.0
    most = max(pair.flows for pair in pairs)
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' class='chart flow-chart' role='img' "
        f"viewBox='0 0 {width:.0f} {top * 2 + row_h * len(pairs):.0f}' {FONT}>",
        "<title>Flows between parties</title>",
        "<defs><marker id='arrowhead' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='14' "
        "markerHeight='14' markerUnits='userSpaceOnUse' orient='auto'>"
        "<path d='M0,0 L10,5 L0,10 z' fill='#555'/></marker></defs>",
    ]
    for i, pair in enumerate(pairs):
        y = top + i * row_h
        mid = y + row_h / 2
        stroke = 1.5 + 8.0 * pair.flows / most
        for x, name in ((0.0, pair.giver), (width - box_w, pair.receiver)):
            parts.append(
                f"<rect x='{x:.1f}' y='{mid - 15:.1f}' width='{box_w:.0f}' height='30' rx='4' "
                "fill='#eef2f7' stroke='#9aa7b8'/>"
            )
            parts.append(_text(x + box_w / 2, mid + 4, _clip(name, 24), anchor="middle",
                               weight="bold"))  # fmt: skip
        x0, x1 = box_w + 6, width - box_w - 10
        parts.append(
            f"<line x1='{x0:.1f}' y1='{mid:.1f}' x2='{x1:.1f}' y2='{mid:.1f}' stroke='#555' "
            f"stroke-width='{stroke:.1f}' marker-end='url(#arrowhead)'>"
            f"<title>{escape(pair.giver)} → {escape(pair.receiver)}: {pair.flows} flows</title>"
            "</line>"
        )
        label = ", ".join(f"{name} ({n})" for name, n in pair.concepts)
        parts.append(_text((x0 + x1) / 2, mid - stroke / 2 - 5, _clip(label, 62), size=11,
                           anchor="middle"))  # fmt: skip
        flows = f"{pair.flows} flow{'s' * (pair.flows != 1)}"
        parts.append(_text((x0 + x1) / 2, mid + stroke / 2 + 14, flows, size=10,
                           anchor="middle", fill="#666"))  # fmt: skip
    parts.append("</svg>")
    return Markup("".join(parts))


def year_fraction(date: str) -> float | None:
    """'2024' -> 2024.5, '2024-06' -> 2024.46, '2024-06-19' -> 2024.47; None if no date."""
    found = _DATE.match(date or "")
    if found is None:
        return None
    year, month, day = found.groups()
    if month is None:
        return int(year) + 0.5
    m = min(max(int(month), 1), 12)
    d = min(max(int(day), 1), 31) if day else 16
    return int(year) + (m - 1 + (d - 0.5) / 31) / 12


def _ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """Year ticks; quarter ticks ('2024-04') when the chart spans one or two years."""
    if hi - lo > 2:
        step = max(1, math.ceil((hi - lo) / 10))
        return [(float(y), str(y)) for y in range(int(lo), int(hi) + 1, step)]
    return [
        (y + (m - 1) / 12, f"{y}-{m:02d}" if m != 1 else str(y))
        for y in range(int(lo), int(hi) + 1)
        for m in (1, 4, 7, 10)
        if y + (m - 1) / 12 <= hi
    ]


def timeline_chart(figures: Sequence[DatedFigure]) -> Markup:
    """A lane per concept, a dot per dated figure at its date (hollow when earlier than the
    axis); a dot's tooltip gives its figure, date and citation number."""
    placed = [(f, year_fraction(f.date)) for f in figures]
    placed = [(f, x) for f, x in placed if x is not None]
    if not placed:
        return Markup("")
    lanes = list(dict.fromkeys(f.concept for f, _ in sorted(placed, key=lambda p: p[0].concept)))
    width, left, right, lane_h, top = 760.0, 150.0, 20.0, 34.0, 12.0
    bottom = top + lane_h * len(lanes)
    xs = sorted(x for _, x in placed)
    # A few old figures (a war's start, a treaty) would squeeze the rest into one corner:
    # the axis starts at the tenth percentile and earlier dots sit on its left edge.
    lo = math.floor(xs[len(xs) // 10] if len(xs) >= 10 else xs[0])
    hi = math.floor(xs[-1]) + 1
    earlier = sum(1 for x in xs if x < lo)

    def sx(x: float) -> float:
        return left + (max(x, lo) - lo) / (hi - lo) * (width - left - right)

    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' class='chart timeline-chart' role='img' "
        f"viewBox='0 0 {width:.0f} {bottom + 50:.0f}' {FONT}>",
        "<title>Dated figures by concept</title>",
    ]
    for x, label in _ticks(lo, hi):
        parts.append(f"<line x1='{sx(x):.1f}' y1='{top:.1f}' x2='{sx(x):.1f}' "
                     f"y2='{bottom:.1f}' stroke='#e3e6ea'/>")  # fmt: skip
        parts.append(_text(sx(x), bottom + 16, label, size=10, anchor="middle", fill="#555"))
    for i, lane in enumerate(lanes):
        y = top + i * lane_h + lane_h / 2
        parts.append(f"<line x1='{left:.1f}' y1='{y:.1f}' x2='{width - right:.1f}' "
                     f"y2='{y:.1f}' stroke='#cfd5dc'/>")  # fmt: skip
        parts.append(_text(left - 8, y + 4, _clip(lane, 22), size=11, anchor="end"))
    seen: dict[tuple[str, int], int] = {}
    for figure, x in placed:
        y = top + lanes.index(figure.concept) * lane_h + lane_h / 2
        slot = (figure.concept, round(sx(x)))
        offset = seen.get(slot, 0)  # dots on the same day stack upward a little
        seen[slot] = offset + 1
        colour = MODALITY_COLOURS.get(figure.modality, "#777")
        cite = f" [{figure.cite}]" if figure.cite else ""
        title = f"{figure.figure} ({figure.date}, {figure.modality}){cite}"
        fill = f"fill='{colour}' fill-opacity='0.85'"
        if x < lo:
            fill = f"fill='white' stroke='{colour}' stroke-width='1.5'"
        parts.append(
            f"<circle cx='{sx(x):.1f}' cy='{y - min(offset, 3) * 5:.1f}' r='4.5' {fill}>"
            f"<title>{escape(title)}</title></circle>"
        )
    if earlier:
        note = f"◂ {earlier} earlier figure{'s' * (earlier != 1)} at the left edge"
        parts.append(_text(width - right, bottom + 40, note, size=10, anchor="end", fill="#555"))
    x = left
    for name, colour in MODALITY_COLOURS.items():
        parts.append(f"<circle cx='{x:.1f}' cy='{bottom + 36:.1f}' r='4.5' fill='{colour}'/>")
        parts.append(_text(x + 8, bottom + 40, name, size=10, fill="#444"))
        x += 100
    parts.append("</svg>")
    return Markup("".join(parts))
