"""The time frame a report runs on: figures that a sentence leaves undated take the frame the
article stated for the report they belong to (../shared/dev/README.md, judgement call 9).

A sentence-local reader (`timeref.when_for`) dates a figure from its own sentence. This
document pass reads the sentences in order and keeps the frame in force: the dates of the
figures just read, or a report date stated without a figure ("the agency briefed lawmakers on
Monday"). A figure whose sentence names no time at all takes that frame; a sentence that names
a time of its own (even one we cannot resolve, "since their deployment") keeps its own answer.
The frame lapses at a sentence that is neither a figure nor a report date (background), and a
question used as a sub-heading passes it through. The lead takes the frame of the sentence
right after it when that sentence opens the report it summarises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from claimledger.extract import dates, timeref
from claimledger.extract import lexicon as lx
from claimledger.extract.concepts import CONCEPTS, concept_of
from claimledger.model import Claim, Document

_UNFRAMED_UNITS = frozenset({*lx.DURATION_UNITS, "km", "mi"})


class _Sentence(Protocol):
    start: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class SentenceTime:
    """What a sentence says about time by itself."""

    named: bool  # it names a time, resolvable or not
    report_when: str | None  # the report date it states (weekday, "currently"), resolved


_UNRESOLVED_RE = re.compile(
    r"^\W*(?:earlier|previously|later|before\s+that|in\s+the\s+past)\b|\bsince\b", re.IGNORECASE
)


def sentence_time(text: str, doc: Document) -> SentenceTime:
    """Whether `text` names a time of its own, and the report date it states if any."""
    published = doc.published
    found = dates.document_dates(text, doc.text, published)
    weekday = timeref.weekday_in(text, published) if published else None
    relative = timeref.relative_in(text, published) if published else None
    since = [m for m in re.finditer(r"\bsince\b", text, re.I) if not _comparative(text, m)]
    unresolved = bool(since) or bool(_UNRESOLVED_RE.match(text))
    named = bool(found or weekday or relative or unresolved or timeref.has_month(text))
    return SentenceTime(named=named, report_when=weekday or relative)


def _comparative(text: str, m: re.Match[str]) -> bool:
    return dates.comparative_since(text, m.end() + 1)


def carry_frames(claims: Sequence[Claim], sentences: Sequence[_Sentence], doc: Document) -> None:
    """Give undated figures the time frame of the report they continue (in place)."""
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sent_start, []).append(claim)
    frame: str | None = None
    setters: list[Claim] = []  # the figures whose date the frame is; none for a report date
    gap = 0  # sentences read since the frame was set (questions used as sub-headings aside)
    frames: list[str | None] = []  # the frame each sentence leaves in force
    times = [sentence_time(s.text, doc) for s in sentences]
    for sent, time in zip(sentences, times, strict=True):
        own = by_sentence.get(sent.start, [])
        gap += 0 if sent.text.rstrip().endswith("?") else 1
        if not own:
            if time.named:
                frame, setters, gap = time.report_when, [], 0
            frames.append(frame)
            continue
        if not time.named and frame is not None:
            opens, adds = continues_report(sent.text)
            for claim in own:
                more = not setters or any(c.unit == claim.unit for c in setters)
                go_on = opens or (adds and more)
                if _framed(claim) and (go_on or _same_report(claim, setters, gap)):
                    claim.when = claim.when or frame
        elif frame is not None and "/" in frame:
            _narrow_open_spans(own, frame, doc.published)
        dated = [c for c in own if c.when]
        if dated or time.named:  # an undated sentence that names no time leaves the frame be
            frame, setters, gap = (dated[0].when if dated else None), dated, 0
        frames.append(frame)
    _lead_from_next(by_sentence, sentences, times, frames)


def _framed(claim: Claim) -> bool:
    """Amounts and counts belong to a report's period; lengths, durations and rates
    describe a thing whatever the period ('a detour of 6,000 km', '$300 a month')."""
    return claim.unit not in _UNFRAMED_UNITS and claim.per is None


_OPENER_RE = re.compile(
    r"^\W*(?:" + "|".join(re.escape(w) for w in lx.CONTINUATION_OPENERS) + r")\b", re.IGNORECASE
)
_ADVERB_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in lx.CONTINUATION_ADVERBS) + r")\s+[a-z]+(?:ed|ied)\b"
)


def continues_report(text: str) -> tuple[bool, bool]:
    """Whether a sentence opens as a continuation of the report before ('This comprised
    ...', not an expletive 'It is possible that ...'), and whether it adds to it ('also
    fell': more of the same kind)."""
    opens = bool(_OPENER_RE.match(text)) and not _EXPLETIVE_RE.match(text)
    return opens, bool(_ADVERB_RE.search(text))


_EXPLETIVE_RE = re.compile(
    r"^\W*it\s+(?:is|was|would|will|could|may|might|seems|appears|remains)\b",
    re.IGNORECASE,
)


def _same_report(claim: Claim, setters: list[Claim], gap: int) -> bool:
    """The figure belongs to the report the frame was stated for: a report date and a
    figure someone reports, the same source, or more of the same money."""
    if not setters:
        return _reported(claim) and gap <= 1
    return any(_same_source(claim, s) or _same_kind(claim, s, gap) for s in setters)


def _reported(claim: Claim) -> bool:
    return claim.source is not None or claim.modality == "reported"


def _same_source(claim: Claim, other: Claim) -> bool:
    words = [set(re.findall(r"[a-z]{4,}", (c.source or "").lower())) for c in (claim, other)]
    return bool(words[0] & words[1])


def _same_kind(claim: Claim, other: Claim, gap: int) -> bool:
    """More of the same money: one currency, and one concept where both name a known one
    (or, in the very next sentence, where either leaves it open)."""
    if not claim.currency or claim.unit != other.unit:
        return False
    concepts = [concept_of(c.item, c.unit) for c in (claim, other)]  # the concept stage runs later
    # Revenue names no kind of money: a seller's revenue is its buyers' purchases.
    concepts = [None if c == "revenue" else c for c in concepts]
    known = [c for c in concepts if c in CONCEPTS]
    if len(known) == 2:
        return known[0] == known[1]
    return gap <= 1 and (len(known) == 0 or concepts[1] not in CONCEPTS)


def _narrow_open_spans(own: list[Claim], frame: str, published: str | None) -> None:
    """'since the start of the year' after a report of January-July: the report's span."""
    if not published:
        return
    for claim in own:
        when = claim.when or ""
        if "/" in when and when.endswith(published[:7]) and when[:7] == frame[:7]:
            claim.when = frame


def _lead_from_next(
    by_sentence: dict[int, list[Claim]],
    sentences: Sequence[_Sentence],
    times: list[SentenceTime],
    frames: list[str | None],
) -> None:
    """The lead summarises the report the next sentence opens: it takes that frame."""
    if len(sentences) < 2 or times[0].named or times[1].report_when is None:
        return
    if sentences[1].paragraph != sentences[0].paragraph or frames[1] is None:
        return
    for claim in by_sentence.get(sentences[0].start, []):
        if _reported(claim):
            claim.when = claim.when or frames[1]
