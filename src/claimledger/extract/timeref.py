"""When a figure refers to: dates and years near it, relative anchors resolved by dateparser."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import dateparser
from spacy.tokens import Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.numbers import Quantity

if TYPE_CHECKING:
    from claimledger.extract.context import DocumentContext

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
    r"(?:a|one)\s+year\s+ago|yesterday|last\s+week|this\s+week|(?:in\s+)?recent\s+weeks|"
    r"earlier\s+this\s+month)\b",
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


_SINCE_RE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,6}$", re.IGNORECASE)


def _open_ended(
    found: list[tuple[int, int, str]], text: str, published: str | None
) -> list[tuple[int, int, str]]:
    """'since 2017' in a piece of 2024-06 means 2017/2024-06: a span up to publication."""
    if not published:
        return found
    out = []
    for s, e, iso in found:
        before = text[max(0, s - 60) : s]
        if "/" not in iso and _SINCE_RE.search(before) and "," not in before[-40:]:
            iso = f"{iso}/{published[:7]}"
        out.append((s, e, iso))
    return out


_EARLIER_RE = re.compile(r"^\s+(a|one|two|three|\w+)\s+years?\s+(?:earlier|before)\b", re.I)
_FIRST_MONTHS_RE = re.compile(
    r"\b(?:in|during|over)\s+the\s+first\s+(\w+)\s+months\s+of\s+(?:the\s+year|this\s+year|"
    r"(\d{4}))",
    re.IGNORECASE,
)


def _small_number_or_one(word: str) -> int:
    return 1 if word.lower() in ("a", "one") else (_small_number(word) or 1)


def _shift_years(iso: str | None, years: int) -> str | None:
    """'2024-03' shifted by -1 year is '2023-03'; spans and missing dates give None."""
    if not iso or "/" in iso or not iso[:4].isdigit():
        return None
    return f"{int(iso[:4]) + years}{iso[4:]}"


def _year_of_first_months(published: str, months: int | None) -> str | None:
    """The year whose first months a piece means: this one, unless they are not over yet."""
    base = _parse_published(published) if published else None
    if base is None or not months:
        return None
    return str(base.year if base.month > months else base.year - 1)


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
    if "month" in low or "this week" in low or "recent weeks" in low:
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


def _verb_of(tok: Token) -> Token | None:
    """The verb heading the clause `tok` belongs to, counting relative and participle
    clauses as part of the clause they describe ('the deal Warsaw signed in 2022 covers X')
    but not a coordinated or reported clause."""
    verb = None
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("amod",):
            verb = anc
            if anc.dep_ not in ("relcl", "acl", "xcomp"):
                return anc
    return verb


def _small_number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return lx.UNITS_WORDS.get(word.lower()) or lx.TENS_WORDS.get(word.lower())


def when_for(span: Span, q: Quantity, context: DocumentContext) -> str | None:
    """The time the figure refers to, as ISO text, or None when the text gives none."""
    when = _when(span, q, context)
    if when is None and _SAME_PERIOD_RE.search(span.doc.text):
        when = context.last_date()  # "over the same period", "that year"
    if when is not None:
        context.note_date(when)
    return when


_SAME_PERIOD_RE = re.compile(
    r"\b(?:over|in|during|for)\s+the\s+same\s+(?:period|year|month|time)\b|\bthat\s+year\b|"
    r"\bof\s+(?:that|those|which)\b",  # "29 million tonnes of that": a part of the last figure
    re.IGNORECASE,
)


def _when(span: Span, q: Quantity, context: DocumentContext) -> str | None:
    doc = span.doc
    text = doc.text
    qs, qe = q.start, q.end
    found = _open_ended(dates_in(text), text, context.doc.published)
    earlier = _EARLIER_RE.match(text[qe:])
    if earlier:  # "up from about 700 a year earlier": a year before the sentence's date
        base = next((iso for _s, _e, iso in found), None) or context.last_date()
        shifted = _shift_years(base, -_small_number_or_one(earlier.group(1)))
        if shifted:
            return shifted
    first = _FIRST_MONTHS_RE.search(text)
    if first and (context.doc.published or first.group(2)):
        n = _small_number(first.group(1))
        year = first.group(2) or _year_of_first_months(context.doc.published or "", n)
        if n and year:
            return f"{year}-01/{year}-{n:02d}"  # "in the first nine months of the year"
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
    past = _PAST_SPAN_RE.search(text)
    if past and published:
        return _past_span(past, published)
    rel = _RELATIVE_RE.search(text)
    if rel and published:
        return _resolve_relative(rel.group(0), published)
    months = list(_BARE_MONTH_RE.finditer(text))
    if months and published:
        nearest = min(months, key=lambda m: min(abs(m.start() - qe), abs(qs - m.end())))
        return _bare_month(nearest, published)
    weekday = _WEEKDAY_RE.search(text)
    if weekday and published:
        return _last_weekday(weekday.group(1), published)
    return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _last_weekday(name: str, published: str) -> str | None:
    """'on Monday' in a piece of Thursday 2024-05-02 is Monday 2024-04-29."""
    base = _parse_published(published)
    if base is None or len(published) < 10:
        return published[:7] if base is not None else None
    back = (base.weekday() - _WEEKDAYS.index(name.lower())) % 7
    return (base - timedelta(days=back)).date().isoformat()


_WEEKDAY_RE = re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


_PAST_SPAN_RE = re.compile(
    r"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(\w+)\s+(months|years)\b",
    re.IGNORECASE,
)


def _past_span(m: re.Match[str], published: str) -> str | None:
    """'over the past 12 months' in a piece of 2024-06-26 -> '2023-06/2024-06'."""
    n = _small_number(m.group(1))
    base = _parse_published(published)
    if not n or base is None:
        return None
    if m.group(2).lower() == "years":
        return f"{base.year - n}/{base.year}"
    months = base.year * 12 + base.month - 1 - n
    return f"{months // 12}-{months % 12 + 1:02d}/{base.year}-{base.month:02d}"


_BARE_MONTH_RE = re.compile(
    r"\b(in|during|since|by|for|of|until|through|on)\s+(?:early\s+|late\s+|mid-?)?("
    + "|".join(m.capitalize() for m in lx.MONTHS if len(m) > 3)
    + r")\b(?:\s+(\d{1,2})\b)?(?!,?\s+\d{4})"
)


def _bare_month(m: re.Match[str], published: str) -> str | None:
    """A month (and day) without a year: the nearest one before publication, or after it
    for 'by'/'until' ('by March' in a January piece is the coming March)."""
    base = _parse_published(published)
    if base is None:
        return None
    month = lx.MONTHS[m.group(2).lower()]
    ahead = m.group(1).lower() in ("by", "until", "through")
    if ahead:
        year = base.year if month >= base.month else base.year + 1
    else:
        year = base.year if month <= base.month else base.year - 1
    day = f"-{int(m.group(3)):02d}" if m.group(3) else ""
    return f"{year}-{month:02d}{day}"
