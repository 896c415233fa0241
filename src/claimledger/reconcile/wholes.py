"""Arithmetic between a whole and its parts across the sentences of one article.

- Parts by concept: figures of sibling concepts in one sentence (killed and wounded) add
  up to a figure of their parent concept nearby (casualties): the taxonomy says which
  concepts make up which.
- Shares with their amounts: "coal at 13 per cent (EUR 452 million)" ties a share to an
  amount, so each share of the whole stated nearby must give its amount, and shares that
  make up the whole must have amounts that add up to it.
- A whole with a named part ("EUR 90 billion in total, including EUR 60 billion from A"):
  what the other givers gave is at most the rest, so a running total of the same concept
  from another giver elsewhere in the article must fit in it.

Both report `inconsistent` only where the article ties the numbers itself (a share with
its amount in brackets; parts the taxonomy puts under the whole), and say the sums.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimledger import taxonomy
from claimledger.model import CheckResult
from claimledger.parties import PartyRegistry
from claimledger.reconcile.features import ClaimView
from claimledger.reconcile.values import fmt_amount, fmt_claim_value, fmt_number, ulp, unit_family

REACH = 2  # sentences between a whole and its parts
_APPOSITION_RE = re.compile(r"^\s*\(\s*$")  # the text between a share and its amount
SHARE_ROUNDING = 0.5  # percentage points a stated share may have been rounded by
WHOLE_SHARES = (98.0, 102.0)  # shares that together make the whole


def _result(views: Sequence[ClaimView], verdict: str, note: str, kind: str) -> CheckResult:
    ordered = sorted(views, key=lambda v: v.claim.start)
    return CheckResult(claims=[v.claim for v in ordered], verdict=verdict, note=note, kind=kind)


def _value(view: ClaimView) -> float | None:
    claim = view.claim
    if claim.value is None:
        return None
    return claim.value * unit_family(claim.unit)[1]


def _sentences(views: Sequence[ClaimView]) -> list[list[ClaimView]]:
    by_start: dict[int, list[ClaimView]] = {}
    for view in views:
        by_start.setdefault(view.claim.sent_start, []).append(view)
    return [sorted(by_start[s], key=lambda v: v.claim.start) for s in sorted(by_start)]


# -- parts by concept --------------------------------------------------------------------------


def _concept_parts(sentences: list[list[ClaimView]]) -> list[CheckResult]:
    out: list[CheckResult] = []
    for rank, sentence in enumerate(sentences):
        by_parent: dict[str, list[ClaimView]] = {}
        for view in sentence:
            parent = taxonomy.parent_of(view.concept)
            if parent is not None and view.claim.value is not None and not view.claim.per:
                by_parent.setdefault(parent, []).append(view)
        for parent, parts in by_parent.items():
            if len({p.concept for p in parts}) < 2 or len(parts) != len({p.concept for p in parts}):
                continue
            family = unit_family(parts[0].claim.unit)[0]
            if any(unit_family(p.claim.unit)[0] != family for p in parts):
                continue
            near = sentences[max(0, rank - REACH) : rank + REACH + 1]
            wholes = [
                v for s in near for v in s
                if v.concept == parent and unit_family(v.claim.unit)[0] == family
                and v.tight is not None and v.claim.value is not None and not v.claim.per
            ]  # fmt: skip
            if not wholes:
                continue
            whole = min(wholes, key=lambda v: abs(v.claim.sent_start - parts[0].claim.sent_start))
            total = sum(_value(p) or 0.0 for p in parts)
            assert whole.tight is not None and whole.loose is not None
            unit = whole.claim.unit
            factor = unit_family(unit)[1]
            summed = (
                " + ".join(f"{fmt_claim_value(p.claim)} {p.concept}" for p in parts)
                + f" = {fmt_amount(total / factor, unit)}"
            )
            if whole.tight.lo <= total <= whole.tight.hi:
                note = (
                    f"{summed}, the stated {fmt_claim_value(whole.claim)} {parent} "
                    f"({whole.claim.quote!r}): the parts make up the whole"
                )
                out.append(_result([whole, *parts], "consistent", note, "parts"))
            elif total > whole.loose.hi:
                note = (
                    f"{summed}, more than the {fmt_claim_value(whole.claim)} {parent} they make up"
                )
                out.append(_result([whole, *parts], "inconsistent", note, "parts"))
    return out


# -- shares with their amounts -----------------------------------------------------------------


def _share_amounts(sentence: list[ClaimView]) -> list[tuple[ClaimView, ClaimView]]:
    """(share, amount) pairs written 'P per cent (AMOUNT)' in one sentence."""
    pairs = []
    for share, amount in zip(sentence, sentence[1:], strict=False):
        if share.claim.unit != "percent" or share.claim.value is None or amount.claim.value is None:
            continue
        if not unit_family(amount.claim.unit)[0].startswith(("money", "mass", "volume", "count")):
            continue
        if amount.claim.unit == "percent" or share.claim.doc_id != amount.claim.doc_id:
            continue
        gap = share.sentence[share.claim.end - share.claim.sent_start : amount.claim.start
                             - amount.claim.sent_start]  # fmt: skip
        if _APPOSITION_RE.match(gap):
            pairs.append((share, amount))
    return pairs


def _share_amount_checks(sentences: list[list[ClaimView]]) -> list[CheckResult]:
    out: list[CheckResult] = []
    for rank, sentence in enumerate(sentences):
        pairs = _share_amounts(sentence)
        if len(pairs) < 2:
            continue
        unit = pairs[0][1].claim.unit
        if any(a.claim.unit != unit for _, a in pairs):
            continue
        amounts = {id(a) for _, a in pairs}
        largest = max(_value(a) or 0.0 for _, a in pairs)
        earlier = [
            v for s in sentences[max(0, rank - REACH) : rank + 1] for v in s
            if v.claim.unit == unit and id(v) not in amounts and v.claim.value is not None
            and (_value(v) or 0.0) > largest and v.claim.start < pairs[0][0].claim.start
        ]  # fmt: skip
        if not earlier:
            continue
        whole = earlier[-1]
        w = _value(whole) or 0.0
        factor = unit_family(unit)[1]
        misses, notes = [], []
        for share, amount in pairs:
            pct = share.claim.value or 0.0
            expected = pct / 100 * w
            slack = SHARE_ROUNDING / 100 * w + ulp(amount.claim.value or 0.0) * factor / 2
            got = _value(amount) or 0.0
            text = (f"{fmt_number(pct)}% of {fmt_amount(w / factor, unit)} is "
                    f"{fmt_amount(expected / factor, unit)}")  # fmt: skip
            if abs(got - expected) > slack:
                misses.append(f"{text}, not {fmt_claim_value(amount.claim)}")
            else:
                notes.append(f"{text}, as stated")
        shares = sum(s.claim.value or 0.0 for s, _ in pairs)
        parts = sum(_value(a) or 0.0 for _, a in pairs)
        if WHOLE_SHARES[0] <= shares <= WHOLE_SHARES[1]:
            sum_text = (f"the parts add up to {fmt_amount(parts / factor, unit)} against the "
                        f"{fmt_claim_value(whole.claim)} whole")  # fmt: skip
            if abs(parts - w) > SHARE_ROUNDING / 100 * w * len(pairs):
                misses.append(sum_text)
            else:
                notes.append(sum_text)
        views = [whole, *(v for pair in pairs for v in pair)]
        if misses:
            note = "; ".join(misses) + (" (" + "; ".join(notes) + ")" if notes else "")
            out.append(_result(views, "inconsistent", note, "share"))
        else:
            out.append(_result(views, "consistent", "; ".join(notes), "share"))
    return out


# -- a whole with a named part, against the other givers ----------------------------------------

_INCLUDING_RE = re.compile(r"\bincluding\b[^.;]{0,20}$", re.IGNORECASE)
_FROM_AFTER_RE = re.compile(r"^\s*from\s+", re.IGNORECASE)
RUNNING = ("cumulative", "total")
_PROPER_RE = re.compile(
    r"(?<![.!?]\s)\b(?!(?:The|This|That|These|It|In|On|At|As|By)\b)([A-Z][a-z]{3,})\b"
)


def _giver(view: ClaimView, registry: PartyRegistry) -> str | None:
    """Who gives a money figure: its stated giver, 'EUR 5 billion from A', else a party its
    quote or its clause names ('European military support has reached ...')."""
    claim = view.claim
    if claim.from_ and " and " not in claim.from_:
        return claim.from_
    after = view.sentence[claim.end - claim.sent_start :]
    match = _FROM_AFTER_RE.match(after)
    if match:
        found = registry.find(after[match.end() : match.end() + 40])
        if found and found[0][0] <= 4:
            return found[0][2].name
    at, end = claim.start - claim.sent_start, claim.end - claim.sent_start
    before, _ = taxonomy.clause_around(view.sentence, at, end) if view.sentence else ("", "")
    for text in (claim.quote, before):
        found = registry.find(text)
        if found:
            return found[-1][2].name
    named = _PROPER_RE.search(before)  # 'European military support': a giver the registry lacks
    return named.group(1) if named else None


def _named_part_checks(views: Sequence[ClaimView], registry: PartyRegistry) -> list[CheckResult]:
    out: list[CheckResult] = []
    for sentence in _sentences(views):
        for i, whole in enumerate(sentence):
            if whole.cue != "total" or whole.concept is None or whole.claim.value is None:
                continue
            for part in sentence[i + 1 :]:
                gap = whole.sentence[: part.claim.start - part.claim.sent_start]
                giver = _giver(part, registry)
                if part.claim.unit != whole.claim.unit or not _INCLUDING_RE.search(gap):
                    continue
                if giver is None or part.claim.value is None:
                    continue
                rest = (_value(whole) or 0.0) - (_value(part) or 0.0)
                for other in views:
                    if other in (whole, part) or other.claim.unit != whole.claim.unit:
                        continue
                    if whole.concept not in taxonomy.lineage(other.concept):
                        continue
                    other_giver = _giver(other, registry)
                    if other_giver in (None, giver) or other.cue not in RUNNING:
                        continue
                    if other.claim.when and not whole.claim.when:
                        continue  # a figure for some months against a running total
                    if (_value(other) or 0.0) <= rest * 1.005:
                        continue
                    unit = whole.claim.unit
                    factor = unit_family(unit)[1]
                    note = (
                        f"if {fmt_claim_value(part.claim)} of the {fmt_claim_value(whole.claim)} "
                        f"total came from {giver}, all other givers gave "
                        f"{fmt_amount(rest / factor, unit)}, less than the "
                        f"{fmt_claim_value(other.claim)} given by {other_giver} alone "
                        f"({other.claim.quote!r}): the total cannot hold both"
                    )
                    out.append(_result([whole, part, other], "inconsistent", note, "parts"))
    return out


def appositive_shares(views: Sequence[ClaimView]) -> set[int]:
    """ids of shares written with their amount: their arithmetic is judged here."""
    return {id(s) for sentence in _sentences(views) for s, _ in _share_amounts(sentence)}


def whole_checks(
    views: Sequence[ClaimView], registry: PartyRegistry | None = None
) -> list[CheckResult]:
    """Parts by concept, shares with their amounts and named parts, in one document."""
    usable = [v for v in views if v.tight is not None]
    sentences = _sentences(usable)
    registry = registry or PartyRegistry.default()
    return [
        *_concept_parts(sentences),
        *_share_amount_checks(sentences),
        *_named_part_checks(usable, registry),
    ]
