"""Chart geometry computed on the server, drawn as inline SVG by the templates."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
    "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
)  # fmt: skip
OTHER_COLOUR = "#9aa0a6"


def _bezier(x0: float, y0: float, x1: float, y1: float) -> str:
    mid = (x0 + x1) / 2
    return f"M{x0:.1f},{y0:.1f} C{mid:.1f},{y0:.1f} {mid:.1f},{y1:.1f} {x1:.1f},{y1:.1f}"


def sankey(lines: Sequence[dict[str, Any]], a: str, b: str) -> dict[str, Any]:
    """Givers | what is given | receivers, one band per exchange line, width by claim count.

    Left column: A then B as givers; right: B then A as receivers; middle: what is given.
    Party nodes stack their bands tightly; concept boxes are spaced out, so bands fan out.
    """
    width, node_w, unit_px, box_w, row_gap, min_box = 760.0, 12.0, 9.0, 170.0, 10.0, 22.0
    flows = [ln for ln in lines if ln.get("giver") in (a, b)]
    weight = {id(ln): max(1, int(ln.get("claims") or 0)) for ln in flows}
    scale = min(unit_px, 420.0 / max(1, sum(weight.values())))

    def thick(ln: dict[str, Any]) -> float:
        return max(3.0, weight[id(ln)] * scale)

    nodes: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    box_x = width / 2 - box_w / 2
    y = 30.0
    for side, (giver, receiver) in enumerate(((a, b), (b, a))):
        group = [ln for ln in flows if ln["giver"] == giver]
        if not group:
            continue
        rows_h = sum(max(thick(ln), min_box) for ln in group) + row_gap * (len(group) - 1)
        total = sum(thick(ln) for ln in group)
        node_y = y + (rows_h - total) / 2
        for x, label, anchor in ((0.0, giver, "start"), (width - node_w, receiver, "end")):
            nodes.append({"x": x, "y": node_y, "w": node_w, "h": total, "label": label,
                          "anchor": anchor, "side": side, "concept": False})  # fmt: skip
        offset = 0.0
        for ln in group:
            t = thick(ln)
            box_h = max(t, min_box)
            y_c = y + box_h / 2
            n = ln.get("claims", 0)
            nodes.append({"x": box_x, "y": y, "w": box_w, "h": box_h, "label": ln["concept"],
                          "side": side, "claims": n, "concept": True})  # fmt: skip
            y_edge = node_y + offset + t / 2
            title = f"{giver} → {receiver}: {ln['concept']} ({n} claim{'s' * (n != 1)})"
            for d in (_bezier(node_w, y_edge, box_x, y_c),
                      _bezier(box_x + box_w, y_c, width - node_w, y_edge)):  # fmt: skip
                links.append({"d": d, "width": t, "side": side, "title": title})
            offset += t
            y += box_h + row_gap
        y += 40.0
    return {"width": width, "height": max(y - 20.0, 60.0), "nodes": nodes, "links": links}


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


def timeline(points: Sequence[dict[str, Any]], colour_key: str = "origin") -> dict[str, Any]:
    """Marks for dated figures: x by date, y by value (log when values span > 100x)."""
    width, height, left, right, top, bottom = 820.0, 380.0, 80.0, 20.0, 20.0, 40.0
    usable = [p for p in points if year_fraction(p.get("date_key")) is not None
              and (p.get("value") is not None or p.get("low") is not None)]  # fmt: skip
    if not usable:
        return {"width": width, "height": height, "marks": [], "xticks": [], "yticks": [],
                "legend": [], "log": False}  # fmt: skip
    xs = [year_fraction(p["date_key"]) or 0.0 for p in usable]
    values = [v for p in usable for v in (p.get("value"), p.get("low"), p.get("high"))
              if v is not None]  # fmt: skip
    positive = [v for v in values if v > 0]
    log = bool(positive) and len(positive) == len(values) and max(positive) / min(positive) > 100
    y_lo = math.log10(min(positive)) if log else min(0.0, min(values))
    y_hi = math.log10(max(positive)) if log else max(values)
    if y_hi == y_lo:
        y_hi += 1.0 if log else abs(y_hi) or 1.0
    pad = (y_hi - y_lo) * 0.08
    y_lo, y_hi = y_lo - (pad if log else 0.0), y_hi + pad
    x_lo, x_hi = math.floor(min(xs)), math.floor(max(xs)) + 1.0  # whole years

    def sx(x: float) -> float:
        return left + (x - x_lo) / (x_hi - x_lo) * (width - left - right)

    def sy(v: float) -> float:
        t = math.log10(v) if log else v
        return top + (1 - (t - y_lo) / (y_hi - y_lo)) * (height - top - bottom)

    counts: dict[str, int] = {}
    for p in usable:
        counts[p[colour_key]] = counts.get(p[colour_key], 0) + 1
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    colours = {k: PALETTE[i] if i < len(PALETTE) else OTHER_COLOUR for i, k in enumerate(ranked)}
    marks = []
    for p, x in zip(usable, xs, strict=True):
        mark = {"id": p["id"], "x": round(sx(x), 1), "colour": colours[p[colour_key]],
                "title": p.get("title_text", ""), "origin": p[colour_key]}  # fmt: skip
        if p.get("value") is None:
            mark.update(kind="bar", y1=round(sy(p["high"]), 1), y2=round(sy(p["low"]), 1))
        else:
            mark.update(kind="dot", y=round(sy(p["value"]), 1))
        marks.append(mark)
    xticks = [
        {"x": round(sx(t), 1), "label": str(int(t))}
        for t in range(math.ceil(x_lo), math.floor(x_hi) + 1)
    ]
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
    return {"width": width, "height": height, "left": left, "bottom": height - bottom,
            "top": top, "right": width - right, "marks": marks, "xticks": xticks,
            "yticks": yticks, "legend": legend, "log": log}  # fmt: skip
