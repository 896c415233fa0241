"""Ranges and changes between the numbers of one sentence.

'3-4', '$1 to $2 billion', 'between 20,000 and 50,000', 'more than 10 and less than 20'
are one quantity with bounds; 'fell from 9,400 to 8,100 tonnes' is two figures and a
change (GUIDELINES.md: an expansion is two figures, not a range), recorded on the
later figure as `change` and `change_from`; 'rose 0.4%' is a figure with a direction.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimledger.extract import lexicon as lx
from claimledger.extract.numbers import Quantity

_SCALE_ABBR = "|".join(
    re.escape(k) for k in sorted(lx.SCALE_ABBREVIATIONS, key=len, reverse=True) if k.isalpha()
)
_RANGE_JOIN_RE = re.compile(r"^\s*(?:-|–|—|~|to|or|through|thru)\s*$", re.IGNORECASE)
_LOWER = frozenset({"over", "at_least"})
_UPPER = frozenset({"under", "at_most", "up_to"})
_BOUNDS_GAP_RE = re.compile(r"^\s*,?\s*(?:and|but)?\s*$", re.IGNORECASE)


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


CHANGE_BEFORE_RE = re.compile(
    rf"\b(?P<verb>{_alternation([*lx.INCREASE_WORDS, *lx.DECREASE_WORDS, *lx.CHANGE_WORDS])})"
    r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_DIRECTION_RE = re.compile(
    rf"\b(?P<verb>{_alternation([*lx.INCREASE_WORDS, *lx.DECREASE_WORDS])})"
    r"(?:\s+(?:by|from|to|nearly|almost|about|around|some|just|more\s+than|over|another|"
    r"a\s+further|an?\s+(?:annual|monthly|yearly)?\s*(?:rate\s+of)?))*\s+$",
    re.IGNORECASE,
)
_FROM_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _bounds_pair(a: Quantity, b: Quantity, gap: str) -> bool:
    """'more than 10 and less than 20', 'at most 100 and at least 20': one range."""
    pair = {a.qualifier, b.qualifier}
    return bool(pair & _LOWER and pair & _UPPER) and _BOUNDS_GAP_RE.fullmatch(gap) is not None


def _direction(word: str) -> str | None:
    word = word.lower()
    if word in lx.INCREASE_WORDS:
        return "increase"
    if word in lx.DECREASE_WORDS:
        return "decrease"
    return None


def mark_changes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Record direction and starting value: 'fell from 9,400 to 8,100 tonnes', 'up 0.4%'."""
    out = list(quantities)
    for i, q in enumerate(out):
        dm = _DIRECTION_RE.search(text[: q.start])
        if dm:
            out[i] = replace(q, change=_direction(dm.group("verb")))
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.value is None or b.value is None:
            continue
        if not (
            _FROM_RE.search(text[: a.start]) and re.fullmatch(r"\s+to\s+", text[a.end : b.start])
        ):
            continue
        change = a.change or b.change
        if change is None:
            change = "increase" if b.value > a.value else "decrease" if b.value < a.value else None
        # A unit written once serves both: "from 9,400 to 8,100 tonnes".
        unit_a = b.unit if not a.has_unit_word and b.has_unit_word else a.unit
        unit_b = a.unit if not b.has_unit_word and a.has_unit_word else b.unit
        out[i] = replace(a, unit=unit_a, change=None, currency=a.currency or b.currency)
        out[i + 1] = replace(
            b, unit=unit_b, change=change, change_from=a.value, currency=a.currency or b.currency
        )
    return out


def merge(text: str, singles: list[Quantity]) -> list[Quantity]:
    """Join neighbours into ranges ('3-4', '$1 to $2 billion', 'between 20,000 and 50,000')."""
    out: list[Quantity] = []
    i = 0
    while i < len(singles):
        a = singles[i]
        b = singles[i + 1] if i + 1 < len(singles) else None
        if b is not None:
            joined = _join(text, a, b)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(_abbreviated_range(text, a) or a)
        i += 1
    return out


_ABBR_TAIL_RE = re.compile(rf"[-–]\s*(\d+(?:\.\d+)?)({_SCALE_ABBR})\b(?![\w/])", re.IGNORECASE)


def _abbreviated_range(text: str, a: Quantity) -> Quantity | None:
    """'5k-20k', '$1.5m-2m': the upper bound hides behind a letter and a hyphen."""
    if not a.scaled or a.words or a.value is None:
        return None
    m = _ABBR_TAIL_RE.match(text, a.core_end)
    if m is None:
        return None
    high = float(m.group(1)) * lx.SCALE_ABBREVIATIONS[m.group(2).lower()]
    if high <= a.value:
        return None
    return replace(
        a, end=m.end(), core_end=m.end(), value=None, low=a.value, high=high, qualifier="range"
    )


def _join(text: str, a: Quantity, b: Quantity) -> Quantity | None:
    gap = text[a.end : b.start]
    between = re.search(r"\bbetween\s+$", text[: a.start], re.IGNORECASE)
    from_m = re.search(r"\b(?:anywhere\s+)?from\s+$", text[: a.start], re.IGNORECASE)
    if between and re.fullmatch(r"\s+and\s+", gap):
        start = between.start()
    elif _bounds_pair(a, b, gap):
        lo, hi = (a, b) if a.qualifier in _LOWER else (b, a)
        if lo.value is None or hi.value is None or lo.value >= hi.value:
            return None
        return replace(
            lo,
            start=min(a.start, b.start),
            end=max(a.end, b.end),
            core_start=a.core_start,
            core_end=b.core_end,
            value=None,
            low=lo.value,
            high=hi.value,
            qualifier="range",
            unit=b.unit if b.has_unit_word else a.unit,
            has_unit_word=a.has_unit_word or b.has_unit_word,
        )
    elif _RANGE_JOIN_RE.fullmatch(gap) and b.qualifier == "exact":
        if gap.strip().lower() == "or" and not (a.words and b.words):
            return None
        if (
            from_m
            and gap.strip().lower() == "to"
            and CHANGE_BEFORE_RE.search(text[: from_m.start()])
        ):
            return None  # "expanded from five to ten members": two figures
        if gap.strip().lower() == "to" and a.unit != b.unit and a.has_unit_word:
            return None
        start = a.start
        if from_m and gap.strip().lower() == "to":
            start = from_m.start() if from_m.group(0).lower().startswith("anywhere") else a.start
    else:
        return None
    low, high = a.value, b.value
    if low is None or high is None:
        return None
    if not a.scaled and b.scaled:
        # The scale is written once for both ends: "$1 to $2 billion", "3-4 million".
        factor = _scale_of(b)
        if factor and low * factor <= high * 1.0001:
            low *= factor
    if low > high:
        return None
    unit = b.unit if b.has_unit_word else a.unit
    per = b.per or a.per
    return Quantity(
        start=start,
        end=b.end,
        core_start=a.core_start,
        core_end=b.core_end,
        value=None,
        low=low,
        high=high,
        qualifier="range",
        unit=unit,
        per=per,
        currency=a.currency or b.currency,
        scaled=a.scaled or b.scaled,
        words=a.words and b.words,
        has_unit_word=a.has_unit_word or b.has_unit_word,
    )


def _scale_of(q: Quantity) -> float | None:
    if q.value is None:
        return None
    for factor in (1e12, 1e9, 1e6, 1e3):
        if abs(q.value) >= factor:
            return factor
    return None
