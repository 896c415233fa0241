"""Wholes and parts across sentences, on small hand-written texts: parts the taxonomy puts
under a whole, shares written with their amounts, and a whole with a named part."""

from __future__ import annotations

from typing import Any

from claimledger.model import CheckResult
from claimledger.parties import PartyRegistry
from claimledger.reconcile.arithmetic import document_checks
from claimledger.reconcile.features import view_of
from conftest import make_claim, make_document

EUR = {"unit": "EUR"}


def run(text: str, specs: list[tuple[str, dict[str, Any]]]) -> list[CheckResult]:
    doc = make_document("t", text)
    claims = [make_claim(text, quote, doc, **fields) for quote, fields in specs]
    registry = PartyRegistry.default()
    return document_checks(
        [view_of(c, text[c.sent_start : c.sent_end], registry=registry) for c in claims]
    )


def quotes(check: CheckResult) -> list[str]:
    return [c.quote for c in check.claims]


def test_killed_and_wounded_make_up_the_casualties_stated_before() -> None:
    text = (
        "The ministry said about 1,200 sailors had been killed or wounded. "
        "It said 150 sailors were killed and 1,050 wounded."
    )
    results = run(text, [
        ("about 1,200 sailors", {"value": 1200, "qualifier": "about", "item": "sailors"}),
        ("150 sailors", {"value": 150, "item": "sailors"}),
        ("1,050", {"value": 1050, "item": "sailors"}),
    ])  # fmt: skip
    (check,) = [r for r in results if r.kind == "parts"]
    assert check.verdict == "consistent"
    assert quotes(check) == ["about 1,200 sailors", "150 sailors", "1,050"]
    assert check.note.startswith("150 killed + 1,050 wounded = 1,200, the stated about 1,200")


def test_shares_with_their_amounts_must_fit_the_whole() -> None:
    text = (
        "Chile imported goods worth EUR 10 billion in May. Copper led at 50 per cent "
        "(EUR 4 billion), followed by coal at 30 per cent (EUR 3 billion) and gas at 20 per "
        "cent (EUR 2 billion)."
    )
    results = run(text, [
        ("EUR 10 billion", {"value": 10e9, **EUR}),
        ("50 per cent", {"value": 50, "unit": "percent"}),
        ("EUR 4 billion", {"value": 4e9, **EUR}),
        ("30 per cent", {"value": 30, "unit": "percent"}),
        ("EUR 3 billion", {"value": 3e9, **EUR}),
        ("20 per cent", {"value": 20, "unit": "percent"}),
        ("EUR 2 billion", {"value": 2e9, **EUR}),
    ])  # fmt: skip
    (check,) = [r for r in results if r.kind == "share"]
    assert check.verdict == "inconsistent" and len(check.claims) == 7
    assert check.note.startswith("50% of €10 billion is €5 billion, not €4 billion; the parts")
    assert "30% of €10 billion is €3 billion, as stated" in check.note


def test_shares_that_fit_are_consistent_and_not_matched_by_coincidence() -> None:
    text = (
        "Peru exported goods worth EUR 10 billion. Zinc led at 60 per cent (EUR 6 billion), "
        "followed by tin at 40 per cent (EUR 4 billion)."
    )
    results = run(text, [
        ("EUR 10 billion", {"value": 10e9, **EUR}),
        ("60 per cent", {"value": 60, "unit": "percent"}),
        ("EUR 6 billion", {"value": 6e9, **EUR}),
        ("40 per cent", {"value": 40, "unit": "percent"}),
        ("EUR 4 billion", {"value": 4e9, **EUR}),
    ])  # fmt: skip
    assert [r.verdict for r in results] == ["consistent"]
    assert "the parts add up to €10 billion against the €10 billion whole" in results[0].note


def test_a_named_part_leaves_too_little_for_another_givers_running_total() -> None:
    text = (
        "Since the war began, Nordic military aid has reached EUR 30 billion. "
        "In total, donors have allocated EUR 50 billion in aid, including EUR 35 billion "
        "from Japan."
    )
    results = run(text, [
        ("EUR 30 billion", {"value": 30e9, **EUR}),
        ("EUR 50 billion", {"value": 50e9, **EUR}),
        ("EUR 35 billion", {"value": 35e9, **EUR}),
    ])  # fmt: skip
    (check,) = [r for r in results if r.verdict == "inconsistent"]
    assert quotes(check) == ["EUR 30 billion", "EUR 50 billion", "EUR 35 billion"]
    assert "all other givers gave €15 billion, less than the €30 billion given by Nordic" in (
        check.note
    )


def test_a_two_way_total_and_its_change_follow_from_both_directions() -> None:
    text = (
        "Peru raised its imports from Chile by 25 percent. Chilean goods shipped to Peru "
        "totaled $250 million. Peru's exports to Chile fell by $750 million, or 40 percent. "
        "The two countries' trade turnover fell by 31 percent. It amounted to $1 billion."
    )
    results = run(text, [
        ("25 percent", {"value": 25, "unit": "percent"}),
        ("$250 million", {"value": 250e6, "unit": "USD"}),
        ("$750 million", {"value": 750e6, "unit": "USD", "from_": "Peru", "to": "Chile"}),
        ("40 percent", {"value": 40, "unit": "percent"}),
        ("31 percent", {"value": 31, "unit": "percent"}),
        ("$1 billion", {"value": 1e9, "unit": "USD"}),
    ])  # fmt: skip
    (check,) = [r for r in results if len(r.claims) == 6]
    assert check.verdict == "consistent"
    assert check.note.startswith("$250 million + $750 million = $1 billion, the stated $1 billion")
    assert "undoing the changes (+25%, -40%) gives $1.45 billion a year earlier" in check.note
