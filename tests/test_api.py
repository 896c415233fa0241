"""The Python API: ingest a document, and sources become parties with their country."""

from __future__ import annotations

from pathlib import Path

from claimledger.api import ingest_document, source_party
from claimledger.ingest import load_text
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger

TEXT = (
    "Title: Containers\nPublished: 2024-06-26\nOutlet: Harbour Ledger\n\n"
    "Up to 10,000 shipping containers were shipped to Russia from North Korea over the past "
    "12 months, South Korean Defence Minister Shin Won-sik said on Wednesday. Cho Han-beom, "
    "a researcher, estimated that each soldier earns $800 a month."
)


def test_sources_become_parties_linked_to_their_claims(tmp_path: Path) -> None:
    registry = PartyRegistry.default()
    doc = load_text(TEXT, name="containers", origin="test")
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        assert ingest_document(ledger, doc, registry) is True
        assert ingest_document(ledger, doc, registry) is False  # the same text adds nothing
        people = {p.name: p for p in ledger.parties() if p.kind == "person"}
        assert people["Shin Won-sik"].affiliation == "South Korea"
        assert "Cho Han-beom" in people
        quotes = [c.quote for c in ledger.claims(party="Shin Won-sik")]
        assert quotes == ["Up to 10,000 shipping containers"]


def test_source_party_tells_people_from_organisations_and_from_nobody() -> None:
    registry = PartyRegistry.default()
    assert source_party("Korea Exchange", registry).kind == "organisation"  # type: ignore[union-attr]
    assert source_party("Deputy Prime Minister Marat Khusnullin", registry).name == (  # type: ignore[union-attr]
        "Marat Khusnullin"
    )
    assert source_party("the agency", registry) is None
    assert source_party("South Korean and Ukrainian officials", registry) is None
