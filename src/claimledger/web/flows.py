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
from claimledger.web.reads import conn

_FIGURE_COLUMNS = 'id, quote, value, low, high, unit, "when", source, modality'


def _tuples(ledger: Ledger, sql: str, params: list[str]) -> list[tuple[Any, ...]]:
    """Plain tuples: several times cheaper than sqlite3.Row for thousands of rows."""
    cursor = conn(ledger).cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


def flow_lines(
    ledger: Ledger, *, giver: str | None = None, receiver: str | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Flows grouped by (giver, receiver, concept), most claims first, <= `limit` figures each.

    Reads flows, their documents and their claims in three indexed queries and groups in
    Python: joining them in SQL costs several times more on a large ledger.
    """
    where = ["f.giver IS NOT NULL", "f.receiver IS NOT NULL", "f.giver != ''", "f.receiver != ''"]
    params: list[str] = []
    for column, value in (("f.giver", giver), ("f.receiver", receiver)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    clause = " AND ".join(where)
    found = _tuples(ledger, 'SELECT f.giver, f.receiver, f.concept, f.item, f.doc_id, f.claim_id, '
                    f'f."start", f.id FROM flows AS f WHERE {clause}', params)  # fmt: skip
    docs = {row[0]: row[1:] for row in _tuples(ledger,
        "SELECT id, name, published, outlet FROM documents WHERE id IN "
        f"(SELECT f.doc_id FROM flows AS f WHERE {clause})", params)}  # fmt: skip
    claims = {row[0]: row[1:] for row in _tuples(ledger,
        'SELECT c.id, c."when", c.source FROM flows AS f JOIN claims AS c ON c.id = f.claim_id '
        f"WHERE {clause}", params)}  # fmt: skip
    found.sort(key=lambda r: (docs[r[4]][0], r[4], r[6], r[7]))
    lines: dict[tuple[str, str, str], dict[str, Any]] = {}
    origins: dict[tuple[str, str, str], set[str]] = {}
    for giver_, receiver_, concept, item, doc_id, claim_id, _, _ in found:
        key = (giver_, receiver_, concept)
        name, published, outlet = docs[doc_id]
        line = lines.get(key)
        if line is None:
            line = lines[key] = {
                "giver": giver_, "receiver": receiver_, "from": giver_, "to": receiver_,
                "concept": concept, "items": [], "figures": [], "sources": [], "claims": 0,
                "first": None, "last": None, "docs": [], "figures_total": 0,
            }  # fmt: skip
            origins[key] = set()
        if item not in line["items"]:
            line["items"].append(item)
        if name not in line["docs"]:
            line["docs"].append(name)
        line["claims"] += 1
        claim = claims.get(claim_id) if claim_id is not None else None
        origin = None
        if claim is not None:
            line["figures_total"] += 1
            if line["figures_total"] <= limit:
                line["figures"].append({"claim_id": claim_id, "doc": name})
            when, source = claim
            origin = source or outlet
            dated = when or published
            if dated:
                line["first"] = dated if line["first"] is None else min(line["first"], dated)
                line["last"] = dated if line["last"] is None else max(line["last"], dated)
        origins[key].add(origin or name)
    details = _figure_details(
        ledger, [f["claim_id"] for ln in lines.values() for f in ln["figures"]]
    )
    for key, line in lines.items():
        line["sources"] = sorted(origins[key])
        line["figures"] = [{"doc": f["doc"], **details[f["claim_id"]]} for f in line["figures"]]
    return sorted(
        lines.values(), key=lambda ln: (-ln["claims"], ln["giver"], ln["receiver"], ln["concept"])
    )


def _figure_details(ledger: Ledger, ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for lo in range(0, len(ids), 500):
        chunk = ids[lo : lo + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn(ledger).execute(
            f"SELECT {_FIGURE_COLUMNS} FROM claims WHERE id IN ({marks})", chunk
        ):
            figure = dict(row)
            figure["claim_id"] = figure.pop("id")
            out[figure["claim_id"]] = figure
    return out


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
    row = (
        conn(ledger)
        .execute(
            "SELECT min(giver, receiver) AS a, max(giver, receiver) AS b, count(*) AS n FROM flows "
            "WHERE giver IS NOT NULL AND receiver IS NOT NULL AND giver != '' AND receiver != '' "
            "GROUP BY a, b ORDER BY n DESC, a, b LIMIT 1"
        )
        .fetchone()
    )
    return None if row is None else (row["a"], row["b"])


def mentions(ledger: Ledger, name: str) -> int:
    """Claims naming the party as giver, receiver or source, or linked to it by name or alias."""
    return (
        conn(ledger)
        .execute(
            "SELECT count(*) FROM claims AS c WHERE c.from_party = :p OR c.to_party = :p "
            "OR c.source = :p OR c.id IN (SELECT cp.claim_id FROM claim_parties AS cp "
            "WHERE cp.party_id IN (SELECT id FROM parties WHERE name = :p UNION "
            "SELECT party_id FROM party_aliases WHERE alias = :p))",
            {"p": name},
        )
        .fetchone()[0]
    )


def party_profile(ledger: Ledger, name: str, registry: PartyRegistry) -> dict[str, Any]:
    """Aliases, mention count and flows in and out of one party; UsageError when unknown."""
    party = registry.resolve(name)
    if party is None:
        party = {p.name.lower(): p for p in ledger.parties()}.get(name.lower())
    if party is None:
        raise UsageError(f"unknown party {name!r}; see 'claimledger parties' for the known names")
    return {
        "party": {
            "name": party.name,
            "kind": party.kind,
            "aliases": list(party.aliases),
            "code": party.code,
            "affiliation": party.affiliation,
        },  # fmt: skip
        "aliases": list(party.aliases),
        "mentions": mentions(ledger, party.name),
        "flows_out": flow_lines(ledger, giver=party.name, limit=6),
        "flows_in": flow_lines(ledger, receiver=party.name, limit=6),
    }
