"""How figures, dates and names read on a page: the Jinja filters (figures via `display`)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from urllib.parse import quote, urlencode

from claimledger import display

number = display.number
figure = display.figure
label = display.label


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


def origin_label(row: dict[str, Any], registry: Any) -> str:
    """A claim row's origin as reconcile computes it (resolved source, else outlet)."""
    try:
        from claimledger.reconcile.origins import origin_of
    except ImportError:
        return origin(row)
    claim = SimpleNamespace(source=row.get("source"), doc=row.get("doc") or "")
    document = SimpleNamespace(outlet=row.get("outlet"), url=row.get("url"))
    return origin_of(claim, document, registry)  # type: ignore[arg-type]
