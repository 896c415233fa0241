"""Origins and independence, and reconcile over a real ledger file: stored checks,
staleness, blocking in SQL, and `check_document` counting independent origins."""

from __future__ import annotations

from claimledger.extract.pipeline import Extraction
from claimledger.model import Claim
from claimledger.parties import PartyRegistry
from claimledger.reconcile import check_document, checks_are_stale, origin_of, reconcile
from claimledger.reconcile.features import view_of
from claimledger.reconcile.grouping import judge_block
from claimledger.store import Ledger, blocking
from conftest import AddDoc, make_claim, make_document

NK_RU = {"from_": "North Korea", "to": "Russia", "item": "shipping containers"}
SENT = "North Korea has sent about 16,000 shipping containers of ammunition to Russia so far."


def test_two_outlets_citing_the_nis_are_one_origin() -> None:
    registry = PartyRegistry.default()
    doc = make_document("a", "x", outlet="EU Today")
    a = Claim(doc="a", quote="x", start=0, end=1, value=1,
              source="South Korea's National Intelligence Service")  # fmt: skip
    b = Claim(doc="b", quote="x", start=0, end=1, value=1, source="NIS")
    c = Claim(doc="a", quote="x", start=0, end=1, value=1)
    assert origin_of(a, doc, registry) == origin_of(b, None, registry)
    assert origin_of(a, doc, registry) == "National Intelligence Service"
    assert origin_of(c, doc, registry) == "EU Today"


def test_reconcile_stores_checks_and_knows_when_they_are_stale(
    ledger: Ledger, add_doc: AddDoc
) -> None:
    add_doc("a", SENT, [("about 16,000 shipping containers",
                         {"value": 16000, "qualifier": "about", **NK_RU})])  # fmt: skip
    assert checks_are_stale(ledger)
    text_b = "Officials said 16,400 shipping containers have crossed the border."
    add_doc("b", text_b, [("16,400 shipping containers", {"value": 16400, **NK_RU})],
            outlet="Daily NK")  # fmt: skip
    result = reconcile(ledger)
    assert not checks_are_stale(ledger)
    stored = ledger.checks()
    assert [c["verdict"] for c in stored] == ["consistent"]
    assert [c["quote"] for c in stored[0]["claims"]] == [
        "about 16,000 shipping containers",
        "16,400 shipping containers",
    ]
    assert stored[0]["note"].endswith("2 independent origins (Daily NK, a)")
    assert result.groups[0].values[0].origins == ["Daily NK", "a"]
    assert blocking.block_sizes(ledger) == [("materiel|count|stock", 2)]
    add_doc("c", "Nothing here but 3 ships.", [("3 ships", {"value": 3, "item": "ships"})])
    assert checks_are_stale(ledger)


def test_copied_sentences_count_as_one_origin_in_check(ledger: Ledger, add_doc: AddDoc) -> None:
    spec = [("about 16,000 shipping containers", {"value": 16000, "qualifier": "about", **NK_RU})]
    add_doc("wire", SENT, spec, outlet="Wire")
    add_doc("copy", "Reprinted. " + SENT, spec, outlet="Copycat")
    add_doc("own", "By November some 16,200 shipping containers had gone north to Russia.",
            [("16,200 shipping containers", {"value": 16200, **NK_RU})], outlet="Own")  # fmt: skip
    text = "Analysts say about 16,000 shipping containers went from North Korea to Russia."
    doc = make_document("new", text, outlet="New")
    claim = make_claim(text, "about 16,000 shipping containers", doc, value=16000,
                       qualifier="about", **NK_RU)  # fmt: skip
    report = check_document(ledger, Extraction(document=doc, claims=[claim], flows=[]))
    (figure,) = report.figures
    assert figure.status == "corroborated"
    assert figure.origins == ["Own", "Wire"]  # the copy of Wire's sentence is not a second origin
    assert not report.failed
    assert ledger.stats()["documents"] == 3  # nothing stored


def test_check_reports_a_conflict_and_fails(ledger: Ledger, add_doc: AddDoc) -> None:
    pay = {"unit": "USD", "per": "month", "item": "salary", "from_": "Russia", "to": "North Korea"}
    add_doc("nis", "Each North Korean soldier receives $2,000 per month, the NIS says.",
            [("$2,000 per month", {"value": 2000, "source": "NIS", **pay})])  # fmt: skip
    text = "The soldiers will earn $800 a month, Cho Han-beom estimated."
    doc = make_document("new", text)
    claim = make_claim(text, "$800 a month", doc, value=800, source="Cho Han-beom", **pay)
    report = check_document(ledger, Extraction(document=doc, claims=[claim], flows=[]))
    (figure,) = report.figures
    assert figure.status == "conflicting"
    assert figure.matches[0].doc == "nis" and figure.matches[0].verdict == "conflict"
    assert report.failed


def test_a_large_block_is_judged_in_a_sliding_window(ledger: Ledger) -> None:
    """Blocks larger than the window cost window x size pairs, not size squared."""
    batch = []
    for i in range(60):
        text = f"Officials said {1000 + i} drones went from Iran to Russia."
        doc = make_document(f"d{i:02d}", text)
        quote = f"{1000 + i} drones"
        claim = make_claim(text, quote, doc, value=1000 + i, item="drones", when="2024",
                           from_="Iran", to="Russia")  # fmt: skip
        batch.append((doc, [claim]))
    assert blocking.bulk_add(ledger, batch) == 60
    assert blocking.bulk_add(ledger, batch) == 0  # already stored
    result = reconcile(ledger, window=5)
    assert blocking.block_sizes(ledger) == [("materiel|count|stock", 60)]
    (group,) = result.groups
    assert len(group.claims) == 60
    views = [view_of(c) for _, claims in batch for c in claims]
    assert len(judge_block(views, window=5)) == 5 * 60 - 15  # each claim against its next 5
    assert {c.verdict for c in result.checks} <= {"consistent", "different_scope"}
