"""The verdict between two claims of one block, with a reason a person can read.

Rules, in order: claims whose parties clash are not compared; a difference of subject,
modality, time or kind of item makes `different_scope` even when the values agree;
agreeing values make `consistent`; disagreeing values make `different_scope` when a
softer difference explains them (a running total against a yearly count, a part against
its whole, two figures one article gives side by side), `inconsistent` when a part is
larger than its whole, and otherwise `conflict`. Claims without such a difference that
share no party, time, subject or modifiers are not judged: nothing ties them to one quantity.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.model import Claim
from claimledger.reconcile.features import ClaimView, view_of
from claimledger.reconcile.values import fmt_claim_value


@dataclass(frozen=True)
class Judgement:
    """A pair's verdict, its one-line reason, and the check kind (group or parts)."""

    verdict: str
    reason: str
    kind: str = "group"


def describe(view: ClaimView) -> str:
    """'$800 a month (Cho Han-beom, 001_6058...)': the figure, who says it, where."""
    claim = view.claim
    who = claim.source or "unattributed"
    return f"{fmt_claim_value(claim)} ({who}, {claim.doc})"


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


def _when_text(view: ClaimView) -> str:
    return view.claim.when or "an unstated time"


def hard_difference(a: ClaimView, b: ClaimView) -> str | None:
    """A difference that separates the quantities whatever the values say."""
    if a.subject and b.subject and a.subject != b.subject:
        return f"one is about {a.subject}, the other about {b.subject}"
    if a.modality != b.modality:
        return f"one is {a.modality}, the other {b.modality}"
    if a.when is not None and b.when is not None and not _when_overlaps(a, b):
        return f"they refer to different times ({_when_text(a)} vs {_when_text(b)})"
    if a.modifiers and b.modifiers and not a.modifiers & b.modifiers:
        return f"they measure different things ({a.claim.item} vs {b.claim.item})"
    return None


def _part_and_whole(a: ClaimView, b: ClaimView) -> tuple[ClaimView, ClaimView] | None:
    if a.modifiers > b.modifiers:
        return a, b
    if b.modifiers > a.modifiers:
        return b, a
    return None


def soft_difference(a: ClaimView, b: ClaimView) -> str | None:
    """A difference that explains disagreeing values without a conflict."""
    pa, pb = a.claim.per, b.claim.per
    if pa != pb and _ratio(a, b) > 10:
        # "$2,000 a month" per soldier against "$24 million a year" for all of them.
        return (
            f"one is a rate per {pa or 'total'}, the other per {pb or 'total'}, "
            f"{_ratio(a, b):.2g}x apart once converted: one is per head, the other a total"
        )
    cues = {a.cue, b.cue}
    if "cumulative" in cues and len(cues) == 2:
        total, other = (a, b) if a.cue == "cumulative" else (b, a)
        span = "a count within a period" if other.cue == "window" else "not stated as a total"
        return (
            f"{fmt_claim_value(total.claim)} is a running total while "
            f"{fmt_claim_value(other.claim)} is {span}"
        )
    if a.claim.doc_id == b.claim.doc_id and a.claim.doc == b.claim.doc:
        return "the same article gives both, so it means different quantities"
    if a.modifiers != b.modifiers:
        specific, general = (a, b) if len(a.modifiers) > len(b.modifiers) else (b, a)
        return f"one is specific ({specific.claim.item}), the other general ({general.claim.item})"
    return None


def _ratio(a: ClaimView, b: ClaimView) -> float:
    assert a.tight is not None and b.tight is not None
    mid_a = (a.tight.lo + min(a.tight.hi, 2 * a.tight.lo + 1)) / 2
    mid_b = (b.tight.lo + min(b.tight.hi, 2 * b.tight.lo + 1)) / 2
    small, large = sorted((abs(mid_a), abs(mid_b)))
    return large / small if small else float("inf")


def judge(a: ClaimView, b: ClaimView) -> Judgement | None:
    """The verdict between two claims of one block, or None when they are not comparable."""
    if a.tight is None or b.tight is None or a.loose is None or b.loose is None:
        return None
    if not directions_compatible(a, b):
        return None
    pair = f"{describe(a)} vs {describe(b)}"
    hard = hard_difference(a, b)
    if hard:
        return Judgement("different_scope", f"{pair}: alike, but {hard}")
    if not anchored(a, b):
        return None
    if a.tight.overlaps(b.tight):
        return Judgement("consistent", f"{pair}: the values agree")
    split = _part_and_whole(a, b)
    if split is not None and _when_overlaps(a, b):
        part, whole = split
        assert part.tight is not None and whole.tight is not None
        if part.tight.lo > whole.tight.hi:
            return Judgement(
                "inconsistent",
                f"{describe(part)} ({part.claim.item}) is larger than the whole it is part of, "
                f"{describe(whole)} ({whole.claim.item})",
                kind="parts",
            )
        return Judgement(
            "different_scope",
            f"{pair}: {part.claim.item} is a part of {whole.claim.item}",
        )
    soft = soft_difference(a, b)
    if soft:
        return Judgement("different_scope", f"{pair}: alike, but {soft}")
    if a.loose.overlaps(b.loose):
        return Judgement("consistent", f"{pair}: compatible, since neither bounds the other out")
    return Judgement("conflict", f"{pair}: same quantity, values {_ratio(a, b):.2g}x apart")


def pair_verdict(
    a: Claim, b: Claim, sentence_a: str | None = None, sentence_b: str | None = None
) -> Judgement | None:
    """The verdict between two stored claims on their own, for showing one pair."""
    return judge(view_of(a, sentence_a), view_of(b, sentence_b))
