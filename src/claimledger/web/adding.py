"""Add documents to the ledger from the web: read the input, extract, store, re-check."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from claimledger.api import store_extraction
from claimledger.errors import InputError
from claimledger.ingest import load_bytes, load_text
from claimledger.ingest.sniff import kind_for
from claimledger.ingest.url import fetch, is_url, url_name
from claimledger.model import Document
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger

log = logging.getLogger(__name__)


MAX_FIGURES_PER_DOCUMENT = 2000  # a pasted dump keeps its first figures, and says so


@dataclass
class AddResult:
    """What an Add did: the documents stored, those already known, and rejected inputs;
    `bounded` maps a document id to (figures kept, figures found) when it was cut."""

    added: list[Document] = field(default_factory=list)
    known: list[Document] = field(default_factory=list)
    rejected: list[InputError] = field(default_factory=list)
    bounded: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def documents(self) -> list[Document]:
        return self.added + self.known


def read_paste(text: str, name: str | None) -> list[Document]:
    clean = (name or "").strip() or "pasted"
    return [load_text(text, name=clean, origin=f"pasted:{clean}")]


def read_upload(data: bytes, filename: str) -> list[Document]:
    path = PurePath(filename or "upload")
    return load_bytes(data, name=path.stem or "upload", origin=path.name or "upload",
                      kind=kind_for(data, path.suffix))  # fmt: skip


def read_url(url: str, *, allow_private: bool = False) -> list[Document]:
    """The documents at `url`; private addresses only with `allow_private` (the fetcher's
    guard refuses them, after DNS and on every redirect hop)."""
    url = url.strip()
    if not is_url(url):
        raise InputError(url, "not an http(s) URL; give a link starting with https://")
    fetched = fetch(url, allow_private=allow_private)
    kind = kind_for(fetched.data, content_type=fetched.content_type)
    return load_bytes(fetched.data, name=url_name(url), origin=url, kind=kind, url=fetched.url)


def ingest_bounded(
    ledger: Ledger, doc: Document, registry: PartyRegistry, max_figures: int
) -> tuple[bool, int, int]:
    """Extract and store `doc` with at most `max_figures` figures (the first, in text order);
    (stored, kept, found). False, extracting nothing, when the ledger already holds it."""
    if ledger.has_document(doc.id):
        return False, 0, 0
    from claimledger.extract.pipeline import extract_documents  # loads spaCy: only when needed

    found = next(extract_documents([doc], registry=registry))
    total = len(found.claims)
    if total > max_figures:
        flows = [f for f in found.flows if f.claim is None or f.claim < max_figures]
        found = replace(found, claims=found.claims[:max_figures], flows=flows)
    return store_extraction(ledger, found, registry), min(total, max_figures), total


def store_documents(
    ledger: Ledger,
    docs: list[Document],
    registry: PartyRegistry,
    *,
    max_figures: int = MAX_FIGURES_PER_DOCUMENT,
    progress: Callable[[int, str], None] | None = None,
) -> AddResult:
    """Extract and store each document (at most `max_figures` figures each); re-check the
    ledger when anything new arrived. `progress(done, stage)` hears of each step."""
    result = AddResult()
    for number, doc in enumerate(docs):
        if progress:
            progress(number, f"extracting {doc.name} ({len(doc.text):,} characters)")
        stored, kept, total = ingest_bounded(ledger, doc, registry, max_figures)
        (result.added if stored else result.known).append(doc)
        if total > kept:
            result.bounded[doc.id] = (kept, total)
    if result.added:
        if progress:
            progress(len(docs), "cross-checking the ledger")
        reconcile_ledger(ledger, registry)
    return result


def reconcile_ledger(ledger: Ledger, registry: PartyRegistry) -> bool:
    """Recompute groups and checks when the reconcile stage is installed; False when not."""
    try:
        from claimledger.reconcile import reconcile
    except ImportError:
        log.info("claimledger.reconcile.reconcile is not available; checks left as they are")
        return False
    reconcile(ledger, registry=registry)  # `serve --aliases` decides origins here too
    return True
