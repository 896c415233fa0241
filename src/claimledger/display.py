"""The one wording of a number and a figure, used by CLI tables, summary, web and exports.

A figure reads as its text says it: the qualifier in words ("over 5 million", "about
$2,000/month"), a range as "5,000–10,000", the unit as a sign or a word, the rate after a
slash, and a vague quantity ("thousands") as written, never as the interval the
reconciler reasons with. Numbers keep the precision they were written with (0.125 stays
0.125). Written by hand: no library words figures this way (babel formats locales, not
qualifiers and rates), and every view must agree to the character.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

CURRENCY_SIGNS: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
UNIT_NAMES: dict[str, tuple[str, str]] = {  # unit -> (singular, plural)
    "t": ("tonne", "tonnes"),
    "kg": ("kg", "kg"),
    "bbl": ("barrel", "barrels"),
    "km": ("km", "km"),
    "mi": ("mile", "miles"),
    "year": ("year", "years"),
    "month": ("month", "months"),
    "week": ("week", "weeks"),
    "day": ("day", "days"),
    "hour": ("hour", "hours"),
}
QUALIFIER_WORDS: dict[str, str] = {
    "about": "about",
    "over": "over",
    "under": "under",
    "at_least": "at least",
    "at_most": "at most",
    "up_to": "up to",
}
SCALES: tuple[tuple[float, str], ...] = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
MAX_WRITTEN = 80  # a vague figure's own words, bounded: the text is untrusted
DASH = "–"


def _field(fig: Any, key: str) -> Any:
    """A field of a claim, a row dict or any object with the claim's attribute names."""
    if isinstance(fig, Mapping):
        return fig.get(key)
    return getattr(fig, key, None)


def _plain(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def number(value: float | None) -> str:
    """10000 -> '10,000'; 5e6 -> '5 million'; 1.42e9 -> '1.42 billion'; 0.125 -> '0.125'.

    A scale word is used only when it loses no written digit (1,234,567 stays as it is).
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "?"
    for scale, word in SCALES:
        if abs(value) >= scale:
            scaled = round(value / scale, 9)
            if round(scaled, 3) == scaled:
                return f"{_plain(scaled)} {word}"
            break
    return _plain(value)


def unit_text(unit: str | None, *, plural: bool = True) -> str:
    """The unit as a reader writes it after a number ('' for a plain count)."""
    if not unit or unit == "count":
        return ""
    if unit == "percent":
        return "%"
    names = UNIT_NAMES.get(unit)
    if names:
        return names[1] if plural else names[0]
    return unit


def amount(value: float | None, unit: str | None) -> str:
    """A number with its unit: '$2,000', '700,000 tonnes', '39.5%', '5 million', '1 billion KRW'."""
    text = number(value)
    if unit in CURRENCY_SIGNS:
        return f"{CURRENCY_SIGNS[unit]}{text}"
    word = unit_text(unit, plural=value != 1)
    if not word:
        return text
    return f"{text}{word}" if word == "%" else f"{text} {word}"


def _range(low: float | None, high: float | None, unit: str | None) -> str:
    if unit in CURRENCY_SIGNS:
        sign = CURRENCY_SIGNS[unit]
        return f"{sign}{number(low)}{DASH}{sign}{number(high)}"
    word = unit_text(unit)
    text = f"{number(low)}{DASH}{number(high)}"
    if not word:
        return text
    return f"{text}{word}" if word == "%" else f"{text} {word}"


def _vague_pattern() -> re.Pattern[str]:
    from claimledger.extract.lexicon import VAGUE_QUANTITIES

    words = sorted(VAGUE_QUANTITIES, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\b(?:{alternation})\b(?:\s+of\s+[^\W\d_]+)?", re.IGNORECASE)


_VAGUE: list[re.Pattern[str]] = []


def written(quote: str | None, unit: str | None = None) -> str:
    """A vague figure's own number words ('thousands', 'tens of thousands of dollars'), as
    the quote writes them, lower-cased, whitespace folded and bounded."""
    text = re.sub(r"\s+", " ", quote or "").strip()
    if not _VAGUE:
        _VAGUE.append(_vague_pattern())
    found = _VAGUE[0].search(text)
    if found:
        phrase = found.group(0)
        if not unit or unit == "count":  # "of troops" is the item, not the figure
            phrase = re.sub(r"\s+of\s+[^\W\d_]+$", "", phrase, flags=re.IGNORECASE)
        text = phrase.lower()
    return text if len(text) <= MAX_WRITTEN else text[: MAX_WRITTEN - 1] + "…"


def figure(fig: Any) -> str:
    """A figure as stated: 'over 5 million', 'about $2,000/month', '3–4', 'thousands'.

    `fig` is a Claim, a claim row or any mapping with value, low, high, qualifier, unit,
    per, vague and quote.
    """
    value, low, high = _field(fig, "value"), _field(fig, "low"), _field(fig, "high")
    unit, per = _field(fig, "unit"), _field(fig, "per")
    if _field(fig, "vague") and _field(fig, "quote"):
        text = written(_field(fig, "quote"), unit)
        if per and per.lower() not in text.lower():
            text = f"{text}/{per}"
        return text
    if value is None and low is not None and high is not None:
        text = _range(low, high, unit)
    elif value is None and (low is not None or high is not None):
        text = amount(low if low is not None else high, unit)
    else:
        text = amount(value, unit)
    word = QUALIFIER_WORDS.get(_field(fig, "qualifier") or "")
    if word:
        text = f"{word} {text}"
    if per:
        text = f"{text}/{per}"
    return text


def span(figures: Iterable[Any]) -> str:
    """Figures merged into one range per scale (unit and rate): '10,000–16,000; $2,000/month'."""
    by_scale: dict[tuple[str, str], list[float]] = {}
    for fig in figures:
        scale = (_field(fig, "unit") or "count", _field(fig, "per") or "")
        for key in ("value", "low", "high"):
            found = _field(fig, key)
            if found is not None:
                by_scale.setdefault(scale, []).append(float(found))
    parts = []
    for (unit, per), values in by_scale.items():
        low, high = min(values), max(values)
        text = amount(low, unit) if low == high else _range(low, high, unit)
        parts.append(f"{text}/{per}" if per else text)
    return "; ".join(parts)


def label(key: str | None) -> str:
    """A stored key as words: 'different_scope' -> 'different scope'."""
    return (key or "").replace("_", " ")


HEADLINE_CHARS = 120


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def headline(text: str | None) -> str | None:
    """The first line of a text that reads as a headline (letters in it), bounded."""
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if sum(ch.isalpha() for ch in line) >= 3:
            return line if len(line) <= HEADLINE_CHARS else line[: HEADLINE_CHARS - 1] + "…"
    return None


def document_title(doc: Any) -> str:
    """A document's name for people: its title, else its first line (the headline), else
    its URL's host, else its file name; never a content hash where a name exists."""
    return (
        _field(doc, "title")
        or headline(_field(doc, "head"))
        or _host(_field(doc, "url"))
        or _field(doc, "name")
        or _field(doc, "doc")
        or "untitled"
    )


def document_outlet(doc: Any) -> str | None:
    """Who published a document: its outlet, else the host of its URL."""
    return _field(doc, "outlet") or _host(_field(doc, "url"))
