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


@pytest.mark.parametrize(
    ("text", "quote", "item"),
    [
        (
            "Russia's draft budget allocates 13.5 trillion roubles to national defence.",
            "13.5 trillion roubles",
            "allocation to national defence",
        ),
        (
            "The bank has lent Poland the equivalent of 6 trillion won.",
            "6 trillion won",
            "loan",
        ),
        (
            "The health service, by contrast, receives 1.6 trillion roubles.",
            "1.6 trillion roubles",
            "health service funding",
        ),  # fmt: skip
        (
            "Gold may have brought the network as much as $250 million since 2017.",
            "as much as $250 million",
            "revenue",
        ),
    ],
)
def test_what_money_is_for(text: str, quote: str, item: str) -> None:
    doc = load_text(text, name="t", origin="t")
    found = {c.quote: c.item for c in extract_document(doc).claims}
    assert found[quote] == item


def test_hard_wrapped_lines_are_joined_back_into_their_paragraph() -> None:
    text = (
        "Title: Wire\nPublished: 2024-11-02\nOutlet: O\n\n"
        "SEOUL - Pyongyang has shipped about 16,000 containers of munitions to\n"
        "Russia since 2022, and Russia pays each North Korean soldier roughly\n"
        "$2,000 a month, officials said.\n"
        "\n"
        "A Short Heading Without A Stop\n"
        "The next paragraph adds 300 engineers.\n"
    )
    doc = load_text(text, name="wire", origin="t")
    found = {c.quote: (c.from_, c.to) for c in extract_document(doc).claims}
    assert found["about 16,000 containers of munitions"] == ("North Korea", "Russia")
    assert found["roughly\n$2,000 a month"] == ("Russia", "North Korea")
    assert "300 engineers" in found


def test_windows_line_ends_and_wrapped_lines() -> None:
    from claimledger.ingest import load_bytes

    raw = (
        b"Title: T\r\nPublished: 2024-01-02\r\nOutlet: O\r\n\r\n"
        b"A Long Heading That Has No Full Stop At All And Goes On\r\n\r\n"
        b"Pyongyang shipped about 16,000 containers of munitions to\r\nRussia, officials said.\r\n"
    )
    doc = load_bytes(raw, name="crlf", origin="test")[0]
    (claim,) = extract_document(doc).claims
    assert doc.text[claim.start : claim.end] == claim.quote
    assert (claim.from_, claim.to, claim.source) == ("North Korea", "Russia", "officials")


def test_list_items_of_a_report_are_read_one_by_one() -> None:
    text = (
        "Title: T\nPublished: 2024-01-02\nOutlet: O\n\nKey findings\n"
        "- 10,000 North Korean troops deployed to Russia\n"
        "- $2,000 a month per soldier\n"
        "• about 16,000 containers shipped\n"
    )
    quotes = [c.quote for c in extract_document(load_text(text, name="t", origin="t")).claims]
    assert quotes == ["10,000 North Korean troops", "$2,000 a month", "about 16,000 containers"]
