"""Broad check of the number parser against Microsoft Recognizers-Text English specs.

The specs (MIT, see shared/external/README.md) annotate every number in short inputs.
They test the number and unit parser, not the figure-claim scope of GUIDELINES.md, so
recall here is a coverage meter, not a target of 1.0. Each spec file has a recall floor
in recognizers_floor.json: floors are the measured values rounded down and are only
ever raised. Run with ``pytest -s`` to see the table; set RECOGNIZERS_VERBOSE=1 to also
print every missed case.

What is checked, per file:
- NumberModel: cardinal numbers. Skipped: ordinal results and "fractions only"
  (Resolution subtype ``fraction`` with |value| < 1: "two thirds", "a fifth", "1/4").
  The guidelines read bare fractions only as shares of a whole ("a third of" ->
  33.3 percent), a reading the spec's context-free inputs do not give; test_numbers.py
  covers them. Mixed and scaled fractions ("one and a half", "2 1/4") are kept.
  A range quantity counts when either bound agrees ("3-4" holds 3 and 4).
- PercentModel: value and unit ``percent``; results with a null value are skipped.
- NumberRangeModel: interval notation. Two finite bounds ("[20,30)") need a range
  with both bounds; "[a,a]" needs value a; a lower bound only ("(30,)") needs value 30
  with qualifier over/at_least; an upper bound only ("(,100]") needs qualifier
  under/at_most/up_to. Bounds below 1 ("more than half") also match as percent*100.
- CurrencyModel: currencies with an ISO 4217 code (CURRENCY_UNITS); minor units
  (cent, pence, sen) are read as their major currency, so their value is divided by
  100; obsolete and non-ISO currencies (markka, peseta, bitcoin) are skipped.
- DimensionModel: units we read (DIMENSION_UNITS: our canonical codes, pint's short
  symbols and GUIDELINES' codes); needs the value and the unit.
- AgeModel, TemperatureModel: year/month/week/day and degC/degF; value and unit.

The parser runs with ``figures_only=False``: the specs annotate every number (dates,
addresses and labels too), which the figure rules of not_figures.py would leave out.

A result is found when some quantity's core or quote span overlaps the expected span
(``End`` is inclusive) and its value agrees within 0.5 %. Spurious finds are counted
only on cases whose Results are empty, and only quantities of the file's kind: any
quantity (NumberModel), a percent (PercentModel), a non-exact qualifier
(NumberRangeModel), a currency (CurrencyModel), a supported unit (DimensionModel).
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from claimledger.extract.numbers import Quantity, find_quantities

SPECS = Path(__file__).resolve().parents[3] / "shared" / "external" / "recognizers-text" / "Specs"
FLOORS_PATH = Path(__file__).with_name("recognizers_floor.json")
TOLERANCE = 0.005

FILES = {
    "NumberModel": "Number/English/NumberModel.json",
    "PercentModel": "Number/English/PercentModel.json",
    "NumberRangeModel": "Number/English/NumberRangeModel.json",
    "CurrencyModel": "NumberWithUnit/English/CurrencyModel.json",
    "DimensionModel": "NumberWithUnit/English/DimensionModel.json",
    "AgeModel": "NumberWithUnit/English/AgeModel.json",
    "TemperatureModel": "NumberWithUnit/English/TemperatureModel.json",
}
# Recognizers' currency names -> ISO 4217; minor units are read as their major currency
# (95p -> 0.95 GBP), so the spec's minor-unit value is divided by 100. Obsolete and
# non-ISO currencies (markka, peseta, guilder, bitcoin) are skipped.
CURRENCY_UNITS = {
    "Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "Chinese yuan": "CNY",
    "Pound": "GBP", "British pound": "GBP", "Canadian dollar": "CAD", "Japanese yen": "JPY",
    "Franc": "CHF", "Swiss franc": "CHF", "Australian dollar": "AUD", "Turkish lira": "TRY",
    "Rupee": "INR", "Mexican peso": "MXN", "Hong Kong dollar": "HKD",
    "New Zealand dollar": "NZD", "Sri Lankan rupee": "LKR", "Costa Rican colón": "CRC",
    "Georgian lari": "GEL", "Lao kip": "LAK",
}  # fmt: skip
MINOR_CURRENCY_UNITS = {"Cent": "USD", "Pence": "GBP", "Penny": "GBP", "Sen": "MYR"}
# Recognizers' dimension names -> our canonical codes (pint short symbols, GUIDELINES codes).
DIMENSION_UNITS = {
    "Ton": "t", "Metric ton": "t", "Mile": "mi", "Kilometer": "km", "Barrel": "bbl",
    "Foot": "ft", "Meter": "m", "Pound": "lb", "Gallon": "gal", "Kilometer per hour": "km/h",
    "Kilogram": "kg", "Inch": "in", "Square meter": "m2", "Millimeter": "mm",
    "Milliliter": "ml", "Ounce": "oz", "Acre": "acre", "Mile per hour": "mph",
    "Square kilometer": "km2", "Megabyte": "MB", "Gram": "g",
}  # fmt: skip
AGE_UNITS = {"Year": "year", "Month": "month", "Week": "week", "Day": "day"}
TEMPERATURE_UNITS = {"C": "degC", "F": "degF"}
LOWER_QUALIFIERS = {"over", "at_least"}
UPPER_QUALIFIERS = {"under", "at_most", "up_to"}


@dataclass
class Expected:
    """One expected result reduced to what we check."""

    start: int
    end: int  # exclusive
    text: str
    value: float | None = None  # exact value
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # required unit, or None for any


@dataclass
class Score:
    name: str
    expected: int = 0
    found: int = 0
    skipped: int = 0
    empty_cases: int = 0
    spurious: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_finds: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def agree(expected: float, got: float | None, unit: str | None = None) -> bool:
    if got is None:
        return False
    if math.isclose(expected, got, rel_tol=TOLERANCE, abs_tol=1e-9):
        return True
    # A fraction of a whole read as a share: "more than half" -> 50 percent.
    return (
        unit == "percent"
        and 0 < abs(expected) < 1
        and math.isclose(expected * 100, got, rel_tol=TOLERANCE)
    )


def parse_interval(text: str) -> tuple[float | None, float | None]:
    m = re.fullmatch(r"[\[(]\s*([^,]*)\s*,\s*([^,]*)\s*[\])]", text.strip())
    if m is None:
        raise ValueError(f"not an interval: {text!r}")
    low, high = (float(g) if g.strip() else None for g in m.groups())
    return low, high


def _span(result: dict) -> tuple[int, int]:
    return result["Start"], result["End"] + 1


def expected_number(result: dict) -> Expected | None:
    res = result["Resolution"]
    if "ordinal" in result["TypeName"] or "ordinal" in str(res.get("subtype", "")):
        return None
    if res.get("value") in (None, "null"):
        return None
    value = float(res["value"])
    if res.get("subtype") == "fraction" and abs(value) < 1:
        return None
    return Expected(*_span(result), result["Text"], value=value)


def expected_percent(result: dict) -> Expected | None:
    raw = result["Resolution"].get("value")
    if raw in (None, "null"):
        return None
    return Expected(*_span(result), result["Text"], value=float(raw.rstrip("%")), unit="percent")


def expected_range(result: dict) -> Expected | None:
    low, high = parse_interval(result["Resolution"]["value"])
    if low is not None and low == high:
        return Expected(*_span(result), result["Text"], value=low)
    return Expected(*_span(result), result["Text"], low=low, high=high)


def expected_currency(result: dict) -> Expected | None:
    res = result["Resolution"]
    name = res.get("unit", "")
    if res.get("value") in (None, "null"):
        return None
    if name in MINOR_CURRENCY_UNITS:
        value = float(res["value"]) / 100
        return Expected(
            *_span(result), result["Text"], value=value, unit=MINOR_CURRENCY_UNITS[name]
        )
    if name not in CURRENCY_UNITS:
        return None
    value = float(res["value"])
    return Expected(*_span(result), result["Text"], value=value, unit=CURRENCY_UNITS[name])


def _expected_unit(table: dict[str, str]) -> Callable[[dict], Expected | None]:
    def reduce(result: dict) -> Expected | None:
        res = result["Resolution"]
        unit = table.get(res.get("unit", ""))
        if unit is None or res.get("value") in (None, "null"):
            return None
        return Expected(*_span(result), result["Text"], value=float(res["value"]), unit=unit)

    return reduce


def _overlaps(q: Quantity, e: Expected) -> bool:
    return any(s < e.end and e.start < t for s, t in ((q.start, q.end), (q.core_start, q.core_end)))


def matches(q: Quantity, e: Expected, *, bounds_as_values: bool = False) -> bool:
    if not _overlaps(q, e):
        return False
    if e.unit is not None and q.unit != e.unit:
        return False
    if e.value is not None:
        if agree(e.value, q.value, q.unit):
            return True
        return bounds_as_values and any(agree(e.value, b, q.unit) for b in (q.low, q.high))
    if e.low is not None and e.high is not None:
        return agree(e.low, q.low, q.unit) and agree(e.high, q.high, q.unit)
    if e.low is not None:
        if agree(e.low, q.low, q.unit) and q.high is None:
            return True
        return q.qualifier in LOWER_QUALIFIERS and agree(e.low, q.value, q.unit)
    if e.high is not None:
        if agree(e.high, q.high, q.unit) and q.low is None:
            return True
        return q.qualifier in UPPER_QUALIFIERS and agree(e.high, q.value, q.unit)
    return False


@dataclass(frozen=True)
class Spec:
    reduce: Callable[[dict], Expected | None]
    spurious: Callable[[Quantity], bool]
    bounds_as_values: bool = False


SPEC_RULES = {
    "NumberModel": Spec(expected_number, lambda q: True, bounds_as_values=True),
    "PercentModel": Spec(expected_percent, lambda q: q.unit == "percent"),
    "NumberRangeModel": Spec(expected_range, lambda q: q.qualifier != "exact"),
    "CurrencyModel": Spec(expected_currency, lambda q: q.currency),
    "DimensionModel": Spec(
        _expected_unit(DIMENSION_UNITS), lambda q: q.unit in set(DIMENSION_UNITS.values())
    ),
    "AgeModel": Spec(_expected_unit(AGE_UNITS), lambda q: q.unit in set(AGE_UNITS.values())),
    "TemperatureModel": Spec(
        _expected_unit(TEMPERATURE_UNITS), lambda q: q.unit in set(TEMPERATURE_UNITS.values())
    ),
}


def load_cases(name: str) -> list[dict]:
    path = SPECS / FILES[name]
    if not path.is_file():
        pytest.fail(f"missing spec file {path} (see shared/external/README.md)")
    return json.loads(path.read_text(encoding="utf-8-sig"))


def describe(text: str, q: Quantity) -> str:
    value = q.value if q.value is not None else (q.low, q.high)
    return f"{text[q.start : q.end]!r}={value} {q.qualifier} {q.unit}"


@cache
def score(name: str) -> Score:
    rules = SPEC_RULES[name]
    result = Score(name)
    for case in load_cases(name):
        text = case["Input"]
        try:
            found = find_quantities(text, figures_only=False)
        except Exception as exc:  # a parser crash counts as finding nothing
            result.errors.append((text, repr(exc)))
            found = []
        if not case["Results"]:
            result.empty_cases += 1
            bad = [q for q in found if rules.spurious(q)]
            result.spurious += len(bad)
            result.false_finds += [(text, text[q.start : q.end]) for q in bad]
            continue
        for raw in case["Results"]:
            exp = rules.reduce(raw)
            if exp is None:
                result.skipped += 1
                continue
            result.expected += 1
            if any(matches(q, exp, bounds_as_values=rules.bounds_as_values) for q in found):
                result.found += 1
            else:
                got = "; ".join(describe(text, q) for q in found)
                result.misses.append((text, exp.text, got or "-"))
    return result


def floors() -> dict[str, float]:
    return json.loads(FLOORS_PATH.read_text(encoding="utf-8"))


def test_spec_files_present() -> None:
    for rel in FILES.values():
        assert (SPECS / rel).is_file(), f"missing spec file {SPECS / rel}"


def test_summary_table() -> None:
    rows = [score(name) for name in FILES]
    floor = floors()
    print()
    print(
        f"{'spec file':<18}{'expected':>9}{'found':>7}{'recall':>8}{'floor':>7}"
        f"{'skipped':>9}{'empty':>7}{'spurious':>10}{'crashes':>9}"
    )
    for s in rows:
        print(
            f"{s.name:<18}{s.expected:>9}{s.found:>7}{s.recall:>8.3f}{floor[s.name]:>7.2f}"
            f"{s.skipped:>9}{s.empty_cases:>7}{s.spurious:>10}{len(s.errors):>9}"
        )
    for s in rows:
        for text, err in s.errors:
            print(f"CRASH {s.name}: {text[:80]!r} raised {err}")
    if os.environ.get("RECOGNIZERS_VERBOSE"):
        for s in rows:
            for text, want, got in s.misses:
                print(f"MISS {s.name}: {text[:80]!r} want {want!r} got {got}")
            for text, got in s.false_finds:
                print(f"SPURIOUS {s.name}: {text[:80]!r} found {got!r}")
    assert set(floor) == set(FILES)


@pytest.mark.parametrize("name", list(FILES))
def test_recall_floor(name: str) -> None:
    s = score(name)
    assert s.expected > 0
    assert s.recall >= floors()[name], (
        f"{name}: recall {s.recall:.3f} fell below floor {floors()[name]:.2f}; "
        f"first misses: {s.misses[:5]}"
    )


def test_interval_notation() -> None:
    assert parse_interval("[20,30)") == (20.0, 30.0)
    assert parse_interval("(30,)") == (30.0, None)
    assert parse_interval("(,100]") == (None, 100.0)
    assert parse_interval("[-10,15)") == (-10.0, 15.0)
