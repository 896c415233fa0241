"""From and to of every figure, read from the whole document: the one writer of `from_`,
`to` and `party_basis` (GUIDELINES.md § Flows; ../shared/dev/README.md, judgement call 8).

First each figure's own sentence (`transfers.parties_for`), with what the sentence says
beside it: money listed together shares the sentence's flow; a share or a change of a flow
the sentence states carries that flow ("40 percent of Japan's imports of Chilean copper");
"the Netherlands (€0.5 billion) and Spain (€0.4 billion)" gives each amount its own giver.
That is `party_basis = "sentence"`.

Then the document, in text order, for figures whose sentence elides a party: a sentence
that continues the one before ("This comprised ...") keeps its flow; "another 1,000", "the
shipments" and "$200 million of the 2022 deliveries" take the flow of the figure they add
to; otherwise the flow of the same concept established earlier in the document (aid to
Ukraine, oil from Russia to India), with the giver or receiver the sentence names itself
put in its place. That is `party_basis = "document"`. Casualties, counts of trips, images
and allies, two-way turnover, prices, lengths and durations never get parties.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimledger.extract import lexicon as lx
from claimledger.extract import transfers
from claimledger.extract.concepts import CONCEPTS, concept_of
from claimledger.extract.context import DocumentContext, Draft
from claimledger.extract.flows import has_transfer_cue
from claimledger.extract.frames import countries_in, nominal, np_tokens
from claimledger.extract.measures import is_price
from claimledger.extract.timeframes import continues_report
from claimledger.model import Claim

_PART_OF_RE = re.compile(r"\s+of\s+(?:the|that|this|these|those|its|all)\b", re.IGNORECASE)
_NEAR = 400  # characters: how far back "another 1,000" looks for what it adds to
_UNTRANSFERRED_UNITS = frozenset({*lx.DURATION_UNITS, "km", "mi"})


def assign_parties(context: DocumentContext, drafts: list[Draft]) -> None:
    """Write from_, to and party_basis of every draft."""
    for draft in drafts:
        claim = draft.claim
        claim.from_, claim.to = transfers.parties_for(
            draft.span, draft.quantity, draft.item, draft.sentence, context
        )
        if _never_transferred(draft):
            claim.from_ = claim.to = None
    _own_givers(context, drafts)
    _buyers(context, drafts)
    _share_money(drafts)
    _shares_of_flows(context, drafts)
    for draft in drafts:
        claim = draft.claim
        claim.party_basis = "sentence" if claim.from_ or claim.to else None
    _from_document(context, drafts)
    _shares_of_flows(context, drafts, basis="document")  # beside money the document filled


# -- what a figure never has -----------------------------------------------------------------


def _never_transferred(draft: Draft) -> bool:
    """Casualties, counts of trips, images and allies, turnover: nothing changes hands."""
    claim = draft.claim
    words = set(re.findall(r"[a-z]+", (claim.item or "").lower()))
    if words & lx.CASUALTY_WORDS or words & lx.UNTRANSFERRED_NOUNS:
        return True
    if draft.item.head is not None and draft.item.head.lower_ in lx.UNTRANSFERRED_NOUNS:
        return True
    verb = _verb(draft.span.root)
    return verb is not None and verb.lower_ in lx.CASUALTY_WORDS


def _verb(tok: Token) -> Token | None:
    return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _transferable(draft: Draft) -> bool:
    """Whether a figure may take a flow from elsewhere in the document."""
    claim = draft.claim
    if claim.unit in _UNTRANSFERRED_UNITS or claim.unit == "percent" or _never_transferred(draft):
        return False
    if not claim.currency:
        return concept_of(claim.item, claim.unit) != "countries"
    text = draft.span.doc.text
    after = text[draft.quantity.end : draft.quantity.end + 40]
    words = set(re.findall(r"[a-z]+", f"{claim.item or ''} {after}".lower()))
    return not is_price(text, draft.quantity.end) and not words & lx.UNPAID_MONEY_WORDS


def _anaphoric(draft: Draft) -> bool:
    """'This comprised ...', 'Among them were ...': a pronoun, not 'This coalition ...'."""
    words = [t for t in draft.span.doc if not t.is_punct]
    if len(words) >= 2 and words[0].lower_ in ("among", "of") and words[1].pos_ == "PRON":
        return True
    return bool(words) and words[0].dep_ in ("nsubj", "nsubjpass") and words[0].pos_ == "PRON"


# -- the sentence ----------------------------------------------------------------------------


def _own_givers(context: DocumentContext, drafts: list[Draft]) -> None:
    """'The Netherlands (€0.5 billion) and Spain (€0.4 billion) provided ...': the country
    right before a bracketed amount is that amount's giver, not the pair."""
    for draft in drafts:
        claim = draft.claim
        if not claim.from_ or " and " not in claim.from_:
            continue
        before = context.doc.text[max(claim.sent_start, claim.start - 60) : claim.start]
        if not before.rstrip().endswith("("):
            continue
        found = [p for _s, _e, p in context.registry.find(before)]
        if found and found[-1].name in claim.from_.split(" and "):
            claim.from_ = found[-1].name


def _buyers(context: DocumentContext, drafts: list[Draft]) -> None:
    """'China was the biggest buyer of Russian coal at $X': the buyer receives, the origin
    of what it buys gives."""
    for draft in drafts:
        claim = draft.claim
        if not claim.currency or (claim.from_ and claim.to):
            continue
        parse = draft.span.doc
        for noun in (t for t in parse if t.lower_ in lx.BUYER_NOUNS):
            origin = [
                c
                for prep in noun.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for c in countries_in(np_tokens(pobj), context.registry)
            ]
            verb = noun.head if noun.dep_ in ("attr", "acomp", "oprd") else None
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
            buyer = countries_in(np_tokens(subject), context.registry) if subject else []
            if origin and buyer and origin[0] != buyer[0]:
                claim.from_ = claim.from_ or origin[0]
                claim.to = claim.to or buyer[0]
                break


def _share_money(drafts: list[Draft]) -> None:
    """Money listed in one sentence ('cars ($894 million), iron $602 million', 'EUR 112.5
    billion ($121.59 billion)') shares the sentence's framed money flow."""
    for group in _by_sentence(drafts).values():
        framed = [d.claim for d in group if d.claim.currency and d.claim.from_ and d.claim.to]
        for draft in group:
            claim = draft.claim
            listed = framed and claim.currency and not claim.from_ and not claim.to
            if listed and not is_price(draft.span.doc.text, draft.quantity.end):
                claim.from_, claim.to = framed[0].from_, framed[0].to


def _shares_of_flows(
    context: DocumentContext, drafts: list[Draft], basis: str | None = None
) -> None:
    """A percent that is a share or a change of a flow its sentence states carries that
    flow: a figure of the sentence with both parties, or a transfer noun naming both."""
    for group in _by_sentence(drafts).values():
        percents = [d for d in group if d.claim.unit == "percent" and not d.claim.from_]
        if not percents:
            continue
        flow = _stated_flow(percents[0], context)
        # Beside a figure of the flow, "about 46% of its total purchases" is a share of
        # something wider; only the change or the part ("at 13 percent") is the flow's.
        wider = flow is None
        if flow is None:
            flow = next(
                ((d.claim.from_, d.claim.to) for d in group if d.claim.from_ and d.claim.to), None
            )
        if flow is None:
            continue
        money = any(d.claim.currency and d.claim.from_ and d.claim.to for d in group)
        for draft in percents:
            if not _never_transferred(draft) and _of_a_flow(draft, money, wider):
                draft.claim.from_, draft.claim.to = flow
                draft.claim.party_basis = basis or draft.claim.party_basis


def _stated_flow(draft: Draft, context: DocumentContext) -> tuple[str, str] | None:
    for tok in draft.span.doc:
        if tok.pos_ == "NOUN" and tok.lower_ in lx.TRANSFER_NOUNS:
            givers, receivers = nominal(tok, context.registry)
            if givers and receivers and givers[0] != receivers[0]:
                return givers[0], receivers[0]
    return None


def _of_a_flow(draft: Draft, flows_money: bool, beside_figure: bool) -> bool:
    """A share of a flow ('40 percent of its crude imports'), a change in it ('14 percent
    less', 'fell by 8 percent', 'from 1 percent to 40 percent'), or, beside the flow's money,
    its part ('coal at 13 percent'); not a rate of its own ('85 percent dependent')."""
    text = draft.span.doc.text
    after = text[draft.quantity.end : draft.quantity.end + 60].lower()
    before = text[max(0, draft.quantity.start - 30) : draft.quantity.start].lower()
    if _CHANGE_AFTER_RE.match(after) or (_SHARE_OF_FLOW_RE.match(after) and not beside_figure):
        return True
    if re.search(r"\b(?:by|at)\s+(?:\w+\s+){0,2}$", before):
        return flows_money or re.search(r"\bby\s+(?:\w+\s+){0,2}$", before) is not None
    return re.search(r"\b(?:from|to)\s+(?:\w+\s+){0,2}$", before) is not None and bool(
        _FROM_TO_PERCENT_RE.search(text)
    )


_SHARE_OF_FLOW_RE = re.compile(
    r"\s*of\s+(?:[\w'’-]+\s+){0,5}?(?:"
    + "|".join(sorted(lx.TRANSFER_NOUNS - {"support", "trade"}, key=len, reverse=True))
    + r")\b"
)
_CHANGE_AFTER_RE = re.compile(
    r"\s*(?:less|more|lower|higher|down|up|month-on-month|year-on-year|drop|rise|fall|"
    r"increase|decrease|decline)\b"
)
_FROM_TO_PERCENT_RE = re.compile(
    r"\bfrom\s+(?:[\w-]+\s+){0,3}\d[\d.,]*\s*(?:per\s?cent|%).{0,80}?\bto\b", re.IGNORECASE
)


# -- the document ----------------------------------------------------------------------------


def _from_document(context: DocumentContext, drafts: list[Draft]) -> None:
    """Elided parties from the figures and flows before, in text order."""
    established: dict[str, tuple[str, str]] = {}
    last_by_unit: dict[str, Claim] = {}
    last_framed: dict[str, Claim] = {}
    previous: list[Claim] = []  # the figures of the last sentence that had any
    for group in _by_sentence(drafts).values():
        sentence = context.sentences[group[0].sentence]
        opens, _adds = continues_report(sentence.text)
        for draft in group:
            claim = draft.claim
            if not (claim.from_ and claim.to) and _transferable(draft):
                found = _elided(draft, context, opens, previous, last_by_unit, last_framed)
                # A receiver is filled in for a named giver ("European support reached $X");
                # a giver is not guessed for a named receiver: an importer's bill from all.
                if found is None and not claim.to and claim.currency:
                    found = _established(draft, context, established)
                giver, receiver = (
                    (claim.from_ or found[0], claim.to or found[1]) if found else (None, None)
                )
                if found and giver != receiver and (giver, receiver) != (claim.from_, claim.to):
                    claim.from_, claim.to = giver, receiver
                    claim.party_basis = "document"
            if claim.from_ and claim.to:
                for key in _keys(claim):
                    established[key] = (claim.from_, claim.to)
                last_framed[claim.unit] = claim
            if claim.item:
                last_by_unit[claim.unit] = claim
        previous = [d.claim for d in group]
    context.established.update(established)


def _elided(
    draft: Draft,
    context: DocumentContext,
    opens: bool,
    previous: list[Claim],
    last_by_unit: dict[str, Claim],
    last_framed: dict[str, Claim],
) -> tuple[str | None, str | None] | None:
    claim = draft.claim
    if opens and previous and not (claim.from_ or claim.to) and _anaphoric(draft):
        # "This comprised ...", "It amounted to ...": the flow (or none) of the figure before.
        before = previous[-1]
        return (before.from_, before.to) if before.from_ or before.to else (None, None)
    framed = last_framed.get(claim.unit)
    if framed is not None and _PART_OF_RE.match(context.doc.text, claim.end):
        return framed.from_, framed.to  # "$894 million of the 2022 shipments"
    prev = last_by_unit.get(claim.unit)
    bare = draft.item.text is None or draft.item.text in lx.BARE_TRANSFER_NOUNS
    if prev is not None and prev.item and bare and claim.sent_start - prev.sent_end < _NEAR:
        return (prev.from_, prev.to) if prev.from_ or prev.to else None  # "another 1,000"
    return None


def _established(
    draft: Draft, context: DocumentContext, established: dict[str, tuple[str, str]]
) -> tuple[str, str] | None:
    """The flow of the figure's concept established earlier, with the giver or receiver
    its own sentence names put in its place."""
    claim = draft.claim
    flow = next((established[k] for k in _keys(claim) if k in established), None)
    sentence = context.sentences[draft.sentence].text
    if flow is None or not has_transfer_cue(sentence):
        return None  # only a sentence about handing something over continues a flow
    giver, receiver = flow
    named = {p.name for _s, _e, p in context.registry.find(sentence)}
    subject = _subject_country(draft, context)
    if named - {giver, receiver, subject, claim.from_}:
        return None  # the sentence is about other parties
    if claim.from_:
        return claim.from_, receiver
    named_subject = subject
    if named_subject is None or named_subject in flow:
        return flow
    verb = draft.span.doc[:].root
    takes = verb.lemma_.lower() in lx.RECEIVE_VERBS | lx.SPEND_VERBS
    return (giver, named_subject) if takes else (named_subject, receiver)


def _subject_country(draft: Draft, context: DocumentContext) -> str | None:
    root = draft.span.doc[:].root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    found = countries_in(np_tokens(subject), context.registry)
    return found[0] if found else None


def _keys(claim: Claim) -> list[str]:
    concept = concept_of(claim.item, claim.unit) if claim.item else None
    keys = [concept] if concept in CONCEPTS else []
    return [*keys, "money"] if claim.currency else keys


def _by_sentence(drafts: list[Draft]) -> dict[int, list[Draft]]:
    groups: dict[int, list[Draft]] = {}
    for draft in drafts:
        groups.setdefault(draft.claim.sent_start, []).append(draft)
    return groups
