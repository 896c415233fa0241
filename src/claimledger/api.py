"""The Python API over the stages: what the CLI and the web call to put documents in a ledger."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimledger.model import Claim, Document, Flow, Party
from claimledger.parties import PartyRegistry
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
    return list(found.values())


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
