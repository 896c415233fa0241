"""Decide what kind of input some bytes are: text, html, pdf or feed."""

from __future__ import annotations

import re

KINDS = ("text", "html", "pdf", "feed")

_SUFFIX_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".rss": "feed",
    ".atom": "feed",
}

_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "text/plain": "text",
}

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]")


def sniff_content(data: bytes) -> str:
    """The kind of some bytes from their first kilobytes; 'text' when nothing else fits."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"%pdf-" in data[:1024].lower():
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"<rss", b"<feed")) or (
        head.startswith(b"<?xml") and _FEED_ROOT.search(head)
    ):
        return "feed"
    if head.startswith(b"<?xml") and b"<html" in head:
        return "html"
    return "text"


def kind_for(data: bytes, suffix: str = "", content_type: str = "") -> str:
    """The kind of an input: a known suffix or content type wins, else the content decides."""
    by_suffix = _SUFFIX_KINDS.get(suffix.lower())
    if by_suffix:
        return by_suffix
    by_type = _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
    if by_type and not (by_type == "text" and data[:5] == b"%PDF-"):
        return by_type
    return sniff_content(data)
