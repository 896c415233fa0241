"""Who a figure comes from: its source, read from the parse and the whole document.

Attribution is read on every clause above the figure ("X said that ... the figure"), on a
speech verb set off by a comma ("..., the minister told reporters"), on the quotation
holding it, and on the sentence's citations ("according to X", "quoting X"); the name is
then resolved through the document's mention table ("the minister" -> who was given
that role). How firmly the figure is put is `modality.py`'s.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimledger.extract import lexicon as lx
from claimledger.extract.context import DocumentContext
from claimledger.extract.mentions import source_name
from claimledger.extract.modality import modality_of
from claimledger.extract.numbers import Quantity
from claimledger.extract.quotes import quotation_at

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


def source_and_modality(
    span: Span, q: Quantity, index: int, context: DocumentContext
) -> tuple[str | None, str]:
    """The figure's source (as the text names it) and its modality."""
    anchor = span.root
    source, reported = _source(anchor, context, index)
    sent_start = context.sentences[index].start
    quote = quotation_at(context.quotations, sent_start + q.start, sent_start + q.end)
    if source is None and quote is not None and quote.speaker is not None:
        source = quote.speaker  # a quotation's speaker, across its sentences
    elif quote is not None and quote.words <= 3:
        reported = True  # scare quotes, no speaker: '"hundreds" of casualties'
    if source is not None:
        source = source_name(context.mentions, context.registry, source, index)
    return source, modality_of(span, index, context, attributed=reported or bool(source))


def _source(anchor: Token, context: DocumentContext, index: int) -> tuple[str | None, bool]:
    """The attributed source and whether any attribution cue governs the figure; a chained
    attribution names both ('Lee Seong-kweun, quoting the nation's spy agency')."""
    speaker, reported = _speaker(anchor, context, index)
    cited, how = _cited(anchor.doc, context, index)
    distinct = (
        speaker is not None
        and cited is not None
        and cited.lower() not in speaker.lower()
        and speaker.lower() not in cited.lower()
    )
    if distinct and how is not None:
        return f"{speaker}, {how} {cited}", True
    if speaker is not None:
        return speaker, True
    if how is not None:
        return cited, True
    return None, reported


def _cited(doc: Span, context: DocumentContext, index: int) -> tuple[str | None, str | None]:
    """Whom the sentence cites ('according to X', 'citing X', 'quoting X', 'as reported by X',
    'quoted X as saying') and how, as (name or None, 'citing'/'quoting'); (None, None) when
    it cites no one."""
    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.lower_ == "according" and nxt is not None and nxt.lower_ == "to":
            pobj = [c for c in nxt.children if c.dep_ == "pobj"]
            if pobj and pobj[0].lower_ in lx.SOURCE_NOUNS:
                # "according to reports": reported, but by no one in particular
                return _owner_of_source_noun(pobj[0], context, index), "citing"
            if pobj:
                return _name(pobj[0], context, index), "citing"
        if tok.lower_ in ("citing", "quoting") or (
            tok.lemma_.lower() == "quote" and any(c.lower_ == "as" for c in tok.children)
        ):
            how = "citing" if tok.lower_ == "citing" else "quoting"
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return _cited_name(obj, context, index), how
            run = _phrase_after(tok)  # parsers often miss the object of an opening participle
            if run:
                return run, how
        if tok.lower_ in ("reported", "cited") and tok.i > 0 and doc[tok.i - 1].lower_ == "as":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
            if pobj:
                return _cited_name(pobj[0], context, index), "citing"
    return None, None


def _phrase_after(tok: Token) -> str | None:
    """The words after `tok` up to the next punctuation, when they are a short phrase."""
    words = []
    for nxt in tok.doc[tok.i + 1 : tok.i + 8]:
        if nxt.is_punct:
            break
        words.append(nxt)
    if not words or len(words) > 6 or tok.doc[words[-1].i + 1 : words[-1].i + 2].text != ",":
        return None
    return tok.doc[words[0].i : words[-1].i + 1].text


def _cited_name(head: Token, context: DocumentContext, index: int) -> str | None:
    """A cited body as written, with its owner: "the nation's spy agency"."""
    if head.pos_ == "PROPN" or head.lower_ in _PRONOUNS:
        return _name(head, context, index)
    words = [t for t in head.subtree if t.i <= head.i]
    text = head.doc[words[0].i : head.i + 1].text if words else head.text
    return text or None


_HEDGE_LEMMAS = frozenset({"estimate", "believe", "report", "allege", "say", "think"})


def _speaker(anchor: Token, context: DocumentContext, index: int) -> tuple[str | None, bool]:
    """Who the clauses above the figure, or a speech verb set off by a comma, attribute it
    to; and whether any attribution cue governs it."""
    doc = anchor.doc
    hedged = False
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
            if lemma in _HEDGE_LEMMAS or lemma == "understand":
                hedged = True  # "is thought to keep": no one named here; a clause above may
    trailing = _trailing_speaker(anchor)
    if trailing is not None:
        return _source_from_subject(trailing, context, index), True
    if hedged:
        return None, True
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


def _trailing_speaker(anchor: Token) -> Token | None:
    """The subject of a speech verb set off by a comma that does not govern the figure in the
    parse: '..., South Korean Defense Minister X told Bloomberg News.', 'At the same time,
    the agency noted, exports fell by ...', '..., said the ministry.'"""
    doc = anchor.doc
    above = {a.i for a in anchor.ancestors}
    for verb in doc:
        if verb.i in above or verb.lemma_.lower() not in lx.SPEECH_VERBS or verb.pos_ != "VERB":
            continue
        beside = verb.dep_ in ("conj", "parataxis", "ccomp") and anchor not in verb.subtree
        if not beside and not (verb.dep_ == "ROOT" and anchor.i < verb.i):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in _QUANTIFIER_SUBJECTS or subject.pos_ == "DET":
            continue
        first = min(subject.left_edge.i, verb.i)
        last = verb.right_edge.i if verb.dep_ != "ROOT" else verb.i
        before = doc[first - 1].text if first > 0 else ""
        after = doc[last + 1].text if last + 1 < len(doc) else "."
        if before == "," and after in (",", ".", ";", "") and not (first <= anchor.i <= last):
            return subject
    return _trailing_by_words(anchor)


_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "ADP", "PART", "NUM"})


def _trailing_by_words(anchor: Token) -> Token | None:
    """The same frame read on the words when the parse has lost it: a comma after the
    figure, a short noun phrase, a speech word, then punctuation ('..., economists at X
    estimate, although ...')."""
    doc = anchor.doc
    for comma in (t for t in doc if t.text == "," and t.i > anchor.i):
        run: list[Token] = []
        for tok in doc[comma.i + 1 : comma.i + 11]:
            if tok.lemma_.lower() in lx.SPEECH_VERBS and run:
                after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                if after is None or after.is_punct:
                    nouns = [t for t in run if t.pos_ in ("NOUN", "PROPN")]
                    return nouns[0] if nouns else None
                break
            if tok.pos_ not in _NP_POS:
                break
            run.append(tok)
    return None


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj",)]
    if subjects:  # two subjects are a misparse ('Quoting officials, the BBC said'): the nearer
        return min(subjects, key=lambda t: abs(verb.i - t.i))
    noun_head = verb.head.pos_ in ("PROPN", "NOUN")
    if verb.dep_ == "acl" and noun_head and any(c.dep_ == "ccomp" for c in verb.children):
        return verb.head  # "Ukraine's special forces reported on Monday that ..."
    if verb.dep_ in ("relcl",) and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
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
    # "In February Seoul stated": a date the parse hung on the name is not part of it.
    left = [
        t
        for t in head.subtree
        if t.i <= head.i and t.dep_ != "det" and t.ent_type_ not in ("DATE", "TIME")
    ]
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
    """'He noted ...' after 'According to Ambassador X, ...': a person named before it in
    the sentence, else the pronoun itself for the mention table to resolve."""
    doc = head.doc
    for ent in reversed(doc.ents):
        if ent.end <= head.i and ent.label_ == "PERSON":
            return ent.text
    return head.text
