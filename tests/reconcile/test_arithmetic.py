"""Each arithmetic check on a small hand-written text: the verdict and a note that shows
the numbers and the formula."""

from __future__ import annotations

from typing import Any

from claimledger.model import CheckResult
from claimledger.reconcile.arithmetic import document_checks
from claimledger.reconcile.features import view_of
from conftest import make_claim, make_document


def run(text: str, specs: list[tuple[str, dict[str, Any]]]) -> list[CheckResult]:
    doc = make_document("t", text)
    claims = [make_claim(text, quote, doc, **fields) for quote, fields in specs]
    return document_checks([view_of(c, text[c.sent_start : c.sent_end]) for c in claims])


def only(results: list[CheckResult], kind: str) -> CheckResult:
    found = [r for r in results if r.kind == kind]
    assert len(found) == 1, results
    return found[0]


def test_share_of_a_whole_matches_a_stated_percent_range() -> None:
    text = (
        "North Korea is sending 3-4 combat engineering units. It has only 10 combat "
        "engineering brigades in total and this would amount to 30-40 percent of them."
    )
    results = run(text, [
        ("3-4 combat engineering units", {"low": 3, "high": 4, "qualifier": "range",
                                          "item": "combat engineering units"}),
        ("10 combat engineering brigades", {"value": 10, "item": "combat engineering brigades"}),
        ("30-40 percent", {"low": 30, "high": 40, "qualifier": "range", "unit": "percent"}),
    ])  # fmt: skip
    share = only(results, "share")
    assert share.verdict == "consistent"
    assert share.note == "3-4 of 10 is 30-40%, which matches the stated '30-40 percent' (30%-40%)"


def test_ratio_against_a_deficit_two_sentences_back() -> None:
    text = (
        "Production falls around one million tons short. Aid has varied. Shipments of up "
        "to 700,000 tons would cover more than half of the deficit."
    )
    results = run(text, [
        ("around one million tons", {"value": 1e6, "qualifier": "about", "unit": "t"}),
        ("up to 700,000 tons", {"value": 7e5, "qualifier": "up_to", "unit": "t"}),
        ("more than half", {"value": 50, "qualifier": "over", "unit": "percent"}),
    ])  # fmt: skip
    ratio = only(results, "ratio")
    assert ratio.verdict == "consistent"
    assert "up to 700,000 t of about 1 million t is 70%" in ratio.note


def test_parts_larger_than_their_total_are_inconsistent() -> None:
    text = (
        "Trade in 2022 amounted to $12.7 billion as its main export products were coal "
        "$4.62 billion, crude petroleum worth $2 billion, and refined petroleum $148 billion."
    )
    usd = {"unit": "USD"}
    results = run(text, [
        ("$12.7 billion", {"value": 12.7e9, **usd}),
        ("$4.62 billion", {"value": 4.62e9, **usd}),
        ("$2 billion", {"value": 2e9, **usd}),
        ("$148 billion", {"value": 148e9, **usd}),
    ])  # fmt: skip
    parts = only(results, "parts")
    assert parts.verdict == "inconsistent"
    assert parts.note == (
        "the parts $4.62 billion + $2 billion + $148 billion = $154.6 billion exceed the total "
        "$12.7 billion they are listed under ('$148 billion' alone exceeds it)"
    )


def test_parts_within_their_total_are_consistent() -> None:
    text = "It exported $7.48 billion, including cars ($894 million) and iron $602 million."
    results = run(text, [
        ("$7.48 billion", {"value": 7.48e9, "unit": "USD"}),
        ("$894 million", {"value": 894e6, "unit": "USD"}),
        ("$602 million", {"value": 602e6, "unit": "USD"}),
    ])  # fmt: skip
    assert only(results, "parts").verdict == "consistent"


def test_count_times_rate_times_period_against_a_total() -> None:
    text = (
        "Each soldier receives approximately $2,000 per month. With an estimated 10,000 "
        "troops involved, this amounts to over $200 million annually."
    )
    results = run(text, [
        ("approximately $2,000 per month", {"value": 2000, "qualifier": "about",
                                            "unit": "USD", "per": "month"}),
        ("10,000 troops", {"value": 10000, "item": "troops"}),
        ("over $200 million annually", {"value": 2e8, "qualifier": "over", "unit": "USD",
                                        "per": "year"}),
    ])  # fmt: skip
    rate = only(results, "rate")
    assert rate.verdict == "consistent"
    assert rate.note == (
        "about $2,000 a month x 10,000 x 12 = $240 million a year, "
        "which fits the stated over $200 million a year"
    )


def test_count_times_rate_that_misses_a_stated_total_is_inconsistent() -> None:
    text = (
        "Each soldier receives $2,000 per month. With 1,000 troops involved, this amounts "
        "to $200 million annually."
    )
    results = run(text, [
        ("$2,000 per month", {"value": 2000, "unit": "USD", "per": "month"}),
        ("1,000 troops", {"value": 1000, "item": "troops"}),
        ("$200 million annually", {"value": 2e8, "unit": "USD", "per": "year"}),
    ])  # fmt: skip
    rate = only(results, "rate")
    assert rate.verdict == "inconsistent"
    assert rate.note.startswith("$2,000 a month x 1,000 x 12 = $24 million a year, but")


def test_compound_growth_matches_a_stated_rate() -> None:
    text = (
        "Over the past 5 years, exports increased at an annual rate of 39.5 percent from "
        "$1.42 billion in 2017 to $7.4 billion in 2022."
    )
    results = run(text, [
        ("annual rate of 39.5 percent", {"value": 39.5, "unit": "percent", "per": "year"}),
        ("$1.42 billion", {"value": 1.42e9, "unit": "USD", "when": "2017"}),
        ("$7.4 billion", {"value": 7.4e9, "unit": "USD", "when": "2022"}),
    ])  # fmt: skip
    growth = only(results, "growth")
    assert growth.verdict == "consistent"
    assert growth.note == (
        "($7.4 billion / $1.42 billion)^(1/5) - 1 = 39.1% a year, matching the stated 39.5%"
    )


def test_compound_growth_that_misses_a_stated_rate_is_inconsistent() -> None:
    text = (
        "During the past 5 years, exports grew at a rate of 20 percent, "
        "from $1 billion to $4 billion."
    )
    results = run(text, [
        ("20 percent", {"value": 20, "unit": "percent"}),
        ("$1 billion", {"value": 1e9, "unit": "USD"}),
        ("$4 billion", {"value": 4e9, "unit": "USD"}),
    ])  # fmt: skip
    growth = only(results, "growth")
    assert growth.verdict == "inconsistent"
    assert "= 32.0% a year, not the stated 20%" in growth.note
