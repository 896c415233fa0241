"""What a money figure is an amount of: the named money rules of extract/measures.py."""

from __future__ import annotations

import pytest

from claimledger.extract.measures import MONEY_RULES
from claimledger.extract.pipeline import extract_document
from claimledger.ingest import load_text


def item_of(text: str, fragment: str) -> str | None:
    doc = load_text(f"Title: T\nPublished: 2024-06-19\n\n{text}", name="t", origin="t")
    (claim,) = [c for c in extract_document(doc).claims if fragment in c.quote]
    return claim.item


@pytest.mark.parametrize(
    ("text", "fragment", "words"),
    [
        # a currency code before the number is not the item
        ("Chile earned EUR 40 billion in revenue from copper exports.", "40 billion", "revenue"),
        # what the money paid for, after a restatement in another currency
        (
            "The deal comprised EUR 12 billion ($13 billion) for purchase of wheat.",
            "EUR 12 billion",
            "wheat",
        ),
        ("The bill included EUR 9 billion for fertiliser.", "9 billion", "fertiliser"),
        # money in brackets after a share is the amount of what the share is of
        (
            "Soy led the basket at 60 per cent, followed by maize at 30 per cent "
            "(EUR 3 billion) and barley.",
            "EUR 3 billion",
            "maize",
        ),
        # a gerund after the spending verb names what was bought
        ("Peru spent $5 billion on buying diesel from Norway.", "$5 billion", "diesel"),
    ],
)
def test_money_items(text: str, fragment: str, words: str) -> None:
    assert words in (item_of(text, fragment) or "")


def test_money_for_people_is_not_their_item() -> None:
    assert item_of("Firms paid $2,000 for every worker hired.", "$2,000") != "worker"


def test_the_rules_are_named_and_distinct() -> None:
    names = [name for name, _rule in MONEY_RULES]
    assert len(names) == len(set(names)) and len(names) >= 10
