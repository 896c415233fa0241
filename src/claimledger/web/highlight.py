"""Document text as safe HTML: every segment escaped first, then figures wrapped in marks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """One span to highlight: offsets into the full text and where its link goes."""

    start: int
    end: int
    href: str
    title: str = ""
    ident: int | str = ""
    current: bool = False


def _non_overlapping(marks: Sequence[Mark], lo: int, hi: int) -> list[Mark]:
    kept: list[Mark] = []
    last_end = lo
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start >= last_end and mark.end <= hi and mark.end > mark.start:
            kept.append(mark)
            last_end = mark.end
    return kept


def _text(segment: str) -> Markup:
    """Escaped text with paragraph breaks kept as breaks."""
    paragraphs = segment.split("\n")
    return Markup("<br>").join(escape(p) for p in paragraphs)


def highlight(
    text: str,
    marks: Sequence[Mark],
    *,
    base: int = 0,
    emphasis: tuple[int, int] | None = None,
) -> Markup:
    """`text` (which starts at offset `base` of its document) escaped, each mark a linked
    <mark>; overlapping marks are dropped. `emphasis` (a sentence span, absolute offsets) is
    wrapped in <span class="sentence"> unless a mark crosses its edge."""
    end = base + len(text)
    kept = _non_overlapping(marks, base, end)
    if emphasis is not None:
        lo, hi = max(emphasis[0], base), min(emphasis[1], end)
        crossing = any(m.start < lo < m.end or m.start < hi < m.end for m in kept)
        emphasis = None if crossing or lo >= hi else (lo, hi)
    cuts: list[tuple[int, int, Markup]] = []  # (offset, order, tag): at one offset, closings first
    for mark in kept:
        attrs = ' class="current"' if mark.current else ""
        open_tag = Markup('<mark id="claim-{}"{}><a href="{}" title="{}">').format(
            mark.ident, Markup(attrs), mark.href, mark.title
        )
        cuts.append((mark.start, 3, open_tag))
        cuts.append((mark.end, 0, Markup("</a></mark>")))
    if emphasis is not None:
        cuts.append((emphasis[0], 2, Markup('<span class="sentence">')))
        cuts.append((emphasis[1], 1, Markup("</span>")))
    cuts.sort(key=lambda c: (c[0], c[1]))
    out: list[Markup] = []
    position = base
    for offset, _, tag in cuts:
        out.append(_text(text[position - base : offset - base]))
        out.append(tag)
        position = offset
    out.append(_text(text[position - base :]))
    return Markup("").join(out)


def figure_marks(figures: Iterable[dict[str, Any]], current: int | None = None) -> list[Mark]:
    """Marks linking each figure (a dict with id, start, end, quote) to its page."""
    return [
        Mark(
            f["start"],
            f["end"],
            f"/figure/{f['id']}",
            f.get("quote") or "",
            f["id"],
            f["id"] == current,
        )  # fmt: skip
        for f in figures
    ]


PARAGRAPH_REACH = 1500  # characters either side: a text without line breaks stays small


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) around `start..end`, at most PARAGRAPH_REACH either side."""
    lo = max(text.rfind("\n", 0, start) + 1, start - PARAGRAPH_REACH)
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    return lo, min(hi, end + PARAGRAPH_REACH)


PART_CHARS = 30_000  # one page of a long document's text


def text_parts(text: str, start: int = 0, size: int = PART_CHARS) -> list[tuple[int, int]]:
    """`text[start:]` cut into pages of about `size` characters, at line breaks when there
    are any (else at spaces): a long document is read page by page, each page bounded."""
    parts: list[tuple[int, int]] = []
    lo = start
    while len(text) - lo > size:
        cut = text.rfind("\n", lo + size // 2, lo + size)
        if cut < 0:
            cut = text.rfind(" ", lo + size // 2, lo + size)
        cut = lo + size if cut < 0 else cut + 1
        parts.append((lo, cut))
        lo = cut
    parts.append((lo, len(text)))
    return parts


def part_of(parts: Sequence[tuple[int, int]], offset: int) -> int:
    """The 1-based page of `parts` holding `offset`."""
    for number, (lo, hi) in enumerate(parts, 1):
        if lo <= offset < hi:
            return number
    return len(parts)
