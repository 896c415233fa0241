"""Figures: the filterable table of every claim, and one figure with its evidence."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from claimledger.model import MODALITIES, VERDICTS
from claimledger.parties import PartyRegistry
from claimledger.store import DIRECTIONS, FIGURE_SORTS, ClaimFilter, Ledger
from claimledger.web import formatting, judgements
from claimledger.web.context import open_ledger, state
from claimledger.web.errors import PageError, not_found
from claimledger.web.highlight import paragraph_bounds
from claimledger.web.rendering import render

router = APIRouter()
PER_PAGE = (25, 50, 100, 200)


FILTER_KEYS = ("concept", "unit", "party", "direction", "source", "modality", "doc",
               "verdict", "date_from", "date_to", "q", "sort", "per_page")  # fmt: skip
DEFAULT_SORT = "added"


@dataclass(frozen=True)
class FigureQuery:
    """The figure table's request: the claim filter, the page, and the URL parameters."""

    filter: ClaimFilter
    page: int
    per_page: int
    params: dict[str, Any]  # what the URL said, defaults dropped: links keep the filters


def figure_query(
    concept: Annotated[str | None, Query(max_length=200)] = None,
    unit: Annotated[str | None, Query(max_length=40)] = None,
    party: Annotated[str | None, Query(max_length=200)] = None,
    direction: Annotated[str | None, Query(max_length=10)] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    modality: Annotated[str | None, Query(max_length=20)] = None,
    doc: Annotated[str | None, Query(max_length=200)] = None,
    verdict: Annotated[str | None, Query(max_length=20)] = None,
    date_from: Annotated[str | None, Query(max_length=10, pattern=r"^[0-9-]*$")] = None,
    date_to: Annotated[str | None, Query(max_length=10, pattern=r"^[0-9-]*$")] = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
    sort: Annotated[str | None, Query(max_length=20)] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> FigureQuery:
    """The figure filters from the query string, as the store's one `ClaimFilter`.

    A party name or alias matches as in `claimledger figures --party` (the filter resolves
    aliases in SQL), so the CLI and the web find the same claims. An unknown sort or
    direction falls back to the default: a header link never leads to an error page.
    """
    if modality and modality not in MODALITIES:
        raise PageError(400, "bad_request", f"unknown modality {modality!r}; use one of: "
                        + ", ".join(MODALITIES))  # fmt: skip
    if verdict and verdict not in VERDICTS:
        raise PageError(400, "bad_request", f"unknown verdict {verdict!r}; use one of: "
                        + ", ".join(VERDICTS))  # fmt: skip
    sort = sort if sort in FIGURE_SORTS else DEFAULT_SORT
    direction = direction if direction in DIRECTIONS else "any"
    found = ClaimFilter(
        concept=concept or None, unit=unit or None, party=(party or "").strip() or None,
        direction=direction, source=source or None, modality=modality or None,
        doc=doc or None, verdict=verdict or None, date_from=date_from or None,
        date_to=date_to or None, search=q or None, order=sort, limit=per_page,
        offset=(page - 1) * per_page,
    )  # fmt: skip
    given = {"concept": concept, "unit": unit, "party": found.party, "source": source,
             "modality": modality, "doc": doc, "verdict": verdict, "date_from": date_from,
             "date_to": date_to, "q": q,
             "direction": None if direction == "any" else direction,
             "sort": None if sort == DEFAULT_SORT else sort,
             "per_page": None if per_page == 50 else per_page}  # fmt: skip
    params = {k: v for k, v in given.items() if v not in (None, "")}
    return FigureQuery(found, page, per_page, params)


FigureParams = Annotated[FigureQuery, Depends(figure_query)]
FACET_LABELS = {"concept": "Item", "unit": "Unit", "source": "According to",
                "modality": "Modality", "doc": "Document", "verdict": "Verdict"}  # fmt: skip


def figures_data(ledger: Ledger, query: FigureQuery, *, facets: bool = True) -> dict[str, Any]:
    found, total = ledger.claim_page(query.filter)
    pairs, _ = judgements.figure_pairs(ledger, [c["id"] for c in found])
    verdicts = judgements.verdict_counts(pairs)
    for claim in found:
        claim["verdicts"] = verdicts.get(claim["id"], {})
    return {
        "title": "Figures",
        "filters": query.params,
        "page": query.page,
        "pages": max(1, math.ceil(total / query.per_page)),
        "total": total,
        "figures": found,
        "facets": ledger.claim_facets(query.filter) if facets else {},
        "facet_labels": FACET_LABELS,
        "modalities": list(MODALITIES),
        "verdict_names": list(VERDICTS),
        "sorts": list(FIGURE_SORTS),
        "exports": {
            "csv": formatting.query("/figures.csv", query.params),
            "json": formatting.query("/api/figures", query.params),
        },
    }


@router.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request, query: FigureParams) -> HTMLResponse:
    with open_ledger(request) as ledger:
        return render(request, "figures.html", figures_data(ledger, query))


@router.get("/api/figures")
def figures_api(request: Request, query: FigureParams) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        data = figures_data(ledger, query)
    for claim in data["figures"]:
        claim["figure"] = formatting.figure(claim)
    return data


CSV_COLUMNS = ("id", "doc", "quote", "figure", "value", "low", "high", "qualifier", "unit",
               "per", "item", "concept", "when", "source", "modality", "from_party",
               "to_party", "published", "outlet")  # fmt: skip
CSV_MAX_ROWS = 100_000


@router.get("/figures.csv")
def figures_csv(request: Request, query: FigureParams) -> Response:
    """Every figure matching the filters (up to 100,000), as CSV; the page's own filters."""
    whole = replace(query.filter, limit=CSV_MAX_ROWS, offset=0)
    with open_ledger(request) as ledger:
        rows, _ = ledger.claim_page(whole)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        row["figure"] = formatting.figure(row)
        writer.writerow(["" if row.get(k) is None else row.get(k) for k in CSV_COLUMNS])
    headers = {"Content-Disposition": 'attachment; filename="figures.csv"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def figure_data(ledger: Ledger, registry: PartyRegistry, claim_id: int) -> dict[str, Any]:
    claim = ledger.claim_record(claim_id)
    if claim is None:
        raise not_found(f"figure {claim_id}", "pick one from /figures")
    document = ledger.document(claim["doc_id"])
    assert document is not None
    judged, arithmetic = judgements.figure_pairs(ledger, [claim_id])
    pairs = [pair.to_json() for pair in judged.get(claim_id, [])]
    lo, hi = paragraph_bounds(document.text, claim["start"], claim["end"])
    in_paragraph = [
        {"id": c["id"], "start": c["start"], "end": c["end"], "quote": c["quote"]}
        for c in ledger.claim_page(
            ClaimFilter(doc=claim["doc_id"], within=(lo, hi), order="added", limit=200)
        )[0]
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
            "head": document.text[document.body_start : document.body_start + 200],
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
