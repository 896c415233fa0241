"""Parties and exchanges: a party's profile, and the two-column ledger between two parties."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.errors import UsageError
from claimledger.exchange import exchange, party_profile, top_pair
from claimledger.parties import PartyRegistry
from claimledger.store import ClaimFilter, Ledger
from claimledger.web import charts
from claimledger.web.context import open_ledger, state
from claimledger.web.errors import PageError
from claimledger.web.flows import FIGURES_PER_LINE, line_record, profile_record
from claimledger.web.rendering import render

router = APIRouter()
Name = Annotated[str | None, Query(max_length=200)]


def _pairs(ledger: Ledger) -> list[dict[str, Any]]:
    """The most active giver/receiver pairs, for choosing an exchange."""
    return [{"giver": a, "receiver": b, "n": n} for a, b, n in ledger.pair_counts(limit=20)]


def _canonical(name: str, registry: PartyRegistry) -> str:
    party = registry.resolve(name)
    return party.name if party else name.strip()


def exchange_data(
    ledger: Ledger, registry: PartyRegistry, a: str | None, b: str | None
) -> dict[str, Any]:
    if bool(a) != bool(b):
        raise PageError(400, "bad_request", "name both parties: /exchange?a=North Korea&b=Russia")
    if not a or not b:
        pair = top_pair(ledger)
        a, b = pair if pair else (None, None)
    lines: list[dict[str, Any]] = []
    if a and b:
        a, b = _canonical(a, registry), _canonical(b, registry)
        try:
            found = exchange(ledger, a, b, registry, limit=FIGURES_PER_LINE)
        except UsageError as exc:
            raise PageError(404, "unknown_party", str(exc)) from exc
        lines = [line_record(line) for line in found]
    return {
        "title": f"Exchange: {a} ⇄ {b}" if a else "Exchange",
        "a": a,
        "b": b,
        "a_to_b": [ln for ln in lines if ln["giver"] == a],
        "b_to_a": [ln for ln in lines if ln["giver"] == b],
        "diagram": charts.sankey(lines, a, b) if a and b else None,
        "pairs": _pairs(ledger),
        "parties": [p.name for p in ledger.parties()],
    }


@router.get("/exchange", response_class=HTMLResponse)
def exchange_page(request: Request, a: Name = None, b: Name = None) -> HTMLResponse:
    with open_ledger(request) as ledger:
        return render(request, "exchange.html",
                      exchange_data(ledger, state(request).registry, a, b))  # fmt: skip


@router.get("/api/exchange")
def exchange_api(request: Request, a: Name = None, b: Name = None) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        data = exchange_data(ledger, state(request).registry, a, b)
    data.pop("diagram")
    return data


PARTY_CLAIMS_PER_PAGE = 50
PARTIES_PER_PAGE = 100
PageNumber = Annotated[int, Query(ge=1, le=1_000_000)]


def party_data(ledger: Ledger, registry: PartyRegistry, name: str, page: int = 1) -> dict[str, Any]:
    """One party: aliases, flows in and out, and every claim naming it, page by page."""
    try:
        profile = profile_record(party_profile(ledger, name, registry, limit=6))
    except UsageError as exc:
        raise PageError(404, "unknown_party", str(exc)) from exc
    party = profile["party"]
    partners = sorted({ln["receiver"] for ln in profile["flows_out"] if ln["receiver"]}
                      | {ln["giver"] for ln in profile["flows_in"] if ln["giver"]})  # fmt: skip
    claims, total = ledger.claim_page(ClaimFilter(
        party=party["name"], order="added", limit=PARTY_CLAIMS_PER_PAGE,
        offset=(page - 1) * PARTY_CLAIMS_PER_PAGE))  # fmt: skip
    return {"title": party["name"], **profile, "partners": partners, "claims": claims,
            "claims_total": total, "page": page,
            "pages": max(1, math.ceil(total / PARTY_CLAIMS_PER_PAGE))}  # fmt: skip


@router.get("/party/{name}", response_class=HTMLResponse)
def party_page(request: Request, name: str, page: PageNumber = 1) -> HTMLResponse:
    with open_ledger(request) as ledger:
        data = party_data(ledger, state(request).registry, name, page)
    return render(request, "party.html", data)


@router.get("/api/party/{name}")
def party_api(request: Request, name: str, page: PageNumber = 1) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        return party_data(ledger, state(request).registry, name, page)


KINDS = ("country", "organisation", "person")


def parties_data(ledger: Ledger, kind: str | None, page: int) -> dict[str, Any]:
    if kind and kind not in KINDS:
        raise PageError(400, "bad_request", f"unknown kind {kind!r}; use one of: "
                        + ", ".join(KINDS))  # fmt: skip
    found, total = ledger.party_page(kind=kind or None, limit=PARTIES_PER_PAGE,
                                     offset=(page - 1) * PARTIES_PER_PAGE)  # fmt: skip
    return {"title": "Parties", "parties": found, "total": total, "kind": kind, "kinds": KINDS,
            "page": page, "pages": max(1, math.ceil(total / PARTIES_PER_PAGE))}  # fmt: skip


@router.get("/parties", response_class=HTMLResponse)
def parties_page(request: Request, kind: Name = None, page: PageNumber = 1) -> HTMLResponse:
    with open_ledger(request) as ledger:
        return render(request, "parties.html", parties_data(ledger, kind, page))


@router.get("/api/parties")
def parties_api(request: Request, kind: Name = None, page: PageNumber = 1) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        return parties_data(ledger, kind, page)
