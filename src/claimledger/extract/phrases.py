"""Noun phrases and clause heads around a figure: the small parse helpers items share."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimledger.extract import lexicon as lx

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


@dataclass
class ItemInfo:
    """The item phrase of a figure and where the quote may extend to."""

    text: str | None
    head: Token | None = None  # the noun the figure counts, when there is one
    extend_to: int | None = None  # sentence offset the quote may extend to (item after number)
    per: str | None = None  # a rate found after the item ("10,000 troops a month")


def phrase(head: Token) -> str:
    """A compact noun phrase: the head with its left modifiers and a following 'of X'."""
    left = [t for t in head.lefts if t.dep_ in MODIFIER_DEPS and t.dep_ != "poss"]
    words: list[Token] = []
    for t in left:
        words.extend(w for w in t.subtree if w.tag_ != "POS" and not w.is_punct)
    words.append(head)
    words = [
        w for w in sorted(set(words), key=lambda t: t.i) if w.lower_ not in lx.ITEM_DROP_ADJECTIVES
    ]
    text = " ".join(w.text for w in words)
    of = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("of", "from")]
    if of:
        pobj = [c for c in of[0].children if c.dep_ == "pobj"]
        # "a salary of $2,000": the figure itself is not part of what it measures.
        if pobj and not (pobj[0].like_num or pobj[0].pos_ in ("NUM", "SYM")):
            inner = [w for w in pobj[0].lefts if w.dep_ in ("compound", "amod")]
            text += f" {of[0].lower_} " + " ".join(w.text for w in [*inner, pobj[0]])
    return text


def is_party(tok: Token) -> bool:
    """A country, organisation or person: who acts, never what is counted."""
    return tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or tok.lower_ in lx.ACTOR_NOUNS


def ancestor_with(tok: Token, lemmas: set[str]) -> Token | None:
    for anc in tok.ancestors:
        if anc.lower_ in lemmas or anc.lemma_.lower() in lemmas:
            return anc
        if anc.pos_ == "VERB" and anc.dep_ in ("ROOT", "ccomp", "conj"):
            return None
    return None


def governing_verb(tok: Token) -> Token | None:
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def governing_subject(tok: Token) -> Token | None:
    """The subject of the nearest clause above `tok`, climbing through xcomp and advcl."""
    verb = governing_verb(tok)
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
