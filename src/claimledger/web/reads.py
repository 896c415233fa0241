"""The read queries pages need beyond the Ledger API: filtered counts, facets, check lookups.

Every query is bounded (LIMIT, indexed lookups) so pages stay fast on 100,000 claims.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from claimledger.store import Ledger
from claimledger.store.queries import fts_query

CLAIM_COLUMNS = (
    'c.id, c.doc_id, c.doc, c.quote, c."start", c."end", c.sent_start, c.sent_end, c.sentence, '
    'c.value, c.low, c.high, c.qualifier, c.unit, c.item, c.concept, c.per, c."when", '
    "c.source, c.modality, c.from_party, c.to_party, c.vague, c.currency, "
    "d.title, d.outlet, d.published, d.url, d.origin"
)
# The time a claim is about: its `when` (first part of a span), else the publication date.
DATE_KEY = "coalesce(substr(c.\"when\", 1, instr(c.\"when\" || '/', '/') - 1), d.published)"
SORTS: dict[str, str] = {
    "doc": "c.id",  # ingestion order: document by document, each in text order
    "date": f"{DATE_KEY} IS NULL, {DATE_KEY}, c.id",
    "-date": f"{DATE_KEY} IS NULL, {DATE_KEY} DESC, c.id",
    "value": "coalesce(c.value, c.high) IS NULL, coalesce(c.value, c.high), c.id",
    "-value": "coalesce(c.value, c.high) IS NULL, coalesce(c.value, c.high) DESC, c.id",
    "item": "c.concept IS NULL, c.concept, c.item, c.id",
    "source": "c.source IS NULL, c.source, c.id",
}
DIRECTIONS = ("any", "from", "to")


def conn(ledger: Ledger) -> sqlite3.Connection:
    """The ledger's connection, for the read-only SQL below (the Ledger API has no counts)."""
    return ledger._conn


def rows(ledger: Ledger, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    return [dict(row) for row in conn(ledger).execute(sql, params)]


@dataclass(frozen=True, kw_only=True)
class FigureQuery:
    """The figures table's filters, sort and page; None or '' means any."""

    concept: str | None = None
    party: str | None = None  # canonical party name
    direction: str = "any"  # any, from, to
    source: str | None = None  # substring
    modality: str | None = None
    verdict: str | None = None
    date_from: str | None = None  # ISO prefix
    date_to: str | None = None
    q: str | None = None  # full-text over sentences
    sort: str = "doc"
    page: int = 1
    per_page: int = 50

    def where(self) -> tuple[str, dict[str, Any]] | None:
        """The WHERE clause and parameters; None when the search can match nothing."""
        where: list[str] = []
        params: dict[str, Any] = {}
        if self.concept:
            where.append("c.concept = :concept")
            params["concept"] = self.concept
        if self.party:
            params["party"] = self.party
            if self.direction == "from":
                where.append("c.from_party = :party")
            elif self.direction == "to":
                where.append("c.to_party = :party")
            else:
                where.append(
                    "(c.from_party = :party OR c.to_party = :party OR c.id IN ("
                    "SELECT cp.claim_id FROM claim_parties AS cp JOIN parties AS p "
                    "ON p.id = cp.party_id WHERE p.name = :party))"
                )
        if self.source:
            where.append("instr(lower(c.source), :source) > 0")
            params["source"] = self.source.lower()
        if self.modality:
            where.append("c.modality = :modality")
            params["modality"] = self.modality
        if self.verdict:
            where.append(
                "c.id IN (SELECT cc.claim_id FROM check_claims AS cc JOIN checks AS k "
                "ON k.id = cc.check_id WHERE k.verdict = :verdict)"
            )
            params["verdict"] = self.verdict
        if self.date_from:
            where.append(f"{DATE_KEY} >= :date_from")
            params["date_from"] = self.date_from
        if self.date_to:
            where.append(f"{DATE_KEY} <= :date_to || '~'")
            params["date_to"] = self.date_to
        if self.q and self.q.strip():
            match = fts_query(self.q)
            if match is None:
                return None
            where.append("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :match)")
            params["match"] = match
        return (" WHERE " + " AND ".join(where) if where else ""), params


def figures(ledger: Ledger, query: FigureQuery) -> tuple[list[dict[str, Any]], int]:
    """One page of claims matching `query`, and how many match in all."""
    built = query.where()
    if built is None:
        return [], 0
    where, params = built
    base = "FROM claims AS c JOIN documents AS d ON d.id = c.doc_id" + where
    total = conn(ledger).execute(f"SELECT count(*) {base}", params).fetchone()[0]
    order = SORTS.get(query.sort, SORTS["doc"])
    params = {**params, "limit": query.per_page, "offset": (query.page - 1) * query.per_page}
    sql = f"SELECT {CLAIM_COLUMNS} {base} ORDER BY {order} LIMIT :limit OFFSET :offset"
    return rows(ledger, sql, params), total


def claim(ledger: Ledger, claim_id: int) -> dict[str, Any] | None:
    sql = (
        f"SELECT {CLAIM_COLUMNS} FROM claims AS c JOIN documents AS d ON d.id = c.doc_id "
        "WHERE c.id = ?"
    )
    found = rows(ledger, sql, (claim_id,))
    return found[0] if found else None


def claims_by_id(ledger: Ledger, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    sql = (
        f"SELECT {CLAIM_COLUMNS} FROM claims AS c JOIN documents AS d ON d.id = c.doc_id "
        f"WHERE c.id IN ({marks})"
    )
    return {row["id"]: row for row in rows(ledger, sql, wanted)}


def facets(ledger: Ledger) -> dict[str, list[dict[str, Any]]]:
    """The values the figure filters offer, most frequent first."""
    return {
        "concepts": rows(
            ledger,
            "SELECT concept AS value, count(*) AS n FROM claims WHERE concept IS NOT NULL "
            "GROUP BY concept ORDER BY n DESC, concept LIMIT 200",
        ),
        "sources": rows(
            ledger,
            "SELECT source AS value, count(*) AS n FROM claims WHERE source IS NOT NULL "
            "GROUP BY source ORDER BY n DESC, source LIMIT 100",
        ),
        "parties": rows(
            ledger,
            "SELECT p.name AS value, count(*) AS n FROM claim_parties AS cp "
            "JOIN parties AS p ON p.id = cp.party_id GROUP BY p.id ORDER BY n DESC, p.name "
            "LIMIT 100",
        ),
    }


def check_members(ledger: Ledger, check_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    """The claims of each check, in order, with their documents' titles and outlets."""
    wanted = sorted(set(check_ids))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    sql = (
        f"SELECT cc.check_id, {CLAIM_COLUMNS} FROM check_claims AS cc "
        "JOIN claims AS c ON c.id = cc.claim_id JOIN documents AS d ON d.id = c.doc_id "
        f"WHERE cc.check_id IN ({marks}) ORDER BY cc.check_id, cc.position"
    )
    members: dict[int, list[dict[str, Any]]] = {}
    for row in rows(ledger, sql, wanted):
        members.setdefault(row.pop("check_id"), []).append(row)
    return members


def _with_members(ledger: Ledger, checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    members = check_members(ledger, (c["id"] for c in checks))
    return [{**check, "claims": members.get(check["id"], [])} for check in checks]


def checks_page(
    ledger: Ledger,
    *,
    verdicts: Iterable[str] = (),
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Newest checks first, filtered by verdicts and kind ('group' or 'arithmetic')."""
    where: list[str] = []
    params: list[Any] = []
    chosen = list(verdicts)
    if chosen:
        where.append(f"verdict IN ({','.join('?' * len(chosen))})")
        params.extend(chosen)
    if kind == "group":
        where.append("kind = 'group'")
    elif kind == "arithmetic":
        where.append("kind != 'group'")
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn(ledger).execute(f"SELECT count(*) FROM checks{clause}", params).fetchone()[0]
    found = rows(
        ledger,
        f"SELECT id, kind, verdict, note FROM checks{clause} ORDER BY id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return _with_members(ledger, found), total


def checks_of_claims(ledger: Ledger, claim_ids: Iterable[int]) -> list[dict[str, Any]]:
    """Every check that cites one of `claim_ids`, with all its members."""
    wanted = sorted(set(claim_ids))
    if not wanted:
        return []
    marks = ",".join("?" * len(wanted))
    found = rows(
        ledger,
        "SELECT id, kind, verdict, note FROM checks WHERE id IN (SELECT check_id FROM "
        f"check_claims WHERE claim_id IN ({marks})) ORDER BY id",
        wanted,
    )
    return _with_members(ledger, found)


def verdict_counts(ledger: Ledger) -> dict[str, int]:
    return {
        row["verdict"]: row["n"]
        for row in rows(ledger, "SELECT verdict, count(*) AS n FROM checks GROUP BY verdict")
    }


def _scale_key(unit: str, per: str | None) -> str:
    return f"{unit}/{per}" if per else unit


def timeline(ledger: Ledger, concept: str, scale: str, limit: int = 2000) -> list[dict[str, Any]]:
    """Claims about `concept` on one scale ('USD' or 'USD/month'), oldest first.

    An undated claim sits at its document's publication date.
    """
    unit, _, per = scale.partition("/")
    columns = (
        "c.id, c.doc_id, c.doc, c.quote, c.value, c.low, c.high, c.qualifier, c.unit, c.per, "
        'c."when", c.source, c.modality, d.title, d.outlet, d.published, d.url'
    )
    sql = (
        f"SELECT {columns}, {DATE_KEY} AS date_key FROM claims AS c "
        "JOIN documents AS d ON d.id = c.doc_id WHERE c.concept = ? AND c.unit = ? "
        f"AND coalesce(c.per, '') = ? AND {DATE_KEY} IS NOT NULL ORDER BY date_key, c.id LIMIT ?"
    )
    return rows(ledger, sql, (concept, unit, per, limit))


def scales_of(ledger: Ledger, concept: str) -> list[dict[str, Any]]:
    """The unit and rate combinations `concept` is counted in, most used first."""
    found = rows(
        ledger,
        "SELECT unit, per, count(*) AS n FROM claims WHERE concept = ? "
        "GROUP BY unit, per ORDER BY n DESC, unit, per",
        (concept,),
    )
    return [{"value": _scale_key(r["unit"], r["per"]), "n": r["n"]} for r in found]


def documents_page(ledger: Ledger, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    total = conn(ledger).execute("SELECT count(*) FROM documents").fetchone()[0]
    found = rows(
        ledger,
        "SELECT d.id, d.name, d.title, d.outlet, d.author, d.published, d.kind, d.origin, "
        "(SELECT count(*) FROM claims AS c WHERE c.doc_id = d.id) AS claims "
        "FROM documents AS d ORDER BY d.rowid DESC LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return found, total
