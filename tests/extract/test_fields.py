"""Field by field: what the extractor reads around one figure in one sentence.

Sentences are written for these tests; a `Published:` header is added where a relative
date has to be resolved.
"""

from __future__ import annotations

import pytest

from claimledger.extract.pipeline import extract_document
from claimledger.ingest import load_text
from claimledger.model import Claim

HEADER = "Title: Field test\nPublished: 2024-06-19\nOutlet: Test Wire\n\n"


def claims_of(text: str) -> list[Claim]:
    doc = load_text(text, name="fields", origin="test")
    return extract_document(doc).claims


def only(text: str) -> Claim:
    claims = claims_of(text)
    assert len(claims) == 1, [c.quote for c in claims]
    return claims[0]


def claim_with(text: str, fragment: str) -> Claim:
    found = [c for c in claims_of(text) if fragment in c.quote]
    assert found, f"no claim quoting {fragment!r} in {text!r}"
    return found[0]


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# -- qualifiers, values and ranges ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [
        ("Iran keeps more than 3,000 drones in storage.", "over", 3000),
        ("China holds about 400 warheads.", "about", 400),
        ("Syria lost nearly 500 tanks.", "about", 500),
        ("The base holds roughly 900 soldiers.", "about", 900),
        ("Poland bought at least 180 howitzers.", "at_least", 180),
        ("The army may field up to 50,000 soldiers.", "up_to", 50000),
        ("The base holds less than 900 soldiers.", "under", 900),
        ("The base holds no more than 900 soldiers.", "at_most", 900),
        ("The base holds at most 900 soldiers.", "at_most", 900),
        ("Iran owns 70 submarines.", "exact", 70),
        pytest.param(
            "Belarus hosts fewer than 2,000 troops.", "under", 2000,
        ),
    ],
)  # fmt: skip
def test_qualifier(text, qualifier, value):
    claim = only(text)
    assert (claim.qualifier, claim.value) == (qualifier, value)
    assert claim.quote.lower().split()[0] in text.lower()


def test_range_has_bounds_and_no_value():
    claim = only("Qatar earned between $20 billion and $30 billion from gas.")
    assert claim.value is None
    assert (claim.low, claim.high, claim.qualifier, claim.unit) == (20e9, 30e9, "range", "USD")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Dozens of countries imposed sanctions.", 24, 99),
        ("Thousands of workers left Syria.", 2000, 9999),
        ("Tens of thousands of troops massed on the border.", 20000, 99999),
    ],
)
def test_vague_quantities(text, low, high):
    claim = only(text)
    assert claim.vague and (claim.low, claim.high) == (low, high)


# -- units and rates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("China sent 2,000 tons of steel to Belarus.", "t", 2000),
        ("The pipeline stretches 1,200 km across the country.", "km", 1200),
        ("The convoy travelled 300 miles.", "mi", 300),
        ("The dispute has lasted more than seventy years.", "year", 70),
        ("Prices rose by 12 percent in 2021.", "percent", 12),
        ("The value of the contract is $900 million.", "USD", 900e6),
        ("Iran exported 1.5 million barrels of crude oil to China.", "bbl", 1.5e6),
        ("Syria lost nearly 500 tanks.", "count", 500),
    ],
)
def test_unit(text, unit, value):
    claim = only(text)
    assert (claim.unit, claim.value) == (unit, value)


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("Each worker earns $800 per month.", "month"),
        ("The plant produces 3-4 million tonnes a year.", "year"),
        ("Russia spends $200 million annually on the program.", "year"),
        ("Qatar supplies Poland with 1 million tonnes of gas a year.", "year"),
        ("Iran owns 70 submarines.", None),
        pytest.param(
            "The country imports 1.2 million barrels of oil per day.", "day",
        ),
    ],
)  # fmt: skip
def test_rate_period(text, per):
    assert only(text).per == per


# -- items ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Iran keeps more than 3,000 drones in storage.", "drones"),
        ("Syria shipped about 40,000 rounds of ammunition to Russia.", "rounds"),
        ("Each worker earns $800 per month.", "salary"),
        ("China's exports to Iran reached $15 billion in 2022.", "exports"),
        ("The value of the contract is $900 million.", "value"),
        ("China sent 2,000 tons of steel to Belarus.", "steel"),
        ("Iran exported 1.5 million barrels of crude oil to China.", "oil"),
        ("Qatar earned between $20 billion and $30 billion from gas.", "earn"),
        pytest.param(
            "The Pentagon's estimate puts Iran's missile stock at 3,000.", "missile",
        ),
    ],
)  # fmt: skip
def test_item(text, word):
    item = only(text).item
    assert item is not None and word in item and item == item.lower(), item


def test_item_has_no_number():
    item = only("The Kremlin paid salaries of $1,500 a month to the laborers.").item
    assert item and "salar" in item
    assert not any(ch.isdigit() for ch in item), item


# -- when ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Poland ordered 1,000 tanks in 2022.", "2022"),
        ("Iran shipped 400 drones in March 2023.", "2023-03"),
        ("Trade grew by 20 percent from 2017 to 2022.", "2017/2022"),
        ("Qatar shipped 9 million tonnes of gas in 2017/2022.", "2017/2022"),
        ("Between 2017 and 2022, Iran sold 400 drones.", "2017/2022"),
        (HEADER + "Syria imported 200,000 tons of wheat last year.", "2023"),
        (HEADER + "Qatar shipped 30 cargoes of gas earlier this year.", "2024"),
        (HEADER + "Iran sent 300 drones to Russia in June.", "2024-06"),
        ("Syria imported 200,000 tons of wheat last year.", None),
        ("Iran owns 70 submarines.", None),
    ],
)
def test_when(text, when):
    assert only(text).when == when


# -- source --------------------------------------------------------------------------------

MISSILES = "3,000 missiles"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("According to the Pentagon, Iran has 3,000 missiles.", "Pentagon"),
        ("Iran has 3,000 missiles, according to the Pentagon.", "Pentagon"),
        ("The Pentagon said Iran has 3,000 missiles.", "Pentagon"),
        ("Iran has 3,000 missiles, the Pentagon said.", "Pentagon"),
        ("The Pentagon's estimate puts Iran's missile stock at 3,000.", "Pentagon"),
        ("The figure of 3,000 missiles was cited by the Pentagon.", "Pentagon"),
        ("China's trade with Iran hit $16 billion in 2021, according to customs data.", "customs"),
        ("Poland will deploy 5,000 troops in 2025, Polish officials said.", "officials"),
        ("The minister, Ali Rezaei, gave a figure. He said Iran has 70 submarines.", "Ali Rezaei"),
        ("Iran owns 70 submarines.", None),
        pytest.param(
            "By the ministry's estimate, Iran spent $4 million on fuel.", "ministry",
        ),
    ],
)  # fmt: skip
def test_source(text, source):
    claim = only(text)
    if source is None:
        assert claim.source is None and claim.modality == "asserted"
    else:
        assert claim.source is not None and source in claim.source, claim.source
        assert claim.modality == "reported"


# -- modality ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Iran owns 70 submarines.", "asserted"),
        ("Iran reportedly has 3,000 missiles.", "reported"),
        ("Iran is believed to hold 3,000 missiles.", "reported"),
        ("Iran could build 500 more missiles.", "speculative"),
        ("Iran denied that it sent 3,000 missiles to Russia.", "denied"),
        ("Iran has never supplied 3,000 missiles to anyone, officials said.", "denied"),
        # precedence: denied > speculative > reported > asserted
        ("Iran may reportedly have 3,000 missiles.", "speculative"),
        ("Officials say Iran could have shipped 500 missiles.", "speculative"),
        ("Iran denied that it could send 500 missiles.", "denied"),
        pytest.param(
            "Experts speculate that Iran has 900 drones.", "speculative",
        ),
    ],
)  # fmt: skip
def test_modality(text, modality):
    assert only(text).modality == modality


def test_modality_is_scoped_to_the_clause():
    text = (
        "Iran reportedly has only 12 brigades and this would amount to 20-25 percent of its forces."
    )
    brigades = claim_with(text, "12 brigades")
    share = claim_with(text, "percent")
    assert brigades.modality == "reported"
    assert share.modality == "speculative"
    assert (share.low, share.high, share.unit) == (20, 25, "percent")


# -- out of scope --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The 152mm shells were fired in 2023.",
        "Poland ordered K9 howitzers from South Korea.",
        "The T-72 remains common.",
        "China is the second-largest buyer of Iranian oil.",
        "Iran was the third country to recognize it.",
        "Iran ranks in the top 25 exporters.",
        "There are two factors behind the surge.",
        "The two nations signed a treaty in 2024.",
        "On June 19, the two leaders met in Pyongyang.",
        "The deal covers the period from 2017 to 2022.",
        "Poland signed a deal in 2022 to buy K2 tanks.",
    ],
)
def test_out_of_scope_numbers_make_no_claim(text):
    assert claims_of(text) == []


def test_meta_count_of_the_two_sides():
    claims = claims_of("Trade between the two grew by 20 percent from 2017 to 2022.")
    assert [c.quote for c in claims] == ["20 percent"]


def test_year_anchor_is_when_not_a_claim():
    claim = only("Poland ordered 1,000 tanks in 2022.")
    assert claim.value == 1000 and claim.when == "2022"


def test_document_without_figures():
    text = HEADER + "The leaders met in Moscow and signed a pact.\nThey praised the ties.\n"
    assert claims_of(text) == []


# -- quotes and offsets --------------------------------------------------------------------


def test_quotes_are_exact_spans_after_a_header():
    text = (
        HEADER + "Iran shipped 1,200 drones to Russia, and Syria lost about 40 tanks.\n"
        "More than 3,000 troops arrived in the spring of 2023.\n"
    )
    doc = load_text(text, name="fields", origin="test")
    assert doc.body_start == len(HEADER)
    assert (doc.published, doc.title, doc.outlet) == ("2024-06-19", "Field test", "Test Wire")
    claims = extract_document(doc).claims
    assert [c.quote for c in claims] == ["1,200 drones", "about 40 tanks", "More than 3,000 troops"]
    for claim in claims:
        assert claim.start >= doc.body_start
        assert text[claim.start : claim.end] == claim.quote
        assert claim.sent_start <= claim.start < claim.end <= claim.sent_end
        assert claim.doc == "fields" and claim.doc_id == doc.id
