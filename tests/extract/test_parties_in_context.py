"""From and to where the frame is implicit: prices, releases, joint givers, hosts that pay."""

from __future__ import annotations

import pytest

from claimledger.extract.pipeline import extract_document
from claimledger.ingest import load_text


def parties(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = load_text(text, name="t", origin="t")
    return [(c.quote, c.from_, c.to) for c in extract_document(doc).claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chinese refiners bought Iranian crude at discounts of about $12 per barrel.",
            ("about $12", None, None),
        ),
        (
            "The International Monetary Fund approved the release of $1.4bn to Pakistan.",
            ("$1.4bn", "International Monetary Fund", "Pakistan"),
        ),
        (
            "Zambia and Tanzania exported over 5 million t of maize to Malawi last year.",
            ("over 5 million t", "Zambia and Tanzania", "Malawi"),
        ),
        (
            "In Malaysia, Nepali factory workers are paid about 1,500 ringgit monthly.",
            ("about 1,500 ringgit monthly", "Malaysia", "Nepal"),
        ),
        (
            "Ukraine exported 4.6 million tonnes of grain in August.",
            ("4.6 million tonnes", "Ukraine", None),
        ),
        (
            "More than 12,800 North Koreans entered Russia in 2023.",
            ("More than 12,800 North Koreans", "North Korea", "Russia"),
        ),
        (
            "Dozens of Iranian technicians are believed to be working at a drone plant in "
            "Yelabuga, in Russia's Tatarstan region.",
            ("Dozens of Iranian technicians", "Iran", "Russia"),
        ),
        (
            "North Korea reportedly has only 10 combat engineering brigades in its army.",
            ("10 combat engineering brigades", None, None),
        ),
    ],
)
def test_parties_of_implicit_frames(text: str, expected: tuple) -> None:
    assert expected in parties(text)
