"""Figures of sibling concepts that look alike: one article's count of troops a country
sent to another and its count of workers the same country sent there are two kinds of
people under one parent in the taxonomy, stated for the same sending. Grouping never puts
them side by side (a block is split by concept), yet a reader may take one for the other,
so each such pair is one `different_scope` line naming both concepts.

Only concepts that say who is counted (kind `group`) are paired this way: sibling events
(killed, wounded) or objects (shells, missiles) under one parent are parts of a whole or
items of a list, which the arithmetic checks read. Pairs stay within one article and
each figure joins at most one line, its nearest sibling's, so a line stays small.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimledger import taxonomy
from claimledger.model import CheckResult
from claimledger.reconcile.features import ClaimView
from claimledger.reconcile.lexicon import SIBLING_SCOPE_KINDS
from claimledger.reconcile.values import unit_family
from claimledger.reconcile.verdicts import describe, parties_of


def _sendings(view: ClaimView) -> tuple[str, str] | None:
    """The giver and receiver, when the figure states both."""
    claim = view.claim
    if claim.from_ and claim.to:
        return claim.from_.casefold(), claim.to.casefold()
    return None


def same_parties(a: ClaimView, b: ClaimView) -> bool:
    """The same giver and receiver, or (neither stating a direction) the same country."""
    sa, sb = _sendings(a), _sendings(b)
    if sa is not None or sb is not None:
        return sa == sb
    if a.claim.from_ or a.claim.to or b.claim.from_ or b.claim.to:
        return False  # one side of a direction says too little to call it the same sending
    pa, pb = parties_of(a), parties_of(b)
    return bool(pa) and pa == pb


def _eligible(view: ClaimView) -> bool:
    claim = view.claim
    return (
        view.tight is not None
        and taxonomy.kind_of(view.concept) in SIBLING_SCOPE_KINDS
        and taxonomy.parent_of(view.concept) is not None
        and not claim.per
        and not view.part
        and not view.change
    )


def sibling_pairs(views: Sequence[ClaimView]) -> list[tuple[ClaimView, ClaimView]]:
    """Pairs of one article's figures of sibling concepts with the same parties, nearest
    first, each figure in at most one pair."""
    usable = [v for v in views if _eligible(v)]
    candidates = []
    for i, a in enumerate(usable):
        for b in usable[i + 1 :]:
            if (
                a.claim.doc == b.claim.doc
                and taxonomy.siblings(a.concept, b.concept)
                and unit_family(a.claim.unit)[0] == unit_family(b.claim.unit)[0]
                and same_parties(a, b)
            ):
                candidates.append((abs(a.claim.start - b.claim.start), a, b))
    used: set[int] = set()
    out = []
    for _, a, b in sorted(candidates, key=lambda t: (t[0], t[1].claim.start)):
        if id(a) in used or id(b) in used:
            continue
        used.update((id(a), id(b)))
        out.append((a, b) if a.claim.start <= b.claim.start else (b, a))
    return out


def _named(view: ClaimView) -> str:
    """'1,000 troops (Ryu, doc, undated)': the figure with the concept it counts."""
    value, _, rest = describe(view).partition(" (")
    return f"{value} {view.concept} ({rest}"


def sibling_checks(views: Sequence[ClaimView]) -> list[CheckResult]:
    """One `different_scope` line per pair of look-alike sibling figures in one article."""
    lines = []
    for a, b in sibling_pairs(views):
        parent = taxonomy.parent_of(a.concept)
        note = f"{_named(a)} and {_named(b)}: different kinds of {parent}, not one count"
        lines.append(CheckResult(claims=[a.claim, b.claim], verdict="different_scope", note=note))
    return lines
