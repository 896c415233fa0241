"""Within one block, the pairs worth judging and the check lines they make.

A block is split by the taxonomy's concept (a total never meets its subset); within a
concept, claims are sorted by direction, time and value and each is judged against the
next WINDOW claims only (sorted neighbourhood), so a block of any size costs linear time.

Each line is one judgement a reader can verify (DESIGN.md § Contracts): claims that all
agree (a clique of consistent pairs, with the independent origins behind it); two such
clusters that conflict; or a few clusters that are alike but differ in scope, each pair of
them for a stated reason. Never a heap of claims that merely share a word.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimledger.model import CheckResult, Claim
from claimledger.reconcile.features import ClaimView
from claimledger.reconcile.origins import independent_origins
from claimledger.reconcile.values import fmt_claim_value
from claimledger.reconcile.verdicts import Judgement, describe, judge, parties_of

WINDOW = 24
MAX_CONFLICT_SIDE = 3  # claims of each disagreeing cluster paired in conflict lines
MAX_SCOPE_LINE = 4  # claims in one different_scope line
INHERIT_REACH = 700  # characters back in which a figure's report states the time
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
    when = view.days[0] if view.days is not None else -1
    return (claim.from_ or "~", claim.to or "~", when, low)


def _concept_key(view: ClaimView) -> str:
    return view.concept or f"item:{view.family or view.head}"


def inherit_times(views: Sequence[ClaimView]) -> None:
    """A figure without a stated time takes the time of the same concept's figure just
    before it in the same article: the report it continues ("This comprised ..."); a
    figure whose clause names no country takes the country of the figure before it."""
    by_doc: dict[str, list[ClaimView]] = {}
    for view in views:
        by_doc.setdefault(view.claim.doc_id or view.claim.doc, []).append(view)
    for members in by_doc.values():
        members.sort(key=lambda v: v.claim.start)
        for i, view in enumerate(members):
            if view.days is not None or view.phase == "start":
                continue
            for earlier in reversed(members[:i]):
                if view.claim.start - earlier.claim.end > INHERIT_REACH:
                    break
                if earlier.days is not None and _concept_key(earlier) == _concept_key(view):
                    view.days, view.when = earlier.days, earlier.when
                    view.extra["when_from"] = earlier.claim.quote
                    break
        for i, view in enumerate(members):
            if parties_of(view):
                continue
            for earlier in reversed(members[:i]):
                if view.claim.start - earlier.claim.end > INHERIT_REACH:
                    break
                if parties_of(earlier):
                    view.context_parties = frozenset(parties_of(earlier))
                    break


def judge_block(views: Sequence[ClaimView], window: int = WINDOW) -> list[Pair]:
    """Judged pairs among a block's claims of one concept (each against its next `window`
    neighbours in sorted order)."""
    inherit_times(views)
    by_concept: dict[str, list[ClaimView]] = {}
    for view in views:
        by_concept.setdefault(_concept_key(view), []).append(view)
    pairs: list[Pair] = []
    for members in by_concept.values():
        ordered = sorted(members, key=_sort_key)
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


_Verdicts = dict[tuple[int, int], Judgement]


def _verdicts(pairs: Sequence[Pair]) -> _Verdicts:
    out: _Verdicts = {}
    for pair in pairs:
        out[(id(pair.a), id(pair.b))] = pair.judgement
        out[(id(pair.b), id(pair.a))] = pair.judgement
    return out


def _centre(view: ClaimView) -> float:
    if view.tight is None:
        return 0.0
    return (view.tight.lo + min(view.tight.hi, 2 * view.tight.lo)) / 2


def _clusters(views: Sequence[ClaimView], verdicts: _Verdicts) -> list[list[ClaimView]]:
    """Cliques of claims that all agree with each other (greedy, by value): a claim joins
    the cluster nearest its value among those it agrees with entirely."""
    clusters: list[list[ClaimView]] = []
    for view in sorted(views, key=lambda v: (_centre(v), v.claim.doc)):
        fits = [
            cluster
            for cluster in clusters
            if all(
                (j := verdicts.get((id(view), id(m)))) is not None and j.verdict == "consistent"
                for m in cluster
            )
        ]
        if fits:
            centre = _centre(view)
            best = min(fits, key=lambda c: abs(sum(map(_centre, c)) / len(c) - centre))
            best.append(view)
        else:
            clusters.append([view])
    return [sorted(c, key=lambda v: (v.claim.doc, v.claim.start)) for c in clusters]


def _relation(a: list[ClaimView], b: list[ClaimView], verdicts: _Verdicts) -> list[Judgement]:
    """The judgements between two clusters: all conflict, or some differ in scope; else []."""
    found = [verdicts.get((id(x), id(y))) for x in a for y in b]
    if any(j is None for j in found):
        return []
    kinds = {j.verdict for j in found if j is not None}
    if kinds == {"conflict"}:
        return [j for j in found if j is not None]
    if "different_scope" in kinds:
        # Two clusters stay apart because some pair differs in scope: that is the relation.
        return [j for j in found if j is not None and j.verdict == "different_scope"]
    return []


def _origins_note(cluster: Sequence[ClaimView]) -> str:
    """How many independent origins stand behind agreeing claims; an unattributed figure
    beside an attributed one repeats it rather than adding an origin."""
    attributed = [v for v in cluster if v.claim.source]
    repeats = [v for v in cluster if not v.claim.source] if attributed else []
    origins = independent_origins(attributed or list(cluster))
    n = len(origins)
    text = f"{n} independent origin{'s' if n != 1 else ''} ({', '.join(origins)})"
    if repeats:
        text += "; " + ", ".join(f"{v.label} repeats it unattributed" for v in repeats)
    return text


def _line(claims: Sequence[ClaimView], verdict: str, note: str) -> CheckResult:
    ordered = sorted(claims, key=lambda v: (v.claim.doc, v.claim.start))
    kind = "parts" if verdict == "inconsistent" else "group"
    return CheckResult(claims=[v.claim for v in ordered], verdict=verdict, note=note, kind=kind)


def _consistent_line(cluster: list[ClaimView], verdicts: _Verdicts) -> CheckResult:
    first = verdicts[(id(cluster[0]), id(cluster[1]))]
    what = cluster[0].concept or cluster[0].claim.item or "figure"
    if len(cluster) == 2:
        note = first.reason
    else:
        stated = "; ".join(describe(v) for v in cluster)
        note = f"{stated}: the same {what}, all the values agree"
    return _line(cluster, "consistent", f"{note} — {_origins_note(cluster)}")


def _conflict_lines(
    a: list[ClaimView], b: list[ClaimView], verdicts: _Verdicts
) -> list[CheckResult]:
    """One line per conflicting pair across two clusters: a conflict line never holds two
    claims that agree, so each is one judgement (the claims agreeing with either side are
    named in the note)."""
    lines = []
    for x in a[:MAX_CONFLICT_SIDE]:
        for y in b[:MAX_CONFLICT_SIDE]:
            judgement = verdicts.get((id(x), id(y)))
            if judgement is None or judgement.verdict != "conflict":
                continue
            note = judgement.reason
            backing = [v for v in (*a, *b) if v is not x and v is not y]
            if backing:
                note += "; agreeing with one side: " + ", ".join(describe(v) for v in backing)
            lines.append(_line([x, y], "conflict", note))
    return lines


def _scope_lines(clusters: list[list[ClaimView]], verdicts: _Verdicts) -> list[CheckResult]:
    """Cover every different_scope relation between clusters with small cliques."""
    n = len(clusters)
    rel: dict[tuple[int, int], list[Judgement]] = {}
    for i in range(n):
        for j in range(i + 1, n):
            found = _relation(clusters[i], clusters[j], verdicts)
            if found and found[0].verdict == "different_scope":
                rel[(i, j)] = rel[(j, i)] = found
    covered: set[tuple[int, int]] = set()
    lines: list[CheckResult] = []
    for (i, j), _found in sorted(rel.items()):
        if i > j or (i, j) in covered:
            continue
        members = [i, j]
        size = len(clusters[i]) + len(clusters[j])
        if size > MAX_SCOPE_LINE:
            continue
        docs = {v.claim.doc for k in members for v in clusters[k]}
        candidates = sorted(
            (k for k in range(n) if k not in members),
            key=lambda k: (not {v.claim.doc for v in clusters[k]} & docs, k),
        )
        for k in candidates:
            if size + len(clusters[k]) > MAX_SCOPE_LINE:
                continue
            if all((k, m) in rel for m in members):
                members.append(k)
                size += len(clusters[k])
        for x in members:
            for y in members:
                covered.add((min(x, y), max(x, y)))
        reasons = [rel[(x, y)][0].reason for x in members for y in members if x < y]
        claims = [v for k in members for v in clusters[k]]
        lines.append(_line(claims, "different_scope", "; ".join(reasons[:3])))
    return lines


def block_checks(key: str, pairs: Sequence[Pair]) -> tuple[list[CheckResult], list[GroupSummary]]:
    """The check lines of a block's judged pairs, and a summary of each group."""
    results: list[CheckResult] = []
    groups: list[GroupSummary] = []
    verdicts = _verdicts(pairs)
    for component in _components(pairs):
        views = _ordered_views(component)
        clusters = _clusters(views, verdicts)
        summary = GroupSummary(
            key=key,
            claims=[v.claim for v in views],
            origins=[v.origin for v in views],
            values=[
                ValueSummary(fmt_claim_value(c[0].claim), [v.claim for v in c],
                             independent_origins(c))
                for c in clusters
            ],
        )  # fmt: skip
        found: list[CheckResult] = [_consistent_line(c, verdicts) for c in clusters if len(c) > 1]
        for i, a in enumerate(clusters):
            for b in clusters[i + 1 :]:
                found.extend(_conflict_lines(a, b, verdicts))
        found.extend(_scope_lines(clusters, verdicts))
        for check in found:
            summary.verdicts[check.verdict] = summary.verdicts.get(check.verdict, 0) + 1
        results.extend(found)
        groups.append(summary)
    return results, groups
