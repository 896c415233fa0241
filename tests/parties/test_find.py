"""`find` spots party aliases in running text: longest match, word boundaries, case rules."""

from __future__ import annotations

import pytest

from claimledger.parties import PartyRegistry


@pytest.fixture(scope="module")
def registry() -> PartyRegistry:
    return PartyRegistry.default()


def spans(registry: PartyRegistry, text: str) -> list[tuple[str, str]]:
    return [(text[start:end], party.name) for start, end, party in registry.find(text)]


def test_find_returns_offsets_into_the_text(registry: PartyRegistry) -> None:
    text = "Pyongyang shipped shells to Moscow, officials in Seoul said."
    found = registry.find(text)
    assert [(s, e) for s, e, _ in found] == [(0, 9), (28, 34), (49, 54)]
    assert [p.name for _, _, p in found] == ["North Korea", "Russia", "South Korea"]


def test_longest_match_wins(registry: PartyRegistry) -> None:
    text = "South Korea's National Intelligence Service briefed lawmakers on North Koreans."
    assert spans(registry, text) == [
        ("South Korea's National Intelligence Service", "National Intelligence Service"),
        ("North Koreans", "North Korea"),
    ]


def test_possessive_matches_the_name_span(registry: PartyRegistry) -> None:
    assert spans(registry, "Russia's demand and Ukraine’s reply") == [
        ("Russia", "Russia"),
        ("Ukraine", "Ukraine"),
    ]


def test_word_boundaries(registry: PartyRegistry) -> None:
    assert spans(registry, "Belarusian firms sold USB sticks to us.") == [("Belarusian", "Belarus")]
    assert spans(registry, "Prussian history and Iranians") == [("Iranians", "Iran")]


def test_short_codes_are_case_sensitive(registry: PartyRegistry) -> None:
    assert spans(registry, "They told us the US and the ROK disagree at the UN.") == [
        ("US", "United States"),
        ("ROK", "South Korea"),
        ("UN", "United Nations"),
    ]
    assert spans(registry, "the rok and un") == []


def test_capitalised_names_are_case_sensitive(registry: PartyRegistry) -> None:
    assert spans(registry, "a turkey dinner in china cups") == []
    assert spans(registry, "NORTH KOREA TALKS") == [("NORTH KOREA", "North Korea")]


def test_hyphenated_compounds_split_into_parties(registry: PartyRegistry) -> None:
    assert spans(registry, "the Russia-North Korea pact and U.S.-led sanctions") == [
        ("Russia", "Russia"),
        ("North Korea", "North Korea"),
        ("U.S.", "United States"),
    ]


def test_ambiguous_names_are_skipped(registry: PartyRegistry) -> None:
    text = "Korea and the North; Koreans on the Korean Peninsula; Latin America."
    assert spans(registry, text) == []


def test_person_name_variants(registry: PartyRegistry) -> None:
    text = "Kim Jong-un hosted Putin; later Kim Jong Un thanked Shin Won Sik."
    assert spans(registry, text) == [
        ("Kim Jong-un", "Kim Jong Un"),
        ("Putin", "Vladimir Putin"),
        ("Kim Jong Un", "Kim Jong Un"),
        ("Shin Won Sik", "Shin Won-sik"),
    ]


def test_find_on_text_without_parties(registry: PartyRegistry) -> None:
    assert registry.find("") == []
    assert registry.find("Shipments rose by 40 percent in the first quarter.") == []
