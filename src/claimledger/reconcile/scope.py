"""What decides whether two figures of one concept are the same quantity: who they are
about (the country the figure names or its sentence leads with), when they hold (the
stated time, else the day the article appeared), where they sit in a change ("from X to
Y"), and whether they count a part of something ("among them, 40 ...").

Each feature is read from the figure's own sentence and the stored claim, once per claim.
"""

from __future__ import annotations

import re
from datetime import date

from claimledger import taxonomy
from claimledger.model import Claim
from claimledger.parties import PartyRegistry
from claimledger.reconcile.lexicon import (
    BELOW_RE,
    CHANGE_RE,
    DELIVERY_RE,
    ORDER_RE,
    PART_AFTER_RE,
    PART_BEFORE_RE,
    PARTS_AFTER_WHOLE_RE,
    PHASE_END_RE,
    PHASE_START_RE,
    SPEECH_RE,
)

_WORD_RE = re.compile(r"[a-z]{4,}")
# "from X to Y" only when Y is a figure too ("from 3-4 units to the front" is a destination).
_TO_NUMBER_RE = re.compile(r"^[^.;]{0,80}?\bto\s+(?:[a-z]+\s+){0,3}[$€£]?\d", re.IGNORECASE)
_FROM_NUMBER_RE = re.compile(r"\bfrom\s[^.;]{0,80}\d[^.;]{0,80}$", re.IGNORECASE)
_STEM = 6  # letters that stand for a word when aspects are compared ('education(al)')
SAME_TIME_DAYS = 7  # reports within a week describe one moment
_GENERIC = frozenset(
    {"said", "says", "that", "their", "them", "they", "this", "were", "have", "been",
     "with", "from", "which", "year", "last", "also", "about", "into", "more", "than",
     "people", "according", "ostensibly", "reported", "reportedly", "cent", "percent",
     "billion", "million", "thousand", "hundred"}
)  # fmt: skip


def lead_country(claim: Claim, sentence: str, registry: PartyRegistry) -> str | None:
    """The country a figure is about: one its quote or item names ('North Korean troops'),
    else the first its sentence names before it, reading only what was said when a speech
    verb comes first ('the agency said that North Korea had lost 300'); a source's own
    country ('South Korea's spy agency said') is who speaks, not who is counted."""
    for text in (claim.quote, claim.item or ""):
        for _, _, party in registry.find(text):
            if party.kind == "country":
                return party.name
    before = _before(claim, sentence)
    source = (claim.source or "").casefold().strip()
    found = [
        (start, party.name)
        for start, end, party in registry.find(before)
        if party.kind == "country"
        and (before[start:end].casefold() not in source or before[start:end].casefold() == source)
    ]
    speech = [m.end() for m in SPEECH_RE.finditer(before)]
    if speech:  # who is counted is named in what was said, not around who said it
        found = [(start, name) for start, name in found if start >= speech[-1]]
    return found[0][1] if found else None


def _before(claim: Claim, sentence: str) -> str:
    return sentence[: max(0, claim.start - claim.sent_start)]


def _after(claim: Claim, sentence: str) -> str:
    return sentence[max(0, claim.end - claim.sent_start) :]


def phase_of(claim: Claim, sentence: str) -> str | None:
    """'start' for X and 'end' for Y in 'rose from X to Y'; None otherwise."""
    before = _before(claim, sentence)
    if PHASE_START_RE.search(before) and _TO_NUMBER_RE.match(_after(claim, sentence)):
        return "start"
    if PHASE_END_RE.search(before) and _FROM_NUMBER_RE.search(before):
        return "end"
    return None


def is_part(claim: Claim, sentence: str) -> bool:
    """True for a figure that counts some of a group named before ('among them, 40')."""
    before = _before(claim, sentence)
    if PART_BEFORE_RE.search(before) or PARTS_AFTER_WHOLE_RE.search(before):
        return True
    return bool(PART_AFTER_RE.search(claim.quote + _after(claim, sentence)[:15]))


def _clause(claim: Claim, sentence: str) -> tuple[str, str]:
    at, end = claim.start - claim.sent_start, claim.end - claim.sent_start
    if not sentence or at < 0 or end > len(sentence):
        return "", ""
    return taxonomy.clause_around(sentence, at, end)


def aspects_of(claim: Claim, sentence: str) -> frozenset[str]:
    """Stems of the content words of a figure's clause: what a part is a part by."""
    before, after = _clause(claim, sentence)
    words = _WORD_RE.findall(" ".join((before, claim.quote, after, _after(claim, sentence)
                                       [:80])).casefold())  # fmt: skip
    return frozenset(w[:_STEM] for w in words if w not in _GENERIC)


def is_change(claim: Claim, sentence: str) -> bool:
    """A percent that measures a change ('14 per cent less', 'fell 9 per cent'), not a share;
    the start and end of 'from X to Y' are levels."""
    if claim.unit != "percent" or phase_of(claim, sentence) is not None:
        return False
    _, after = _clause(claim, sentence)
    # The quote's own words ('more than half') are a qualifier, not a change; the verb may
    # stand before an apposition ("fell by $9 million, or 13 per cent").
    return bool(CHANGE_RE.search(" ".join((_before(claim, sentence)[-80:], after[:40]))))


def below_value(claim: Claim) -> bool:
    """'nearly 5 million', 'almost 300': just below the figure, never at or above it."""
    return bool(BELOW_RE.search(claim.quote))


def _day(parts: list[int], end: bool) -> int | None:
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    try:  # a stored date may be anything ('9999-99'): out of range is no date
        if len(parts) > 2:
            day = parts[2]
        elif end:
            day = 31 if month == 12 else (date(year, month + 1, 1) - date(year, month, 1)).days
        else:
            day = 1
        return date(year, month, day).toordinal()
    except (ValueError, OverflowError):
        return None


def day_range(text: str | None) -> tuple[int, int] | None:
    """'2024-12-22' -> that day; '2024-11' -> the month; '2017/2022' -> 2017-01-01..2022-12-31."""
    if not text:
        return None
    pieces = text.split("/")
    try:
        first = [int(x) for x in pieces[0].split("-")[:3]]
        last = [int(x) for x in pieces[-1].split("-")[:3]]
    except ValueError:
        return None
    lo, hi = _day(first, end=False), _day(last, end=True)
    if lo is None or hi is None or not 1000 <= first[0] <= 9999:
        return None
    return lo, hi


def days_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    """0 when two day ranges overlap, else the days between them."""
    if a[0] <= b[1] and b[0] <= a[1]:
        return 0
    return max(a[0] - b[1], b[0] - a[1])


def stage_of(claim: Claim, sentence: str) -> str | None:
    """'order' for a figure agreed, capped or promised, 'delivery' for one carried out: the
    cue nearest the figure decides ("under an agreement signed in 2022 it has taken
    delivery of 46" is a delivery)."""
    _, after = _clause(claim, sentence)
    # The stage is often set once for a list ("the agreements cover 1,000 tanks, 600 guns"):
    # read the whole sentence before the figure, and the figure's own clause after it.
    before = _before(claim, sentence)
    best: tuple[int, str] | None = None
    for pattern, name in ((ORDER_RE, "order"), (DELIVERY_RE, "delivery")):
        for match in pattern.finditer(before):
            distance = len(before) - match.end()
            if best is None or distance < best[0]:
                best = (distance, name)
        for match in pattern.finditer(claim.quote + " " + after):
            distance = max(0, match.start() - len(claim.quote))
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None


def span_days(days: tuple[int, int] | None) -> int | None:
    return None if days is None else days[1] - days[0] + 1
