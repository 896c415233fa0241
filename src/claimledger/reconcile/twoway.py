"""A two-way total and its two directions, in one article: trade turnover is what goes one
way plus what comes back (the taxonomy's children of a concept, exports and imports, or one
child twice in opposite directions), and when the article gives each a percent change, the
total's own change follows from theirs:

    before_i = amount_i / (1 + change_i),  change_total = total / sum(before_i) - 1

The check states its numbers; it is `consistent` when the sum and the changes hold and
`inconsistent` only when the stated parts are tied to the total by the taxonomy and miss it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimledger import taxonomy
from claimledger.model import CheckResult
from claimledger.reconcile.features import ClaimView
from claimledger.reconcile.values import fmt_amount, fmt_claim_value, unit_family

_PRONOUN_RE = re.compile(r"^\W*(?:it|this|that|they|these|the total)\b", re.IGNORECASE)
_DOWN_RE = re.compile(
    r"\b(?:decreas\w*|fell|fall\w*|drop\w*|declin\w*|down|lower|less|shr[au]nk|cut)\b",
    re.IGNORECASE,
)
_UP_RE = re.compile(
    r"\b(?:increas\w*|rose|ris\w*|rais\w*|grew|grow\w*|up(?!\s+to\b)|higher|more|jump\w*)\b",
    re.IGNORECASE,
)
REACH = 2  # sentences between a change and the amount it belongs to
CHANGE_SLACK = 0.6  # percentage points between the implied and the stated change


def _concept(view: ClaimView, previous: Sequence[ClaimView]) -> str | None:
    """The view's concept, or for 'It amounted to ...' the concept of the sentence before."""
    if view.concept is not None:
        return view.concept
    start = view.claim.start - view.claim.sent_start
    if _PRONOUN_RE.match(view.sentence[:start]) and previous:
        return previous[-1].concept
    return None


def _signed(change: ClaimView) -> float | None:
    """A percent change with its sign, from the words around it."""
    at = change.claim.start - change.claim.sent_start
    _, after = taxonomy.clause_around(
        change.sentence, at, change.claim.end - change.claim.sent_start
    )
    text = change.sentence[max(0, at - 80) : at] + " " + after[:30]
    value = change.claim.value
    if value is None:
        return None
    if _DOWN_RE.search(text):
        return -value
    return value if _UP_RE.search(text) else None


def _party(view: ClaimView) -> str:
    return (view.claim.from_ or view.party or "").casefold()


def two_way_checks(views: Sequence[ClaimView]) -> list[CheckResult]:
    """The two-way total checks of one document's claims (views in document order)."""
    ordered = sorted(views, key=lambda v: v.claim.start)
    starts = sorted({v.claim.sent_start for v in ordered})
    rank = {s: i for i, s in enumerate(starts)}
    concepts = {}
    for i, view in enumerate(ordered):
        before = [
            v for v in ordered[:i] if rank[v.claim.sent_start] == rank[view.claim.sent_start] - 1
        ]
        concepts[id(view)] = _concept(view, before)
    out: list[CheckResult] = []
    money = [v for v in ordered if unit_family(v.claim.unit)[0].startswith("money")]
    for total in money:
        whole = concepts[id(total)]
        if whole is None or taxonomy.kind_of(whole) != "flow" or total.claim.value is None:
            continue
        parts = [
            v for v in money
            if v is not total and v.claim.unit == total.claim.unit and v.claim.value
            and taxonomy.parent_of(concepts[id(v)]) == whole
        ]  # fmt: skip
        if len(parts) != 2 or _party(parts[0]) == _party(parts[1]) or not all(map(_party, parts)):
            continue
        factor = unit_family(total.claim.unit)[1]
        t = total.claim.value * factor
        amounts = [(p.claim.value or 0.0) * factor for p in parts]
        unit = total.claim.unit
        summed = sum(amounts)
        sum_ok = abs(summed - t) <= max(0.01 * t, 0.5 * 10 ** (len(str(int(t))) - 3))
        notes = [
            f"{' + '.join(fmt_claim_value(p.claim) for p in parts)} = "
            f"{fmt_amount(summed / factor, unit)}, "
            + (f"the stated {fmt_claim_value(total.claim)} two-way total" if sum_ok
               else f"not the stated {fmt_claim_value(total.claim)} two-way total")
        ]  # fmt: skip
        changes = _changes(ordered, [*parts, total], rank, concepts)
        claims = [total, *parts]
        change_ok = True
        if changes is not None:
            (r1, c1), (r2, c2), (rt, ct) = changes
            before = amounts[0] / (1 + r1 / 100) + amounts[1] / (1 + r2 / 100)
            implied = 100 * (t / before - 1)
            change_ok = abs(implied - rt) <= CHANGE_SLACK
            notes.append(
                f"undoing the changes ({r1:+g}%, {r2:+g}%) gives "
                f"{fmt_amount(before / factor, unit)} a year earlier, so the total changed by "
                f"{implied:+.1f}%, " + ("as stated" if change_ok else "not") + f" ({rt:+g}%)"
            )
            claims.extend((c1, c2, ct))
        if not sum_ok and changes is None:
            continue  # a sum that misses with nothing else to tie the figures is no finding
        verdict = "consistent" if sum_ok and change_ok else "inconsistent"
        ordered_claims = sorted(claims, key=lambda v: v.claim.start)
        out.append(
            CheckResult([v.claim for v in ordered_claims], verdict, "; ".join(notes), "parts")
        )
    return out


def _changes(
    views: Sequence[ClaimView],
    amounts: Sequence[ClaimView],
    rank: dict[int, int],
    concepts: dict[int, str | None],
) -> list[tuple[float, ClaimView]] | None:
    """One signed percent change for each amount: the nearest change of its concept, else
    the nearest one left, within REACH sentences; None unless every amount has one."""
    changes = [v for v in views if v.claim.unit == "percent" and v.change and v.claim.value]
    found: dict[int, tuple[float, ClaimView]] = {}
    used: set[int] = set()

    def own_sentence(amount: ClaimView) -> bool:
        return any(c.claim.sent_start == amount.claim.sent_start for c in changes)

    # An amount with a change in its own sentence takes that one first ("fell by $9
    # million, or 13 per cent"); the others take the nearest left, of their concept first.
    for amount in sorted(amounts, key=lambda a: not own_sentence(a)):
        where = rank[amount.claim.sent_start]
        near = [
            c for c in changes
            if id(c) not in used and abs(rank[c.claim.sent_start] - where) <= REACH
        ]  # fmt: skip
        near.sort(key=lambda c: (c.claim.sent_start != amount.claim.sent_start,
                                 concepts[id(c)] != concepts[id(amount)],
                                 abs(rank[c.claim.sent_start] - where)))  # fmt: skip
        signed = [(s, c) for c in near if (s := _signed(c)) is not None]
        if not signed:
            return None
        used.add(id(signed[0][1]))
        found[id(amount)] = signed[0]
    return [found[id(a)] for a in amounts]
