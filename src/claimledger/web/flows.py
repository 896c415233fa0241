"""The web's view of claimledger.exchange: lines and profiles as plain, JSON-ready dicts."""

from __future__ import annotations

import dataclasses
from typing import Any

from claimledger.parties import PartyRegistry
from claimledger.store import Ledger
from claimledger.web.errors import PageError


def _module() -> Any:
    try:
        from claimledger import exchange
    except ImportError as exc:
        raise PageError(
            503, "unavailable", f"the exchange module is not installed ({exc}); update claimledger"
        ) from exc
    return exchange


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj


def line_dict(line: Any) -> dict[str, Any]:
    """An ExchangeLine as a dict, with `from`/`to` keys as the CLI's jsonl has them."""
    out = _plain(line)
    out.setdefault("from", out.get("giver"))
    out.setdefault("to", out.get("receiver"))
    return out


def exchange_lines(ledger: Ledger, a: str, b: str, registry: PartyRegistry) -> list[dict[str, Any]]:
    return [line_dict(x) for x in _module().exchange(ledger, a, b, registry)]


def top_pair(ledger: Ledger) -> tuple[str, str] | None:
    return _module().top_pair(ledger)


def party_profile(ledger: Ledger, name: str, registry: PartyRegistry) -> dict[str, Any]:
    profile = _module().party_profile(ledger, name, registry)
    out = _plain(profile)
    out["flows_out"] = [line_dict(x) for x in profile.flows_out]
    out["flows_in"] = [line_dict(x) for x in profile.flows_in]
    return out


def flow_summary(ledger: Ledger) -> list[dict[str, Any]]:
    return [line_dict(x) for x in _module().flow_summary(ledger)]
