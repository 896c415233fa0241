"""The scope features of one figure, read from its own sentence: country, phase, part,
time and whether a percent is a change."""

from __future__ import annotations

from typing import Any

from claimledger.model import Claim
from claimledger.parties import PartyRegistry
from claimledger.reconcile import scope


def claim(sentence: str, quote: str, **fields: Any) -> tuple[Claim, str]:
    start = sentence.index(quote)
    fields.setdefault("value", None)
    made = Claim(doc="s", quote=quote, start=start, end=start + len(quote), sent_start=0,
                 sent_end=len(sentence), **fields)  # fmt: skip
    return made, sentence


def test_the_country_counted_is_not_the_country_that_speaks() -> None:
    registry = PartyRegistry.default()
    said = claim("Japan's defence ministry said China had lost 40 ships.", "40 ships",
                 source="Japan's defence ministry")  # fmt: skip
    assert scope.lead_country(*said, registry) == "China"
    buyer = claim("Chile was the biggest buyer of Peruvian copper at $3 billion.", "$3 billion")
    assert scope.lead_country(*buyer, registry) == "Chile"
    named = claim("Officials counted 200 Cuban doctors.", "200 Cuban doctors")
    assert scope.lead_country(*named, registry) == "Cuba"


def test_from_x_to_y_marks_start_and_end_but_not_a_destination() -> None:
    sentence = "Its share grew from 2 per cent to nearly 30 per cent in a year."
    assert scope.phase_of(*claim(sentence, "2 per cent")) == "start"
    assert scope.phase_of(*claim(sentence, "nearly 30 per cent")) == "end"
    trip = "It sent anywhere from 3-4 units to the front."
    assert scope.phase_of(*claim(trip, "3-4 units")) is None


def test_some_of_a_group_named_before_is_a_part() -> None:
    assert scope.is_part(*claim("Among them were 40 nurses who came to train.", "40 nurses"))
    assert scope.is_part(*claim("Of the arrivals, 90 of them came to study.", "90 of them"))
    assert not scope.is_part(*claim("About 900 nurses arrived last year.", "About 900 nurses"))


def test_a_percent_change_is_not_a_share() -> None:
    fell = claim("Sales fell 9 per cent month-on-month.", "9 per cent", unit="percent")
    share = claim("Coal made up 9 per cent of imports.", "9 per cent", unit="percent")
    assert scope.is_change(*fell) and not scope.is_change(*share)


def test_days_and_their_distance() -> None:
    one_day = scope.day_range("2024-12-22")
    assert one_day is not None and one_day[0] == one_day[1]
    month, day = scope.day_range("2025-01"), scope.day_range("2024-12-25")
    assert month is not None and day is not None and scope.days_apart(month, day) == 7
    assert scope.day_range("2017/2022") is not None and scope.day_range("soon") is None
    assert scope.below_value(claim("nearly 5 million shells", "nearly 5 million shells")[0])
