"""From and to of a figure: the transfer frame its sentence puts it in (GUIDELINES.md § Flows)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.frames import (
    PRONOUNS,
    countries_in,
    frame,
    join_conj,
    nominal,
    np_countries,
    np_tokens,
    party_country,
    party_in_clause,
)
from claimledger.extract.measures import is_price
from claimledger.extract.numbers import Quantity
from claimledger.model import Document
from claimledger.parties import PartyRegistry

if TYPE_CHECKING:
    from claimledger.extract.context import DocumentContext
    from claimledger.extract.phrases import ItemInfo


def _item_demonym(item: ItemInfo, registry: PartyRegistry) -> list[str]:
    head = item.head
    if head is None:
        return []
    mods = [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod")]
    # "Moscow-recruited mercenaries": the hyphenated participle names an agent, not an origin.
    mods = [m for m in mods if not (m.tag_ == "VBN" and any(t.text == "-" for t in m.subtree))]
    tokens = [t for m in mods for t in m.subtree]
    found = countries_in(tokens, registry) if tokens else []
    if not found and head.ent_type_ == "NORP":
        found = countries_in([head], registry)
    if not found:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "from":
                found = countries_in(list(child.subtree), registry)
    return found


def _location(head: Token, registry: PartyRegistry) -> list[str]:
    """'workers in Russia', 'laborers ... in Qatar': where people are, via an 'in' phrase."""
    scopes = [head]
    verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    scopes.append(verb if verb is not None else head.sent.root)
    for scope in scopes:
        for child in scope.subtree:
            if child.dep_ == "prep" and child.lower_ == "in" and child.i > head.i:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found = countries_in(np_tokens(pobj), registry)
                    if found:
                        return found[:1]
    return []


def main_pair(doc: Document, registry: PartyRegistry) -> tuple[str, str] | None:
    """The two countries a document is mostly about (mentions in its body)."""
    counts: Counter[str] = Counter()
    for _s, _e, party in registry.find(doc.body):
        country = party_country(party)
        if country:
            counts[country] += 1
    top = counts.most_common(2)
    # Only a document that keeps coming back to two parties has a dyad to lean on.
    strong = len(top) == 2 and top[1][1] >= 3
    return (top[0][0], top[1][0]) if strong else None


def parties_for(
    span: Span, q: Quantity, item: ItemInfo, index: int, context: DocumentContext
) -> tuple[str | None, str | None]:
    """(from, to) of a figure when its sentence frames it as a transfer, else (None, None)."""
    registry = context.registry
    anchor = span.root
    givers: list[str] = []
    receivers: list[str] = []
    framed = trade = False
    if q.unit in lx.DURATION_UNITS or (item.text or "").startswith("share of"):
        return None, None  # how long, or what share: not something handed over
    if is_price(span.doc.text, q.end):
        return None, None  # "$12 per barrel": a price, not a payment between parties
    start = item.head if item.head is not None else anchor
    is_pay = q.currency and (item.text or "").split(" ")[-1] in lx.PAY_WORDS | {"salary"}
    own_to = _own_prep(start, ("to",), registry) or _own_prep(anchor, ("to",), registry)
    for anc in [start, *start.ancestors]:
        lemma = anc.lemma_.lower()
        if anc.pos_ == "VERB" and lemma in lx.SPEND_VERBS:
            givers, receivers = spend_frame(anc, registry, context)
            framed = bool(receivers)
            trade = True  # an import bill has many suppliers: the main pair names none
            break
        if anc.pos_ in ("VERB", "AUX") and (
            lemma in lx.GIVE_VERBS or lemma in lx.RECEIVE_VERBS or lemma in lx.GIVE_WITH_VERBS
        ):
            if lemma in ("earn", "receive", "get") and q.currency:  # money earned is pay
                is_pay = True
                break
            if lemma == "pay" and any(c.dep_ == "nsubjpass" for c in anc.children):
                is_pay = True  # "soldiers are paid $800": the subject is who is paid
                break
            is_pay = False  # "Russia is paying $2,000 for every soldier": the frame says it
            if lemma in lx.RECEIVE_VERBS and _is_subject_of(start, anc):
                break  # "4,000 workers receive wages": the workers are not what is given
            verb_givers, verb_receivers = frame(anc, registry, context)
            trade = lemma in lx.TRADE_VERBS
            if _in_exchange_for(start, anc):
                verb_givers, verb_receivers = verb_receivers[:1], verb_givers  # comes back
            # A nominal frame met on the way up ("in aid to Ukraine") keeps what it said.
            givers = givers or verb_givers
            receivers = receivers or verb_receivers
            # "The budget allocates $X to defence": setting money aside hands it to no one.
            framed = bool(receivers) or lemma not in lx.ALLOCATE_VERBS
            break
        if anc.pos_ == "VERB" and lemma in lx.MOVE_VERBS:
            givers = _own_origin(start, registry)
            receivers = party_in_clause(anc, registry, context) or _arrived_at(anc, registry)
            framed = bool(givers or receivers)
            break
        if anc.pos_ == "NOUN" and anc.lower_ in lx.TRANSFER_NOUNS and anc.i != anchor.i:
            givers, receivers = nominal(anc, registry)
            framed = True
            if givers and receivers:
                break
        if anc.pos_ in ("VERB", "AUX") and lemma in lx.MEASURE_VERBS:
            subject = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ in lx.TRANSFER_NOUNS:
                givers, receivers = nominal(subject, registry)
                framed = bool(givers or receivers)
                break
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ == "ROOT":
            break
    if is_pay:
        return _pay(anchor, item, registry, context)
    if item.head is not None and item.head.lower_ in ("revenue", "revenues", "income", "earnings"):
        for_x = _own_prep(item.head, ("for",), registry)
        if for_x:
            return None, for_x[0]
    if own_to:
        receivers = own_to
        framed = True
    if item.head is not None and (
        item.head.lower_ in lx.PEOPLE_NOUNS or item.head.ent_type_ == "NORP"
    ):
        own = _item_demonym(item, registry) or _fielded_by(item.head, registry)
        paid = item.head.head.lower_ == "of" and item.head.head.head.lower_ in lx.PAY_WORDS
        if paid and own and givers:
            # "pays the wages of 5,000 North Korean workers": the workers work for the payer.
            return own[0], givers[0]
        if own and (not givers or givers[0] in receivers):
            givers = own[:1]
        if not receivers:
            receivers = _location(item.head, registry)
        if givers and receivers and givers[0] not in receivers:
            framed = True
        verb = next((a for a in item.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if (
            givers
            and not receivers
            and verb is not None
            and (verb.lemma_.lower() in lx.DEPLOY_WORDS or verb.lower_ in lx.DEPLOY_WORDS)
        ):
            framed = True  # "10,000 North Korean troops are involved": the dyad says where
    if (
        item.head is not None
        and item.head.lower_ in lx.TRANSFER_NOUNS
        and not (givers or receivers)
    ):
        givers, receivers = nominal(item.head, registry)
        framed = framed or bool(givers or receivers)
    if not framed:
        return None, None
    giver = " and ".join(givers) if givers else None  # "Zambia and Tanzania export ..."
    receivers = [r for r in receivers if r != giver]
    receiver = " and ".join(receivers) if receivers else None
    dyad = context.main_pair
    # Trade has many partners: "Ukraine exported 4.6 million tonnes" names no receiver.
    if dyad and (giver is None) != (receiver is None) and not trade:
        known = giver or receiver
        if known in dyad:
            other = dyad[1] if known == dyad[0] else dyad[0]
            giver, receiver = (giver, other) if giver else (other, receiver)
    if giver is not None and giver == receiver:
        return None, None
    return giver, receiver


def _in_exchange_for(tok: Token, verb: Token) -> bool:
    """True when `tok` sits in an 'in exchange for' phrase hanging off `verb`."""
    for anc in tok.ancestors:
        if anc.i == verb.i:
            return False
        if anc.lower_ == "for" and anc.i >= 2 and anc.doc[anc.i - 1].lower_ == "exchange":
            return True
    return False


def _own_origin(tok: Token, registry: PartyRegistry) -> list[str]:
    """Where people come from: their demonym ('Nepalis'), or 'of them' back to it."""
    found = countries_in([tok, *(t for t in tok.lefts)], registry)
    if found:
        return found[:1]
    doc = tok.doc
    of_them = any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(p.lower_ in ("them", "they") for p in c.children)
        for c in tok.children
    )
    if tok.lower_ in ("them", "they") or of_them:
        return countries_in(doc[: tok.i], registry)[-1:]
    return []


def _fielded_by(head: Token, registry: PartyRegistry) -> list[str]:
    """'Russia's Africa Corps may field 2,000 personnel in Mali': the party the people's
    verb has for subject."""
    verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
    if verb is None or head.dep_ not in ("dobj", "pobj") or verb.lemma_.lower() in lx.MOVE_VERBS:
        return []
    if verb.lemma_.lower() in ("have", "be", "own", "possess", "number", "include", "count"):
        return []  # "North Korea has 10 brigades": its own, not sent anywhere
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return countries_in(np_tokens(subject), registry)[:1] if subject is not None else []


def _arrived_at(verb: Token, registry: PartyRegistry) -> list[str]:
    """'12,800 North Koreans entered Russia', 'In Burkina Faso, 100 instructors arrived'."""
    places = [c for c in verb.children if c.dep_ == "dobj"]
    places += [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
        for p in c.children if p.dep_ == "pobj"
    ]  # fmt: skip
    for place in places:
        found = countries_in(np_tokens(place), registry)
        if found:
            return found[:1]
    return []


def _is_subject_of(tok: Token, verb: Token) -> bool:
    return any(c.i == tok.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def _own_prep(tok: Token, preps: tuple[str, ...], registry: PartyRegistry) -> list[str]:
    """A 'to X' attached to the figure itself: 'another 1,000 to Qatar'."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = join_conj(pobj, registry, None)
                if found:
                    return found
    return []


def _pay(
    anchor: Token, item: ItemInfo, registry: PartyRegistry, context: DocumentContext
) -> tuple[str | None, str | None]:
    """Pay flows from the payer to the country of the people paid (GUIDELINES.md § Flows)."""
    doc = anchor.doc
    earner = None
    verb = next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lower_ not in PRONOUNS:
            earner = subj[0]
        else:
            # The parser often loses the subject of a long clause: take the people noun before.
            people = [t for t in doc[: verb.i] if t.lower_ in lx.PEOPLE_NOUNS]
            earner = people[-1] if people else None
    if earner is None and item.head is not None:
        poss = [c for c in item.head.children if c.dep_ == "poss"]
        earner = poss[0] if poss else None
    if earner is None:
        return None, None
    mods = [t for t in earner.subtree if t.i <= earner.i]
    found = countries_in(mods, registry)
    receiver = found[0] if found else None
    after = doc[earner.i + 1 : anchor.i]
    others = [c for c in countries_in(after, registry) if c != receiver] if len(after) else []
    giver = others[0] if others else None
    if giver is None:  # "In Malaysia, factory workers are paid ...": the host pays
        places = [
            c for t in doc if t.dep_ == "prep" and t.lower_ == "in" and t.head.i == verb.i
            for p in t.children if p.dep_ == "pobj"
            for c in countries_in([p, *p.lefts], registry) if c != receiver
        ] if verb is not None else []  # fmt: skip
        giver = places[0] if places else None
    return giver, receiver


def spend_frame(
    verb: Token, registry: PartyRegistry, context: DocumentContext
) -> tuple[list[str], list[str]]:
    """'India spent $X on buying oil from Russia', 'on Russian coal': spending on goods
    follows the goods (the seller gives, the spender receives); 'on crude imports' names
    no seller."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    receivers = np_countries(subject, registry, context)[:1] if subject is not None else []
    givers: list[str] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "for")):
        for tok in prep.subtree:
            if tok.dep_ == "prep" and tok.lower_ == "from":
                for pobj in (c for c in tok.children if c.dep_ == "pobj"):
                    givers = givers or countries_in(np_tokens(pobj), registry)[:1]
        if not givers:
            objects = [t for t in prep.subtree if t.dep_ in ("pobj", "dobj")]
            for obj in objects:
                mods = [t for t in obj.lefts if t.dep_ in ("amod", "compound", "nmod")]
                givers = givers or countries_in(mods, registry)[:1]
    intake = any(t.lower_ in lx.INTAKE_NOUNS for t in verb.subtree)
    givers = [g for g in givers if g not in receivers]
    return (givers, receivers) if givers or intake else ([], [])  # "spent $X on defence"
