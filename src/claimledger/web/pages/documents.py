"""Documents: the list, and one document's text with its figures and cross-checks."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from claimledger.store import Ledger
from claimledger.web.context import open_ledger
from claimledger.web.errors import not_found
from claimledger.web.rendering import render

router = APIRouter()
PER_PAGE = 100
# How a check's verdict reads from one document's side.
RELATIONS = {
    "consistent": "corroborates",
    "conflict": "contradicts",
    "different_scope": "differs in scope from",
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


def _relations(doc_id: str, checks: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Group checks by how this document relates to the others; arithmetic kept apart."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in (*RELATIONS, "arithmetic")}
    for check in checks:
        if check["kind"] != "group":
            out["arithmetic"].append(check)
            continue
        mine = [c for c in check["claims"] if c["doc_id"] == doc_id]
        others = [c for c in check["claims"] if c["doc_id"] != doc_id]
        if mine and others and check["verdict"] in RELATIONS:
            out[check["verdict"]].append({**check, "mine": mine, "others": others})
    return out


def document_data(ledger: Ledger, doc_id: str) -> dict[str, Any]:
    document = ledger.document(doc_id)
    if document is None:
        raise not_found(f"document {doc_id!r}", "pick one from /documents")
    figures = ledger.document_claims(document.id)
    checks = ledger.checks_citing(c["id"] for c in figures)
    return {
        "title": document.title or document.name,
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
            "text": document.text,
        },  # fmt: skip
        "figures": figures,
        "flows": ledger.flows(doc=document.id),
        "relations": _relations(document.id, checks),
        "relation_names": RELATIONS,
        "notice": None,
    }


@router.get("/document/{doc_id}", response_class=HTMLResponse)
def document_page(
    request: Request, doc_id: str, added: int | None = None, known: int | None = None
) -> HTMLResponse:
    with open_ledger(request) as ledger:
        data = document_data(ledger, doc_id)
    count = len(data["figures"])
    if added:
        data["notice"] = f"Document added to the ledger: {count} figures found."
    elif known:
        data["notice"] = f"This document was already in the ledger ({count} figures)."
    return render(request, "document.html", data)


@router.get("/api/document/{doc_id}")
def document_api(request: Request, doc_id: str) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        return document_data(ledger, doc_id)
