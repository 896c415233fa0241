"""The exchange ledger: what one party gives another, line by concept, with figures and sources."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimledger.errors import UsageError
from claimledger.model import Party
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger


@dataclass
class ExchangeLine:
    """One concept flowing from a giver to a receiver, with every figure and source behind it."""

    giver: str
    receiver: str
    concept: str
    items: list[str] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    claims: int = 0
    first: str | None = None
    last: str | None = None
    docs: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The `exchange --format jsonl` shape (DESIGN.md § Contracts)."""
        return {
            "from": self.giver,
            "to": self.receiver,
            "concept": self.concept,
            "items": self.items,
            "figures": [
                {k: f[k] for k in ("doc", "quote", "value", "low", "high", "unit", "when")}
                for f in self.figures
            ],
            "sources": self.sources,
            "claims": self.claims,
        }

    def span(self) -> str:
        """The figures merged into one readable range per unit: '10,000-16,000 count'."""
        by_unit: dict[str, list[float]] = defaultdict(list)
        for f in self.figures:
            for key in ("value", "low", "high"):
                if f.get(key) is not None:
                    by_unit[f["unit"]].append(float(f[key]))
        parts = []
        for unit, values in by_unit.items():
            low, high = min(values), max(values)
            text = _fmt(low) if low == high else f"{_fmt(low)}–{_fmt(high)}"
            parts.append(text if unit == "count" else f"{text} {unit}")
        return "; ".join(parts)


@dataclass
class PartyProfile:
    """A party as the ledger knows it."""

    party: Party
    aliases: list[str]
    mentions: int
    flows_out: list[ExchangeLine]
    flows_in: list[ExchangeLine]


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 or value.is_integer() else f"{value:,.2f}"


def resolve_party(name: str, registry: PartyRegistry) -> str:
    """The canonical name for a party name or alias; unknown names are a usage error."""
    party = registry.resolve(name)
    if party is None:
        raise UsageError(f"unknown party {name!r}; see 'claimledger parties' for the known names")
    return party.name


def flow_summary(
    ledger: Ledger,
    *,
    giver: str | None = None,
    receiver: str | None = None,
    concept: str | None = None,
) -> list[ExchangeLine]:
    """Flows grouped by (giver, receiver, concept), most claims first."""
    rows = ledger.flows(giver=giver, receiver=receiver, concept=concept)
    claims = ledger.claim_rows_by_id([r["claim_id"] for r in rows if r["claim_id"] is not None])
    lines: dict[tuple[str, str, str], ExchangeLine] = {}
    origins: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        if not row["giver"] or not row["receiver"]:
            continue
        key = (row["giver"], row["receiver"], row["concept"])
        line = lines.setdefault(key, ExchangeLine(giver=key[0], receiver=key[1], concept=key[2]))
        if row["item"] not in line.items:
            line.items.append(row["item"])
        if row["doc"] not in line.docs:
            line.docs.append(row["doc"])
        line.claims += 1
        claim = claims.get(row["claim_id"]) if row["claim_id"] is not None else None
        origin = None
        if claim is not None:
            line.figures.append(
                {
                    "doc": claim["doc"],
                    "quote": claim["quote"],
                    "value": claim["value"],
                    "low": claim["low"],
                    "high": claim["high"],
                    "unit": claim["unit"],
                    "when": claim["when"],
                    "claim_id": claim["id"],
                    "source": claim["source"],
                    "modality": claim["modality"],
                }
            )
            origin = claim["source"] or claim["outlet"]
            dated = claim["when"] or claim["published"]
            if dated:
                line.first = min(filter(None, [line.first, dated]))
                line.last = max(filter(None, [line.last, dated]))
        origins[key][origin or row["doc"]] += 1
    for key, line in lines.items():
        line.sources = sorted(origins[key])
    return sorted(lines.values(), key=lambda ln: (-ln.claims, ln.giver, ln.receiver, ln.concept))


def exchange(ledger: Ledger, a: str, b: str, registry: PartyRegistry) -> list[ExchangeLine]:
    """What A gives B, then what B gives A."""
    first, second = resolve_party(a, registry), resolve_party(b, registry)
    return flow_summary(ledger, giver=first, receiver=second) + flow_summary(
        ledger, giver=second, receiver=first
    )


def top_pair(ledger: Ledger) -> tuple[str, str] | None:
    """The two parties with the most flows between them, either way."""
    counts: Counter[tuple[str, str]] = Counter()
    for row in ledger.flows():
        if row["giver"] and row["receiver"]:
            a, b = sorted((row["giver"], row["receiver"]))
            counts[(a, b)] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def party_profile(ledger: Ledger, name: str, registry: PartyRegistry) -> PartyProfile:
    """Aliases, mention count and flows in and out of one party."""
    party = registry.resolve(name)
    if party is None:
        stored = {p.name.lower(): p for p in ledger.parties()}
        party = stored.get(name.lower())
    if party is None:
        raise UsageError(f"unknown party {name!r}; see 'claimledger parties' for the known names")
    mentions = len(ledger.claims(party=party.name))
    return PartyProfile(
        party=party,
        aliases=list(party.aliases),
        mentions=mentions,
        flows_out=flow_summary(ledger, giver=party.name),
        flows_in=flow_summary(ledger, receiver=party.name),
    )


def party_counts(ledger: Ledger) -> list[tuple[str, int, int]]:
    """(party, flows out, flows in) for every party that gives or receives anything."""
    out: Counter[str] = Counter()
    into: Counter[str] = Counter()
    for row in ledger.flows():
        if row["giver"]:
            out[row["giver"]] += 1
        if row["receiver"]:
            into[row["receiver"]] += 1
    names = sorted(set(out) | set(into), key=lambda n: -(out[n] + into[n]))
    return [(n, out[n], into[n]) for n in names]
