"""A document's body as sentences: page furniture left out, hard-wrapped lines joined back,
abbreviations and footnote markers kept from ending a sentence.

spaCy's rule-based sentencizer does the splitting; the line handling around it is ours
because no library joins PDF/wire-copy wrapping or drops page furniture by these rules.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from claimledger.extract import nlp
from claimledger.extract.context import Sentence
from claimledger.model import Document

# Lines that are page furniture rather than prose: tags, credits, share buttons.
_FURNITURE_RE = re.compile(
    r"^\s*(?:tags?|topics?|image source|photo|credit|read also|read more|click here|"
    r"share|you may also like|leave a comment|editors'? picks|latest posts|related|"
    r"subscribe|follow us|copyright|©)\b|^\s*\[\d+\]",  # footnote lines: "[14] Institute ..."
    re.IGNORECASE,
)
_FOOTNOTE_BREAK_RE = re.compile(r"[.!?]\[\d{1,3}\]")
_PARAGRAPH_NUMBER_RE = re.compile(r"\(?\d{1,3}[.)]|[ivxlc]{1,6}[.)]", re.IGNORECASE)
_TERMINAL_RE = re.compile(r"[.!?…:;\"”’)]\s*$")


def split_sentences(doc: Document) -> list[Sentence]:
    """Body sentences with absolute offsets; headings and page furniture are left out."""
    out: list[Sentence] = []
    splitter = nlp.splitter()
    paragraph = 0
    for start, end in _logical_lines(doc.text, doc.body_start):
        text = doc.text[start:end]
        if not text.strip() or _is_furniture(text):
            continue
        paragraph += 1
        line_base = start
        # A footnote marker after a full stop ("in 2023.[12] At the ...") hides the sentence
        # end from the sentencizer: cut the line there first.
        cuts = [0, *(m.end() for m in _FOOTNOTE_BREAK_RE.finditer(text)), len(text)]
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            chunk, base = text[lo:hi], line_base + lo
            if not chunk.strip():
                continue
            for sent in _merge_abbreviations(list(splitter(chunk).sents)):
                s_text = sent.text
                if not s_text.strip() or _PARAGRAPH_NUMBER_RE.fullmatch(s_text.strip()):
                    continue  # blank, or a numbered paragraph's marker split off as a sentence
                out.append(
                    Sentence(base + sent.start_char, base + sent.end_char, s_text, paragraph)
                )
    return out


def _logical_lines(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of the body's lines, with hard-wrapped lines joined back into their paragraph
    (PDF text and wire copy wrap at a fixed width: 'Russia pays\\neach soldier ...')."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[start:])]
    out: list[list[int]] = []
    for lo, hi in lines:
        lo, hi = lo + start, hi + start
        if out and _wraps_into(text[out[-1][0] : out[-1][1]], text[lo:hi], text, out[-1][1], lo):
            out[-1][1] = hi
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _wraps_into(previous: str, line: str, text: str, prev_end: int, line_start: int) -> bool:
    blank_between = re.search(r"\n[ \t\r]*\n", text[prev_end : line_start + 1]) is not None
    if blank_between or not line.strip() or _TERMINAL_RE.search(previous):
        return False
    if re.match(r"\s*(?:[-•*▪–—]|\(?[a-z\d]{1,2}[.)])\s", line):  # the next item of a list
        return False  # a blank line or a full stop ends the paragraph
    first = line.lstrip()[:1]
    if first.islower() or first.isdigit() or first in "$€£(":
        return True
    words = previous.split()
    capitalised = sum(w[:1].isupper() for w in words) / max(1, len(words))
    return len(previous.strip()) >= 40 and capitalised < 0.6  # a line of prose, not a heading


_ABBREVIATION_END_RE = re.compile(
    r"\b(?:No|Nos|Art|Para|Fig|Vol|Sec|approx|Gen|Lt|Col|Sgt|Maj|Capt|Adm|Rep|Sen|Gov|Dr|Mr|Mrs"
    r"|Ms|Prof|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Ltd|Co|vs)\.$"
)


def _merge_abbreviations(sents: list[Span]) -> list[Span]:
    """Undo a split after an abbreviation the sentencizer took for a full stop ('No. 1117')."""
    out: list[Span] = []
    for sent in sents:
        if out and _ABBREVIATION_END_RE.search(out[-1].text.rstrip()):
            out[-1] = out[-1].doc[out[-1].start : sent.end]
        else:
            out.append(sent)
    return out


def _is_furniture(line: str) -> bool:
    if _FURNITURE_RE.match(line):
        return True
    if _BULLET_RE.match(line):
        return False  # "- 10,000 troops deployed": a list item of a report, not a heading
    # A short line without closing punctuation is a heading, a byline or a menu.
    return not (_TERMINAL_RE.search(line) or len(line.split()) > 14)


_BULLET_RE = re.compile(r"^\s*(?:[-•*▪–—]|\(?[a-z\d]{1,2}[.)])\s+\S.*\d")
