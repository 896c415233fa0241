"""The ledger's SQL statements and the translation of claim filters into a WHERE clause."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field, replace
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
                    extractor_version, change, change_from)
VALUES (:doc_id, :doc, :quote, :start, :end, :sent_start, :sent_end, :sentence,
        :value, :low, :high, :qualifier, :unit, :item, :concept, :per, :when, :source,
        :modality, :from_party, :to_party, :party_basis, :vague, :currency,
        :extractor_version, :change, :change_from)
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
SELECT id, doc, quote, value, low, high, qualifier, unit, per, vague, "when", source, modality
FROM claims
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
GROUP BY name ORDER BY sum(out_n) + sum(in_n) DESC, name
"""

# The claim columns pages show: the claim, its document's title, outlet, date, link, origin.
PAGE_CLAIM_COLUMNS = (
    'c.id, c.doc_id, c.doc, c.quote, c."start", c."end", c.sent_start, c.sent_end, c.sentence, '
    'c.value, c.low, c.high, c.qualifier, c.unit, c.item, c.concept, c.per, c."when", '
    "c.source, c.modality, c.from_party, c.to_party, c.party_basis, c.vague, c.currency, "
    "c.change, c.change_from, d.title, d.outlet, d.published, d.url, d.origin, "
    "substr(d.text, d.body_start + 1, 200) AS head"
)
CLAIMS_WITH_DOCUMENTS = "FROM claims AS c JOIN documents AS d ON d.id = c.doc_id"
# The time a claim is about: its `when` (first part of a span), else the publication date.
DATE_KEY = "coalesce(substr(c.\"when\", 1, instr(c.\"when\" || '/', '/') - 1), d.published)"
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
WHERE c.concept = ? AND c.unit = ? AND coalesce(c.per, '') = ?
ORDER BY {DATE_KEY} IS NULL, date_key, c.id LIMIT ?
"""
SELECT_SCALES = """
SELECT unit, per, count(*) AS n FROM claims WHERE concept = ?
GROUP BY unit, per ORDER BY n DESC, unit, per
"""
SELECT_DOCUMENT_PAGE = """
SELECT d.id, d.name, d.title, d.outlet, d.author, d.published, d.kind, d.origin, d.url,
       substr(d.text, d.body_start + 1, 200) AS head,
       (SELECT count(*) FROM claims AS c WHERE c.doc_id = d.id) AS claims
FROM documents AS d ORDER BY d.rowid DESC LIMIT ? OFFSET ?
"""


# -- the one filter language for claims (CLI `figures`, the web's figure table, exports) ----

# The names a party filter stands for: the party whose name or alias folds to :party, all
# of its names and aliases, and :party itself (a source or giver never linked to a party).
_PARTY_IDS = """(SELECT id FROM parties WHERE cl_fold(name) = :party
    UNION SELECT party_id FROM party_aliases WHERE cl_fold(alias) = :party)"""
_PARTY_NAMES = f"""(SELECT :party UNION SELECT cl_fold(name) FROM parties WHERE id IN {_PARTY_IDS}
    UNION SELECT cl_fold(alias) FROM party_aliases WHERE party_id IN {_PARTY_IDS})"""

_ROLE_LINK = """EXISTS (SELECT 1 FROM claim_parties AS cp WHERE cp.claim_id = c.id
    AND cp.party_id IN {ids}{role})"""
PARTY_MATCH: dict[str, str] = {
    "any": f"""(cl_fold(c.from_party) IN {_PARTY_NAMES} OR cl_fold(c.to_party) IN {_PARTY_NAMES}
    OR cl_fold(c.source) IN {_PARTY_NAMES} OR {_ROLE_LINK.format(ids=_PARTY_IDS, role="")})""",
    "from": f"""(cl_fold(c.from_party) IN {_PARTY_NAMES}
    OR {_ROLE_LINK.format(ids=_PARTY_IDS, role=" AND cp.role = 'from'")})""",
    "to": f"""(cl_fold(c.to_party) IN {_PARTY_NAMES}
    OR {_ROLE_LINK.format(ids=_PARTY_IDS, role=" AND cp.role = 'to'")})""",
}
# The same match once `Ledger` has looked up which stored values fold to the party's names
# (`ClaimFilter.exact`): plain IN lists over indexed columns, no function call per row.
# `|| ''` keeps the name terms filters (SQLite's unary + would, but PostgreSQL has no + for
# text): a party often names most claims, and an OR of index lookups would then cost more
# than checking the rows the other filters (or the order) give.
PARTY_ROLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "any": ("from_party", "to_party", "source"),
    "from": ("from_party",),
    "to": ("to_party",),
}
PARTY_ROLE = {"any": "", "from": " AND cp.role = 'from'", "to": " AND cp.role = 'to'"}
SELECT_PARTY_NAME_FOLDS = f"""SELECT name FROM parties WHERE id IN {_PARTY_IDS}
    UNION SELECT alias FROM party_aliases WHERE party_id IN {_PARTY_IDS}"""
# Distinct stored values of an indexed claim column (read from its index, not the table).
SELECT_DISTINCT = {
    col: f"SELECT DISTINCT {col} FROM claims WHERE {col} IS NOT NULL"
    for col in ("from_party", "to_party", "source", "item")
}


def _in_list(column: str, name: str, values: tuple[str, ...], params: dict[str, Any]) -> str:
    """`column IN (:name_0, ...)` with the values bound; a false term for no values."""
    if not values:
        return "1 = 0"  # a boolean in PostgreSQL too, where 0 is an integer
    marks = []
    for i, value in enumerate(values):
        params[f"{name}_{i}"] = value
        marks.append(f":{name}_{i}")
    return f"{column} IN ({', '.join(marks)})"


DIRECTIONS: tuple[str, ...] = tuple(PARTY_MATCH)

SORTS: dict[str, str] = {
    "doc": 'c.doc, c.doc_id, c."start", c."end"',  # by document name, each in text order
    "published": 'd.published IS NULL, d.published, c.doc, c."start", c."end"',
    "added": "c.id",  # ingestion order: document by document, each in text order
    "-doc": 'c.doc DESC, c.doc_id, c."start", c."end"',
    "date": f"{DATE_KEY} IS NULL, {DATE_KEY}, c.id",
    "-date": f"{DATE_KEY} IS NULL, {DATE_KEY} DESC, c.id",
    "value": "coalesce(c.value, c.low) IS NULL, coalesce(c.value, c.low), c.id",
    "-value": "coalesce(c.value, c.high) IS NULL, coalesce(c.value, c.high) DESC, c.id",
    "item": "c.concept IS NULL, c.concept, c.item, c.id",
    "-item": "c.concept IS NULL, c.concept DESC, c.item DESC, c.id",
    "source": "c.source IS NULL, c.source, c.id",
    "-source": "c.source IS NULL, c.source DESC, c.id",
    "modality": "c.modality, c.id",
    "-modality": "c.modality DESC, c.id",
    "id": "c.id",
}
ORDERS = SORTS  # the name `Ledger.claims(order=...)` callers use


@dataclass(frozen=True, kw_only=True)
class ClaimFilter:
    """Which claims to return, in what order: every given field must match (None means any).

    The one filter language: `claimledger figures`, the web's figure table and its CSV/JSON
    links, and exports all build one of these, so a filter finds the same claims everywhere.
    """

    item: str | None = None  # substring, case-insensitive
    concept: str | None = None
    party: str | None = None  # a name or alias: giver, receiver, source or linked party
    direction: str = "any"  # any, from, to: the role the party plays
    source: str | None = None  # substring, case-insensitive
    modality: str | None = None
    unit: str | None = None
    doc: str | None = None  # document name (stem) or document id
    verdict: str | None = None  # claims cited by a check with this verdict
    date_from: str | None = None  # ISO prefix, on the claim's `when` else its publication
    date_to: str | None = None
    search: str | None = None  # words, all required, over the full-text index
    within: tuple[int, int] | None = None  # claims whose span lies in these text offsets
    limit: int | None = None
    offset: int = 0
    order: str = "doc"
    # Stored values (by column) that the item, source and party filters match, looked up
    # by `Ledger`; with them the WHERE compares indexed columns instead of folding each row.
    exact: dict[str, tuple[str, ...]] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.order not in SORTS:
            raise UsageError(f"unknown order {self.order!r}; use one of: {', '.join(SORTS)}")
        if self.direction not in PARTY_MATCH:
            raise UsageError(f"unknown direction {self.direction!r}; use one of: any, from, to")

    def sql(self) -> tuple[str, dict[str, Any]] | None:
        """The SELECT (claims columns plus document fields) and its parameters; None when
        nothing can match."""
        built = self.where()
        if built is None:
            return None
        where, params = built
        sql = f"{SELECT_CLAIMS}{where}ORDER BY {SORTS[self.order]}\nLIMIT :limit OFFSET :offset"
        return sql, {**params, "limit": -1 if self.limit is None else self.limit,
                     "offset": self.offset}  # fmt: skip

    def page_sql(self) -> tuple[str, str, dict[str, Any]] | None:
        """(count SQL, page SQL with the page columns, parameters); None when nothing matches."""
        built = self.where()
        if built is None:
            return None
        where, params = built
        base = f"{CLAIMS_WITH_DOCUMENTS}\n{where}"
        page = (f"SELECT {PAGE_CLAIM_COLUMNS} {base}ORDER BY {SORTS[self.order]} "
                "LIMIT :limit OFFSET :offset")  # fmt: skip
        params = {**params, "limit": -1 if self.limit is None else self.limit,
                  "offset": self.offset}  # fmt: skip
        return f"SELECT count(*) {_claims_from(where)}\n{where}", page, params

    def where(self) -> tuple[str, dict[str, Any]] | None:
        """The WHERE clause (with its newline; '' for no filter) and its parameters."""
        where: list[str] = []
        params: dict[str, Any] = {}
        exact = self.exact or {}
        if self.item is not None and "item" in exact:
            where.append(_in_list("c.item", "item", exact["item"], params))
        elif self.item is not None:
            where.append("instr(cl_fold(c.item), :item) > 0")
            params["item"] = fold(self.item)
        if self.source is not None and "source" in exact:
            where.append(_in_list("c.source", "source", exact["source"], params))
        elif self.source is not None:
            where.append("instr(cl_fold(c.source), :source) > 0")
            params["source"] = fold(self.source)
        if self.party is not None and "party" in exact:
            terms = [_in_list(f"(c.{col} || '')", f"party_{col}", exact[f"party_{col}"], params)
                     for col in PARTY_ROLE_COLUMNS[self.direction]]  # fmt: skip
            terms.append(_ROLE_LINK.format(ids=_PARTY_IDS, role=PARTY_ROLE[self.direction]))
            where.append("(" + " OR ".join(terms) + ")")
            params["party"] = fold(self.party.strip())
        elif self.party is not None:
            where.append(PARTY_MATCH[self.direction])
            params["party"] = fold(self.party.strip())
        for name in ("modality", "unit", "concept"):
            value = getattr(self, name)
            if value is not None:
                where.append(f"c.{name} = :{name}")
                params[name] = value
        if self.doc is not None:
            where.append("(c.doc = :doc OR c.doc_id = :doc)")
            params["doc"] = self.doc
        if self.within is not None:
            where.append('c."start" >= :within_lo AND c."end" <= :within_hi')
            params["within_lo"], params["within_hi"] = self.within
        if self.verdict is not None:
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
        if self.search is not None and self.search.strip():
            match = fts_query(self.search)
            if match is None:
                return None
            where.append("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :match)")
            params["match"] = match
        return ("WHERE " + "\n  AND ".join(where) + "\n" if where else ""), params


# Facets: the values of a column over the claims a filter finds, most frequent first.
FACET_COLUMNS: dict[str, str] = {
    "concept": "c.concept",
    "unit": "c.unit",
    "source": "c.source",
    "modality": "c.modality",
    "doc": "c.doc",
}
FACET_LIMIT = 12


def _claims_from(where: str) -> str:
    """The FROM for a claim filter: documents joined only when the filter reads them
    (a join per row would cost more than the count itself)."""
    return CLAIMS_WITH_DOCUMENTS if "d." in where else "FROM claims AS c"


def facets_in_one_sql(where: str) -> str:
    """Every facet over a filtered set in one statement: the filter runs once (its rows
    materialised), not once per facet. Rows: (facet, value, n)."""
    source = _claims_from(where)
    cols = ", ".join(f"{expr} AS {name}" for name, expr in FACET_COLUMNS.items())
    parts = [
        f"SELECT '{name}' AS facet, {name} AS value, count(*) AS n FROM m "
        f"WHERE {name} IS NOT NULL GROUP BY {name}"
        for name in FACET_COLUMNS
    ]
    parts.append(
        "SELECT 'verdict', k.verdict, count(DISTINCT cc.claim_id) FROM check_claims AS cc "
        "JOIN checks AS k ON k.id = cc.check_id WHERE cc.claim_id IN (SELECT id FROM m) "
        "GROUP BY k.verdict"
    )
    union = "\nUNION ALL ".join(parts)
    return f"WITH m AS MATERIALIZED (SELECT c.id, {cols} {source}\n{where})\n{union}"


def facet_sql(where: str, column: str) -> str:
    """Counts of `column` (a key of FACET_COLUMNS, or 'verdict') over the filtered claims."""
    source = _claims_from(where)
    if column == "verdict":  # from the (fewer) check links, not from every claim
        scope = f"WHERE cc.claim_id IN (SELECT c.id {source}\n{where})\n" if where else ""
        return (
            "SELECT k.verdict AS value, count(DISTINCT cc.claim_id) AS n FROM check_claims AS cc "
            f"JOIN checks AS k ON k.id = cc.check_id\n{scope}"
            f"GROUP BY k.verdict ORDER BY n DESC, value LIMIT {FACET_LIMIT}"
        )
    expr = FACET_COLUMNS[column]
    scope = where + ("  AND " if where else "WHERE ") + f"{expr} IS NOT NULL\n"
    return (
        f"SELECT {expr} AS value, count(*) AS n {source}\n{scope}"
        f"GROUP BY {expr} ORDER BY n DESC, value LIMIT {FACET_LIMIT}"
    )


SELECT_CLAIM_VERDICTS = """
SELECT cc.claim_id, k.verdict, count(*) AS n FROM check_claims AS cc
JOIN checks AS k ON k.id = cc.check_id WHERE cc.claim_id IN ({marks})
GROUP BY cc.claim_id, k.verdict
"""


SELECT_PARTY_PAGE = """
SELECT p.name, p.kind, p.code, p.affiliation,
       (SELECT count(*) FROM claim_parties AS cp WHERE cp.party_id = p.id) AS claims,
       (SELECT count(*) FROM flows AS f WHERE f.giver = p.name) AS gives,
       (SELECT count(*) FROM flows AS f WHERE f.receiver = p.name) AS receives
FROM parties AS p
WHERE :kind IS NULL OR p.kind = :kind
ORDER BY claims + gives + receives DESC, p.name LIMIT :limit OFFSET :offset
"""


# Full-text search: sentences ranked by bm25, the matched words between \x02 and \x03.
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"
SEARCH_SENTENCES = """
SELECT c.id, c.doc_id, c.doc, c.quote, c.sent_start, c.value, c.low, c.high, c.qualifier,
       c.unit, c.per, c.vague, c.modality, d.title, d.outlet, d.url, d.published,
       substr(d.text, d.body_start + 1, 200) AS head,
       highlight(claims_fts, 0, char(2), char(3)) AS hit, bm25(claims_fts) AS score
FROM claims_fts JOIN claims AS c ON c.id = claims_fts.rowid
JOIN documents AS d ON d.id = c.doc_id
WHERE claims_fts MATCH :match ORDER BY rank LIMIT :limit OFFSET :offset
"""
COUNT_SEARCH = "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH :match"
SEARCH_DOCUMENTS = """
SELECT d.id, d.name, d.title, d.outlet, d.url, d.published,
       substr(d.text, d.body_start + 1, 200) AS head, hits.n AS hits
FROM (SELECT c.doc_id, count(*) AS n, min(m.score) AS best
      FROM (SELECT rowid AS id, rank AS score FROM claims_fts WHERE claims_fts MATCH :match) AS m
      JOIN claims AS c ON c.id = m.id GROUP BY c.doc_id ORDER BY best LIMIT :limit) AS hits
JOIN documents AS d ON d.id = hits.doc_id ORDER BY hits.best
"""


def resolve_exact(conn: Any, query: ClaimFilter) -> ClaimFilter:
    """`query` with the stored values its item, source and party filters match (`exact`).

    Each column's distinct values come from its index (a few hundred, not 100,000 rows) and
    are folded here, so the filter then runs as IN lists the indexes answer; the matches are
    exactly those of the folding SQL."""
    if query.exact is not None or (query.item is None and query.source is None
                                   and query.party is None):  # fmt: skip
        return query
    exact: dict[str, tuple[str, ...]] = {}
    cache: dict[str, list[str]] = {}

    def values(column: str) -> list[str]:
        if column not in cache:
            cache[column] = [row[0] for row in conn.execute(SELECT_DISTINCT[column])]
        return cache[column]

    for name in ("item", "source"):
        wanted = getattr(query, name)
        if wanted is not None:
            needle = fold(wanted) or ""
            exact[name] = tuple(v for v in values(name) if needle in (fold(v) or ""))
    if query.party is not None:
        party = fold(query.party.strip())
        names = {party} | {
            fold(row[0]) for row in conn.execute(SELECT_PARTY_NAME_FOLDS, {"party": party})
        }
        for column in PARTY_ROLE_COLUMNS[query.direction]:
            exact[f"party_{column}"] = tuple(v for v in values(column) if fold(v) in names)
        exact["party"] = ()
    return replace(query, exact=exact)
