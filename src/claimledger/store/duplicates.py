"""Near-duplicate documents (syndicated copies, lightly edited reposts), found with MinHash LSH.

A document is a near-duplicate of a stored one when their word 4-gram sets are at least
THRESHOLD alike (MinHash estimate, candidates from datasketch's LSH, never pairwise) and it
states no number the stored one does not: a repost that changes a figure is a new claim,
not a copy. A near-duplicate is not stored again; its origin is added to the stored
document's origins, so cross-checking counts the story once.

Signatures are kept in the ledger (document_signatures), computed at ingest and, for a
ledger that predates them, on first use.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from datasketch import MinHash, MinHashLSH

from claimledger.model import Document
from claimledger.store.ledger import Ledger

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 4
SCHEME = "affine64"  # stored signatures say nothing of their scheme: it is fixed here
MIN_WORDS = 50  # shorter texts (headlines, feed blurbs) share too much by chance
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d[\d,.]*")
_indexes: weakref.WeakKeyDictionary[Ledger, _Index] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Match:
    """The stored document a new one nearly duplicates, and how alike they are."""

    doc_id: str
    name: str
    similarity: float


def signature(text: str) -> MinHash | None:
    """The MinHash of a text's word 4-grams; None for a text too short to compare."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch(
        " ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)
    )
    return minhash


def _numbers(text: str) -> set[str]:
    return {n.rstrip(".,") for n in _NUMBER.findall(text)}


class _Index:
    """The LSH over a ledger's stored signatures, loaded once per open ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.hashes: dict[str, MinHash] = {}
        conn = ledger._conn
        stored = dict(conn.execute("SELECT doc_id, minhash FROM document_signatures"))
        missing = conn.execute(
            "SELECT id, text FROM documents WHERE id NOT IN "
            "(SELECT doc_id FROM document_signatures)"
        ).fetchall()
        for doc_id, text in missing:  # a ledger from before signatures: computed once
            minhash = signature(text)
            stored[doc_id] = _encode(minhash) if minhash is not None else ""
            conn.execute(
                "INSERT OR IGNORE INTO document_signatures (doc_id, minhash) VALUES (?, ?)",
                (doc_id, stored[doc_id]),
            )
        for doc_id, encoded in stored.items():
            if encoded:
                self.add(doc_id, _decode(encoded))

    def add(self, doc_id: str, minhash: MinHash) -> None:
        if doc_id not in self.hashes:
            self.lsh.insert(doc_id, minhash)
            self.hashes[doc_id] = minhash


def _encode(minhash: MinHash) -> str:
    return minhash.hashvalues.astype(np.uint64).tobytes().hex()


def _decode(encoded: str) -> MinHash:
    values = np.frombuffer(bytes.fromhex(encoded), dtype=np.uint64)
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=SCHEME)


def _index(ledger: Ledger) -> _Index:
    index = _indexes.get(ledger)
    if index is None:
        index = _indexes[ledger] = _Index(ledger)
    return index


def near_duplicate(ledger: Ledger, doc: Document) -> Match | None:
    """The stored document `doc` nearly duplicates, if any (the most alike)."""
    minhash = signature(doc.text)
    if minhash is None:
        return None
    index = _index(ledger)
    best: Match | None = None
    for doc_id in index.lsh.query(minhash):
        if doc_id == doc.id:
            continue
        similarity = minhash.jaccard(index.hashes[doc_id])
        if similarity < THRESHOLD or (best is not None and similarity <= best.similarity):
            continue
        row = ledger._conn.execute("SELECT name, text FROM documents WHERE id = ?", (doc_id,))
        found = row.fetchone()
        if found is None or not _numbers(doc.text) <= _numbers(found[1]):
            continue  # removed since, or it states a number the stored one does not
        best = Match(doc_id, found[0], similarity)
    return best


def remember(ledger: Ledger, doc: Document) -> None:
    """Store a newly added document's signature and put it in the index."""
    minhash = signature(doc.text)
    encoded = _encode(minhash) if minhash is not None else ""
    ledger._conn.execute(
        "INSERT OR IGNORE INTO document_signatures (doc_id, minhash) VALUES (?, ?)",
        (doc.id, encoded),
    )
    if minhash is not None and ledger in _indexes:
        _indexes[ledger].add(doc.id, minhash)


def add_origin(ledger: Ledger, match: Match, doc: Document) -> None:
    """Record `doc` as another origin of the stored document it nearly duplicates."""
    ledger._conn.execute(
        "INSERT OR IGNORE INTO document_origins (doc_id, name, origin, url, similarity, "
        "added_at) VALUES (?, ?, ?, ?, ?, ?)",
        (match.doc_id, doc.name, doc.origin, doc.url, round(match.similarity, 3),
         datetime.now(UTC).isoformat(timespec="seconds")),
    )  # fmt: skip


def origins(ledger: Ledger, doc_id: str) -> list[dict[str, object]]:
    """The other origins recorded for a stored document, oldest first."""
    rows = ledger._conn.execute(
        "SELECT name, origin, url, similarity, added_at FROM document_origins "
        "WHERE doc_id = ? ORDER BY id",
        (doc_id,),
    )
    return [dict(zip(("name", "origin", "url", "similarity", "added_at"), r, strict=True))
            for r in rows]  # fmt: skip
