"""The SQLite ledger: each document written once with its claims, flows and parties."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple, Self

from claimledger.errors import UsageError
from claimledger.model import VERDICTS, CheckResult, Claim, Document, Flow, Party
from claimledger.store import postgres, queries
from claimledger.store.page_reads import PageReads, marks
from claimledger.store.queries import ClaimFilter, fold
from claimledger.store.rows import (
    check_flow_links,
    claim_of,
    claim_row,
    document_of,
    document_row,
    flow_row,
)
from claimledger.store.schema import connect

_STAT_TABLES = ("documents", "claims", "flows", "parties", "checks")


class FlowFact(NamedTuple):
    """One flow naming both parties, with what exchange lines need from its document and claim."""

    giver: str
    receiver: str
    concept: str
    item: str
    doc: str  # document name
    published: str | None
    outlet: str | None
    claim_id: int | None
    when: str | None  # the linked claim's, if any
    source: str | None


class Ledger(PageReads):
    """A claimledger database; open with `Ledger.open(path)`, use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: str | Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> Ledger:
        """Open the ledger at `path` (":memory:" for a throwaway one), creating it if missing;
        a postgresql:// URL opens a PostgreSQL ledger (store/postgres.py)."""
        if postgres.is_database_url(path):
            return cls(postgres.connect(str(path)), str(path))  # type: ignore[arg-type]
        conn = connect(path)
        queries.register_functions(conn)
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Ledger({str(self.path)!r})"

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------

    def add_document(
        self,
        doc: Document,
        claims: Sequence[Claim],
        flows: Sequence[Flow] = (),
        parties: Sequence[Party] = (),
    ) -> bool:
        """Store a document and what was extracted from it, all or nothing.

        Returns False, changing nothing, when the document id is already stored.
        """
        claim_rows = [claim_row(doc, claim) for claim in claims]
        check_flow_links(doc, claims, flows)
        with self._transaction() as conn:
            if self.has_document(doc.id):
                return False
            conn.execute(queries.INSERT_DOCUMENT, document_row(doc))
            party_ids = self._upsert_parties(parties)
            claim_ids: list[int] = []
            for claim, row in zip(claims, claim_rows, strict=True):
                claim_id = conn.execute(queries.INSERT_CLAIM, row).lastrowid
                assert claim_id is not None
                claim_ids.append(claim_id)
                self._link_parties(claim, claim_id, party_ids)
            for flow in flows:
                conn.execute(queries.INSERT_FLOW, flow_row(doc, flow, claim_ids))
        return True

    def _link_parties(self, claim: Claim, claim_id: int, party_ids: dict[str, int]) -> None:
        """The claim's from, to and source, linked to the parties they name."""
        for role, name in (("from", claim.from_), ("to", claim.to), ("source", claim.source)):
            party_id = party_ids.get(fold(name)) if name else None
            if party_id is not None:
                self._conn.execute(queries.INSERT_CLAIM_PARTY, (claim_id, party_id, role))

    def _upsert_parties(self, parties: Sequence[Party]) -> dict[str, int]:
        """Insert or update parties by name; returns their ids by folded name and alias."""
        ids: dict[str, int] = {}
        for party in parties:
            self._conn.execute(
                queries.UPSERT_PARTY, (party.name, party.kind, party.code, party.affiliation)
            )
            (party_id,) = self._conn.execute(
                "SELECT id FROM parties WHERE name = ?", (party.name,)
            ).fetchone()
            for alias in party.aliases:
                self._conn.execute(queries.INSERT_ALIAS, (party_id, alias))
                ids.setdefault(alias.casefold(), party_id)
            ids[party.name.casefold()] = party_id
        return ids

    def replace_checks(self, results: Sequence[CheckResult]) -> None:
        """Replace every stored check with `results`, linked to the stored claims they cite."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM check_claims")
            conn.execute("DELETE FROM checks")
            for result in results:
                claim_ids = list(dict.fromkeys(self._claim_id(claim) for claim in result.claims))
                key = "|".join(sorted(claim.id for claim in result.claims))
                check_id = conn.execute(
                    'INSERT INTO checks (kind, verdict, note, "key") VALUES (?, ?, ?, ?)',
                    (result.kind, result.verdict, result.note, key),
                ).lastrowid
                conn.executemany(
                    "INSERT INTO check_claims (check_id, claim_id, position) VALUES (?, ?, ?)",
                    [(check_id, claim_id, pos) for pos, claim_id in enumerate(claim_ids)],
                )

    def _claim_id(self, claim: Claim) -> int:
        """The row id of a stored claim, by document id (or name) and span."""
        if claim.doc_id:
            sql = 'SELECT id FROM claims WHERE doc_id = ? AND "start" = ? AND "end" = ?'
            rows = self._conn.execute(sql, (claim.doc_id, claim.start, claim.end)).fetchall()
        else:
            sql = 'SELECT id FROM claims WHERE doc = ? AND "start" = ? AND "end" = ?'
            rows = self._conn.execute(sql, (claim.doc, claim.start, claim.end)).fetchall()
        if len(rows) != 1:
            reason = "is not in the ledger" if not rows else "is ambiguous: set its doc_id"
            raise UsageError(
                f"claim {claim.doc}:{claim.start}-{claim.end} ({claim.quote!r}) {reason}"
            )
        return rows[0][0]

    # -- reading ---------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def document(self, doc_id_or_name: str) -> Document | None:
        """The document with this id, else the latest ingested with this name, else None."""
        by_id = "SELECT * FROM documents WHERE id = ?"
        by_name = "SELECT * FROM documents WHERE name = ? ORDER BY rowid DESC LIMIT 1"
        row = self._conn.execute(by_id, (doc_id_or_name,)).fetchone()
        if row is None:
            row = self._conn.execute(by_name, (doc_id_or_name,)).fetchone()
        return None if row is None else document_of(row)

    def documents(self, *, with_text: bool = True) -> list[Document]:
        """Every document in ingestion order; `with_text=False` leaves `text` empty."""
        text = "text" if with_text else "'' AS text"
        columns = (
            "id, name, origin, kind, title, outlet, author, published, url, body_start, "
            f"{text}, meta_json"
        )
        rows = self._conn.execute(f"SELECT {columns} FROM documents ORDER BY rowid")
        return [document_of(row) for row in rows]

    def claims(self, **filters: Any) -> list[Claim]:
        """Stored claims matching every given filter: the fields of `ClaimFilter` (item,
        party, source, modality, unit, doc, concept, search, limit, offset, order)."""
        return [claim_of(row) for row in self._select_claims(ClaimFilter(**filters))]

    def claim_rows(self, **filters: Any) -> list[dict[str, Any]]:
        """As `claims`, as dicts: the claims columns plus doc title, outlet, published, url."""
        rows = self._select_claims(ClaimFilter(**filters))
        return [{**dict(row), "vague": bool(row["vague"])} for row in rows]

    def claim_rows_by_id(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Claim rows (as `claim_rows`) for these claim ids, keyed by id."""
        out: dict[int, dict[str, Any]] = {}
        unique = sorted(set(ids))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"{queries.SELECT_CLAIMS}WHERE c.id IN ({marks})"
            for row in self._conn.execute(sql, chunk):
                out[row["id"]] = {**dict(row), "vague": bool(row["vague"])}
        return out

    def claims_by_id(self, ids: Sequence[int]) -> dict[int, tuple[Claim, str | None]]:
        """Claims and their sentence text for these claim ids, keyed by id."""
        rows = self.claim_rows_by_id(ids)
        return {i: (claim_of(row), row.get("sentence")) for i, row in rows.items()}

    def _select_claims(self, query: ClaimFilter) -> list[sqlite3.Row]:
        built = queries.resolve_exact(self._conn, query).sql()
        if built is None:
            return []
        sql, params = built
        return self._conn.execute(sql, params).fetchall()

    def flows(
        self,
        *,
        giver: str | None = None,
        receiver: str | None = None,
        concept: str | None = None,
        doc: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored flows (giver/receiver case-insensitive), with the doc name and sentence."""
        where: list[str] = []
        params: dict[str, Any] = {}
        if giver is not None:
            where.append("cl_fold(f.giver) = :giver")
            params["giver"] = fold(giver)
        if receiver is not None:
            where.append("cl_fold(f.receiver) = :receiver")
            params["receiver"] = fold(receiver)
        if concept is not None:
            where.append("f.concept = :concept")
            params["concept"] = concept
        if doc is not None:
            where.append("(d.name = :doc OR f.doc_id = :doc)")
            params["doc"] = doc
        sql = queries.SELECT_FLOWS
        if where:
            sql += "WHERE " + " AND ".join(where) + "\n"
        sql += 'ORDER BY d.name, f.doc_id, f."start", f.id'
        return [dict(row) for row in self._conn.execute(sql, params)]

    def parties(self) -> list[Party]:
        """Every party, by name, with its aliases in the order they were first stored."""
        aliases: dict[int, list[str]] = {}
        for party_id, alias in self._conn.execute(
            "SELECT party_id, alias FROM party_aliases ORDER BY rowid"
        ):
            aliases.setdefault(party_id, []).append(alias)
        return [
            Party(
                name=row["name"],
                kind=row["kind"],
                aliases=tuple(aliases.get(row["id"], ())),
                code=row["code"],
                affiliation=row["affiliation"],
            )
            for row in self._conn.execute("SELECT * FROM parties ORDER BY name")
        ]

    def checks(self, verdict: str | None = None) -> list[dict[str, Any]]:
        """Stored checks, each with its claims (id, doc_id, doc, quote, start, end) in order."""
        if verdict is not None and verdict not in VERDICTS:
            raise UsageError(f"unknown verdict {verdict!r}; use one of: {', '.join(VERDICTS)}")
        members: dict[int, list[dict[str, Any]]] = {}
        for row in self._conn.execute(queries.SELECT_CHECK_CLAIMS):
            member = dict(row)
            members.setdefault(member.pop("check_id"), []).append(member)
        sql = 'SELECT id, kind, verdict, note, "key" FROM checks'
        params: tuple[str, ...] = ()
        if verdict is not None:
            sql += " WHERE verdict = ?"
            params = (verdict,)
        return [
            {**dict(row), "claims": members.get(row["id"], [])}
            for row in self._conn.execute(sql + " ORDER BY id", params)
        ]

    def stats(self) -> dict[str, int]:
        """Row counts of documents, claims, flows, parties and checks."""
        return {table: self._count(table) for table in _STAT_TABLES}

    def counts(self) -> dict[str, int]:
        """Row counts of every table, full-text index tables included."""
        names = [
            row[0]
            for row in self._conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {name: self._count(name) for name in names}

    def count_mentions(self, name: str) -> int:
        """How many claims `claims(party=name)` returns, counted over indexed columns."""
        built = queries.resolve_exact(self._conn, ClaimFilter(party=name)).where()
        if built is None:
            return 0
        where, params = built
        return self._scalar(f"SELECT count(*) FROM claims AS c\n{where}", params)

    def _spellings(self, table: str, column: str, folded: str | None) -> list[str]:
        """The distinct values of `table.column` that fold to `folded` (an index scan)."""
        found = self._tuples(f"SELECT DISTINCT {column} FROM {table} WHERE {column} != ''")
        return [value for (value,) in found if fold(value) == folded]

    def flow_facts(
        self, *, giver: str | None = None, receiver: str | None = None, concept: str | None = None
    ) -> list[FlowFact]:
        """Flows naming both parties (giver/receiver case-insensitive), in document order.

        Three indexed queries grouped in Python: a SQL join costs several times more.
        """
        where = [queries.NAMED_FLOWS]
        params: list[str] = []
        for column, value in (("giver", giver), ("receiver", receiver)):
            if value is not None:
                names = self._spellings("flows", column, fold(value))
                if not names:
                    return []
                where.append(f"f.{column} IN ({marks(names)})")
                params.extend(names)
        if concept is not None:
            where.append("f.concept = ?")
            params.append(concept)
        clause = " AND ".join(where)
        found = self._tuples(queries.SELECT_FLOW_FACTS.format(where=clause), params)
        docs_sql = queries.SELECT_FLOW_DOCUMENTS.format(where=clause)
        docs = {row[0]: row[1:] for row in self._tuples(docs_sql, params)}
        claims_sql = queries.SELECT_FLOW_CLAIMS.format(where=clause)
        claims = {row[0]: row[1:] for row in self._tuples(claims_sql, params)}
        found.sort(key=lambda r: (docs[r[4]][0], r[4], r[6], r[7]))
        no_claim = (None, None)
        return [
            FlowFact(g, r, concept_, item, *docs[doc_id],
                     claim_id if claim_id in claims else None, *claims.get(claim_id, no_claim))
            for g, r, concept_, item, doc_id, claim_id, _, _ in found
        ]  # fmt: skip

    def figures(self, claim_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """The figure fields (doc, quote, value, low, high, unit, when, source, modality) by id."""
        out: dict[int, dict[str, Any]] = {}
        for row in self._in_chunks(queries.SELECT_FIGURES, claim_ids):
            out[row.pop("id")] = row
        return out
