"""The exchange ledger: what one party gives another, line by concept, with figures and sources."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimledger import display
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
    figures_total: int = 0  # figures behind the line; `figures` may hold only the first few

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
        """The figures merged into one readable range per unit and rate: '10,000–16,000'."""
        return display.span(self.figures)


@dataclass
class PartyProfile:
    """A party as the ledger knows it."""

    party: Party
    aliases: list[str]
    mentions: int
    flows_out: list[ExchangeLine]
    flows_in: list[ExchangeLine]


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
    limit: int | None = None,
) -> list[ExchangeLine]:
    """Flows grouped by (giver, receiver, concept), most claims first.

    Each line keeps at most `limit` figures (None: all), in document order, and counts
    them all in `figures_total`. Giver and receiver match case-insensitively.
    """
    lines: dict[tuple[str, str, str], ExchangeLine] = {}
    origins: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    items: dict[tuple[str, str, str], dict[str, None]] = defaultdict(dict)  # ordered sets
    docs: dict[tuple[str, str, str], dict[str, None]] = defaultdict(dict)
    for fact in ledger.flow_facts(giver=giver, receiver=receiver, concept=concept):
        key = (fact.giver, fact.receiver, fact.concept)
        line = lines.get(key)
        if line is None:
            line = lines[key] = ExchangeLine(giver=key[0], receiver=key[1], concept=key[2])
        items[key][fact.item] = None
        docs[key][fact.doc] = None
        line.claims += 1
        origin = None
        if fact.claim_id is not None:
            line.figures_total += 1
            if limit is None or line.figures_total <= limit:
                line.figures.append({"claim_id": fact.claim_id})
            origin = fact.source or fact.outlet
            dated = fact.when or fact.published
            if dated:
                line.first = dated if line.first is None else min(line.first, dated)
                line.last = dated if line.last is None else max(line.last, dated)
        origins[key].add(origin or fact.doc)
    figures = ledger.figures(f["claim_id"] for ln in lines.values() for f in ln.figures)
    for key, line in lines.items():
        line.sources = sorted(origins[key])
        line.items, line.docs = list(items[key]), list(docs[key])
        line.figures = [{**figures[f["claim_id"]], "claim_id": f["claim_id"]} for f in line.figures]
    return sorted(lines.values(), key=lambda ln: (-ln.claims, ln.giver, ln.receiver, ln.concept))


def exchange(
    ledger: Ledger, a: str, b: str, registry: PartyRegistry, *, limit: int | None = None
) -> list[ExchangeLine]:
    """What A gives B, then what B gives A; `limit` caps the figures per line."""
    first, second = resolve_party(a, registry), resolve_party(b, registry)
    return flow_summary(ledger, giver=first, receiver=second, limit=limit) + flow_summary(
        ledger, giver=second, receiver=first, limit=limit
    )


def top_pair(ledger: Ledger) -> tuple[str, str] | None:
    """The two parties with the most flows between them, either way (ties: by name)."""
    found = ledger.pair_counts(either_way=True, limit=1)
    return (found[0][0], found[0][1]) if found else None


def party_profile(
    ledger: Ledger, name: str, registry: PartyRegistry, *, limit: int | None = None
) -> PartyProfile:
    """Aliases, mention count and flows in and out of one party; `limit` caps figures per line."""
    party = registry.resolve(name)
    if party is None:
        stored = {p.name.lower(): p for p in ledger.parties()}
        party = stored.get(name.lower())
    if party is None:
        raise UsageError(f"unknown party {name!r}; see 'claimledger parties' for the known names")
    return PartyProfile(
        party=party,
        aliases=list(party.aliases),
        mentions=ledger.count_mentions(party.name),
        flows_out=flow_summary(ledger, giver=party.name, limit=limit),
        flows_in=flow_summary(ledger, receiver=party.name, limit=limit),
    )


def party_counts(ledger: Ledger) -> list[tuple[str, int, int]]:
    """(party, flows out, flows in) for every party that gives or receives anything."""
    return ledger.party_flow_counts()
