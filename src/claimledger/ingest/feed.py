"""Turn an RSS or Atom feed into one Document per entry; entry links are never fetched."""

from __future__ import annotations

import io
import re
import time

import feedparser
import lxml.html
from lxml.etree import ParserError

from claimledger.errors import InputError
from claimledger.model import Document, document_id

NO_ENTRIES = "feed has no entries"
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment, one paragraph per line, tags and entities resolved."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment.strip()
    for element in root.iter("br", *_BLOCKS):
        element.tail = ("\n" if element.tag == "br" else "\n\n") + (element.tail or "")
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", root.text_content())
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    return plain_text(html or "")


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def feed_documents(data: bytes, *, name: str, origin: str) -> list[Document]:
    """One Document per entry: its title, a blank line, then its content or summary."""
    parsed = feedparser.parse(io.BytesIO(data))  # a stream, so feedparser never opens a URL
    outlet = (parsed.feed.get("title") or "").strip() or None
    docs = []
    for n, entry in enumerate(parsed.entries, start=1):
        title = (entry.get("title") or "").strip()
        body = _entry_text(entry)
        text = f"{title}\n\n{body}" if title and body else title or body
        if not text:
            continue
        docs.append(
            Document(
                id=document_id(text),
                name=f"{name}-{n}",
                origin=origin,
                text=text,
                kind="feed",
                title=title or None,
                outlet=outlet,
                author=entry.get("author") or None,
                published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
                url=entry.get("link") or None,
            )
        )
    if not docs:
        raise InputError(origin, NO_ENTRIES)
    return docs
