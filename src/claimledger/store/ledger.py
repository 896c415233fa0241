"""The SQLite ledger: each document written once with its claims, flows and parties."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from claimledger.errors import UsageError
from claimledger.model import VERDICTS, CheckResult, Claim, Document, Flow, Party
from claimledger.store import queries
from claimledger.store.queries import ClaimFilter, fold
from claimledger.store.schema import connect

_STAT_TABLES = ("documents", "claims", "flows", "parties", "checks")


class Ledger:
    """A claimledger database; open with `Ledger.open(path)`, use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: str | Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> Ledger:
        """Open the ledger at `path` (":memory:" for a throwaway one), creating it if missing."""
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
        claim_rows = [_claim_row(doc, claim) for claim in claims]
        for flow in flows:
            if flow.claim is not None and not 0 <= flow.claim < len(claims):
                raise UsageError(
                    f"flow {flow.giver} -> {flow.receiver} at {flow.start}-{flow.end} in "
                    f"{doc.name}: claim index {flow.claim} is outside the {len(claims)} claims"
                )
        with self._transaction() as conn:
            if self.has_document(doc.id):
                return False
            conn.execute(queries.INSERT_DOCUMENT, _document_row(doc))
            party_ids = self._upsert_parties(parties)
            claim_ids: list[int] = []
            for claim, row in zip(claims, claim_rows, strict=True):
                claim_id = conn.execute(queries.INSERT_CLAIM, row).lastrowid
                assert claim_id is not None
                claim_ids.append(claim_id)
                roles = (("from", claim.from_), ("to", claim.to), ("source", claim.source))
                for role, name in roles:
                    party_id = party_ids.get(fold(name)) if name else None
                    if party_id is not None:
                        conn.execute(queries.INSERT_CLAIM_PARTY, (claim_id, party_id, role))
            for flow in flows:
                conn.execute(
                    queries.INSERT_FLOW,
                    {
                        "doc_id": doc.id,
                        "giver": flow.giver,
                        "receiver": flow.receiver,
                        "item": flow.item,
                        "concept": flow.concept,
                        "start": flow.start,
                        "end": flow.end,
                        "sent_start": flow.sent_start,
                        "sent_end": flow.sent_end,
                        "claim_id": None if flow.claim is None else claim_ids[flow.claim],
                    },
                )
        return True

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
        return None if row is None else _document(row)

    def documents(self, *, with_text: bool = True) -> list[Document]:
        """Every document in ingestion order; `with_text=False` leaves `text` empty."""
        text = "text" if with_text else "'' AS text"
        columns = (
            "id, name, origin, kind, title, outlet, author, published, url, body_start, "
            f"{text}, meta_json"
        )
        rows = self._conn.execute(f"SELECT {columns} FROM documents ORDER BY rowid")
        return [_document(row) for row in rows]

    def claims(
        self,
        *,
        item: str | None = None,
        party: str | None = None,
        source: str | None = None,
        modality: str | None = None,
        unit: str | None = None,
        doc: str | None = None,
        concept: str | None = None,
        search: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "doc",
    ) -> list[Claim]:
        """Stored claims matching every given filter (see `ClaimFilter`)."""
        query = ClaimFilter(
            item=item, party=party, source=source, modality=modality, unit=unit, doc=doc,
            concept=concept, search=search, limit=limit, offset=offset, order=order,
        )  # fmt: skip
        return [_claim(row) for row in self._select_claims(query)]

    def claim_rows(
        self,
        *,
        item: str | None = None,
        party: str | None = None,
        source: str | None = None,
        modality: str | None = None,
        unit: str | None = None,
        doc: str | None = None,
        concept: str | None = None,
        search: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "doc",
    ) -> list[dict[str, Any]]:
        """As `claims`, as dicts: the claims columns plus doc title, outlet, published, url."""
        query = ClaimFilter(
            item=item, party=party, source=source, modality=modality, unit=unit, doc=doc,
            concept=concept, search=search, limit=limit, offset=offset, order=order,
        )  # fmt: skip
        return [{**dict(row), "vague": bool(row["vague"])} for row in self._select_claims(query)]

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

    def _select_claims(self, query: ClaimFilter) -> list[sqlite3.Row]:
        built = query.sql()
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

    def _count(self, table: str) -> int:
        return self._conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "name": doc.name,
        "origin": doc.origin,
        "kind": doc.kind,
        "title": doc.title,
        "outlet": doc.outlet,
        "author": doc.author,
        "published": doc.published,
        "url": doc.url,
        "body_start": doc.body_start,
        "text": doc.text,
        "meta_json": json.dumps(doc.meta, ensure_ascii=False, sort_keys=True),
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"],
        name=row["name"],
        origin=row["origin"],
        text=row["text"],
        kind=row["kind"],
        body_start=row["body_start"],
        title=row["title"],
        outlet=row["outlet"],
        author=row["author"],
        published=row["published"],
        url=row["url"],
        meta=json.loads(row["meta_json"]),
    )


def _number(claim: Claim, name: str) -> float | None:
    value = getattr(claim, name)
    if value is None:
        return None
    number = float(value)
    if math.isnan(number):
        raise UsageError(f"claim {claim.doc}:{claim.start}-{claim.end}: {name} is NaN")
    return number


def _claim_row(doc: Document, claim: Claim) -> dict[str, Any]:
    """The claims-table row of `claim`, checked to belong to `doc`."""
    if claim.doc_id and claim.doc_id != doc.id:
        raise UsageError(
            f"claim {claim.doc}:{claim.start}-{claim.end} has doc_id {claim.doc_id}, "
            f"but is being stored with document {doc.id} ({doc.name})"
        )
    has_sentence = claim.sent_end > claim.sent_start
    return {
        "doc_id": doc.id,
        "doc": claim.doc,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "sent_start": claim.sent_start,
        "sent_end": claim.sent_end,
        "sentence": doc.text[claim.sent_start : claim.sent_end] if has_sentence else None,
        "value": _number(claim, "value"),
        "low": _number(claim, "low"),
        "high": _number(claim, "high"),
        "qualifier": claim.qualifier,
        "unit": claim.unit,
        "item": claim.item,
        "concept": claim.concept,
        "per": claim.per,
        "when": claim.when,
        "source": claim.source,
        "modality": claim.modality,
        "from_party": claim.from_,
        "to_party": claim.to,
        "vague": int(bool(claim.vague)),
        "currency": claim.currency,
        "extractor_version": claim.extractor_version,
    }


def _claim(row: sqlite3.Row) -> Claim:
    return Claim(
        doc=row["doc"],
        quote=row["quote"],
        start=row["start"],
        end=row["end"],
        value=row["value"],
        low=row["low"],
        high=row["high"],
        qualifier=row["qualifier"],
        unit=row["unit"],
        item=row["item"],
        per=row["per"],
        when=row["when"],
        source=row["source"],
        modality=row["modality"],
        from_=row["from_party"],
        to=row["to_party"],
        vague=bool(row["vague"]),
        sent_start=row["sent_start"],
        sent_end=row["sent_end"],
        doc_id=row["doc_id"],
        concept=row["concept"],
        currency=row["currency"],
        extractor_version=row["extractor_version"],
    )
