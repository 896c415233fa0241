"""Sources beyond the figure's clause: estimates, quotations and the author's own voice."""

from __future__ import annotations

import pytest

from claimledger.extract.pipeline import extract_document
from claimledger.ingest import load_text


def claims(text: str) -> list[tuple[str, str | None, str]]:
    doc = load_text(f"Title: T\nPublished: 2024-05-02\nOutlet: The Desk\n\n{text}", name="t",
                    origin="t")  # fmt: skip
    return [(c.quote, c.source, c.modality) for c in extract_document(doc).claims]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("By the ministry's estimate, Iran spent $4 million on fuel.", "ministry"),
        ("On Kyiv's count, Russia fired 300 drones in a week.", "Kyiv"),
        ("By our estimate, Iran spent $4 million on fuel.", None),
        ("Our estimate shows that Iran spent $4 million on fuel.", None),
    ],
)
def test_estimates_name_their_owner_unless_it_is_the_author(text: str, source: str | None) -> None:
    (found,) = claims(text)
    assert found[1] == source
    assert found[2] == "reported"  # an estimate is reported, whoever owns it (GUIDELINES.md)


def test_a_quotation_takes_the_speaker_named_after_it() -> None:
    text = 'Officials were cautious. "We delivered 300 tonnes of flour," said Anna Petrova.'
    assert claims(text) == [("300 tonnes", "Anna Petrova", "reported")]


def test_a_quotation_over_two_sentences_takes_the_speaker_of_both() -> None:
    text = (
        'Ram Thapa met reporters on Monday. "A labourer earns $400 a month. '
        'Most stay three years," he said.'
    )
    assert [c[1] for c in claims(text)] == ["Ram Thapa", "Ram Thapa"]


def test_a_quotation_introduced_by_a_speech_verb() -> None:
    found = claims('The minister said: "We have sent 12,000 shells so far."')
    assert found == [("12,000 shells", "minister", "reported")]


def test_scare_quotes_are_not_a_quotation() -> None:
    found = claims('Moscow calls the 5,000 fighters "volunteers" and pays them nothing.')
    assert found[0][1] is None


def test_the_authors_own_calculation_is_asserted() -> None:
    (found,) = claims("By our calculation, Russia paid $2 billion for the shells.")
    assert found[1:] == (None, "asserted")


def test_a_footnote_marker_after_a_full_stop_ends_the_sentence() -> None:
    text = "By our estimate, Iran earned $4 million.[12] Moscow sent 300 tanks to Minsk."
    found = claims(text)
    assert [c[2] for c in found] == ["reported", "asserted"]


def test_since_a_year_is_a_span_up_to_publication() -> None:
    doc = load_text(
        "Title: T\nPublished: 2024-11-25\nOutlet: O\n\nSince the start of the war in 2022, "
        "Pyongyang has provided Moscow with about 16,000 shipping containers.",
        name="t",
        origin="t",
    )
    (claim,) = extract_document(doc).claims
    assert claim.when == "2022/2024-11"


@pytest.mark.parametrize(
    ("body", "quote", "when"),
    [
        (
            "Customs records show 1,200 shipments crossed the border in March 2024, up from "
            "about 700 a year earlier.",
            "about 700",
            "2023-03",
        ),
        (
            "Belarusian railways carried some 1.2 million tonnes of cargo in the first nine "
            "months of the year.",
            "some 1.2 million tonnes",
            "2024-01/2024-09",
        ),
        (
            "Ukraine exported 50 million tonnes of grain in 2023. Corn made up roughly 29 "
            "million tonnes of that.",
            "roughly 29 million tonnes",
            "2023",
        ),
    ],
)
def test_dates_read_from_the_figures_around(body: str, quote: str, when: str) -> None:
    doc = load_text(f"Title: T\nPublished: 2024-11-02\nOutlet: O\n\n{body}", name="t", origin="t")
    found = {c.quote: c.when for c in extract_document(doc).claims}
    assert found[quote] == when


@pytest.mark.parametrize(
    ("text", "source", "modality"),
    [
        ("Washington has added 42 Chinese entities to its blacklist.", None, "asserted"),
        (
            "Moscow agreed to pay Tehran about $1.7 billion, a figure Iran has called "
            '"fabricated".',
            None,
            "denied",
        ),
        ("The plant aims to turn out 6,000 drones by 2025.", None, "speculative"),
        (
            "The group is thought to keep some 800 fighters in Libya, and 300 more were flown "
            "to Mali last year.",
            None,
            "asserted",
        ),
    ],
)
def test_modality_in_and_around_the_clause(text: str, source: str | None, modality: str) -> None:
    found = claims(text)
    assert (found[-1][1], found[-1][2]) == (source, modality)


def test_reports_and_the_authors_own_sums_name_no_source() -> None:
    assert claims("North Korea is sending 3-4 combat brigades, according to reports.") == [
        ("3-4 combat brigades", None, "reported")
    ]
    found = claims("Payments come to about $24 million a year, by this newsletter's calculation.")
    assert found == [("about $24 million a year", None, "asserted")]


@pytest.mark.parametrize(
    ("phrase", "when"),
    [("this week", "2024-11"), ("in recent weeks", "2024-11"), ("earlier this month", "2024-11")],
)
def test_recent_relative_dates_resolve_to_the_publication_month(phrase: str, when: str) -> None:
    doc = load_text(
        f"Title: T\nPublished: 2024-11-20\nOutlet: O\n\nAbout 100 instructors arrived {phrase}.",
        name="t",
        origin="t",
    )
    (claim,) = extract_document(doc).claims
    assert claim.when == when
