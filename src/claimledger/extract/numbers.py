"""Find quantities in a sentence: value or range, qualifier, unit, rate, with exact offsets.

Written by hand because no maintained Python library parses news quantities with
their qualifiers, distributed ranges ("$1 to $2 billion") and vague counts and keeps
exact character offsets; spaCy's `like_num` only flags tokens. It works on plain
text so that it can run on every sentence cheaply, before any parsing.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, replace

from claimledger.extract import lexicon as lx

log = logging.getLogger(__name__)

# The largest magnitude a figure may have. No news figure comes near it (world GDP is
# about 1e14 USD); anything beyond is a digit string, not a claim, and storing it would
# give the ledger floats that overflow (a 400-digit number is float infinity).
MAX_MAGNITUDE = 1e15


def bounded(value: float | None) -> float | None:
    """`value` when it is a finite number within MAX_MAGNITUDE, else None."""
    if value is None or not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        return None
    return value


def _within_bounds(q: Quantity) -> bool:
    return all(v is None or bounded(v) is not None for v in (q.value, q.low, q.high))


@dataclass(frozen=True)
class Quantity:
    """A number found in text; `start`/`end` span the quote, `core_*` the number itself."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str = "count"
    per: str | None = None
    vague: bool = False
    currency: bool = False
    scaled: bool = False  # carried a scale word or abbreviation (million, bn)
    words: bool = False  # written in words (seventy), not digits
    has_unit_word: bool = False  # an explicit unit or currency, not a bare count


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_WORD_NUMBER_TOKENS = list(lx.UNITS_WORDS) + list(lx.TENS_WORDS) + list(lx.SCALE_WORDS) + ["dozen"]
_WORD_TOKEN = _alternation(_WORD_NUMBER_TOKENS)
_SCALE_ABBR = _alternation([k for k in lx.SCALE_ABBREVIATIONS if k.isalpha()])
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"

CORE_RE = re.compile(
    rf"""
    (?P<digits>(?<![A-Za-z])(?<![A-Za-z]-)(?<![/#:.\d,])(?:{_DIGITS}))
        (?P<abbr>(?:{_SCALE_ABBR})\b)?(?![\w/]|\.\d|,\d)
    | (?P<words>\b(?:(?:half\s+an?|a)\s+(?:hundred|thousand|million|billion|trillion|dozen)
        |(?:{_WORD_TOKEN}))(?:(?:\s+and\s+a\s+half|[\s-]+(?:{_WORD_TOKEN})
        |(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))\s+and\s+
         (?:{_WORD_TOKEN})))*\b)
    """,
    re.VERBOSE | re.IGNORECASE,
)
VAGUE_RE = re.compile(rf"\b(?:{_alternation(list(lx.VAGUE_QUANTITIES))})\b", re.IGNORECASE)
FRACTION_RE = re.compile(
    rf"\b(?:{_alternation([k for k in lx.FRACTION_WORDS if k != 'half'])}|half)\b", re.IGNORECASE
)
_SPACED_SCALES = [*lx.SCALE_WORDS, "bn", "mn", "tn", "mln", "bln", "lakh", "crore"]
_SPACED_SCALE_RE = re.compile(
    rf"\s*-?\s*({_alternation(_SPACED_SCALES)})\b",
    re.IGNORECASE,
)
_CURRENCY_PREFIX_RE = re.compile(rf"(?:{_alternation(list(lx.CURRENCY_PREFIXES))})\s?$")
_QUALIFIER_BEFORE_RE = re.compile(
    rf"\b(?:{_alternation(list(lx.QUALIFIERS_BEFORE))})\s+$", re.IGNORECASE
)
_UNIT_WORDS_RE = _alternation(list(lx.CURRENCY_WORDS) + list(lx.UNIT_WORDS))
_UNIT_AFTER_RE = re.compile(
    rf"^(?:\s|-(?=[a-z]{{3}}))?(?:of\s+)?(?P<u>{_UNIT_WORDS_RE})(?![\w$])",
    re.IGNORECASE,
)
_RATE_AFTER_RE = re.compile(
    rf"^,?\s+(?P<r>{_alternation(list(lx.RATE_PHRASES))})\b"
    r"(?!\s+(?:earlier|ago|later|previously)\b)",  # "a year earlier" is a date, not a rate
    re.IGNORECASE,
)
_QUALIFIER_AFTER_RE = re.compile(
    rf"^\s+(?P<q>{_alternation(list(lx.QUALIFIERS_AFTER))})\b", re.IGNORECASE
)
_RATE_BEFORE_RE = re.compile(
    rf"\b(?P<a>{_alternation(list(lx.RATE_ADJECTIVES))})\s+(?:\w+\s+)?"
    r"(?:rate|growth|increase|pace|average)\s+of\s+$",
    re.IGNORECASE,
)
_MONTH_RE = _alternation(list(lx.MONTHS))
_DATE_BEFORE_RE = re.compile(rf"\b(?:{_MONTH_RE})\.?\s+$", re.IGNORECASE)
_DATE_AFTER_RE = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\b", re.IGNORECASE)
_TIME_AFTER_RE = re.compile(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|hrs\b|:\d)", re.I)
_RANGE_JOIN_RE = re.compile(r"^\s*(?:-|–|—|to|or)\s*$", re.IGNORECASE)
_CHANGE_BEFORE_RE = re.compile(
    r"\b(?:expand|expanded|expanding|rose|rise|rising|risen|grew|grow|growing|grown|increase[sd]?|"
    r"increasing|jump(?:ed|ing)?|fell|fall(?:en|ing)?|drop(?:ped|ping)?|climb(?:ed|ing)?|"
    r"declin(?:e|ed|ing)|soar(?:ed|ing)?|doubl(?:e|ed|ing)|shr[ua]nk|shrinking|went|go(?:ne|ing)?|"
    r"surg(?:e|ed|ing)|swell(?:ed)?|swollen|cut|rais(?:e|ed|ing)|boost(?:ed)?|reduc(?:e|ed|ing)|"
    r"upgraded|downgraded|revised|changed)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_PAIR_META_RE = re.compile(r"^\s+(?P<a>[\w'’-]+)(?:\s+(?P<b>[\w'’-]+))?", re.IGNORECASE)


def parse_word_number(text: str) -> float | None:
    """Value of a number written in words: 'seventy', 'two and a half million', 'a dozen'."""
    tokens = re.findall(r"[a-z]+", text.lower())
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for i, tok in enumerate(tokens):
        if tok in lx.UNITS_WORDS:
            current += lx.UNITS_WORDS[tok]
        elif tok in lx.TENS_WORDS:
            current += lx.TENS_WORDS[tok]
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in lx.SCALE_WORDS:
            total += (current or 1) * lx.SCALE_WORDS[tok]
            current = 0
        elif tok == "an" and i > 0 and tokens[i - 1] == "half":
            continue
        elif tok == "half" and i > 0 and tokens[i - 1] == "a":
            current += 0.5
        elif tok == "half" and i == 0:
            current = 0.5
        elif tok in ("and", "a"):
            continue
        else:
            return None
        if bounded(total + current) is None:
            return None  # "hundred hundred hundred ...": past any figure
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """Value of a number in digits or words, with scale: '1.4bn', '5 million', 'seventy'."""
    text = text.strip()
    m = re.fullmatch(rf"(?P<d>{_DIGITS})\s*(?P<s>[A-Za-z]+)?", text.replace("\u00a0", " "))
    if m:
        value = float(m.group("d").replace(",", ""))
        scale = (m.group("s") or "").lower()
        if scale:
            if scale not in lx.SCALE_ABBREVIATIONS:
                return None
            value *= lx.SCALE_ABBREVIATIONS[scale]
        return bounded(value)
    return parse_word_number(text)


def find_quantities(text: str) -> list[Quantity]:
    """Every figure-like quantity in `text`, in order, without overlaps."""
    found: list[Quantity] = []
    for m in VAGUE_RE.finditer(text):
        q = _vague(text, m)
        if q is not None:
            found.append(q)
    taken = [(q.start, q.end) for q in found]
    for m in FRACTION_RE.finditer(text):
        q = _fraction(text, m)
        if q is not None and not _overlaps(q.core_start, q.core_end, taken):
            found.append(q)
            taken.append((q.start, q.end))
    singles: list[Quantity] = []
    consumed = 0  # a scale word read with the number before ("5 million") is not a number
    for m in CORE_RE.finditer(text):
        if m.start() < consumed or _overlaps(m.start(), m.end(), taken):
            continue
        q = _single(text, m)
        if q is not None:
            singles.append(q)
            consumed = q.core_end
    found.extend(_merge_ranges(text, singles))
    found.sort(key=lambda q: q.start)
    return [q for q in _drop_overlaps(found) if _reported_if_unbounded(text, q)]


def _reported_if_unbounded(text: str, q: Quantity) -> bool:
    """True for a figure within bounds; one beyond them is logged and skipped."""
    if _within_bounds(q):
        return True
    log.warning("skipped a figure beyond %.0e: %r", MAX_MAGNITUDE, text[q.start : q.end][:80])
    return False


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _drop_overlaps(quantities: list[Quantity]) -> list[Quantity]:
    kept: list[Quantity] = []
    for q in quantities:
        if kept and q.start < kept[-1].end:
            if (q.end - q.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = q
            continue
        kept.append(q)
    return kept


def _vague(text: str, m: re.Match[str]) -> Quantity | None:
    phrase = re.sub(r"\s+", " ", m.group(0).lower())
    low, high, unit = lx.VAGUE_QUANTITIES[phrase]
    start, end = m.start(), m.end()
    before = text[:start]
    if re.search(r"\b(?:the|a|several|many)\s+$", before, re.IGNORECASE):
        return None  # "the thousands who fled" still counts, but "a hundreds" is noise
    after = text[end:]
    currency = False
    if unit == "count":
        cm = re.match(
            rf"^\s+of\s+(?P<u>{_alternation(list(lx.CURRENCY_WORDS))})\b", after, re.IGNORECASE
        )
        if cm:
            unit, currency = lx.CURRENCY_WORDS[cm.group("u").lower()], True
            end += cm.end()
        elif re.match(r"^\s+of\s+(?:tons|tonnes)\b", after, re.IGNORECASE):
            unit = "t"
    elif re.match(r"^\s+(?:ago|old|later|earlier)\b", after, re.IGNORECASE):
        return None
    qualifier = "range"
    return Quantity(
        start=start,
        end=end,
        core_start=m.start(),
        core_end=m.end(),
        value=None,
        low=float(low),
        high=float(high),
        qualifier=qualifier,
        unit=unit,
        vague=True,
        currency=currency,
        words=True,
        has_unit_word=unit != "count",
    )


def _fraction(text: str, m: re.Match[str]) -> Quantity | None:
    phrase = re.sub(r"\s+", " ", m.group(0).lower())
    value = lx.FRACTION_WORDS.get(phrase, lx.FRACTION_WORDS.get(phrase.replace("-", " ")))
    if value is None:
        return None
    before = text[: m.start()]
    after = text[m.end() :]
    if re.search(rf"\b(?:{'|'.join(lx.FRACTION_ORDINAL_BLOCKERS)})\s+$", before, re.I):
        return None
    if re.match(
        r"^[\s-]+(?:an?\s+)?(?:hour|day|week|month|year|time|way|century|decade)", after, re.I
    ):
        return None
    qm = _QUALIFIER_BEFORE_RE.search(before)
    has_of = re.match(r"^\s+of\b", after, re.IGNORECASE) is not None
    by_change = re.search(r"\bby\s+$", before, re.IGNORECASE) is not None  # "rose by a third"
    if qm is None and not has_of and not by_change:
        return None  # a bare "half" is rarely a figure: "in half", "half-hearted"
    start = qm.start() if qm else m.start()
    qualifier = lx.QUALIFIERS_BEFORE[qm.group(0).strip().lower()] if qm else "exact"
    return Quantity(
        start=start,
        end=m.end(),
        core_start=m.start(),
        core_end=m.end(),
        value=value,
        qualifier=qualifier,
        unit="percent",
        words=True,
        has_unit_word=True,
    )


def _single(text: str, m: re.Match[str]) -> Quantity | None:
    core_start, core_end = m.start(), m.end()
    raw = m.group(0)
    words = m.group("words") is not None
    scaled = False
    if words:
        value = parse_word_number(raw)
        scaled = any(w in raw.lower() for w in ("thousand", "million", "billion", "trillion"))
    else:
        value = float(m.group("digits").replace(",", ""))
        abbr = m.group("abbr")
        if abbr:
            value *= lx.SCALE_ABBREVIATIONS[abbr.lower()]
            scaled = True
    if value is None:
        return None
    after = text[core_end:]
    sm = _SPACED_SCALE_RE.match(after)
    if sm and not scaled:
        word = sm.group(1).lower()
        value *= lx.SCALE_WORDS.get(word) or lx.SCALE_ABBREVIATIONS[word]
        core_end += sm.end()
        after = text[core_end:]
        scaled = True
    before = text[:core_start]
    start, end = core_start, core_end
    currency_code = None
    cm = _CURRENCY_PREFIX_RE.search(before)
    if cm and (
        cm.group(0).strip() not in ("Rs", "c.") or not before[cm.start() - 1 : cm.start()].isalpha()
    ):
        sign = cm.group(0).strip()
        if sign in lx.CURRENCY_PREFIXES and not re.search(r"[A-Za-z]\Z", before[: cm.start()]):
            currency_code = lx.CURRENCY_PREFIXES[sign]
            start = cm.start()
            before = text[:start]
    negative = False
    if re.search(r"(?:^|[\s(])[-−]$", before) or re.search(r"\bminus\s+$", before, re.I):
        negative = True
        start = len(before.rstrip()) - (5 if before.rstrip().lower().endswith("minus") else 1)
        before = text[:start]
    unit = "count"
    has_unit = currency_code is not None
    um = _UNIT_AFTER_RE.match(after)
    if um and currency_code is None:
        word = um.group("u").lower()
        if word in lx.CURRENCY_WORDS and not (word == "won" and not scaled and words):
            currency_code = lx.CURRENCY_WORDS[word]
            end = core_end + um.end()
            has_unit = True
        elif word in lx.UNIT_WORDS and not um.group(0).lower().lstrip().startswith("of"):
            unit = lx.UNIT_WORDS[word]
            end = core_end + um.end()
            has_unit = True
    elif um and currency_code is not None and um.group("u").lower() in lx.CURRENCY_WORDS:
        end = core_end + um.end()  # "$5 million dollars"
    if currency_code is not None:
        unit = currency_code
    if not _keep(text, before, after, value, raw, words, scaled, has_unit, unit, core_start):
        return None
    if negative:
        value = -value
    qualifier = "exact"
    qm = _QUALIFIER_BEFORE_RE.search(before)
    if qm:
        qualifier = lx.QUALIFIERS_BEFORE[re.sub(r"\s+", " ", qm.group(0).strip().lower())]
        start = qm.start()
    qa = _QUALIFIER_AFTER_RE.match(text[end:])
    if qa:
        qualifier = lx.QUALIFIERS_AFTER[qa.group("q").lower()]
        end += qa.end()
    per = None
    rm = _RATE_AFTER_RE.match(text[end:])
    if rm and unit not in lx.DURATION_UNITS:
        per = lx.RATE_PHRASES[re.sub(r"\s+", " ", rm.group("r").lower())]
        end += rm.end()
    rb = _RATE_BEFORE_RE.search(text[:start])
    if rb and per is None:
        per = lx.RATE_ADJECTIVES[rb.group("a").lower()]
        start = rb.start()
    if unit in lx.DURATION_UNITS and _is_time_anchor(text[:start], text[end:]):
        return None
    return Quantity(
        start=start,
        end=end,
        core_start=core_start,
        core_end=core_end,
        value=value,
        qualifier=qualifier,
        unit=unit,
        per=per,
        currency=currency_code is not None,
        scaled=scaled,
        words=words,
        has_unit_word=has_unit,
    )


def _is_time_anchor(before: str, after: str) -> bool:
    anchors = "|".join(lx.DURATION_ANCHORS_BEFORE)
    if re.search(rf"\b(?:{anchors})\s+$", before, re.IGNORECASE):
        return True
    anchors_after = "|".join(lx.DURATION_ANCHORS_AFTER)
    return re.match(rf"^[\s-]+(?:{anchors_after})\b", after, re.IGNORECASE) is not None


def _keep(
    text: str,
    before: str,
    after: str,
    value: float,
    raw: str,
    words: bool,
    scaled: bool,
    has_unit: bool,
    unit: str,
    core_start: int,
) -> bool:
    """False for numbers that are not figures: years, dates, calibres, labels, meta-counts."""
    bare = not has_unit and not scaled
    prev_word = re.search(r"([A-Za-z][\w.'-]*)\s*$", before)
    prev = prev_word.group(1) if prev_word else ""
    next_word = re.match(r"^[\s-]*([A-Za-z][\w-]*)", after)
    nxt = next_word.group(1).lower() if next_word else ""
    if not words:
        if (
            bare
            and re.fullmatch(r"\d{4}", raw)
            and 1500 <= value <= 2100
            and not _after_non_year(before)
        ):
            return False  # a year used as an anchor
        if (
            bare
            and re.fullmatch(r"\d{4}", raw)
            and 1800 <= value <= 2100
            and re.match(r"^\s*[-–/]\s*\d{2,4}\b", after)
        ):
            return False
        if _DATE_BEFORE_RE.search(before) or _DATE_AFTER_RE.match(after):
            return False
        if _TIME_AFTER_RE.match(after):
            return False
        if bare and before.endswith(("#", "No. ", "no. ")):
            return False
        label = prev.lower().rstrip(".")
        if (
            bare
            and prev
            and ((prev[0].isupper() and label in lx.LABEL_WORDS) or label in lx.ALWAYS_LABEL_WORDS)
        ):
            return False  # "Article 5", "resolution 2397": a name, not a count
        if before.endswith("[") and after.startswith("]"):
            return False  # a footnote marker
        if bare and not before.strip() and re.match(r"^[.)]\s+\S", after):
            return False  # a paragraph number opening the sentence: "47. The panel ..."
        if re.match(r"^-(?:part|page|point|step|episode|chapter|storey|story)\b", after):
            return False  # "a 12-part series"
        if re.match(r"^\s?-?\s?(?:mm|cm)\b", after, re.IGNORECASE) or nxt in lx.CALIBRE_FOLLOWERS:
            return False
        if bare and "," not in raw and value < 1000 and nxt in ("ammunition", "ammo"):
            return False
        if re.search(r"\b(?:top|bottom|ranked|ranks|rank|number|no\.)\s+$", before, re.I):
            return False
        if re.match(r"^(?:st|nd|rd|th)\b", after):
            return False
    else:
        low = raw.lower().strip()
        if low == "one" and bare:
            return False
        if low in lx.SCALE_WORDS:
            return False  # a lone "hundred" or "million" is a word, not a figure
        if low in ("a", "an"):
            return False
        if bare and prev.lower() in ("top", "bottom", "number", "no."):
            return False
        if bare and value <= 10 and nxt in lx.META_COUNT_NOUNS:
            return False
        if (
            bare
            and nxt == "of"
            and re.match(r"^\s+of\s+(?:the|them|these|those|us|our|its|their)\b", after, re.I)
        ):
            return False  # "two of the", a part-of phrase with no count of its own
    if bare and value <= 10:
        pm = _PAIR_META_RE.match(after)
        nouns = {(pm.group("a") or "").lower(), (pm.group("b") or "").lower()} if pm else set()
        nouns = {re.sub(r"['’]s?$", "", n) for n in nouns}
        determiner = re.search(r"\b(?:the|both|these|those|all)\s+$", before, re.IGNORECASE)
        if nouns & lx.META_PAIR_NOUNS and (
            value == 2 or (determiner and determiner.group(0).lower().startswith("both"))
        ):
            return False
        if value == 2 and re.search(r"\bthe\s+$", before, re.IGNORECASE) and not has_unit:
            return False  # "the two chambers", "the two juntas": a known pair, not a count
    if re.match(r"^\s+in\s+the\s+(?:morning|afternoon|evening)\b|^\s+o'clock\b", after):
        return False  # a time of day
    multiplier = re.match(
        r"^\s?(?:fold\b|x\b|times\s+(?:more|less|larger|higher|bigger|smaller|greater|lower|as|"
        r"the|over|faster|cheaper|fewer|that|what)\b)",
        after,
        re.IGNORECASE,
    )
    return not (multiplier or re.match(r"^-fold\b", after))


def _after_non_year(before: str) -> bool:
    """True after '1200-': the number ends a count range; after '2018–' it is a year too."""
    m = re.search(r"(\d[\d,]*)\s*[-–]\s*$", before)
    if m is None:
        return False
    low = m.group(1).replace(",", "")
    return not (len(low) == 4 and 1800 <= int(low) <= 2100)


def _merge_ranges(text: str, singles: list[Quantity]) -> list[Quantity]:
    """Join neighbours into ranges ('3-4', '$1 to $2 billion', 'between 20,000 and 50,000')."""
    out: list[Quantity] = []
    i = 0
    while i < len(singles):
        a = singles[i]
        b = singles[i + 1] if i + 1 < len(singles) else None
        if b is not None:
            joined = _join(text, a, b)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(_abbreviated_range(text, a) or a)
        i += 1
    return out


_ABBR_TAIL_RE = re.compile(rf"[-–]\s*(\d+(?:\.\d+)?)({_SCALE_ABBR})\b(?![\w/])", re.IGNORECASE)


def _abbreviated_range(text: str, a: Quantity) -> Quantity | None:
    """'5k-20k', '$1.5m-2m': the upper bound hides behind a letter and a hyphen."""
    if not a.scaled or a.words or a.value is None:
        return None
    m = _ABBR_TAIL_RE.match(text, a.core_end)
    if m is None:
        return None
    high = float(m.group(1)) * lx.SCALE_ABBREVIATIONS[m.group(2).lower()]
    if high <= a.value:
        return None
    return replace(
        a, end=m.end(), core_end=m.end(), value=None, low=a.value, high=high, qualifier="range"
    )


def _join(text: str, a: Quantity, b: Quantity) -> Quantity | None:
    gap = text[a.end : b.start]
    between = re.search(r"\bbetween\s+$", text[: a.start], re.IGNORECASE)
    from_m = re.search(r"\b(?:anywhere\s+)?from\s+$", text[: a.start], re.IGNORECASE)
    if between and re.fullmatch(r"\s+and\s+", gap):
        start = between.start()
    elif _RANGE_JOIN_RE.fullmatch(gap) and b.qualifier == "exact":
        if gap.strip().lower() == "or" and not (a.words and b.words):
            return None
        if (
            from_m
            and gap.strip().lower() == "to"
            and _CHANGE_BEFORE_RE.search(text[: from_m.start()])
        ):
            return None  # "expanded from five to ten members": two figures
        if gap.strip().lower() == "to" and a.unit != b.unit and a.has_unit_word:
            return None
        start = a.start
        if from_m and gap.strip().lower() == "to":
            start = from_m.start() if from_m.group(0).lower().startswith("anywhere") else a.start
    else:
        return None
    low, high = a.value, b.value
    if low is None or high is None:
        return None
    if not a.scaled and b.scaled:
        # The scale is written once for both ends: "$1 to $2 billion", "3-4 million".
        factor = _scale_of(b)
        if factor and low * factor <= high * 1.0001:
            low *= factor
    if low > high:
        return None
    unit = b.unit if b.has_unit_word else a.unit
    per = b.per or a.per
    return Quantity(
        start=start,
        end=b.end,
        core_start=a.core_start,
        core_end=b.core_end,
        value=None,
        low=low,
        high=high,
        qualifier="range",
        unit=unit,
        per=per,
        currency=a.currency or b.currency,
        scaled=a.scaled or b.scaled,
        words=a.words and b.words,
        has_unit_word=a.has_unit_word or b.has_unit_word,
    )


def _scale_of(q: Quantity) -> float | None:
    if q.value is None:
        return None
    for factor in (1e12, 1e9, 1e6, 1e3):
        if abs(q.value) >= factor:
            return factor
    return None
