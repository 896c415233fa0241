"""Timeline: one item concept's figures over time, so revisions and growth show."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.parties import PartyRegistry
from claimledger.store import Ledger
from claimledger.web import charts, formatting
from claimledger.web.context import open_ledger, state
from claimledger.web.errors import not_found
from claimledger.web.rendering import render

router = APIRouter()
Param = Annotated[str | None, Query(max_length=200)]


def timeline_data(
    ledger: Ledger, registry: PartyRegistry, concept: str | None, unit: str | None
) -> dict[str, Any]:
    concepts = ledger.facets()["concepts"]
    if not concept and concepts:
        concept = concepts[0]["value"]
    units = ledger.scales(concept) if concept else []
    if concept and not units:
        raise not_found(f"item concept {concept!r}", "pick one from /timeline")
    if units and unit not in {u["value"] for u in units}:
        unit = units[0]["value"]
    points = ledger.timeline(concept, unit) if concept and unit else []
    for p in points:
        p["origin"] = formatting.origin_label(p, registry)
        p["title_text"] = f"{formatting.figure(p)} · {p['date_key']} · {p['origin']} · {p['quote']}"
    return {
        "title": f"Timeline: {concept}" if concept else "Timeline",
        "concept": concept,
        "unit": unit,
        "concepts": concepts,
        "units": units,
        "points": points,
        "chart": charts.timeline(points),
    }


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, concept: Param = None, unit: Param = None) -> HTMLResponse:
    with open_ledger(request) as ledger:
        return render(
            request, "timeline.html", timeline_data(ledger, state(request).registry, concept, unit)
        )


@router.get("/api/timeline")
def timeline_api(request: Request, concept: Param = None, unit: Param = None) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        data = timeline_data(ledger, state(request).registry, concept, unit)
    data.pop("chart")
    return data
