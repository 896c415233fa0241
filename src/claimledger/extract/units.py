"""Physical units after a number, resolved through pint's registry to canonical codes.

Which units a news figure may carry is a choice (lexicon.NEWS_UNITS: pint unit names,
plus the spellings reporters use that pint does not parse, lexicon.UNIT_SPELLINGS);
their names, plurals, symbols and dimensions come from pint. The canonical code of a
unit is pint's short symbol (`km/h` is `kph`, `°C`, `kWh`, `km²`), except the codes
GUIDELINES.md already names, which stay stable (lexicon.STABLE_UNIT_CODES: `t`, `mi`,
`km`, `bbl`, `percent`, `year`, `month`, `day`...). pint's registry takes most of a
second to load, so the table is built once, on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimledger.extract import currencies
from claimledger.extract import lexicon as lx


@dataclass(frozen=True)
class UnitInfo:
    """A unit a figure can carry: its canonical code and pint dimensionality."""

    code: str
    dimension: str  # pint's dimensionality as text ('[length]', '[mass]'), '' for counts


@dataclass(frozen=True)
class UnitTable:
    names: dict[str, UnitInfo]  # lower-case names and plurals, read case-insensitively
    symbols: dict[str, UnitInfo]  # symbols, read case-sensitively, glued or spaced
    name_re: re.Pattern[str]
    symbol_re: re.Pattern[str]
    bracket_re: re.Pattern[str]  # "20 (kg)", "20 [kg]": a unit in brackets


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


def _plurals(name: str) -> list[str]:
    spaced = name.replace("_", " ")
    irregular = lx.IRREGULAR_UNIT_PLURALS.get(spaced)
    if irregular:
        return [spaced, irregular]
    head, _, tail = spaced.partition(" per ")  # "mile per hour" -> "miles per hour"
    plural = head + ("es" if head.endswith(("ch", "sh", "x")) else "s")
    return [spaced, plural + (f" per {tail}" if tail else "")]


@cache
def table() -> UnitTable:
    """The unit table, built from pint's default registry on first use."""
    import pint  # imported here: loading the registry is the slow part of startup

    ureg = pint.UnitRegistry()
    names: dict[str, UnitInfo] = {}
    symbols: dict[str, UnitInfo] = {}

    def info(unit: pint.Unit, key: str) -> UnitInfo:
        code = lx.STABLE_UNIT_CODES.get(key) or f"{unit:~C}".replace("**", "")
        dims = str(unit.dimensionality)
        return UnitInfo(code, "" if dims == "dimensionless" else dims)

    for name in lx.NEWS_UNITS:
        unit = ureg.Unit(name)
        entry = info(unit, name)
        for spelling in _plurals(name):
            names.setdefault(spelling.lower(), entry)
        for alias in lx.UNIT_NAME_ALIASES.get(name, ()):
            names.setdefault(alias.lower(), entry)
        symbol = f"{unit:~P}".replace(" ", "")
        if symbol not in lx.AMBIGUOUS_UNIT_SYMBOLS and not symbol.isdigit():
            symbols.setdefault(symbol, entry)
    for spelling, expression in lx.UNIT_SPELLINGS.items():
        key = expression if expression in lx.STABLE_UNIT_CODES else ""
        entry = info(ureg.Unit(expression), key or expression)
        (symbols if spelling in lx.UNIT_SPELLINGS_CASED else names).setdefault(
            spelling if spelling in lx.UNIT_SPELLINGS_CASED else spelling.lower(), entry
        )
    return UnitTable(
        names=names,
        symbols=symbols,
        name_re=re.compile(
            rf"^(?:\s|-(?=[a-z]{{2}}))?(?P<u>{_alternation(names)})(?![\w$])", re.IGNORECASE
        ),
        symbol_re=re.compile(rf"^(?P<sp>\s?)(?P<u>{_alternation(symbols)})(?![\w$%°²³])"),
        bracket_re=re.compile(
            rf"^\s?[(\[{{<](?P<u>{_alternation([*symbols, *names])})[)\]}}>]", re.IGNORECASE
        ),
    )


def unit_after(after: str) -> tuple[UnitInfo, int] | None:
    """The unit that `after` (the text right after a number) opens with, and its length.

    Names need a space or hyphen ('12 kilometres', '54-year'); symbols may be glued
    ('40mph', '300km', '5kWh').
    """
    t = table()
    m = t.symbol_re.match(after)
    best: tuple[UnitInfo, int] | None = None
    spaced_only = not m.group("sp") and m.group("u") in lx.SPACED_ONLY_SYMBOLS if m else False
    if m and not spaced_only and not (m.group("sp") and m.group("u") in lx.GLUED_ONLY_SYMBOLS):
        best = (t.symbols[m.group("u")], m.end())
    n = t.name_re.match(after)
    if n and (best is None or n.end() > best[1]):
        best = (t.names[n.group("u").lower()], n.end())
    b = t.bracket_re.match(after) if best is None else None
    if b:
        word = b.group("u")
        entry = t.symbols.get(word) or t.names.get(word.lower())
        best = (entry, b.end()) if entry else None
    if best is None and _GLUED_METRE_RE.match(after):
        best = (t.symbols["m"], 1)  # "1.8m tall": metres; a bare "5m" is five million
    return best


_GLUED_METRE_RE = re.compile(r"^m\s+(?:tall|high|long|wide|deep|away|above|below)\b")


def dimension_of(code: str) -> str | None:
    """pint's dimensionality of a canonical unit code ('km' -> '[length]'), or None."""
    for entry in (*table().symbols.values(), *table().names.values()):
        if entry.code == code:
            return entry.dimension
    return None


def code_of(word: str) -> str | None:
    """The canonical code of a unit name or symbol ('kilometres' -> 'km'), or None."""
    t = table()
    entry = t.symbols.get(word) or t.names.get(word.lower())
    return entry.code if entry else None


def unit_of(
    after: str, currency_code: str | None, value: float, scaled: bool, words: bool, dollar: str
) -> tuple[str, bool, tuple[str, int, float] | None]:
    """(unit, has_unit, (unit, length, value)) for what follows a number: a currency sign,
    code, name or minor unit, else a physical unit; 'count' when nothing is there."""
    if currency_code is not None:
        named = currencies.name_after(after)  # "$5 million dollars": the sign already says
        if named is not None and named[0] == currency_code:
            return currency_code, True, (currency_code, named[1], value)
        return currency_code, True, None
    signed = currencies.sign_after(after, dollar)
    if signed is not None:
        code, length, factor = signed
        return code, True, (code, length, value * factor)
    named = currencies.name_after(after)
    if named is not None:
        code, length = named
        word = after[:length].strip().lower()
        if not (word == "won" and words and not scaled):
            return code, True, (code, length, value)
    minor = currencies.minor_after(after, dollar)
    if minor is not None and not scaled:
        code, length = minor
        return code, True, (code, length, value / 100)
    found = unit_after(after)
    if found is not None:
        entry, length = found
        code = entry.code
        if code == "lb" and scaled:
            code = "GBP"  # "5 million pounds" is money, not weight
        return code, True, (code, length, value)
    return "count", False, None


def age_apposition(before: str, after: str, raw: str) -> bool:
    """'Brenner, 58, had ...': an age in commas after a name."""
    return (
        re.fullmatch(r"\d{1,3}", raw) is not None
        and re.search(r"\b[A-Z][a-z]+,\s$", before) is not None
        and re.match(r"^,\s", after) is not None
    )
