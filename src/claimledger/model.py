"""The nouns of claimledger, defined once: every other module takes its fields from here."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

EXTRACTOR_VERSION = "0.1.0"

Qualifier = Literal["exact", "about", "over", "under", "at_least", "at_most", "up_to", "range"]
Modality = Literal["asserted", "reported", "speculative", "denied"]
Verdict = Literal["consistent", "conflict", "different_scope", "inconsistent"]

QUALIFIERS: tuple[str, ...] = (
    "exact",
    "about",
    "over",
    "under",
    "at_least",
    "at_most",
    "up_to",
    "range",
)
MODALITIES: tuple[str, ...] = ("asserted", "reported", "speculative", "denied")
VERDICTS: tuple[str, ...] = ("consistent", "conflict", "different_scope", "inconsistent")

# The keys of a figure in `extract --format jsonl`, in output order (DESIGN.md § Contracts).
GOLD_KEYS: tuple[str, ...] = (
    "doc",
    "quote",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "item",
    "per",
    "when",
    "source",
    "modality",
    "from",
    "to",
)


def normalise_text(text: str) -> str:
    """The form of a text that decides its identity: NFC, unified line ends, folded spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[ \t]+", " ", text).strip()


def document_id(text: str) -> str:
    """A content-derived id, so ingesting the same text twice is a no-op."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """A source text and what is known about it; `text` is exactly what offsets index."""

    id: str
    name: str  # the file stem, or "stdin"; the `doc` of its claims
    origin: str  # path or URL it came from
    text: str
    kind: str = "text"  # text, html, pdf, feed
    body_start: int = 0  # offset where the body begins (after a header block)
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO prefix: 2024, 2024-06, 2024-06-19
    url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


@dataclass
class Claim:
    """One figure mention in one sentence, with the span that proves it."""

    doc: str
    quote: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str = "count"
    item: str | None = None
    per: str | None = None
    when: str | None = None
    source: str | None = None
    modality: str = "asserted"
    from_: str | None = None
    to: str | None = None
    # How sure from/to are: "sentence" (the figure's own sentence says them), "document"
    # (taken from a flow the document established earlier), None when there are no parties.
    party_basis: str | None = None
    vague: bool = False
    sent_start: int = 0
    sent_end: int = 0
    doc_id: str = ""
    concept: str | None = None  # normalised item concept (shells, troops, oil...)
    currency: str | None = None  # original currency code when unit is money
    change: str | None = None  # "increase" or "decrease" when the text gives a direction
    change_from: float | None = None  # the value it changed from ("from 9,400 to 8,100")
    extractor_version: str = EXTRACTOR_VERSION

    def to_json(self) -> dict[str, Any]:
        """The extract contract: exactly the gold keys plus start/end, vague only when true."""
        out: dict[str, Any] = {}
        for key in GOLD_KEYS:
            out[key] = self.from_ if key == "from" else getattr(self, key)
        for key in ("value", "low", "high"):
            out[key] = _json_number(out[key])
        out["start"] = self.start
        out["end"] = self.end
        if self.vague:
            out["vague"] = True
        if self.change is not None:  # like vague: only when set, so the contract keeps its keys
            out["change"] = self.change
        if self.change_from is not None:
            out["change_from"] = _json_number(self.change_from)
        return out

    @property
    def id(self) -> str:
        return f"{self.doc_id}:{self.start}-{self.end}"


def _json_number(value: float | None) -> float | int | None:
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return round(float(value), 6)


@dataclass(frozen=True)
class Party:
    """A canonical actor with the names the texts use for it."""

    name: str
    kind: Literal["country", "organisation", "person"]
    aliases: tuple[str, ...] = ()
    code: str | None = None  # ISO 3166 alpha-3 for countries
    affiliation: str | None = None  # a person's or organisation's country


@dataclass
class Flow:
    """Who gives what to whom, as one sentence says; `claim` indexes the figure it carries."""

    giver: str | None
    receiver: str | None
    item: str
    concept: str
    doc: str
    start: int  # span of the words that state the transfer
    end: int
    sent_start: int = 0
    sent_end: int = 0
    claim: int | None = None  # index into the document's claims
    doc_id: str = ""


@dataclass
class Extraction:
    """What one document yields."""

    document: Document
    claims: list[Claim]
    flows: list[Flow]


@dataclass
class CheckResult:
    """A verdict among claims: a group's pairwise verdict or an arithmetic check."""

    claims: list[Claim]
    verdict: str
    note: str
    kind: str = "group"  # group, share, parts, rate, growth, ratio

    def to_json(self) -> dict[str, Any]:
        return {
            "claims": [
                {"doc": c.doc, "quote": c.quote, "start": c.start, "end": c.end}
                for c in self.claims
            ],
            "verdict": self.verdict,
            "note": self.note,
        }
