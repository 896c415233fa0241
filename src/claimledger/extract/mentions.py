"""The document's mention table: the people and bodies it names, with the roles and short
forms it gives them, so 'the minister', 'he', 'Lee' or 'the agency' can be resolved to the
name the article gave first ('Defense Minister Shin Won-sik ... the minister said').

spaCy gives the named entities; nothing in spaCy or the libraries we use links role nouns
and short forms back to them (neuralcoref is unmaintained for spaCy 3), so this small
resolver is ours: the most recent mention whose name, short form or role fits.
"""

from __future__ import annotations

import re

from claimledger.extract import lexicon as lx
from claimledger.extract.context import Mention, MentionKind, Sentence
from claimledger.parties import PartyRegistry

_KINDS: dict[str, MentionKind] = {"PERSON": "person", "ORG": "organisation", "GPE": "state"}
_WORD_RE = re.compile(r"[\w.'’-]+")
_ACRONYM_AFTER_RE = re.compile(r"^\s*\(([A-Z][A-Za-z]{1,9})\)")
_POSSESSIVE_RE = re.compile(r"['’]s$")
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
BODY_PRONOUNS = frozenset({"it", "they"})


def build_mentions(sentences: list[Sentence]) -> list[Mention]:
    """People, organisations and states in text order, merged by name and short form."""
    table: list[Mention] = []
    for index, sent in enumerate(sentences):
        for ent in sent.entities:
            kind = _KINDS.get(ent.label_)
            if kind is None:
                continue
            name = _POSSESSIVE_RE.sub("", ent.text.strip(" ,“”\"'")).strip()
            name = re.sub(r"^(?:the|The)\s+", "", name)
            name, _, short = name.partition("(")  # 'Harbour Authority (HA': the parse cut it
            name = name.strip()
            if not name or name.islower():
                continue
            if " " not in name and _person_named(table, name) is not None:
                kind = "person"  # a lone surname the recogniser took for a place or body
            mention = _same(table, name, kind)
            if mention is None:
                mention = Mention(name=name, kind=kind)
                table.append(mention)
            elif len(name.split()) > len(mention.name.split()) and kind == "person":
                mention.name = name  # 'Lee' first, 'Lee Seong-kweun' later: the full form
            if name not in mention.surfaces:
                mention.surfaces.append(name)
            mention.recent = name
            mention.sentences.append(index)
            acronym = _ACRONYM_AFTER_RE.match(sent.text[ent.end_char :])
            short = acronym.group(1) if acronym else short.strip(" )")
            if short and short.isupper() and short not in mention.surfaces:
                mention.surfaces.append(short)  # 'Centre for ... (CREA)'
            for role in _roles(sent.text, ent.start_char, ent.end_char, kind):
                if role not in mention.roles:
                    mention.roles.append(role)
        _surnames_in(table, sent.text, index)
    return table


def _person_named(table: list[Mention], word: str) -> Mention | None:
    for mention in reversed(table):
        parts = mention.name.split()
        if mention.kind == "person" and len(parts) > 1 and word in parts:
            return mention
    return None


def _surnames_in(table: list[Mention], text: str, index: int) -> None:
    """A person named again by surname only, where the recogniser missed it ('Lee said')."""
    words = set(_WORD_RE.findall(text))
    for mention in table:
        if mention.kind != "person" or index in mention.sentences:
            continue
        parts = mention.name.split()
        if len(parts) > 1 and parts[-1] in words or parts[0] in words and len(parts[0]) > 3:
            mention.sentences.append(index)


def _same(table: list[Mention], name: str, kind: MentionKind) -> Mention | None:
    words = name.split()
    for mention in reversed(table):
        if mention.kind != kind:
            continue
        if name in mention.surfaces or name == mention.name:
            return mention
        if kind == "person" and mention.kind == "person":
            theirs = mention.name.split()
            if _subsequence(words, theirs) or _subsequence(theirs, words):
                return mention
    return None


def _subsequence(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _roles(text: str, start: int, end: int, kind: MentionKind) -> list[str]:
    """Role phrases the sentence attaches to a name: a title before it ('South Korean Defense
    Minister X', 'research group X'), an apposition after it ('X, the agency's chief,') or
    before it ('A senior lawmaker, X, said')."""
    nouns = lx.PERSON_ROLE_NOUNS if kind == "person" else lx.BODY_ROLE_NOUNS
    out: list[str] = []
    before = _WORD_RE.findall(text[:start])
    title = _role_run(before, nouns)
    if title:
        out.append(title)
    after = re.match(r"^\s*,\s*((?:the|a|an)\s+[^,;.]{2,60}?)\s*(?:,|;|\.|$|\bwho\b)", text[end:])
    if after:
        phrase = _role_run(_WORD_RE.findall(after.group(1)), nouns)
        if phrase:
            out.append(phrase)
    appositive = re.search(r"(?:^|\b)((?:the|a|an)\s+[^,;.]{2,60}?)\s*,\s*$", text[:start])
    if appositive:
        phrase = _role_run(_WORD_RE.findall(appositive.group(1)), nouns)
        if phrase:
            out.append(phrase)
    return out


def _role_run(words: list[str], nouns: frozenset[str]) -> str | None:
    """The role phrase ending the word list ('... senior South Korean lawmaker'), when its
    last word is a role noun."""
    if not words or words[-1].lower().rstrip(".") not in nouns | {w.rstrip(".") for w in nouns}:
        return None
    run: list[str] = []
    for word in reversed(words):
        if word.lower() in lx.ROLE_STOP_WORDS or len(run) >= 6:
            break
        run.append(_POSSESSIVE_RE.sub("", word))
        if _POSSESSIVE_RE.search(word):
            break  # "the agency's chief": the owner starts a new phrase
    return " ".join(reversed(run)).lower() if run else None


def role_head(phrase: str) -> str | None:
    """The role noun a phrase ends with ('the senior South Korean lawmaker' -> lawmaker)."""
    words = _WORD_RE.findall(phrase.lower())
    if words and (words[-1] in lx.PERSON_ROLE_NOUNS or words[-1] in lx.BODY_ROLE_NOUNS):
        return words[-1]
    return None


def resolve(table: list[Mention], surface: str, index: int) -> Mention | None:
    """The mention a source phrase refers to, as of sentence `index`: a pronoun, a short form
    of a name, or a role the text gave someone; None when nothing fits."""
    text = re.sub(r"^(?:the|a|an)\s+", "", surface.strip(), flags=re.IGNORECASE)
    lower = text.lower()
    known = [m for m in table if m.sentences and m.sentences[0] <= index]
    if lower in PERSON_PRONOUNS | BODY_PRONOUNS:
        # A pronoun points back past its own sentence, whose names may come after it.
        kind = "person" if lower in PERSON_PRONOUNS else "organisation"
        earlier = [m for m in known if m.kind == kind and m.sentences[0] < index]
        return max(earlier, key=lambda m: _last_before(m, index - 1), default=None)
    for mention in sorted(known, key=lambda m: _last_before(m, index), reverse=True):
        if text in mention.surfaces or text == mention.name:
            return mention
        surname = mention.kind == "person" and text[:1].isupper() and " " not in text
        if surname and text in mention.name.split():
            return mention  # 'Lee said': the surname of a person named before
    head = role_head(lower)
    if head is None:
        return None
    if " " not in lower:  # 'the forum' after 'Ostend Energy Forum': the body it names
        named = [m for m in known if m.kind == "organisation" and head in m.name.lower().split()]
        if named:
            return max(named, key=lambda m: _last_before(m, index))
    fitting = [m for m in known if any(r == lower or r.split()[-1] == head for r in m.roles)]
    if not fitting:  # 'A senior lawmaker, X, said': the name comes after the role
        fitting = [m for m in table if index in m.sentences and any(r == lower for r in m.roles)]
    if not fitting and head in lx.BODY_ROLE_NOUNS and " " not in lower:
        # 'X has no staff there, the agency said': the body just named, if any
        fitting = [
            m for m in known if m.kind == "organisation" and _last_before(m, index) >= index - 1
        ]
    return max(fitting, key=lambda m: _last_before(m, index), default=None)


def _last_before(mention: Mention, index: int) -> int:
    return max((i for i in mention.sentences if i <= index), default=-1)


def source_name(
    table: list[Mention], registry: PartyRegistry, surface: str, index: int
) -> str | None:
    """How a source is written in the ledger: the name the article gave the person or body a
    pronoun, short name or role refers to, with a role that says more than its head noun kept
    beside it ('Helen Marsh (armed forces minister)'); an acronym beside its full name, from
    the text or the party registry ('International Monetary Fund (IMF)')."""
    mention = resolve(table, surface, index)
    bare = re.sub(r"^(?:the|a|an)\s+", "", surface.strip(), flags=re.IGNORECASE)
    if mention is None:
        if surface.strip().lower() in PERSON_PRONOUNS | BODY_PRONOUNS:
            return None
        return _beside_full_name(bare, None, registry)
    if role_head(bare) is not None and len(bare.split()) > 1 and bare not in mention.surfaces:
        return f"{mention.name} ({bare})"
    if mention.kind == "organisation":
        # 'it said' after '..., CREA said': the form the text used last
        form = bare if bare in mention.surfaces else (mention.recent or mention.name)
        return _beside_full_name(form, mention, registry)
    return mention.name


def _beside_full_name(form: str, mention: Mention | None, registry: PartyRegistry) -> str:
    if not (form.isupper() and " " not in form and len(form) <= 8):
        return form
    full = mention.name if mention is not None and not mention.name.isupper() else None
    party = registry.resolve(form) if full is None else None
    if party is not None and party.kind == "organisation" and party.name != form:
        full = party.name
    return f"{full} ({form})" if full else form


def _stems(verbs: frozenset[str]) -> tuple[str, ...]:
    # "estimate" -> "estimat", so "estimated", "estimates" match; "say" keeps "sa(id|ys)".
    return tuple(v[:-1] if v.endswith("e") else v for v in verbs) + ("said", "told")


_INTRODUCING_RE = re.compile(
    r"[\"“”]|\b(?:according|"
    + "|".join(
        sorted(map(re.escape, {*lx.PERSON_ROLE_NOUNS, *lx.BODY_ROLE_NOUNS}), key=len, reverse=True)
    )
    + r")s?\b|\b(?:"
    + "|".join(sorted(map(re.escape, _stems(lx.REPORTING_VERBS)), key=len, reverse=True))
    + r")\w*",
    re.IGNORECASE,
)


def introduces(text: str) -> bool:
    """Whether a sentence without a figure may introduce a source later sentences refer to:
    it names a role ('the minister'), speaks ('said', 'according to') or quotes. Only these
    are read by the entity recogniser, which costs a quarter of extraction otherwise."""
    return _INTRODUCING_RE.search(text) is not None
