"""A readable overview of a ledger: documents, figures by concept, the main exchange, checks."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from claimledger import display
from claimledger.exchange import exchange, top_pair
from claimledger.model import Claim
from claimledger.parties import PartyRegistry
from claimledger.reconcile import ensure_reconciled
from claimledger.store import Ledger

NO_ITEM = "(no item)"


@dataclass(frozen=True)
class DocumentLine:
    """One ingested document."""

    name: str
    title: str | None
    outlet: str | None
    published: str | None
    figures: int


@dataclass(frozen=True)
class FigureLine:
    """One figure as the summary shows it."""

    value: str  # the figure as display.figure words it: "over 5 million", "$2,000/month"
    unit: str
    qualifier: str
    item: str | None
    per: str | None
    when: str | None
    source: str | None
    modality: str
    doc: str
    quote: str


@dataclass(frozen=True)
class ConceptGroup:
    """The figures about one item concept (shells, troops, pay...)."""

    concept: str
    figures: list[FigureLine] = field(default_factory=list)


@dataclass(frozen=True)
class ExchangeRow:
    """One line of the exchange between the ledger's top pair of parties."""

    giver: str
    receiver: str
    concept: str
    figures: str  # merged range per unit, or "" for a flow stated without a figure
    claims: int
    sources: list[str]


@dataclass(frozen=True)
class CheckLine:
    """A conflict, a failed sum or a scope difference, with its reason."""

    verdict: str
    note: str
    quotes: list[str]


@dataclass(frozen=True)
class Summary:
    """Documents in ingestion order; concept groups, largest first; exchange; checks."""

    documents: list[DocumentLine]
    groups: list[ConceptGroup]
    counts: dict[str, int]
    exchange: list[ExchangeRow] = field(default_factory=list)
    checks: list[CheckLine] = field(default_factory=list)
    verdicts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def figure_line(claim: Claim) -> FigureLine:
    return FigureLine(
        value=display.figure(claim),
        unit=claim.unit,
        qualifier=claim.qualifier,
        item=claim.item,
        per=claim.per,
        when=claim.when,
        source=claim.source,
        modality=claim.modality,
        doc=claim.doc,
        quote=claim.quote,
    )


def concept_of(claim: Claim) -> str:
    """What a figure is grouped under: its concept, else its item."""
    return claim.concept or claim.item or NO_ITEM


def _exchange_rows(ledger: Ledger, registry: PartyRegistry) -> list[ExchangeRow]:
    pair = top_pair(ledger)
    if pair is None:
        return []
    return [
        ExchangeRow(
            giver=line.giver,
            receiver=line.receiver,
            concept=line.concept,
            figures=line.span(),
            claims=line.claims,
            sources=line.sources,
        )  # fmt: skip
        for line in exchange(ledger, pair[0], pair[1], registry)
    ]


def _check_lines(ledger: Ledger) -> tuple[list[CheckLine], dict[str, int]]:
    """Conflicts and failed arithmetic first, then scope differences; verdict counts."""
    order = {"conflict": 0, "inconsistent": 1, "different_scope": 2, "consistent": 3}
    counts: dict[str, int] = {}
    lines = []
    for check in ledger.checks():
        counts[check["verdict"]] = counts.get(check["verdict"], 0) + 1
        quotes = [f"{c['doc']}: {c['quote']}" for c in check["claims"]]
        lines.append(CheckLine(verdict=check["verdict"], note=check["note"], quotes=quotes))
    lines.sort(key=lambda c: order.get(c.verdict, 9))
    return lines, counts


def build_summary(ledger: Ledger, registry: PartyRegistry | None = None) -> Summary:
    """The documents, grouped figures, main exchange and cross-checks of a ledger."""
    registry = registry or PartyRegistry.default()
    ensure_reconciled(ledger, registry=registry)
    claims = ledger.claims(order="doc")
    per_doc: dict[str, int] = {}
    grouped: dict[str, list[FigureLine]] = {}
    for claim in claims:
        per_doc[claim.doc_id] = per_doc.get(claim.doc_id, 0) + 1
        grouped.setdefault(concept_of(claim), []).append(figure_line(claim))
    documents = [
        DocumentLine(
            name=doc.name,
            title=doc.title,
            outlet=doc.outlet,
            published=doc.published,
            figures=per_doc.get(doc.id, 0),
        )
        for doc in ledger.documents(with_text=False)
    ]
    groups = [
        ConceptGroup(concept, figures)
        for concept, figures in sorted(
            grouped.items(), key=lambda kv: (kv[0] == NO_ITEM, -len(kv[1]), kv[0])
        )
    ]
    checks, verdicts = _check_lines(ledger)
    return Summary(
        documents=documents,
        groups=groups,
        counts=ledger.stats(),
        exchange=_exchange_rows(ledger, registry),
        checks=checks,
        verdicts=verdicts,
    )
