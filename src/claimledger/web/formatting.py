"""How figures, dates and names read on a page: the Jinja filters, pure functions."""

from __future__ import annotations

import math
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote, urlencode

CURRENCY_SIGNS = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "¥",
    "KRW": "₩",
    "RUB": "₽",
}
UNIT_NAMES = {"t": "tonnes", "kg": "kg", "bbl": "barrels", "km": "km", "mi": "miles"}
QUALIFIER_SIGNS = {
    "about": "≈", "over": ">", "under": "<", "at_least": "≥", "at_most": "≤", "up_to": "≤",
}  # fmt: skip
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def number(value: float | None) -> str:
    """10000 -> '10,000'; 5e6 -> '5 million'; 39.5 -> '39.5'; None -> '?'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    for scale, word in _SCALES:
        if abs(value) >= scale:
            scaled = value / scale
            text = f"{scaled:,.2f}".rstrip("0").rstrip(".")
            return f"{text} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _with_unit(text: str, unit: str | None) -> str:
    if not unit or unit == "count":
        return text
    if unit == "percent":
        return f"{text}%"
    if unit in CURRENCY_SIGNS:
        return (
            f"{CURRENCY_SIGNS[unit]}{text}" if unit in ("USD", "EUR", "GBP") else f"{text} {unit}"
        )
    if len(unit) == 3 and unit.isupper():
        return f"{text} {unit}"
    return f"{text} {UNIT_NAMES.get(unit, unit)}"


def figure(row: dict[str, Any]) -> str:
    """A claim's value as a reader writes it: '≈ $2,000/month', '5,000–10,000', '> 5 million'."""
    unit = row.get("unit")
    if row.get("value") is None and row.get("low") is not None:
        text = f"{number(row.get('low'))}–{number(row.get('high'))}"
    else:
        text = number(row.get("value"))
    text = _with_unit(text, unit)
    sign = QUALIFIER_SIGNS.get(row.get("qualifier") or "")
    if sign:
        text = f"{sign} {text}"
    if row.get("per"):
        text = f"{text}/{row['per']}"
    return text


def date_key(row: dict[str, Any]) -> str | None:
    """The time a claim is about: its `when`, else its document's publication date."""
    return row.get("when") or row.get("published")


def origin(row: dict[str, Any]) -> str:
    """Whom a figure comes from: its stated source, else the outlet that asserts it."""
    return row.get("source") or row.get("outlet") or row.get("doc") or "unattributed"


def party_url(name: str) -> str:
    return "/party/" + quote(name, safe="")


def query(base: str, params: dict[str, Any], **changes: Any) -> str:
    """`base` with `params` updated by `changes`, empty values dropped: links that keep filters."""
    merged = {**params, **changes}
    kept = {k: v for k, v in merged.items() if v not in (None, "", [])}
    return f"{base}?{urlencode(kept)}" if kept else base


def label(key: str | None) -> str:
    """'different_scope' -> 'different scope'."""
    return (key or "").replace("_", " ")


def origin_label(row: dict[str, Any], registry: Any) -> str:
    """A claim row's origin as reconcile computes it (resolved source, else outlet)."""
    try:
        from claimledger.reconcile.origins import origin_of
    except ImportError:
        return origin(row)
    claim = SimpleNamespace(source=row.get("source"), doc=row.get("doc") or "")
    document = SimpleNamespace(outlet=row.get("outlet"), url=row.get("url"))
    return origin_of(claim, document, registry)  # type: ignore[arg-type]
