"""Numbers that are not figures: years, dates, labels, calibres, model names, scores.

The number parser (numbers.py) reads every number; these rules decide which of them
are figure claims in the sense of GUIDELINES.md. Each rule is a named predicate over
one candidate, grouped by the kind of number it applies to, so a rule can be read,
tested and switched off on its own; their words live in lexicon.py. Written by hand:
no library separates "Boeing 737" or "won 3-1" from a count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from claimledger.extract import lexicon as lx


def _words(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@dataclass(frozen=True)
class Candidate:
    """A number the parser read, with what surrounds it in its sentence."""

    text: str
    before: str  # the sentence up to the number (and its currency sign)
    after: str  # the sentence after the number and its scale word
    value: float
    raw: str  # the number as written
    words: bool  # written in words
    scaled: bool
    has_unit: bool
    unit: str
    core_start: int

    @property
    def tail(self) -> int:
        """Where end-anchored searches of `before` start: the last 80 characters suffice."""
        return max(0, len(self.before) - 80)

    @property
    def bare(self) -> bool:
        return not self.has_unit and not self.scaled

    @cached_property
    def prev(self) -> str:
        m = _PREV_WORD_RE.search(self.before, self.tail)
        return m.group(1) if m else ""

    @cached_property
    def nxt(self) -> str:
        m = re.match(r"^[\s-]*([A-Za-z][\w-]*)", self.after)
        return m.group(1).lower() if m else ""


Rule = Callable[[Candidate], bool]

_PREV_WORD_RE = re.compile(r"([A-Za-z][\w.'&-]*)\s*$")

_MONTH_RE = _words(lx.MONTHS)
_DATE_BEFORE_RE = re.compile(rf"\b(?:{_MONTH_RE})\.?\s+$", re.IGNORECASE)
_DATE_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\b", re.IGNORECASE)
_TIME_AFTER_RE = re.compile(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|hrs\b|:\d)", re.I)
_COMPOUND_RE = re.compile(rf"^-(?:{_words(lx.COMPOUND_NOUNS)})\b", re.IGNORECASE)
_EVENT_RE = re.compile(rf"^(?:m|km|metres?)[\s-]+(?:{_words(lx.EVENT_NOUNS)})\b", re.IGNORECASE)
_EVENT_AFTER_RE = re.compile(rf"^[\s-]+(?:{_words(lx.EVENT_NOUNS)})\b", re.IGNORECASE)
_INSTRUMENT_RE = re.compile(
    rf"^[\s-]+(?:year|month)[\s-]+(?:{_words(lx.INSTRUMENT_NOUNS)})\b", re.IGNORECASE
)
_SCALE_OF_RE = re.compile(
    r"\b(?:level|grade|category)\s+\d+\s+on\s+a\s+scale\s+of\s+$|"
    r"\bon\s+a\s+scale\s+of\s+$",
    re.IGNORECASE,
)
_THE_NAME_RE = re.compile(r"\bthe\s+(?:[A-Z][\w-]*\s){1,2}$")
_COUNTED_NOUN_RE = re.compile(r"^\s+(?:[a-z][\w'-]*\s+)?[a-z][\w-]*s\b|^\s*%|^\s+(?:per|a|of)\b")
_RANK_BEFORE_RE = re.compile(rf"\b(?:{_words(lx.RANK_WORDS)})\s+$", re.IGNORECASE)
_PART_OF_RE = re.compile(rf"^\s+of\s+(?:{_words(lx.PART_OF_DETERMINERS)})\b", re.IGNORECASE)
_TIME_OF_DAY_RE = re.compile(r"^\s+in\s+the\s+(?:morning|afternoon|evening)\b|^\s+o'clock\b")
_MULTIPLIER_RE = re.compile(
    rf"^\s?(?:fold\b|x\b|times\s+(?:{_words(lx.MULTIPLIER_FOLLOWERS)})\b)|^-fold\b",
    re.IGNORECASE,
)
_STREET_RE = re.compile(rf"^\s+(?:[A-Z][\w'’-]+\s+){{1,3}}(?i:{_words(lx.STREET_WORDS)})\b\.?")
_SCORE_RE = re.compile(r"^\s?[-–]\s?(\d{1,3})\b(?![.,]\d)")
_SCORE_BEFORE_RE = re.compile(r"(\d{1,3})\s?[-–]\s?$")
_SCORE_CONTEXT_RE = re.compile(rf"\b(?:{_words(lx.SCORE_WORDS)})\b", re.IGNORECASE)
_CALIBRE_RE = re.compile(
    rf"^\s?-?\s?(?:{_words(lx.CALIBRE_FOLLOWERS)})(?![\w.])"
    r"(?:,?\s+(?:and|or|to)\s+\d+(?:\.\d+)?\s?-?(?:mm|cm)\b)*"  # "152mm and 122 mm shells"
    rf"(?:[\s-]+(?!(?:{_words(lx.MEASURE_LINKS)})\b|[a-z]+ly\b)[a-z]"
    r"|\s+(?:calibre|caliber))",
    re.IGNORECASE,
)


_YEAR_SPAN_RE = re.compile(r"\b(?:1[89]|20)\d{2}\s?[-–/]\s?$")


def _year(c: Candidate) -> bool:
    """A year used as an anchor ('in 2022'), or the first year of a span ('2018-19')."""
    if c.bare and re.fullmatch(r"\d{2}", c.raw) and _YEAR_SPAN_RE.search(c.before, c.tail):
        return True  # the "23" of "2022-23"
    if not (c.bare and re.fullmatch(r"\d{4}", c.raw)):
        return False
    if 1500 <= c.value <= 2100 and not _after_non_year(c.before):
        return True
    return 1800 <= c.value <= 2100 and re.match(r"^\s*[-–/]\s*\d{2,4}\b", c.after) is not None


def _after_non_year(before: str) -> bool:
    """True after '1200-': the number ends a count range; after '2018–' it is a year too."""
    m = re.search(r"(\d[\d,]*)\s*[-–]\s*$", before)
    if m is None:
        return False
    low = m.group(1).replace(",", "")
    return not (len(low) == 4 and 1800 <= int(low) <= 2100)


def _date(c: Candidate) -> bool:
    return bool(_DATE_BEFORE_RE.search(c.before, c.tail) or _DATE_AFTER_RE.match(c.after))


def _time_of_day(c: Candidate) -> bool:
    return bool(_TIME_AFTER_RE.match(c.after) or _TIME_OF_DAY_RE.match(c.after))


def _numbered(c: Candidate) -> bool:
    """'#5', 'No. 12', 'Article 5', 'resolution 2397': a name, not a count."""
    if not c.bare:
        return False
    if c.before.endswith(("#", "No. ", "no. ")):
        return True
    label = c.prev.lower().rstrip(".")
    if c.prev and c.prev[0].isupper() and label in lx.LABEL_WORDS:
        return True
    return label in lx.ALWAYS_LABEL_WORDS


def _model_name(c: Candidate) -> bool:
    """'Boeing 737', 'FTSE 100', 'iPhone 15': a product, aircraft or index named by number."""
    if not c.bare or "," in c.raw or c.words:
        return False
    if c.prev.lower().rstrip(".") in lx.MODEL_NAME_WORDS and c.before.endswith(c.prev + " "):
        return True
    # "the Zento 15, ...": a capitalised name and a number after "the", counting nothing.
    return (
        _THE_NAME_RE.search(c.before, c.tail) is not None
        and _COUNTED_NOUN_RE.match(c.after) is None
    )


def _footnote(c: Candidate) -> bool:
    return c.before.endswith("[") and c.after.startswith("]")


def _paragraph_number(c: Candidate) -> bool:
    """A paragraph number opening the sentence: '47. The panel ...'."""
    return c.bare and not c.before.strip() and re.match(r"^[.)]\s+\S", c.after) is not None


def _compound(c: Candidate) -> bool:
    """'a 12-part series', 'a five-door car', 'the 100m final', '10-year gilts': a kind."""
    return bool(
        _COMPOUND_RE.match(c.after)
        or _EVENT_RE.match(c.after)
        or (re.search(r"\d(?:m|km)$", c.raw) is not None and _EVENT_AFTER_RE.match(c.after))
        or re.match(r"^\s+on\s+a\s+scale\s+of\b", c.after)
        or _INSTRUMENT_RE.match(c.after)
        or _SCALE_OF_RE.search(c.before, c.tail)
    )


def _calibre(c: Candidate) -> bool:
    """'152mm ammunition', '155-mm howitzer'; '12 cm (4.7 inches)' stays a length."""
    if _CALIBRE_RE.match(c.after):
        return True
    return c.bare and "," not in c.raw and c.value < 1000 and c.nxt in ("ammunition", "ammo")


def _rank(c: Candidate) -> bool:
    return _RANK_BEFORE_RE.search(c.before, c.tail) is not None


def _ordinal(c: Candidate) -> bool:
    return re.match(r"^(?:st|nd|rd|th)\b", c.after) is not None


def _street_address(c: Candidate) -> bool:
    """'10 Downing Street', '221 Baker St.': a house number."""
    return c.bare and not c.words and _STREET_RE.match(c.after) is not None


def _score(c: Candidate) -> bool:
    """'won 3-1', 'a 2-0 defeat': a score written as a pair, not a range or two counts."""
    if not c.bare or c.words or c.value > 200:
        return False
    after, before = _SCORE_RE.match(c.after), _SCORE_BEFORE_RE.search(c.before, c.tail)
    if after is None and before is None:
        return False
    if after is not None and float(after.group(1)) <= c.value and before is None:
        return True  # '3-1': a falling pair is never a range
    if before is not None and float(before.group(1)) >= c.value and after is None:
        return True
    window = c.before[-40:] + " " + c.after[:40]
    return _SCORE_CONTEXT_RE.search(window) is not None


def _lone_word(c: Candidate) -> bool:
    """'one', a lone 'hundred' or 'million', 'a': words, not figures."""
    low = c.raw.lower().strip()
    return (low == "one" and c.bare) or low in lx.SCALE_WORDS or low in ("a", "an")


def _word_rank(c: Candidate) -> bool:
    return c.bare and c.prev.lower() in ("top", "bottom", "number", "no.")


def _meta_count(c: Candidate) -> bool:
    """'two factors', 'three reasons': counts of the article's own points."""
    return c.bare and c.value <= 10 and c.nxt in lx.META_COUNT_NOUNS


def _part_of(c: Candidate) -> bool:
    """'two of the', a part-of phrase with no count of its own."""
    return c.bare and c.nxt == "of" and _PART_OF_RE.match(c.after) is not None


def _pair(c: Candidate) -> bool:
    """'the two nations', 'both sides': the two sides of a relation."""
    if not (c.bare and c.value <= 10):
        return False
    pm = re.match(r"^\s+(?P<a>[\w'’-]+)(?:\s+(?P<b>[\w'’-]+))?", c.after)
    nouns = {(pm.group("a") or "").lower(), (pm.group("b") or "").lower()} if pm else set()
    nouns = {re.sub(r"['’]s?$", "", n) for n in nouns}
    determiner = re.search(r"\b(?:the|both|these|those|all)\s+$", c.before, re.IGNORECASE)
    if nouns & lx.META_PAIR_NOUNS and (
        c.value == 2 or (determiner is not None and determiner.group(0).lower().startswith("both"))
    ):
        return True
    return c.value == 2 and re.search(r"\bthe\s+$", c.before, re.IGNORECASE) is not None


def _multiplier(c: Candidate) -> bool:
    """'threefold', '3x', '5 times more': a ratio, not a quantity."""
    return _MULTIPLIER_RE.match(c.after) is not None


_FRAME_HEDGES = _words({*lx.TIME_FRAME_HEDGES, *lx.QUALIFIERS_BEFORE})
_ANCHOR_BEFORE_RE = re.compile(
    rf"\b(?:{_words(lx.DURATION_ANCHORS_BEFORE)})\s+(?:(?:{_FRAME_HEDGES})\s+)*$", re.IGNORECASE
)
_FRAME_BEFORE_RE = re.compile(
    rf"\b(?:{_words(lx.TIME_FRAME_PREPOSITIONS)})\s+(?:(?:{_FRAME_HEDGES})\s+)*$"
    rf"|\bover\s+(?:{_words(lx.OVER_FRAME_DETERMINERS)})\s+(?:(?:{_FRAME_HEDGES})\s+)*$"
    rf"|(?:^|[,;:]\s*)over\s+(?:(?:{_FRAME_HEDGES})\s+)*$"
    rf"|\b(?:{_words(lx.FRAME_SUPERLATIVES)})\b[^,;.]{{0,60}}\bin\s+(?:(?:{_FRAME_HEDGES})\s+)*$",
    re.IGNORECASE,
)
_ATTRIBUTIVE_RE = re.compile(r"^[\s-]*(?:year|month|week|day|hour)[\s-]+(?P<n>[a-z]+(?: frame)?)\b")
_FRAME_AFTER_RE = re.compile(
    r"^[\s-]*[A-Za-z]+\.?(?:\s+or\s+(?:so|more|less))?"
    rf"[\s-]+(?P<a>{_words(lx.DURATION_ANCHORS_AFTER)})\b",
    re.IGNORECASE,
)


def _time_frame(c: Candidate) -> bool:
    """'within only two weeks', 'over a ten-week span', 'five years ago': the
    duration dates the clause (its `when`); 'jailed for 5 years' or 'lasted over two
    years' assert it and stay figures (GUIDELINES.md)."""
    if c.unit not in lx.DURATION_UNITS:
        return False
    if re.match(r"^[\s-]*[A-Za-z]+[\s-]+old\b|^-old\b", c.after):
        return False  # an age: "a 54-year-old", "seven years old"
    if _ANCHOR_BEFORE_RE.search(c.before, c.tail):
        return True
    if c.unit in lx.TIME_FRAME_UNITS and _FRAME_BEFORE_RE.search(c.before, c.tail):
        attributive = _ATTRIBUTIVE_RE.match(c.after) if c.value != 1 else None
        return attributive is None or attributive.group("n") in lx.TIME_FRAME_NOUNS
    m = _FRAME_AFTER_RE.match(c.after)
    if m is None:
        return False
    # "jailed for 11 years on Friday": "on" dates the claim, not the duration
    return not (m.group("a").lower() == "on" and re.match(r"\s+(?:[A-Z]|\d)", c.after[m.end() :]))


# Rules by the kind of number they apply to, in the order they are tried.
DIGIT_RULES: tuple[tuple[str, Rule], ...] = (
    ("year", _year),
    ("date", _date),
    ("time of day", _time_of_day),
    ("numbered", _numbered),
    ("model name", _model_name),
    ("footnote", _footnote),
    ("paragraph number", _paragraph_number),
    ("compound", _compound),
    ("calibre", _calibre),
    ("rank", _rank),
    ("ordinal", _ordinal),
    ("street address", _street_address),
    ("score", _score),
)
WORD_RULES: tuple[tuple[str, Rule], ...] = (
    ("lone word", _lone_word),
    ("rank", _word_rank),
    ("meta count", _meta_count),
    ("part of", _part_of),
    ("compound", _compound),
)
ANY_RULES: tuple[tuple[str, Rule], ...] = (
    ("pair", _pair),
    ("time of day", _time_of_day),
    ("multiplier", _multiplier),
    ("time frame", _time_frame),
)


def reason(c: Candidate) -> str | None:
    """The name of the first rule that makes `c` not a figure, or None for a figure."""
    for name, rule in (*(WORD_RULES if c.words else DIGIT_RULES), *ANY_RULES):
        if rule(c):
            return name
    return None
