"""Durations that only date a clause are not figures; asserted durations are (GUIDELINES.md).

The rule is `time frame` in extract/not_figures.py. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from claimledger.extract.numbers import find_quantities


def quotes(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the duration dates what the clause asserts: only the asserted figure is kept
        ("Over a six week period, the clinic vaccinated 900 children.", ["900"]),
        ("Over a nine-month stretch the mill shipped 40,000 tonnes.", ["40,000 tonnes"]),
        ("Rebels seized 12 villages within only four days of the truce.", ["12"]),
        ("The fund lost 8% during just two weeks in spring.", ["8%"]),
        ("Over the past 3 years, the co-op has planted 5,000 trees.", ["5,000"]),
        ("Throughout roughly six months the agency logged 70 outages.", ["70"]),
        ("Inspectors found 30 leaks across five months of checks.", ["30"]),
        ("The ferry carried 2,000 people after nearly three years of repairs.", ["2,000"]),
        ("Some 250 homes were rebuilt in the first 10 months of the scheme.", ["Some 250"]),
        ("Police made 14 arrests almost two weeks after the march.", ["14"]),
        ("The council hired 60 nurses over the course of 18 months.", ["60"]),
        ("Staff answered 400 calls within 48 hours.", ["400"]),
        ("Exports hit their highest level in 14 months.", []),
        ("It was the region's worst drought in more than sixty years.", []),
        ("The plant had its busiest week in nearly six years, making 900 cars.", ["900"]),
    ],
)
def test_time_frame_durations_are_not_figures(text: str, kept: list[str]) -> None:
    assert quotes(text) == kept


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        # the duration is what the clause asserts
        ("The strike has lasted more than three years.", "more than three years"),
        ("The siege lasted over two years.", "over two years"),
        ("The mayor signed a 24-month lease for the depot.", "24-month"),
        ("A court jailed the broker for 6 years.", "6 years"),
        ("Dozens died during a four-day assault on the town.", "four-day"),
        ("The crew crossed the bay in 9 hours.", "9 hours"),
        ("The sprinter ran the lap in 47.2 seconds.", "47.2 seconds"),
        ("The 31-year-old pilot landed safely.", "31-year-old"),
        ("Most boats docked in 3 days.", "3 days"),
        ("The town saw its first flood in more than sixty years.", "more than sixty years"),
    ],
)
def test_asserted_durations_stay_figures(text: str, duration: str) -> None:
    assert duration in quotes(text)


def test_age_range_in_months_is_one_range() -> None:
    """'aged 6 to 14 months': the range ends in months, so its start is no age in years."""
    text = "The trial enrolled 300 infants aged 6 to 14 months."
    ranges = [(q.low, q.high, q.unit) for q in find_quantities(text) if q.low is not None]
    assert ranges == [(6, 14, "month")]
