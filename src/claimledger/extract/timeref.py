"""When a figure refers to: dates and years near it, relative anchors resolved by dateparser."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import dateparser
from spacy.tokens import Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.dates import (
    comparative_since,
    document_dates,
    fiscal_start,
)
from claimledger.extract.numbers import Quantity

if TYPE_CHECKING:
    from claimledger.extract.context import DocumentContext

_RELATIVE_RE = re.compile(
    r"\b(?:(?:in\s+)?(?:the\s+)?(?:past|last|previous)\s+year|last\s+year|this\s+year|"
    r"earlier\s+this\s+year|next\s+year|last\s+month|this\s+month|(?:in\s+)?recent\s+months|"
    r"(?:a|one)\s+year\s+ago|yesterday|last\s+week|"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lx.PUBLICATION_MONTH_WORDS)
    + r")\b",
    re.IGNORECASE,
)
_PUBLICATION_MONTH = frozenset(lx.PUBLICATION_MONTH_WORDS)


_EARLIER_RE = re.compile(r"^\s+(a|one|two|three|\w+)\s+years?\s+(?:earlier|before)\b", re.I)
_FIRST_MONTHS_RE = re.compile(
    r"\b(?:in|during|over)\s+the\s+first\s+(\w+\s+months|half)\s+of\s+(?:the\s+year|this\s+year|"
    r"(\d{4})|(?:the\s+)?(current|this|present)\s+fiscal(?:\s+year)?)",
    re.IGNORECASE,
)


def _first_fiscal_months(word: str, published: str, start: int) -> str | None:
    """'the first 10 months of the current fiscal' in a piece of 2025-03, fiscal years from
    April: 2024-04/2025-01."""
    base, n = _parse_published(published), _small_number(word)
    if base is None or not n:
        return None
    year = base.year if base.month >= start else base.year - 1
    last = year * 12 + start - 1 + n - 1
    return f"{year}-{start:02d}/{last // 12}-{last % 12 + 1:02d}"


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
    if "month" in low or re.sub(r"\s+", " ", low) in _PUBLICATION_MONTH or len(published) < 10:
        return f"{base.year}-{base.month:02d}"  # a month-only date cannot place a week
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
            if anc.dep_ not in ("relcl", "acl", "xcomp", "pcomp"):  # "spent X on buying Y since"
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
    published = context.doc.published
    found = document_dates(text, context.doc.text, published)
    earlier = _EARLIER_RE.match(text[qe:])
    if earlier:  # "up from about 700 a year earlier": a year before the sentence's date
        base = next((iso for _s, _e, iso in found), None) or context.last_date()
        shifted = _shift_years(base, -_small_number_or_one(earlier.group(1)))
        if shifted:
            return shifted
    first = _FIRST_MONTHS_RE.search(text)
    months_word = first.group(1).split()[0] if first else ""
    months_word = "six" if months_word.lower() == "half" else months_word
    if first and first.group(3) and published:
        return _first_fiscal_months(months_word, published, fiscal_start(context.doc.text) or 1)
    if first and (context.doc.published or first.group(2)):
        n = _small_number(months_word)
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
        # Two steps up reach the verb from 'in 2022'; a phrase that is itself a preposition
        # ('since the start of the war') hangs one step from what it dates.
        hops = 1 if toks.root.dep_ == "prep" else 2
        if any(t.head.i in clause or (hops == 2 and t.head.head.i in clause) for t in toks):
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
    quarter = _QUARTER_RE.search(text)
    if quarter and published:
        return _quarter(quarter, published)
    weekday = _WEEKDAY_RE.search(text)
    if weekday and published and weekday.group(2):
        return _last_weekday(weekday.group(1), published, 1)
    rel = _RELATIVE_RE.search(text)
    if rel and published:
        return _resolve_relative(rel.group(0), published)
    so_far = _YEAR_SO_FAR_RE.search(text)
    if so_far and published and len(published) >= 7:
        return f"{published[:4]}-01/{published[:7]}"
    month_range = _MONTH_RANGE_RE.search(text)
    if month_range and published:
        return _month_range(month_range, published)
    months = [
        m for m in _BARE_MONTH_RE.finditer(text) if not comparative_since(text, m.start("month"))
    ]
    if months and published:
        nearest = min(months, key=lambda m: min(abs(m.start() - qe), abs(qs - m.end())))
        return _bare_month(nearest, published)
    weekday = _WEEKDAY_RE.search(text)
    if weekday and published:
        return _last_weekday(weekday.group(1), published)
    return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _last_weekday(name: str, published: str, weeks_back: int = 0) -> str | None:
    """'on Monday' in a piece of Thursday 2024-05-02 is Monday 2024-04-29; 'on Monday last
    week' one week before that."""
    base = _parse_published(published)
    if base is None or len(published) < 10:
        return published[:7] if base is not None else None
    back = (base.weekday() - _WEEKDAYS.index(name.lower())) % 7 + 7 * weeks_back
    return (base - timedelta(days=back)).date().isoformat()


_WEEKDAY_RE = re.compile(
    r"\b[Oo]n\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(\s+last\s+week)?"
)


_PAST_SPAN_RE = re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+(past|last|previous|next|coming)\s+(\w+)\s+"
    r"(months|years)\b",
    re.IGNORECASE,
)
_QUARTER_RE = re.compile(r"\b(first|second|third|fourth)[-\s]quarter\b", re.IGNORECASE)
_QUARTERS = ("first", "second", "third", "fourth")


def _quarter(m: re.Match[str], published: str) -> str | None:
    """'second-quarter profit' in a piece of 2024-05: 2024-04/2024-06."""
    base = _parse_published(published)
    if base is None:
        return None
    q = _QUARTERS.index(m.group(1).lower())
    return f"{base.year}-{3 * q + 1:02d}/{base.year}-{3 * q + 3:02d}"


def _past_span(m: re.Match[str], published: str) -> str | None:
    """'over the past 12 months' in a piece of 2024-06-26 -> '2023-06/2024-06'; 'over the
    next three years' in 2024 -> '2024/2027'."""
    n = _small_number(m.group(2))
    base = _parse_published(published)
    if not n or base is None:
        return None
    ahead = m.group(1).lower() in ("next", "coming")
    if m.group(3).lower() == "years":
        return f"{base.year}/{base.year + n}" if ahead else f"{base.year - n}/{base.year}"
    if ahead:
        months = base.year * 12 + base.month - 1 + n
        return f"{base.year}-{base.month:02d}/{months // 12}-{months % 12 + 1:02d}"
    months = base.year * 12 + base.month - 1 - n
    return f"{months // 12}-{months % 12 + 1:02d}/{base.year}-{base.month:02d}"


_MONTH_NAMES = "|".join(m.capitalize() for m in lx.MONTHS if len(m) > 3)
_BARE_MONTH_RE = re.compile(
    r"\b(?P<prep>(?i:in|during|since|by|for|of|until|through|on|as\s+of))\s+"
    r"(?:(?P<day1>\d{1,2})\s+)?(?:early\s+|late\s+|mid-?)?(?P<month>"
    + _MONTH_NAMES
    + r")\b(?:\s+(?P<day2>\d{1,2})\b)?(?!,?\s+\d{4})"
)
# "From January to July" with no year: a span in the months before publication.
_MONTH_RANGE_RE = re.compile(
    r"\b(?P<m1>"
    + _MONTH_NAMES
    + r")\s*(?:to|through|until|-|–)\s*(?P<m2>"
    + _MONTH_NAMES
    + r")\b(?!,?\s+\d{4})"
)
_YEAR_SO_FAR_RE = re.compile(
    r"\b(?:since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|so\s+far\s+this\s+year|"
    r"year\s+to\s+date)\b",
    re.IGNORECASE,
)


def _bare_month(m: re.Match[str], published: str) -> str | None:
    """A month (and day) without a year: the nearest one before publication, or after it
    for 'by'/'until' ('by March' in a January piece is the coming March)."""
    base = _parse_published(published)
    if base is None:
        return None
    month = lx.MONTHS[m.group("month").lower()]
    prep = m.group("prep").lower()
    ahead = prep in ("by", "until", "through")
    if ahead:
        year = base.year if month >= base.month else base.year + 1
    else:
        year = base.year if month <= base.month else base.year - 1
    day_text = m.group("day1") or m.group("day2")
    day = f"-{int(day_text):02d}" if day_text and 0 < int(day_text) <= 31 else ""
    if prep == "since":  # "since March": from then to publication, in months
        return f"{year}-{month:02d}/{published[:7]}"
    return f"{year}-{month:02d}{day}"


def _month_range(m: re.Match[str], published: str) -> str | None:
    base = _parse_published(published)
    if base is None:
        return None
    m1, m2 = lx.MONTHS[m.group("m1").lower()], lx.MONTHS[m.group("m2").lower()]
    year = base.year if m2 <= base.month else base.year - 1
    return f"{year if m1 <= m2 else year - 1}-{m1:02d}/{year}-{m2:02d}"


def weekday_in(text: str, published: str) -> str | None:
    """The date a weekday in `text` names ('on Monday', 'on Monday last week'), if any."""
    m = _WEEKDAY_RE.search(text)
    return _last_weekday(m.group(1), published, 1 if m.group(2) else 0) if m else None


def relative_in(text: str, published: str) -> str | None:
    """A relative anchor in `text` resolved against publication ('currently', 'last year')."""
    m = _RELATIVE_RE.search(text)
    return _resolve_relative(m.group(0), published) if m else None


def has_month(text: str) -> bool:
    """Whether `text` names a month without a year, outside a yardstick ('lowest since May')."""
    if _MONTH_RANGE_RE.search(text):
        return True
    return any(not comparative_since(text, m.start("month")) for m in _BARE_MONTH_RE.finditer(text))
