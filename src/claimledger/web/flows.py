"""Exchange lines and party profiles for pages, aggregated in SQL so pages stay fast.

The lines are those of `claimledger.exchange.flow_summary` (same grouping, counts, items,
sources, first/last dates; tests compare the two), but each carries at most `limit`
figures, plus `figures_total`: a page shows the first few and links to the rest. Built
here because the library version loads every flow and claim (seconds on 100,000 claims).
"""

from __future__ import annotations

from typing import Any

from claimledger.errors import UsageError
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger
from claimledger.web.reads import conn, rows

# Flow rows in the library's order, each with its claim's figure, date and origin.
_FLOW_ROWS = """
SELECT f.id, f.giver, f.receiver, f.concept, f.item, d.name AS doc, f.claim_id,
       c.quote, c.value, c.low, c.high, c.unit, c."when", c.source, c.modality,
       CASE WHEN c.id IS NOT NULL THEN coalesce(c."when", d.published) END AS dated,
       coalesce(CASE WHEN c.id IS NOT NULL THEN coalesce(c.source, d.outlet) END, d.name)
           AS origin,
       row_number() OVER (PARTITION BY f.giver, f.receiver, f.concept
                          ORDER BY d.name, f.doc_id, f."start", f.id) AS position
FROM flows AS f JOIN documents AS d ON d.id = f.doc_id
LEFT JOIN claims AS c ON c.id = f.claim_id
WHERE f.giver IS NOT NULL AND f.receiver IS NOT NULL AND f.giver != '' AND f.receiver != ''
"""
_FIGURE_KEYS = ("doc", "quote", "value", "low", "high", "unit", "when", "claim_id", "source",
                "modality")  # fmt: skip


def _where(giver: str | None, receiver: str | None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if giver is not None:
        clauses.append("f.giver = ?")
        params.append(giver)
    if receiver is not None:
        clauses.append("f.receiver = ?")
        params.append(receiver)
    return "".join(f" AND {c}" for c in clauses), params


def flow_lines(
    ledger: Ledger, *, giver: str | None = None, receiver: str | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Flows grouped by (giver, receiver, concept), most claims first, <= `limit` figures each."""
    where, params = _where(giver, receiver)
    base = f"WITH r AS ({_FLOW_ROWS}{where}) "
    lines: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in conn(ledger).execute(
        base + "SELECT giver, receiver, concept, count(*) AS claims, min(dated) AS first, "
        "max(dated) AS last, count(claim_id) AS figures_total FROM r "
        "GROUP BY giver, receiver, concept",
        params,
    ):
        key = (row["giver"], row["receiver"], row["concept"])
        lines[key] = {"giver": key[0], "receiver": key[1], "from": key[0], "to": key[1],
                      "concept": key[2], "items": [], "figures": [], "sources": [],
                      "claims": row["claims"], "first": row["first"], "last": row["last"],
                      "docs": [], "figures_total": row["figures_total"]}  # fmt: skip
    for column, target in (("item", "items"), ("doc", "docs")):
        for row in conn(ledger).execute(
            base + f"SELECT giver, receiver, concept, {column} AS v, min(position) AS p FROM r "
            f"GROUP BY giver, receiver, concept, {column} ORDER BY p",
            params,
        ):
            lines[(row["giver"], row["receiver"], row["concept"])][target].append(row["v"])
    for row in conn(ledger).execute(
        base + "SELECT DISTINCT giver, receiver, concept, origin FROM r ORDER BY origin", params
    ):
        lines[(row["giver"], row["receiver"], row["concept"])]["sources"].append(row["origin"])
    for row in rows(
        ledger,
        base + "SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY giver, receiver, concept"
        " ORDER BY position) AS nth FROM r WHERE claim_id IS NOT NULL) WHERE nth <= ? "
        "ORDER BY position",
        [*params, limit],
    ):
        figure = {key: row[key] for key in _FIGURE_KEYS}
        lines[(row["giver"], row["receiver"], row["concept"])]["figures"].append(figure)
    return sorted(
        lines.values(), key=lambda ln: (-ln["claims"], ln["giver"], ln["receiver"], ln["concept"])
    )


def _resolve(name: str, registry: PartyRegistry) -> str:
    party = registry.resolve(name)
    if party is None:
        raise UsageError(f"unknown party {name!r}; see 'claimledger parties' for the known names")
    return party.name


def exchange_lines(
    ledger: Ledger, a: str, b: str, registry: PartyRegistry, *, limit: int = 20
) -> list[dict[str, Any]]:
    """What A gives B, then what B gives A; UsageError for an unknown party."""
    first, second = _resolve(a, registry), _resolve(b, registry)
    return flow_lines(ledger, giver=first, receiver=second, limit=limit) + flow_lines(
        ledger, giver=second, receiver=first, limit=limit
    )


def top_pair(ledger: Ledger) -> tuple[str, str] | None:
    """The two parties with the most flows between them, either way (ties: by name)."""
    row = conn(ledger).execute(
        "SELECT min(giver, receiver) AS a, max(giver, receiver) AS b, count(*) AS n FROM flows "
        "WHERE giver IS NOT NULL AND receiver IS NOT NULL AND giver != '' AND receiver != '' "
        "GROUP BY a, b ORDER BY n DESC, a, b LIMIT 1"
    ).fetchone()
    return None if row is None else (row["a"], row["b"])


def mentions(ledger: Ledger, name: str) -> int:
    """Claims naming the party as giver, receiver or source, or linked to it by name or alias."""
    return conn(ledger).execute(
        "SELECT count(*) FROM claims AS c WHERE c.from_party = :p OR c.to_party = :p "
        "OR c.source = :p OR c.id IN (SELECT cp.claim_id FROM claim_parties AS cp "
        "WHERE cp.party_id IN (SELECT id FROM parties WHERE name = :p UNION "
        "SELECT party_id FROM party_aliases WHERE alias = :p))",
        {"p": name},
    ).fetchone()[0]


def party_profile(ledger: Ledger, name: str, registry: PartyRegistry) -> dict[str, Any]:
    """Aliases, mention count and flows in and out of one party; UsageError when unknown."""
    party = registry.resolve(name)
    if party is None:
        party = {p.name.lower(): p for p in ledger.parties()}.get(name.lower())
    if party is None:
        raise UsageError(f"unknown party {name!r}; see 'claimledger parties' for the known names")
    return {
        "party": {"name": party.name, "kind": party.kind, "aliases": list(party.aliases),
                  "code": party.code, "affiliation": party.affiliation},  # fmt: skip
        "aliases": list(party.aliases),
        "mentions": mentions(ledger, party.name),
        "flows_out": flow_lines(ledger, giver=party.name, limit=6),
        "flows_in": flow_lines(ledger, receiver=party.name, limit=6),
    }
