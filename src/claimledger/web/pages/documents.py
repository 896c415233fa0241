"""Documents: the list, and one document's text with its figures and cross-checks."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from claimledger import display
from claimledger.model import Document
from claimledger.store import Ledger
from claimledger.web import judgements
from claimledger.web.context import open_ledger
from claimledger.web.errors import not_found
from claimledger.web.highlight import part_of, text_parts
from claimledger.web.rendering import render

router = APIRouter()
PER_PAGE = 100
# How a check's verdict reads from one document's side.
RELATIONS = {
    "conflict": "contradicts",
    "inconsistent": "does not add up with",
    "different_scope": "differs in scope from",
    "consistent": "corroborates",
}


def documents_data(ledger: Ledger, page: int) -> dict[str, Any]:
    found, total = ledger.document_page(PER_PAGE, (page - 1) * PER_PAGE)
    return {
        "title": "Documents",
        "documents": found,
        "total": total,
        "page": page,
        "pages": max(1, math.ceil(total / PER_PAGE)),
    }


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, page: Annotated[int, Query(ge=1)] = 1) -> HTMLResponse:
    with open_ledger(request) as ledger:
        return render(request, "documents.html", documents_data(ledger, page))


@router.get("/api/documents")
def documents_api(request: Request, page: Annotated[int, Query(ge=1)] = 1) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        return documents_data(ledger, page)


def _relations(doc_id: str, figures: list[dict[str, Any]], ledger: Ledger) -> dict[str, Any]:
    """Each pair between a figure here and one elsewhere, once, under its own judgement."""
    pairs, arithmetic = judgements.figure_pairs(ledger, [c["id"] for c in figures])
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in RELATIONS}
    seen: set[tuple[int, int]] = set()
    for found in pairs.values():
        for pair in found:
            key = (pair.mine["id"], pair.other["id"])
            if pair.other["doc_id"] == doc_id or key in seen or pair.verdict not in RELATIONS:
                continue
            seen.add(key)
            out[pair.verdict].append({"mine": pair.mine, "other": pair.other, "note": pair.note,
                                      "unasserted": pair.unasserted, "check_id": pair.check_id,
                                      "review": pair.review})  # fmt: skip
    return {**out, "arithmetic": arithmetic}


def _named(document: Document) -> dict[str, Any]:
    """What `display.document_title` reads: title, the text's first lines, url, name."""
    head = document.text[document.body_start : document.body_start + 200]
    return {"title": document.title, "head": head, "url": document.url, "name": document.name}


def document_data(ledger: Ledger, doc_id: str, part: int = 1) -> dict[str, Any]:
    """One page (`part`) of a document's text with its figures; long texts come in parts."""
    document = ledger.document(doc_id)
    if document is None:
        raise not_found(f"document {doc_id!r}", "pick one from /documents")
    all_figures = ledger.document_claims(document.id)
    parts = text_parts(document.text, document.body_start)
    part = min(max(part, 1), len(parts))
    lo, hi = parts[part - 1]
    figures = [c for c in all_figures if lo <= c["start"] < hi]
    return {
        "title": display.document_title(_named(document)),
        "document": {
            "id": document.id,
            "name": document.name,
            "origin": document.origin,
            "kind": document.kind,
            "title": document.title,
            "outlet": document.outlet,
            "author": document.author,
            "published": document.published,
            "url": document.url,
            "body_start": document.body_start,
            "meta": document.meta,
            "head": _named(document)["head"],
            "text": document.text[lo:hi],
            "text_start": lo,
        },  # fmt: skip
        "figures": figures,
        "figures_total": len(all_figures),
        "part": part,
        "parts": len(parts),
        "flows": ledger.flows(doc=document.id),
        "relations": _relations(document.id, figures, ledger),
        "relation_names": RELATIONS,
        "notice": None,
        "focus": None,
    }


@router.get("/at/{claim_id}")
def figure_in_its_document(request: Request, claim_id: int) -> RedirectResponse:
    """The figure in its document: the right part of the text, scrolled to and highlighted."""
    with open_ledger(request) as ledger:
        claim = ledger.claim_record(claim_id)
        if claim is None:
            raise not_found(f"figure {claim_id}", "pick one from /figures")
        document = ledger.document(claim["doc_id"])
    assert document is not None
    part = part_of(text_parts(document.text, document.body_start), claim["start"])
    target = f"/document/{document.id}?part={part}&focus={claim_id}#claim-{claim_id}"
    return RedirectResponse(target, status_code=303)


@router.get("/document/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request, doc_id: str, added: int | None = None, known: int | None = None,
    part: Annotated[int, Query(ge=1, le=100_000)] = 1, focus: int | None = None,
) -> HTMLResponse:  # fmt: skip
    with open_ledger(request) as ledger:
        data = document_data(ledger, doc_id, part)
    data["focus"] = focus
    count = data["figures_total"]
    if added:
        data["notice"] = f"Document added to the ledger: {count} figures found."
    elif known:
        data["notice"] = f"This document was already in the ledger ({count} figures)."
    return render(request, "document.html", data)


@router.get("/api/document/{doc_id}")
def document_api(
    request: Request, doc_id: str, part: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        return document_data(ledger, doc_id, part)
