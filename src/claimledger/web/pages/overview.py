"""Overview: what the ledger holds, the main exchange, and the newest problems."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from claimledger.exchange import exchange, top_pair
from claimledger.store import Ledger
from claimledger.web.context import open_ledger, state
from claimledger.web.flows import line_record
from claimledger.web.pages.checks import with_reviews
from claimledger.web.rendering import render

router = APIRouter()
NEWEST = 5


def overview_data(ledger: Ledger, request: Request) -> dict[str, Any]:
    stats = ledger.stats()
    pair = top_pair(ledger) if stats["flows"] else None
    registry = state(request).registry
    found = exchange(ledger, *pair, registry, limit=NEWEST) if pair else []
    conflicts, n_conflicts = ledger.check_page(verdicts=["conflict"], limit=NEWEST)
    failures, n_failures = ledger.check_page(verdicts=["inconsistent"], limit=NEWEST)
    concepts = ledger.facets()["concepts"][:12]
    return {
        "title": "Overview",
        "stats": stats,
        "verdicts": ledger.verdict_counts(),
        "pair": list(pair) if pair else None,
        "exchange": [line_record(line) for line in found],
        "conflicts": with_reviews(ledger, conflicts),
        "conflicts_total": n_conflicts,
        "failures": with_reviews(ledger, failures),
        "failures_total": n_failures,
        "concepts": concepts,
    }


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    with open_ledger(request) as ledger:
        return render(request, "overview.html", overview_data(ledger, request))


@router.get("/api/")
@router.get("/api/overview")
def overview_api(request: Request) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        return overview_data(ledger, request)
