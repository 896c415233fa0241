"""Where a figure comes from, so that ten articles repeating one agency count once.

A claim's origin is its attributed source resolved through the party registry (two
outlets citing South Korea's NIS are one origin), else the outlet that asserts it. Claims
whose sentences are near-identical across documents (syndication, copying) share one
origin whatever their attribution says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import urlparse

from claimledger.model import Claim, Document
from claimledger.parties import PartyRegistry, person_key
from claimledger.reconcile.features import ClaimView

_WORDS_RE = re.compile(r"\w+")
SHINGLE = 3
COPY_THRESHOLD = 0.7  # Jaccard similarity of word 3-shingles above which a sentence is a copy


@lru_cache(maxsize=65536)
def _source_origin(source: str, registry: PartyRegistry) -> str:
    party = registry.resolve(source)
    if party is None:
        found = [p for _, _, p in registry.find(source) if p.kind != "country"]
        found = found or [p for _, _, p in registry.find(source)]
        names = list(dict.fromkeys(p.name for p in found))
        if len(names) == 1:
            return names[0]
        return " ".join(source.split()).strip(" ,.;:") or person_key(source)
    return party.name


def outlet_of(document: Document | None, doc: str) -> str:
    """The outlet that publishes a document: its outlet, its URL's host, else its name."""
    if document is not None:
        if document.outlet:
            return document.outlet
        if document.url:
            host = urlparse(document.url).hostname or ""
            if host:
                return host.removeprefix("www.")
    return doc


def origin_of(claim: Claim, document: Document | None, registry: PartyRegistry) -> str:
    """The normalised origin of a claim: its resolved source, else its document's outlet."""
    if claim.source and claim.source.strip():
        return _source_origin(claim.source, registry)
    return outlet_of(document, claim.doc)


def shingles(sentence: str) -> frozenset[tuple[str, ...]]:
    words = _WORDS_RE.findall(sentence.casefold())
    if len(words) < SHINGLE:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def near_identical(a: str, b: str) -> bool:
    """True when two sentences are copies of each other (Jaccard of word 3-shingles)."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return False
    return len(sa & sb) / len(sa | sb) >= COPY_THRESHOLD


def independent_origins(views: Sequence[ClaimView]) -> list[str]:
    """The distinct origins behind some claims, copies across documents merged."""
    parent = list(range(len(views)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(views):
        for j in range(i + 1, len(views)):
            b = views[j]
            same = a.origin == b.origin
            copied = a.claim.doc_id != b.claim.doc_id and near_identical(a.sentence, b.sentence)
            if same or copied:
                parent[find(j)] = find(i)
    roots: dict[int, str] = {}
    for i, view in enumerate(views):
        roots.setdefault(find(i), view.origin)
    return sorted(roots.values())
