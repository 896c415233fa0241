"""What a percentage is of (the named percent rules of extract/measures.py), and counts of
people named only by a demonym or 'others', whose predicate says what is counted."""

from __future__ import annotations

import pytest

from claimledger.extract.measures import PERCENT_RULES
from claimledger.extract.pipeline import extract_document
from claimledger.ingest import load_text


def item_of(text: str, fragment: str) -> str | None:
    doc = load_text(f"Title: T\nPublished: 2024-06-19\n\n{text}", name="t", origin="t")
    (claim,) = [c for c in extract_document(doc).claims if fragment in c.quote]
    return claim.item


@pytest.mark.parametrize(
    ("text", "fragment", "word"),
    [
        ("The garrison suffered nearly 30 percent casualties, medics said.", "30", "casualties"),
        (
            "Brazil, which is more than 70 per cent dependent on imports to meet its wheat "
            "needs, bought more.",
            "70",
            "imports",
        ),
        ("From March to June, Chile increased its imports by 18 percent.", "18", "imports"),
        ("Wheat led the basket, followed by rice at 12 per cent.", "12", "rice"),
    ],
)
def test_percent_items_name_what_the_percent_is_of(text: str, fragment: str, word: str) -> None:
    item = item_of(text, fragment)
    assert item is not None and word in item.split(), item


def test_a_comparative_percent_is_not_its_own_item() -> None:
    item = item_of("Sales of tin were about 4% less than in May.", "4%")
    assert item != "less"


@pytest.mark.parametrize(
    ("text", "fragment", "word"),
    [
        (
            "Medics said 200 fighters died, with nearly 2,000 others injured in May.",
            "2,000",
            "injured",
        ),
        ("Last year, 5,400 Germans entered Austria, the agency said.", "5,400", "entered"),
        ("About 900 Germans have reportedly been killed in the war.", "900", "killed"),
    ],
)
def test_a_count_of_nobody_in_particular_keeps_its_predicate(
    text: str, fragment: str, word: str
) -> None:
    item = item_of(text, fragment)
    assert item is not None and word in item.split(), item


def test_a_named_count_is_left_as_it_is() -> None:
    assert item_of("The army sent 3,000 engineers to the coast.", "3,000") == "engineers"


def test_the_percent_rules_are_named_and_end_with_the_subject() -> None:
    names = [name for name, _rule in PERCENT_RULES]
    assert len(names) == len(set(names)) and names[-1] == "subject"


@pytest.mark.parametrize(
    ("text", "fragment", "word"),
    [
        # a part has the item of the whole it is part of
        (
            "Donors pledged €50 billion in medical support to Chad, including €30 billion "
            "from France.",
            "€30 billion",
            "support",
        ),
        # a bracket restates the noun before it, adverbs between
        ("Spain has allocated its largest naval package ever (EUR 0.3 billion).", "0.3", "package"),
        # after a party, what the party's verb hands over
        (
            "Norway (€0.5 billion) and Chile (€0.4 billion) also provided large amounts of "
            "naval aid.",
            "€0.4 billion",
            "aid",
        ),
    ],
)
def test_money_parts_and_brackets_name_what_is_paid(text: str, fragment: str, word: str) -> None:
    item = item_of(text, fragment)
    assert item is not None and word in item.split(), item


def test_the_form_money_comes_in_is_not_its_item() -> None:
    item = item_of("The firm received $3 billion in cash for the ships.", "$3 billion")
    assert item != "cash"


def test_a_bare_percent_after_a_share_in_its_sentence_is_a_share_of_the_same_whole() -> None:
    text = "It went from under 2 per cent of all mineral exports to 30 per cent in a year."
    assert item_of(text, "30 per cent") == item_of(text, "2 per cent")
    assert "exports" in (item_of(text, "30 per cent") or "")


def test_a_bare_percent_in_its_own_sentence_does_not_borrow_a_share() -> None:
    text = "About 2 per cent of its exports were tin. Prices went up by 30 per cent."
    assert item_of(text, "30 per cent") != item_of(text, "2 per cent")
