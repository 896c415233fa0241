"""Search: full-text over the documents' sentences (SQLite FTS5), ranked, with highlights."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from claimledger.store import Ledger
from claimledger.store.queries import HIT_CLOSE, HIT_OPEN
from claimledger.web.context import open_ledger
from claimledger.web.rendering import render

router = APIRouter()
PER_PAGE = 30
Words = Annotated[str | None, Query(max_length=500)]
PageNumber = Annotated[int, Query(ge=1, le=10_000)]


def marked(hit: str | None) -> Markup:
    """The FTS5 highlight text as HTML: everything escaped, then the hits as <mark>."""
    text = escape(hit or "")
    return Markup(str(text).replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>"))


def search_data(ledger: Ledger, q: str | None, page: int) -> dict[str, Any]:
    words = (q or "").strip()
    sentences, documents, total = (
        ledger.search(words, limit=PER_PAGE, offset=(page - 1) * PER_PAGE) if words else ([], [], 0)
    )
    seen: set[tuple[str, int]] = set()
    unique = []
    for row in sentences:  # several figures in one sentence: show the sentence once
        key = (row["doc_id"], row["sent_start"])
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return {"title": f"Search: {words}" if words else "Search", "q": words, "total": total,
            "sentences": unique, "documents": documents, "page": page,
            "pages": max(1, math.ceil(total / PER_PAGE))}  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Words = None, page: PageNumber = 1) -> HTMLResponse:
    with open_ledger(request) as ledger:
        data = search_data(ledger, q, page)
    for row in data["sentences"]:
        row["html"] = marked(row["hit"])
    return render(request, "search.html", data)


@router.get("/api/search")
def search_api(request: Request, q: Words = None, page: PageNumber = 1) -> dict[str, Any]:
    with open_ledger(request) as ledger:
        data = search_data(ledger, q, page)
    for row in data["sentences"]:  # plain text in JSON, the hit spans as [start, end) pairs
        row["hit"] = (row["hit"] or "").replace(HIT_OPEN, "[").replace(HIT_CLOSE, "]")
    return data
