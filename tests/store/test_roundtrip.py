"""Property: whatever claims a document carries, the ledger gives back equal ones."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.model import MODALITIES, QUALIFIERS, Claim, Document, Party, document_id
from claimledger.store import Ledger

_serial = itertools.count()

texts = st.text(max_size=30)
maybe_texts = st.none() | texts
numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64)
offsets = st.integers(min_value=0, max_value=10_000)


@st.composite
def claims(draw: st.DrawFn, doc_id: str, start: int) -> Claim:
    sent_start = draw(offsets)
    return Claim(
        doc=draw(st.text(min_size=1, max_size=12)),
        quote=draw(texts),
        start=start,
        end=start + draw(st.integers(min_value=0, max_value=50)),
        value=draw(numbers),
        low=draw(numbers),
        high=draw(numbers),
        qualifier=draw(st.sampled_from(QUALIFIERS)),
        unit=draw(texts),
        item=draw(maybe_texts),
        per=draw(maybe_texts),
        when=draw(maybe_texts),
        source=draw(maybe_texts),
        modality=draw(st.sampled_from(MODALITIES)),
        from_=draw(maybe_texts),
        to=draw(maybe_texts),
        vague=draw(st.booleans()),
        sent_start=sent_start,
        sent_end=sent_start + draw(st.integers(min_value=0, max_value=300)),
        doc_id=doc_id,
        concept=draw(maybe_texts),
        currency=draw(st.none() | st.sampled_from(["USD", "EUR", "GBP"])),
        extractor_version=draw(st.sampled_from(["0.1.0", "0.2.0-dev"])),
    )


@st.composite
def documents(draw: st.DrawFn) -> tuple[Document, list[Claim], list[Party]]:
    text = draw(st.text(max_size=200)) + f"\n#{next(_serial)}"  # distinct per example
    doc = Document(
        id=document_id(text),
        name=draw(st.text(min_size=1, max_size=12)),
        origin=draw(texts),
        text=text,
        kind=draw(st.sampled_from(["text", "html", "pdf", "feed"])),
        body_start=draw(st.integers(min_value=0, max_value=len(text))),
        title=draw(maybe_texts),
        outlet=draw(maybe_texts),
        author=draw(maybe_texts),
        published=draw(st.none() | st.sampled_from(["2024", "2024-06", "2024-06-19"])),
        url=draw(maybe_texts),
        meta=draw(st.dictionaries(texts, texts, max_size=3)),
    )
    starts = draw(st.lists(offsets, unique=True, max_size=6))  # (doc_id, start, end) is unique
    found = [draw(claims(doc.id, start)) for start in starts]
    names = {c.from_ for c in found if c.from_} | {c.source for c in found if c.source}
    parties = [Party(name, "organisation", (f"{name} alias",)) for name in sorted(names)]
    return doc, found, parties


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_claims_and_documents_round_trip(case: tuple[Document, list[Claim], list[Party]]) -> None:
    doc, found, parties = case
    with Ledger.open(":memory:") as ledger:
        assert ledger.add_document(doc, found, (), parties) is True
        assert ledger.document(doc.id) == doc
        back = ledger.claims(order="id")
        assert back == found
        assert ledger.parties() == sorted(parties, key=lambda p: p.name)
        before = ledger.counts()
        assert ledger.add_document(doc, found, (), parties) is False
        assert ledger.counts() == before


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=40))
def test_any_search_text_is_a_safe_query(query: str) -> None:
    text = "Russia fired 10,000 shells, the ISW said."
    doc = Document(id=document_id(text), name="a", origin="a.txt", text=text)
    claim = Claim("a", "10,000", 13, 19, 10000.0, sent_end=len(text), doc_id=doc.id)
    with Ledger.open(":memory:") as ledger:
        ledger.add_document(doc, [replace(claim)])
        found = ledger.claims(search=query)
        assert found in ([], [claim])
