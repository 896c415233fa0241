"""Find quantities in a sentence: value or range, qualifier, unit, rate, with exact offsets.

Written by hand because no maintained Python library parses news quantities with
their qualifiers, distributed ranges ("$1 to $2 billion") and vague counts and keeps
exact character offsets; spaCy's `like_num` only flags tokens. It works on plain
text so that it can run on every sentence cheaply, before any parsing. Units come
from pint (units.py), currencies from ISO 4217 (currencies.py), word numbers from
number_words.py; which numbers are not figures is not_figures.py's rule list, and
ranges and changes are read by ranges.py.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass

from claimledger.extract import currencies, not_figures, number_words, units
from claimledger.extract import lexicon as lx
from claimledger.extract.not_figures import Candidate

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


def _tail(text: str, n: int = 60, end: int | None = None) -> int:
    """Where to start an end-anchored search of text[:end] (a window keeps it linear)."""
    return max(0, (len(text) if end is None else end) - n)


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
    change: str | None = None  # "increase" or "decrease" when the text says it changed
    change_from: float | None = None  # the value it changed from ("from 9,400 to 8,100")
    converts: bool = False  # a conversion in brackets of the figure before it: "12 cm (4.7 in)"


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_SCALE_ABBR = _alternation([k for k in lx.SCALE_ABBREVIATIONS if k.isalpha()])
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234,567.89
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # 12,34,567 (Indian grouping)
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?![\d,]))+(?:\.\d+)?"  # 1 234 567
    r"|\d+(?:\.\d+)?|\.\d+"
)
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_VULGAR = "".join(lx.VULGAR_FRACTIONS)

CORE_RE = re.compile(
    rf"""
    (?P<sci>(?<![\w.,/])(?P<mant>\d+(?:\.\d+)?)
        (?:\s?[x×*]\s?10\s?(?:\^\s?(?P<exp1>[-+−]?\d{{1,3}})|(?P<sup>[⁻⁺]?[{_SUPERSCRIPTS}]+))
          |[eE](?P<exp2>[-+]?\d{{1,3}})|\^(?P<pow>[-+−]?\d{{1,2}}))(?![\w.])
    )
    | (?P<frac>(?<![\w/.,])(?:(?P<fwhole>\d{{1,3}})[\s-]+)?(?P<fnum>\d{{1,3}})/(?P<fden>\d{{1,3}})
        (?![/\d]|\.\d))
    | (?P<vulgar>(?<![\w.,])(?P<vwhole>\d{{1,3}})?\s?(?P<vch>[{_VULGAR}]))
    | (?P<digits>(?<![A-Za-z]-)(?<![/#:.\d,])(?:{_DIGITS}))
        (?P<abbr>(?:{_SCALE_ABBR})\b)?(?![\d/]|\.\d|,\d)
    | (?P<words>{number_words.PATTERN})
    """,
    re.VERBOSE | re.IGNORECASE,
)
VAGUE_RE = re.compile(rf"\b(?:{_alternation(list(lx.VAGUE_QUANTITIES))})\b", re.IGNORECASE)
FRACTION_RE = re.compile(
    rf"\b(?:{_alternation([k for k in lx.FRACTION_WORDS if k != 'half'])}|half)\b", re.IGNORECASE
)
_SPACED_SCALE_RE = re.compile(rf"\s*-?\s*({_alternation(lx.SPACED_SCALES)})\b(?!-)", re.IGNORECASE)
_CURRENCY_SCALE_RE = re.compile(rf"\s?({_alternation(lx.CURRENCY_SCALES_CASED)})\b(?![\w-])")
_SPACED_K_RE = re.compile(r"\s{1,2}k\b(?!\s+[a-z]|[\w-])")  # "2.33 k", not "a 10 k run"
_DIGIT_SCALE_NEXT_RE = re.compile(
    r"^\s+(?:and\s+)?(?P<n>\d{1,3})\s+(?P<s>hundred|thousand|million|billion)\b", re.I
)
_HUNDRED_AND_RE = re.compile(
    r"^\s+and\s+(?P<n>[1-9]\d?)\b(?![.,]\d|\s*%|\s+(?:hundred|thousand|million|billion)\b)",
    re.IGNORECASE,
)
_AND_A_FRACTION_RE = re.compile(r"\s+and\s+(?:a|an|one)\s+(?P<f>half|quarter|third)\b", re.I)
_QUALIFIER_BEFORE_RE = re.compile(
    rf"\b(?:{_alternation(list(lx.QUALIFIERS_BEFORE))})\s+$", re.IGNORECASE
)
_SYMBOL_QUALIFIER_RE = re.compile(r"(?<!\d)(?P<q>>\s?=|=\s?>|<\s?=|=\s?<|≥|≤|>|<|~)\s*$")
_PERCENT_BEFORE_RE = re.compile(r"\b(?:per\s?cents?|percents?)\s+of\s+$", re.IGNORECASE)
_DURATION_WORDS = "|".join(w for w, u in lx.UNIT_WORDS.items() if u in lx.DURATION_UNITS)
_RANGE_END_DURATION_RE = re.compile(
    rf"^\s*(?:to|-|–)\s*\d[\d.,]*\s*(?:{_DURATION_WORDS})\b", re.IGNORECASE
)
_AGE_BEFORE_RE = re.compile(
    rf"\baged\s+(?:\d{{1,3}}\s+(?:to|and|-)\s+)?$|\b(?:{'|'.join(lx.AGE_GROUP_WORDS)})\s+"
    r"(?:under|over|below|above|younger\s+than|older\s+than)\s+$",
    re.IGNORECASE,
)
_UNIT_RATE_RE = re.compile(rf"^\s?({_alternation(lx.UNIT_RATES)})\b", re.IGNORECASE)
_ONE_IN_RE = re.compile(
    rf"\s+in\s+(?P<d>\d{{1,3}}(?:,\d{{3}})*|{number_words.TOKEN})\b(?![.,]\d)", re.IGNORECASE
)
_RATE_AFTER_RE = re.compile(
    rf"^,?\s+(?P<r>{_alternation(list(lx.RATE_PHRASES))})\b"
    r"(?!\s+(?:earlier|ago|later|previously)\b)",  # "a year earlier" is a date, not a rate
    re.IGNORECASE,
)
_QUALIFIER_AFTER_RE = re.compile(
    rf"^\s+(?P<q>{_alternation(list(lx.QUALIFIERS_AFTER))})\b"
    # not the start of the next bound: "more than 40 and less than 10"
    rf"(?!\s+than\b|\s+or\s+equal\b|\s*[-−]?\d|\s+(?:{number_words.TOKEN})\b)",
    re.IGNORECASE,
)
_RATE_BEFORE_RE = re.compile(
    rf"\b(?P<a>{_alternation(list(lx.RATE_ADJECTIVES))})\s+(?:\w+\s+)?"
    r"(?:rate|growth|increase|pace|average)\s+of\s+$",
    re.IGNORECASE,
)
_NEGATIVE_RE = re.compile(
    r"(?:(?:^|[\s(<>=~])[-−]|^\s*[-−]\s|\b(?:minus|negative)\s+)$", re.IGNORECASE
)


def parse_word_number(text: str) -> float | None:
    """Value of a number written in words: 'seventy', 'two and a half million', 'a dozen'."""
    return bounded(number_words.parse_word_number(text))


def parse_number(text: str) -> float | None:
    """Value of a number in digits or words, with scale: '1.4bn', '5 million', 'seventy'."""
    text = text.strip()
    m = re.fullmatch(rf"(?P<d>{_DIGITS})\s*(?P<s>[A-Za-z]+)?", text.replace("\u00a0", " "))
    if m:
        value = float(re.sub(r"[,\s]", "", m.group("d")))
        scale = (m.group("s") or "").lower()
        if scale:
            if scale not in lx.SCALE_ABBREVIATIONS:
                return None
            value *= lx.SCALE_ABBREVIATIONS[scale]
        return bounded(value)
    return parse_word_number(text)


def find_quantities(text: str, *, figures_only: bool = True, dollar: str = "USD") -> list[Quantity]:
    """Every figure-like quantity in `text`, in order, without overlaps.

    `figures_only=False` keeps numbers that are not figures (years, labels, scores): the
    number parser alone, as the Recognizers-Text specs test it. `dollar` is the currency
    a bare `$` means in this document (currencies.dollar_for).
    """
    from claimledger.extract import ranges  # ranges builds on Quantity

    found: list[Quantity] = []
    for m in VAGUE_RE.finditer(text):
        q = ranges.vague(text, m)
        if q is not None:
            found.append(q)
    taken = [(q.start, q.end) for q in found]
    for m in FRACTION_RE.finditer(text):
        q = ranges.word_fraction(text, m)
        if q is not None and not _overlaps(q.core_start, q.core_end, taken):
            found.append(q)
            taken.append((q.start, q.end))
    singles: list[Quantity] = []
    consumed = 0  # a scale word read with the number before ("5 million") is not a number
    for m in CORE_RE.finditer(text):
        if m.start() < consumed or _overlaps(m.start(), m.end(), taken):
            continue
        q = _single(text, m, figures_only, dollar)
        if q is not None:
            singles.append(q)
            consumed = q.core_end
    found.extend(ranges.merge(text, singles))
    if not figures_only:
        found.extend(_digit_runs(text, found))
    found.sort(key=lambda q: q.start)
    kept = [q for q in _drop_overlaps(found) if _reported_if_unbounded(text, q)]
    return ranges.mark_changes(text, ranges.join_compounds(text, kept))


def _digit_runs(text: str, found: list[Quantity]) -> list[Quantity]:
    """The number parser alone reads every digit run, also those inside dates, addresses
    and labels ('5/17/2018', '192.168.1.2', 'SCP-173') that the figure grammar leaves out."""
    spans = [(q.start, q.end) for q in found]
    return [
        Quantity(m.start(), m.end(), m.start(), m.end(), bounded(float(m.group(0))))
        for m in re.finditer(r"\d+", text)
        if not _overlaps(m.start(), m.end(), spans)
    ]


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


def _core_value(m: re.Match[str]) -> tuple[float | None, bool, bool]:
    """(value, scaled, words) of the number CORE_RE matched."""
    if m.group("sci") is not None:
        mant = float(m.group("mant"))
        if m.group("pow") is not None:
            power = int(m.group("pow").replace("−", "-"))
            return bounded(mant**power) if abs(mant) < 1e6 else None, True, False
        if m.group("sup") is not None:
            exp = int(m.group("sup").translate(_SUPERSCRIPT_DIGITS))
        else:
            exp = int((m.group("exp1") or m.group("exp2")).replace("−", "-"))
        return bounded(mant * 10.0**exp) if abs(exp) <= 20 else None, True, False
    if m.group("frac") is not None:
        num, den = int(m.group("fnum")), int(m.group("fden"))
        whole = float(m.group("fwhole") or 0)
        if den < 2 or num >= den:
            return None, False, False  # "24/7", "3/2": a ratio or a label, not a fraction
        return whole + num / den, False, False
    if m.group("vulgar") is not None:
        return float(m.group("vwhole") or 0) + lx.VULGAR_FRACTIONS[m.group("vch")], False, False
    if m.group("words") is not None:
        raw = m.group("words").lower()
        scaled = any(w in raw for w in ("thousand", "million", "billion", "trillion"))
        return parse_word_number(raw), scaled, True
    value = float(re.sub(r"[,\s]", "", m.group("digits")))
    abbr = m.group("abbr")
    if abbr:
        return value * lx.SCALE_ABBREVIATIONS[abbr.lower()], True, False
    return value, False, False


_SUPERSCRIPT_DIGITS = str.maketrans(
    {**{c: str(i) for i, c in enumerate(_SUPERSCRIPTS)}, "⁻": "-", "⁺": ""}
)


def _scale_after(text: str, core_end: int, value: float, scaled: bool) -> tuple[float, int, bool]:
    """Scale words after the number: '5 million', 'three lakh crore', '4 thousand 3 hundred'."""
    last = None
    while True:
        sm = _SPACED_SCALE_RE.match(text, core_end)
        if sm is None:
            break
        factor = lx.SCALE_ABBREVIATIONS[sm.group(1).lower()]
        if scaled and (last is None or factor <= last):
            break  # "5 million thousand" is two numbers; "lakh crore" multiplies
        value, core_end, scaled, last = value * factor, sm.end(), True, factor
        fm = _AND_A_FRACTION_RE.match(text, core_end) if factor >= 1000 else None
        if fm:  # "3 million and a half": the half is of the million
            value += factor / lx.FRACTION_DENOMINATORS[fm.group("f").lower()]
            core_end = fm.end()
            break
        if factor == 100:
            hm = _HUNDRED_AND_RE.match(text[core_end:])
            if hm:
                value += float(hm.group("n"))
                core_end += hm.end()
                break
        nm = _DIGIT_SCALE_NEXT_RE.match(text[core_end:])
        if nm and lx.SCALE_WORDS[nm.group("s").lower()] < factor:
            value += float(nm.group("n")) * lx.SCALE_WORDS[nm.group("s").lower()]
            core_end += nm.end()
            last = lx.SCALE_WORDS[nm.group("s").lower()]
            if last == 100:
                hm = _HUNDRED_AND_RE.match(text[core_end:])
                if hm:
                    value += float(hm.group("n"))
                    core_end += hm.end()
            break
    if not scaled:
        km = _SPACED_K_RE.match(text, core_end)
        if km:
            value, core_end, scaled = value * 1e3, km.end(), True
    return value, core_end, scaled


def _single(text: str, m: re.Match[str], figures_only: bool, dollar: str) -> Quantity | None:
    core_start = m.start()
    raw = m.group(0)
    value, scaled, words = _core_value(m)
    if value is None:
        return None
    bare_fraction = words and value < 1 and raw.split()[-1].lower() in lx.FRACTION_DENOMINATORS
    if bare_fraction and figures_only and not re.match(r"^\s+of\b", text[m.end() :]):
        return None  # a bare "three quarters" is as often a period as a share
    value, core_end, scaled = _scale_after(text, m.end(), value, scaled)
    share_of = _one_in(text, core_end, value) if value <= 20 and not scaled else None
    if share_of is not None:
        value, core_end = share_of
    before = text[:core_start]
    start, end = core_start, core_end
    currency_code = None
    prefix = currencies.prefix_before(before, dollar)
    if prefix is not None:
        currency_code, start = prefix
        before = text[:start]
    elif re.search(r"[A-Za-z]\Z", before):
        return None  # glued to a word: "A320", "G7", "COVID19"
    abbr = m.group("abbr") if m.group("digits") is not None else None
    if currency_code is None and abbr == "B" and not words:
        return None  # "flat 14B": a label; billions without a currency are written "bn"
    if currency_code is not None and not scaled:
        cs = _CURRENCY_SCALE_RE.match(text, core_end)
        if cs:
            value *= lx.CURRENCY_SCALES[cs.group(1).lower()]
            core_end, scaled = cs.end(), True
    end = core_end
    negative = False
    nm = _NEGATIVE_RE.search(before, _tail(before, 16))
    if nm and figures_only and re.fullmatch(r"\s*[-−]\s", nm.group(0)):
        nm = None  # "- 10,000 troops" opening a line is a bullet, not minus ten thousand
    if nm:
        negative = True
        start = nm.start() + (1 if nm.group(0)[:1] in " (<>=~\t" else 0)
        before = text[:start]
    after = text[core_end:]
    unit, has_unit, per_unit = units.unit_of(after, currency_code, value, scaled, words, dollar)
    if share_of is not None:
        unit, has_unit, per_unit = "percent", True, None
    own_rate = _UNIT_RATE_RE.match(after) if per_unit is None else None
    if own_rate is not None:  # "9 million bpd": barrels per day
        unit_code, rate_per = lx.UNIT_RATES[own_rate.group(1).lower()]
        per_unit = (unit_code, own_rate.end(), value)
    if per_unit is None and not words and re.match(r"[^\W\d_]", after):
        return None  # glued to letters that are no unit: "5G", "2nd", "3D"
    share = re.match(r"^\s+of\b", after) or _QUALIFIER_BEFORE_RE.search(before, _tail(before))
    if m.group("frac") is not None and value < 1 and per_unit is None and share:
        value, unit, has_unit = value * 100, "percent", True  # "1/4 of": a share
    if per_unit is not None:
        unit, consumed, value = per_unit
        end = core_end + consumed
        late_scale = _SPACED_SCALE_RE.match(text, end) if not scaled else None
        if late_scale and unit in currencies.codes():  # "75 USD million"
            value *= lx.SCALE_ABBREVIATIONS[late_scale.group(1).lower()]
            end, scaled = late_scale.end(), True
        currency_code = unit if unit in currencies.codes() else currency_code
    if currency_code is not None:
        unit = currency_code
    if unit == "count" and _PERCENT_BEFORE_RE.search(before, _tail(before)):
        unit, has_unit = "percent", True
        start = _PERCENT_BEFORE_RE.search(before, _tail(before)).start()  # type: ignore[union-attr]
    elif (
        unit == "count"
        and not _RANGE_END_DURATION_RE.match(after)  # "aged 6 to 14 months": months, not years
        and (
            _AGE_BEFORE_RE.search(before, _tail(before)) or units.age_apposition(before, after, raw)
        )
    ):
        unit, has_unit = "year", True
    if unit == "year" and re.match(r"^-old\b", text[end:]):
        end += 4  # "a 54-year-old": the age, not a count of 54
    candidate = Candidate(
        text, before, after, value, raw, words, scaled, has_unit, unit, core_start
    )
    if figures_only and not_figures.reason(candidate) is not None:
        return None
    if negative:
        value = -value
    qualifier = "exact"
    qm = _QUALIFIER_BEFORE_RE.search(text, _tail(text, 60, start), start)
    if qm:
        qualifier = lx.QUALIFIERS_BEFORE[re.sub(r"\s+", " ", qm.group(0).strip().lower())]
        start = qm.start()
    else:
        sq = _SYMBOL_QUALIFIER_RE.search(text, _tail(text, 8, start), start)
        if sq:
            qualifier = lx.SYMBOL_QUALIFIERS[re.sub(r"\s", "", sq.group("q"))]
            start = sq.start()
    qa = _QUALIFIER_AFTER_RE.match(text[end:])
    if qa:
        qualifier = lx.QUALIFIERS_AFTER[re.sub(r"\s+", " ", qa.group("q").lower())]
        end += qa.end()
    per = rate_per if own_rate is not None else None
    rm = _RATE_AFTER_RE.match(text[end:])
    if rm and unit not in lx.DURATION_UNITS:
        per = lx.RATE_PHRASES[re.sub(r"\s+", " ", rm.group("r").lower())]
        end += rm.end()
    rb = _RATE_BEFORE_RE.search(text, _tail(text, 80, start), start)
    if rb and per is None:
        per = lx.RATE_ADJECTIVES[rb.group("a").lower()]
        start = rb.start()
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


def _one_in(text: str, core_end: int, value: float) -> tuple[float, int] | None:
    """'one in ten customers', '1 in 8 adults': a share, in percent."""
    m = _ONE_IN_RE.match(text, core_end)
    if m is None:
        return None
    den = parse_number(m.group("d"))
    if den is None or not (value < den <= 1000):
        return None
    return round(value / den * 100, 1), m.end()
