"""Ranges and changes between the numbers of one sentence.

'3-4', '$1 to $2 billion', 'between 20,000 and 50,000', 'more than 10 and less than 20'
are one quantity with bounds; 'fell from 9,400 to 8,100 tonnes' is two figures and a
change (GUIDELINES.md: an expansion is two figures, not a range), recorded on the
later figure as `change` and `change_from`; 'rose 0.4%' is a figure with a direction.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimledger.extract import lexicon as lx
from claimledger.extract import number_words, units
from claimledger.extract.numbers import _QUALIFIER_BEFORE_RE, Quantity, _alternation, _tail

_SCALE_ABBR = "|".join(
    re.escape(k) for k in sorted(lx.SCALE_ABBREVIATIONS, key=len, reverse=True) if k.isalpha()
)
_RANGE_JOIN_RE = re.compile(r"^\s*(?:-|–|—|~|to|or|through|thru)\s*$", re.IGNORECASE)
_LOWER = frozenset({"over", "at_least"})
_UPPER = frozenset({"under", "at_most", "up_to"})
_BOUNDS_GAP_RE = re.compile(r"^\s*,?\s*(?:and|but)?\s*$", re.IGNORECASE)


CHANGE_BEFORE_RE = re.compile(
    rf"\b(?P<verb>{_alternation([*lx.INCREASE_WORDS, *lx.DECREASE_WORDS, *lx.CHANGE_WORDS])})"
    r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_DIRECTION_RE = re.compile(
    rf"\b(?P<verb>{_alternation([*lx.INCREASE_WORDS, *lx.DECREASE_WORDS])})"
    r"(?:\s+(?:[\w'’-]+\s+){0,3}?by)?"  # "cut clinical cases by 68%"
    r"(?:\s+(?:by|from|to|nearly|almost|about|around|some|just|more\s+than|over|another|"
    r"up\s+to|as\s+much\s+as|an\s+average\s+of|a\s+further|"
    r"an?\s+(?:annual|monthly|yearly)?\s*(?:rate\s+of)?))*\s+$",
    re.IGNORECASE,
)
_FROM_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _bounds_pair(a: Quantity, b: Quantity, gap: str) -> bool:
    """'more than 10 and less than 20', 'at most 100 and at least 20': one range."""
    pair = {a.qualifier, b.qualifier}
    return bool(pair & _LOWER and pair & _UPPER) and _BOUNDS_GAP_RE.fullmatch(gap) is not None


def _direction(word: str) -> str | None:
    word = word.lower()
    if word in lx.INCREASE_WORDS:
        return "increase"
    if word in lx.DECREASE_WORDS:
        return "decrease"
    return None


_COMPOUND_GAP_RE = re.compile(r"^,?\s+(?:and\s+)?$")


def join_compounds(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'5 ft 2 in', '1 minute 29.4 seconds', '3 dollars 50 cents', '15 dollars 50': one
    quantity. Times are read in the smaller unit (a race time is seconds), the rest in
    the larger (5 ft 2 in is 5.17 ft, $3 50 is $3.50)."""
    out: list[Quantity] = []
    for q in quantities:
        a = out[-1] if out else None
        if a is not None and a.value is not None and q.value is not None and a.value >= 0:
            joined = _compound(text, a, q)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(q)
    return out


def _compound(text: str, a: Quantity, b: Quantity) -> Quantity | None:
    gap = text[a.end : b.start]
    if not _COMPOUND_GAP_RE.fullmatch(gap) or a.qualifier != "exact" or b.qualifier != "exact":
        return None
    assert a.value is not None and b.value is not None
    factor = lx.COMPOUND_UNITS.get((a.unit, b.unit))
    if factor is not None and 0 <= b.value < factor:
        if a.unit in lx.DURATION_UNITS:
            value, unit = a.value * factor + b.value, b.unit
        else:
            value, unit = a.value + b.value / factor, a.unit
        return replace(a, end=b.end, core_end=b.core_end, value=value, unit=unit)
    after_b = text[b.end :]
    if a.unit == "ft" and not b.has_unit_word and re.match(r"\s+in\b", after_b):
        inch = re.match(r"\s+in\b", after_b)
        assert inch is not None  # "5 ft 2 in": "in" alone is read as a word, not inches
        end = b.end + inch.end()
        return replace(a, end=end, core_end=end, value=a.value + b.value / 12)
    money_name = a.currency and not text[a.start : a.core_start].strip()  # "15 dollars", not "$15"
    cents = b.unit == a.unit and b.currency and b.value < 1 and b.has_unit_word  # "50 cents"
    ends = re.match(r"\s*(?:[.,;!?]|$)", after_b) is not None  # "15 dollars and 50."
    bare = (
        not b.has_unit_word
        and b.value.is_integer()
        and 0 < b.value < 100
        and (not gap.strip() or ends)
        and re.match(r"\w", after_b) is None
        and not text[b.start : b.end].lower().startswith(("a ", "an "))
    )
    if a.currency and (cents or (money_name and bare)):
        extra = b.value if cents else b.value / 100
        return replace(a, end=b.end, core_end=b.core_end, value=a.value + extra)
    return None


_CONVERSION_GAP_RE = re.compile(r"^\s*[(\[]\s*(?:about|around|roughly|some|or|c\.|approx\.?)?\s*$")


def mark_changes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Record direction and starting value: 'fell from 9,400 to 8,100 tonnes', 'up 0.4%';
    mark conversions in brackets: '102.5 billion euro (about Rs 1.5 lakh crore)'."""
    out = list(quantities)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        gap = text[a.end : b.start]
        same_kind = (a.currency and b.currency) or (
            not a.currency
            and not b.currency
            and units.dimension_of(a.unit) not in (None, "")
            and units.dimension_of(a.unit) == units.dimension_of(b.unit)
        )
        if (
            a.has_unit_word
            and b.has_unit_word
            and a.unit != b.unit
            and same_kind
            and (_CONVERSION_GAP_RE.match(gap))
        ):
            out[i] = replace(b, converts=True)
    for i, q in enumerate(out):
        dm = _DIRECTION_RE.search(text, _tail(text, 90, q.start), q.start)
        if dm:
            out[i] = replace(q, change=_direction(dm.group("verb")))
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.value is None or b.value is None:
            continue
        if not (
            _FROM_RE.search(text, _tail(text, 8, a.start), a.start)
            and re.fullmatch(r"\s+to\s+", text[a.end : b.start])
        ):
            continue
        change = a.change or b.change
        if change is None:
            change = "increase" if b.value > a.value else "decrease" if b.value < a.value else None
        # A unit written once serves both: "from 9,400 to 8,100 tonnes".
        unit_a = b.unit if not a.has_unit_word and b.has_unit_word else a.unit
        unit_b = a.unit if not b.has_unit_word and a.has_unit_word else b.unit
        out[i] = replace(a, unit=unit_a, change=None, currency=a.currency or b.currency)
        out[i + 1] = replace(
            b, unit=unit_b, change=change, change_from=a.value, currency=a.currency or b.currency
        )
    return _changes_after(text, out)


_FROM_AFTER_RE = re.compile(
    r"(?:,?\s+[^\d,;]{0,40}?)?,?\s+(?:(?P<dir>up|down)\s+)?from\s+", re.IGNORECASE
)
_TO_AFTER_RE = re.compile(
    r",?\s+(?:or\s+|to\s+(?:close\s+at\s+|end\s+at\s+|finish\s+at\s+|settle\s+at\s+)?|"
    r"(?:higher|lower)\s+at\s+)",
    re.IGNORECASE,
)
_DIRECTION_AFTER_RE = re.compile(
    r"\s+(?:(?P<up>higher|more|up|rise|increase|jump|gain|growth|hike)"
    r"|(?P<down>lower|less|down|fall|drop|decline|cut|reduction|loss))\b(?!\s+than\s+\d)",
    re.IGNORECASE,
)


def _changes_after(text: str, out: list[Quantity]) -> list[Quantity]:
    """'rose to £9.1bn from £8.6bn', 'RM86.4mil, up from RM71.2mil': the figure before
    'from' is where it changed to; 'rose 3.1% to 284p': the level it reached changed too."""
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.value is None or b.value is None or a.change_from is not None:
            continue
        gap = text[a.end : b.start]
        fm = _FROM_AFTER_RE.fullmatch(gap)
        same_unit = a.unit == b.unit or not b.has_unit_word
        if fm and (a.change or fm.group("dir")) and same_unit:
            change = a.change or _direction(fm.group("dir"))
            out[i] = replace(a, change=change, change_from=b.value)
            if not b.has_unit_word:
                out[i + 1] = replace(b, unit=a.unit, currency=a.currency)  # "up from 9.8"
        elif (
            _TO_AFTER_RE.fullmatch(gap) and a.change and b.change is None and b.change_from is None
        ):
            out[i + 1] = replace(b, change=a.change)
    for i, q in enumerate(out):
        da = _DIRECTION_AFTER_RE.match(text, q.end) if q.change is None else None
        if da:  # "6 sen higher", "a 20% rise", "4.2% more than a year earlier"
            out[i] = replace(q, change="increase" if da.group("up") else "decrease")
            nxt = out[i + 1] if i + 1 < len(out) else None
            if (
                nxt is not None
                and nxt.change is None
                and _TO_AFTER_RE.fullmatch(
                    text[da.end() : nxt.start] if da.end() <= nxt.start else "x"
                )
            ):
                out[i + 1] = replace(nxt, change=out[i].change)
    return out


def merge(text: str, singles: list[Quantity]) -> list[Quantity]:
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
    elif _bounds_pair(a, b, gap):
        lo, hi = (a, b) if a.qualifier in _LOWER else (b, a)
        if lo.value is None or hi.value is None or lo.value >= hi.value:
            return None
        return replace(
            lo,
            start=min(a.start, b.start),
            end=max(a.end, b.end),
            core_start=a.core_start,
            core_end=b.core_end,
            value=None,
            low=lo.value,
            high=hi.value,
            qualifier="range",
            unit=b.unit if b.has_unit_word else a.unit,
            has_unit_word=a.has_unit_word or b.has_unit_word,
        )
    elif _RANGE_JOIN_RE.fullmatch(gap) and b.qualifier == "exact":
        if gap.strip().lower() == "or" and not (a.words and b.words):
            return None
        if (
            from_m
            and gap.strip().lower() == "to"
            and CHANGE_BEFORE_RE.search(text, _tail(text, 60, from_m.start()), from_m.start())
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


def vague(text: str, m: re.Match[str]) -> Quantity | None:
    """'thousands', 'tens of thousands of dollars': a vague quantity, a conventional range."""
    phrase = re.sub(r"\s+", " ", m.group(0).lower())
    low, high, unit = lx.VAGUE_QUANTITIES[phrase]
    start, end = m.start(), m.end()
    before = text[:start]
    if re.search(r"\b(?:the|a|several|many)\s+$", before, re.IGNORECASE):
        return None  # "the thousands who fled" still counts, but "a hundreds" is noise
    if re.search(rf"(?:\d|\b(?:{number_words.TOKEN}))\s+$", before, re.IGNORECASE):
        return None  # "three dozens" is 36, read with its number
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


def word_fraction(text: str, m: re.Match[str]) -> Quantity | None:
    """'a third of', 'more than half', 'half the flats': a share, in percent."""
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
    qm = _QUALIFIER_BEFORE_RE.search(before, _tail(before))
    has_of = re.match(r"^\s+of\b", after, re.IGNORECASE) is not None
    if phrase == "half" and re.match(
        rf"^\s+(?:{_alternation(lx.FRACTION_DETERMINERS)})\s", after, re.I
    ):
        has_of = True  # "half the flats", "half their income": a share without "of"
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
