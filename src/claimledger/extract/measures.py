"""Items of money, percentages and physical measures: what the amount is an amount of."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.numbers import Quantity
from claimledger.extract.phrases import (
    ItemInfo,
    ancestor_with,
    governing_subject,
    governing_verb,
    is_party,
    phrase,
)


def percent_item(anchor: Token, q: Quantity) -> ItemInfo:
    doc = anchor.doc
    start = anchor.i
    # "30-40 percent of its capabilities": the share of what follows.
    for tok in doc[start : min(len(doc), start + 4)]:
        if tok.lower_ == "of":
            pobj = [c for c in tok.children if c.dep_ == "pobj"]
            if pobj:
                return ItemInfo(text=f"share of {phrase(pobj[0])}")
    for child in anchor.subtree:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return ItemInfo(text=f"share of {phrase(pobj[0])}")
    before = doc.text[: anchor.idx].lower()
    if re.search(r"\brate\s+of\s+$|\b(?:rate|growth)\s+(?:\w+\s+)?of\s+$", before):
        subject = governing_subject(anchor)
        if subject is not None:
            return ItemInfo(text=f"growth rate of {phrase(subject)}")
        return ItemInfo(text="growth rate")
    subject = governing_subject(anchor)
    verb = governing_verb(anchor)
    if subject is not None and not is_party(subject) and subject.lower_ not in lx.ITEM_PRONOUNS:
        if verb is not None and verb.lemma_.lower() in lx.CHANGE_LEMMAS:
            return ItemInfo(text=f"change in {phrase(subject)}", head=subject)
        return ItemInfo(text=phrase(subject), head=subject)
    return ItemInfo(text=None)


# Prepositions naming what money goes to: "spent $2 billion on drones".
_PURPOSE = ("to", "on", "for", "in")
# Dependencies of a noun right before a money figure that name it: "cars ($894 million)".
_NAMING_DEPS = frozenset(
    {"compound", "nmod", "amod", "npadvmod", "appos", "nsubj", "dobj", "conj", "attr", "pobj"}
)
# "brought the network $250 million": the object of a giving verb receives the money.
_GIVING = frozenset({*lx.GIVE_VERBS, "bring", "earn", "cost", "save", "owe", "lend"})


def money_item(anchor: Token, q: Quantity) -> ItemInfo:
    doc = anchor.doc
    # "lent Poland the equivalent of 6 trillion won": read the sentence from the wrapper.
    unit = _unit_token(anchor)
    wrapper = unit.head.head if unit.dep_ == "pobj" and unit.head.lower_ == "of" else None
    if wrapper is not None and wrapper.lower_ in ("equivalent", "total", "sum", "tune"):
        anchor = wrapper
    head = anchor
    # "worth $2 billion": the value of the thing that is worth it.
    worth = ancestor_with(anchor, {"worth"})
    if worth is not None:
        if worth.head.pos_ in ("NOUN", "PROPN") and worth.dep_ != "acomp":
            return ItemInfo(text=phrase(worth.head))
        verb = worth.head
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lx.MONEY_VERB_ITEMS and objects:
            # "exported services to Russia worth $465 million": services exports.
            return ItemInfo(text=f"{phrase(objects[0])} {lx.MONEY_VERB_ITEMS[verb.lemma_.lower()]}")
        subject = governing_subject(worth)
        if subject is not None and subject.lower_ not in lx.ITEM_PRONOUNS:
            return ItemInfo(text=f"value of {phrase(subject)}")
        return ItemInfo(text="value")
    # "cars ($894 million)", "coal briquettes $4.62 billion": the noun the money names.
    sym = _first_token_of_money(anchor)
    before_sym = doc[sym.i - 1] if sym.i > 0 else None
    # "iron and steel products another $602 million", "crude oil for $2 billion".
    back = sym.i - 1
    while back > 0 and doc[back].lower_ in ("another", "for", "of", "a", "further"):
        back -= 1
    noun = doc[back]
    if back < sym.i - 1 and noun.pos_ in ("NOUN", "PROPN") and not is_party(noun):
        return ItemInfo(text=phrase(noun), head=noun)
    if before_sym is not None and before_sym.text == "(" and sym.i >= 2:
        noun = doc[sym.i - 2]
        if noun.pos_ in ("NOUN", "PROPN"):
            return ItemInfo(text=phrase(noun))
    if (
        before_sym is not None
        and before_sym.pos_ in ("NOUN", "PROPN")
        and before_sym.dep_ in _NAMING_DEPS
        and not (before_sym.dep_ == "dobj" and before_sym.head.lemma_.lower() in _GIVING)
        and before_sym.lower_ not in lx.MONEY_NOUNS | {"%"}
        and before_sym.ent_type_ not in ("GPE", "NORP")
        and not is_party(before_sym)
    ):
        return ItemInfo(text=phrase(before_sym))
    # "wages averaging $800 monthly": the noun the clause describes.
    tok = anchor
    while tok.head.i != tok.i:
        parent = tok.head
        if parent.pos_ in ("NOUN", "PROPN") and parent.lower_ in lx.MONEY_NOUNS:
            return ItemInfo(text=phrase(parent))
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
    verb = governing_verb(anchor)
    if verb is not None:
        head = verb.head
        if (
            verb.dep_ in ("acl", "relcl")
            and head.pos_ in ("NOUN", "PROPN")
            and (head.lower_ in lx.MONEY_NOUNS)
        ):
            return ItemInfo(text=phrase(head))
        lemma = verb.lemma_.lower()
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
            nouns = [p for p in prep.children if p.dep_ == "pobj" and p.lower_ in lx.MONEY_NOUNS]
            if nouns:
                return ItemInfo(text=phrase(nouns[0]), head=nouns[0])  # "€2bn in aid"
        if lemma in ("earn", "receive", "get", "make", "pay") and (
            q.per in ("month", "week", "day")
        ):
            subject = governing_subject(anchor)
            per_person = any(  # "for every North Korean soldier", "per worker"
                t.lower_ in lx.PEOPLE_NOUNS
                and any(c.lower_ in ("each", "every", "per") for c in (*t.children, t.doc[t.i - 1]))
                for t in doc
            ) or any(  # "Russia pays North Korean soldiers $2,000 a month"
                c.dep_ in ("dative", "iobj", "dobj") and c.lower_ in lx.PEOPLE_NOUNS
                for c in verb.children
            )
            if not per_person and (subject is None or subject.lower_ not in lx.PEOPLE_NOUNS):
                return ItemInfo(text="payment")
            wages = next((t.lower_ for t in doc if t.lower_ in ("wage", "wages")), None)
            return ItemInfo(text=wages or "salary")
        subject = governing_subject(anchor)
        part_of = lemma == "make" and any(c.dep_ == "prt" for c in verb.children)
        if (
            (lemma in lx.MEASURE_VERBS or part_of)
            and subject is not None
            and subject.lower_ not in lx.ITEM_PRONOUNS
            and not is_party(subject)
        ):
            return ItemInfo(text=phrase(subject), head=subject)
        if (
            lemma in ("receive", "get", "win", "secure")
            and subject is not None
            and not (is_party(subject) or subject.lower_ in lx.PEOPLE_NOUNS | lx.ITEM_PRONOUNS)
        ):
            return ItemInfo(
                text=f"{phrase(subject)} funding", head=subject
            )  # "Healthcare receives"
        if lemma in lx.MONEY_VERB_ITEMS:
            noun = lx.MONEY_VERB_ITEMS[lemma]
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _PURPOSE):
                target = next((p for p in prep.children if p.dep_ == "pobj"), None)
                if target is not None and not is_party(target) and target.pos_ == "NOUN":
                    # "allocates 13.5 trillion roubles to national defence"
                    return ItemInfo(text=f"{noun} {prep.lower_} {phrase(target)}")
            return ItemInfo(text=noun)
        if subject is not None and subject.lower_ in lx.MONEY_NOUNS:
            return ItemInfo(text=phrase(subject))
    # Last resort: the money word nearest to the figure in its sentence.
    best = None
    for tok in doc:
        if (
            tok.lower_ in lx.MONEY_NOUNS
            and tok.pos_ in ("NOUN", "PROPN")
            and (best is None or abs(tok.i - anchor.i) < abs(best.i - anchor.i))
        ):
            best = tok
    if best is not None:
        return ItemInfo(text=phrase(best))
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


def measure_item(anchor: Token, q: Quantity) -> ItemInfo:
    doc = anchor.doc
    if q.unit in ("mi", "km"):
        nxt = doc[anchor.i + 1 : anchor.i + 4]
        words = [t.text for t in nxt if t.lower_ in ("from", "to", "away", "between")]
        obj = [t for t in nxt if t.dep_ == "pobj"]
        tail = f" {words[0]} {obj[0].text}" if words and obj else ""
        return ItemInfo(text=f"distance{tail}")
    # "56 million tonnes of liquefied gas", "7.5m bbl of heavy crude": what is measured.
    unit_tok = _unit_token(anchor)
    doc = anchor.doc
    # The "of" may hang off the unit or follow a rate: "1.9 million barrels a day of crude".
    for tok in doc[unit_tok.i + 1 : min(len(doc), unit_tok.i + 5)]:
        if tok.lower_ != "of":
            if tok.pos_ in ("VERB", "AUX", "PUNCT") or tok.lower_ in ("to", "from", "in"):
                break
            continue
        words = _noun_run(doc, tok.i + 1)
        if words:
            return ItemInfo(text=" ".join(t.text for t in words), head=words[-1])
        break
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
            return ItemInfo(text=f"period since {phrase(prep.head)}")
    subject = governing_subject(anchor)
    if subject is not None and subject.lower_ not in lx.ITEM_PRONOUNS and not is_party(subject):
        prefix = "period of " if q.unit in lx.DURATION_UNITS else ""
        return ItemInfo(text=prefix + phrase(subject))
    if tok.pos_ in ("NOUN", "PROPN") and tok.i > anchor.i and q.unit not in lx.DURATION_UNITS:
        return ItemInfo(text=phrase(tok))
    return ItemInfo(text=None)


def _noun_run(doc: Doc, start: int) -> list[Token]:
    """The noun phrase opening at `start`, without its determiner and the parties in it:
    'US liquefied natural gas' -> liquefied natural gas."""
    out: list[Token] = []
    for tok in doc[start : start + 8]:
        if tok.pos_ == "DET" and out:
            break  # "gas a year": the phrase has ended
        if tok.pos_ == "DET" or tok.tag_ == "POS" or tok.text in ("“", '"'):
            continue
        if (tok.pos_ not in ("NOUN", "PROPN", "ADJ") and tok.tag_ != "VBN") or (
            tok.ent_type_ in ("DATE", "TIME")
        ):
            break
        if not is_party(tok) and tok.ent_type_ not in ("GPE", "NORP") and not tok.like_num:
            out.append(tok)
    return out


def _unit_token(anchor: Token) -> Token:
    """The unit word a number modifies ('tonnes' in '56 million tonnes'), else the number."""
    tok = anchor
    while tok.dep_ in ("nummod", "compound", "quantmod") and tok.head.i != tok.i:
        tok = tok.head
    return tok


_PRICE_RE = re.compile(
    r"^\s*(?:per|a|an|each)\s+(?:" + "|".join(lx.PRICE_UNITS) + r")\b", re.IGNORECASE
)


def is_price(text: str, end: int) -> bool:
    """True when the money ending at `end` is a price per unit: '$12 per barrel'."""
    return _PRICE_RE.match(text[end:]) is not None
