"""Cross-checking: which figures agree, conflict or only look alike, where an article's
own arithmetic fails, and how many independent origins stand behind a number.

    reconcile(ledger) -> ReconcileResult          group, judge, check; store the checks
    check_document(ledger, extraction) -> ArticleReport   one article, nothing stored
    origin_of(claim, document, registry) -> str   the normalised origin of a figure
    pair_verdict(a, b) -> Judgement | None        the verdict between two claims alone
"""

from claimledger.reconcile.api import (
    ArticleReport,
    FigureReport,
    Match,
    ReconcileResult,
    check_document,
    checks_are_stale,
    describe_figure,
    ensure_reconciled,
    reconcile,
)
from claimledger.reconcile.grouping import GroupSummary, ValueSummary
from claimledger.reconcile.origins import origin_of
from claimledger.reconcile.verdicts import Judgement, pair_verdict

__all__ = [
    "ArticleReport",
    "FigureReport",
    "GroupSummary",
    "Judgement",
    "Match",
    "ReconcileResult",
    "ValueSummary",
    "check_document",
    "checks_are_stale",
    "describe_figure",
    "ensure_reconciled",
    "origin_of",
    "pair_verdict",
    "reconcile",
]
