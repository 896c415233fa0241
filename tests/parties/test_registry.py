"""The party registry resolves the names articles use to the canonical names gold files use."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import UsageError
from claimledger.model import Party
from claimledger.parties import PartyRegistry, person_key


@pytest.fixture(scope="module")
def registry() -> PartyRegistry:
    return PartyRegistry.default()


ALIAS_FAMILIES = {
    "North Korea": [
        "DPRK",
        "the Democratic People's Republic of Korea",
        "Democratic People’s Republic of Korea",
        "Pyongyang",
        "North Korean",
        "North Koreans",
        "N. Korea",
        "North-Korea",
        "PRK",
        "Korea, Democratic People's Republic of",
    ],
    "Russia": ["Russian Federation", "Moscow", "the Kremlin", "Kremlin", "Russian", "Russians"],
    "South Korea": ["ROK", "Seoul", "South Korean", "Republic of Korea", "Korea, Republic of"],
    "United States": [
        "US",
        "U.S.",
        "USA",
        "United States of America",
        "Washington",
        "American",
        "Americans",
        "the White House",
    ],
    "China": ["PRC", "Beijing", "Chinese", "People's Republic of China"],
    "Iran": ["Iran, Islamic Republic of", "Tehran", "Iranian"],
    "Ukraine": ["Kyiv", "Kiev", "Ukrainian", "Ukrainians"],
    "Belarus": ["Minsk", "Belarusian"],
    "Syria": ["Syrian Arab Republic", "Damascus", "Syrian"],
    "Vietnam": ["Viet Nam", "Vietnamese"],
    "Laos": ["Lao People's Democratic Republic"],
    "Czech Republic": ["Czechia", "Czech"],
    "Turkey": ["Türkiye", "Turkiye", "Turkish", "Ankara"],
    "United Kingdom": ["UK", "U.K.", "Britain", "British", "London"],
    "Nepal": ["Nepalese", "Nepali"],
    "Qatar": ["Qatari", "Doha"],
    "Japan": ["Japanese", "Tokyo"],
    "Israel": ["Israeli", "Israelis"],
    "Poland": ["Polish", "Warsaw"],
    "France": ["French", "Paris"],
    "Germany": ["German", "Berlin"],
    "India": ["Indian", "New Delhi"],
    "United Arab Emirates": ["UAE", "Emirati"],
}


@pytest.mark.parametrize(
    ("canonical", "alias"),
    [(name, alias) for name, aliases in ALIAS_FAMILIES.items() for alias in aliases],
)
def test_alias_families_resolve_to_the_gold_canonical_name(
    registry: PartyRegistry, canonical: str, alias: str
) -> None:
    party = registry.resolve(alias)
    assert party is not None, alias
    assert party.name == canonical
    assert party.kind == "country"


@pytest.mark.parametrize(
    "canonical",
    ["Bolivia", "Venezuela", "Tanzania", "Moldova", "Taiwan", "Georgia", "Eritrea", "Kuwait"],
)
def test_country_names_are_the_common_short_names(registry: PartyRegistry, canonical: str) -> None:
    party = registry.resolve(canonical)
    assert party is not None
    assert party.name == canonical


def test_iso_long_names_are_not_canonical(registry: PartyRegistry) -> None:
    names = {p.name for p in registry.parties() if p.kind == "country"}
    assert "Russian Federation" not in names
    assert "Korea, Republic of" not in names
    assert "Türkiye" not in names
    assert {"Russia", "North Korea", "South Korea", "United States"} <= names


@pytest.mark.parametrize(
    "alias", ["dprk", "NORTH KOREA", "north-korean", "  North   Korea ", "n korea", "the DPRK"]
)
def test_resolve_tolerates_case_space_hyphen_and_punctuation(
    registry: PartyRegistry, alias: str
) -> None:
    party = registry.resolve(alias)
    assert party is not None and party.name == "North Korea"


def test_possessive_resolves(registry: PartyRegistry) -> None:
    party = registry.resolve("Russia's")
    assert party is not None and party.name == "Russia"


@pytest.mark.parametrize(
    "name", ["Korea", "Korean", "Koreans", "the North", "North", "the South", "", "   ", "Atlantis"]
)
def test_ambiguous_or_unknown_names_resolve_to_nothing(registry: PartyRegistry, name: str) -> None:
    assert registry.resolve(name) is None


def test_short_prose_words_are_not_country_codes(registry: PartyRegistry) -> None:
    for word in ("IN", "IT", "AT", "BE", "TO", "NO", "ME", "AM", "IS", "OR"):
        assert registry.resolve(word) is None, word


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("South Korea's National Intelligence Service", "organisation", "South Korea"),
        ("NIS", "organisation", "South Korea"),
        ("INSS", "organisation", "South Korea"),
        ("Institute for National Security Strategy", "organisation", "South Korea"),
        ("KINU", "organisation", "South Korea"),
        ("Korea Institute for National Unification", "organisation", "South Korea"),
        ("Defense Intelligence Agency", "organisation", "United States"),
        ("the Pentagon", "organisation", "United States"),
        ("GUR", "organisation", "Ukraine"),
        ("Ukrainian military intelligence", "organisation", "Ukraine"),
        ("KCNA", "organisation", "North Korea"),
        ("TASS", "organisation", "Russia"),
        ("RIA Novosti", "organisation", "Russia"),
        ("Yonhap", "organisation", "South Korea"),
        ("Kim Jong Un", "person", "North Korea"),
        ("Vladimir Putin", "person", "Russia"),
        ("Shin Won-sik", "person", "South Korea"),
        ("Sergei Shoigu", "person", "Russia"),
        ("Choe Son Hui", "person", "North Korea"),
        ("Yoon Suk Yeol", "person", "South Korea"),
        ("Volodymyr Zelensky", "person", "Ukraine"),
        ("Kyrylo Budanov", "person", "Ukraine"),
    ],
)
def test_organisations_and_people_carry_their_country(
    registry: PartyRegistry, name: str, kind: str, country: str
) -> None:
    party = registry.resolve(name)
    assert party is not None and party.kind == kind
    assert registry.country_of(name) == country


@pytest.mark.parametrize(
    "name", ["UN", "United Nations", "NATO", "EU", "IAEA", "BRICS", "Brussels"]
)
def test_international_organisations_have_no_country(registry: PartyRegistry, name: str) -> None:
    party = registry.resolve(name)
    assert party is not None and party.kind == "organisation"
    assert registry.country_of(name) is None


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Seoul", "South Korea"),
        ("North Korean", "North Korea"),
        ("South Korean intelligence sources", "South Korea"),
        ("Russian media and experts", "Russia"),
        ("South Korean Defense Minister Shin Won-sik", "South Korea"),
        ("Cho Han-beom", None),
        ("Korea", None),
    ],
)
def test_country_of_phrases(registry: PartyRegistry, phrase: str, country: str | None) -> None:
    assert registry.country_of(phrase) == country


def test_person_key_unifies_spellings() -> None:
    assert person_key("Kim Jong-un") == person_key("Kim Jong Un") == person_key("kim jong-Un")
    assert person_key("Putin's") == person_key("Putin")
    assert person_key("Kim Jong Un") != person_key("Kim Jong Il")


def test_person_spellings_resolve_to_one_party(registry: PartyRegistry) -> None:
    spellings = ["Kim Jong-un", "Kim Jong Un", "kim jong-un", "Kim Jong-Un", "Kim Jongun"]
    assert {registry.canonical(s) for s in spellings} == {"Kim Jong Un"}


def test_canonical_keeps_the_first_seen_spelling_of_unknown_names() -> None:
    registry = PartyRegistry.default().copy()
    assert registry.canonical("Ryu  Hyun-woo") == "Ryu Hyun-woo"
    assert registry.canonical("Ryu Hyun Woo") == "Ryu Hyun-woo"
    assert registry.canonical("the Kremlin") == "Russia"


def test_add_registers_a_party_for_resolve_and_find() -> None:
    registry = PartyRegistry.default().copy()
    registry.add(Party("Lazarus Group", "organisation", ("Lazarus",), affiliation="DPRK"))
    assert registry.country_of("Lazarus") == "North Korea"
    assert [(s, e, p.name) for s, e, p in registry.find("Lazarus struck again.")] == [
        (0, 7, "Lazarus Group")
    ]
    assert PartyRegistry.default().resolve("Lazarus") is None  # the shared default is untouched


def test_user_alias_file_extends_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "parties:\n"
        "  - name: North Korea\n"
        "    aliases: [Hermit Kingdom]\n"
        "  - name: Korea Research Centre\n"
        "    kind: organisation\n"
        "    affiliation: ROK\n"
        "    aliases: [KRC]\n",
        encoding="utf-8",
    )
    base = PartyRegistry.default()
    registry = base.with_aliases_file(path)
    hermit = registry.resolve("the Hermit Kingdom")
    assert hermit is not None and hermit.name == "North Korea"
    assert registry.resolve("DPRK") is hermit
    assert registry.country_of("KRC") == "South Korea"
    assert [p.name for _, _, p in registry.find("Analysts at KRC watch the Hermit Kingdom.")] == [
        "Korea Research Centre",
        "North Korea",
    ]
    assert base.resolve("Hermit Kingdom") is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("parties: [name: x\n", "not valid YAML"),
        ("- just a list\n", "expected a mapping with a 'parties:' list"),
        ("parties:\n  - name: Nowhere Agency\n", "new party needs 'kind'"),
        ("parties:\n  - name: X\n    kind: planet\n", "'kind' must be one of"),
        ("parties:\n  - name: X\n    kind: person\n    aliases: 3\n", "'aliases' must be a list"),
        ("parties:\n  - name: X\n    kind: person\n    colour: red\n", "unknown key(s) colour"),
    ],
)
def test_bad_alias_file_is_a_usage_error_naming_the_file(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as info:
        PartyRegistry.default().with_aliases_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert reason in message


def test_missing_alias_file_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    with pytest.raises(UsageError, match="absent.yaml: cannot read alias file"):
        PartyRegistry.default().with_aliases_file(path)


def test_default_is_built_once() -> None:
    assert PartyRegistry.default() is PartyRegistry.default()


def test_alias_file_may_name_a_party_by_its_alias(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text("parties:\n  - name: Russian Federation\n    aliases: [the Bear]\n", "utf-8")
    registry = PartyRegistry.default().with_aliases_file(path)
    bear = registry.resolve("the Bear")
    assert bear is not None and bear.name == "Russia"
