"""Arithmetic inside one document: share and percent, ratios, parts and whole,
count x rate x period against a total, and compound growth.

Each check reads the claims of the same or nearby sentences, states its numbers and
formula in the note, and reports `consistent` when the arithmetic holds. It reports
`inconsistent` only where the text ties the numbers together itself (a list after
"main products were", "this amounts to", a rate with its start and end in one sentence),
because a coincidental neighbour is no evidence that an article got its sums wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimledger.model import CheckResult
from claimledger.reconcile.features import ClaimView
from claimledger.reconcile.lexicon import (
    AMOUNT_CUE_RE,
    GROWTH_RE,
    LIST_CUE_RE,
    NUMBER_WORDS,
    PER_YEAR,
    YEAR_RE,
    YEARS_SPAN_RE,
)
from claimledger.reconcile.twoway import two_way_checks
from claimledger.reconcile.values import (
    fmt_amount,
    fmt_claim_value,
    fmt_number,
    raw_spans,
    unit_family,
)
from claimledger.reconcile.wholes import appositive_shares, whole_checks

REACH = 2  # sentences back in which a part or whole of a share may stand
MAX_GAP = 900  # characters between the share and its part or whole
GROWTH_REACH = 60  # characters around a percent in which a growth word marks a rate


@dataclass
class _Doc:
    views: list[ClaimView]
    index: dict[int, int]  # sent_start -> rank among the sentences that hold figures

    def sentence_of(self, view: ClaimView) -> int:
        return self.index[view.claim.sent_start]

    def in_sentence(self, rank: int) -> list[ClaimView]:
        return [v for v in self.views if self.sentence_of(v) == rank]


def _bounds(view: ClaimView) -> tuple[float, float] | None:
    """The stated figure in its family's base unit: (low, high), equal for a single value."""
    claim = view.claim
    factor = unit_family(claim.unit)[1]
    if claim.low is not None and claim.high is not None:
        return claim.low * factor, claim.high * factor
    if claim.value is None:
        return None
    return claim.value * factor, claim.value * factor


def _family(view: ClaimView) -> str:
    return unit_family(view.claim.unit)[0]


def _near_growth_word(view: ClaimView) -> bool:
    at = view.claim.start - view.claim.sent_start
    end = view.claim.end - view.claim.sent_start
    window = view.sentence[max(0, at - GROWTH_REACH) : end + GROWTH_REACH]
    return bool(GROWTH_RE.search(window)) or bool(GROWTH_RE.search(view.claim.quote))


def _result(views: Sequence[ClaimView], verdict: str, note: str, kind: str) -> CheckResult:
    ordered = sorted(views, key=lambda v: v.claim.start)
    return CheckResult(claims=[v.claim for v in ordered], verdict=verdict, note=note, kind=kind)


# -- share and ratio --------------------------------------------------------------------------


def _share_matches(p: ClaimView, lo: float, hi: float) -> bool:
    claim = p.claim
    if claim.low is not None and claim.high is not None and lo != hi:
        tol_lo, tol_hi = max(1.0, 0.05 * claim.low), max(1.0, 0.05 * claim.high)
        return abs(lo - claim.low) <= tol_lo and abs(hi - claim.high) <= tol_hi
    found = raw_spans(claim)  # 'nearly 40' is read as about 40 here: shares are rounded
    span = found[0] if found else p.tight
    assert span is not None
    return span.lo - 1.0 <= hi and lo <= span.hi + 1.0


def _share_checks(doc: _Doc) -> list[CheckResult]:
    out: list[CheckResult] = []
    paired = appositive_shares(doc.views)
    for p in doc.views:
        if p.claim.unit != "percent" or p.tight is None or _near_growth_word(p):
            continue
        if id(p) in paired or p.change:
            continue  # a share written with its amount is checked against its whole (wholes.py)
        rank = doc.sentence_of(p)
        near = [
            v for v in doc.views
            if v is not p and v.claim.unit != "percent" and _bounds(v) is not None
            and 0 <= rank - doc.sentence_of(v) <= REACH
            and abs(p.claim.sent_start - v.claim.sent_end) <= MAX_GAP
        ]  # fmt: skip
        best: tuple[int, ClaimView, ClaimView, float, float] | None = None
        for x in near:
            for w in near:
                bx, bw = _bounds(x), _bounds(w)
                if x is w or bx is None or bw is None or _family(x) != _family(w):
                    continue
                pers = {x.claim.per, w.claim.per} - {None}
                if len(pers) > 1 or bw[0] != bw[1] or bw[0] <= 0:
                    continue
                if bx[1] >= bw[0]:
                    continue  # a part is smaller than its whole
                if x.when is not None and w.when is not None and x.when != w.when:
                    continue  # a figure of one year is no share of another year's
                lo, hi = 100 * bx[0] / bw[0], 100 * bx[1] / bw[0]
                if _share_matches(p, lo, hi):
                    distance = 2 * rank - doc.sentence_of(x) - doc.sentence_of(w)
                    if best is None or distance < best[0]:
                        best = (distance, x, w, lo, hi)
        if best is not None:
            _, x, w, lo, hi = best
            kind = "share" if _family(x) == "count" else "ratio"
            shown = f"{fmt_number(lo)}%" if lo == hi else f"{fmt_number(lo)}-{fmt_number(hi)}%"
            note = (
                f"{fmt_claim_value(x.claim)} of {fmt_claim_value(w.claim)} is {shown}, "
                f"which matches the stated {p.claim.quote!r} ({fmt_claim_value(p.claim)})"
            )
            out.append(_result([x, w, p], "consistent", note, kind))
    return out


# -- compound growth --------------------------------------------------------------------------


def _years(p: ClaimView, a: ClaimView, b: ClaimView) -> int | None:
    ya, yb = (a.when[0] // 12 if a.when else None), (b.when[0] // 12 if b.when else None)
    if ya is not None and yb is not None and ya != yb:
        return abs(yb - ya)
    if p.when is not None and p.when[1] // 12 > p.when[0] // 12:
        return p.when[1] // 12 - p.when[0] // 12
    match = YEARS_SPAN_RE.search(p.sentence)
    if match:
        word = match.group(1).casefold()
        return int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    years = sorted({int(y) for y in YEAR_RE.findall(p.sentence)})
    if len(years) == 2:
        return years[1] - years[0]
    return None


def _growth_checks(doc: _Doc) -> list[CheckResult]:
    out: list[CheckResult] = []
    for p in doc.views:
        if p.claim.unit != "percent" or p.claim.value is None or not _near_growth_word(p):
            continue
        same = [
            v for v in doc.in_sentence(doc.sentence_of(p))
            if v.claim.unit != "percent" and v.claim.value and v.claim.value > 0
        ]  # fmt: skip
        if len(same) != 2 or _family(same[0]) != _family(same[1]):
            continue
        a, b = same
        if a.when and b.when and a.when[0] > b.when[0]:
            a, b = b, a
        years = _years(p, a, b)
        if not years:
            continue
        start, end = _bounds(a), _bounds(b)
        assert start is not None and end is not None
        rate = 100 * ((end[0] / start[0]) ** (1 / years) - 1)
        stated = p.claim.value
        ok = abs(rate - stated) <= max(1.0, 0.05 * abs(stated))
        unit = a.claim.unit
        note = (
            f"({fmt_amount(b.claim.value or 0, unit)} / {fmt_amount(a.claim.value or 0, unit)})"
            f"^(1/{years}) - 1 = {rate:.1f}% a year, "
            + (f"matching the stated {stated:g}%" if ok else f"not the stated {stated:g}%")
        )
        out.append(_result([p, a, b], "consistent" if ok else "inconsistent", note, "growth"))
    return out


# -- parts and whole --------------------------------------------------------------------------


def _parts_checks(doc: _Doc) -> list[CheckResult]:
    out: list[CheckResult] = []
    for rank in sorted(set(doc.index.values())):
        claims = sorted(doc.in_sentence(rank), key=lambda v: v.claim.start)
        for i, total in enumerate(claims[:-1]):
            following = claims[i + 1]
            gap = total.sentence[
                total.claim.end - total.claim.sent_start : following.claim.start
                - following.claim.sent_start
            ]
            if not LIST_CUE_RE.search(gap):
                continue
            parts = [
                v for v in claims[i + 1 :]
                if _family(v) == _family(total) and bool(v.claim.per) == bool(total.claim.per)
                and _bounds(v) is not None
            ]  # fmt: skip
            whole = _bounds(total)
            if len(parts) < 2 or whole is None or total.tight is None:
                continue
            lows = [_bounds(v)[0] for v in parts]  # type: ignore[index]
            factor = unit_family(total.claim.unit)[1]
            unit = total.claim.unit
            summed = " + ".join(fmt_amount(x / factor, unit) for x in lows)
            sum_text = fmt_amount(sum(lows) / factor, unit)
            too_big = [v for v, x in zip(parts, lows, strict=True) if x > total.tight.hi]
            if too_big or sum(lows) > total.tight.hi:
                alone = "; ".join(f"{v.claim.quote!r} alone exceeds it" for v in too_big)
                note = (
                    f"the parts {summed} = {sum_text} exceed the total "
                    f"{fmt_claim_value(total.claim)} they are listed under"
                    + (f" ({alone})" if alone else "")
                )
                out.append(_result([total, *parts], "inconsistent", note, "parts"))
            else:
                note = (
                    f"the listed parts {summed} = {sum_text} fit within the total "
                    f"{fmt_claim_value(total.claim)}"
                )
                out.append(_result([total, *parts], "consistent", note, "parts"))
            break
    return out


# -- count x rate x period --------------------------------------------------------------------


def _rate_checks(doc: _Doc) -> list[CheckResult]:
    out: list[CheckResult] = []
    for r in doc.views:
        per = r.claim.per
        if not per or per not in PER_YEAR or not _family(r).startswith("money") or not r.claim:
            continue
        rank = doc.sentence_of(r)
        for t in doc.views:
            t_per = t.claim.per
            if t is r or not t_per or t_per not in PER_YEAR or _family(t) != _family(r):
                continue
            if PER_YEAR[t_per] >= PER_YEAR[per] or abs(doc.sentence_of(t) - rank) > 1:
                continue
            counts = [
                n for n in doc.views
                if n.claim.unit == "count" and not n.claim.per and n.claim.value
                and doc.sentence_of(n) in (rank, doc.sentence_of(t))
            ]  # fmt: skip
            r_bounds = _bounds(r)
            if not counts or r_bounds is None or t.tight is None or t.loose is None:
                continue
            periods = PER_YEAR[per] / PER_YEAR[t_per]
            tried = []
            for n in counts:
                value = r_bounds[0] * (n.claim.value or 0) * periods
                tried.append((n, value))
                if t.tight.lo <= value <= t.tight.hi:
                    break
            n, value = tried[-1]
            ok = t.tight.lo <= value <= t.tight.hi
            unit = r.claim.unit
            formula = (
                f"{fmt_claim_value(r.claim)} x {fmt_number(n.claim.value or 0)} "
                f"x {periods:g} = {fmt_amount(value, unit)} a {t_per}"
            )
            if ok:
                note = f"{formula}, which fits the stated {fmt_claim_value(t.claim)}"
                out.append(_result([r, n, t], "consistent", note, "rate"))
            elif (
                len(counts) == 1
                and AMOUNT_CUE_RE.search(t.sentence)
                and not (t.loose.lo <= value <= t.loose.hi)
            ):
                note = f"{formula}, but the text states {fmt_claim_value(t.claim)}"
                out.append(_result([r, n, t], "inconsistent", note, "rate"))
    return out


def document_checks(views: Sequence[ClaimView]) -> list[CheckResult]:
    """Every arithmetic check among one document's claims (views in document order)."""
    usable = [v for v in views if v.tight is not None]
    starts = sorted({v.claim.sent_start for v in usable})
    doc = _Doc(views=usable, index={s: i for i, s in enumerate(starts)})
    found = [
        *_share_checks(doc),
        *_growth_checks(doc),
        *_parts_checks(doc),
        *_rate_checks(doc),
        *whole_checks(usable),
        *two_way_checks(usable),
    ]
    seen: set[frozenset[tuple[str, int]]] = set()
    unique = []
    for check in found:  # two rules may see the same sum: one line for it
        key = frozenset((c.doc_id, c.start) for c in check.claims)
        if key not in seen:
            seen.add(key)
            unique.append(check)
    return unique
