"""`per`: the rate period read from the words around a figure. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from claimledger.extract.pipeline import extract_document
from claimledger.ingest import load_text


def per_of(sentence: str, fragment: str) -> str | None:
    text = f"Title: Rate test\nPublished: 2024-10-17\nOutlet: Test Wire\n\n{sentence}\n"
    claims = extract_document(load_text(text, name="rates", origin="test")).claims
    found = [c for c in claims if fragment in c.quote]
    assert found, [c.quote for c in claims]
    return found[0].per


@pytest.mark.parametrize(
    ("sentence", "fragment", "expected"),
    [
        ("Each recruit is offered a monthly wage of about $900, officials said.", "$900", "month"),
        ("The miners' annual income is roughly $4,000.", "$4,000", "year"),
        ("A yearly fee of $500 is charged to every exporter.", "$500", "year"),
        ("The plant's daily output of 300 tonnes fell in May.", "300", "day"),
        ("Hundreds of trucks cross the bridge into Chile every week, guards said.",
         "Hundreds", "week"),
        ("The refinery took roughly 2.4m bpd of crude in May.", "2.4m", "day"),
        ("The crews work six days a week on the rigs.", "six days", "week"),
        # A figure with no period words is no rate.
        ("The ministry paid $4,000 to each family in May.", "$4,000", None),
        ("Officials granted 20 days of leave to the crews.", "20 days", None),
    ],
)  # fmt: skip
def test_the_period_comes_from_the_words_around_the_number(
    sentence: str, fragment: str, expected: str | None
) -> None:
    assert per_of(sentence, fragment) == expected
