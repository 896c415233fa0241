"""Fixtures for the reconcile tests: ledgers on real SQLite files built from hand-made
claims, and the seeds extracted once per session."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from claimledger.model import Claim, Document, document_id
from claimledger.store import Ledger

sys.path.insert(0, str(Path(__file__).parent))

import goldkit  # noqa: E402


def make_claim(text: str, quote: str, doc: Document, **fields: Any) -> Claim:
    """A claim on the first occurrence of `quote` in `text`, its sentence found by goldkit."""
    start = text.index(quote)
    end = start + len(quote)
    sent_start, sent_end = goldkit.sentence_span(text, start, end)
    fields.setdefault("value", None)
    return Claim(
        doc=doc.name, quote=quote, start=start, end=end, sent_start=sent_start,
        sent_end=sent_end, doc_id=doc.id, **fields,
    )  # fmt: skip


def make_document(name: str, text: str, **meta: Any) -> Document:
    return Document(id=document_id(text), name=name, origin=f"{name}.txt", text=text, **meta)


AddDoc = Callable[..., tuple[Document, list[Claim]]]


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "ledger.db") as opened:
        yield opened


@pytest.fixture
def add_doc(ledger: Ledger) -> AddDoc:
    """add_doc(name, text, [(quote, fields), ...], **document meta) -> (document, claims)."""

    def add(
        name: str, text: str, specs: list[tuple[str, dict[str, Any]]], **meta: Any
    ) -> tuple[Document, list[Claim]]:
        doc = make_document(name, text, **meta)
        claims = [make_claim(text, quote, doc, **fields) for quote, fields in specs]
        ledger.add_document(doc, claims)
        return doc, claims

    return add


@pytest.fixture(scope="session")
def seed_extractions() -> list[Any]:
    """The five seeds through the real ingest and extractor, once per session."""
    from claimledger.extract.pipeline import extract_documents
    from claimledger.ingest import load_path

    docs = [d for path in sorted(goldkit.SEEDS.glob("*.txt")) for d in load_path(path)]
    return list(extract_documents(docs))
