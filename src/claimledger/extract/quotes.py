"""Quotations of a document and who speaks them: '"...," the ministry said.' and
'X said: "..."', with an unattributed quotation that follows an attributed one in the
same paragraph ('"A," X said. "B."') kept with its speaker.

Regular expressions over the text, not the parse: most quotation sentences hold no
figure and are never parsed, and no library pairs quotations with speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.extract import lexicon as lx

_SPEECH = "|".join(sorted(lx.QUOTE_SPEECH_VERBS, key=len, reverse=True))
_SPEAKER = r"(?:the\s+|a\s+|an\s+)?[\w.'’-]+(?:\s+(?!(?:" + _SPEECH + r")\b)[\w.'’-]+){0,7}?"
# '," the authors of the study note' / '," it said' / '," said Smith'
_AFTER_RE = re.compile(
    rf"^[\s,]*(?:(?P<who>{_SPEAKER})\s+(?:has\s+|had\s+)?(?:{_SPEECH})\b"
    rf"|(?:{_SPEECH})\s+(?P<inverted>{_SPEAKER})\s*[.,;])",
    re.IGNORECASE,
)
# 'Smith said: "' / 'the minister told reporters, "'
_BEFORE_RE = re.compile(
    rf"(?P<who>{_SPEAKER})\s+(?:{_SPEECH})(?:\s+[\w'’-]+){{0,3}}\s*[,:]\s*$", re.IGNORECASE
)
_PAIRS = (("“", "”"), ('"', '"'))


@dataclass(frozen=True)
class Quotation:
    """A quoted passage (absolute offsets, marks excluded) and its speaker as written."""

    start: int
    end: int
    speaker: str | None
    words: int


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation in the text, in order, with its speaker where the text names one."""
    spans: list[tuple[int, int]] = []
    for opening, closing in _PAIRS:
        at = 0
        while (lo := text.find(opening, at)) >= 0:
            hi = text.find(closing, lo + 1)
            if hi < 0:
                break
            if "\n\n" not in text[lo:hi]:
                spans.append((lo + 1, hi))
            at = hi + 1
    spans.sort()
    out: list[Quotation] = []
    for lo, hi in spans:
        if out and lo < out[-1].end:
            continue  # a straight quote inside a curly one
        speaker = _speaker_after(text, hi + 1) or _speaker_before(text, lo - 1)
        if speaker is None and out and _follows(text, out[-1], lo):
            speaker = out[-1].speaker  # '"A," X said. "B."': B is X's too
        out.append(Quotation(lo, hi, speaker, len(text[lo:hi].split())))
    return out


def _speaker_after(text: str, at: int) -> str | None:
    m = _AFTER_RE.match(text[at : at + 120])
    if m is None:
        return None
    who = m.group("who") or m.group("inverted")
    return _clean(who)


def _speaker_before(text: str, at: int) -> str | None:
    line_start = max(text.rfind("\n", 0, at), text.rfind(".", 0, at)) + 1
    m = _BEFORE_RE.search(text[line_start:at])
    return _clean(m.group("who")) if m else None


def _clean(who: str | None) -> str | None:
    if who is None:
        return None
    who = re.sub(r"^(?:the|a|an)\s+", "", who.strip(" ,"), flags=re.IGNORECASE)
    return who or None


def _follows(text: str, previous: Quotation, start: int) -> bool:
    """The quotation opens in the same paragraph right after the sentence that attributed
    the one before it."""
    between = text[previous.end : start]
    return "\n" not in between and len(between) < 160 and previous.speaker is not None


def quotation_at(quotations: list[Quotation], start: int, end: int) -> Quotation | None:
    """The quotation holding the span, if any."""
    for quote in quotations:
        if quote.start <= start and end <= quote.end:
            return quote
    return None
