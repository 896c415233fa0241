"""Document -> claims and flows: the extraction stages, listed in one place and run in order.

Stages: split sentences cheaply -> find quantities in every sentence (plain text) ->
parse only the sentences that hold a quantity or a transfer cue -> for each quantity,
read its item, rate, time, source, modality and parties from the parse -> fill in
what a sentence leaves to its neighbours (ellipsis, pronouns, denials that follow).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from claimledger.extract import attribution, items, nlp, timeframes, timeref, transfers
from claimledger.extract import flows as flow_stage
from claimledger.extract import lexicon as lx
from claimledger.extract.numbers import Quantity, find_quantities
from claimledger.model import Claim, Document, Flow
from claimledger.parties import PartyRegistry

# Lines that are page furniture rather than prose: tags, credits, share buttons.
_FURNITURE_RE = re.compile(
    r"^\s*(?:tags?|topics?|image source|photo|credit|read also|read more|click here|"
    r"share|you may also like|leave a comment|editors'? picks|latest posts|related|"
    r"subscribe|follow us|copyright|©)\b|^\s*\[\d+\]",  # footnote lines: "[14] Institute ..."
    re.IGNORECASE,
)
_FOOTNOTE_BREAK_RE = re.compile(r"[.!?]\[\d{1,3}\]")
_PARAGRAPH_NUMBER_RE = re.compile(r"\(?\d{1,3}[.)]|[ivxlc]{1,6}[.)]", re.IGNORECASE)
_TERMINAL_RE = re.compile(r"[.!?…:;\"”’)]\s*$")


@dataclass
class Sentence:
    """One sentence of a document: absolute offsets, its quantities and (later) its parse."""

    start: int
    end: int
    text: str
    paragraph: int
    quantities: list[Quantity] = field(default_factory=list)
    cue: bool = False
    parse: Doc | None = None


@dataclass
class Extraction:
    """What one document yields."""

    document: Document
    claims: list[Claim]
    flows: list[Flow]


def split_sentences(doc: Document) -> list[Sentence]:
    """Body sentences with absolute offsets; headings and page furniture are left out."""
    out: list[Sentence] = []
    splitter = nlp.splitter()
    paragraph = 0
    for start, end in _logical_lines(doc.text, doc.body_start):
        text = doc.text[start:end]
        if not text.strip() or _is_furniture(text):
            continue
        paragraph += 1
        line_base = start
        # A footnote marker after a full stop ("in 2023.[12] At the ...") hides the sentence
        # end from the sentencizer: cut the line there first.
        cuts = [0, *(m.end() for m in _FOOTNOTE_BREAK_RE.finditer(text)), len(text)]
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            chunk, base = text[lo:hi], line_base + lo
            if not chunk.strip():
                continue
            for sent in _merge_abbreviations(list(splitter(chunk).sents)):
                s_text = sent.text
                if not s_text.strip() or _PARAGRAPH_NUMBER_RE.fullmatch(s_text.strip()):
                    continue  # blank, or a numbered paragraph's marker split off as a sentence
                out.append(
                    Sentence(base + sent.start_char, base + sent.end_char, s_text, paragraph)
                )
    return out


def _logical_lines(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of the body's lines, with hard-wrapped lines joined back into their paragraph
    (PDF text and wire copy wrap at a fixed width: 'Russia pays\\neach soldier ...')."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[start:])]
    out: list[list[int]] = []
    for lo, hi in lines:
        lo, hi = lo + start, hi + start
        if out and _wraps_into(text[out[-1][0] : out[-1][1]], text[lo:hi], text, out[-1][1], lo):
            out[-1][1] = hi
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _wraps_into(previous: str, line: str, text: str, prev_end: int, line_start: int) -> bool:
    blank_between = re.search(r"\n[ \t\r]*\n", text[prev_end : line_start + 1]) is not None
    if blank_between or not line.strip() or _TERMINAL_RE.search(previous):
        return False
    if re.match(r"\s*(?:[-•*▪–—]|\(?[a-z\d]{1,2}[.)])\s", line):  # the next item of a list
        return False  # a blank line or a full stop ends the paragraph
    first = line.lstrip()[:1]
    if first.islower() or first.isdigit() or first in "$€£(":
        return True
    words = previous.split()
    capitalised = sum(w[:1].isupper() for w in words) / max(1, len(words))
    return len(previous.strip()) >= 40 and capitalised < 0.6  # a line of prose, not a heading


_ABBREVIATION_END_RE = re.compile(
    r"\b(?:No|Nos|Art|Para|Fig|Vol|Sec|approx|Gen|Lt|Col|Sgt|Maj|Capt|Adm|Rep|Sen|Gov|Dr|Mr|Mrs"
    r"|Ms|Prof|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Ltd|Co|vs)\.$"
)


def _merge_abbreviations(sents: list[Span]) -> list[Span]:
    """Undo a split after an abbreviation the sentencizer took for a full stop ('No. 1117')."""
    out: list[Span] = []
    for sent in sents:
        if out and _ABBREVIATION_END_RE.search(out[-1].text.rstrip()):
            out[-1] = out[-1].doc[out[-1].start : sent.end]
        else:
            out.append(sent)
    return out


def _is_furniture(line: str) -> bool:
    if _FURNITURE_RE.match(line):
        return True
    if _BULLET_RE.match(line):
        return False  # "- 10,000 troops deployed": a list item of a report, not a heading
    # A short line without closing punctuation is a heading, a byline or a menu.
    return not (_TERMINAL_RE.search(line) or len(line.split()) > 14)


_BULLET_RE = re.compile(r"^\s*(?:[-•*▪–—]|\(?[a-z\d]{1,2}[.)])\s+\S.*\d")


def extract_document(doc: Document, *, registry: PartyRegistry | None = None) -> Extraction:
    """Claims and flows of one document, in document order."""
    return next(extract_documents([doc], registry=registry))


def extract_documents(
    docs: Iterable[Document], *, registry: PartyRegistry | None = None, batch_size: int = 64
) -> Iterator[Extraction]:
    """Claims and flows of each document; the model runs only on sentences that need it,
    in batches that span a few documents (the parser is faster on full batches)."""
    registry = registry or PartyRegistry.default()
    chunk: list[tuple[Document, list[Sentence]]] = []
    for doc in docs:
        sentences = split_sentences(doc)
        for sent in sentences:
            sent.quantities = find_quantities(sent.text)
            # A transfer without a figure needs a party to give or receive: no name, no parse.
            sent.cue = flow_stage.has_transfer_cue(sent.text) and bool(registry.find(sent.text))
        chunk.append((doc, sentences))
        if sum(len(s) for _, s in chunk) >= batch_size * 4:
            yield from _parse_and_build(chunk, registry, batch_size)
            chunk = []
    yield from _parse_and_build(chunk, registry, batch_size)


def _parse_and_build(
    chunk: list[tuple[Document, list[Sentence]]], registry: PartyRegistry, batch_size: int
) -> Iterator[Extraction]:
    wanted = [s for _, sentences in chunk for s in sentences if s.quantities or s.cue]
    # A wrapped line's newline becomes a space for the parser; offsets stay the same.
    texts = (s.text.replace("\r", " ").replace("\n", " ") for s in wanted)
    parsed = nlp.model().pipe(texts, batch_size=batch_size)
    for sent, parse in zip(wanted, parsed, strict=True):
        sent.parse = parse
    for doc, sentences in chunk:
        yield _build(doc, sentences, registry)


def _build(doc: Document, sentences: list[Sentence], registry: PartyRegistry) -> Extraction:
    context = attribution.DocumentContext(doc=doc, registry=registry, sentences=sentences)
    claims: list[Claim] = []
    flows: list[Flow] = []
    for index, sent in enumerate(sentences):
        if sent.parse is None:
            continue
        for q in sent.quantities:
            span = _span_of(sent.parse, q)
            if span is None:
                continue
            claim = _claim(doc, sent, index, q, span, context)
            if claim is not None:
                claims.append(claim)
        flows.extend(flow_stage.sentence_flows(doc, sent, registry))
    items.fill_from_context(claims, doc.text)
    transfers.share_within_sentence(claims)
    timeframes.carry_frames(claims, sentences, doc)
    flow_stage.link_flows(claims, flows, doc, registry)
    return Extraction(document=doc, claims=claims, flows=flows)


def _span_of(parse: Doc, q: Quantity) -> Span | None:
    return parse.char_span(q.core_start, q.core_end, alignment_mode="expand")


_RATE_AFTER_OF_RE = re.compile(
    r"^\s+of\s+(?:[\w'’-]+\s+){1,4}?("
    + "|".join(re.escape(k) for k in sorted(lx.RATE_PHRASES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def _rate_after_phrase(text: str, end: int) -> str | None:
    """'1.2 million barrels of oil per day': a rate after the 'of' phrase of the measure."""
    m = _RATE_AFTER_OF_RE.match(text[end:])
    return lx.RATE_PHRASES[re.sub(r"\s+", " ", m.group(1).lower())] if m else None


def _claim(
    doc: Document,
    sent: Sentence,
    index: int,
    q: Quantity,
    span: Span,
    context: attribution.DocumentContext,
) -> Claim | None:
    item_info = items.item_for(span, q)
    start, end = sent.start + q.start, sent.start + q.end
    if item_info.extend_to is not None and item_info.extend_to > q.end:
        end = sent.start + item_info.extend_to
    per = q.per or item_info.per or _rate_after_phrase(sent.text, q.end)
    source, modality = attribution.source_and_modality(span, q, index, context)
    when = timeref.when_for(span, q, context)
    giver, receiver = transfers.parties_for(span, q, item_info, index, context)
    return Claim(
        doc=doc.name,
        quote=doc.text[start:end],
        start=start,
        end=end,
        value=q.value,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        unit=q.unit,
        item=item_info.text,
        per=per,
        when=when,
        source=source,
        modality=modality,
        from_=giver,
        to=receiver,
        vague=q.vague,
        sent_start=sent.start,
        sent_end=sent.end,
        doc_id=doc.id,
        concept=item_info.concept,
        currency=q.unit if q.currency else None,
    )
