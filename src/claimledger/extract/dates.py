"""Explicit dates in a sentence as the document means them: ISO text for dates, months,
years and spans; spans counted from an event the document names ("since the start of the
war"); fiscal years as the document glosses them; yardsticks ("the lowest since May") left
out. Written by hand: dateparser reads one date expression, not the spans, fiscal years and
event anchors a news sentence holds, nor where each one sits in the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimledger.extract import lexicon as lx

_MONTH = "|".join(sorted(lx.MONTHS, key=len, reverse=True))
_YEAR = r"(?:1[89]\d\d|20\d\d)"
DATE_RE = re.compile(
    rf"""
    (?P<span>(?:between|from)\s+(?P<y1>{_YEAR})\s+(?:and|to)\s+(?P<y2>{_YEAR})\b
      |(?P<y3>{_YEAR})\s*[-–/]\s*(?P<y4>{_YEAR}|\d\d)\b)
    |(?P<mspan>\b(?P<m6>{_MONTH})\.?\s+(?P<y11>{_YEAR})\s*(?:-|–|to|through|until)\s*
      (?P<m7>{_MONTH})\.?\s+(?P<y12>{_YEAR})\b)
    |(?P<mrange>\b(?P<m4>{_MONTH})\.?\s*(?:-|–|to|and|through|until)\s*(?P<m5>{_MONTH})\.?,?\s+
      (?P<y10>{_YEAR})\b)
    |(?P<mdy>\b(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y5>{_YEAR})\b)
    |(?P<dmy>\b(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y6>{_YEAR})\b)
    |(?P<my>\b(?P<m3>{_MONTH})\.?,?\s+(?:of\s+)?(?P<y7>{_YEAR})\b)
    |(?P<decade>\b(?P<y8>1[89]\d0|20\d0)s\b)
    |(?P<year>(?<![\d,.$])\b(?P<y9>{_YEAR})\b(?!\d|,\d|\s?(?:tons|troops|percent)))
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _iso(m: re.Match[str]) -> str:
    g = m.groupdict()
    if g["span"]:
        y1 = g["y1"] or g["y3"]
        y2 = g["y2"] or g["y4"]
        if len(y2) == 2:
            y2 = y1[:2] + y2
        return f"{y1}/{y2}"
    if g["mspan"]:
        m6, m7 = lx.MONTHS[g["m6"].lower()], lx.MONTHS[g["m7"].lower()]
        return f"{g['y11']}-{m6:02d}/{g['y12']}-{m7:02d}"
    if g["mrange"]:
        m4, m5 = lx.MONTHS[g["m4"].lower()], lx.MONTHS[g["m5"].lower()]
        return f"{g['y10']}-{m4:02d}/{g['y10']}-{m5:02d}"
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


def document_dates(text: str, doc_text: str, published: str | None) -> list[tuple[int, int, str]]:
    """The sentence's dates as this document means them: spans from an event it names
    ('since the start of the war'), fiscal years as it glosses them, yardsticks left out."""
    events = _event_spans(text, doc_text, published)
    found = [
        d
        for d in dates_in(text)
        if not comparative_since(text, d[0]) and not any(s <= d[0] < e for s, e, _ in events)
    ]
    fiscal = fiscal_start(doc_text)
    if fiscal:
        found = [(s, e, _fiscal(text[s:e], iso, fiscal)) for s, e, iso in found]
    return sorted(_open_ended(found, text, published) + events)


_FISCAL_SPAN_RE = re.compile(r"(\d{4})\s*[-–/]\s*(\d{2})")


def _fiscal(surface: str, iso: str, start: int) -> str:
    """'2022-23' in a document whose fiscal year starts in April: 2022-04/2023-03."""
    m = _FISCAL_SPAN_RE.fullmatch(surface.strip())
    if not m or int(m.group(1)) % 100 + 1 != int(m.group(2)) or start == 1:
        return iso
    first = int(m.group(1))
    return f"{first}-{start:02d}/{first + 1}-{start - 1:02d}"


_FISCAL_GLOSS_RE = re.compile(
    rf"\b(\d{{4}})\s*[-–/]\s*\d{{2}}\s*\(\s*(?P<month>{_MONTH})\.?\s+\1\b", re.IGNORECASE
)


@lru_cache(maxsize=64)
def fiscal_start(doc_text: str) -> int | None:
    """The month the document's fiscal years begin: from its own gloss ('2022-23 (April
    2022 to March 2023)'), else from the country it is most about when it says 'fiscal'."""
    gloss = _FISCAL_GLOSS_RE.search(doc_text)
    if gloss:
        return lx.MONTHS[gloss.group("month").lower()]
    if not re.search(r"\bfiscal\b|\bFY\s?\d", doc_text):
        return None
    counts = {c: doc_text.count(c) for c in lx.FISCAL_YEAR_START}
    country = max(counts, key=lambda c: counts[c])
    return lx.FISCAL_YEAR_START[country] if counts[country] else None


_EVENT_RE = re.compile(
    r"\b(?:since|from)\s+the\s+(?:very\s+)?(?:start|beginning|outset|onset)\s+of\s+(?:the\s+)?"
    r"(?P<event>(?:[\w'’-]+\s+){0,3}?(?:war|invasion)(?:\s+(?:in|of|against|with)\s+Ukraine)?)\b"
    r"(?P<until>\s+(?:until|till|to|through)\s+)?",
    re.IGNORECASE,
)


def _event_spans(text: str, doc_text: str, published: str | None) -> list[tuple[int, int, str]]:
    """'since the start of the full-scale invasion' -> 2022-02/<publication month>; 'from the
    beginning of the war until March 2, 2025' -> 2022-02/2025-03-02."""
    out = []
    for m in _EVENT_RE.finditer(text):
        begun = _event_month(m.group("event").lower(), doc_text.lower())
        if begun is None:
            continue
        end, stop = (published or "")[:7], m.end()
        if m.group("until"):
            after = next((d for d in dates_in(text[m.end() :]) if d[0] == 0), None)
            if after is not None:
                end, stop = after[2], m.end() + after[1]
        out.append((m.start(), stop, f"{begun}/{end}" if end else begun))
    return out


def _event_month(event: str, doc_text: str) -> str | None:
    event = re.sub(r"\s+", " ", event)
    for name, month in lx.EVENT_ANCHORS.items():
        if name in event:
            return month
    if event in ("war", "invasion", "full-scale war"):  # the war the document names
        named = [month for name, month in lx.EVENT_ANCHORS.items() if name in doc_text]
        return named[0] if named else None
    return None


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


_COMPARATIVE_SINCE_RE = re.compile(
    r"\b(?:" + "|".join(lx.SINCE_COMPARATIVES) + r")\b(?:\s+[\w'’-]+){0,4}\s+since\s+$",
    re.IGNORECASE,
)


def comparative_since(text: str, start: int) -> bool:
    """'the lowest level since May 2022': the date is a yardstick, it does not date a figure."""
    return _COMPARATIVE_SINCE_RE.search(text[max(0, start - 60) : start]) is not None
