"""Items of money, percentages and physical measures: what the amount is an amount of."""

from __future__ import annotations

import re
from collections.abc import Callable

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
    """What a percentage is of: the first of the named rules that reads it."""
    for _name, rule in PERCENT_RULES:
        info = rule(anchor, q)
        if info is not None:
            return info
    return ItemInfo(text=None)


def _share_of(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'30-40 percent of its capabilities': the share of what follows."""
    doc = anchor.doc
    for tok in doc[anchor.i : min(len(doc), anchor.i + 4)]:
        if tok.lower_ == "of":
            pobj = [c for c in tok.children if c.dep_ == "pobj"]
            if pobj:
                return ItemInfo(text=f"share of {phrase(pobj[0])}")
    for child in anchor.subtree:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return ItemInfo(text=f"share of {phrase(pobj[0])}")
    return None


def _growth_rate(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'a growth rate of 5 percent': the growth of the clause's subject."""
    before = anchor.doc.text[: anchor.idx].lower()
    if not re.search(r"\brate\s+of\s+$|\b(?:rate|growth)\s+(?:\w+\s+)?of\s+$", before):
        return None
    subject = governing_subject(anchor)
    if subject is not None:
        return ItemInfo(text=f"growth rate of {phrase(subject)}")
    return ItemInfo(text="growth rate")


def _percent_of_noun(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'suffered 30 percent casualties': the noun the percent word modifies."""
    unit = anchor if anchor.lower_ in lx.UNIT_ITEMS else _unit_token(anchor)
    noun = unit.head
    if unit.dep_ == "compound" and noun.pos_ == "NOUN" and not is_party(noun):
        return ItemInfo(text=phrase(noun), head=noun)
    marked = any(c.dep_ == "compound" and c.lower_ in lx.UNIT_ITEMS for c in unit.children)
    if marked and unit.pos_ == "NOUN" and unit.lower_ not in lx.UNIT_ITEMS and not is_party(unit):
        text = re.sub(r"^(?:per\s*cent|percent|%)\s+", "", phrase(unit), flags=re.IGNORECASE)
        return ItemInfo(text=text, head=unit)  # "30 percent casualties"
    return None


def _percent_adjective(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'70 per cent dependent on imports': the adjective and what it is about."""
    unit = _unit_token(anchor)
    adj = unit.head
    if unit.dep_ != "npadvmod" or adj.pos_ != "ADJ":
        return None
    prep = next((c for c in adj.children if c.dep_ == "prep"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if pobj is None or is_party(pobj):
        return None
    return ItemInfo(text=f"{adj.lower_} {prep.lower_} {phrase(pobj)}", head=pobj)


def _changed_by(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'raised its imports by 18 percent': the change in the changed verb's object."""
    unit = _unit_token(anchor)
    prep = unit.head if unit.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "by" or prep.head.pos_ != "VERB":
        return None
    verb = prep.head
    if verb.lemma_.lower() not in lx.CHANGE_LEMMAS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or is_party(obj) or obj.lower_ in lx.ITEM_PRONOUNS:
        return None
    return ItemInfo(text=f"change in {phrase(obj)}", head=obj)


def _noun_at(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'followed by rice at 12 per cent': the noun right before 'at' has the share."""
    doc = anchor.doc
    unit = _unit_token(anchor)
    prep = unit.head if unit.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "at" or prep.i == 0:
        return None
    noun = doc[prep.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or is_party(noun) or noun.lower_ in lx.ITEM_PRONOUNS:
        return None
    return ItemInfo(text=phrase(noun), head=noun)


def _percent_subject(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'exports fell 14 percent': the subject, as a change when the verb is one."""
    subject = governing_subject(anchor)
    verb = governing_verb(anchor)
    if subject is None or is_party(subject) or subject.lower_ in lx.ITEM_PRONOUNS:
        return None
    if verb is not None and verb.lemma_.lower() in lx.CHANGE_LEMMAS:
        return ItemInfo(text=f"change in {phrase(subject)}", head=subject)
    return ItemInfo(text=phrase(subject), head=subject)


PercentRule = Callable[[Token, Quantity], "ItemInfo | None"]
# The rules in the order they are tried; the first that reads an item wins.
PERCENT_RULES: tuple[tuple[str, PercentRule], ...] = (
    ("share of", _share_of),
    ("growth rate", _growth_rate),
    ("percent of a noun", _percent_of_noun),
    ("percent adjective", _percent_adjective),
    ("changed by", _changed_by),
    ("noun at", _noun_at),
    ("subject", _percent_subject),
)


def money_item(anchor: Token, q: Quantity) -> ItemInfo:
    """What a money figure is an amount of: the first of the named rules that reads it."""
    anchor = _unwrapped(anchor)
    for _name, rule in MONEY_RULES:
        info = rule(anchor, q)
        if info is not None:
            return info
    return ItemInfo(text=None)


def _unwrapped(anchor: Token) -> Token:
    """'lent Poland the equivalent of 6 trillion won': read the sentence from the wrapper."""
    unit = _unit_token(anchor)
    wrapper = unit.head.head if unit.dep_ == "pobj" and unit.head.lower_ == "of" else None
    if wrapper is not None and wrapper.lower_ in lx.MONEY_WRAPPERS:
        return wrapper
    return anchor


def _worth(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'worth $2 billion': the value of the thing that is worth it."""
    worth = ancestor_with(anchor, {"worth"})
    if worth is None:
        return None
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


def _listed_before(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'iron and steel products another $602 million', 'crude oil for $2 billion'."""
    doc = anchor.doc
    sym = _first_token_of_money(anchor)
    back = sym.i - 1
    while back > 0 and doc[back].lower_ in lx.MONEY_LIST_LINKS:
        back -= 1
    noun = doc[back]
    if back < sym.i - 1 and noun.pos_ in ("NOUN", "PROPN") and not is_party(noun):
        return ItemInfo(text=phrase(noun), head=noun)
    return None


def _bracketed_after_noun(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'cars ($894 million)': the noun the bracketed money names."""
    doc = anchor.doc
    sym = _first_token_of_money(anchor)
    noun = doc[sym.i - 2] if sym.i >= 2 and doc[sym.i - 1].text == "(" else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    party = is_party(noun) or noun.ent_type_ in ("GPE", "NORP")
    return None if party else ItemInfo(text=phrase(noun))  # a party gives, it is not paid for


def _noun_right_before(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'coal briquettes $4.62 billion': the noun right before the money names it, unless it
    receives it ('brought the network $250 million') or is a party or a money word."""
    doc = anchor.doc
    sym = _first_token_of_money(anchor)
    before = doc[sym.i - 1] if sym.i > 0 else None
    if (
        before is not None
        and before.pos_ in ("NOUN", "PROPN")
        and before.dep_ in lx.MONEY_NAMING_DEPS
        and not (before.dep_ == "dobj" and before.head.lemma_.lower() in lx.MONEY_GIVING_VERBS)
        and before.lower_ not in lx.MONEY_NOUNS | {"%"}
        and before.ent_type_ not in ("GPE", "NORP")
        and not is_party(before)
    ):
        return ItemInfo(text=phrase(before))
    return None


def _paid_for(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'EUR 170 billion for oil', 'EUR 112.5 billion ($121.59 billion) for purchase of crude
    oil': what the money right before 'for'/'on' paid for; not a party, people ('for every
    soldier') or a time ('for the first time'). A money verb names it better ('paid $1
    billion for the shells' is a payment)."""
    doc = anchor.doc
    verb = governing_verb(anchor)
    if verb is not None and verb.lemma_.lower() in lx.MONEY_VERB_ITEMS:
        return None
    i = _unit_token(anchor).i + 1
    if i < len(doc) and doc[i].text == "(":  # a restatement in another currency
        close = next((t.i for t in doc[i : i + 8] if t.text == ")"), None)
        i = close + 1 if close is not None else i
    prep = doc[i] if i < len(doc) else None
    if prep is None or prep.lower_ not in ("for", "on"):
        return None
    target = next((p for p in prep.children if p.dep_ == "pobj"), None)
    if target is None or target.pos_ != "NOUN" or is_party(target):
        return None
    if target.lower_ in lx.PEOPLE_NOUNS or target.ent_type_ in ("DATE", "TIME"):
        return None
    if any(c.lower_ in ("every", "each", "per") for c in target.children):
        return None
    return ItemInfo(text=phrase(target), head=target)


def _restated_share(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'coal at 13 per cent (EUR 452 million)': money in brackets after a share is the
    amount of what the share is of."""
    doc = anchor.doc
    sym = _first_token_of_money(anchor)
    if sym.i < 3 or doc[sym.i - 1].text != "(":
        return None
    before = doc[sym.i - 2]
    if not (before.like_num or before.lower_ in ("cent", "percent", "%")):
        return None
    for tok in reversed(doc[max(0, sym.i - 8) : sym.i - 2]):
        if tok.lower_ == "at" and tok.i > 0 and doc[tok.i - 1].pos_ in ("NOUN", "PROPN"):
            noun = doc[tok.i - 1]
            return None if is_party(noun) else ItemInfo(text=phrase(noun), head=noun)
    return None


def _money_noun_above(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'wages averaging $800 monthly': the money noun the figure's phrase hangs from."""
    tok = anchor
    while tok.head.i != tok.i:
        parent = tok.head
        if parent.pos_ in ("NOUN", "PROPN") and parent.lower_ in lx.MONEY_NOUNS:
            return ItemInfo(text=phrase(parent))
        if parent.pos_ in ("VERB", "AUX"):
            return None
        tok = parent
    return None


def _described_by_clause(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'the aid package, which totals $2 billion': the money noun the clause describes."""
    verb = governing_verb(anchor)
    if verb is None:
        return None
    head = verb.head
    noun = head.pos_ in ("NOUN", "PROPN") and head.lower_ in lx.MONEY_NOUNS
    if verb.dep_ in ("acl", "relcl") and noun:
        return ItemInfo(text=phrase(head))
    return None


def _in_money_noun(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'€2bn in aid': a money noun after 'in' on the figure's verb or on the money itself."""
    verb = governing_verb(anchor)
    if verb is None:
        return None
    unit = _unit_token(anchor)
    for head in (verb, unit):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"):
            nouns = [p for p in prep.children if p.dep_ == "pobj" and _names_money(p, head is unit)]
            if nouns:
                return ItemInfo(text=phrase(nouns[0]), head=nouns[0])
    return None


def _names_money(noun: Token, on_money: bool) -> bool:
    """A money noun; on the money itself ('€2bn in support'), any noun but a party or time."""
    if noun.lower_ in lx.MONEY_NOUNS:
        return True
    timed = noun.ent_type_ in ("DATE", "TIME", "GPE", "NORP") or noun.like_num
    if noun.lower_ in lx.MONEY_FORM_NOUNS or timed or is_party(noun):
        return False
    return on_money and noun.pos_ == "NOUN"


def _included_in(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'allocated €50 billion in aid, including €30 billion from France': a part has the
    item of the figure it is part of."""
    unit = _unit_token(anchor)
    prep = unit.head if unit.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in lx.INCLUDED_WORDS:
        return None
    whole = prep.head
    if whole.pos_ == "VERB":
        whole = next((c for c in whole.children if c.dep_ == "dobj"), None)
        if whole is None or whole.i == unit.i:
            return None
        if whole.like_num or whole.pos_ in ("NUM", "SYM"):
            info = money_item(whole, q)
            return info if info.text else None
    if whole.pos_ == "NOUN" and not is_party(whole):
        return ItemInfo(text=phrase(whole), head=whole)
    return None


def _bracketed_appos(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'its largest naval package ever (€0.3 billion)': the noun the bracket restates; after
    a party ('Spain (€0.3 billion) provided naval aid') what the party's verb hands over."""
    unit = _unit_token(anchor)
    if unit.dep_ != "appos":
        return None
    noun = unit.head
    if noun.pos_ == "NOUN" and not is_party(noun):
        return ItemInfo(text=phrase(noun), head=noun)
    subject = noun
    while subject.dep_ == "conj" and subject.head.i != subject.i:
        subject = subject.head
    if subject.dep_ != "nsubj" or subject.head.pos_ != "VERB":
        return None
    obj = next((c for c in subject.head.children if c.dep_ == "dobj"), None)
    if obj is None or is_party(obj) or obj.lower_ in lx.ITEM_PRONOUNS:
        return None
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if inner is not None and obj.lower_ in lx.QUANTITY_HEADS:
        return ItemInfo(text=phrase(inner), head=inner)  # "large amounts of naval aid"
    return ItemInfo(text=phrase(obj), head=obj)


def _pay_rate(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'earns $800 a month': a salary (or wages) when people are paid, else a payment."""
    verb = governing_verb(anchor)
    if verb is None or verb.lemma_.lower() not in lx.PAY_RATE_VERBS:
        return None
    if q.per not in ("month", "week", "day"):
        return None
    doc = anchor.doc
    subject = governing_subject(anchor)
    per_person = any(  # "for every North Korean soldier", "per worker"
        t.lower_ in lx.PEOPLE_NOUNS
        and any(c.lower_ in ("each", "every", "per") for c in (*t.children, t.doc[t.i - 1]))
        for t in doc
    ) or any(  # "Russia pays North Korean soldiers $2,000 a month"
        c.dep_ in ("dative", "iobj", "dobj") and c.lower_ in lx.PEOPLE_NOUNS for c in verb.children
    )
    if not per_person and (subject is None or subject.lower_ not in lx.PEOPLE_NOUNS):
        return ItemInfo(text="payment")
    wages = next((t.lower_ for t in doc if t.lower_ in ("wage", "wages")), None)
    return ItemInfo(text=wages or "salary")


def _measured_subject(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'trade amounted to $2 billion', 'cars made up $894 million': the subject measured."""
    verb = governing_verb(anchor)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    subject = governing_subject(anchor)
    part_of = lemma == "make" and any(c.dep_ == "prt" for c in verb.children)
    if (
        (lemma in lx.MEASURE_VERBS or part_of)
        and subject is not None
        and subject.lower_ not in lx.ITEM_PRONOUNS
        and not is_party(subject)
    ):
        return ItemInfo(text=phrase(subject), head=subject)
    return None


def _funding_received(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'Healthcare receives $3 billion': funding of what receives it (not a party)."""
    verb = governing_verb(anchor)
    subject = governing_subject(anchor)
    if verb is None or subject is None or verb.lemma_.lower() not in lx.FUNDING_VERBS:
        return None
    if is_party(subject) or subject.lower_ in lx.PEOPLE_NOUNS | lx.ITEM_PRONOUNS:
        return None
    return ItemInfo(text=f"{phrase(subject)} funding", head=subject)


def _money_verb(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'spent $2 billion on drones' -> spending on drones; 'exported $5 billion' -> exports."""
    verb = governing_verb(anchor)
    if verb is None or verb.lemma_.lower() not in lx.MONEY_VERB_ITEMS:
        return None
    noun = lx.MONEY_VERB_ITEMS[verb.lemma_.lower()]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in lx.MONEY_PURPOSE):
        target = next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None)
        if target is not None and target.pos_ == "VERB":  # "spent $2bn on buying crude oil"
            target = next((c for c in target.children if c.dep_ == "dobj"), None)
        if target is not None and not is_party(target) and target.pos_ == "NOUN":
            # "allocates 13.5 trillion roubles to national defence"
            return ItemInfo(text=f"{noun} {prep.lower_} {phrase(target)}")
    return ItemInfo(text=noun)


def _money_noun_subject(anchor: Token, q: Quantity) -> ItemInfo | None:
    """'The budget is $2 billion': a money noun as the clause's subject."""
    if governing_verb(anchor) is None:
        return None
    subject = governing_subject(anchor)
    if subject is not None and subject.lower_ in lx.MONEY_NOUNS:
        return ItemInfo(text=phrase(subject))
    return None


def _nearest_money_word(anchor: Token, q: Quantity) -> ItemInfo | None:
    """Last resort: the money word nearest to the figure in its sentence."""
    words = [t for t in anchor.doc if t.lower_ in lx.MONEY_NOUNS and t.pos_ in ("NOUN", "PROPN")]
    if not words:
        return None
    best = min(words, key=lambda t: abs(t.i - anchor.i))
    return ItemInfo(text=phrase(best))


MoneyRule = Callable[[Token, Quantity], "ItemInfo | None"]
# The rules in the order they are tried; the first that reads an item wins.
MONEY_RULES: tuple[tuple[str, MoneyRule], ...] = (
    ("worth", _worth),
    ("listed before", _listed_before),
    ("restated share", _restated_share),
    ("included in another", _included_in),
    ("bracketed after a noun", _bracketed_after_noun),
    ("bracketed restatement", _bracketed_appos),
    ("noun right before", _noun_right_before),
    ("paid for", _paid_for),
    ("money noun above", _money_noun_above),
    ("described by a clause", _described_by_clause),
    ("in a money noun", _in_money_noun),
    ("pay rate", _pay_rate),
    ("measured subject", _measured_subject),
    ("funding received", _funding_received),
    ("money verb", _money_verb),
    ("money noun subject", _money_noun_subject),
    ("nearest money word", _nearest_money_word),
)


def _first_token_of_money(anchor: Token) -> Token:
    doc = anchor.doc
    i = anchor.i
    while i > 0 and (
        doc[i - 1].like_num
        or doc[i - 1].text in lx.MONEY_SIGNS
        or doc[i - 1].text in lx.CURRENCY_PREFIXES  # "EUR 835 billion", "Rs 1.5 lakh crore"
        or doc[i - 1].lower_ in ("million", "billion", "trillion", "us")
    ):
        i -= 1
    # Qualifier words belong to the figure, not to the item before it.
    while i > 0 and doc[i - 1].lower_ in lx.MONEY_QUALIFIER_WORDS:
        i -= 1
    return doc[i]


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
