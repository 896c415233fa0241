"""Within one block, the pairs worth judging, the groups they form, and one check per
verdict per group (DESIGN.md § Contracts: a group prints one line per verdict).

A block is sorted by direction, time and value and each claim is judged against the
next WINDOW claims only (sorted neighbourhood), so a block of any size costs linear time;
blocks of up to WINDOW + 1 claims are judged in full.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimledger.model import CheckResult, Claim
from claimledger.reconcile.features import ClaimView
from claimledger.reconcile.origins import independent_origins
from claimledger.reconcile.values import fmt_claim_value
from claimledger.reconcile.verdicts import Judgement, judge

WINDOW = 24
MAX_REASONS = 4  # pair reasons quoted in one line's note
VERDICT_ORDER = ("conflict", "inconsistent", "different_scope", "consistent")


@dataclass
class Pair:
    a: ClaimView
    b: ClaimView
    judgement: Judgement


@dataclass
class ValueSummary:
    """Claims that agree on one value, and the independent origins behind it."""

    value: str
    claims: list[Claim]
    origins: list[str]


@dataclass
class GroupSummary:
    """Claims judged to speak of one quantity (or to look alike), by value."""

    key: str
    claims: list[Claim]
    origins: list[str]  # the origin of each claim, in the same order
    values: list[ValueSummary] = field(default_factory=list)
    verdicts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "claims": [
                {"doc": c.doc, "quote": c.quote, "origin": origin}
                for c, origin in zip(self.claims, self.origins, strict=True)
            ],
            "values": [
                {"value": s.value, "claims": len(s.claims), "origins": s.origins}
                for s in self.values
            ],
            "verdicts": self.verdicts,
        }


def _sort_key(view: ClaimView) -> tuple[str, str, int, float]:
    claim = view.claim
    low = view.tight.lo if view.tight is not None else math.inf
    when = view.when[0] if view.when is not None else -1
    return (claim.from_ or "~", claim.to or "~", when, low)


def judge_block(views: Sequence[ClaimView], window: int = WINDOW) -> list[Pair]:
    """Judged pairs among a block's claims (each against its next `window` neighbours)."""
    ordered = sorted(views, key=_sort_key)
    pairs: list[Pair] = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 : i + 1 + window]:
            judgement = judge(a, b)
            if judgement is not None:
                pairs.append(Pair(a, b, judgement) if _first(a, b) else Pair(b, a, judgement))
    return pairs


def _first(a: ClaimView, b: ClaimView) -> bool:
    return (a.claim.doc, a.claim.start) <= (b.claim.doc, b.claim.start)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        self.parent[self.find(y)] = self.find(x)


def _components(pairs: Sequence[Pair]) -> list[list[Pair]]:
    union = _Union()
    for pair in pairs:
        union.union(id(pair.a), id(pair.b))
    found: dict[int, list[Pair]] = {}
    for pair in pairs:
        found.setdefault(union.find(id(pair.a)), []).append(pair)
    return list(found.values())


def _ordered_views(pairs: Sequence[Pair]) -> list[ClaimView]:
    seen: dict[int, ClaimView] = {}
    for pair in pairs:
        seen.setdefault(id(pair.a), pair.a)
        seen.setdefault(id(pair.b), pair.b)
    return sorted(seen.values(), key=lambda v: (v.claim.doc, v.claim.start))


def _value_summaries(views: Sequence[ClaimView], pairs: Sequence[Pair]) -> list[ValueSummary]:
    union = _Union()
    for view in views:
        union.find(id(view))
    for pair in pairs:
        if pair.judgement.verdict == "consistent":
            union.union(id(pair.a), id(pair.b))
    clusters: dict[int, list[ClaimView]] = {}
    for view in views:
        clusters.setdefault(union.find(id(view)), []).append(view)
    return [
        ValueSummary(
            fmt_claim_value(members[0].claim),
            [m.claim for m in members],
            independent_origins(members),
        )
        for members in clusters.values()
    ]


def _note(verdict: str, pairs: Sequence[Pair], values: Sequence[ValueSummary]) -> str:
    reasons = [pair.judgement.reason for pair in pairs[:MAX_REASONS]]
    more = len(pairs) - len(reasons)
    text = "; ".join(reasons) + (f"; and {more} more pairs" if more > 0 else "")
    if verdict == "consistent":
        backing = []
        for value in values:
            if len(value.claims) > 1:
                n = len(value.origins)
                label = "independent origin" if n == 1 else "independent origins"
                backing.append(f"{value.value}: {n} {label} ({', '.join(value.origins)})")
        if backing:
            text += " — " + "; ".join(backing)
    return text


def block_checks(key: str, pairs: Sequence[Pair]) -> tuple[list[CheckResult], list[GroupSummary]]:
    """One check per verdict per group, and a summary of each group."""
    results: list[CheckResult] = []
    groups: list[GroupSummary] = []
    for component in _components(pairs):
        views = _ordered_views(component)
        values = _value_summaries(views, component)
        summary = GroupSummary(
            key=key,
            claims=[v.claim for v in views],
            origins=[v.origin for v in views],
            values=values,
        )
        for verdict in VERDICT_ORDER:
            chosen = [p for p in component if p.judgement.verdict == verdict]
            if not chosen:
                continue
            summary.verdicts[verdict] = len(chosen)
            kind = "parts" if verdict == "inconsistent" else "group"
            members = _ordered_views(chosen)
            results.append(
                CheckResult(
                    claims=[v.claim for v in members],
                    verdict=verdict,
                    note=_note(verdict, chosen, values),
                    kind=kind,
                )
            )
        groups.append(summary)
    return results, groups
