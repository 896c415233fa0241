"""Document -> claims and flows: the extraction stages, listed in one table and run in order.

Before the stages: split sentences cheaply, find quantities in every sentence (plain
text), parse fully only the sentences that hold a quantity or a transfer cue, and read
the named entities of the rest (so attribution can look back without calling spaCy).
Then every stage sees the whole `DocumentContext` and all of the document's `Draft`s,
and writes only the claim fields it declares: one writer per field
(tests/extract/test_stages.py holds the table to that).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from claimledger.extract import (
    attribution,
    document_parties,
    items,
    nlp,
    rates,
    timeframes,
    timeref,
    transfers,
)
from claimledger.extract import flows as flow_stage
from claimledger.extract.concepts import concept_of
from claimledger.extract.context import DocumentContext, Draft, Sentence
from claimledger.extract.currencies import dollar_for
from claimledger.extract.mentions import build_mentions, introduces
from claimledger.extract.numbers import find_quantities
from claimledger.extract.quotes import find_quotations
from claimledger.extract.sentences import split_sentences
from claimledger.model import Claim, Document, Extraction
from claimledger.parties import PartyRegistry

__all__ = [
    "STAGES",
    "Extraction",
    "Stage",
    "build",
    "extract_document",
    "extract_documents",
    "read_documents",
]


@dataclass(frozen=True)
class Stage:
    """One step of extraction: the claim fields it alone writes, and how."""

    name: str
    writes: tuple[str, ...]  # Claim attribute names ("from_", not "from")
    run: Callable[[DocumentContext, list[Draft]], None]


def _numbers(context: DocumentContext, drafts: list[Draft]) -> None:
    """A draft per quantity the parse can place; the quote is the number alone for now."""
    doc = context.doc
    for index, sent in enumerate(context.sentences):
        if sent.parse is None:
            continue
        for q in sent.quantities:
            span = sent.parse.char_span(q.core_start, q.core_end, alignment_mode="expand")
            if span is None:
                continue
            start = sent.start + q.start
            claim = Claim(
                doc=doc.name,
                quote="",
                start=start,
                end=start,
                value=q.value,
                low=q.low,
                high=q.high,
                qualifier=q.qualifier,
                unit=q.unit,
                vague=q.vague,
                change=q.change,
                change_from=q.change_from,
                sent_start=sent.start,
                sent_end=sent.end,
                doc_id=doc.id,
                currency=q.unit if q.currency else None,
            )
            drafts.append(Draft(claim=claim, quantity=q, span=span, sentence=index))


def _item(context: DocumentContext, drafts: list[Draft]) -> None:
    for draft in drafts:
        draft.item = items.item_for(draft.span, draft.quantity)
        draft.claim.item = draft.item.text
    items.inherit_items([d.claim for d in drafts])
    _share_with_conversions(drafts, ("item",))


def _quote(context: DocumentContext, drafts: list[Draft]) -> None:
    """The span that proves the figure: the number, and the item words right after it."""
    for draft in drafts:
        sent, q = context.sentences[draft.sentence], draft.quantity
        end = sent.start + q.end
        if draft.item.extend_to is not None and draft.item.extend_to > q.end:
            end = sent.start + draft.item.extend_to
        draft.claim.end = end
        draft.claim.quote = context.doc.text[draft.claim.start : end]


def _per(context: DocumentContext, drafts: list[Draft]) -> None:
    for draft in drafts:
        draft.claim.per = rates.per_for(draft, context.sentences[draft.sentence].text)


def _source_and_modality(context: DocumentContext, drafts: list[Draft]) -> None:
    for draft in drafts:
        draft.claim.source, draft.claim.modality = attribution.source_and_modality(
            draft.span, draft.quantity, draft.sentence, context
        )


def _when(context: DocumentContext, drafts: list[Draft]) -> None:
    """From the figure's own sentence, then the frame of the report it continues."""
    for draft in drafts:  # in text order: "over the same period" looks back
        draft.claim.when = timeref.when_for(draft.span, draft.quantity, context)
    timeframes.carry_frames([d.claim for d in drafts], context.sentences, context.doc)


def _parties(context: DocumentContext, drafts: list[Draft]) -> None:
    """From the figure's own sentence, then from the flows the document established."""
    document_parties.assign_parties(context, drafts)
    _share_with_conversions(drafts, ("from_", "to", "party_basis"))


def _share_with_conversions(drafts: list[Draft], names: tuple[str, ...]) -> None:
    """A conversion in brackets ('€102bn (about Rs 1.5 lakh crore)') is the figure before it
    in another unit: it says what that figure says (numbers.Quantity.converts)."""
    for before, draft in zip(drafts, drafts[1:], strict=False):
        if draft.quantity.converts and draft.sentence == before.sentence:
            for name in names:
                setattr(draft.claim, name, getattr(before.claim, name))


def _concept(context: DocumentContext, drafts: list[Draft]) -> None:
    for draft in drafts:
        claim = draft.claim
        claim.concept = concept_of(claim.item, claim.unit) if claim.item else None


def _flows(context: DocumentContext, drafts: list[Draft]) -> None:
    """Transfers each sentence states, tied to the figures that carry them."""
    for sent in context.sentences:
        if sent.parse is not None:
            context.flows.extend(flow_stage.sentence_flows(context.doc, sent, context.registry))
    claims = [d.claim for d in drafts]
    flow_stage.link_flows(claims, context.flows, context.doc, context.registry)


STAGES: tuple[Stage, ...] = (
    Stage(
        "numbers",
        (
            "doc",
            "doc_id",
            "start",
            "sent_start",
            "sent_end",
            "value",
            "low",
            "high",
            "qualifier",
            "unit",
            "vague",
            "currency",
            "change",
            "change_from",
        ),
        _numbers,
    ),  # fmt: skip
    Stage("item", ("item",), _item),
    Stage("quote", ("quote", "end"), _quote),
    Stage("per", ("per",), _per),
    Stage("source_modality", ("source", "modality"), _source_and_modality),
    Stage("when", ("when",), _when),
    Stage("parties", ("from_", "to", "party_basis"), _parties),
    Stage("concept", ("concept",), _concept),
    Stage("flows", (), _flows),
)


def extract_document(doc: Document, *, registry: PartyRegistry | None = None) -> Extraction:
    """Claims and flows of one document, in document order."""
    return next(extract_documents([doc], registry=registry))


def extract_documents(
    docs: Iterable[Document], *, registry: PartyRegistry | None = None, batch_size: int = 64
) -> Iterator[Extraction]:
    """Claims and flows of each document, in document order."""
    for context in read_documents(docs, registry=registry, batch_size=batch_size):
        yield build(context)


def build(context: DocumentContext) -> Extraction:
    """Run the stages over one read document."""
    drafts: list[Draft] = []
    for stage in STAGES:
        stage.run(context, drafts)
    return Extraction(document=context.doc, claims=[d.claim for d in drafts], flows=context.flows)


def read_documents(
    docs: Iterable[Document], *, registry: PartyRegistry | None = None, batch_size: int = 64
) -> Iterator[DocumentContext]:
    """Each document split and read; the model runs only on sentences that need it, in
    batches that span a few documents (the parser is faster on full batches)."""
    registry = registry or PartyRegistry.default()
    chunk: list[tuple[Document, list[Sentence]]] = []
    for doc in docs:
        sentences = split_sentences(doc)
        dollar = dollar_for(doc.text)  # which dollar a bare "$" is, from the country cues
        for sent in sentences:
            sent.quantities = find_quantities(sent.text, dollar=dollar)
            # A transfer without a figure needs a party to give or receive: no name, no parse.
            sent.cue = flow_stage.has_transfer_cue(sent.text) and bool(registry.find(sent.text))
        chunk.append((doc, sentences))
        if sum(len(s) for _, s in chunk) >= batch_size * 4:
            yield from _read(chunk, registry, batch_size)
            chunk = []
    yield from _read(chunk, registry, batch_size)


def _read(
    chunk: list[tuple[Document, list[Sentence]]], registry: PartyRegistry, batch_size: int
) -> Iterator[DocumentContext]:
    all_sentences = [s for _, sentences in chunk for s in sentences]
    wanted = [s for s in all_sentences if s.quantities or s.cue]
    rest = [s for s in all_sentences if not (s.quantities or s.cue) and introduces(s.text)]
    parsed = nlp.model().pipe(_texts(wanted), batch_size=batch_size)
    for sent, parse in zip(wanted, parsed, strict=True):
        sent.parse = parse
    for sent, names in zip(rest, nlp.read_names(_texts(rest), batch_size), strict=True):
        sent.names = names
    for doc, sentences in chunk:
        yield DocumentContext(
            doc=doc,
            registry=registry,
            sentences=sentences,
            mentions=build_mentions(sentences),
            quotations=find_quotations(doc.text),
            main_pair=transfers.main_pair(doc, registry),
        )


def _texts(sentences: list[Sentence]) -> Iterator[str]:
    # A wrapped line's newline becomes a space for the parser; offsets stay the same.
    return (s.text.replace("\r", " ").replace("\n", " ") for s in sentences)
