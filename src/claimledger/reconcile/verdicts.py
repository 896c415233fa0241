"""The verdict between two claims of one concept, with a reason a person can read.

Only figures of the same concept are compared (reconcile/grouping.py splits blocks by the
taxonomy's concept, so a total never meets its subset), and only when nothing says they
are about different things: parties that clash, another country, the start against the
end of a change, a part of a group against a whole. Then, in order: a different subject
(soldiers' pay against workers'), modality (a speculative or denied figure never
corroborates) or period/rate makes `different_scope`; values whose ranges meet make
`consistent` whatever the dates (the same figure stated again later); values that do not
meet make `different_scope` when a vague count, a running total, a different time or an
update by the same origin explains them, and otherwise `conflict`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimledger.model import Claim
from claimledger.reconcile.features import ClaimView, view_of
from claimledger.reconcile.scope import SAME_TIME_DAYS, days_apart, span_days
from claimledger.reconcile.values import fmt_claim_value

PERCENT_SHARED_WORDS = 2  # content words two percents' clauses share to be one share
LONGER_PERIOD = 3  # a period this many times longer counts a different quantity
MIN_PERIOD_DAYS = 28  # shorter stated times are dates of a statement, not counting periods


@dataclass(frozen=True)
class Judgement:
    """A pair's verdict, its one-line reason, and the check kind (group or parts)."""

    verdict: str
    reason: str
    kind: str = "group"


def _same_or_unknown(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x.casefold() == y.casefold()


def directions_compatible(a: ClaimView, b: ClaimView) -> bool:
    """Giver and receiver agree wherever both are known."""
    return _same_or_unknown(a.claim.from_, b.claim.from_) and _same_or_unknown(
        a.claim.to, b.claim.to
    )


def _when_overlaps(a: ClaimView, b: ClaimView) -> bool:
    return (
        a.when is not None
        and b.when is not None
        and a.when[0] <= b.when[1]
        and (b.when[0] <= a.when[1])
    )


def anchored(a: ClaimView, b: ClaimView) -> bool:
    """Something beyond the item ties the two: a shared party, time, subject or modifiers."""
    if a.subject is not None and a.subject == b.subject:
        return True
    ca, cb = a.claim, b.claim
    for x, y in ((ca.from_, cb.from_), (ca.to, cb.to)):
        if x is not None and y is not None and x.casefold() == y.casefold():
            return True
    return _when_overlaps(a, b) or (bool(a.modifiers) and a.modifiers == b.modifiers)


def parties_of(view: ClaimView) -> set[str]:
    """Who a figure is about: its giver and receiver when known, else its lead country,
    else those of the figure before it in the article."""
    known = {p.casefold() for p in (view.claim.from_, view.claim.to) if p}
    return known or ({view.party.casefold()} if view.party else set(view.context_parties))


def not_comparable(a: ClaimView, b: ClaimView) -> bool:
    """True when the two cannot be one quantity, whatever their values."""
    if a.concept != b.concept or (a.concept is None and not anchored(a, b)):
        return True
    if a.flow is not None and b.flow is not None and a.flow != b.flow:
        return True
    pa, pb = parties_of(a), parties_of(b)
    if pa and pb and not pa & pb:
        return True
    if not directions_compatible(a, b) and a.modality == b.modality:
        # Between a stated and a speculative or denied figure the modality already makes
        # the verdict different_scope; a clashing direction only hides that.
        return True
    if a.phase != b.phase and "start" in (a.phase, b.phase):
        return True
    if a.part != b.part or a.change != b.change:
        return True
    if a.claim.unit == "percent" and len(a.aspects & b.aspects) < PERCENT_SHARED_WORDS:
        return True  # a share is only the same share when its words say of what
    return a.part and b.part and not a.aspects & b.aspects


def _side_by_side(a: ClaimView, b: ClaimView) -> bool:
    """Two figures of one article that neither states as a running total or a whole: far
    more often items of a list (shipments, orders) than a slip. One that is a total can
    be at odds with the article's other statement of it."""
    same_doc = a.claim.doc_id == b.claim.doc_id and a.claim.doc == b.claim.doc
    return same_doc and not ({a.cue, b.cue} & {"cumulative", "total"})


def _same_sentence(a: ClaimView, b: ClaimView) -> bool:
    ca, cb = a.claim, b.claim
    return ca.doc_id == cb.doc_id and ca.doc == cb.doc and ca.sent_start == cb.sent_start


def _as_of(view: ClaimView) -> tuple[int, int] | None:
    return view.days if view.days is not None else view.published


def time_gap(a: ClaimView, b: ClaimView) -> int | None:
    """Days between the times two figures hold: the stated times when both have one, else
    the stated time or the article's date; None when either is unknown."""
    if a.days is not None and b.days is not None:
        return days_apart(a.days, b.days)
    x, y = _as_of(a), _as_of(b)
    if x is None or y is None:
        return None
    return days_apart(x, y)


def _when_text(view: ClaimView) -> str:
    if view.claim.when:
        return view.claim.when
    return "an undated report" if view.published is None else "the article's date"


def _dated(view: ClaimView) -> str:
    day = _as_of(view)
    if view.claim.when:
        return view.claim.when
    if day is not None:
        return f"reported {date.fromordinal(day[0]).isoformat()}"
    return "undated"


def describe(view: ClaimView) -> str:
    """'$800 a month (Cho Han-beom, 001_6058..., 2024-06)': the figure, who says it, when."""
    claim = view.claim
    who = claim.source or "unattributed"
    value = fmt_claim_value(claim)
    if view.below and value.startswith("about "):
        value = "nearly " + value.removeprefix("about ")
    return f"{value} ({who}, {claim.doc}, {_dated(view)})"


def _scope_difference(a: ClaimView, b: ClaimView) -> str | None:
    """A difference that makes two alike figures different quantities even if they agree."""
    if a.subject and b.subject and a.subject != b.subject:
        return f"one is about {a.subject}, the other about {b.subject}"
    if a.modality != b.modality:
        return f"one is {a.modality}, the other {b.modality}, and only a stated figure counts"
    if a.claim.per != b.claim.per:
        return f"one is per {a.claim.per or 'total'}, the other per {b.claim.per or 'total'}"
    if a.stage and b.stage and a.stage != b.stage:
        order, done = (a, b) if a.stage == "order" else (b, a)
        return (
            f"{fmt_claim_value(order.claim)} is agreed or capped, "
            f"{fmt_claim_value(done.claim)} carried out"
        )
    return None


def _value_difference(a: ClaimView, b: ClaimView) -> str | None:
    """What explains values that do not meet without a conflict."""
    if a.claim.vague or b.claim.vague:
        vague = a if a.claim.vague else b
        return f"{vague.claim.quote!r} is a vague count, not a stated figure"
    if "total" in (a.cue, b.cue) and a.cue != b.cue:
        whole, other = (a, b) if a.cue == "total" else (b, a)
        return (
            f"{fmt_claim_value(whole.claim)} is stated as the whole, "
            f"{fmt_claim_value(other.claim)} as some of it"
        )
    if "cumulative" in (a.cue, b.cue) and a.cue != b.cue:
        total, other = (a, b) if a.cue == "cumulative" else (b, a)
        span = "a count on one day" if _one_day(other) else "a count within a period"
        if other.cue == "window" or _one_day(other):
            return (
                f"{fmt_claim_value(total.claim)} is a running total while "
                f"{fmt_claim_value(other.claim)} is {span}"
            )
    short, long = sorted((span_days(a.days) or 0, span_days(b.days) or 0))
    if short >= MIN_PERIOD_DAYS and long >= LONGER_PERIOD * short:
        # A month's count against a year's; a single day is the date of a statement.
        return f"they count over periods of different length ({_when_text(a)} vs {_when_text(b)})"
    if _one_day(a) and _one_day(b) and a.days != b.days and "window" in (a.cue, b.cue):
        return f"they are stated for different days ({_when_text(a)} vs {_when_text(b)})"
    gap = time_gap(a, b)
    if gap is None and not (a.claim.per or b.claim.per) and _stated_number(a) != _stated_number(b):
        # Without a date for both, only two wordings of one stated number ("over 5
        # million" and "nearly 5 million") are known to describe the same moment; a rate
        # (pay a month) is a standing figure, a count grows.
        return "no date ties them to one moment"
    if gap is not None and gap > SAME_TIME_DAYS:
        times = f"{_when_text(a)} vs {_when_text(b)}"
        return f"they hold at different times ({times}, {gap} days apart)"
    if a.when is not None and b.when is not None and not _when_overlaps(a, b):
        return f"they hold at different times ({_when_text(a)} vs {_when_text(b)})"
    return None


def _stated_number(view: ClaimView) -> tuple[float | None, ...]:
    claim = view.claim
    return (claim.value,) if claim.value is not None else (claim.low, claim.high)


def _one_day(view: ClaimView) -> bool:
    return view.days is not None and view.days[0] == view.days[1]


def judge(a: ClaimView, b: ClaimView) -> Judgement | None:
    """The verdict between two claims of one concept, or None when they are not one quantity."""
    if a.tight is None or b.tight is None or a.loose is None or b.loose is None:
        return None
    if not_comparable(a, b):
        return None
    pair = f"{describe(a)} and {describe(b)}"
    what = a.concept or a.claim.item or "figures"
    scope_diff = _scope_difference(a, b)
    if scope_diff:
        return Judgement("different_scope", f"{pair}: both {what}, but {scope_diff}")
    if a.claim.vague != b.claim.vague:
        vague = a if a.claim.vague else b
        return Judgement(
            "different_scope",
            f"{pair}: both {what}, but {vague.claim.quote!r} is a vague count, "
            "which neither backs nor contradicts a stated figure",
        )
    if a.tight.overlaps(b.tight):
        return Judgement("consistent", f"{pair}: the same {what}, the values agree")
    if a.concept is None or _same_sentence(a, b) or _side_by_side(a, b):
        # Figures the taxonomy cannot place, or that one sentence gives side by side, are
        # not known to be one quantity: only their agreement is worth a line.
        return None
    value_diff = _value_difference(a, b)
    if value_diff:
        return Judgement("different_scope", f"{pair}: both {what}, but {value_diff}")
    if a.loose.overlaps(b.loose):
        # "up to 900" and "200": neither rules the other out, nor backs it; no judgement.
        return None
    same_subject = a.subject is not None and a.subject == b.subject
    if a.claim.doc_id != b.claim.doc_id and not parties_of(a) & parties_of(b) and not same_subject:
        # Across articles, a conflict needs a party (or, for pay, the people paid) both
        # figures are about.
        return Judgement(
            "different_scope", f"{pair}: both {what}, but nothing says they concern one party"
        )
    return Judgement(
        "conflict", f"{pair}: the same {what} at the same time, {_ratio(a, b):.2g}x apart"
    )


def _ratio(a: ClaimView, b: ClaimView) -> float:
    assert a.tight is not None and b.tight is not None
    mid_a = (a.tight.lo + min(a.tight.hi, 2 * a.tight.lo + 1)) / 2
    mid_b = (b.tight.lo + min(b.tight.hi, 2 * b.tight.lo + 1)) / 2
    small, large = sorted((abs(mid_a), abs(mid_b)))
    return large / small if small else float("inf")


def pair_verdict(
    a: Claim, b: Claim, sentence_a: str | None = None, sentence_b: str | None = None
) -> Judgement | None:
    """The verdict between two stored claims on their own, for showing one pair."""
    return judge(view_of(a, sentence_a), view_of(b, sentence_b))
