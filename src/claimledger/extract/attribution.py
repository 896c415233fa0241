"""Who a figure comes from and how firmly it is put: source and modality from the parse.

Cues apply to the clause holding the figure (GUIDELINES.md § Modality precedence):
modal and hedge words are read on the figure's own clause, attribution is read on
every clause above it ("X said that ... the figure"), and a denial in the next
sentence that points back ("Moscow called such reports fake") reaches back one sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.context import DocumentContext
from claimledger.extract.numbers import Quantity

_PRECEDENCE = {"denied": 3, "speculative": 2, "reported": 1, "asserted": 0}
_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "who",
        "which",
        "that",
        "him",
        "her",
        "them",
    }
)
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "nsubjpass", "auxpass"})
_CLAUSE_BOUNDARY = frozenset({"ccomp", "conj", "advcl", "relcl", "parataxis", "csubj"})


def source_and_modality(
    span: Span, q: Quantity, index: int, context: DocumentContext
) -> tuple[str | None, str]:
    """The figure's source (as the text names it) and its modality."""
    anchor = span.root
    source, reported = _source(anchor, context, index)
    if source is None and not reported:
        source = _continued_quote(span, index, context)
    modality = "reported" if reported or source else "asserted"
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
    return source, modality


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


def _source(anchor: Token, context: DocumentContext, index: int) -> tuple[str | None, bool]:
    """The attributed source and whether any attribution cue governs the figure."""
    doc = anchor.doc
    # "according to X" anywhere in the sentence governs it (a sentence-level frame).
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            pobj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if pobj and pobj[0].lower_ in lx.SOURCE_NOUNS:
                # "according to reports": reported, but by no one in particular
                return _owner_of_source_noun(pobj[0], context, index), True
            if pobj:
                return _name(pobj[0], context, index), True
    # "cited by X" / "X's estimate" / "reports from X".
    child = anchor
    for anc in anchor.ancestors:
        via, child = child, anc
        lemma = anc.lemma_.lower()
        if (
            anc.pos_ in ("VERB", "AUX")
            and lemma in lx.REPORTING_VERBS
            and (
                via.dep_ in _COMPLEMENT_DEPS
                or lemma in lx.REPORTING_OBJECT_VERBS
                # "He noted in an interview that ...": parsers often hang the clause elsewhere.
                or (
                    anc.dep_ == "ROOT"
                    and anchor.i > anc.i
                    and lemma in lx.SPEECH_VERBS
                    and via.dep_ != "dobj"  # "Washington has added 42 entities": no speech
                )
            )
        ):
            if via.dep_ == "amod":
                return None, True  # "a reported 15,000", "an estimated 10,000"
            subject = _subject(anc)
            if subject is not None and (subject.pos_ == "DET" or subject.lower_ in ("a", "an")):
                return None, True
            if subject is not None:
                name = _source_from_subject(subject, context, index)
                return name, True
            agent = [c for c in anc.children if c.dep_ == "agent"]
            if agent:
                pobj = [c for c in agent[0].children if c.dep_ == "pobj"]
                if pobj:
                    return _name(pobj[0], context, index), True
            if lemma in ("estimate", "believe", "report", "allege", "say", "think", "understand"):
                return None, True  # "is thought to keep", "is said to have": no one named
    # After the clause's own cues, a sentence-level frame: "By the ministry's estimate, ...".
    for tok in doc:
        if tok.lower_ in lx.ESTIMATE_NOUNS and tok.head.lower_ in ("by", "on"):
            poss = [c for c in tok.children if c.dep_ == "poss"]
            self_named = poss and any(c.lower_ in ("this", "our") for c in poss[0].children)
            if poss and (poss[0].lower_ in ("our", "my", "its", "their") or self_named):
                # The author's own: an estimate is reported, a calculation asserted (as the
                # seed gold treats "an estimated 10,000" and the article's own sums).
                return None, tok.lower_.startswith("estimate")
            owner = _name(poss[0], context, index) if poss else None
            if owner is not None and not _is_the_author(owner, context):
                return owner, True
    for tok in doc:
        if tok.lower_ == "cited" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "by":
            pobj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if pobj:
                return _name(pobj[0], context, index), True
    return None, False


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj",)]
    if subjects:
        return subjects[0]
    if verb.dep_ in ("relcl",) and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return None


_QUOTE_SPEAKER_RE = re.compile(
    r"^[\s”\"’]*,?\s*(?:(?P<pron>he|she|they)|(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}))"
    r"\s+(?:said|added|says|adds|told|noted|explained|continued|insisted|warned)\b"
)


def _continued_quote(span: Span, index: int, context: DocumentContext) -> str | None:
    """A figure inside a quotation whose speaker is named in the sentence around it:
    'Smith said: "We sent 300 shells." ...' or '"We sent 300 shells," he added.'"""
    sentences = context.sentences
    sent = sentences[index]
    text = context.doc.text
    line_start = text.rfind("\n", 0, sent.start) + 1
    before = text[line_start : sent.start + span[0].idx - span.doc[0].idx]
    opened = before.count("“") - before.count("”") + (before.count('"') % 2)
    if opened <= 0:
        return None
    # The speaker: named after the quote in this or the next sentence, or before it.
    end = sent.end
    if index + 1 < len(sentences) and sentences[index + 1].paragraph == sent.paragraph:
        end = sentences[index + 1].end  # the quotation may close in the next sentence
    after = text[sent.start + span[-1].idx - span.doc[0].idx : end]
    closes = [i for i in (after.find("”"), after.find('"')) if i >= 0]
    if closes:
        m = _QUOTE_SPEAKER_RE.match(after[min(closes) + 1 :])
        if m and m.group("name"):
            return m.group("name")
        if m and m.group("pron"):
            return _last_person(index, context)
    # 'Smith said: "...': a speech verb before the open quote in this paragraph.
    m = re.search(
        r"([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+(?:said|told\s+\w+|added|wrote)[,:]?\s*[“\"][^”\"]*$",
        before,
    )
    return m.group(1) if m else None


def _last_person(index: int, context: DocumentContext) -> str | None:
    for back in range(index, max(-1, index - 3), -1):
        people = [e for e in context.sentences[back].entities if e.label_ == "PERSON"]
        if people:
            return people[-1].text
    return None


def _is_the_author(name: str, context: DocumentContext) -> bool:
    """'By the Team's count' in the Team's own report is the author speaking, not a source."""
    doc = context.doc
    own = " ".join(filter(None, (doc.outlet, doc.author, doc.title))).lower()
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in ("the", "of", "its")]
    return bool(words) and all(w in own for w in words)


# Common nouns that name an institution: "customs data", "ministry figures".
_INSTITUTIONS = frozenset({
    "customs", "ministry", "government", "military", "army", "navy", "police", "treasury",
    "intelligence", "coastguard", "guard", "statistics", "census", "bank", "agency", "office",
})  # fmt: skip
_QUANTIFIER_SUBJECTS = frozenset(
    {"most", "many", "some", "others", "few", "several", "all", "both", "each", "one"}
)


def _source_from_subject(subject: Token, context: DocumentContext, index: int) -> str | None:
    """'Reports from the NIS indicate' -> the NIS; 'Chinese customs figures show' -> Chinese
    customs; 'data compiled by X' -> X; else the subject itself."""
    if subject.lower_ in lx.SOURCE_NOUNS:
        return _owner_of_source_noun(subject, context, index)
    if subject.lower_ in ("it", "this") or subject.lower_ in _QUANTIFIER_SUBJECTS:
        return None  # "most say", "many believe": no one in particular
    return _name(subject, context, index)


def _owner_of_source_noun(noun: Token, context: DocumentContext, index: int) -> str | None:
    """Who a report, estimate or data set belongs to, when the phrase says."""
    for child in noun.children:
        made = child.lemma_.lower() in ("compile", "publish", "collect", "produce", "release")
        if child.dep_ == "acl" and made:  # "data compiled by X", "figures published by X"
            for agent in (c for c in child.children if c.dep_ in ("agent", "prep")):
                pobj = [c for c in agent.children if c.dep_ == "pobj"]
                if pobj and agent.lower_ == "by":
                    return _name(pobj[0], context, index)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return _name(pobj[0], context, index)
        if child.dep_ == "poss":
            if child.lower_ in ("our", "my", "its", "their"):
                return None  # "our estimate": the author's own figure
            return _name(child, context, index)
    owners = [c for c in noun.lefts if c.dep_ in ("compound", "nmod", "amod")]
    if owners:  # "Korea Exchange data", "Chinese customs figures"; not "international trade data"
        doc = noun.doc
        first = min(t.i for o in owners for t in o.subtree)
        words = doc[first : noun.i]
        named = any(
            t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP") or t.lower_ in _INSTITUTIONS
            for t in words
        )
        return words.text if named else None
    return None


def _name(head: Token, context: DocumentContext, index: int) -> str | None:
    """The name the text gives, without determiners ('Defense Minister Shin Won-sik')."""
    if head.lower_ in _PRONOUNS:
        return _resolve_pronoun(head, context, index)
    named = _named_entity_near(head)
    if named is not None:
        return named
    left = [t for t in head.subtree if t.i <= head.i and t.dep_ != "det"]
    if left and left[0].tag_ in ("PRP$",):
        left = left[1:]
    text = head.doc[left[0].i : head.i + 1].text if left else head.text
    # Keep a short "of X"/"for X" tail that is part of a name ("Institute for the Study of War").
    tail = [t for t in head.rights if t.dep_ == "prep" and t.lower_ in ("of", "for", "at")]
    if tail and head.ent_type_ in ("ORG", "") and head.pos_ == "PROPN":
        sub = list(tail[0].subtree)
        text = head.doc[left[0].i if left else head.i : sub[-1].i + 1].text
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"['’]s$", "", text).strip(' ,“”"')
    return text or None


def _named_entity_near(head: Token) -> str | None:
    """A common-noun source that a name follows: 'the consultancy Meridian Maritime',
    'analysts at Hanul Securities', 'the Brussels think tank Ostend Energy Forum'."""
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG"):
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None and ent.label_ in ("PERSON", "ORG") and ent.end - 1 > head.i:
            return ent.text  # the parse cut the name short
        return None
    doc = head.doc
    run = []
    for tok in doc[head.i + 1 : head.i + 6]:  # "the consultancy Meridian Maritime"
        if tok.pos_ != "PROPN":
            break
        run.append(tok)
    if run:
        return doc[run[0].i : run[-1].i + 1].text
    stop = min(len(doc), head.i + 6)
    for ent in doc.ents:
        if head.i < ent.start < stop and ent.label_ in ("ORG", "PERSON"):
            between = doc[head.i + 1 : ent.start]
            if all(t.pos_ in ("PROPN", "NOUN", "ADP", "DET", "ADJ") for t in between) and not any(
                t.text in (",", ";") for t in between
            ):
                return ent.text
    return None


def _resolve_pronoun(head: Token, context: DocumentContext, index: int) -> str | None:
    """'He noted ...' after 'According to Ambassador X, ...': the last named person."""
    doc = head.doc
    for ent in reversed(doc.ents):
        if ent.end <= head.i and ent.label_ == "PERSON":
            return ent.text
    return _last_person(index - 1, context) if index > 0 else None
