"""When a figure refers to: dates and years near it, relative anchors resolved by dateparser."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

import dateparser
from spacy.tokens import Span

from claimledger.extract import lexicon as lx
from claimledger.extract.numbers import Quantity

if TYPE_CHECKING:
    from claimledger.extract.attribution import DocumentContext

_MONTH = "|".join(sorted(lx.MONTHS, key=len, reverse=True))
_YEAR = r"(?:1[89]\d\d|20\d\d)"
DATE_RE = re.compile(
    rf"""
    (?P<span>(?:between|from)\s+(?P<y1>{_YEAR})\s+(?:and|to)\s+(?P<y2>{_YEAR})\b
      |(?P<y3>{_YEAR})\s*[-–/]\s*(?P<y4>{_YEAR}|\d\d)\b)
    |(?P<mdy>\b(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y5>{_YEAR})\b)
    |(?P<dmy>\b(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y6>{_YEAR})\b)
    |(?P<my>\b(?P<m3>{_MONTH})\.?,?\s+(?:of\s+)?(?P<y7>{_YEAR})\b)
    |(?P<decade>\b(?P<y8>1[89]\d0|20\d0)s\b)
    |(?P<year>(?<![\d,.$])\b(?P<y9>{_YEAR})\b(?!\d|,\d|\s?(?:tons|troops|percent)))
    """,
    re.VERBOSE | re.IGNORECASE,
)
_RELATIVE_RE = re.compile(
    r"\b(?:(?:in\s+)?(?:the\s+)?(?:past|last|previous)\s+year|last\s+year|this\s+year|"
    r"earlier\s+this\s+year|next\s+year|last\s+month|this\s+month|(?:in\s+)?recent\s+months|"
    r"(?:a|one)\s+year\s+ago|yesterday|last\s+week)\b",
    re.IGNORECASE,
)


def _iso(m: re.Match[str]) -> str:
    g = m.groupdict()
    if g["span"]:
        y1 = g["y1"] or g["y3"]
        y2 = g["y2"] or g["y4"]
        if len(y2) == 2:
            y2 = y1[:2] + y2
        return f"{y1}/{y2}"
    if g["mdy"]:
        return f"{g['y5']}-{lx.MONTHS[g['m1'].lower()]:02d}-{int(g['d1']):02d}"
    if g["dmy"]:
        return f"{g['y6']}-{lx.MONTHS[g['m2'].lower()]:02d}-{int(g['d2']):02d}"
    if g["my"]:
        return f"{g['y7']}-{lx.MONTHS[g['m3'].lower()]:02d}"
    if g["decade"]:
        return g["y8"]
    return g["y9"]


def dates_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, iso) of every explicit date, month-year, year, decade or span in text."""
    out = []
    for m in DATE_RE.finditer(text):
        if m.group("my") and m.group("m3").lower() == "may" and not m.group(0)[0].isupper():
            continue  # "may 2024" in lower case is the modal verb before a year
        if m.group("year") and re.match(
            r"\s+(?:[A-Z][a-z]+\s+)?(?:World|Olympic|Games|Cup|Summit|Expo)\b", text[m.end() :]
        ):
            continue  # "the 2022 World Cup" names an event, it does not date the sentence
        out.append((m.start(), m.end(), _iso(m)))
    return out


@lru_cache(maxsize=256)
def _resolve_relative(phrase: str, published: str) -> str | None:
    base = _parse_published(published)
    if base is None:
        return None
    low = phrase.lower()
    if re.search(r"past|last|previous|ago", low) and "year" in low:
        return str(base.year - 1) if "last year" in low or "ago" in low else str(base.year)
    if "this year" in low:
        return str(base.year)
    if "next year" in low:
        return str(base.year + 1)
    if "month" in low and "last" in low:
        month = base.month - 1 or 12
        year = base.year if base.month > 1 else base.year - 1
        return f"{year}-{month:02d}"
    if "month" in low:
        return f"{base.year}-{base.month:02d}"
    parsed = dateparser.parse(phrase, settings={"RELATIVE_BASE": base})
    return parsed.date().isoformat() if parsed else None


def _parse_published(published: str) -> datetime | None:
    parts = published.split("-")
    try:
        return datetime(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 7,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return None


def _verb_of(tok):  # noqa: ANN001, ANN202 - a spaCy Token
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("amod", "acl"):
            return anc
    return None


def _small_number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return lx.UNITS_WORDS.get(word.lower()) or lx.TENS_WORDS.get(word.lower())


def when_for(span: Span, q: Quantity, context: DocumentContext) -> str | None:
    """The time the figure refers to, as ISO text, or None when the text gives none."""
    doc = span.doc
    text = doc.text
    qs, qe = q.start, q.end
    found = dates_in(text)
    # 1. A date right after the figure: "$12.7 billion in 2022".
    for s, _e, iso in found:
        if 0 <= s - qe <= 12 and re.fullmatch(r"[\s,]*(?:in|by|for|of|during)?\s*", text[qe:s]):
            return iso
    # 2. A growth rate spans the years of its sentence.
    years = sorted({iso[:4] for _s, _e, iso in found if "/" not in iso})
    spans = [iso for _s, _e, iso in found if "/" in iso]
    past = re.search(
        r"\b(?:over|during|in|for)\s+the\s+(?:past|last|previous)\s+(\w+)\s+years\b", text, re.I
    )
    if past and len(years) == 1 and not spans:
        n = _small_number(past.group(1))
        if n:
            spans = [f"{int(years[0]) - n}/{years[0]}"]
    if (
        spans
        and re.search(r"\bfrom\s+$", text[:qs])
        and re.match(r"^\s*(?:in\s+\d{4}\s+)?to\b", text[qe:])
    ):
        return spans[0].split("/")[0]  # "rising from $1.74 billion to $12.7 billion"
    if q.unit == "percent" and q.per == "year":
        if spans:
            return spans[0]
        if len(years) >= 2:
            return f"{years[0]}/{years[-1]}"
    # 3. A date in the figure's own clause (attached to the same verb or noun).
    clause = {t.i for t in span.root.ancestors} | {span.root.i}
    best = None
    for s, e, iso in found:
        toks = doc.char_span(s, e, alignment_mode="expand")
        if toks is None:
            continue
        if any(t.head.i in clause or (t.head.head.i in clause) for t in toks):
            dist = min(abs(s - qe), abs(qs - e))
            if best is None or dist < best[0]:
                best = (dist, iso)
    if best is not None:
        return best[1]
    # 4. A date that opens the sentence, or sits in the figure's clause, dates the figure.
    own_verb = _verb_of(span.root)
    candidates = []
    for s, e, iso in found:
        toks = doc.char_span(s, e, alignment_mode="expand")
        if toks is None:
            continue
        verb = _verb_of(toks.root)
        same = verb is not None and own_verb is not None and verb.i == own_verb.i
        if toks.start <= 3 or same:
            candidates.append((min(abs(s - qe), abs(qs - e)), iso))
    if candidates:
        return min(candidates)[1]
    # 5. A relative anchor or a bare month, resolved against the publication date.
    published = context.doc.published
    rel = _RELATIVE_RE.search(text)
    if rel and published:
        return _resolve_relative(rel.group(0), published)
    month = _BARE_MONTH_RE.search(text)
    if month and published:
        return _month_before(month.group(1), published)
    return None


_BARE_MONTH_RE = re.compile(
    r"\b(?:in|during|since|by|for|of|until|through)\s+(?:early\s+|late\s+|mid-?)?("
    + "|".join(m.capitalize() for m in lx.MONTHS if len(m) > 3)
    + r")\b(?!\s+\d)"
)


def _month_before(name: str, published: str) -> str | None:
    """'in January' in a piece published 2024-03-10 is 2024-01; in one of 2024-01-05, 2023-..."""
    base = _parse_published(published)
    if base is None:
        return None
    month = lx.MONTHS[name.lower()]
    year = base.year if month <= base.month else base.year - 1
    return f"{year}-{month:02d}"
