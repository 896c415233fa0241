"""Figures: the filterable table of every claim, and one figure with its evidence."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.model import MODALITIES, VERDICTS
from claimledger.parties import PartyRegistry
from claimledger.reconcile import pair_verdict
from claimledger.store import FIGURE_SORTS, FigureQuery, Ledger
from claimledger.web import formatting
from claimledger.web.context import open_ledger, state
from claimledger.web.errors import PageError, not_found
from claimledger.web.highlight import paragraph_bounds
from claimledger.web.rendering import render

router = APIRouter()
PER_PAGE = (25, 50, 100, 200)


def figure_query(
    request: Request,
    concept: Annotated[str | None, Query(max_length=200)] = None,
    party: Annotated[str | None, Query(max_length=200)] = None,
    direction: Annotated[str, Query(pattern="^(any|from|to)$")] = "any",
    source: Annotated[str | None, Query(max_length=200)] = None,
    modality: Annotated[str | None, Query(max_length=20)] = None,
    verdict: Annotated[str | None, Query(max_length=20)] = None,
    date_from: Annotated[str | None, Query(max_length=10, pattern=r"^[0-9-]*$")] = None,
    date_to: Annotated[str | None, Query(max_length=10, pattern=r"^[0-9-]*$")] = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
    sort: Annotated[str, Query(max_length=10)] = "doc",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> FigureQuery:
    """The figure filters from the query string, validated; a party name resolves via aliases."""
    if modality and modality not in MODALITIES:
        raise PageError(400, "bad_request", f"unknown modality {modality!r}; use one of: "
                        + ", ".join(MODALITIES))  # fmt: skip
    if verdict and verdict not in VERDICTS:
        raise PageError(400, "bad_request", f"unknown verdict {verdict!r}; use one of: "
                        + ", ".join(VERDICTS))  # fmt: skip
    if sort not in FIGURE_SORTS:
        raise PageError(400, "bad_request", f"unknown sort {sort!r}; use one of: "
                        + ", ".join(FIGURE_SORTS))  # fmt: skip
    if party:
        resolved = state(request).registry.resolve(party)
        party = resolved.name if resolved else party.strip()
    return FigureQuery(
        concept=concept or None, party=party or None, direction=direction,
        source=source or None, modality=modality or None, verdict=verdict or None,
        date_from=date_from or None, date_to=date_to or None, q=q or None, sort=sort,
        page=page, per_page=per_page,
    )  # fmt: skip


FigureParams = Annotated[FigureQuery, Depends(figure_query)]


def figures_data(ledger: Ledger, query: FigureQuery) -> dict[str, Any]:
    found, total = ledger.claim_page(query)
    params = {
        key: getattr(query, key)
        for key in (
            "concept",
            "party",
            "source",
            "modality",
            "verdict",
            "date_from",
            "date_to",
            "q",
            "sort",
            "per_page",
        )  # fmt: skip
    }
    params["direction"] = query.direction if query.direction != "any" else None
    if params["sort"] == "doc":
        params["sort"] = None
    if params["per_page"] == 50:
        params["per_page"] = None
    return {
        "title": "Figures",
        "filters": params,
        "page": query.page,
        "pages": max(1, math.ceil(total / query.per_page)),
        "total": total,
        "figures": found,
        "facets": ledger.facets(),
        "modalities": list(MODALITIES),
        "verdict_names": list(VERDICTS),
        "sorts": list(FIGURE_SORTS),
    }


@router.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request, query: FigureParams) -> HTMLResponse:
    with open_ledger(request) as ledger:
        return render(request, "figures.html", figures_data(ledger, query))


@router.get("/api/figures")
def figures_api(request: Request, query: FigureParams) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        data = figures_data(ledger, query)
    data.pop("facets")
    return data


def figure_data(ledger: Ledger, registry: PartyRegistry, claim_id: int) -> dict[str, Any]:
    claim = ledger.claim_record(claim_id)
    if claim is None:
        raise not_found(f"figure {claim_id}", "pick one from /figures")
    document = ledger.document(claim["doc_id"])
    assert document is not None
    checks = ledger.checks_citing([claim_id])
    pairs = []
    arithmetic = []
    group_members: dict[int, dict[str, Any]] = {}
    for check in checks:
        if check["kind"] == "group":
            for other in check["claims"]:
                if other["id"] != claim_id:
                    group_members.setdefault(other["id"], {"other": other, "check": check})
        else:
            arithmetic.append(check)
    # A group's stored line joins all its pairs; judge this figure against each other one.
    loaded = ledger.claims_by_id([claim_id, *group_members])
    this, this_sentence = loaded[claim_id]
    for other_id, member in group_members.items():
        other_claim, other_sentence = loaded[other_id]
        judged = pair_verdict(this, other_claim, this_sentence, other_sentence)
        check = member["check"]
        pairs.append({
            "other": member["other"],
            "verdict": judged.verdict if judged else check["verdict"],
            "note": judged.reason if judged else check["note"],
            "check_id": check["id"],
        })  # fmt: skip
    lo, hi = paragraph_bounds(document.text, claim["start"], claim["end"])
    in_paragraph = [
        {"id": c["id"], "start": c["start"], "end": c["end"], "quote": c["quote"]}
        for c in ledger.claim_rows(doc=claim["doc_id"])
        if c["start"] >= lo and c["end"] <= hi
    ]
    return {
        "title": f"Figure: {claim['quote']}",
        "claim": claim,
        "origin": formatting.origin_label(claim, registry),
        "document": {
            "id": document.id,
            "name": document.name,
            "title": document.title,
            "outlet": document.outlet,
            "author": document.author,
            "published": document.published,
            "url": document.url,
            "origin": document.origin,
        },  # fmt: skip
        "paragraph": {"start": lo, "end": hi, "text": document.text[lo:hi]},
        "paragraph_figures": in_paragraph,
        "group": pairs,
        "arithmetic": arithmetic,
    }


@router.get("/figure/{claim_id}", response_class=HTMLResponse)
def figure_page(request: Request, claim_id: int) -> HTMLResponse:
    with open_ledger(request) as ledger:
        return render(
            request, "figure.html", figure_data(ledger, state(request).registry, claim_id)
        )


@router.get("/api/figure/{claim_id}")
def figure_api(request: Request, claim_id: int) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        return figure_data(ledger, state(request).registry, claim_id)
