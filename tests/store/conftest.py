"""Fixtures for the ledger tests: a real ledger file and one small hand-built document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimledger.model import Claim, Document, Flow, Party, document_id
from claimledger.store import Ledger

TEXT = (
    "Kyiv, 3 June 2024.\n"
    "Russia fired about 10,000 shells a day at Ukraine, the ISW said. "
    'North Korea sent Russia 1.5 million "artillery" rounds, officials reported. '
    "Germany pledged $500 million in aid."
)


@dataclass
class Sample:
    doc: Document
    claims: list[Claim]
    flows: list[Flow]
    parties: list[Party]


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def sentence_of(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    sent_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    sent_end = text.index(".", start + len(quote)) + 1
    return sent_start, sent_end


def make_doc(text: str, name: str) -> Document:
    """A document with every metadata field set."""
    return Document(
        id=document_id(text),
        name=name,
        origin=f"corpus/{name}.txt",
        text=text,
        body_start=text.find("\n") + 1,
        title="Shells and rounds",
        outlet="Example Post",
        author="A. Writer",
        published="2024-06-03",
        url="https://example.org/kyiv",
        meta={"lang": "en", "note": "ünïcode"},
    )


def make_sample(text: str = TEXT, name: str = "kyiv") -> Sample:
    doc = make_doc(text, name)

    def claim(quote: str, **fields: object) -> Claim:
        start, end = span(text, quote)
        sent_start, sent_end = sentence_of(text, quote)
        return Claim(
            doc=name,
            quote=quote,
            start=start,
            end=end,
            sent_start=sent_start,
            sent_end=sent_end,
            doc_id=doc.id,
            **fields,  # type: ignore[arg-type]
        )

    claims = [
        claim(
            "about 10,000 shells a day",
            value=10000.0,
            qualifier="about",
            unit="count",
            item="shells",
            concept="shells",
            per="day",
            source="ISW",
            from_="Russia",
            to="Ukraine",
        ),
        claim(
            "1.5 million",
            value=1500000.0,
            item="artillery rounds",
            concept="shells",
            source="officials",
            modality="reported",
            from_="North Korea",
            to="Russia",
        ),
        claim(
            "$500 million",
            value=500e6,
            unit="USD",
            currency="USD",
            item="aid",
            concept="aid",
            from_="Germany",
            when="2024-06",
            vague=True,
        ),
    ]
    flows = [
        Flow(
            "North Korea",
            "Russia",
            "artillery rounds",
            "shells",
            name,
            *span(text, "sent"),
            0,
            0,
            1,
        ),
        Flow("Germany", None, "aid", "aid", name, *span(text, "pledged"), claim=None),
    ]
    parties = [
        Party("Russia", "country", ("Moscow", "Russian"), "RUS"),
        Party("North Korea", "country", ("DPRK", "Pyongyang"), "PRK"),
        Party("Ukraine", "country", ("Kyiv",), "UKR"),
        Party("Institute for the Study of War", "organisation", ("ISW",), None, "USA"),
    ]
    return Sample(doc, claims, flows, parties)


@pytest.fixture
def sample() -> Sample:
    return make_sample()


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def ledger(ledger_path: Path) -> Iterator[Ledger]:
    with Ledger.open(ledger_path) as opened:
        yield opened


@pytest.fixture
def doc_factory() -> Callable[[str, str], Document]:
    """`make_doc(text, name)`, for tests that need a second document."""
    return make_doc


def write_version_2_ledger(path: Path, sample: Sample) -> Ledger:
    """A ledger as claimledger wrote it at schema version 2 (before finite numbers, the
    redeclared full-text table and later columns), holding `sample`; returned open."""
    import sqlite3

    from claimledger.store import queries
    from claimledger.store.rows import claim_row, document_row, flow_row
    from claimledger.store.schema import MIGRATIONS, migrate

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn, MIGRATIONS[:2])
    conn.row_factory = sqlite3.Row
    queries.register_functions(conn)
    ledger = Ledger(conn, path)
    old_columns = {row[1] for row in conn.execute("PRAGMA table_info(claims)")}
    conn.execute(queries.INSERT_DOCUMENT, document_row(sample.doc))
    party_ids = ledger._upsert_parties(sample.parties)
    claim_ids = []
    for claim in sample.claims:
        row = {k: v for k, v in claim_row(sample.doc, claim).items() if k in old_columns}
        names = ", ".join(f'"{k}"' for k in row)
        marks = ", ".join(f":{k}" for k in row)
        claim_id = conn.execute(f"INSERT INTO claims ({names}) VALUES ({marks})", row).lastrowid
        claim_ids.append(claim_id)
        ledger._link_parties(claim, claim_id, party_ids)
    for flow in sample.flows:
        conn.execute(queries.INSERT_FLOW, flow_row(sample.doc, flow, claim_ids))
    return ledger


@pytest.fixture
def version_2_ledger() -> Callable[[Path, Sample], Ledger]:
    """write_version_2_ledger, for tests of migrations."""
    return write_version_2_ledger
