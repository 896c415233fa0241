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
                    modality, from_party, to_party, vague, currency, extractor_version)
VALUES (:doc_id, :doc, :quote, :start, :end, :sent_start, :sent_end, :sentence,
        :value, :low, :high, :qualifier, :unit, :item, :concept, :per, :when, :source,
        :modality, :from_party, :to_party, :vague, :currency, :extractor_version)
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
        sql = SELECT_CLAIMS
        if where:
            sql += "WHERE " + "\n  AND ".join(where) + "\n"
        sql += f"ORDER BY {ORDERS[self.order]}\nLIMIT :limit OFFSET :offset"
        params["limit"] = -1 if self.limit is None else self.limit
        params["offset"] = self.offset
        return sql, params
