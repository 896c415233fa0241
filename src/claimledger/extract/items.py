"""What a figure counts or measures, read from the dependency parse around its number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.concepts import concept_of
from claimledger.extract.numbers import Quantity
from claimledger.model import Claim

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_DROP_ADJECTIVES = frozenset(
    {
        "different",
        "other",
        "additional",
        "more",
        "new",
        "several",
        "many",
        "such",
        "same",
        "various",
        "further",
        "extra",
        "total",
        "only",
        "some",
        "few",
        "estimated",
        "much",
        "much-needed",
        "vital",
        "least",
        "most",
        "own",
    }
)
# Heads that measure or package something else: "pieces of equipment", "rounds of ammunition".
_PARTITIVE_HEADS = frozenset(
    {
        "pieces",
        "piece",
        "rounds",
        "round",
        "units",
        "items",
        "batches",
        "kinds",
        "types",
        "sets",
        "lots",
        "boxes",
        "crates",
        "cases",
        "pairs",
        "loads",
        "shipments",
        "tons",
        "tonnes",
        "barrels",
        "cubic",
        "bags",
        "sacks",
        "containers",
        "head",
        "percent",
        "%",
        "cent",
        "share",
        "portion",
        "bn",
        "billion",
        "million",
        "thousand",
    }
)
_MONEY_NOUNS = frozenset(
    {
        "revenue",
        "revenues",
        "exports",
        "export",
        "imports",
        "import",
        "salary",
        "salaries",
        "wages",
        "wage",
        "pay",
        "payment",
        "payments",
        "aid",
        "budget",
        "trade",
        "value",
        "cost",
        "costs",
        "investment",
        "investments",
        "income",
        "loan",
        "loans",
        "sales",
        "spending",
        "funding",
        "funds",
        "deficit",
        "surplus",
        "gdp",
        "earnings",
        "profit",
        "profits",
        "turnover",
        "debt",
        "assistance",
        "compensation",
        "price",
        "fee",
        "fees",
        "bill",
        "contract",
        "deal",
        "fine",
        "grant",
        "subsidy",
        "subsidies",
        "tax",
        "taxes",
        "tariff",
    }
)
_PAY_NOUNS = frozenset({"salary", "salaries", "wages", "wage", "pay", "earnings", "stipend"})
_PRONOUNS = frozenset(
    {
        "this",
        "that",
        "it",
        "these",
        "those",
        "which",
        "what",
        "they",
        "he",
        "she",
        "who",
        "them",
        "us",
        "we",
        "you",
        "i",
        "one",
        "average",
        "total",
        "sum",
        "figure",
        "number",
        "amount",
        "level",
    }
)
# Unit words are never what a figure counts.
_UNIT_ITEMS = frozenset(
    {
        "per cent",
        "percent",
        "usd",
        "dollars",
        "euros",
        "barrels",
        "tons",
        "tonnes",
        "won",
        "yuan",
        "roubles",
        "rubles",
        "km",
        "miles",
        "%",
        "cent",
        "bn",
        "million",
        "billion",
    }
)


@dataclass
class ItemInfo:
    """The item phrase of a figure, its concept, and where the quote may extend to."""

    text: str | None
    concept: str | None = None
    head: Token | None = None  # the noun the figure counts, when there is one
    extend_to: int | None = None  # sentence offset the quote may extend to (item after number)
    per: str | None = None  # a rate found after the item ("10,000 troops a month")


def item_for(span: Span, q: Quantity) -> ItemInfo:
    """The item of the quantity whose number tokens are `span`."""
    anchor = _anchor(span)
    if q.unit == "count" and not q.currency:
        info = _count_item(anchor, q, span)
    elif q.unit == "percent":
        info = _percent_item(anchor, q)
    elif q.currency or len(q.unit) == 3 and q.unit.isupper():
        info = _money_item(anchor, q)
    else:
        info = _measure_item(anchor, q)
    if info.text:
        info.text = re.sub(r"\s+", " ", info.text.strip(" “”\"'’‘,.;:()")).lower() or None
    if info.text and (
        info.text in _PRONOUNS or info.text in _UNIT_ITEMS or info.text.startswith("of ")
    ):
        info.text, info.head = None, None
    info.concept = concept_of(info.text, q.unit) if info.text else None
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
        return ItemInfo(text=_phrase(noun), head=noun)
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
        if child.dep_ in _MODIFIER_DEPS and child.i > anchor.i and not child.like_num:
            tokens.extend(t for t in child.subtree if not t.like_num and t.dep_ != "punct")
    words = sorted(set(tokens), key=lambda t: t.i)
    words = [
        t
        for t in words
        if t.lower_ not in _DROP_ADJECTIVES
        and t.dep_ != "poss"
        and t.tag_ != "POS"
        and not t.is_punct
        and t.lower_ not in ("“", "”")
    ]
    text = " ".join(t.text for t in words)
    end_char = head.idx + len(head.text)
    if head.lower_ in _PARTITIVE_HEADS:
        of = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"]
        if of:
            pobj = [c for c in of[0].children if c.dep_ == "pobj"]
            if pobj:
                phrase = _phrase(pobj[0])
                text = f"{text} of {phrase}"
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


def _phrase(head: Token) -> str:
    """A compact noun phrase: the head with its left modifiers and a following 'of X'."""
    left = [t for t in head.lefts if t.dep_ in _MODIFIER_DEPS and t.dep_ != "poss"]
    words: list[Token] = []
    for t in left:
        words.extend(w for w in t.subtree if w.tag_ != "POS" and not w.is_punct)
    words.append(head)
    words = [w for w in sorted(set(words), key=lambda t: t.i) if w.lower_ not in _DROP_ADJECTIVES]
    text = " ".join(w.text for w in words)
    of = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("of", "from")]
    if of:
        pobj = [c for c in of[0].children if c.dep_ == "pobj"]
        # "a salary of $2,000": the figure itself is not part of what it measures.
        if pobj and not (pobj[0].like_num or pobj[0].pos_ in ("NUM", "SYM")):
            inner = [w for w in pobj[0].lefts if w.dep_ in ("compound", "amod")]
            text += f" {of[0].lower_} " + " ".join(w.text for w in [*inner, pobj[0]])
    return text


def _percent_item(anchor: Token, q: Quantity) -> ItemInfo:
    doc = anchor.doc
    start = anchor.i
    # "30-40 percent of its capabilities": the share of what follows.
    for tok in doc[start : min(len(doc), start + 4)]:
        if tok.lower_ == "of":
            pobj = [c for c in tok.children if c.dep_ == "pobj"]
            if pobj:
                return ItemInfo(text=f"share of {_phrase(pobj[0])}")
    for child in anchor.subtree:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return ItemInfo(text=f"share of {_phrase(pobj[0])}")
    before = doc.text[: anchor.idx].lower()
    if re.search(r"\brate\s+of\s+$|\b(?:rate|growth)\s+(?:\w+\s+)?of\s+$", before):
        subject = _governing_subject(anchor)
        if subject is not None:
            return ItemInfo(text=f"growth rate of {_phrase(subject)}")
        return ItemInfo(text="growth rate")
    subject = _governing_subject(anchor)
    verb = _governing_verb(anchor)
    if subject is not None and not _is_party(subject) and subject.lower_ not in _PRONOUNS:
        if verb is not None and verb.lemma_.lower() in _CHANGE_LEMMAS:
            return ItemInfo(text=f"change in {_phrase(subject)}", head=subject)
        return ItemInfo(text=_phrase(subject), head=subject)
    return ItemInfo(text=None)


def _money_item(anchor: Token, q: Quantity) -> ItemInfo:
    doc = anchor.doc
    head = anchor
    # "worth $2 billion": the value of the thing that is worth it.
    worth = _ancestor_with(anchor, {"worth"})
    if worth is not None:
        if worth.head.pos_ in ("NOUN", "PROPN") and worth.dep_ != "acomp":
            return ItemInfo(text=_phrase(worth.head))
        verb = worth.head
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lx.MONEY_VERB_ITEMS and objects:
            # "exported services to Russia worth $465 million": services exports.
            return ItemInfo(
                text=f"{_phrase(objects[0])} {lx.MONEY_VERB_ITEMS[verb.lemma_.lower()]}"
            )
        subject = _governing_subject(worth)
        if subject is not None and subject.lower_ not in _PRONOUNS:
            return ItemInfo(text=f"value of {_phrase(subject)}")
        return ItemInfo(text="value")
    # "cars ($894 million)", "coal briquettes $4.62 billion": the noun the money names.
    prev = doc[head.i - 1] if head.i > 0 else None
    sym = _first_token_of_money(anchor)
    before_sym = doc[sym.i - 1] if sym.i > 0 else None
    # "iron and steel products another $602 million", "crude oil for $2 billion".
    back = sym.i - 1
    while back > 0 and doc[back].lower_ in ("another", "for", "of", "a", "further"):
        back -= 1
    noun = doc[back]
    if back < sym.i - 1 and noun.pos_ in ("NOUN", "PROPN") and not _is_party(noun):
        return ItemInfo(text=_phrase(noun), head=noun)
    if before_sym is not None and before_sym.text == "(" and sym.i >= 2:
        noun = doc[sym.i - 2]
        if noun.pos_ in ("NOUN", "PROPN"):
            return ItemInfo(text=_phrase(noun))
    if (
        before_sym is not None
        and before_sym.pos_ in ("NOUN", "PROPN")
        and before_sym.dep_
        in (
            "compound",
            "nmod",
            "amod",
            "npadvmod",
            "appos",
            "nsubj",
            "dobj",
            "conj",
            "attr",
            "pobj",
        )
        and before_sym.lower_ not in _MONEY_NOUNS | {"%"}
        and before_sym.ent_type_ not in ("GPE", "NORP")
    ):
        return ItemInfo(text=_phrase(before_sym))
    del prev
    # "wages averaging $800 monthly": the noun the clause describes.
    tok = anchor
    while tok.head.i != tok.i:
        parent = tok.head
        if parent.pos_ in ("NOUN", "PROPN") and parent.lower_ in _MONEY_NOUNS:
            return ItemInfo(text=_phrase(parent))
        if parent.pos_ == "VERB" and tok.dep_ in (
            "dobj",
            "attr",
            "npadvmod",
            "pobj",
            "prep",
            "xcomp",
        ):
            break
        if parent.pos_ in ("VERB", "AUX"):
            break
        tok = parent
    verb = _governing_verb(anchor)
    if verb is not None:
        head = verb.head
        if (
            verb.dep_ in ("acl", "relcl")
            and head.pos_ in ("NOUN", "PROPN")
            and (head.lower_ in _MONEY_NOUNS)
        ):
            return ItemInfo(text=_phrase(head))
        lemma = verb.lemma_.lower()
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
            nouns = [p for p in prep.children if p.dep_ == "pobj" and p.lower_ in _MONEY_NOUNS]
            if nouns:
                return ItemInfo(text=_phrase(nouns[0]), head=nouns[0])  # "€2bn in aid"
        if lemma in ("earn", "receive", "get", "make", "pay") and (
            q.per in ("month", "week", "day")
        ):
            subject = _governing_subject(anchor)
            if subject is None or subject.lower_ not in lx.PEOPLE_NOUNS:
                return ItemInfo(text="payment")
            wages = next((t.lower_ for t in doc if t.lower_ in ("wage", "wages")), None)
            return ItemInfo(text=wages or "salary")
        subject = _governing_subject(anchor)
        part_of = lemma == "make" and any(c.dep_ == "prt" for c in verb.children)
        if (
            (lemma in lx.MEASURE_VERBS or part_of)
            and subject is not None
            and subject.lower_ not in _PRONOUNS
            and not _is_party(subject)
        ):
            return ItemInfo(text=_phrase(subject), head=subject)
        if lemma in lx.MONEY_VERB_ITEMS:
            return ItemInfo(text=lx.MONEY_VERB_ITEMS[lemma])
        if subject is not None and subject.lower_ in _MONEY_NOUNS:
            return ItemInfo(text=_phrase(subject))
    # Last resort: the money word nearest to the figure in its sentence.
    best = None
    for tok in doc:
        if (
            tok.lower_ in _MONEY_NOUNS
            and tok.pos_ in ("NOUN", "PROPN")
            and (best is None or abs(tok.i - anchor.i) < abs(best.i - anchor.i))
        ):
            best = tok
    if best is not None:
        return ItemInfo(text=_phrase(best))
    return ItemInfo(text=None)


def _first_token_of_money(anchor: Token) -> Token:
    doc = anchor.doc
    i = anchor.i
    while i > 0 and (
        doc[i - 1].like_num
        or doc[i - 1].text in ("$", "US$", "€", "£", "¥", "₩")
        or doc[i - 1].lower_ in ("million", "billion", "trillion", "us")
    ):
        i -= 1
    tok = doc[i]
    # Qualifier words belong to the figure, not to the item before it.
    while i > 0 and doc[i - 1].lower_ in (
        "approximately",
        "about",
        "around",
        "over",
        "nearly",
        "roughly",
        "some",
        "almost",
        "than",
        "more",
        "less",
        "up",
        "to",
        "least",
        "at",
        "as",
        "many",
        "much",
    ):
        i -= 1
        tok = doc[i]
    return tok


def _measure_item(anchor: Token, q: Quantity) -> ItemInfo:
    doc = anchor.doc
    if q.unit in ("mi", "km"):
        nxt = doc[anchor.i + 1 : anchor.i + 4]
        words = [t.text for t in nxt if t.lower_ in ("from", "to", "away", "between")]
        obj = [t for t in nxt if t.dep_ == "pobj"]
        tail = f" {words[0]} {obj[0].text}" if words and obj else ""
        return ItemInfo(text=f"distance{tail}")
    # "56 million tonnes of liquefied gas", "7.5m bbl of heavy crude": what is measured.
    unit_tok = _unit_token(anchor)
    for child in unit_tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                words = [
                    t for t in pobj[0].subtree
                    if not _is_party(t) and t.dep_ not in ("det", "punct", "poss", "case")
                    and not t.like_num and t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
                ]  # fmt: skip
                if words:
                    return ItemInfo(text=" ".join(t.text for t in words), head=pobj[0])
    # "deficit of one million tons", "shipments of 700,000 tons": the noun before "of".
    tok = anchor
    while tok.dep_ in ("nummod", "compound", "quantmod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        owner = tok.head.head
        return ItemInfo(
            text=" ".join(t.text for t in owner.lefts if t.dep_ in ("compound", "amod"))
            + f" {owner.text}",
            head=owner,
        )
    if q.unit in lx.DURATION_UNITS:
        prep = tok.head if tok.dep_ == "pobj" else None
        if prep is not None and prep.head.pos_ in ("NOUN", "PROPN"):
            return ItemInfo(text=f"period since {_phrase(prep.head)}")
    subject = _governing_subject(anchor)
    if subject is not None and subject.lower_ not in _PRONOUNS and not _is_party(subject):
        prefix = "period of " if q.unit in lx.DURATION_UNITS else ""
        return ItemInfo(text=prefix + _phrase(subject))
    if tok.pos_ in ("NOUN", "PROPN") and tok.i > anchor.i and q.unit not in lx.DURATION_UNITS:
        return ItemInfo(text=_phrase(tok))
    return ItemInfo(text=None)


def _unit_token(anchor: Token) -> Token:
    """The unit word a number modifies ('tonnes' in '56 million tonnes'), else the number."""
    tok = anchor
    while tok.dep_ in ("nummod", "compound", "quantmod") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _is_party(tok: Token) -> bool:
    """A country, organisation or person: who acts, never what is counted."""
    return tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or tok.lower_ in (
        "refiners", "insurers", "agents", "traders", "trader", "officials", "analysts",
        "donors", "government", "ministry", "company", "firms", "buyers", "sellers",
    )  # fmt: skip


_CHANGE_LEMMAS = frozenset({
    "grow", "rise", "fall", "increase", "decrease", "decline", "drop", "jump", "slip",
    "climb", "shrink", "expand", "contract", "surge", "plunge", "slide", "dip", "edge",
})  # fmt: skip


def _ancestor_with(tok: Token, lemmas: set[str]) -> Token | None:
    for anc in tok.ancestors:
        if anc.lower_ in lemmas or anc.lemma_.lower() in lemmas:
            return anc
        if anc.pos_ == "VERB" and anc.dep_ in ("ROOT", "ccomp", "conj"):
            return None
    return None


def _governing_verb(tok: Token) -> Token | None:
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def _governing_subject(tok: Token) -> Token | None:
    """The subject of the nearest clause above `tok`, climbing through xcomp and advcl."""
    verb = _governing_verb(tok)
    while verb is not None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects:
            subj = subjects[0]
            if subj.dep_ == "csubj":
                return None
            return subj
        if verb.dep_ in ("xcomp", "advcl", "conj", "acl", "pcomp", "relcl", "ccomp"):
            if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head
            verb = verb.head if verb.head.i != verb.i else None
            while verb is not None and verb.pos_ not in ("VERB", "AUX"):
                verb = verb.head if verb.head.i != verb.i else None
            continue
        return None
    return None


_BARE_TRANSFER = frozenset(
    {"shipments", "shipment", "deliveries", "delivery", "supplies", "transfers"}
)


_PART_OF_RE = re.compile(r"\s+of\s+(?:the|that|this|these|those|its|all)\b", re.IGNORECASE)


def fill_from_context(claims: list[Claim], text: str) -> None:
    """Fill what a sentence leaves to the one before: 'another 1,000' takes the count item
    before it; 'shipments of up to 700,000 tons' takes the commodity of the last tonnage;
    'this amounts to $200 million' takes the parties of the last money figure."""
    last_by_unit: dict[str, Claim] = {}
    last_framed: dict[str, Claim] = {}
    for claim in claims:
        framed = last_framed.get(claim.unit)
        part_of = _PART_OF_RE.match(text, claim.end) is not None
        if framed is not None and part_of and not claim.from_ and not claim.to:
            # "Cars made up $894 million of the 2022 shipments": part of the flow before.
            claim.from_, claim.to = framed.from_, framed.to
        prev = last_by_unit.get(claim.unit)
        near = prev is not None and claim.sent_start - prev.sent_end < 400
        if near and prev is not None:
            bare = claim.item is None or claim.item.split()[-1] in _BARE_TRANSFER
            if bare and prev.item:
                if claim.unit in ("count", "t", "bbl", "kg") or claim.item is not None:
                    claim.item = prev.item
                    claim.concept = prev.concept
                claim.from_ = claim.from_ or prev.from_
                claim.to = claim.to or prev.to
        if claim.item:
            last_by_unit[claim.unit] = claim
        if claim.from_ and claim.to:
            last_framed[claim.unit] = claim
