"""The Python API over the stages: what the CLI and the web call to put documents in a ledger."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimledger.model import Claim, Document, Flow, Party
from claimledger.parties import PartyRegistry, parse_role
from claimledger.store import Ledger

if TYPE_CHECKING:
    from claimledger.extract.pipeline import Extraction


def referenced_parties(
    registry: PartyRegistry, claims: Sequence[Claim], flows: Sequence[Flow]
) -> list[Party]:
    """The registry's parties named by claims (from, to, source) and flows (giver, receiver)."""
    names: list[str] = []
    for claim in claims:
        names.extend(n for n in (claim.from_, claim.to, claim.source) if n)
    for flow in flows:
        names.extend(n for n in (flow.giver, flow.receiver) if n)
    found: dict[str, Party] = {}
    for name in names:
        for part in (name, *name.split(" and ")):  # several receivers are joined with " and "
            party = registry.resolve(part.strip())
            if party is not None:
                found.setdefault(party.name, party)
    for claim in claims:
        if claim.source and registry.resolve(claim.source) is None:
            party = source_party(claim.source, registry)
            if party is not None and party.name not in found:
                found[party.name] = party
            elif party is not None:  # the same person under another title: one more alias
                known = found[party.name]
                aliases = tuple(dict.fromkeys((*known.aliases, *party.aliases)))
                found[party.name] = Party(
                    known.name, known.kind, aliases, known.code, known.affiliation
                )
    return list(found.values())


_ORGANISATION_HEADS = frozenset({
    "agency", "service", "ministry", "institute", "bank", "office", "council", "committee",
    "forum", "group", "company", "media", "news", "times", "post", "journal", "programme",
    "program", "fund", "department", "commission", "centre", "center", "university",
    "exchange", "digest", "review", "monitor", "wire", "project", "bureau", "guard",
    "corporation", "association", "foundation", "network", "tribune", "herald", "daily",
    "nk", "press", "tv", "radio", "capital", "securities", "analytics", "institution",
})  # fmt: skip


def source_party(source: str, registry: PartyRegistry) -> Party | None:
    """A party for a source the registry does not know: a person (with the country of their
    role, 'South Korean Defense Minister Shin Won-sik' -> Shin Won-sik of South Korea) or an
    organisation; the text's own phrase is kept as an alias so the claim links to it."""
    words = source.split()
    if not words or not any(w[:1].isupper() for w in words):
        return None  # "the agency", "analysts": nobody in particular
    if words[-1].lower() in _ORGANISATION_HEADS:
        return Party(source, "organisation", (source,), None, registry.country_of(source))
    name, _role, country = parse_role(source, registry)
    if name and 2 <= len(name.split()) <= 4 and all(w[:1].isupper() for w in name.split()):
        return Party(registry.canonical(name), "person", (source,), None, country)
    return None


def store_extraction(ledger: Ledger, found: Extraction, registry: PartyRegistry) -> bool:
    """Store an extracted document with its claims, flows and the parties they name.

    False, changing nothing, when the ledger already holds the document.
    """
    parties = referenced_parties(registry, found.claims, found.flows)
    return ledger.add_document(found.document, found.claims, found.flows, parties)


def ingest_document(ledger: Ledger, doc: Document, registry: PartyRegistry | None = None) -> bool:
    """Extract `doc` and store it with what was found; False, extracting nothing, when the
    ledger already holds it. Extraction errors propagate; the store writes all or nothing."""
    if ledger.has_document(doc.id):
        return False
    from claimledger.extract.pipeline import extract_documents  # loads spaCy: only when needed

    registry = registry or PartyRegistry.default()
    found = next(extract_documents([doc], registry=registry))
    return store_extraction(ledger, found, registry)
