"""Chart geometry computed on the server, drawn as inline SVG by the templates."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from claimledger import display

PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
    "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
)  # fmt: skip
OTHER_COLOUR = "#9aa0a6"


def _bezier(x0: float, y0: float, x1: float, y1: float) -> str:
    mid = (x0 + x1) / 2
    return f"M{x0:.1f},{y0:.1f} C{mid:.1f},{y0:.1f} {mid:.1f},{y1:.1f} {x1:.1f},{y1:.1f}"


def flow_label(line: dict[str, Any]) -> str:
    """What a flow band says: the item, the span of its figures, how many sources."""
    n = len(line.get("sources") or [])
    span = display.span(line.get("figures") or [])
    parts = [line["concept"], span or "no figure", f"{n} source{'s' * (n != 1)}"]
    return " · ".join(parts)


def sankey(lines: Sequence[dict[str, Any]], a: str, b: str) -> dict[str, Any]:
    """A on the left, B on the right, what is given in the middle: each flow drawn once, as
    one band from its giver through its item to its receiver (A → B above, B → A below),
    width by claims, labelled with the figures' span and the number of sources.

    Two layouts: `wide` for a desktop and `narrow` (bars under their labels) for a phone,
    where a wide drawing would shrink its text below legibility.
    """
    width, node_w, unit_px, box_w, row_gap, min_box = 760.0, 12.0, 9.0, 300.0, 12.0, 26.0
    flows = [ln for ln in lines if ln.get("giver") in (a, b) and ln.get("receiver") in (a, b)]
    # Width grows with the square root of the claims: one busy flow must not drown the rest.
    weight = {id(ln): math.sqrt(max(1, int(ln.get("claims") or 0))) for ln in flows}
    scale = min(unit_px, 420.0 / max(1.0, sum(weight.values())))

    def thick(ln: dict[str, Any]) -> float:
        return max(3.0, weight[id(ln)] * scale)

    nodes: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    sections: list[dict[str, Any]] = []
    box_x = width / 2 - box_w / 2
    y = 30.0
    for side, (giver, receiver) in enumerate(((a, b), (b, a))):
        group = [ln for ln in flows if ln["giver"] == giver]
        if not group:
            continue
        sections.append({"y": y - 10, "label": f"{giver} → {receiver}", "side": side})
        y += 8
        rows_h = sum(max(thick(ln), min_box) for ln in group) + row_gap * (len(group) - 1)
        total = sum(thick(ln) for ln in group)
        node_y = y + (rows_h - total) / 2
        for x, label, anchor in ((0.0, a, "start"), (width - node_w, b, "end")):
            nodes.append({"x": x, "y": node_y, "w": node_w, "h": total, "label": label,
                          "anchor": anchor, "side": side, "concept": False})  # fmt: skip
        offset = 0.0
        left_to_right = giver == a
        for ln in group:
            t = thick(ln)
            box_h = max(t, min_box)
            y_c = y + box_h / 2
            n = ln.get("claims", 0)
            label = flow_label(ln)
            nodes.append({"x": box_x, "y": y, "w": box_w, "h": box_h, "label": label,
                          "side": side, "claims": n, "concept": True})  # fmt: skip
            y_edge = node_y + offset + t / 2
            title = f"{giver} → {receiver}: {label} ({n} claim{'s' * (n != 1)})"
            into, out_of = (
                (_bezier(node_w, y_edge, box_x, y_c),
                 _bezier(box_x + box_w, y_c, width - node_w, y_edge))
                if left_to_right else
                (_bezier(width - node_w, y_edge, box_x + box_w, y_c),
                 _bezier(box_x, y_c, node_w, y_edge))
            )  # fmt: skip
            links.append({"d": into, "width": t, "side": side, "title": title, "arrow": False})
            links.append({"d": out_of, "width": t, "side": side, "title": title, "arrow": True})
            offset += t
            y += box_h + row_gap
        y += 40.0
    return {"width": width, "height": max(y - 20.0, 60.0), "nodes": nodes, "links": links,
            "sections": sections, "narrow": _narrow_flows(flows, a, b)}  # fmt: skip


def _narrow_flows(flows: Sequence[dict[str, Any]], a: str, b: str) -> dict[str, Any]:
    """The same flows for a phone: per direction, one bar per flow under its label."""
    width, bar_h, gap = 360.0, 10.0, 34.0
    most = max((max(1, int(ln.get("claims") or 0)) for ln in flows), default=1)
    rows: list[dict[str, Any]] = []
    y = 22.0
    for side, (giver, receiver) in enumerate(((a, b), (b, a))):
        group = [ln for ln in flows if ln["giver"] == giver]
        if not group:
            continue
        rows.append({"kind": "heading", "y": y, "label": f"{giver} → {receiver}", "side": side})
        y += 22
        for ln in group:
            n = max(1, int(ln.get("claims") or 0))
            rows.append({"kind": "bar", "y": y, "label": flow_label(ln), "side": side,
                         "w": round(max(6.0, (width - 10) * n / most), 1), "h": bar_h,
                         "claims": n})  # fmt: skip
            y += gap
        y += 10
    return {"width": width, "height": y, "rows": rows}


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def year_fraction(date: str | None) -> float | None:
    """'2024' -> 2024.5 (mid-year), '2024-06' -> 2024.46, '2024-06-19' -> 2024.47."""
    if not date:
        return None
    found = _DATE.match(date)
    if found is None:
        return None
    year, month, day = found.groups()
    if month is None:
        return int(year) + 0.5
    month_i = min(max(int(month), 1), 12)
    if day is None:
        return int(year) + (month_i - 0.5) / 12
    return int(year) + (month_i - 1 + min(max(int(day), 1), 31) / 31) / 12


def _ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    span = hi - lo or 1.0
    if not math.isfinite(span):  # values near the float limit: their difference overflows
        return [lo, hi]
    step = 10 ** math.floor(math.log10(span / count))
    for mult in (1, 2, 5, 10):
        if span / (step * mult) <= count:
            step *= mult
            break
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]


UNDATED_LANE = 70.0  # user units at the right edge for figures with no date
STACK_STEP = 7.0  # marks at one spot are set side by side, this far apart


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and math.isfinite(value)


def _stack(marks: list[dict[str, Any]]) -> None:
    """Spread marks that would cover each other (same spot) side by side, in place."""
    spots: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for mark in marks:
        y = mark.get("y", mark.get("y1", 0.0))
        if not (math.isfinite(mark["x"]) and math.isfinite(y)):
            continue
        spots.setdefault((round(mark["x"] / 6), round(y / 6)), []).append(mark)
    for group in spots.values():
        if len(group) > 1:
            for i, mark in enumerate(group):
                mark["x"] = round(mark["x"] + (i - (len(group) - 1) / 2) * STACK_STEP, 1)
                mark["stacked"] = len(group)


# A ledger may hold any finite value (up to 1.8e308): the axis works on values clamped well
# inside the float range, so that a span of two extremes is still a finite number.
PLOT_LIMIT = 1e300


def _plotted(value: float) -> float:
    return max(-PLOT_LIMIT, min(PLOT_LIMIT, float(value)))


def timeline(points: Sequence[dict[str, Any]], colour_key: str = "origin") -> dict[str, Any]:
    """Marks for figures: x by date, y by value (log when values span > 100x); figures
    without a date in an 'undated' lane at the right; marks at one spot set side by side."""
    width, height, left, right, top, bottom = 820.0, 380.0, 80.0, 20.0, 20.0, 40.0
    valued = [p for p in points if _finite(p.get("value")) or (
        _finite(p.get("low")) and _finite(p.get("high")))]  # fmt: skip
    usable = [p for p in valued if year_fraction(p.get("date_key")) is not None]
    undated = [p for p in valued if year_fraction(p.get("date_key")) is None]
    if not valued:
        return {"width": width, "height": height, "marks": [], "xticks": [], "yticks": [],
                "legend": [], "log": False, "undated": 0}  # fmt: skip
    plot_right = width - right - (UNDATED_LANE if undated else 0.0)
    xs = [year_fraction(p["date_key"]) or 0.0 for p in usable]
    values = [_plotted(v) for p in valued for v in (p.get("value"), p.get("low"), p.get("high"))
              if _finite(v)]  # fmt: skip
    positive = [v for v in values if v > 0]
    log = bool(positive) and len(positive) == len(values) and max(positive) / min(positive) > 100
    y_lo = math.log10(min(positive)) if log else min(0.0, min(values))
    y_hi = math.log10(max(positive)) if log else max(values)
    if y_hi == y_lo:
        y_hi += 1.0 if log else abs(y_hi) or 1.0
    pad = (y_hi - y_lo) * 0.08
    y_lo, y_hi = y_lo - (pad if log else 0.0), y_hi + pad
    x_lo, x_hi = (math.floor(min(xs)), math.floor(max(xs)) + 1.0) if xs else (0.0, 1.0)

    def sx(x: float) -> float:
        return left + (x - x_lo) / (x_hi - x_lo) * (plot_right - left)

    def sy(v: float) -> float:
        v = _plotted(v)
        t = math.log10(v) if log else v
        return top + (1 - (t - y_lo) / (y_hi - y_lo)) * (height - top - bottom)

    counts: dict[str, int] = {}
    for p in valued:
        counts[p[colour_key]] = counts.get(p[colour_key], 0) + 1
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    colours = {k: PALETTE[i] if i < len(PALETTE) else OTHER_COLOUR for i, k in enumerate(ranked)}
    lane_x = plot_right + UNDATED_LANE / 2
    placed = [(p, sx(x), False) for p, x in zip(usable, xs, strict=True)]
    placed += [(p, lane_x, True) for p in undated]
    marks = []
    for p, x, no_date in placed:
        mark = {"id": p["id"], "x": round(x, 1), "colour": colours[p[colour_key]],
                "title": p.get("title_text", ""), "origin": p[colour_key],
                "undated": no_date}  # fmt: skip
        if not _finite(p.get("value")):
            mark.update(kind="bar", y1=round(sy(p["high"]), 1), y2=round(sy(p["low"]), 1))
        else:
            mark.update(kind="dot", y=round(sy(p["value"]), 1))
        marks.append(mark)
    _stack(marks)
    xticks = [
        {"x": round(sx(t), 1), "label": str(int(t))}
        for t in range(math.ceil(x_lo), math.floor(x_hi) + 1)
    ] if xs else []  # fmt: skip
    if log:
        yticks = [{"y": round(sy(10.0**e), 1), "value": 10.0**e}
                  for e in range(math.ceil(y_lo), math.floor(y_hi) + 1)]  # fmt: skip
    else:
        yticks = [{"y": round(sy(t), 1), "value": t} for t in _ticks(y_lo, y_hi)]
    legend = [{"label": k, "colour": colours[k], "n": counts[k]} for k in ranked[: len(PALETTE)]]
    if len(ranked) > len(PALETTE):
        rest = sum(counts[k] for k in ranked[len(PALETTE) :])
        legend.append(
            {
                "label": f"{len(ranked) - len(PALETTE)} other origins",
                "colour": OTHER_COLOUR,
                "n": rest,
            }
        )
    lane = {"x": plot_right, "w": UNDATED_LANE, "mid": lane_x} if undated else None
    return {"width": width, "height": height, "left": left, "bottom": height - bottom,
            "top": top, "right": plot_right, "marks": marks, "xticks": xticks,
            "yticks": yticks, "legend": legend, "log": log, "undated": len(undated),
            "lane": lane}  # fmt: skip
