"""Transfer frames: who gives and who receives, read off a verb or a transfer noun."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimledger.extract import lexicon as lx
from claimledger.model import Party
from claimledger.parties import PartyRegistry

if TYPE_CHECKING:
    from claimledger.extract.context import DocumentContext


PRONOUNS = frozenset({"it", "they", "its", "their", "he", "she", "his", "her", "who", "which"})


def countries_in(tokens: list[Token] | Span, registry: PartyRegistry) -> list[str]:
    """Countries named in a stretch of tokens, in order, via aliases, demonyms and people."""
    if not len(tokens):
        return []
    doc = tokens[0].doc
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    starts = {t.idx - start for t in tokens}
    out: list[str] = []
    for s, _e, party in registry.find(doc.text[start:end]):
        if s not in starts:
            continue  # the name sits in a clause the phrase does not own
        country = party_country(party)
        if country and country not in out:
            out.append(country)
    return out


def party_country(party: Party) -> str | None:
    """The country a party stands for; an organisation with no country stands for itself."""
    if party.kind == "country":
        return party.name
    if party.affiliation:
        return party.affiliation
    return party.name if party.kind == "organisation" else None


def np_tokens(head: Token) -> list[Token]:
    """The noun phrase of `head` without the clauses hanging off it ('donors meeting in Paris')."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in ("acl", "relcl", "advcl", "punct"))
    return sorted(out, key=lambda t: t.i)


def np_countries(
    head: Token, registry: PartyRegistry, context: DocumentContext | None
) -> list[str]:
    if head.lower_ in PRONOUNS and context is not None:
        return _antecedent(head, registry) or _previous_subject(head, registry, context)
    return countries_in(np_tokens(head), registry)


def _previous_subject(
    pronoun: Token, registry: PartyRegistry, context: DocumentContext
) -> list[str]:
    """'India spent $X ... In the first ten months, it spent $Y': a sentence-initial
    'it' with nothing before it in its sentence names the country that opened the last one."""
    if pronoun.lower_ not in ("it", "they"):
        return []
    index = next((i for i, s in enumerate(context.sentences) if s.parse is pronoun.doc), None)
    if not index:
        return []
    found = registry.find(context.sentences[index - 1].text)
    countries = [party_country(p) for s, _e, p in found if s < 20]  # where its subject sits
    return [c for c in countries if c][:1]


def _antecedent(pronoun: Token, registry: PartyRegistry) -> list[str]:
    """'it' / 'they' -> the nearest country named before it in the sentence."""
    doc = pronoun.doc
    before = doc.text[: pronoun.idx]
    found = [p for _s, _e, p in registry.find(before)]
    for party in reversed(found):
        country = party_country(party)
        if country:
            return [country]
    return []


def prep_objects(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def frame(
    verb: Token, registry: PartyRegistry, context: DocumentContext | None
) -> tuple[list[str], list[str]]:
    """(givers, receivers) of a transfer verb."""
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    subject = _clause_subject(verb, passive)
    givers: list[str] = []
    receivers: list[str] = []
    if lemma in lx.RECEIVE_VERBS:
        if subject is not None and not passive:
            receivers = np_countries(subject, registry, context)
        # "would receive Russian investment, oil and food": the giver modifies the object.
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            # "imported 56 million tonnes of US gas": a country inside the object phrase
            found = [c for c in countries_in(np_tokens(obj), registry) if c not in receivers]
            givers = givers or found[:1]
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                receivers = receivers or np_countries(pobj, registry, context)
        for pobj in prep_objects(verb, ("from",)):
            givers = givers or np_countries(pobj, registry, context)
        if not givers:  # "received 100,000 tons of rice from China"
            givers = party_in_clause(verb, registry, context, ("from",))[:1]
        return givers, receivers
    if subject is not None and not passive:
        givers = np_countries(subject, registry, context)
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for pobj in (c for c in agent.children if c.dep_ == "pobj"):
            givers = givers or np_countries(pobj, registry, context)
    for pobj in prep_objects(verb, ("from",)):
        givers = givers or np_countries(pobj, registry, context)
    receiver_preps = (
        ("to", "into", "for", "with") if lemma in lx.SHARE_VERBS else ("to", "into", "for")
    )
    for pobj in prep_objects(verb, receiver_preps):
        found = np_countries(pobj, registry, context)
        if found:
            receivers = join_conj(pobj, registry, context) or found[:1]
            break
    if lemma in ("pay", "give", "lend", "offer", "grant", "owe") and not receivers:
        # "Russia pays each North Korean soldier $2,000": the people paid are an object.
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
            if obj.lower_ in lx.PEOPLE_NOUNS:
                receivers = countries_in(np_tokens(obj), registry)[:1] or receivers
    if lemma == "pay" and not receivers:
        # "Moscow pays the wages of 5,000 North Korean workers": the country of those paid.
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in lx.PAY_WORDS):
            for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    receivers = receivers or countries_in(np_tokens(pobj), registry)[:1]
    fought_for = _fights_for(verb, registry)
    if fought_for:
        return _first_or_joint(subject, givers), fought_for  # troops fighting for a country
    if not receivers:
        receivers = party_in_clause(verb, registry, context)
    if not receivers:
        for child in verb.children:
            if child.dep_ in ("dative", "iobj") or (
                child.dep_ == "dobj" and lemma in lx.GIVE_WITH_VERBS
            ):
                receivers = np_countries(child, registry, context)[:1]
                if receivers:
                    break
    return _first_or_joint(subject, givers), receivers


def _first_or_joint(subject: Token | None, givers: list[str]) -> list[str]:
    """One giver, or all of a coordinated subject ('Zambia and Tanzania export ...')."""
    joint = subject is not None and any(c.dep_ == "conj" for c in subject.children)
    return givers if joint else givers[:1]


def _fights_for(verb: Token, registry: PartyRegistry) -> list[str]:
    """'sent troops to fight for Russia in Ukraine' -> Russia (GUIDELINES.md § Flows)."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in (
            "fight",
            "serve",
            "support",
            "assist",
            "help",
            "bolster",
            "aid",
        ):
            for pobj in prep_objects(child, ("for",)):
                found = countries_in(np_tokens(pobj), registry)
                if found:
                    return found[:1]
            for obj in (c for c in child.children if c.dep_ == "dobj"):
                found = countries_in(np_tokens(obj), registry)
                if found and child.lemma_.lower() != "fight":
                    return found[:1]
    return []


def party_in_clause(
    verb: Token,
    registry: PartyRegistry,
    context: DocumentContext | None,
    preps: tuple[str, ...] = ("to", "into"),
) -> list[str]:
    """'shells to Russia', 'troops from a company ... to Kuwait': a 'to' phrase in the clause."""
    for tok in verb.subtree:
        bound_for = tok.lower_ == "for" and tok.head.lower_ in ("bound", "destined", "headed")
        if tok.i <= verb.i or tok.dep_ != "prep" or (tok.lower_ not in preps and not bound_for):
            continue
        # Do not cross into another clause's verb (participles describing a noun are fine).
        path = []
        for a in tok.ancestors:
            if a.i == verb.i:
                break
            path.append(a)
        if any(a.pos_ in ("VERB", "AUX") and a.dep_ != "acl" for a in path):
            continue
        for pobj in (c for c in tok.children if c.dep_ == "pobj"):
            found = join_conj(pobj, registry, context)
            if found:
                return found
    return []


def join_conj(pobj: Token, registry: PartyRegistry, context: DocumentContext | None) -> list[str]:
    """'to Kuwait and the United Arab Emirates' -> both receivers."""
    heads = [pobj, *(c for c in pobj.children if c.dep_ == "conj")]
    out: list[str] = []
    for head in heads:
        tokens = [
            t
            for t in head.subtree
            if t.i <= head.i or t.dep_ in ("prep", "pobj", "compound", "amod")
        ]
        found = countries_in(tokens, registry)
        if found and found[0] not in out:
            out.append(found[0])
    return out


def _clause_subject(verb: Token, passive: bool) -> Token | None:
    """The giver's phrase: the verb's subject, or the subject/possessor of the clause above."""
    tok = verb
    for _ in range(8):
        subjects = [
            c
            for c in tok.children
            if c.dep_ == ("nsubjpass" if passive and tok.i == verb.i else "nsubj")
        ]
        if subjects:
            return subjects[0]
        if tok.i != verb.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            # "Russia is believed to be sharing ...": the raised subject is the giver.
            return next(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ in ("acl",) and head.pos_ in ("NOUN", "PROPN"):
            poss = [c for c in head.children if c.dep_ == "poss"]
            if poss:
                return poss[0]
        if tok.dep_ not in ("xcomp", "pcomp", "advcl", "conj", "acl", "ccomp", "prep", "pobj"):
            return None
        tok = head
        passive = False
    return None


def nominal(noun: Token, registry: PartyRegistry) -> tuple[list[str], list[str]]:
    """'North Korean arms shipments to Russia', 'Russian rice aid', 'exports to Russia'."""
    if noun.lower_ in lx.INTAKE_NOUNS:
        return _intake(noun, registry)
    mods = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "poss", "nmod")]
    givers = countries_in([t for m in mods for t in m.subtree], registry) if mods else []
    receivers: list[str] = []
    # "shipments of 12,000 shells from North Korea to Russia": the phrases may hang off
    # the shipped thing rather than the transfer noun.
    of_objects = [
        p for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children if p.dep_ == "pobj"
    ]  # fmt: skip
    rights = [*noun.rights, *(r for o in of_objects for r in o.rights)]
    verb = noun.head
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass") and verb.pos_ == "VERB":
        # "tracked shipments of rice from China to North Korea", "rice aid arrived in X":
        # the phrases may hang off the verb the transfer noun belongs to.
        arrival = verb.lemma_.lower() in lx.ARRIVAL_VERBS
        for child in verb.rights:
            if child.dep_ != "prep":
                continue
            if arrival or (noun.dep_ == "dobj" and child.lower_ in ("from", "to")):
                rights.append(child)
        if arrival:
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                receivers = countries_in(list(obj.subtree), registry)[:1]
    for child in rights:
        if child.dep_ == "prep" and child.lower_ in ("to", "for", "with", "in", "at", "into"):
            if child.lower_ in ("in", "at") and child.head.i == noun.i:
                continue  # "aid in cash" is not a destination
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                receivers = countries_in(list(pobj.subtree), registry)[:1] or receivers
        if child.dep_ == "prep" and child.lower_ == "from" and not givers:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                givers = countries_in(list(pobj.subtree), registry)[:1]
    if not givers and noun.dep_ == "dobj" and verb.pos_ == "VERB" and receivers:
        # "The IMF approved the release of $1.4bn to Pakistan": the approver gives.
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            givers = [c for c in countries_in(np_tokens(subject), registry) if c not in receivers]
    if noun.lower_ in ("imports", "import"):
        givers, receivers = receivers, givers
    return givers[:1], receivers


def _intake(noun: Token, registry: PartyRegistry) -> tuple[list[str], list[str]]:
    """'India's imports of Russian oil', 'Indian imports of Russian crude', 'Japan's purchases
    from Qatar', 'Russian crude imports': the possessor (or, beside an origin, the adjective)
    takes in; the origin named with the goods or after 'from' gives."""
    owners = [p for p in noun.children if p.dep_ == "poss"]
    receivers = [c for p in owners for c in countries_in(list(p.subtree), registry)]
    mods = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nmod")]
    beside = countries_in([t for m in mods for t in m.subtree], registry) if mods else []
    origin: list[str] = []
    for prep in (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found = countries_in(np_tokens(pobj), registry)
            origin = origin or [c for c in found if c not in receivers]
    if origin:
        givers, receivers = origin, receivers or beside
    else:
        givers = beside
    if not receivers and noun.dep_ in ("dobj", "pobj"):
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
        if subject is not None:  # "India increased its imports from Russia"
            receivers = countries_in(np_tokens(subject), registry)[:1]
    givers = [g for g in givers if g not in receivers]
    return givers[:1], receivers[:1]
