"""The ledger's reads for pages and views: figure tables, facets, party and check pages,
search, timelines. A mixin of `Ledger`, kept apart so that the ledger's write path and its
core reads stay one readable module."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from claimledger.store import queries
from claimledger.store.queries import ClaimFilter

_CHUNK = 500  # ids per IN (...) list, under SQLite's parameter limit


def marks(values: Sequence[Any]) -> str:
    """The placeholders of an IN (...) list."""
    return ",".join("?" * len(values))


class PageReads:
    """Read queries behind the web pages and the summary views, over `self._conn`."""

    _conn: sqlite3.Connection

    def _count(self, table: str) -> int:
        return self._conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]

    def _rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self._conn.execute(sql, params)]

    def _tuples(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """Plain tuples: several times cheaper than sqlite3.Row for thousands of rows."""
        cursor = self._conn.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params).fetchall()

    def _scalar(self, sql: str, params: Any = ()) -> Any:
        return self._conn.execute(sql, params).fetchone()[0]

    def _in_chunks(self, sql: str, ids: Iterable[Any]) -> Iterator[dict[str, Any]]:
        """Rows of `sql` (with a `{marks}` placeholder) for the distinct `ids`, chunk by chunk."""
        wanted = sorted(set(ids))
        for lo in range(0, len(wanted), _CHUNK):
            chunk = wanted[lo : lo + _CHUNK]
            yield from self._rows(sql.format(marks=marks(chunk)), chunk)

    def pair_counts(
        self, *, either_way: bool = False, limit: int = 20
    ) -> list[tuple[str, str, int]]:
        """(giver, receiver, flows) of the busiest pairs; `either_way` merges both directions
        into (a, b) with a < b. Ties go by name."""
        sql = queries.SELECT_EITHER_WAY_PAIR_COUNTS if either_way else queries.SELECT_PAIR_COUNTS
        return [(a, b, n) for a, b, n in self._tuples(sql, (limit,))]

    def party_flow_counts(self) -> list[tuple[str, int, int]]:
        """(party, flows out, flows in) for every giver or receiver, busiest first."""
        return [(name, out, into) for name, out, into in
                self._tuples(queries.SELECT_PARTY_FLOW_COUNTS)]  # fmt: skip

    def claim_page(self, query: ClaimFilter) -> tuple[list[dict[str, Any]], int]:
        """One page (`query.limit`, `query.offset`) of claims with document fields matching
        `query`, and how many match in all."""
        built = queries.resolve_exact(self._conn, query).page_sql()
        if built is None:
            return [], 0
        count_sql, page_sql, params = built
        return self._rows(page_sql, params), self._scalar(count_sql, params)

    def claim_facets(self, query: ClaimFilter) -> dict[str, list[dict[str, Any]]]:
        """For each facet (concept, unit, source, modality, doc, verdict), its most frequent
        values among the claims `query` finds, as {value, n}."""
        built = queries.resolve_exact(self._conn, query).where()
        if built is None:
            return {}
        where, params = built
        names = [*queries.FACET_COLUMNS, "verdict"]
        if not where:  # each facet from its own index
            return {name: self._rows(queries.facet_sql(where, name), params) for name in names}
        out: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
        for facet, value, n in self._tuples(queries.facets_in_one_sql(where), params):
            out[facet].append({"value": value, "n": n})
        for values in out.values():
            values.sort(key=lambda v: (-v["n"], str(v["value"])))
            del values[queries.FACET_LIMIT :]
        return out

    def party_page(
        self, *, kind: str | None = None, limit: int = 100, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """Parties (of `kind`, or all) with their linked claims, flows out and in, busiest
        first; and how many there are."""
        params = {"kind": kind, "limit": limit, "offset": offset}
        total = self._scalar(
            "SELECT count(*) FROM parties WHERE :kind IS NULL OR kind = :kind", {"kind": kind}
        )
        return self._rows(queries.SELECT_PARTY_PAGE, params), total

    def search(
        self, words: str, *, limit: int = 50, offset: int = 0
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
        """Full-text search over the claims' sentences: (sentences best first, each with its
        `hit` text marked between \\x02 and \\x03; the documents with most hits; total)."""
        match = queries.fts_query(words)
        if match is None:
            return [], [], 0
        params = {"match": match, "limit": limit, "offset": offset}
        total = self._scalar(queries.COUNT_SEARCH, params)
        sentences = self._rows(queries.SEARCH_SENTENCES, params)
        documents = self._rows(queries.SEARCH_DOCUMENTS, {"match": match, "limit": 10})
        return sentences, documents, total

    def claim_record(self, claim_id: int) -> dict[str, Any] | None:
        """One claim with its document's title, outlet, date, url and origin; None if absent."""
        sql = f"SELECT {queries.PAGE_CLAIM_COLUMNS} {queries.CLAIMS_WITH_DOCUMENTS} WHERE c.id = ?"
        found = self._rows(sql, (claim_id,))
        return found[0] if found else None

    def document_claims(self, doc_id: str) -> list[dict[str, Any]]:
        """The claims of one document (as `claim_record`), in text order."""
        sql = (f"SELECT {queries.PAGE_CLAIM_COLUMNS} {queries.CLAIMS_WITH_DOCUMENTS} "
               'WHERE c.doc_id = ? ORDER BY c."start"')  # fmt: skip
        return self._rows(sql, (doc_id,))

    def facets(self) -> dict[str, list[dict[str, Any]]]:
        """The most frequent concepts, sources and linked parties, as {value, n}."""
        return {name: self._rows(sql) for name, sql in queries.FACETS.items()}

    def check_page(
        self, *, verdicts: Iterable[str] = (), kind: str | None = None, limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:  # fmt: skip
        """Newest checks first, by verdicts and kind ('group' or 'arithmetic'), with members;
        and how many match."""
        where: list[str] = []
        params: list[Any] = []
        chosen = list(verdicts)
        if chosen:
            where.append(f"verdict IN ({marks(chosen)})")
            params.extend(chosen)
        if kind == "group":
            where.append("kind = 'group'")
        elif kind == "arithmetic":
            where.append("kind != 'group'")
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        total = self._scalar(f"SELECT count(*) FROM checks{clause}", params)
        found = self._rows(
            f"SELECT id, kind, verdict, note FROM checks{clause} ORDER BY id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return self._with_members(found), total

    def checks_citing(self, claim_ids: Iterable[int]) -> list[dict[str, Any]]:
        """Every check citing one of `claim_ids`, with all its members."""
        found = list(self._in_chunks(queries.SELECT_CHECKS_CITING, claim_ids))
        unique = {check["id"]: check for check in found}
        return self._with_members(sorted(unique.values(), key=lambda c: c["id"]))

    def _with_members(self, checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The checks, each with its claims (as `claim_record`) in order."""
        members: dict[int, list[dict[str, Any]]] = {}
        for row in self._in_chunks(queries.SELECT_CHECK_MEMBERS, (c["id"] for c in checks)):
            members.setdefault(row.pop("check_id"), []).append(row)
        return [{**check, "claims": members.get(check["id"], [])} for check in checks]

    def verdict_counts(self) -> dict[str, int]:
        """How many checks have each verdict."""
        sql = "SELECT verdict, count(*) FROM checks GROUP BY verdict"
        return dict(self._tuples(sql))

    def timeline(self, concept: str, scale: str, limit: int = 2000) -> list[dict[str, Any]]:
        """Claims about `concept` on one scale ('USD' or 'USD/month'), oldest first, each with
        its `date_key`: its `when`, else its document's publication date (undated ones left out)."""
        unit, _, per = scale.partition("/")
        return self._rows(queries.SELECT_TIMELINE, (concept, unit, per, limit))

    def scales(self, concept: str) -> list[dict[str, Any]]:
        """The scales ('unit' or 'unit/per') `concept` is counted in, most used first."""
        found = self._tuples(queries.SELECT_SCALES, (concept,))
        return [{"value": f"{unit}/{per}" if per else unit, "n": n} for unit, per, n in found]

    def document_page(self, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        """Newest documents first, each with its claim count; and how many there are."""
        found = self._rows(queries.SELECT_DOCUMENT_PAGE, (limit, offset))
        return found, self._count("documents")
