"""How firmly a figure is put: asserted, reported, speculative or denied.

Cues apply to the clause holding the figure (GUIDELINES.md § Modality precedence):
modal and hedge words are read on the figure's own clause, and a denial in the next
sentence that points back ("Moscow called such reports fake") reaches back one sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.context import DocumentContext

_PRECEDENCE = {"denied": 3, "speculative": 2, "reported": 1, "asserted": 0}
_CLAUSE_BOUNDARY = frozenset({"ccomp", "conj", "advcl", "relcl", "parataxis", "csubj"})


def modality_of(span: Span, index: int, context: DocumentContext, *, attributed: bool) -> str:
    """The modality of the figure whose number tokens are `span`; `attributed` when a source
    or an attribution cue governs it."""
    anchor = span.root
    modality = "reported" if attributed else "asserted"
    modality = _stronger(modality, _clause_modality(anchor, span))
    if any(a.lemma_.lower() in lx.SPECULATION_VERBS for a in anchor.ancestors):
        modality = _stronger(modality, "speculative")  # "experts speculate that ..."
    if (
        _negated(anchor, span)
        or _denied_above(anchor)
        or _denied_by_next(index, context)
        or _denied_after(span)
    ):
        modality = "denied"
    return modality


def _stronger(a: str, b: str) -> str:
    return a if _PRECEDENCE[a] >= _PRECEDENCE[b] else b


def _clause_tokens(anchor: Token) -> list[Token]:
    """The figure's own clause: ancestors up to the first clause boundary, with their cues."""
    chain: list[Token] = [anchor]
    tok = anchor
    while tok.head.i != tok.i:
        if tok.dep_ in _CLAUSE_BOUNDARY and tok.pos_ in ("VERB", "AUX"):
            break
        tok = tok.head
        chain.append(tok)
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_BOUNDARY:
            break
    return chain


def _in_intro_phrase(anchor: Token) -> int | None:
    """Index of the token that ends a sentence-initial circumstance phrase holding the figure."""
    sent = anchor.doc
    first = sent[0]
    if first.lower_ not in lx.INTRO_WORDS:
        return None
    for tok in sent:
        if tok.text == "," or (tok.i > 0 and tok.lower_ == "then"):
            return tok.i if anchor.i < tok.i else None
    return None


_CUE_DEPS = frozenset(
    {"aux", "advmod", "neg", "amod", "mark", "prep", "auxpass", "acomp", "npadvmod"}
)


def _reported_speech(verb: Token) -> bool:
    """True when `verb` heads the complement of a speech verb ('said it would ...')."""
    tok = verb
    while tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lx.REPORTING_VERBS


def _denied_above(anchor: Token) -> bool:
    """'X denied that 300,000 rounds had been shipped'; 'Seoul did not send 40 tanks'."""
    via = anchor
    for anc in anchor.ancestors:
        if anc.lemma_.lower() in lx.DENIAL_LEMMAS and via.dep_ in ("ccomp", "dobj", "xcomp"):
            return True
        if (
            anc.pos_ == "VERB"
            and anc.lemma_.lower() in lx.GIVE_VERBS
            and via.dep_ in ("dobj", "nsubjpass")
            and any(c.dep_ == "neg" for c in anc.children)
        ):
            return True
        via = anc
    return False


def _clause_modality(anchor: Token, span: Span) -> str:
    modality = "asserted"
    limit = _in_intro_phrase(anchor)
    for tok in _clause_tokens(anchor):
        if limit is not None and tok.i > limit:
            break
        cues = [tok, *(c for c in tok.children if c.dep_ in _CUE_DEPS)]
        for cue in cues:
            lemma = cue.lemma_.lower()
            word = cue.lower_
            if lemma in lx.DENIAL_LEMMAS:
                return "denied"
            if word in lx.SPECULATIVE_LEMMAS or (
                lemma in lx.SPECULATIVE_LEMMAS and cue.pos_ != "AUX"
            ):
                if lemma == "need" and not any(c.dep_ == "xcomp" for c in cue.children):
                    continue  # "needs $300 million" is a requirement, "needs to send" a wish
                if word == "would" and _reported_speech(tok):
                    continue  # "Germany said it would provide": the future of reported speech
                modality = _stronger(modality, "speculative")
            elif word in (
                "reportedly",
                "allegedly",
                "purportedly",
                "estimated",
                "thought",
            ) or lemma in (
                "estimate",
                "believe",
                "report",
                "allege",
                "expect",
            ):
                modality = _stronger(modality, "reported")
            if cue.dep_ == "prep" and word == "of" and tok.lower_ in ("possibility", "prospect"):
                modality = _stronger(modality, "speculative")
    # A hedge noun governing the figure: "the possibility of sending up to 100,000 troops".
    for anc in anchor.ancestors:
        if anc.lemma_.lower() in ("possibility", "speculation", "prospect", "scenario", "proposal"):
            modality = _stronger(modality, "speculative")
            break
    return modality


def _negated(anchor: Token, span: Span) -> bool:
    """'not hundreds and thousands of troops': a negation directly on the figure."""
    doc = anchor.doc
    start = span.start
    window = doc[max(0, start - 2) : start]
    if any(t.lower_ in ("not", "no", "never") for t in window):
        return True
    head = anchor
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
        w = doc[max(0, head.i - 2) : head.i]
        if any(t.lower_ in ("not", "never") for t in w):
            return True
    return False


_DENIED_AFTER_RE = re.compile(
    r"\b(?:(?:a|the|that|this)\s+(?:figure|number|claim|estimate|report|sum)|which)\b[^.;]*?"
    r"\b(?:called|dismissed|rejected|denied|branded|described)\b[^.;]*?"
    r"\b(?:fabricated|fake|false|untrue|baseless|groundless|nonsense|fiction|lies?)\b",
    re.IGNORECASE,
)


def _denied_after(span: Span) -> bool:
    """'$1.7 billion, a figure Iran's foreign ministry has called "fabricated"'."""
    doc = span.doc
    after = doc.text[span[-1].idx + len(span[-1].text) :]
    return _DENIED_AFTER_RE.search(after) is not None


def _denied_by_next(index: int, context: DocumentContext) -> bool:
    """The next sentence rejects this one: 'The ministry called such speculations fake.'"""
    sentences = context.sentences
    if index + 1 >= len(sentences):
        return False
    nxt = sentences[index + 1]
    if nxt.paragraph != sentences[index].paragraph:
        return False
    text = nxt.text.lower()
    words = set(re.findall(r"[a-z]+", text))
    denial = bool(words & lx.DENIAL_WORDS) or bool(
        re.search(r"\b(?:denied|denies|deny|rejected|dismissed|refuted)\b", text)
    )
    if not denial:
        return False
    return bool(
        re.search(
            r"\b(?:such|these|those|the|this|that)\s+(?:\w+\s+)?(?:"
            + "|".join(sorted(lx.DENIAL_ANAPHORS))
            + r")\b",
            text,
        )
    )
