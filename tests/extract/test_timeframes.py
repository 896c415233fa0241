"""`when` read from the whole document: report frames carried to the sentences that
continue a report, and anchors resolved against the publication date.

Every article here is written for these tests.
"""

from __future__ import annotations

import pytest

from claimledger.extract.pipeline import extract_document
from claimledger.ingest import load_text
from claimledger.model import Claim


def claims_of(body: str, published: str = "2024-10-17") -> list[Claim]:
    text = f"Title: Time test\nPublished: {published}\nOutlet: Test Wire\n\n{body}\n"
    return extract_document(load_text(text, name="timeframes", origin="test")).claims


def when_of(body: str, fragment: str, published: str = "2024-10-17") -> str | None:
    found = [c for c in claims_of(body, published) if fragment in c.quote]
    assert found, f"no claim quoting {fragment!r}"
    return found[0].when


@pytest.mark.parametrize(
    ("body", "fragment", "published", "expected"),
    [
        # Capitalised prepositions open a sentence as well as lower-case ones.
        ("In August, Moldova bought $40 million of grain from Romania.", "$40", "2024-10-17",
         "2024-08"),
        # A weekday with the day of publication known; a week further back with 'last week'.
        ("The ministry said on Tuesday that 900 engineers had arrived.", "900", "2024-10-17",
         "2024-10-15"),
        ("On Tuesday last week, the ministry said 900 engineers had arrived.", "900",
         "2024-10-17", "2024-10-08"),
        # 'currently', 'recently': the month of publication.
        ("About 2,500 advisers are currently in the country, officials said.", "2,500",
         "2024-10-17", "2024-10"),
        # Month spans, with and without the year.
        ("Between March and May 2024, Chile shipped 80,000 tonnes of copper to Japan.",
         "80,000", "2024-10-17", "2024-03/2024-05"),
        ("From February to June, Chile shipped 80,000 tonnes of copper to Japan.", "80,000",
         "2024-10-17", "2024-02/2024-06"),
        # 'since X': from X to the month of publication; a day after a month is read too.
        ("As of 3 October, donors had pledged $600 million to Haiti.", "$600", "2024-10-17",
         "2024-10-03"),
        ("Since the start of the year, Chile has shipped 80,000 tonnes of copper.", "80,000",
         "2024-10-17", "2024-01/2024-10"),
        # A span counted from an event the document names.
        ("Since the start of the full-scale invasion, Latvia has given $900 million in aid.",
         "$900", "2024-10-17", "2022-02/2024-10"),
        # Quarters, halves and the years ahead.
        ("The firm expects second-quarter sales of $3 billion.", "$3", "2024-10-17",
         "2024-04/2024-06"),
        ("Chile sold 8 million tonnes of copper in the first half of the year.", "8 million",
         "2024-10-17", "2024-01/2024-06"),
        ("The bank will lend $2 billion over the next three years.", "$2", "2024-10-17",
         "2024/2027"),
    ],
)  # fmt: skip
def test_anchors_resolve_against_publication(
    body: str, fragment: str, published: str, expected: str
) -> None:
    assert when_of(body, fragment, published) == expected


def test_a_yardstick_since_does_not_date_the_figure() -> None:
    body = "In July, the mine's output fell to 2,000 tonnes, its lowest level since March."
    assert when_of(body, "2,000") == "2024-07"


def test_fiscal_years_follow_the_documents_own_gloss() -> None:
    body = (
        "Kenya spent $4.1 billion on fuel imports in 2021-22 (July 2021 to June 2022) and "
        "$4.9 billion in 2022-23."
    )
    assert when_of(body, "$4.1") == "2021-07/2022-06"
    assert when_of(body, "$4.9") == "2022-07/2023-06"


def test_a_continuing_sentence_takes_the_reports_frame() -> None:
    body = (
        "In January and February 2024, Nordic donors gave about $3 billion in aid to Moldova, "
        "the institute said. This comprised $2 billion in loans and $1 billion in grants."
    )
    assert when_of(body, "$2 billion") == "2024-01/2024-02"
    assert when_of(body, "$1 billion") == "2024-01/2024-02"


def test_a_report_date_in_a_sentence_without_figures_dates_the_report() -> None:
    body = (
        "The agency estimated that 400 fighters have been wounded. Officials briefed "
        "lawmakers on the estimate on Monday. They said 90 fighters were killed, according "
        "to the agency."
    )
    assert when_of(body, "90") == "2024-10-14"
    assert when_of(body, "400") == "2024-10-14"  # the lead summarises the same briefing


def test_background_between_reports_breaks_the_frame() -> None:
    body = (
        "Since March, Peru has exported 50,000 tonnes of zinc to Korea, traders said. The "
        "mine was opened by a Canadian company in 1998. Hundreds of miners work there."
    )
    assert when_of(body, "50,000") == "2024-03/2024-10"
    assert when_of(body, "Hundreds") is None


def test_a_sentence_with_its_own_unresolved_time_keeps_none() -> None:
    body = (
        "Since October, 300 soldiers have been wounded, officials said. A lawmaker said 40 "
        "soldiers have been killed since their arrival, the officials said."
    )
    assert when_of(body, "40") is None


def test_lengths_and_rates_take_no_frame() -> None:
    body = (
        "In May, Chile shipped 80,000 tonnes of copper to Japan, the ministry said. The "
        "route is 17,000 km long and the crews earn $900 a month, the ministry said."
    )
    assert when_of(body, "17,000") is None
    assert when_of(body, "$900") is None
