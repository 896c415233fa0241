"""The ledger's SQL statements and the translation of claim filters into a WHERE clause."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from claimledger.errors import UsageError


def fold(text: str | None) -> str | None:
    """Case-folded text, for case-insensitive matching beyond ASCII (SQL function `cl_fold`)."""
    return None if text is None else text.casefold()


def register_functions(conn: sqlite3.Connection) -> None:
    """Add the SQL functions the queries below rely on."""
    conn.create_function("cl_fold", 1, fold, deterministic=True)


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from user text: every word quoted, all required; None if no words."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{word}"' for word in words) or None


INSERT_DOCUMENT = """
INSERT INTO documents (id, name, origin, kind, title, outlet, author, published, url,
                       body_start, text, meta_json, ingested_at)
VALUES (:id, :name, :origin, :kind, :title, :outlet, :author, :published, :url,
        :body_start, :text, :meta_json, :ingested_at)
"""

INSERT_CLAIM = """
INSERT INTO claims (doc_id, doc, quote, "start", "end", sent_start, sent_end, sentence,
                    value, low, high, qualifier, unit, item, concept, per, "when", source,
                    modality, from_party, to_party, party_basis, vague, currency,
                    extractor_version)
VALUES (:doc_id, :doc, :quote, :start, :end, :sent_start, :sent_end, :sentence,
        :value, :low, :high, :qualifier, :unit, :item, :concept, :per, :when, :source,
        :modality, :from_party, :to_party, :party_basis, :vague, :currency,
        :extractor_version)
"""

INSERT_FLOW = """
INSERT INTO flows (doc_id, giver, receiver, item, concept, "start", "end",
                   sent_start, sent_end, claim_id)
VALUES (:doc_id, :giver, :receiver, :item, :concept, :start, :end,
        :sent_start, :sent_end, :claim_id)
"""

UPSERT_PARTY = """
INSERT INTO parties (name, kind, code, affiliation) VALUES (?, ?, ?, ?)
ON CONFLICT (name) DO UPDATE SET
    kind = excluded.kind,
    code = coalesce(excluded.code, parties.code),
    affiliation = coalesce(excluded.affiliation, parties.affiliation)
"""

INSERT_ALIAS = "INSERT OR IGNORE INTO party_aliases (party_id, alias) VALUES (?, ?)"
INSERT_CLAIM_PARTY = (
    "INSERT OR IGNORE INTO claim_parties (claim_id, party_id, role) VALUES (?, ?, ?)"
)

SELECT_CLAIMS = """
SELECT c.*, d.title, d.outlet, d.published, d.url
FROM claims AS c JOIN documents AS d ON d.id = c.doc_id
"""

SELECT_FLOWS = """
SELECT f.id, f.doc_id, d.name AS doc, f.giver, f.receiver, f.item, f.concept,
       f."start", f."end", f.sent_start, f.sent_end, f.claim_id,
       CASE WHEN f.sent_end > f.sent_start
            THEN substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start) END AS sentence
FROM flows AS f JOIN documents AS d ON d.id = f.doc_id
"""

SELECT_CHECK_CLAIMS = """
SELECT cc.check_id, c.id, c.doc_id, c.doc, c.quote, c."start", c."end"
FROM check_claims AS cc JOIN claims AS c ON c.id = cc.claim_id
ORDER BY cc.check_id, cc.position
"""

# A party matches a claim by its from/to/source text or through a claim_parties link,
# where the linked party's name or one of its aliases matches.
_PARTY_MATCH = """(
    cl_fold(c.from_party) = :party OR cl_fold(c.to_party) = :party
    OR cl_fold(c.source) = :party
    OR EXISTS (
        SELECT 1 FROM claim_parties AS cp JOIN parties AS p ON p.id = cp.party_id
        WHERE cp.claim_id = c.id AND (
            cl_fold(p.name) = :party OR EXISTS (
                SELECT 1 FROM party_aliases AS a
                WHERE a.party_id = p.id AND cl_fold(a.alias) = :party))))"""

ORDERS: dict[str, str] = {
    "doc": 'c.doc, c.doc_id, c."start", c."end"',
    "published": 'd.published IS NULL, d.published, c.doc, c."start", c."end"',
    "value": "c.value IS NULL, c.value DESC, c.id",
    "id": "c.id",
}


@dataclass(frozen=True, kw_only=True)
class ClaimFilter:
    """Which claims to return; every given field must match (None means any)."""

    item: str | None = None  # substring, case-insensitive
    party: str | None = None  # from, to or source name, or a linked party's name or alias
    source: str | None = None  # substring, case-insensitive
    modality: str | None = None
    unit: str | None = None
    doc: str | None = None  # document name (stem) or document id
    concept: str | None = None
    search: str | None = None  # words, all required, over the full-text index
    limit: int | None = None
    offset: int = 0
    order: str = "doc"

    def sql(self) -> tuple[str, dict[str, Any]] | None:
        """The SELECT for these filters and its parameters; None when nothing can match."""
        if self.order not in ORDERS:
            raise UsageError(f"unknown order {self.order!r}; use one of: {', '.join(ORDERS)}")
        built = self.where()
        if built is None:
            return None
        where, params = built
        sql = f"{SELECT_CLAIMS}{where}ORDER BY {ORDERS[self.order]}\nLIMIT :limit OFFSET :offset"
        params["limit"] = -1 if self.limit is None else self.limit
        params["offset"] = self.offset
        return sql, params

    def where(self) -> tuple[str, dict[str, Any]] | None:
        """The WHERE clause (with its newline; '' for no filter) and its parameters."""
        where: list[str] = []
        params: dict[str, Any] = {}
        if self.item is not None:
            where.append("instr(cl_fold(c.item), :item) > 0")
            params["item"] = fold(self.item)
        if self.source is not None:
            where.append("instr(cl_fold(c.source), :source) > 0")
            params["source"] = fold(self.source)
        if self.party is not None:
            where.append(_PARTY_MATCH)
            params["party"] = fold(self.party.strip())
        for name in ("modality", "unit", "concept"):
            value = getattr(self, name)
            if value is not None:
                where.append(f"c.{name} = :{name}")
                params[name] = value
        if self.doc is not None:
            where.append("(c.doc = :doc OR c.doc_id = :doc)")
            params["doc"] = self.doc
        if self.search is not None and self.search.strip():
            match = fts_query(self.search)
            if match is None:
                return None
            where.append("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :match)")
            params["match"] = match
        return ("WHERE " + "\n  AND ".join(where) + "\n" if where else ""), params


# -- reads for exchange lines and pages ---------------------------------------------------

# Flows that name both a giver and a receiver ('' != NULL is not true, so NULLs drop too).
NAMED_FLOWS = "f.giver != '' AND f.receiver != ''"

SELECT_FLOW_FACTS = """
SELECT f.giver, f.receiver, f.concept, f.item, f.doc_id, f.claim_id, f."start", f.id
FROM flows AS f WHERE {where}
"""
SELECT_FLOW_DOCUMENTS = """
SELECT id, name, published, outlet FROM documents
WHERE id IN (SELECT f.doc_id FROM flows AS f WHERE {where})
"""
SELECT_FLOW_CLAIMS = """
SELECT c.id, c."when", c.source FROM flows AS f JOIN claims AS c ON c.id = f.claim_id
WHERE {where}
"""
SELECT_FIGURES = """
SELECT id, doc, quote, value, low, high, unit, "when", source, modality FROM claims
WHERE id IN ({marks})
"""

SELECT_PARTY_NAMES = (
    "SELECT id, name FROM parties UNION ALL SELECT party_id, alias FROM party_aliases"
)
SELECT_PAIR_COUNTS = f"""
SELECT f.giver AS a, f.receiver AS b, count(*) AS n FROM flows AS f WHERE {NAMED_FLOWS}
GROUP BY a, b ORDER BY n DESC, a, b LIMIT ?
"""
SELECT_EITHER_WAY_PAIR_COUNTS = f"""
SELECT min(f.giver, f.receiver) AS a, max(f.giver, f.receiver) AS b, count(*) AS n
FROM flows AS f WHERE {NAMED_FLOWS} GROUP BY a, b ORDER BY n DESC, a, b LIMIT ?
"""
SELECT_PARTY_FLOW_COUNTS = """
SELECT name, sum(out_n) AS out_n, sum(in_n) AS in_n FROM (
    SELECT giver AS name, count(*) AS out_n, 0 AS in_n FROM flows WHERE giver != ''
    GROUP BY giver
    UNION ALL
    SELECT receiver, 0, count(*) FROM flows WHERE receiver != '' GROUP BY receiver)
GROUP BY name ORDER BY out_n + in_n DESC, name
"""

# The claim columns pages show: the claim, its document's title, outlet, date, link, origin.
PAGE_CLAIM_COLUMNS = (
    'c.id, c.doc_id, c.doc, c.quote, c."start", c."end", c.sent_start, c.sent_end, c.sentence, '
    'c.value, c.low, c.high, c.qualifier, c.unit, c.item, c.concept, c.per, c."when", '
    "c.source, c.modality, c.from_party, c.to_party, c.vague, c.currency, "
    "d.title, d.outlet, d.published, d.url, d.origin"
)
CLAIMS_WITH_DOCUMENTS = "FROM claims AS c JOIN documents AS d ON d.id = c.doc_id"
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

FACETS = {
    "concepts": "SELECT concept AS value, count(*) AS n FROM claims WHERE concept IS NOT NULL "
    "GROUP BY concept ORDER BY n DESC, concept LIMIT 200",
    "sources": "SELECT source AS value, count(*) AS n FROM claims WHERE source IS NOT NULL "
    "GROUP BY source ORDER BY n DESC, source LIMIT 100",
    "parties": "SELECT p.name AS value, count(*) AS n FROM claim_parties AS cp "
    "JOIN parties AS p ON p.id = cp.party_id GROUP BY p.id ORDER BY n DESC, p.name LIMIT 100",
}

SELECT_CHECK_MEMBERS = f"""
SELECT cc.check_id, {PAGE_CLAIM_COLUMNS} FROM check_claims AS cc
JOIN claims AS c ON c.id = cc.claim_id JOIN documents AS d ON d.id = c.doc_id
WHERE cc.check_id IN ({{marks}}) ORDER BY cc.check_id, cc.position
"""
SELECT_CHECKS_CITING = """
SELECT id, kind, verdict, note FROM checks
WHERE id IN (SELECT check_id FROM check_claims WHERE claim_id IN ({marks})) ORDER BY id
"""

SELECT_TIMELINE = f"""
SELECT c.id, c.doc_id, c.doc, c.quote, c.value, c.low, c.high, c.qualifier, c.unit, c.per,
       c."when", c.source, c.modality, d.title, d.outlet, d.published, d.url,
       {DATE_KEY} AS date_key
{CLAIMS_WITH_DOCUMENTS}
WHERE c.concept = ? AND c.unit = ? AND coalesce(c.per, '') = ? AND {DATE_KEY} IS NOT NULL
ORDER BY date_key, c.id LIMIT ?
"""
SELECT_SCALES = """
SELECT unit, per, count(*) AS n FROM claims WHERE concept = ?
GROUP BY unit, per ORDER BY n DESC, unit, per
"""
SELECT_DOCUMENT_PAGE = """
SELECT d.id, d.name, d.title, d.outlet, d.author, d.published, d.kind, d.origin,
       (SELECT count(*) FROM claims AS c WHERE c.doc_id = d.id) AS claims
FROM documents AS d ORDER BY d.rowid DESC LIMIT ? OFFSET ?
"""


@dataclass(frozen=True, kw_only=True)
class FigureQuery:
    """The figure table's filters, sort and page (exact party names); None or '' means any."""

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
