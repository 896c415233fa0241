"""Add documents to the ledger from the web: read the input, extract, store, re-check."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from claimledger.api import ingest_document
from claimledger.errors import InputError
from claimledger.ingest import load_bytes, load_text
from claimledger.ingest.limits import DEFAULT_MAX_FIGURES, Limits
from claimledger.ingest.sniff import kind_for
from claimledger.ingest.url import fetch, is_url, url_name
from claimledger.model import Document
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger

log = logging.getLogger(__name__)


MAX_FIGURES_PER_DOCUMENT = DEFAULT_MAX_FIGURES  # a pasted dump keeps its first figures


@dataclass
class AddResult:
    """What an Add did: the documents stored, those already known, and rejected inputs;
    `warnings` maps a document id to what was left out of it (figures past the bound)."""

    added: list[Document] = field(default_factory=list)
    known: list[Document] = field(default_factory=list)
    rejected: list[InputError] = field(default_factory=list)
    warnings: dict[str, list[str]] = field(default_factory=dict)

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
        try:
            stored = ingest_document(ledger, doc, registry, limits=Limits(max_figures=max_figures))
        except InputError as exc:  # too long, or out of time: reported, the batch goes on
            result.rejected.append(exc)
            continue
        (result.added if stored else result.known).append(doc)
        if stored.warnings:
            result.warnings[doc.id] = stored.warnings
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
