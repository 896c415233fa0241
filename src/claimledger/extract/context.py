"""The typed house of one document's extraction: its sentences, what the whole text says
about people and bodies, and the figures under construction that stages fill in.

Every stage reads a `DocumentContext` and the document's `Draft`s; nothing is kept in an
untyped cache, so what a stage may look at is visible here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span

from claimledger.extract.numbers import Quantity
from claimledger.extract.phrases import ItemInfo
from claimledger.extract.quotes import Quotation
from claimledger.model import Claim, Document, Flow
from claimledger.parties import PartyRegistry

MentionKind = Literal["person", "organisation", "state"]


@dataclass
class Sentence:
    """One sentence of a document: absolute offsets, its quantities and (later) its parse."""

    start: int
    end: int
    text: str
    paragraph: int
    quantities: list[Quantity] = field(default_factory=list)
    cue: bool = False
    parse: Doc | None = None  # full parse, only for sentences with a figure or transfer cue
    names: Doc | None = None  # named entities only, for every other sentence

    @property
    def entities(self) -> tuple[Span, ...]:
        """The sentence's named entities, from whichever reading it has."""
        reading = self.parse if self.parse is not None else self.names
        return tuple(reading.ents) if reading is not None else ()


@dataclass
class Mention:
    """A person, organisation or state the document names, with what it calls them."""

    name: str  # the fullest form the text gives ('Defense Minister Shin Won-sik' -> its name)
    kind: MentionKind
    canonical: str | None = None  # the registry's name, when the registry knows it
    surfaces: list[str] = field(default_factory=list)  # every form the text used
    recent: str | None = None  # the form the text used last
    roles: list[str] = field(default_factory=list)  # 'minister', 'lawmaker', 'agency'
    sentences: list[int] = field(default_factory=list)  # where it is named


@dataclass
class Draft:
    """A figure under construction: its quantity and parse span, and the claim's fields so far.

    `item` is the parse's reading of what the figure counts (before any inheritance from
    neighbours); stages after the item stage may read it, only the item stage writes it."""

    claim: Claim
    quantity: Quantity
    span: Span
    sentence: int  # index into DocumentContext.sentences
    item: ItemInfo = field(default_factory=lambda: ItemInfo(text=None))


@dataclass
class DocumentContext:
    """What the stages may look at beyond one figure's sentence."""

    doc: Document
    registry: PartyRegistry
    sentences: list[Sentence]
    mentions: list[Mention] = field(default_factory=list)
    speakers: dict[int, str] = field(default_factory=dict)  # sentence index -> its speaker
    established: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    dates: list[str] = field(default_factory=list)  # times resolved so far, in text order
    flows: list[Flow] = field(default_factory=list)  # the document's flows (flows stage)
    main_pair: tuple[str, str] | None = None  # the two countries the document is about
    quotations: list[Quotation] = field(default_factory=list)  # with their speakers

    def last_date(self) -> str | None:
        """The latest time a figure was placed at: 'over the same period', 'that year'."""
        return self.dates[-1] if self.dates else None

    def note_date(self, when: str) -> None:
        self.dates.append(when)
