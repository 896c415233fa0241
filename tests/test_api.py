"""The Python API: ingest a document, and sources become parties with their country."""

from __future__ import annotations

from pathlib import Path

from claimledger.api import bound_figures, ingest_document, source_party
from claimledger.extract.pipeline import Extraction
from claimledger.ingest import load_text
from claimledger.ingest.limits import Limits
from claimledger.model import Claim, Flow
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
        assert ingest_document(ledger, doc, registry).added is True
        assert ingest_document(ledger, doc, registry).added is False  # the same text adds nothing
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


def _claim(doc_id: str, start: int, value: float | None, **more: float) -> Claim:
    return Claim(doc="d", quote=f"q{start}", start=start, end=start + 1, value=value,
                 doc_id=doc_id, **more)  # type: ignore[arg-type]  # fmt: skip


def test_figures_beyond_bounds_are_skipped_with_a_reason() -> None:
    doc = load_text("Some text about 5 ships.", name="d", origin="test")
    claims = [
        _claim(doc.id, 0, 5.0),
        _claim(doc.id, 1, float("inf")),
        _claim(doc.id, 2, 3.0, high=1e400),
        _claim(doc.id, 3, -2e15),
        _claim(doc.id, 4, 7.0),
    ]
    flows = [Flow("A", "B", "ships", "ships", "d", 0, 1, claim=4), Flow("A", "B", "x", "x", "d",
             0, 1, claim=1)]  # fmt: skip
    prepared = bound_figures(Extraction(doc, claims, flows), Limits())
    assert [c.value for c in prepared.extraction.claims] == [5.0, 7.0]
    assert [f.claim for f in prepared.extraction.flows] == [1, None]  # re-pointed, or unlinked
    assert len(prepared.warnings) == 3
    assert prepared.warnings[0] == "skipped the figure 'q1' at 1: value inf is beyond ±1e+15"
    assert "high inf" in prepared.warnings[1]


def test_figures_over_the_limit_are_cut_with_a_warning() -> None:
    doc = load_text("Some text about 5 ships.", name="d", origin="test")
    claims = [_claim(doc.id, n, float(n)) for n in range(10)]
    prepared = bound_figures(Extraction(doc, claims, []), Limits(max_figures=4))
    assert [c.value for c in prepared.extraction.claims] == [0.0, 1.0, 2.0, 3.0]
    assert prepared.warnings == [
        "kept the first 4 figures, left out 6 more (limit 4; raise CLAIMLEDGER_MAX_FIGURES)"
    ]
