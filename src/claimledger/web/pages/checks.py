"""Checks: conflicts, scope differences and arithmetic failures, with links to both sides."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.model import VERDICTS
from claimledger.store import Ledger
from claimledger.web.context import open_ledger
from claimledger.web.errors import PageError
from claimledger.web.rendering import render

router = APIRouter()
PER_PAGE = 50
# What the page shows by default: the problems, not the agreements.
PROBLEMS = ("conflict", "different_scope", "inconsistent")
KINDS = ("group", "arithmetic")
Verdict = Annotated[str | None, Query(max_length=20)]
Kind = Annotated[str | None, Query(max_length=20)]
Page = Annotated[int, Query(ge=1, le=1_000_000)]


def checks_data(ledger: Ledger, verdict: str | None, kind: str | None, page: int) -> dict[str, Any]:
    if verdict and verdict not in (*VERDICTS, "all"):
        raise PageError(400, "bad_request", f"unknown verdict {verdict!r}; use one of: "
                        + ", ".join((*VERDICTS, "all")))  # fmt: skip
    if kind and kind not in KINDS:
        raise PageError(400, "bad_request", f"unknown kind {kind!r}; use group or arithmetic")
    chosen = PROBLEMS if not verdict else VERDICTS if verdict == "all" else (verdict,)
    found, total = ledger.check_page(
        verdicts=chosen, kind=kind or None, limit=PER_PAGE, offset=(page - 1) * PER_PAGE
    )
    return {
        "title": "Checks",
        "verdict": verdict,
        "kind": kind,
        "verdict_names": list(VERDICTS),
        "counts": ledger.verdict_counts(),
        "checks": found,
        "total": total,
        "page": page,
        "pages": max(1, math.ceil(total / PER_PAGE)),
    }


@router.get("/checks", response_class=HTMLResponse)
def checks_page(
    request: Request, verdict: Verdict = None, kind: Kind = None, page: Page = 1
) -> HTMLResponse:
    with open_ledger(request) as ledger:
        return render(request, "checks.html", checks_data(ledger, verdict, kind, page))


@router.get("/api/checks")
def checks_api(
    request: Request, verdict: Verdict = None, kind: Kind = None, page: Page = 1
) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        return checks_data(ledger, verdict, kind, page)
