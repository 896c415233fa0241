"""Cross-checking a whole ledger (`reconcile`) and one new article against it
(`check_document`), the library calls the CLI and web are thin shells over."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimledger.model import CheckResult, Claim, Document
from claimledger.parties import PartyRegistry
from claimledger.reconcile.arithmetic import document_checks
from claimledger.reconcile.features import ClaimView, block_key, view_of
from claimledger.reconcile.grouping import WINDOW, GroupSummary, block_checks, judge_block
from claimledger.reconcile.kinds import sibling_checks
from claimledger.reconcile.origins import independent_origins, origin_of
from claimledger.reconcile.verdicts import describe, judge
from claimledger.store import Ledger, blocking

if TYPE_CHECKING:
    from claimledger.extract.pipeline import Extraction

# Bump when grouping or verdict rules change, so stored keys and checks are recomputed.
RECONCILE_VERSION = "6"
MAX_CANDIDATES = 400  # ledger claims a new figure is compared with, nearest values first


@dataclass
class ReconcileResult:
    """What `reconcile` found and stored."""

    checks: list[CheckResult]
    groups: list[GroupSummary]
    claims: int = 0
    blocks: int = 0

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for check in self.checks:
            out[check.verdict] = out.get(check.verdict, 0) + 1
        return out


def _views(
    rows: Sequence[Any], docs: dict[str, Document], registry: PartyRegistry
) -> list[ClaimView]:
    views = []
    for row in rows:
        claim = blocking.claim_from_row(row)
        document = docs.get(claim.doc_id)
        view = view_of(
            claim,
            row["sentence"],
            row_id=row["id"],
            registry=registry,
            published=document.published if document is not None else None,
        )
        view.origin = origin_of(claim, document, registry)
        views.append(view)
    return views


def reconcile(
    ledger: Ledger, *, registry: PartyRegistry | None = None, window: int = WINDOW
) -> ReconcileResult:
    """Group, judge and check every claim in the ledger; store the checks and return them."""
    registry = registry or PartyRegistry.default()
    blocking.refresh_blocks(ledger, block_key, RECONCILE_VERSION)
    docs = blocking.document_headers(ledger)
    checks: list[CheckResult] = []
    groups: list[GroupSummary] = []
    blocks = 0
    for key, rows in blocking.iter_blocks(ledger):
        blocks += 1
        found, summaries = block_checks(key, judge_block(_views(rows, docs, registry), window))
        checks.extend(found)
        groups.extend(summaries)
    claims = 0
    for _, rows in blocking.iter_document_claims(ledger):
        claims += len(rows)
        views = _views(rows, docs, registry)
        checks.extend(document_checks(views))
        checks.extend(sibling_checks(views))
    ledger.replace_checks(checks)
    blocking.set_meta(ledger, "checks_fingerprint", _stamp(ledger))
    return ReconcileResult(checks=checks, groups=groups, claims=claims, blocks=blocks)


def _stamp(ledger: Ledger) -> str:
    return f"{RECONCILE_VERSION}:{blocking.fingerprint(ledger)}"


def checks_are_stale(ledger: Ledger) -> bool:
    """True when claims changed (or the rules did) since the stored checks were computed."""
    return blocking.get_meta(ledger, "checks_fingerprint") != _stamp(ledger)


def ensure_reconciled(ledger: Ledger, *, registry: PartyRegistry | None = None) -> bool:
    """Run `reconcile` when the stored checks are stale; True when it ran."""
    if not checks_are_stale(ledger):
        return False
    reconcile(ledger, registry=registry)
    return True


# -- one article against the ledger ------------------------------------------------------------


@dataclass
class Match:
    """A ledger claim a new figure was judged against."""

    doc: str
    quote: str
    start: int
    end: int
    origin: str
    verdict: str
    note: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class FigureReport:
    """One figure of the new article: corroborated, conflicting, different_scope or new."""

    claim: Claim
    status: str
    origins: list[str] = field(default_factory=list)  # independent origins that corroborate
    matches: list[Match] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.claim.doc,
            "quote": self.claim.quote,
            "start": self.claim.start,
            "end": self.claim.end,
            "status": self.status,
            "origins": self.origins,
            "matches": [m.to_json() for m in self.matches],
        }


@dataclass
class ArticleReport:
    """A new article checked against the ledger, nothing stored."""

    document: Document
    figures: list[FigureReport]
    arithmetic: list[CheckResult]

    @property
    def failed(self) -> bool:
        """True when a figure conflicts with the ledger or the article's arithmetic fails."""
        return any(f.status == "conflicting" for f in self.figures) or any(
            c.verdict in ("conflict", "inconsistent") for c in self.arithmetic
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.document.name,
            "failed": self.failed,
            "figures": [f.to_json() for f in self.figures],
            "arithmetic": [{**c.to_json(), "kind": c.kind} for c in self.arithmetic],
        }


def _status(verdicts: set[str]) -> str:
    if verdicts & {"conflict", "inconsistent"}:
        return "conflicting"
    if "consistent" in verdicts:
        return "corroborated"
    return "different_scope" if "different_scope" in verdicts else "new"


def _nearest(view: ClaimView, candidates: list[ClaimView]) -> list[ClaimView]:
    if len(candidates) <= MAX_CANDIDATES or view.tight is None:
        return candidates
    target = view.tight.lo
    scored = [c for c in candidates if c.tight is not None]
    return sorted(scored, key=lambda c: abs(c.tight.lo - target))[:MAX_CANDIDATES]  # type: ignore[union-attr]


def check_document(
    ledger: Ledger, extraction: Extraction, *, registry: PartyRegistry | None = None
) -> ArticleReport:
    """Judge each figure of an extracted article against the ledger, and its own arithmetic."""
    registry = registry or PartyRegistry.default()
    document = extraction.document
    blocking.refresh_blocks(ledger, block_key, RECONCILE_VERSION)
    views = []
    for claim in extraction.claims:
        sentence = document.text[claim.sent_start : claim.sent_end]
        view = view_of(claim, sentence, registry=registry, published=document.published)
        view.origin = origin_of(claim, document, registry)
        views.append(view)
    keys = {v.key for v in views if v.key is not None}
    rows = [r for r in blocking.claims_in_blocks(ledger, keys) if r["doc_id"] != document.id]
    stored = _views(rows, blocking.document_headers(ledger), registry)
    by_key: dict[str, list[ClaimView]] = {}
    for other in stored:
        by_key.setdefault(other.key or "", []).append(other)
    figures = []
    for view in views:
        matches: list[Match] = []
        agreeing: list[ClaimView] = []
        for other in _nearest(view, by_key.get(view.key or "", []) if view.key else []):
            judgement = judge(view, other)
            if judgement is None:
                continue
            if judgement.verdict == "consistent":
                agreeing.append(other)
            c = other.claim
            matches.append(
                Match(
                    c.doc,
                    c.quote,
                    c.start,
                    c.end,
                    other.origin,
                    judgement.verdict,
                    judgement.reason,
                )  # fmt: skip
            )
        origins = independent_origins(agreeing) if agreeing else []
        status = _status({m.verdict for m in matches})
        figures.append(FigureReport(view.claim, status, origins, matches))
    return ArticleReport(document, figures, document_checks(views))


def describe_figure(report: FigureReport) -> str:
    """One line for a figure: its status and what stands behind or against it."""
    head = f"{report.claim.quote!r}: {report.status}"
    if report.status == "corroborated":
        n = len(report.origins)
        return f"{head} by {n} origin{'s' if n != 1 else ''} ({', '.join(report.origins)})"
    against = [m for m in report.matches if m.verdict in ("conflict", "inconsistent")]
    if against:
        return head + " with " + "; ".join(f"{m.quote!r} in {m.doc} ({m.note})" for m in against)
    return head


__all__ = [
    "ArticleReport",
    "FigureReport",
    "Match",
    "ReconcileResult",
    "check_document",
    "checks_are_stale",
    "describe",
    "describe_figure",
    "ensure_reconciled",
    "reconcile",
]
