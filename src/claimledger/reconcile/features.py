"""What cross-checking needs to know about one claim, computed once: its block key, its
intervals, who it is about, its modifiers, its time and whether it is a running total.

The block key is a pure function of four stored columns (concept, item, unit, per), so the
database can compute and index it (store/blocking.py registers it as an SQL function).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimledger import taxonomy
from claimledger.model import Claim
from claimledger.parties import PartyRegistry
from claimledger.reconcile import scope
from claimledger.reconcile.lexicon import (
    CONCEPT_FAMILIES,
    CUMULATIVE_RE,
    MEASURE_WORDS,
    NEUTRAL_WORDS,
    SUBJECT_FAMILIES,
    SUBJECTS,
    TOTAL_RE,
    WINDOW_RE,
)
from claimledger.reconcile.values import Span, spans, unit_family

_WORD_RE = re.compile(r"[a-z][a-z'’-]*")
# fmt: off
_PREPOSITIONS = frozenset(
    {"of", "in", "to", "from", "for", "with", "by", "on", "at", "since", "against", "over",
     "into", "across", "between", "under", "during", "via", "per", "as", "that", "which"}
)
# fmt: on
_CUE_REACH = 120  # characters either side of a figure in which a scope cue counts


def singular(word: str) -> str:
    """A cheap singular: 'brigades' -> 'brigade', 'countries' -> 'country', 'loss' kept."""
    word = word.strip("'’-")
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("shes", "ches", "xes", "sses")):
        return word[:-2]
    if word.endswith("men"):
        return word[:-3] + "man"
    return word[:-1] if word.endswith("s") else word


def _is_content(word: str) -> bool:
    return word not in NEUTRAL_WORDS and word not in _PREPOSITIONS and not word.isdigit()


def _verbal(word: str) -> bool:
    return word.endswith(("ed", "ing")) and singular(word) not in CONCEPT_FAMILIES


@lru_cache(maxsize=65536)
def item_words(item: str | None) -> tuple[str, frozenset[str]]:
    """(head word, modifier words) of an item, all singular: 'coal briquette exports' ->
    ('export', {'coal', 'briquette'}); 'pieces of specialized equipment' -> ('equipment', ...)."""
    if not item:
        return "", frozenset()
    words = _WORD_RE.findall(item.casefold())
    segment = words
    if "of" in words:
        cut = words.index("of")
        before = [w for w in words[:cut] if _is_content(w)]
        if not before or singular(before[-1]) in MEASURE_WORDS:
            segment = words[cut + 1 :]
    head_part: list[str] = []
    for word in segment:
        if word in _PREPOSITIONS and head_part:
            break
        if _is_content(word) and not _verbal(word):
            head_part.append(word)
    head = singular(head_part[-1]) if head_part else ""
    modifiers = frozenset(
        singular(w) for w in words if _is_content(w) and singular(w) != head and len(w) > 2
    )
    modifiers -= MEASURE_WORDS
    return head, modifiers


@lru_cache(maxsize=65536)
def family_of(concept: str | None, item: str | None) -> str | None:
    """The concept family that blocks a claim: the item's head when the lexicon knows it
    (brigades are formations, not troops), else the extractor's concept, else the head."""
    head = item_words(item)[0]
    if head in CONCEPT_FAMILIES:
        return CONCEPT_FAMILIES[head]
    for text in (concept, item):
        if not text:
            continue
        head = item_words(text)[0] if text is item else singular(text.casefold().split()[-1])
        if head:
            return CONCEPT_FAMILIES.get(head, head)
    return None


@lru_cache(maxsize=65536)
def block_key(concept: str | None, item: str | None, unit: str, per: str | None) -> str | None:
    """Claims that may speak of one quantity share this key; None leaves a claim unblocked.

    The key is coarse (the taxonomy's domain, the unit family, rate or stock) because a
    figure's concept also reads its sentence ("300 soldiers killed" counts the killed):
    the block is split by concept in Python, once the sentences are at hand."""
    family = unit_family(unit)[0]
    if family.startswith("money") or family == "percent":
        domain = family
    else:
        found = taxonomy.concept_for(item, unit) or taxonomy.concept_for(concept, unit)
        domain = taxonomy.domain_of(found) or family_of(concept, item)
    if domain is None:
        return None
    return f"{domain}|{family}|{'rate' if per else 'stock'}"


def when_range(when: str | None) -> tuple[int, int] | None:
    """'2024' -> months of 2024; '2024-06' -> June 2024; '2017/2022' -> 2017-01..2022-12."""
    if not when:
        return None
    parts = when.split("/")
    try:
        first = [int(x) for x in parts[0].split("-")[:2]]
        last = [int(x) for x in parts[-1].split("-")[:2]]
    except ValueError:
        return None
    lo = first[0] * 12 + (first[1] - 1 if len(first) > 1 else 0)
    hi = last[0] * 12 + (last[1] - 1 if len(last) > 1 else 11)
    return lo, hi


def scope_cue(claim: Claim, sentence: str) -> str | None:
    """'total' (in total, altogether), 'cumulative' (so far, since), 'window' (in the past
    year), or None."""
    if not sentence:
        return None
    at = claim.start - claim.sent_start
    end = claim.end - claim.sent_start
    lo, hi = max(0, at - _CUE_REACH), min(len(sentence), end + _CUE_REACH)
    best: tuple[int, str] | None = None
    patterns = ((TOTAL_RE, "total"), (CUMULATIVE_RE, "cumulative"))
    if not claim.per:
        patterns += ((WINDOW_RE, "window"),)
    for pattern, name in patterns:
        for match in pattern.finditer(sentence, lo, hi):
            if at <= match.start() < end:
                continue  # the figure's own words ("a month" in "$800 a month")
            distance = min(abs(match.start() - end), abs(match.end() - at))
            if name in ("cumulative", "total"):
                distance -= _CUE_REACH  # a running total outweighs a nearby date
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None


def subject_of(claim: Claim, sentence: str, family: str | None) -> str | None:
    """Who a people or pay figure is about: soldiers, mercenaries or workers."""
    if family not in SUBJECT_FAMILIES:
        return None
    for word in _WORD_RE.findall((claim.item or "").casefold()):
        if singular(word) in SUBJECTS:
            return SUBJECTS[singular(word)]
    if not sentence:
        return None
    at = claim.start - claim.sent_start
    best: tuple[int, str] | None = None
    for match in _WORD_RE.finditer(sentence.casefold()):
        subject = SUBJECTS.get(singular(match.group()))
        if subject is not None:
            distance = abs(match.start() - at)
            if best is None or distance < best[0]:
                best = (distance, subject)
    return best[1] if best else None


@dataclass
class ClaimView:
    """A stored claim with the features every comparison reads."""

    claim: Claim
    row_id: int
    sentence: str
    key: str | None
    family: str | None
    head: str
    modifiers: frozenset[str]
    tight: Span | None
    loose: Span | None
    subject: str | None
    cue: str | None
    modality: str
    when: tuple[int, int] | None
    origin: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    concept: str | None = None  # the taxonomy's concept, read from item and clause
    flow: str | None = None  # for money: pay, revenue, aid, imports... when named
    party: str | None = None  # the country the figure is about
    context_parties: frozenset[str] = frozenset()  # from the figure before, when it names none
    phase: str | None = None  # 'start' or 'end' of a change
    part: bool = False  # counts some of a group named before
    aspects: frozenset[str] = frozenset()
    below: bool = False
    change: bool = False  # a percent change, not a share
    stage: str | None = None  # 'order' (agreed, capped) or 'delivery' (carried out)
    days: tuple[int, int] | None = None  # the stated time, in days
    published: tuple[int, int] | None = None  # the article's date, in days

    @property
    def label(self) -> str:
        """How a note names the claim: the quote and its document."""
        return f"'{self.claim.quote}' ({self.claim.doc})"


def _flow(claim: Claim, sentence: str) -> str | None:
    """The kind of money a money figure is (pay, aid...), when its clause names one."""
    if not unit_family(claim.unit)[0].startswith("money"):
        return None
    at, end = claim.start - claim.sent_start, claim.end - claim.sent_start
    before, after = taxonomy.clause_around(sentence, at, end) if sentence else ("", "")
    text = " ".join((before, claim.quote, after))
    flows = [c for c, _, _ in taxonomy.concepts_in(text) if taxonomy.kind_of(c) == "flow"]
    return taxonomy.lineage(flows[0])[-1] if flows else None


def view_of(
    claim: Claim,
    sentence: str | None = None,
    row_id: int = 0,
    *,
    registry: PartyRegistry | None = None,
    published: str | None = None,
) -> ClaimView:
    """The features of one claim; `sentence` is the text of its sentence when known."""
    sentence = sentence or ""
    family = family_of(claim.concept, claim.item)
    head, modifiers = item_words(claim.item)
    below = scope.below_value(claim)
    found = spans(claim, below)
    at, end = claim.start - claim.sent_start, claim.end - claim.sent_start
    concept = taxonomy.concept_for(claim.item, claim.unit, sentence, at, end) if sentence else (
        taxonomy.concept_for(claim.item, claim.unit))  # fmt: skip
    modality = claim.modality if claim.modality in ("speculative", "denied") else "reported"
    return ClaimView(
        claim=claim,
        row_id=row_id,
        sentence=sentence,
        key=block_key(claim.concept, claim.item, claim.unit, claim.per),
        family=family,
        head=head,
        modifiers=modifiers,
        tight=found[0] if found else None,
        loose=found[1] if found else None,
        subject=subject_of(claim, sentence, family),
        cue=scope_cue(claim, sentence),
        modality=modality,
        when=when_range(claim.when),
        concept=concept,
        flow=_flow(claim, sentence),
        party=scope.lead_country(claim, sentence, registry) if registry else None,
        phase=scope.phase_of(claim, sentence),
        part=scope.is_part(claim, sentence),
        aspects=scope.aspects_of(claim, sentence),
        below=below,
        change=scope.is_change(claim, sentence),
        stage=scope.stage_of(claim, sentence),
        days=scope.day_range(claim.when),
        published=scope.day_range(published),
    )
