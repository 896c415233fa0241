"""A figure as an interval in a base unit, and numbers written the way a reader writes them.

Each claim gets two intervals. The tight one is what the words most plausibly mean
("over 200 million" is 200-400 million, "about 16,000" is 14,400-17,600) and decides
agreement; the loose one is everything the words allow ("over" has no upper end) and
decides conflict. Between the two, figures are compatible but not corroborating.
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
    """A closed interval of values in a family's base unit."""

    lo: float
    hi: float

    def overlaps(self, other: Span) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def scaled(self, factor: float) -> Span:
        return Span(self.lo * factor, self.hi * factor)


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


def raw_spans(claim: Claim) -> tuple[Span, Span] | None:
    """(tight, loose) intervals of a claim in its own unit; None when it has no number."""
    q = claim.qualifier
    if claim.low is not None and claim.high is not None:
        lo, hi = min(claim.low, claim.high), max(claim.low, claim.high)
        if claim.vague:  # "thousands" is 2,000-9,999 by convention: it rarely means 9,999
            return Span(lo, 0.95 * hi), Span(lo, hi)
        tight = Span(lo - _tolerance(lo), hi + _tolerance(hi))
        return tight, Span(lo * 0.97, hi * 1.03)
    v = claim.value if claim.value is not None else claim.low or claim.high
    if v is None:
        return None
    tol = _tolerance(v)
    if q == "about":
        return Span(min(0.9 * v, v - tol), max(1.1 * v, v + tol)), Span(0.8 * v, 1.2 * v)
    if q in ("over", "at_least"):
        return Span(v, 2 * v), Span(v - tol, INF)
    if q in ("under", "at_most", "up_to"):
        return Span(v / 2, v), Span(0.0, v + tol)
    return Span(v - tol, v + tol), Span(v - max(tol, 0.03 * abs(v)), v + max(tol, 0.03 * abs(v)))


def spans(claim: Claim) -> tuple[Span, Span] | None:
    """As raw_spans, in the family's base unit and, for rates, per year."""
    found = raw_spans(claim)
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
