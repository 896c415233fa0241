"""Fixtures for the ledger tests: a real ledger file and one small hand-built document."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimledger.model import Claim, Document, Flow, Party, document_id
from claimledger.store import Ledger, queries
from claimledger.store.schema import MIGRATIONS, migrate

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


# Columns later versions add (4: a figure's change; 6: how sure its parties are) that
# today's writer fills. A ledger "as written before version 3" needs them for
# `Ledger.add_document` to run on it; version 3's rebuild keeps only the version 2 columns,
# and versions 4 and 6 add these back.
LATER_COLUMNS = ("change TEXT", "change_from REAL", "party_basis TEXT")


@pytest.fixture
def old_ledger_connection() -> Callable[[Path, int], sqlite3.Connection]:
    """A connection to a ledger migrated only to `version`, writable by today's Ledger."""

    def connect_at(path: Path, version: int) -> sqlite3.Connection:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, [m for m in MIGRATIONS if m[0] <= version])
        for column in LATER_COLUMNS:
            conn.execute(f"ALTER TABLE claims ADD COLUMN {column}")
        conn.row_factory = sqlite3.Row
        queries.register_functions(conn)
        return conn

    return connect_at
