"""The SQL that cross-checking needs: blocking keys kept in an indexed table, claims
streamed block by block and document by document, a fingerprint of the ledger, and a
bulk insert for benchmarks.

The blocking key is computed by a Python function registered as the SQL function
`cl_block`, so the database computes, stores and sorts it and Python only ever holds one
block (or one document) at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby
from typing import Any

from claimledger.model import Claim, Document
from claimledger.store import postgres, queries
from claimledger.store.ledger import Ledger
from claimledger.store.rows import claim_of, claim_row, document_row

BlockKey = Callable[[str | None, str | None, str, str | None], str | None]

_CLAIM_COLUMNS = "c.*"


def connection(ledger: Ledger) -> sqlite3.Connection:
    """The ledger's open connection (store code only)."""
    return ledger._conn  # noqa: SLF001 - store/ owns the connection


def claim_from_row(row: sqlite3.Row) -> Claim:
    """A Claim from a row of the claims table."""
    return claim_of(row)


# -- meta --------------------------------------------------------------------------------------


def get_meta(ledger: Ledger, key: str) -> str | None:
    row = connection(ledger).execute('SELECT value FROM meta WHERE "key" = ?', (key,)).fetchone()
    return None if row is None else row[0]


def set_meta(ledger: Ledger, key: str, value: str) -> None:
    connection(ledger).execute(
        'INSERT INTO meta ("key", value) VALUES (?, ?) '
        'ON CONFLICT ("key") DO UPDATE SET value = excluded.value',
        (key, value),
    )


def fingerprint(ledger: Ledger) -> str:
    """Changes whenever claims are added or removed: count, highest id, document count."""
    conn = connection(ledger)
    count, top = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM claims").fetchone()
    docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    return f"{count}:{top}:{docs}"


# -- blocks ------------------------------------------------------------------------------------


def refresh_blocks(ledger: Ledger, key: BlockKey, version: str) -> int:
    """Compute the block key of every claim that lacks one (all of them when `version`
    differs from the one the stored keys were made with); returns the rows written."""
    conn = connection(ledger)
    conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: blocks are read by random claim id
    in_sqlite = postgres.is_sqlite(conn)
    if in_sqlite:
        conn.create_function("cl_block", 4, key, deterministic=True)
    conn.execute("BEGIN IMMEDIATE")
    try:
        if get_meta(ledger, "block_version") != version:
            conn.execute("DELETE FROM claim_blocks")
            set_meta(ledger, "block_version", version)
        if in_sqlite:
            written = conn.execute(
                "INSERT INTO claim_blocks (claim_id, block_key) "
                "SELECT c.id, cl_block(c.concept, c.item, c.unit, c.per) FROM claims AS c "
                "WHERE NOT EXISTS (SELECT 1 FROM claim_blocks AS b WHERE b.claim_id = c.id)"
            ).rowcount
        else:  # a server cannot call Python: the keys are computed here
            written = _write_blocks(conn, key)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return written


def _write_blocks(conn: Any, key: BlockKey) -> int:
    """Compute the missing block keys in Python and write them, a batch at a time."""
    missing = conn.execute(
        "SELECT c.id, c.concept, c.item, c.unit, c.per FROM claims AS c "
        "WHERE NOT EXISTS (SELECT 1 FROM claim_blocks AS b WHERE b.claim_id = c.id)"
    ).fetchall()
    sql = "INSERT INTO claim_blocks (claim_id, block_key) VALUES (?, ?)"
    for lo in range(0, len(missing), 5000):
        batch = missing[lo : lo + 5000]
        conn.executemany(sql, [(row[0], key(*row[1:])) for row in batch])
    return len(missing)


def block_sizes(ledger: Ledger) -> list[tuple[str, int]]:
    """(key, claims) of every block, largest first."""
    sql = (
        "SELECT block_key, count(*) AS n FROM claim_blocks WHERE block_key IS NOT NULL "
        "GROUP BY block_key ORDER BY n DESC, block_key"
    )
    return [(row[0], row[1]) for row in connection(ledger).execute(sql)]


def iter_blocks(ledger: Ledger) -> Iterator[tuple[str, list[sqlite3.Row]]]:
    """(key, claim rows) for every block of two or more claims, one block at a time."""
    sql = f"""
        SELECT b.block_key AS block_key, {_CLAIM_COLUMNS}
        FROM claim_blocks AS b JOIN claims AS c ON c.id = b.claim_id
        WHERE b.block_key IN (
            SELECT block_key FROM claim_blocks WHERE block_key IS NOT NULL
            GROUP BY block_key HAVING count(*) > 1)
        ORDER BY b.block_key, c.id
    """
    rows = connection(ledger).execute(sql)
    for key, members in groupby(rows, key=lambda row: row["block_key"]):
        yield key, list(members)


def claims_in_blocks(ledger: Ledger, keys: Iterable[str]) -> list[sqlite3.Row]:
    """The stored claims whose block key is one of `keys` (an indexed lookup)."""
    wanted = sorted(set(keys))
    if not wanted:
        return []
    marks = ", ".join("?" for _ in wanted)
    sql = (
        f"SELECT b.block_key AS block_key, {_CLAIM_COLUMNS} FROM claim_blocks AS b "
        f"JOIN claims AS c ON c.id = b.claim_id WHERE b.block_key IN ({marks}) ORDER BY c.id"
    )
    return connection(ledger).execute(sql, wanted).fetchall()


def iter_document_claims(ledger: Ledger) -> Iterator[tuple[str, list[sqlite3.Row]]]:
    """(doc_id, claim rows in text order) for every document, one document at a time."""
    sql = f'SELECT {_CLAIM_COLUMNS} FROM claims AS c ORDER BY c.doc_id, c."start", c."end"'
    rows = connection(ledger).execute(sql)
    for doc_id, members in groupby(rows, key=lambda row: row["doc_id"]):
        yield doc_id, list(members)


def document_headers(ledger: Ledger) -> dict[str, Document]:
    """Every document without its text, by id (for outlets and names)."""
    return {doc.id: doc for doc in ledger.documents(with_text=False)}


# -- bulk writing ------------------------------------------------------------------------------


def bulk_add(ledger: Ledger, batch: Sequence[tuple[Document, Sequence[Claim]]]) -> int:
    """Store many documents and their claims in one transaction (no flows, no parties);
    documents already stored are skipped. For generated corpora and benchmarks."""
    conn = connection(ledger)
    added = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for doc, claims in batch:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone():
                continue
            conn.execute(queries.INSERT_DOCUMENT, document_row(doc))
            conn.executemany(queries.INSERT_CLAIM, [claim_row(doc, c) for c in claims])
            added += 1
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return added


def baseline_group_count(ledger: Ledger) -> int:
    """A plain GROUP BY over the claims table: the floor any grouping costs."""
    sql = (
        "SELECT count(*) FROM (SELECT concept, unit, per, from_party, to_party, count(*) "
        "FROM claims GROUP BY concept, unit, per, from_party, to_party)"
    )
    return connection(ledger).execute(sql).fetchone()[0]
