"""From and to read from the whole document, and how sure they are (`party_basis`),
through extraction and a real ledger file.

Every article here is written for these tests.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimledger.api import ingest_document
from claimledger.extract.pipeline import extract_document
from claimledger.ingest import load_text
from claimledger.model import Claim
from claimledger.store import Ledger
from claimledger.store.schema import MIGRATIONS, migrate


def claims_of(body: str) -> list[Claim]:
    text = f"Title: Parties test\nPublished: 2024-10-17\nOutlet: Test Wire\n\n{body}\n"
    return extract_document(load_text(text, name="parties", origin="test")).claims


def claim(body: str, fragment: str) -> Claim:
    found = [c for c in claims_of(body) if fragment in c.quote]
    assert found, f"no claim quoting {fragment!r}"
    return found[0]


def parties(body: str, fragment: str) -> tuple[str | None, str | None, str | None]:
    c = claim(body, fragment)
    return c.from_, c.to, c.party_basis


AID = (
    "Nordic countries have sent Moldova more military aid this year. In January, Norway "
    "gave about $300 million in aid to Moldova, the ministry said.\n\n"
    "Finland has announced its largest aid package so far, worth $120 million.\n\n"
    "Denmark has allocated its own package ($80 million)."
)


def test_a_sentence_that_names_both_parties_is_sure_of_them() -> None:
    assert parties(AID, "$300 million") == ("Norway", "Moldova", "sentence")


def test_an_elided_receiver_comes_from_the_flow_established_before() -> None:
    # The giver is the country the sentence is about; the receiver is the aid's, from before.
    assert parties(AID, "$120 million") == ("Finland", "Moldova", "document")
    assert parties(AID, "$80 million") == ("Denmark", "Moldova", "document")


def test_a_bracketed_amount_belongs_to_the_country_before_it() -> None:
    body = (
        "Norway gave $300 million in aid to Moldova in May. Finland ($60 million) and "
        "Denmark ($40 million) also provided military aid to Moldova."
    )
    assert parties(body, "$60")[:2] == ("Finland", "Moldova")
    assert parties(body, "$40")[:2] == ("Denmark", "Moldova")


def test_a_continuing_sentence_keeps_the_flow_before() -> None:
    body = (
        "Chile sold copper worth $9 billion to Japan in 2023, the ministry said. This "
        "comprised $6 billion of cathodes and $3 billion of concentrate."
    )
    assert parties(body, "$6 billion") == ("Chile", "Japan", "document")
    assert parties(body, "$3 billion") == ("Chile", "Japan", "document")


def test_spending_on_goods_follows_the_goods() -> None:
    body = "Kenya spent $2.1 billion on buying refined fuel from Oman last year."
    assert parties(body, "$2.1")[:2] == ("Oman", "Kenya")


def test_an_import_bill_from_all_suppliers_names_no_giver() -> None:
    body = (
        "Kenya bought fuel worth $900 million from Oman in 2023. Kenya spent $4.4 billion "
        "on fuel imports in 2023."
    )
    assert parties(body, "$4.4")[:2] == (None, "Kenya")


def test_a_buyer_receives_from_the_origin_of_what_it_buys() -> None:
    body = "Japan was the largest buyer of Chilean copper at $5 billion, traders said."
    assert parties(body, "$5 billion")[:2] == ("Chile", "Japan")


def test_a_share_or_change_of_a_stated_flow_carries_its_parties() -> None:
    body = (
        "Japan's imports of Chilean copper grew from 12 percent of its total copper imports "
        "to 30 percent in two years."
    )
    assert parties(body, "12 percent")[:2] == ("Chile", "Japan")
    assert parties(body, "30 percent")[:2] == ("Chile", "Japan")


def test_casualties_and_counts_of_trips_have_no_parties() -> None:
    body = (
        "Belarus has sent 2,000 Belarusian troops to Russia, officials said. About 150 "
        "Belarusian soldiers have been killed. The convoys made 40 trips to Russia."
    )
    assert parties(body, "2,000")[:2] == ("Belarus", "Russia")
    assert parties(body, "150") == (None, None, None)
    assert parties(body, "40 trips") == (None, None, None)


def test_a_sentence_about_other_parties_takes_no_flow() -> None:
    body = (
        "Norway gave $300 million in aid to Moldova in May. Separately, Austria paid "
        "Hungary $50 million for gas."
    )
    assert parties(body, "$50")[:2] != ("Norway", "Moldova")


def test_money_that_is_a_price_or_a_budget_takes_no_flow() -> None:
    body = (
        "Norway gave $300 million in aid to Moldova in May. The aid shipments cost $12 per "
        "tonne to move."
    )
    assert parties(body, "$12") == (None, None, None)


def test_party_basis_is_stored_and_read_back(tmp_path: Path) -> None:
    text = f"Title: Parties test\nPublished: 2024-10-17\nOutlet: Test Wire\n\n{AID}\n"
    doc = load_text(text, name="aid", origin="test")
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        assert ingest_document(ledger, doc)
        stored = {c.quote: c.party_basis for c in ledger.claims()}
    assert stored["about $300 million"] == "sentence"
    assert stored["$120 million"] == "document"


def test_an_old_ledger_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, [m for m in MIGRATIONS if m[0] <= 2])
    conn.close()
    with Ledger.open(path) as ledger:
        assert ledger.claims() == []
    conn = sqlite3.connect(path)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(claims)")}
    conn.close()
    assert "party_basis" in columns
