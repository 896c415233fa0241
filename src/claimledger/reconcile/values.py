"""A figure as an interval in a base unit, and numbers written the way a reader writes them.

Each claim gets two intervals. The tight one is what the words most plausibly mean
("over 200 million" is 200-400 million, "about 16,000" is 14,400-17,600, "nearly 5
million" is 4.75 million up to but not including 5 million) and decides agreement; the
loose one is everything the words allow ("over" has no upper end) and decides conflict.
They differ only for open-ended words; between the two, figures are compatible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from claimledger.model import Claim
from claimledger.reconcile.lexicon import (
    CURRENCY_RE,
    CURRENCY_SYMBOLS,
    PER_YEAR,
    UNIT_FAMILIES,
    UNIT_WORDS,
)

INF = math.inf


@dataclass(frozen=True)
class Span:
    """An interval of values in a family's base unit; an open end excludes its bound
    ("over 5 million" excludes 5 million, "nearly 5 million" too, from the other side)."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def overlaps(self, other: Span) -> bool:
        return _below(self.lo, self.lo_open, other.hi, other.hi_open) and _below(
            other.lo, other.lo_open, self.hi, self.hi_open
        )

    def scaled(self, factor: float) -> Span:
        return Span(self.lo * factor, self.hi * factor, self.lo_open, self.hi_open)


def _below(lo: float, lo_open: bool, hi: float, hi_open: bool) -> bool:
    """Whether a lower bound lies below an upper one (touching counts only if both closed)."""
    return lo < hi or (lo == hi and not lo_open and not hi_open)


def unit_family(unit: str) -> tuple[str, float]:
    """(family, factor to its base unit); money is one family per currency, never converted."""
    if unit in UNIT_FAMILIES:
        return UNIT_FAMILIES[unit]
    if CURRENCY_RE.match(unit):
        return f"money:{unit}", 1.0
    return f"other:{unit}", 1.0


def rate_factor(per: str | None) -> float:
    """Multiplier that turns a rate per `per` into a rate per year; 1 for a stock."""
    return PER_YEAR.get(per, 1.0) if per else 1.0


def ulp(value: float) -> float:
    """One unit in the last written digit: 16,000 -> 1,000; 7.48e9 -> 1e7; 39.5 -> 0.1."""
    value = abs(value)
    if value == 0:
        return 1.0
    for k in range(15, -7, -1):
        step = 10.0**k
        if step > value:
            continue
        ratio = value / step
        if abs(ratio - round(ratio)) < 1e-6:
            return step
    return 1e-6


def _tolerance(value: float) -> float:
    """Rounding slack for an exact figure: its last digit, at most 2 % and at least 0.5 %."""
    magnitude = abs(value)
    return max(min(ulp(value), 0.02 * magnitude), 0.005 * magnitude)


def raw_spans(claim: Claim, below: bool = False) -> tuple[Span, Span] | None:
    """(tight, loose) intervals of a claim in its own unit; None when it has no number.
    `below` marks 'nearly'/'almost': just under the figure, never at or above it."""
    q = claim.qualifier
    if claim.low is not None and claim.high is not None:
        lo, hi = min(claim.low, claim.high), max(claim.low, claim.high)
        if claim.vague:  # "thousands" is 2,000-9,999 by convention: it rarely means 9,999
            return Span(lo, 0.95 * hi), Span(lo, hi)
        tight = Span(lo - _tolerance(lo), hi + _tolerance(hi))
        return tight, tight
    v = claim.value if claim.value is not None else claim.low or claim.high
    if v is None:
        return None
    tol = _tolerance(v)
    if below and q in ("about", "exact", "under"):
        near = Span(0.95 * v, v, hi_open=True)
        return near, near
    if q == "about":
        about = Span(min(0.9 * v, v - tol), max(1.1 * v, v + tol))
        return about, about
    if q == "over":
        return Span(v, 2 * v, lo_open=True), Span(v, INF, lo_open=True)
    if q == "at_least":
        return Span(v, 2 * v), Span(v, INF)
    if q == "under":
        return Span(v / 2, v, hi_open=True), Span(0.0, v, hi_open=True)
    if q in ("at_most", "up_to"):
        return Span(v / 2, v), Span(0.0, v)
    exact = Span(v - tol, v + tol)
    return exact, exact


def spans(claim: Claim, below: bool = False) -> tuple[Span, Span] | None:
    """As raw_spans, in the family's base unit and, for rates, per year."""
    found = raw_spans(claim, below)
    if found is None:
        return None
    factor = unit_family(claim.unit)[1] * rate_factor(claim.per)
    return found[0].scaled(factor), found[1].scaled(factor)


def fmt_number(value: float) -> str:
    """16000 -> '16,000'; 7.4e9 -> '7.4 billion'; 39.1234 -> '39.1'."""
    magnitude = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            return f"{value / size:,.4g} {word}"
    if magnitude >= 100 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.3g}"


def fmt_amount(value: float, unit: str) -> str:
    """A number with its unit: '$2,000', '700,000 t', '39.5%', '5 million'."""
    if unit in CURRENCY_SYMBOLS:
        return f"{CURRENCY_SYMBOLS[unit]}{fmt_number(value)}"
    if CURRENCY_RE.match(unit):
        return f"{fmt_number(value)} {unit}"
    return fmt_number(value) + UNIT_WORDS.get(unit, "")


def fmt_claim_value(claim: Claim) -> str:
    """The figure as stated: '3-4', 'over $200 million', 'about 16,000', '$800 a month'."""
    if claim.low is not None and claim.high is not None:
        text = f"{fmt_amount(claim.low, claim.unit)}-{fmt_amount(claim.high, claim.unit)}"
    elif claim.value is not None:
        text = fmt_amount(claim.value, claim.unit)
        words = {"about": "about ", "over": "over ", "under": "under ", "at_least": "at least ",
                 "at_most": "at most ", "up_to": "up to "}  # fmt: skip
        text = words.get(claim.qualifier, "") + text
    else:
        text = claim.quote
    return f"{text} a {claim.per}" if claim.per else text
