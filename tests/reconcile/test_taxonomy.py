"""The concept taxonomy: what a figure counts, read from its item and its own clause."""

from __future__ import annotations

import pytest

from claimledger import taxonomy
from claimledger.taxonomy import comparable, concept_for, is_subset, lineage, parent_of


def _concept(sentence: str, quote: str, unit: str = "count", item: str | None = None) -> str | None:
    start = sentence.index(quote)
    return concept_for(item, unit, sentence, start, start + len(quote))


def test_every_parent_is_a_concept_and_lineages_end_at_a_root() -> None:
    for name in taxonomy.names():
        chain = lineage(name)
        assert chain[0] == name and parent_of(chain[-1]) is None


def test_subsets_and_comparability() -> None:
    assert lineage("crude") == ["crude", "oil", "fossil fuels"]
    assert is_subset("killed", "casualties") and not is_subset("casualties", "killed")
    assert not is_subset("wounded", "troops")
    assert comparable("troops", "troops") and not comparable("casualties", "killed")
    assert not comparable(None, None)


@pytest.mark.parametrize(
    ("sentence", "quote", "expected"),
    [
        ("The ministry said 120 sailors were killed and 40 wounded.", "40", "wounded"),
        ("The ministry said 120 sailors were killed and 40 wounded.", "120 sailors", "killed"),
        ("About 900 conscripts have been killed or wounded so far.", "900 conscripts",
         "casualties"),
        ("Rebels captured 12 soldiers near the pass.", "12 soldiers", "captured"),
        ("Some 2,500 soldiers were flown in, and 30 died in the crash.", "2,500 soldiers",
         "troops"),
        ("Last spring 4,100 citizens entered the country by land.", "4,100 citizens",
         "entrants"),
        ("About 600 laborers were sent to the shipyards.", "About 600 laborers", "workers"),
        ("The port handled 3,000 containers of grain.", "3,000 containers", "containers"),
    ],
)  # fmt: skip
def test_head_counts_count_what_happened_to_people(
    sentence: str, quote: str, expected: str
) -> None:
    assert _concept(sentence, quote) == expected


@pytest.mark.parametrize(
    ("sentence", "quote", "expected"),
    [
        ("Chile spent $4 billion (about 3.6 trillion pesos) on buying crude oil last year.",
         "$4 billion", "crude"),
        ("Coal led at 60 per cent ($2 billion), followed by gas at 30 per cent ($1 billion).",
         "$1 billion", "gas"),
        ("Coal led at 60 per cent ($2 billion), followed by gas at 30 per cent ($1 billion).",
         "$2 billion", "coal"),
        ("Each guard earns a salary of $700 a month.", "$700 a month", "pay"),
        ("Trade between the two amounted to $9 billion, its main products being coal.",
         "$9 billion", "trade"),
        ("Norway pledged $300 million in military aid.", "$300 million", "military aid"),
    ],
)  # fmt: skip
def test_money_counts_the_commodity_else_the_kind_of_payment(
    sentence: str, quote: str, expected: str
) -> None:
    assert _concept(sentence, quote, unit="USD") == expected


def test_the_item_speaks_when_the_sentence_is_silent() -> None:
    assert concept_for("artillery shells", "count") == "shells"
    assert concept_for("monthly wages", "USD") == "pay"
    assert concept_for("members", "count") is None
