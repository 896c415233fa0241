"""What a figure counts or measures, read from the dependency parse around its number."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.measures import measure_item, money_item, percent_item
from claimledger.extract.numbers import Quantity
from claimledger.extract.phrases import MODIFIER_DEPS, ItemInfo, phrase
from claimledger.model import Claim

if TYPE_CHECKING:
    pass


def item_for(span: Span, q: Quantity) -> ItemInfo:
    """The item of the quantity whose number tokens are `span`."""
    anchor = _anchor(span)
    pegged = _pegged_at(anchor)
    if pegged is not None and (not phrase(pegged) or _meaningless(phrase(pegged).lower())):
        pegged = None  # "put the total at 3.7 million rounds": the rounds say what it is
    if pegged is not None:  # "estimates put the death toll at 500": the toll
        info = ItemInfo(text=phrase(pegged), head=pegged)
    elif q.unit == "count" and not q.currency:
        info = _with_predicate(_count_item(anchor, q, span))
    elif q.unit == "percent":
        info = percent_item(anchor, q)
    elif q.currency or len(q.unit) == 3 and q.unit.isupper():
        info = money_item(anchor, q)
    else:
        info = measure_item(anchor, q)
    if info.text is not None:
        info.text = re.sub(r"\s+", " ", info.text.strip(" “”\"'’‘,.;:()")).lower() or None
    if info.text and _meaningless(info.text):
        info.text, info.head = None, None
    if info.text and info.text.startswith("share of ") and info.text[9:] in lx.ITEM_PRONOUNS:
        info.text = "share"  # "two-thirds of it": a share of something named before
    return info


_WRAPPER_HEADS = frozenset({"equivalent", "total", "sum", "value", "amount", "worth", "period"})


_PEG_VERBS = frozenset({"put", "estimate", "peg", "place", "value", "set", "fix", "assess"})


def _pegged_at(anchor: Token) -> Token | None:
    """The object a figure is put at: 'puts Iran's missile stock at 3,000' -> stock."""
    tok = anchor
    while tok.dep_ in ("nummod", "compound", "quantmod") and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "at" or prep.head.lemma_.lower() not in _PEG_VERBS:
        return None
    obj = next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") else None


def _meaningless(text: str) -> bool:
    """Items that name nothing: pronouns, unit words, 'the equivalent of euros', 'period of
    them'."""
    if text in lx.ITEM_PRONOUNS or text in lx.UNIT_ITEMS or text.startswith("of "):
        return True
    if " of of " in text:
        return True
    head, _, tail = text.partition(" of ")
    wrapped = tail in lx.UNIT_ITEMS or tail in lx.ITEM_PRONOUNS
    if tail and wrapped and head.split()[-1] in _WRAPPER_HEADS:
        return True
    return head == "period" and bool(tail) and tail.split()[-1] in lx.PEOPLE_NOUNS


def _with_predicate(info: ItemInfo) -> ItemInfo:
    """'2,000 others injured', '5,000 Germans entered Austria': when the counted noun names
    nobody in particular, the participle or verb it is subject of says what is counted."""
    head = info.head
    if head is None or info.text is None:
        return info
    generic = head.lower_ in lx.GENERIC_COUNT_HEADS or head.ent_type_ == "NORP"
    if not generic:
        return info
    participle = next((c for c in head.rights if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if participle is None and head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB":
        participle = head.head
    if participle is None:
        return info
    info.text = f"{info.text} {participle.text}"
    return info


def _anchor(span: Span) -> Token:
    """The token the rest of the sentence attaches the number through."""
    for tok in reversed(span):
        if tok.head.i < span.start or tok.head.i >= span.end:
            return tok
    return span[-1]


def _count_item(anchor: Token, q: Quantity, span: Span) -> ItemInfo:
    tok = anchor
    while (
        tok.dep_ in ("nummod", "quantmod", "compound", "advmod", "amod", "nmod")
        and tok.head.i != tok.i
    ):
        if tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
            return _noun_item(tok.head, q, anchor)
        if tok.head.i < tok.i and tok.head.pos_ not in ("NUM", "SYM"):
            break
        tok = tok.head
    # "thousands of soldiers", "tens of thousands of laborers": the noun after "of".
    inside = range(span.start, span.end)
    nxt = _next_token(span[-1])
    if nxt is not None and nxt.lower_ == "of":
        pobj = [c for c in nxt.children if c.dep_ == "pobj"]
        if pobj:
            return _noun_item(pobj[0], q, anchor)
    # A number that is itself the noun phrase head: look right for a noun it governs.
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i not in inside:
            pobj = [c for c in child.children if c.dep_ == "pobj" and c.i not in inside]
            if pobj:
                return _noun_item(pobj[0], q, anchor)
    # "workers, numbering between 20,000 and 50,000": the noun the clause describes.
    prep = anchor.head if anchor.dep_ == "pobj" else None
    if prep is not None and prep.head.dep_ == "acl" and prep.head.head.pos_ in ("NOUN", "PROPN"):
        noun = prep.head.head
        return ItemInfo(text=phrase(noun), head=noun)
    if anchor.pos_ in ("NOUN", "PROPN") and not q.vague:
        return _noun_item(anchor, q, anchor)
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        return _noun_item(nxt, q, anchor)
    return ItemInfo(text=None)


def _next_token(tok: Token) -> Token | None:
    doc = tok.doc
    return doc[tok.i + 1] if tok.i + 1 < len(doc) else None


def _noun_item(head: Token, q: Quantity, anchor: Token) -> ItemInfo:
    """The noun phrase around `head`: its compounds and adjectives, and a partitive 'of X'."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ in MODIFIER_DEPS and child.i > anchor.i and not child.like_num:
            tokens.extend(t for t in child.subtree if not t.like_num and t.dep_ != "punct")
    words = sorted(set(tokens), key=lambda t: t.i)
    words = [
        t
        for t in words
        if t.lower_ not in lx.ITEM_DROP_ADJECTIVES
        and t.dep_ != "poss"
        and t.tag_ != "POS"
        and not t.is_punct
        and t.lower_ not in ("“", "”")
    ]
    text = " ".join(t.text for t in words)
    end_char = head.idx + len(head.text)
    if head.lower_ in lx.PARTITIVE_HEADS:
        of = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"]
        if of:
            pobj = [c for c in of[0].children if c.dep_ == "pobj"]
            if pobj:
                text = f"{text} of {phrase(pobj[0])}"
                end_char = max(end_char, pobj[0].idx + len(pobj[0].text))
    sent_start = head.doc[0].idx
    extend = end_char - sent_start if head.i > anchor.i and head.i - anchor.i <= 6 else None
    if extend is not None and head.doc[head.i + 1 : head.i + 2].text in ("”", '"'):
        extend += 1
    return ItemInfo(text=text, head=head, extend_to=extend, per=_rate_after(head))


def _rate_after(head: Token) -> str | None:
    doc = head.doc
    after = doc.text[head.idx + len(head.text) :]
    m = re.match(rf"^\s+({'|'.join(re.escape(k) for k in lx.RATE_PHRASES)})\b", after, re.I)
    return lx.RATE_PHRASES[m.group(1).lower()] if m else None


def inherit_items(claims: list[Claim]) -> None:
    """What a sentence leaves to the one before: 'another 1,000' takes the count item before
    it; 'shipments of up to 700,000 tons' takes the commodity of the last tonnage."""
    last_by_unit: dict[str, Claim] = {}
    for claim in claims:
        prev = last_by_unit.get(claim.unit)
        inherits = prev is not None and prev.item and _near(prev, claim)
        named_kind = claim.unit in ("count", "t", "bbl", "kg") or claim.item is not None
        if prev is not None and inherits and _bare(claim.item) and named_kind:
            claim.item = prev.item
        elif prev is not None and claim.item is None and _same_share(prev, claim):
            claim.item = prev.item  # "from 1 per cent of its imports to 40 per cent"
        if claim.item:
            last_by_unit[claim.unit] = claim


def _same_share(prev: Claim, claim: Claim) -> bool:
    """A bare percentage after a share in the same sentence is a share of the same whole."""
    same_sentence = prev.sent_start == claim.sent_start
    return claim.unit == "percent" and same_sentence and (prev.item or "").startswith("share of ")


def _near(prev: Claim, claim: Claim) -> bool:
    return claim.sent_start - prev.sent_end < 400


def _bare(item: str | None) -> bool:
    return item is None or item in lx.BARE_TRANSFER_NOUNS
