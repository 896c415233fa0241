"""Checks: conflicts, scope differences and arithmetic failures, with links to both sides."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from claimledger.model import VERDICTS
from claimledger.store import Ledger, reviews
from claimledger.web.context import open_ledger, state
from claimledger.web.errors import PageError
from claimledger.web.rendering import render
from claimledger.web.security import CSRF_FIELD, check_csrf

router = APIRouter()
PER_PAGE = 50
# What the page shows by default: the problems, not the agreements.
PROBLEMS = ("conflict", "different_scope", "inconsistent")
KINDS = ("group", "arithmetic")
Verdict = Annotated[str | None, Query(max_length=20)]
Kind = Annotated[str | None, Query(max_length=20)]
Page = Annotated[int, Query(ge=1, le=1_000_000)]
Review = Annotated[str | None, Query(max_length=20)]
REVIEW_FILTERS = (*reviews.STATES, "unreviewed")


def with_reviews(ledger: Ledger, checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each check with its review (None when unreviewed), in place."""
    found = reviews.reviews_for(ledger, checks)
    for check in checks:
        check["review"] = found.get(check["id"])
    return checks


def checks_data(
    ledger: Ledger, verdict: str | None, kind: str | None, page: int, review: str | None = None
) -> dict[str, Any]:
    if verdict and verdict not in (*VERDICTS, "all"):
        raise PageError(400, "bad_request", f"unknown verdict {verdict!r}; use one of: "
                        + ", ".join((*VERDICTS, "all")))  # fmt: skip
    if kind and kind not in KINDS:
        raise PageError(400, "bad_request", f"unknown kind {kind!r}; use group or arithmetic")
    chosen = PROBLEMS if not verdict else VERDICTS if verdict == "all" else (verdict,)
    if review and review not in REVIEW_FILTERS:
        raise PageError(400, "bad_request", f"unknown review state {review!r}; use one of: "
                        + ", ".join(REVIEW_FILTERS))  # fmt: skip
    offset = (page - 1) * PER_PAGE
    if review:
        found, total = reviews.check_page_by_review(
            ledger, review, verdicts=chosen, kind=kind or None, limit=PER_PAGE, offset=offset
        )
    else:
        found, total = ledger.check_page(
            verdicts=chosen, kind=kind or None, limit=PER_PAGE, offset=offset
        )
    with_reviews(ledger, found)
    return {
        "title": "Checks",
        "verdict": verdict,
        "kind": kind,
        "review": review,
        "review_filters": list(REVIEW_FILTERS),
        "review_counts": reviews.review_counts(ledger),
        "verdict_names": list(VERDICTS),
        "counts": ledger.verdict_counts(),
        "checks": found,
        "total": total,
        "page": page,
        "pages": max(1, math.ceil(total / PER_PAGE)),
    }


@router.get("/checks", response_class=HTMLResponse)
def checks_page(
    request: Request, verdict: Verdict = None, kind: Kind = None, page: Page = 1,
    review: Review = None,
) -> HTMLResponse:  # fmt: skip
    with open_ledger(request) as ledger:
        data = checks_data(ledger, verdict, kind, page, review)
    data["return_to"] = str(request.url.path) + (
        f"?{request.url.query}" if request.url.query else ""
    )
    return render(request, "checks.html", data)


@router.get("/api/checks")
def checks_api(
    request: Request, verdict: Verdict = None, kind: Kind = None, page: Page = 1,
    review: Review = None,
) -> dict[str, Any]:  # fmt: skip
    with open_ledger(request) as ledger:
        return checks_data(ledger, verdict, kind, page, review)


class ReviewRequest(BaseModel):
    """The JSON body of POST /api/checks/{id}/review."""

    state: str = Field(max_length=20)
    note: str = Field(default="", max_length=reviews.MAX_NOTE)


def _safe_return(target: str) -> str:
    """Only a path on this site: never an absolute or protocol-relative URL."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/checks"


@router.post("/checks/{check_id}/review")
async def review_submit(request: Request, check_id: int) -> Response:
    """Store a review from the form on the Checks page (CSRF token and same origin)."""
    form = await request.form(max_fields=10, max_part_size=8192)
    token = form.get(CSRF_FIELD)
    check_csrf(request, state(request).secret, token if isinstance(token, str) else None)
    chosen, note, back = form.get("state"), form.get("note") or "", form.get("return_to") or ""
    with open_ledger(request) as ledger:
        reviews.review_check(ledger, check_id, str(chosen), str(note))
    return RedirectResponse(_safe_return(str(back)), status_code=303)


@router.post("/api/checks/{check_id}/review")
def review_api(request: Request, check_id: int, body: ReviewRequest) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        return reviews.review_check(ledger, check_id, body.state, body.note)
