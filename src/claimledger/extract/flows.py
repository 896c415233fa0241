"""Flows: the transfers a sentence states, with or without a figure, tied to their claims."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimledger.extract import lexicon as lx
from claimledger.extract.concepts import concept_of, is_generic, singular
from claimledger.extract.frames import countries_in, frame, nominal
from claimledger.model import Claim, Document, Flow
from claimledger.parties import PartyRegistry

if TYPE_CHECKING:
    from claimledger.extract.context import Sentence


_CUE_RE = re.compile(
    r"\b(?:sen[dt]\w*|ship\w*|suppl\w*|deliver\w*|export\w*|import(?:s|ed|ing)?\b|provid\w*|pa(?:y|id|ys|ying)|"
    r"gave|give[sn]?\b|giving|transfer\w*|dispatch\w*|deploy\w*|sold|sell\w*|receiv\w*|obtain\w*|aid|"
    r"assist\w*|donat\w*|in exchange for|lend\w*|lent|recruit\w*|station\w*|shar\w+|help\w*|"
    r"allocat\w*|purchas\w*|bought|buy\w*|spen[dt]\w*|support\w*|\w+-for-\w+)\b",
    re.IGNORECASE,
)


def has_transfer_cue(text: str) -> bool:
    """Cheap test: may this sentence state a transfer? (decides whether to parse it)."""
    return _CUE_RE.search(text) is not None


def sentence_flows(doc: Document, sent: Sentence, registry: PartyRegistry) -> list[Flow]:
    """Transfers a sentence states, with or without a figure ('Russia supplies oil to X')."""
    parse = sent.parse
    if parse is None or not sent.cue:
        return []
    flows: list[Flow] = []
    for tok in parse:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and _conditional_or_denied(tok):
            continue  # "if Russia provides X ...", "did not send": no transfer happened
        if tok.pos_ == "VERB" and lemma in lx.ASSIST_VERBS:
            flows.extend(_assist_flows(doc, sent, tok, registry))
        elif tok.pos_ == "VERB" and (
            lemma in lx.GIVE_VERBS
            or lemma in lx.GIVE_WITH_VERBS
            or lemma in lx.RECEIVE_VERBS
            or lemma in lx.SHARE_VERBS
        ):
            givers, receivers = frame(tok, registry, None)
            returns = _exchanged_for(tok)
            if givers and not receivers and returns:
                # "Pyongyang provides shells in exchange for food from Moscow"
                receivers = _from_party(returns[0].head.head, registry)[:1]
            if not givers or not receivers:
                continue
            for obj in _transferred(tok, lemma):
                flows.extend(_flows_for(doc, sent, registry, obj, givers[0], receivers, tok))
            for back in returns:  # what comes back the other way
                flows.extend(_flows_for(doc, sent, registry, back, receivers[0], givers[:1], tok))
        elif tok.pos_ == "NOUN" and tok.lower_ in lx.TRANSFER_NOUNS:
            givers, receivers = nominal(tok, registry)
            if givers and receivers:
                objs = [
                    c for c in tok.lefts if c.dep_ == "compound" and not countries_in([c], registry)
                ]
                for child in tok.rights:
                    if child.dep_ == "prep" and child.lower_ == "of":
                        objs.extend(c for c in child.children if c.dep_ == "pobj")
                for obj in objs or [tok]:
                    flows.extend(_flows_for(doc, sent, registry, obj, givers[0], receivers, tok))
        elif tok.lemma_.lower() == "range" and tok.dep_ in ("advcl", "acl") and flows:
            # "..., ranging from 152mm ammunition to ballistic missiles": more of the same flow.
            last = flows[-1]
            for prep in (
                c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "to")
            ):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    for part in _with_conj(pobj):
                        flows.extend(
                            _flows_for(doc, sent, registry, part, last.giver, [last.receiver], tok)
                        )
    flows.extend(_swap_compounds(doc, sent, registry))
    return flows


def _exchanged_for(verb: Token) -> list[Token]:
    """The objects of 'in exchange for X and Y' hanging off a transfer verb."""
    out: list[Token] = []
    preps = [t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "in"]
    for prep in preps:
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lower_ == "exchange"):
            for fr in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"):
                for pobj in (c for c in fr.children if c.dep_ == "pobj"):
                    out.extend(_with_conj(pobj))
    return out


def _from_party(noun: Token, registry: PartyRegistry) -> list[str]:
    """A 'from X' anywhere in the 'exchange for ...' phrase."""
    for prep in (c for c in noun.subtree if c.dep_ == "prep" and c.lower_ == "from"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found = countries_in(list(pobj.subtree), registry)
            if found:
                return found
    return []


_SWAP_RE = re.compile(r"\b([A-Za-z]+)-for-([A-Za-z]+)\b")


def _swap_compounds(doc: Document, sent: Sentence, registry: PartyRegistry) -> list[Flow]:
    """'a troops-for-oil deal between North Korea and Russia': troops one way, oil back.

    The first party named gives the first thing; a compound in a negated sentence ('no
    evidence of a troops-for-oil deal') states no exchange at all.
    """
    parse = sent.parse
    if parse is None or any(t.dep_ == "neg" or t.lower_ in ("no", "never") for t in parse):
        return []
    flows: list[Flow] = []
    for m in _SWAP_RE.finditer(sent.text):
        between = [t for t in parse if t.lower_ == "between" and t.dep_ == "prep"]
        scope = list(between[0].subtree) if between else parse[:]
        parties = countries_in(scope, registry)
        if len(parties) < 2:
            continue
        span = parse.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        first, second = span[0], span[-1]
        flows.extend(_flows_for(doc, sent, registry, first, parties[0], [parties[1]], span.root))
        flows.extend(_flows_for(doc, sent, registry, second, parties[1], [parties[0]], span.root))
    return flows


def _conditional_or_denied(verb: Token) -> bool:
    """A transfer verb under 'if'/'unless', negated, or denied says nothing was handed over."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    tok = verb
    while True:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in tok.children):
            return True
        if tok.lemma_.lower() in lx.DENIAL_LEMMAS:
            return True
        if any(c.lower_ in lx.IMPROBABLE_WORDS for c in tok.children if c.dep_ == "acomp"):
            return True  # "it is unlikely he would dispatch soldiers": no transfer stated
        if tok.head.i == tok.i or tok.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
            return False
        tok = tok.head


def _transferred(verb: Token, lemma: str) -> list[Token]:
    if lemma in lx.GIVE_WITH_VERBS:
        objs = [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if objs:
            return _with_conj(objs[0])
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs:
        return []
    out = _with_conj(objs[0])
    # "shells to Russia, which included ammunition and ballistic missiles": the parts too.
    for head in list(out):
        for child in head.children:
            if child.dep_ in ("relcl", "acl", "prep") and child.lemma_.lower() in (
                "include",
                "including",
            ):
                parts = [c for c in child.children if c.dep_ in ("dobj", "pobj")]
                for part in parts:
                    out.extend(_with_conj(part))
    return out


def _assist_flows(
    doc: Document, sent: Sentence, verb: Token, registry: PartyRegistry
) -> list[Flow]:
    """'Russia is assisting North Korea in developing satellites': technology to North Korea."""
    givers, _ = frame(verb, registry, None)
    receivers = [
        c
        for o in verb.children
        if o.dep_ == "dobj"
        for c in countries_in(list(o.subtree), registry)
    ]
    if not givers or not receivers:
        return []
    flows: list[Flow] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "with")):
        nouns = [t for t in prep.subtree if t.pos_ == "NOUN"]
        known = [t for t in nouns if concept_of(t.lower_) != singular(t.lower_)]
        for noun in known[-1:]:
            flows.extend(_flows_for(doc, sent, registry, noun, givers[0], receivers[:1], verb))
    return flows


def _with_conj(head: Token) -> list[Token]:
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
                out.append(c)
                stack.append(c)
    return out


_UNIT_OBJECTS = frozenset({*lx.CURRENCY_WORDS, *lx.UNIT_WORDS, "bn", "million", "billion"})


def _flows_for(
    doc: Document,
    sent: Sentence,
    registry: PartyRegistry,
    obj: Token,
    giver: str,
    receivers: list[str],
    cue: Token,
) -> list[Flow]:
    if obj.lower_ in _UNIT_OBJECTS:
        # "500 million dollars in aid", "50,000 tons of rice": the thing, not its measure.
        inner = [
            p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
            for p in c.children if p.dep_ == "pobj"
        ]  # fmt: skip
        if not inner:
            return []
        obj = inner[0]
    if obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in ("GPE", "NORP", "PERSON"):
        return []
    words = [t for t in obj.lefts if t.dep_ in ("compound", "amod") and not t.like_num]
    words = [
        t for t in words if not countries_in([t], registry) and t.lower_ not in lx.FLOW_DROP_WORDS
    ]
    item = " ".join(t.text for t in [*words, obj]).lower()
    concept = concept_of(item)
    if concept is None or is_generic(item):
        return []
    start = sent.start + min(cue.idx, obj.idx) - sent.parse[0].idx
    end = sent.start + max(cue.idx + len(cue.text), obj.idx + len(obj.text)) - sent.parse[0].idx
    return [
        Flow(
            giver=giver,
            receiver=receiver,
            item=item,
            concept=concept,
            doc=doc.name,
            start=start,
            end=end,
            sent_start=sent.start,
            sent_end=sent.end,
            doc_id=doc.id,
        )
        for receiver in receivers
    ]


def link_flows(
    claims: list[Claim], flows: list[Flow], doc: Document, registry: PartyRegistry
) -> None:
    """Every figure with a giver and a receiver is a flow; tie sentence flows to their figure."""
    for i, claim in enumerate(claims):
        if not claim.from_ or not claim.to:
            continue
        receivers = [claim.to]
        if registry.resolve(claim.to) is None and " and " in claim.to:
            receivers = claim.to.split(" and ")  # "Kuwait and United Arab Emirates"
        for receiver in receivers:
            match = next(
                (
                    f
                    for f in flows
                    if f.claim is None
                    and f.sent_start == claim.sent_start
                    and f.giver == claim.from_
                    and f.receiver == receiver
                    and f.concept == claim.concept
                ),
                None,
            )
            if match is not None:
                match.claim = i
                continue
            flows.append(
                Flow(
                    giver=claim.from_,
                    receiver=receiver,
                    item=claim.item or "money",
                    concept=claim.concept or ("money" if claim.currency else claim.unit),
                    doc=doc.name,
                    start=claim.start,
                    end=claim.end,
                    sent_start=claim.sent_start,
                    sent_end=claim.sent_end,
                    claim=i,
                    doc_id=doc.id,
                )
            )
    seen: set[tuple[int, int, str | None, str | None, str]] = set()
    unique: list[Flow] = []
    for f in flows:
        key = (f.start, f.end, f.giver, f.receiver, f.concept)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    flows[:] = unique
