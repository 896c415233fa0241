"""What a figure counts, as a concept in a small taxonomy (data/taxonomy.yaml): deployed
troops, casualties (killed, wounded, captured), workers, entrants, shells, containers,
missiles, pay, revenue, trade (exports, imports), aid, oil (crude, refined products), coal,
gas, food...

    concept_for(item, unit, sentence, start=None, end=None) -> concept or None
    parent_of(c), lineage(c), comparable(a, b), is_subset(a, b), domain_of(c), kind_of(c)
    concepts_in(text) -> [(concept, start, end)]

Written by hand rather than learnt: the concepts decide which figures are ever put side by
side, so an analyst must be able to read and extend them; no library ships such a list for
the news this tool reads. Matching is on whole words with plural 's' folded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_DATA_PACKAGE = "claimledger.data"
_DATA_FILE = "taxonomy.yaml"
# Which kind of concept wins when several are named near one figure, by the figure's unit:
# a head count counts what happened to people, else who they are; money is money for a
# commodity, else a kind of payment; a share is a share of whatever it names.
KIND_RANK = {
    "count": {"event": 5, "group": 4, "object": 3, "commodity": 2, "flow": 1},
    "money": {"commodity": 5, "flow": 4},
    "other": {"commodity": 5, "event": 4, "flow": 3, "group": 2, "object": 1},
    "measure": {},  # a distance or a duration counts nothing the taxonomy holds
}
_MEASURE_UNITS = frozenset({"km", "mi", "m", "year", "month", "week", "day", "hour"})
_MONEY_RE = re.compile(r"^[A-Z]{3}$")
_REACH = 100  # characters either side of a figure in which its sentence names the concept
_ASIDE_RE = re.compile(r"\([^()]*\)")
# Where a figure's clause ends: punctuation, contrast, and the cues that start a list of parts.
_CLAUSE_RE = re.compile(
    r"[,;:\u2014\u2013]|\s-\s|\b(?:while|whereas|including|such as|made up of|consisting of|"
    r"comprised of|of which|among them|followed by|main|chief)\b",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(
    r"\d|(?<!the )\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|dozen)s?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Concept:
    """One node of the taxonomy."""

    name: str
    parent: str | None
    kind: str
    domain: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class _Taxonomy:
    concepts: dict[str, Concept]
    pattern: re.Pattern[str]
    by_word: dict[str, str]


def _load(text: str) -> _Taxonomy:
    data = yaml.safe_load(text) or {}
    concepts: dict[str, Concept] = {}
    by_word: dict[str, str] = {}
    for name, entry in (data.get("concepts") or {}).items():
        words = tuple(str(w).casefold() for w in entry.get("words") or ())
        concepts[name] = Concept(
            name=name,
            parent=entry.get("parent"),
            kind=entry.get("kind", "object"),
            domain=entry.get("domain", "other"),
            words=words,
        )
        for word in (name, *words):
            by_word.setdefault(word, name)
    for concept in concepts.values():
        if concept.parent is not None and concept.parent not in concepts:
            raise ValueError(f"{_DATA_FILE}: {concept.name}: unknown parent {concept.parent!r}")
    # Longest phrases first so 'crude oil' wins over 'oil', 'military aid' over 'aid'.
    alternatives = sorted(by_word, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alternatives)
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?:e?s)?(?![\w-])", re.IGNORECASE)
    return _Taxonomy(concepts, pattern, by_word)


@lru_cache(maxsize=1)
def taxonomy() -> _Taxonomy:
    """The packaged taxonomy, read once."""
    text = resources.files(_DATA_PACKAGE).joinpath(_DATA_FILE).read_text(encoding="utf-8")
    return _load(text)


def _word_concept(word: str) -> str | None:
    key = " ".join(word.casefold().split())
    by_word = taxonomy().by_word
    for candidate in (key, key[:-1], key[:-2]):
        if candidate in by_word:
            return by_word[candidate]
    return None


@lru_cache(maxsize=131072)
def concepts_in(text: str) -> tuple[tuple[str, int, int], ...]:
    """Every concept word in `text` as (concept, start, end), in order."""
    found = []
    for match in taxonomy().pattern.finditer(text or ""):
        concept = _word_concept(match.group())
        if concept is not None:
            found.append((concept, match.start(), match.end()))
    return tuple(found)


def names() -> list[str]:
    """Every concept, in the order of the data file."""
    return list(taxonomy().concepts)


def parent_of(concept: str | None) -> str | None:
    """The concept one level up ('killed' -> 'casualties'), None at the top."""
    node = taxonomy().concepts.get(concept or "")
    return node.parent if node is not None else None


def lineage(concept: str | None) -> list[str]:
    """The concept and its ancestors, nearest first: 'crude' -> ['crude', 'oil', 'fossil fuels']."""
    out: list[str] = []
    while concept is not None and concept not in out:
        out.append(concept)
        concept = parent_of(concept)
    return out


def kind_of(concept: str | None) -> str | None:
    node = taxonomy().concepts.get(concept or "")
    return node.kind if node is not None else None


def domain_of(concept: str | None) -> str | None:
    """The broad domain a concept belongs to: people, materiel, money, commodities..."""
    node = taxonomy().concepts.get(concept or "")
    return node.domain if node is not None else None


def comparable(a: str | None, b: str | None) -> bool:
    """True when two figures count the same concept (and may be compared value to value)."""
    return a is not None and a == b


def is_subset(part: str | None, whole: str | None) -> bool:
    """True when `part` is a strict sub-concept of `whole` (killed of casualties)."""
    return part is not None and whole is not None and part != whole and whole in lineage(part)


def siblings(a: str | None, b: str | None) -> bool:
    """Two different concepts under one parent (killed and wounded)."""
    pa = parent_of(a)
    return a != b and pa is not None and pa == parent_of(b)


def _choose(found: list[tuple[str, int]], unit: str) -> str | None:
    """The strongest kind, and the nearest concept of that kind."""
    if not found:
        return None
    ranks = KIND_RANK[_unit_kind(unit)]
    found = [cd for cd in found if ranks.get(kind_of(cd[0]) or "", 0) > 0]
    if not found:
        return None  # "$2,000 for each soldier" names no kind of money: the item decides
    ranked = sorted(
        found, key=lambda cd: (-ranks.get(kind_of(cd[0]) or "", 0), cd[1], -len(lineage(cd[0])))
    )
    best = ranked[0][0]
    rank = ranks.get(kind_of(best) or "", 0)
    deeper = [c for c, _ in ranked if is_subset(c, best) and ranks.get(kind_of(c) or "", 0) == rank]
    return max(deeper, key=lambda c: len(lineage(c))) if deeper else best


def _unit_kind(unit: str) -> str:
    if unit == "count":
        return "count"
    if unit in _MEASURE_UNITS:
        return "measure"
    return "money" if _MONEY_RE.match(unit or "") else "other"


def _blank_asides(text: str, keep: tuple[int, int]) -> str:
    """Parenthesised asides blanked (offsets kept), except the one holding `keep`:
    "spent 102.5 billion euro (about Rs 1.5 lakh crore) on buying crude" reads past the aside."""

    def blank(match: re.Match[str]) -> str:
        if match.start() <= keep[0] and keep[1] <= match.end():
            return match.group()
        return " " * len(match.group())

    return _ASIDE_RE.sub(blank, text)


@lru_cache(maxsize=131072)
def clause_around(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The words before and after a figure that belong to it: up to the nearest clause mark
    or other figure on each side (an aside's figure reads the words before its host)."""
    text = _blank_asides(sentence, (start, end))
    inside = text.rfind("(", 0, start) > text.rfind(")", 0, start)
    before_from = max(0, start - _REACH)
    before = text[before_from:start]
    if inside:
        before = before[: before.rfind("(")] if "(" in before else before
    cuts = [m.end() for m in _CLAUSE_RE.finditer(before)]
    if not inside:
        cuts += [m.end() for m in _NUMBER_RE.finditer(before)]
    before = before[max(cuts) :] if cuts else before
    after = text[end : end + _REACH]
    if inside and ")" in after:
        after = after[: after.index(")")]
    stops = [m.start() for m in _CLAUSE_RE.finditer(after)]
    stops += [m.start() for m in _NUMBER_RE.finditer(after)]
    after = after[: min(stops)] if stops else after
    return before, after


@lru_cache(maxsize=131072)
def concept_for(
    item: str | None,
    unit: str,
    sentence: str = "",
    start: int | None = None,
    end: int | None = None,
) -> str | None:
    """The concept a figure counts, from its item and the words of its sentence near it.

    `start`/`end` are the figure's offsets in `sentence`: then only the words of its own
    clause are read (up to a comma, another figure...); without them the whole sentence is.
    A word counts by its distance from the figure; the item decides when the clause is mute.
    """
    found: list[tuple[str, int]] = []
    if sentence and start is not None and end is not None:
        found.extend((c, 0) for c, _, _ in concepts_in(sentence[start:end]))
        before, after = clause_around(sentence, start, end)
        found.extend((c, len(before) - e) for c, _, e in concepts_in(before))
        found.extend((c, s) for c, s, _ in concepts_in(after))
    elif sentence:
        found.extend((c, s) for c, s, _ in concepts_in(sentence))
    # The item is the extractor's reading of the same words: it decides only when the
    # figure's own clause names nothing the taxonomy knows.
    return _choose(found, unit) or _choose([(c, 0) for c, _, _ in concepts_in(item or "")], unit)


__all__ = [
    "Concept",
    "comparable",
    "concept_for",
    "clause_around",
    "concepts_in",
    "domain_of",
    "is_subset",
    "kind_of",
    "lineage",
    "names",
    "parent_of",
    "siblings",
    "taxonomy",
]
