"""Who gives what to whom: transfer frames (verbal, passive, nominal) read from the parse."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.concepts import concept_of, is_generic
from claimledger.extract.numbers import Quantity
from claimledger.model import Claim, Document, Flow, Party
from claimledger.parties import PartyRegistry

if TYPE_CHECKING:
    from claimledger.extract.attribution import DocumentContext
    from claimledger.extract.items import ItemInfo
    from claimledger.extract.pipeline import Sentence

# "X supplies Z with Y": the object receives, the "with" phrase is what is given.
GIVE_WITH_VERBS = frozenset(
    {
        "supply",
        "provide",
        "equip",
        "arm",
        "furnish",
        "backfill",
        "replenish",
        "resupply",
        "reward",
        "compensate",
        "backfille",
    }
)
# "X shares Y with Z": the "with" phrase receives.
SHARE_VERBS = frozenset({"share"})
# "X is assisting Z in developing Y": the object receives, the "in" phrase says with what.
ASSIST_VERBS = frozenset({"assist", "help", "support", "aid"})
_CUE_RE = re.compile(
    r"\b(?:sen[dt]\w*|ship\w*|suppl\w*|deliver\w*|export\w*|import\w*|provid\w*|pa(?:y|id|ys|ying)|"
    r"gave|give\w*|transfer\w*|dispatch\w*|deploy\w*|sold|sell\w*|receiv\w*|obtain\w*|aid|"
    r"assist\w*|donat\w*|in exchange for|lend\w*|lent|recruit\w*|station\w*|shar\w+|help\w*|"
    r"\w+-for-\w+)\b",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"it", "they", "its", "their", "he", "she", "his", "her", "who", "which"})


def has_transfer_cue(text: str) -> bool:
    """Cheap test: may this sentence state a transfer? (decides whether to parse it)."""
    return _CUE_RE.search(text) is not None


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


def _np_countries(
    head: Token, registry: PartyRegistry, context: DocumentContext | None
) -> list[str]:
    if head.lower_ in _PRONOUNS and context is not None:
        return _antecedent(head, registry)
    return countries_in(np_tokens(head), registry)


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


def _prep_objects(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _frame(
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
            receivers = _np_countries(subject, registry, context)
        # "would receive Russian investment, oil and food": the giver modifies the object.
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            mods = [t for t in obj.lefts if t.dep_ in ("amod", "compound")]
            givers = givers or countries_in([t for m in mods for t in m.subtree], registry)
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                receivers = receivers or _np_countries(pobj, registry, context)
        for pobj in _prep_objects(verb, ("from",)):
            givers = givers or _np_countries(pobj, registry, context)
        if not givers:  # "received 100,000 tons of rice from China"
            givers = _receiver_in_clause(verb, registry, context, ("from",))[:1]
        return givers, receivers
    if subject is not None and not passive:
        givers = _np_countries(subject, registry, context)
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for pobj in (c for c in agent.children if c.dep_ == "pobj"):
            givers = givers or _np_countries(pobj, registry, context)
    for pobj in _prep_objects(verb, ("from",)):
        givers = givers or _np_countries(pobj, registry, context)
    receiver_preps = (
        ("to", "into", "for", "with") if lemma in SHARE_VERBS else ("to", "into", "for")
    )
    for pobj in _prep_objects(verb, receiver_preps):
        found = _np_countries(pobj, registry, context)
        if found:
            receivers = _join_conj(pobj, registry, context) or found[:1]
            break
    fought_for = _fights_for(verb, registry)
    if fought_for:
        return givers[:1], fought_for  # troops sent to fight for a country flow to it
    if not receivers:
        receivers = _receiver_in_clause(verb, registry, context)
    if not receivers:
        for child in verb.children:
            if child.dep_ in ("dative", "iobj") or (
                child.dep_ == "dobj" and lemma in GIVE_WITH_VERBS
            ):
                receivers = _np_countries(child, registry, context)[:1]
                if receivers:
                    break
    return givers[:1], receivers


def _fights_for(verb: Token, registry: PartyRegistry) -> list[str]:
    """'sent troops to fight for Russia in Ukraine' -> Russia (GUIDELINES.md § Flows)."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in (
            "fight", "serve", "support", "assist", "help", "bolster", "aid",
        ):
            for pobj in _prep_objects(child, ("for",)):
                found = countries_in(np_tokens(pobj), registry)
                if found:
                    return found[:1]
            for obj in (c for c in child.children if c.dep_ == "dobj"):
                found = countries_in(np_tokens(obj), registry)
                if found and child.lemma_.lower() != "fight":
                    return found[:1]
    return []


def _receiver_in_clause(
    verb: Token,
    registry: PartyRegistry,
    context: DocumentContext | None,
    preps: tuple[str, ...] = ("to", "into"),
) -> list[str]:
    """'shells to Russia', 'troops from a company ... to Kuwait': a 'to' phrase in the clause."""
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.dep_ != "prep" or tok.lower_ not in preps:
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
            found = _join_conj(pobj, registry, context)
            if found:
                return found
    return []


def _join_conj(pobj: Token, registry: PartyRegistry, context: DocumentContext | None) -> list[str]:
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
                    found = countries_in([pobj, *pobj.lefts], registry)
                    if found:
                        return found[:1]
    return []


def _dyad(context: DocumentContext) -> tuple[str, str] | None:
    """The two countries a document is mostly about (mentions in its body)."""
    if "dyad" not in context.cache:
        counts: Counter[str] = Counter()
        for _s, _e, party in context.registry.find(context.doc.body):
            country = party_country(party)
            if country:
                counts[country] += 1
        top = counts.most_common(2)
        # Only a document that keeps coming back to two parties has a dyad to lean on.
        strong = len(top) == 2 and top[1][1] >= 3
        context.cache["dyad"] = (top[0][0], top[1][0]) if strong else None
    return context.cache["dyad"]


def parties_for(
    span: Span, q: Quantity, item: ItemInfo, index: int, context: DocumentContext
) -> tuple[str | None, str | None]:
    """(from, to) of a figure when its sentence frames it as a transfer, else (None, None)."""
    registry = context.registry
    anchor = span.root
    givers: list[str] = []
    receivers: list[str] = []
    framed = False
    if q.unit in lx.DURATION_UNITS or (item.text or "").startswith("share of"):
        return None, None  # how long, or what share: not something handed over
    start = item.head if item.head is not None else anchor
    is_pay = q.unit != "count" and (item.text or "").split(" ")[-1] in lx.PAY_WORDS | {"salary"}
    own_to = _own_prep(start, ("to",), registry) or _own_prep(anchor, ("to",), registry)
    for anc in [start, *start.ancestors]:
        lemma = anc.lemma_.lower()
        if anc.pos_ in ("VERB", "AUX") and (
            lemma in lx.GIVE_VERBS or lemma in lx.RECEIVE_VERBS or lemma in GIVE_WITH_VERBS
        ):
            if lemma in ("earn", "receive", "get") and q.unit != "count":
                is_pay = True
                break
            if lemma == "pay" and any(c.dep_ == "nsubjpass" for c in anc.children):
                is_pay = True  # "soldiers are paid $800": the subject is who is paid
                break
            is_pay = False  # "Russia is paying $2,000 for every soldier": the frame says it
            if lemma in lx.RECEIVE_VERBS and _is_subject_of(start, anc):
                break  # "4,000 workers receive wages": the workers are not what is given
            verb_givers, verb_receivers = _frame(anc, registry, context)
            if _in_exchange_for(start, anc):
                verb_givers, verb_receivers = verb_receivers[:1], verb_givers  # comes back
            # A nominal frame met on the way up ("in aid to Ukraine") keeps what it said.
            givers = givers or verb_givers
            receivers = receivers or verb_receivers
            framed = True
            break
        if anc.pos_ == "VERB" and lemma in lx.MOVE_VERBS:
            givers = _own_origin(start, registry)
            receivers = _receiver_in_clause(anc, registry, context)
            framed = bool(givers or receivers)
            break
        if anc.pos_ == "NOUN" and anc.lower_ in lx.TRANSFER_NOUNS and anc.i != anchor.i:
            givers, receivers = _nominal(anc, registry)
            framed = True
            if givers and receivers:
                break
        if anc.pos_ in ("VERB", "AUX") and lemma in lx.MEASURE_VERBS:
            subject = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ in lx.TRANSFER_NOUNS:
                givers, receivers = _nominal(subject, registry)
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
        own = _item_demonym(item, registry)
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
            and (verb.lemma_.lower() in _DEPLOY_WORDS or verb.lower_ in _DEPLOY_WORDS)
        ):
            framed = True  # "10,000 North Korean troops are involved": the dyad says where
    if (
        item.head is not None
        and item.head.lower_ in lx.TRANSFER_NOUNS
        and not (givers or receivers)
    ):
        givers, receivers = _nominal(item.head, registry)
        framed = framed or bool(givers or receivers)
    if not framed:
        return None, None
    giver = givers[0] if givers else None
    receivers = [r for r in receivers if r != giver]
    receiver = " and ".join(receivers) if receivers else None
    dyad = _dyad(context)
    if dyad and (giver is None) != (receiver is None):
        known = giver or receiver
        if known in dyad:
            other = dyad[1] if known == dyad[0] else dyad[0]
            giver, receiver = (giver, other) if giver else (other, receiver)
    if giver is not None and giver == receiver:
        return None, None
    return giver, receiver


# Words that put people to work for another party: the dyad names the other party.
_DEPLOY_WORDS = frozenset({
    "involve", "involved", "deploy", "deployed", "station", "stationed", "fight", "fighting",
    "serve", "serving", "dispatch", "dispatched", "base", "based", "operate", "operating",
})  # fmt: skip


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


def _is_subject_of(tok: Token, verb: Token) -> bool:
    return any(c.i == tok.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def _own_prep(tok: Token, preps: tuple[str, ...], registry: PartyRegistry) -> list[str]:
    """A 'to X' attached to the figure itself: 'another 1,000 to Qatar'."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = _join_conj(pobj, registry, None)
                if found:
                    return found
    return []


def _nominal(noun: Token, registry: PartyRegistry) -> tuple[list[str], list[str]]:
    """'North Korean arms shipments to Russia', 'Russian rice aid', 'exports to Russia'."""
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
    for child in rights:
        if child.dep_ == "prep" and child.lower_ in ("to", "for", "with"):
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                receivers = countries_in(list(pobj.subtree), registry)[:1]
        if child.dep_ == "prep" and child.lower_ == "from" and not givers:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                givers = countries_in(list(pobj.subtree), registry)[:1]
    if noun.lower_ in ("imports", "import"):
        givers, receivers = receivers, givers
    return givers[:1], receivers


def _pay(
    anchor: Token, item: ItemInfo, registry: PartyRegistry, context: DocumentContext
) -> tuple[str | None, str | None]:
    """Pay flows from the payer to the country of the people paid (GUIDELINES.md § Flows)."""
    doc = anchor.doc
    earner = None
    verb = next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lower_ not in _PRONOUNS:
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
    return giver, receiver


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
        if tok.pos_ == "VERB" and lemma in ASSIST_VERBS:
            flows.extend(_assist_flows(doc, sent, tok, registry))
        elif tok.pos_ == "VERB" and (
            lemma in lx.GIVE_VERBS
            or lemma in GIVE_WITH_VERBS
            or lemma in lx.RECEIVE_VERBS
            or lemma in SHARE_VERBS
        ):
            givers, receivers = _frame(tok, registry, None)
            if not givers or not receivers:
                continue
            for obj in _transferred(tok, lemma):
                flows.extend(_flows_for(doc, sent, obj, givers[0], receivers, tok))
        elif tok.pos_ == "NOUN" and tok.lower_ in lx.TRANSFER_NOUNS:
            givers, receivers = _nominal(tok, registry)
            if givers and receivers:
                objs = [
                    c for c in tok.lefts if c.dep_ == "compound" and not countries_in([c], registry)
                ]
                for child in tok.rights:
                    if child.dep_ == "prep" and child.lower_ == "of":
                        objs.extend(c for c in child.children if c.dep_ == "pobj")
                for obj in objs or [tok]:
                    flows.extend(_flows_for(doc, sent, obj, givers[0], receivers, tok))
        elif tok.lemma_.lower() == "range" and tok.dep_ in ("advcl", "acl") and flows:
            # "..., ranging from 152mm ammunition to ballistic missiles": more of the same flow.
            last = flows[-1]
            for prep in (
                c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "to")
            ):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    for part in _with_conj(pobj):
                        flows.extend(_flows_for(doc, sent, part, last.giver, [last.receiver], tok))
    return flows


# Modifiers that say nothing about what is handed over ("much-needed oil").
_FLOW_DROP_WORDS = frozenset({"needed", "much", "other", "various", "more", "additional", "new"})


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
        if tok.head.i == tok.i or tok.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
            return False
        tok = tok.head


def _transferred(verb: Token, lemma: str) -> list[Token]:
    if lemma in GIVE_WITH_VERBS:
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
    givers, _ = _frame(verb, registry, None)
    receivers = [c for o in verb.children if o.dep_ == "dobj" for c in countries_in([o], registry)]
    if not givers or not receivers:
        return []
    flows: list[Flow] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "with")):
        nouns = [t for t in prep.subtree if t.pos_ == "NOUN"]
        known = [t for t in nouns if concept_of(t.lower_) != _singular_guess(t.lower_)]
        for noun in known[-1:]:
            flows.extend(_flows_for(doc, sent, noun, givers[0], receivers[:1], verb))
    return flows


def _singular_guess(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


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
    doc: Document, sent: Sentence, obj: Token, giver: str, receivers: list[str], cue: Token
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
        t
        for t in words
        if not countries_in([t], registry_default()) and t.lower_ not in _FLOW_DROP_WORDS
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


def registry_default() -> PartyRegistry:
    return PartyRegistry.default()


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


def share_within_sentence(claims: list[Claim]) -> None:
    """Money figures listed in one sentence ('cars ($894 million), iron $602 million')
    share the giver and receiver of the sentence's framed money figure."""
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sent_start, []).append(claim)
    for group in by_sentence.values():
        framed = [
            c for c in group if c.from_ and c.to and c.unit == group[0].unit and c.unit != "count"
        ]
        if not framed:
            continue
        for claim in group:
            if claim.unit == framed[0].unit and not claim.from_ and not claim.to:
                claim.from_, claim.to = framed[0].from_, framed[0].to
