"""`parse_role` splits a source phrase into the person, the job title and the country."""

from __future__ import annotations

import pytest

from claimledger.parties import parse_role


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "South Korean Defense Minister Shin Won-sik",
            ("Shin Won-sik", "Defense Minister", "South Korea"),
        ),
        (
            "Cho Han-beom, a researcher at the Korea Institute for National Unification",
            ("Cho Han-beom", "researcher", "South Korea"),
        ),
        (
            "Shin Won-sik, South Korea's defense minister",
            ("Shin Won-sik", "defense minister", "South Korea"),
        ),
        ("Russian President Vladimir Putin", ("Vladimir Putin", "President", "Russia")),
        ("North Korean leader Kim Jong Un", ("Kim Jong Un", "leader", "North Korea")),
        ("Shin Won-sik", ("Shin Won-sik", None, "South Korea")),
        ("Ryu Hyun-woo", ("Ryu Hyun-woo", None, None)),
        ("analyst Jane Doe", ("Jane Doe", "analyst", None)),
        ("South Korea", (None, None, "South Korea")),
        ("", (None, None, None)),
    ],
)
def test_parse_role(phrase: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert parse_role(phrase) == expected
