"""Guideline behaviours of the number parser (shared/gold/GUIDELINES.md).

Sentences are written for these tests. Behaviours the parser does not have yet are
marked ``xfail(strict=True)``: they turn red once fixed, so remove the mark then.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.extract import lexicon as lx
from claimledger.extract.numbers import Quantity, find_quantities, parse_number, parse_word_number


def only(text: str) -> Quantity:
    """The single quantity in `text`."""
    found = find_quantities(text)
    assert len(found) == 1, [(text[q.start : q.end], q.value, q.low, q.high) for q in found]
    return found[0]


def close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def quote(text: str, q: Quantity) -> str:
    return text[q.start : q.end]


# --- digits and words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The port handled 16,000 containers last spring.", 16_000),
        ("Officials counted 1,250,000 voters.", 1_250_000),
        ("The convoy covered 12.5 kilometres of road.", 12.5),
        ("The fund lost 0.75 percent overnight.", 0.75),
        ("Inspectors logged 3,400.5 tonnes of grain.", 3_400.5),
        ("Roughly 480 trucks crossed the bridge.", 480),
    ],
)
def test_digits_with_separators_and_decimals(text: str, value: float) -> None:
    assert close(only(text).value, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The alliance has lasted seventy years.", 70),
        ("The census found one million herders.", 1_000_000),
        ("Twenty-five ships docked at the harbour.", 25),
        ("The appeal reached two and a half million donors.", 2_500_000),
        ("The ministry hired two hundred and five clerks.", 205),
        ("Workers planted seventy-five thousand saplings.", 75_000),
    ],
)
def test_number_words(text: str, value: float) -> None:
    q = only(text)
    assert close(q.value, value)
    assert q.words


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The pipeline deal is worth $1.4bn to the builder.", 1.4e9, "USD"),
        ("Traders moved 7.5m barrels through the strait.", 7.5e6, "bbl"),
        ("The drought affected 5 million farmers.", 5e6, "count"),
        ("The agency booked $30k in fees.", 3e4, "USD"),
    ],
)
def test_scale_words_and_abbreviations(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert close(q.value, value)
    assert q.unit == unit
    assert q.scaled


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,234,567", 1_234_567), ("1.4bn", 1.4e9), ("7.5m", 7.5e6), ("5 million", 5e6), ("30k", 3e4)],
)
def test_parse_number_digits(text: str, value: float) -> None:
    assert close(parse_number(text), value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("seventy", 70),
        ("twenty-five", 25),
        ("one million", 1e6),
        ("two and a half million", 2.5e6),
        ("a dozen", 12),
        ("one thousand and one", 1001),
    ],
)
def test_parse_word_number(text: str, value: float) -> None:
    assert close(parse_word_number(text), value)


def test_parse_number_rejects_non_numbers() -> None:
    assert parse_number("tanks") is None
    assert parse_number("12 apples") is None


# --- ranges -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("The army raised 3-4 engineering brigades.", 3, 4, "count"),
        ("The army raised 3–4 engineering brigades.", 3, 4, "count"),
        ("Officials expect between 20,000 and 50,000 visitors.", 20_000, 50_000, "count"),
        ("Repairs will take five to ten days.", 5, 10, "day"),
        ("The scheme earns $1 to $2 billion for the state.", 1e9, 2e9, "USD"),
        ("The mill produces 50,000-100,000 tons of steel.", 50_000, 100_000, "t"),
        ("Output reached 1,000-5,000 units a day at the plant.", 1_000, 5_000, "count"),
    ],
)
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    q = only(text)
    assert q.value is None
    assert (q.low, q.high) == (low, high)
    assert q.qualifier == "range"
    assert q.unit == unit


def test_word_range_between_and() -> None:
    q = only("Talks could last between ten and fifteen days.")
    assert (q.low, q.high) == (10, 15)


def test_four_digit_range_is_not_a_year_span() -> None:
    q = only("The battalion has 1200-1500 soldiers.")
    assert (q.low, q.high) == (1_200, 1_500)


def test_abbreviated_range() -> None:
    q = only("Tickets sold 5k-20k copies a week.")
    assert (q.low, q.high) == (5_000, 20_000)


def test_expansion_is_two_figures() -> None:
    text = "The bloc expanded from five to ten members."
    found = find_quantities(text)
    assert [q.value for q in found] == [5, 10]
    assert all(q.qualifier == "exact" for q in found)


# --- qualifiers ---------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "qualifier"), sorted(lx.QUALIFIERS_BEFORE.items()))
def test_qualifiers_before(phrase: str, qualifier: str) -> None:
    text = f"The ministry counted {phrase} 400 trucks at the border."
    q = only(text)
    assert q.value == 400
    assert q.qualifier == qualifier
    assert quote(text, q).lower().startswith(phrase.lower())


@pytest.mark.parametrize(("phrase", "qualifier"), sorted(lx.QUALIFIERS_AFTER.items()))
def test_qualifiers_after(phrase: str, qualifier: str) -> None:
    text = f"The ministry counted 400 {phrase} trucks at the border."
    q = only(text)
    assert q.value == 400
    assert q.qualifier == qualifier


# --- vague quantities and fractions --------------------------------------------------

GUIDELINE_VAGUE = [
    ("dozens", 24, 99, "count"),
    ("hundreds", 200, 999, "count"),
    ("thousands", 2_000, 9_999, "count"),
    ("tens of thousands", 20_000, 99_999, "count"),
    ("hundreds of thousands", 200_000, 999_999, "count"),
    ("millions", 2_000_000, 9_999_999, "count"),
]


@pytest.mark.parametrize(("phrase", "low", "high", "unit"), GUIDELINE_VAGUE)
def test_vague_quantities(phrase: str, low: float, high: float, unit: str) -> None:
    text = f"Witnesses said {phrase} of families fled the valley."
    q = only(text)
    assert q.vague
    assert q.value is None
    assert (q.low, q.high) == (low, high)
    assert q.unit == unit
    assert quote(text, q) == phrase


def test_decades_is_vague_years() -> None:
    q = only("The dispute has simmered for decades along the river.")
    assert q.vague
    assert (q.low, q.high, q.unit) == (20, 99, "year")


@pytest.mark.parametrize(
    "text",
    [
        "Several ministers resigned.",
        "Many farmers sold their herds.",
        "Most voters stayed home.",
        "The talks dragged on for years.",
        "A majority backed the motion.",
    ],
)
def test_not_counted_vague_words(text: str) -> None:
    assert find_quantities(text) == []


def test_more_than_half_is_percent_not_vague() -> None:
    text = "More than half of the wells ran dry."
    q = only(text)
    assert (q.value, q.qualifier, q.unit, q.vague) == (50, "over", "percent", False)


def test_a_third_of() -> None:
    q = only("A third of the harvest was lost to floods.")
    assert q.unit == "percent"
    assert math.isclose(q.value, 33.3, rel_tol=0.005)


def test_half_a_million() -> None:
    q = only("Half a million people signed the petition.")
    assert q.value == 500_000


# --- currencies, units, rates ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The loan was $5 million in total.", 5e6, "USD"),
        ("The loan was US$5 million in total.", 5e6, "USD"),
        ("The loan was USD 5 million in total.", 5e6, "USD"),
        ("The loan was 5 million dollars in total.", 5e6, "USD"),
        ("Moscow paid 300 million roubles for the grain.", 3e8, "RUB"),
        ("Moscow paid 300 million rubles for the grain.", 3e8, "RUB"),
        ("Seoul set aside 2 trillion won for the program.", 2e12, "KRW"),
        ("Beijing lent 10 billion yuan to the port.", 1e10, "CNY"),
        ("Beijing lent 10 billion renminbi to the port.", 1e10, "CNY"),
        ("Brussels pledged 40 million euros to the fund.", 4e7, "EUR"),
        ("Brussels pledged €40 million to the fund.", 4e7, "EUR"),
    ],
)
def test_currencies(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert close(q.value, value)
    assert q.unit == unit
    assert q.currency


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The ship carried 700,000 tonnes of coal.", 700_000, "t"),
        ("The ship carried 700,000 tons of coal.", 700_000, "t"),
        ("The ship carried 5,000 t of coal.", 5_000, "t"),
        ("The field pumps 90,000 barrels of crude.", 90_000, "bbl"),
        ("The railway runs 110 miles inland.", 110, "mi"),
        ("The railway runs 180 km inland.", 180, "km"),
        ("The railway runs 180 kilometres inland.", 180, "km"),
        ("Prices rose 12 percent this spring.", 12, "percent"),
        ("Prices rose 12 per cent this spring.", 12, "percent"),
        ("Prices rose 12% this spring.", 12, "percent"),
    ],
)
def test_units(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert q.value == value
    assert q.unit == unit
    assert q.has_unit_word


def test_lakh_scale() -> None:
    q = only("India shipped 25 lakh tonnes of rice.")
    assert (q.value, q.unit) == (2_500_000, "t")


def test_hyphenated_unit_adjective() -> None:
    q = only("The army dug a six-mile trench.")
    assert (q.value, q.unit) == (6, "mi")


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("Workers earn $2,000 per month on the site.", "month"),
        ("Workers earn $2,000 a month on the site.", "month"),
        ("Workers earn $2,000 monthly on the site.", "month"),
        ("The mine yields $40 million annually for the regime.", "year"),
        ("The mine yields $40 million a year for the regime.", "year"),
        ("The mine yields $40 million per year for the regime.", "year"),
    ],
)
def test_rates(text: str, per: str) -> None:
    q = only(text)
    assert q.per == per
    assert q.unit == "USD"


def test_rate_after_distributed_range() -> None:
    q = only("The trade brings $1 to $2 billion annually to the treasury.")
    assert (q.low, q.high, q.unit, q.per) == (1e9, 2e9, "USD", "year")


def test_annual_rate_phrase() -> None:
    q = only("Exports grew at an annual rate of 39.5 percent.")
    assert (q.value, q.unit, q.per) == (39.5, "percent", "year")


# --- not figures --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # years and dates used as anchors
        "Talks resumed in 2022 after a long pause.",
        "The summit opened on June 19 in the capital.",
        "The treaty was signed on 19 June 2024 in the capital.",
        "The deal was announced on July 27, 2023 by the ministry.",
        # ordinals
        "It became the third country to sign the accord.",
        "The assembly held its 38th session downtown.",
        # calibres and model names
        "The depot stored 152mm shells for the front.",
        "The army fielded 155-mm howitzers near the river.",
        "The depot stored 122 mm ammunition for the front.",
        "Crews repaired T-72 tanks at the plant.",
        "The army bought K9 howitzers from abroad.",
        "Pilots trained on F-16 jets over the sea.",
        "The COVID-19 pandemic closed the border.",
        # labels
        "The council cited Resolution 2231 in its letter.",
        "Allies invoked Article 5 of the treaty.",
        # meta-counts
        "Trade between the two countries has shrunk.",
        "Two factors explain the slump.",
        "It is one of the largest ports on the coast.",
        # durations used as time anchors
        "Prices have climbed over the past 5 years in the region.",
        "The ban was lifted two years ago by the court.",
        "The ministry promised a reply within a week.",
    ],
)
def test_not_figures(text: str) -> None:
    found = find_quantities(text)
    assert found == [], [quote(text, q) for q in found]


def test_year_anchor_beside_figure() -> None:
    text = "In 2022 the port handled 16,000 containers."
    assert [q.value for q in find_quantities(text)] == [16_000]


def test_duration_claim_is_kept() -> None:
    q = only("The armistice has held for more than seventy years.")
    assert (q.value, q.qualifier, q.unit) == (70, "over", "year")


def test_digits_then_hundred_do_not_crash() -> None:
    q = only("The plant employs 3 hundred welders.")
    assert q.value == 300


# --- properties ---------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_parse_number_with_thousands_separators(n: int) -> None:
    assert parse_number(f"{n:,}") == n


ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell_below_thousand(n: int, *, hyphen: bool, use_and: bool) -> str:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words.append(f"{ONES[hundreds]} hundred")
        if rest and use_and:
            words.append("and")
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        if ones:
            words.append(f"{TENS[tens]}-{ONES[ones]}" if hyphen else f"{TENS[tens]} {ONES[ones]}")
        else:
            words.append(TENS[tens])
    elif rest:
        words.append(ONES[rest])
    return " ".join(words)


def spell(n: int, *, hyphen: bool = True, use_and: bool = False) -> str:
    """English words for 1 <= n <= 999,999."""
    thousands, rest = divmod(n, 1000)
    parts = []
    if thousands:
        parts.append(spell_below_thousand(thousands, hyphen=hyphen, use_and=use_and) + " thousand")
    if rest:
        parts.append(spell_below_thousand(rest, hyphen=hyphen, use_and=use_and))
    return " ".join(parts)


def test_speller() -> None:
    assert spell(205, use_and=True) == "two hundred and five"
    assert spell(75_021) == "seventy-five thousand twenty-one"
    spelled = spell(999_999, hyphen=False)
    assert spelled == "nine hundred ninety nine thousand nine hundred ninety nine"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999_999), st.booleans(), st.booleans())
def test_parse_word_number_round_trip(n: int, hyphen: bool, use_and: bool) -> None:
    assert parse_word_number(spell(n, hyphen=hyphen, use_and=use_and)) == n


TOKENS = [
    "the", "army", "sent", "troops", "about", "over", "between", "and", "to", "from",
    "-", "–", "$", "US$", "€", "percent", "%", "tons", "miles", "km", "per", "month", "a",
    "year", "annually", "million", "billion", "bn", "thousands", "dozens", "of", "half",
    "third", "more", "than", "up", "at", "least", "in", "2022", "June", "19", "3", "4",
    "1,500", "7.5", "12", "250,000", "5m", "1.4bn", "seventy", "twenty-five", "two",
    "ten", "five", "dollars", "roubles", "won", "years", "ago", "past", "or", "more",
    ",", ".", "(", ")", "152mm", "T-72", "Article", "-fold", "times", "minus", "negative",
    "½", "1/2", "10 000", "a dozen", "and a half", "hundred",
]  # fmt: skip
# Digits followed by "hundred" ("3 hundred") are covered by test_digits_then_hundred_do_not_crash.


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=14), st.sampled_from([" ", "", "  "]))
def test_spans_inside_text_and_disjoint(tokens: list[str], sep: str) -> None:
    text = sep.join(tokens)
    found = find_quantities(text)
    previous_end = 0
    for q in found:
        assert 0 <= q.start <= q.core_start < q.core_end <= q.end <= len(text)
        assert q.start >= previous_end
        previous_end = q.end
        assert q.value is not None or (q.low is not None and q.high is not None)
