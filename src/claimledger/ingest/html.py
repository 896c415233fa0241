"""Extract an article's main text and metadata from an HTML page with trafilatura."""

from __future__ import annotations

import trafilatura

from claimledger.errors import InputError
from claimledger.ingest.text import iso_date
from claimledger.model import Document, document_id

NO_TEXT = "no article text found in the HTML page"


def html_document(html: str, *, name: str, origin: str, url: str | None = None) -> Document:
    """A Document whose text is the page's main text; never fetches anything."""
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_images=False,
            include_links=False,
        )
    except Exception as exc:  # trafilatura raises assorted errors on malformed pages
        raise InputError(origin, f"cannot read HTML: {type(exc).__name__}") from exc
    text = (getattr(result, "text", None) or "").strip()
    if not text:
        raise InputError(origin, NO_TEXT)
    published = iso_date(result.date) if result.date else None
    meta = {"hostname": result.hostname} if result.hostname else {}
    return Document(
        id=document_id(text),
        name=name,
        origin=origin,
        text=text,
        kind="html",
        title=result.title or None,
        outlet=result.sitename or None,
        author=result.author or None,
        published=published,
        url=result.url or url,
        meta=meta,
    )
