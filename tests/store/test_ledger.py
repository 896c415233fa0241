"""Writing documents to the ledger and reading claims, flows, parties and checks back."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import UsageError
from claimledger.model import CheckResult, Party
from claimledger.store import Ledger


def add(ledger: Ledger, sample: Any) -> bool:
    return ledger.add_document(sample.doc, sample.claims, sample.flows, sample.parties)


def test_document_and_claims_round_trip(ledger: Ledger, sample: Any) -> None:
    assert add(ledger, sample) is True
    assert ledger.has_document(sample.doc.id)
    assert ledger.document(sample.doc.id) == sample.doc
    assert ledger.document("kyiv") == sample.doc
    assert ledger.document("missing") is None
    assert ledger.documents() == [sample.doc]
    assert ledger.documents(with_text=False) == [replace(sample.doc, text="")]
    assert ledger.claims() == sample.claims
    assert ledger.stats() == {"documents": 1, "claims": 3, "flows": 2, "parties": 4, "checks": 0}


def test_claim_rows_carry_sentence_and_document_fields(ledger: Ledger, sample: Any) -> None:
    add(ledger, sample)
    row = ledger.claim_rows(item="artillery")[0]
    assert row["sentence"] == (
        'North Korea sent Russia 1.5 million "artillery" rounds, officials reported.'
    )
    assert row["quote"] == "1.5 million"
    assert (row["title"], row["outlet"], row["published"]) == (
        "Shells and rounds",
        "Example Post",
        "2024-06-03",
    )
    assert isinstance(row["id"], int)
    assert row["from_party"] == "North Korea"
    assert row["vague"] is False


def test_flows_store_the_row_id_of_their_claim(ledger: Ledger, sample: Any) -> None:
    add(ledger, sample)
    flows = ledger.flows()
    assert [(f["giver"], f["receiver"], f["concept"]) for f in flows] == [
        ("North Korea", "Russia", "shells"),
        ("Germany", None, "aid"),
    ]
    carried = ledger.claim_rows(item="artillery")[0]["id"]
    assert flows[0]["claim_id"] == carried
    assert flows[1]["claim_id"] is None
    assert flows[0]["doc"] == "kyiv"
    assert ledger.flows(giver="north korea", receiver="RUSSIA") == flows[:1]
    assert ledger.flows(concept="aid") == flows[1:]
    assert ledger.flows(giver="nobody") == []


def test_parties_upsert_and_claim_links(ledger: Ledger, sample: Any, doc_factory: Any) -> None:
    add(ledger, sample)
    assert ledger.parties() == sorted(sample.parties, key=lambda p: p.name)
    links = ledger._conn.execute(
        "SELECT c.quote, p.name, cp.role FROM claim_parties cp "
        "JOIN claims c ON c.id = cp.claim_id JOIN parties p ON p.id = cp.party_id "
        "ORDER BY c.id, cp.role"
    ).fetchall()
    assert [tuple(r) for r in links] == [
        ("about 10,000 shells a day", "Russia", "from"),
        ("about 10,000 shells a day", "Institute for the Study of War", "source"),
        ("about 10,000 shells a day", "Ukraine", "to"),
        ("1.5 million", "North Korea", "from"),
        ("1.5 million", "Russia", "to"),
    ]
    # A second document updates Russia, adds an alias, ignores a duplicate one.
    other = doc_factory("Russia sent 5 tanks.", "other")
    richer = Party("Russia", "country", ("Moscow", "Kremlin"), "RUS", "Eurasia")
    assert ledger.add_document(other, [], [], [richer])
    russia = next(p for p in ledger.parties() if p.name == "Russia")
    assert russia == Party("Russia", "country", ("Moscow", "Russian", "Kremlin"), "RUS", "Eurasia")
    assert ledger.stats()["parties"] == 4


def test_readding_a_document_is_a_no_op(ledger: Ledger, sample: Any) -> None:
    assert add(ledger, sample) is True
    before = ledger.counts()
    assert add(ledger, sample) is False
    changed = replace(sample.claims[0], quote="different")
    assert ledger.add_document(sample.doc, [changed], [], [Party("New", "person")]) is False
    assert ledger.counts() == before
    assert ledger.claims() == sample.claims


def test_a_failure_mid_document_leaves_no_rows(ledger: Ledger, sample: Any) -> None:
    before = ledger.counts()
    bad = replace(sample.claims[2], qualifier="roughly")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint"):
        ledger.add_document(sample.doc, [*sample.claims[:2], bad], sample.flows, sample.parties)
    assert ledger.counts() == before
    assert not ledger.has_document(sample.doc.id)
    assert not ledger._conn.in_transaction
    # The ledger stays usable, and the corrected document goes in whole.
    assert add(ledger, sample) is True
    assert ledger.claims() == sample.claims


def test_bad_modality_and_duplicate_span_roll_back(ledger: Ledger, sample: Any) -> None:
    before = ledger.counts()
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint"):
        ledger.add_document(sample.doc, [replace(sample.claims[0], modality="rumoured")])
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        ledger.add_document(sample.doc, [sample.claims[0], sample.claims[0]])
    assert ledger.counts() == before


def test_inputs_rejected_before_writing(ledger: Ledger, sample: Any) -> None:
    before = ledger.counts()
    stray = replace(sample.flows[0], claim=7)
    with pytest.raises(UsageError, match="claim index 7 is outside the 3 claims"):
        ledger.add_document(sample.doc, sample.claims, [stray])
    foreign = replace(sample.claims[0], doc_id="0123456789abcdef")
    with pytest.raises(UsageError, match="has doc_id 0123456789abcdef"):
        ledger.add_document(sample.doc, [foreign])
    with pytest.raises(UsageError, match="value is nan, not a finite number"):
        ledger.add_document(sample.doc, [replace(sample.claims[0], value=float("nan"))])
    assert ledger.counts() == before


def quotes(claims: list[Any]) -> list[str]:
    return [c.quote for c in claims]


@pytest.fixture
def filled(ledger: Ledger, sample: Any, doc_factory: Any) -> Ledger:
    add(ledger, sample)
    second = doc_factory("Kyiv said Russia fired over 8,000 shells (sic).", "second")
    claim = replace(
        sample.claims[0],
        doc="second",
        doc_id=second.id,
        quote="over 8,000 shells",
        start=second.text.index("over"),
        end=second.text.index("over") + len("over 8,000 shells"),
        sent_start=0,
        sent_end=len(second.text),
        value=8000.0,
        qualifier="over",
        source="Kyiv",
        per=None,
    )
    ledger.add_document(second, [claim], [], sample.parties)
    return ledger


ALL = ["about 10,000 shells a day", "1.5 million", "$500 million", "over 8,000 shells"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ALL),
        ({"item": "SHELL"}, [ALL[0], ALL[3]]),
        ({"item": "artillery"}, [ALL[1]]),
        ({"source": "isw"}, [ALL[0]]),
        ({"source": "official"}, [ALL[1]]),
        ({"party": "russia"}, [ALL[0], ALL[1], ALL[3]]),
        ({"party": "DPRK"}, [ALL[1]]),  # through the alias of a linked party
        ({"party": "Institute for the Study of War"}, [ALL[0]]),  # linked as source
        ({"party": "kyiv"}, [ALL[0], ALL[3]]),  # Ukraine's alias, and a source by name
        ({"party": "Germany"}, [ALL[2]]),  # not a stored party, matched by name
        ({"modality": "reported"}, [ALL[1]]),
        ({"unit": "USD"}, [ALL[2]]),
        ({"concept": "shells"}, [ALL[0], ALL[1], ALL[3]]),
        ({"doc": "second"}, [ALL[3]]),
        ({"search": "artillery rounds"}, [ALL[1]]),
        ({"search": "Germany"}, [ALL[2]]),
        ({"search": "shells", "item": "shells", "doc": "kyiv"}, [ALL[0]]),
        ({"search": '"a OR ('}, []),
        ({"search": 'ISW" OR "'}, []),  # every word is required, "or" included
        ({"search": '"ISW" said:'}, [ALL[0]]),
        ({"search": "NEAR( shells * ) AND - ^"}, []),
        ({"search": "((("}, []),
        ({"search": "  "}, ALL),
        ({"item": "50%_"}, []),
        ({"order": "-value"}, [ALL[2], ALL[1], ALL[0], ALL[3]]),
        ({"limit": 2, "offset": 1}, ALL[1:3]),
    ],
)
def test_claim_filters(filled: Ledger, filters: dict[str, Any], expected: list[str]) -> None:
    assert quotes(filled.claims(**filters)) == expected
    assert [r["quote"] for r in filled.claim_rows(**filters)] == expected


def test_doc_filter_accepts_the_document_id(filled: Ledger, sample: Any) -> None:
    assert quotes(filled.claims(doc=sample.doc.id)) == ALL[:3]


def test_unknown_order_is_a_usage_error(filled: Ledger) -> None:
    with pytest.raises(UsageError, match="unknown order 'size'; use one of: doc, published"):
        filled.claims(order="size")


def test_replace_checks_links_claims_and_replaces(filled: Ledger, sample: Any) -> None:
    first, second, third = sample.claims
    filled.replace_checks(
        [
            CheckResult([first, second], "conflict", "10,000 a day vs 1.5 million"),
            CheckResult([third], "consistent", "fine", kind="share"),
        ]
    )
    checks = filled.checks()
    assert [(c["verdict"], c["kind"]) for c in checks] == [
        ("conflict", "group"),
        ("consistent", "share"),
    ]
    assert [m["quote"] for m in checks[0]["claims"]] == [first.quote, second.quote]
    assert checks[0]["claims"][0]["start"] == first.start
    assert checks[0]["key"] == "|".join(sorted([first.id, second.id]))
    assert [c["note"] for c in filled.checks(verdict="conflict")] == ["10,000 a day vs 1.5 million"]
    filled.replace_checks([CheckResult([third, first], "inconsistent", "bad sum", kind="parts")])
    assert [c["verdict"] for c in filled.checks()] == ["inconsistent"]
    assert [m["quote"] for m in filled.checks()[0]["claims"]] == [third.quote, first.quote]
    assert filled.counts()["check_claims"] == 2
    assert filled.stats()["checks"] == 1


def test_replace_checks_refuses_unknown_claims(filled: Ledger, sample: Any) -> None:
    filled.replace_checks([CheckResult([sample.claims[0]], "consistent", "kept")])
    ghost = replace(sample.claims[0], start=999, end=1005)
    with pytest.raises(UsageError, match="is not in the ledger"):
        filled.replace_checks([CheckResult([ghost], "conflict", "x")])
    assert [c["note"] for c in filled.checks()] == ["kept"]
    with pytest.raises(UsageError, match="unknown verdict 'bogus'"):
        filled.checks(verdict="bogus")


def test_full_text_index_follows_updates_and_deletes(filled: Ledger) -> None:
    conn = filled._conn
    conn.execute("UPDATE claims SET sentence = 'howitzers everywhere' WHERE quote = '1.5 million'")
    assert quotes(filled.claims(search="howitzers")) == ["1.5 million"]
    assert filled.claims(search="Korea") == []
    conn.execute("DELETE FROM claims WHERE quote = '1.5 million'")
    assert filled.claims(search="howitzers") == []
    assert quotes(filled.claims(search="Korea")) == []
    conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")


def test_ledger_in_memory_and_repr(tmp_path: Path) -> None:
    with Ledger.open(":memory:") as ledger:
        assert ledger.stats()["documents"] == 0
        assert repr(ledger) == "Ledger(':memory:')"


# -- aggregate reads ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["russia", "DPRK", "Institute for the Study of War", " kyiv", "Germany", "ISW", "x"]
)
def test_count_mentions_counts_what_the_party_filter_returns(filled: Ledger, name: str) -> None:
    assert filled.count_mentions(name) == len(filled.claims(party=name))


def test_flow_facts_match_names_case_insensitively(filled: Ledger, sample: Any) -> None:
    (fact,) = filled.flow_facts(giver="NORTH korea")  # the Germany flow names no receiver
    assert (fact.giver, fact.receiver, fact.concept, fact.item) == (
        "North Korea", "Russia", "shells", "artillery rounds"
    )  # fmt: skip
    assert (fact.doc, fact.published, fact.outlet) == ("kyiv", "2024-06-03", "Example Post")
    assert (fact.when, fact.source) == (None, "officials")
    assert filled.figures([fact.claim_id])[fact.claim_id]["quote"] == "1.5 million"
    assert filled.flow_facts(receiver="russia", concept="shells") == [fact]
    assert filled.flow_facts(giver="Germany") == filled.flow_facts(giver="nobody") == []
    assert filled.pair_counts() == [("North Korea", "Russia", 1)]
    assert filled.pair_counts(either_way=True) == [("North Korea", "Russia", 1)]
    counts = [("Germany", 1, 0), ("North Korea", 1, 0), ("Russia", 0, 1)]  # a giver alone counts
    assert filled.party_flow_counts() == counts


def test_page_reads(filled: Ledger, sample: Any) -> None:
    from claimledger.store import ClaimFilter

    first, second, third = sample.claims
    filled.replace_checks([CheckResult([first, second], "conflict", "apart")])
    rows, total = filled.claim_page(ClaimFilter(concept="shells", order="-value", limit=2))
    assert total == 3 and [r["quote"] for r in rows] == [second.quote, first.quote]
    assert rows[0]["origin"] == "corpus/kyiv.txt"
    assert filled.claim_page(ClaimFilter(search="((("))[1] == 0
    record = filled.claim_record(rows[0]["id"])
    assert record == rows[0] and filled.claim_record(10**9) is None
    assert [r["quote"] for r in filled.document_claims(sample.doc.id)] == quotes(sample.claims)
    (check,) = filled.checks_citing([rows[0]["id"], rows[1]["id"]])
    assert [c["quote"] for c in check["claims"]] == [first.quote, second.quote]
    assert filled.check_page(verdicts=["conflict"])[1] == 1
    assert filled.check_page(kind="arithmetic") == ([], 0)
    assert filled.verdict_counts() == {"conflict": 1}
    assert filled.facets()["concepts"][0] == {"value": "shells", "n": 3}
    assert filled.scales("shells") == [{"value": "count", "n": 2}, {"value": "count/day", "n": 1}]
    assert [p["quote"] for p in filled.timeline("shells", "count")] == [
        second.quote,
        "over 8,000 shells",
    ]
    docs, n = filled.document_page(10, 0)
    assert n == 2 and [d["claims"] for d in docs] == [1, 3]
