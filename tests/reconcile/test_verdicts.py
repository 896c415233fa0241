"""The verdict rules, one by one, on hand-made claims: values, scope, parties, notes."""

from __future__ import annotations

from typing import Any

from claimledger.model import Claim
from claimledger.reconcile.features import block_key, view_of
from claimledger.reconcile.verdicts import Judgement, judge


def claim(
    quote: str, sentence: str | None = None, doc: str = "a", **fields: Any
) -> tuple[Claim, str]:
    sentence = sentence or f"They said {quote} in the end."
    start = sentence.index(quote)
    fields.setdefault("value", None)
    made = Claim(
        doc=doc, quote=quote, start=start, end=start + len(quote), sent_start=0,
        sent_end=len(sentence), doc_id=doc, **fields,
    )  # fmt: skip
    return made, sentence


def verdict(a: tuple[Claim, str], b: tuple[Claim, str]) -> Judgement | None:
    return judge(view_of(*a), view_of(*b))


RU_NK = {"from_": "Russia", "to": "North Korea"}
NK_RU = {"from_": "North Korea", "to": "Russia"}


def test_over_a_value_agrees_with_a_value_above_it() -> None:
    a = claim("over 5 million artillery shells", doc="a", value=5e6, qualifier="over",
              item="artillery shells", **NK_RU)  # fmt: skip
    b = claim("5.2 million shells", doc="b", value=5.2e6, item="shells", **NK_RU)
    found = verdict(a, b)
    assert found is not None and found.verdict == "consistent"
    assert found.reason == (
        "over 5 million (unattributed, a, undated) and 5.2 million (unattributed, b, undated): "
        "the same shells, the values agree"
    )


def test_about_agrees_within_ten_percent() -> None:
    a = claim("about 16,000 shipping containers", doc="a", value=16000, qualifier="about",
              item="shipping containers", **NK_RU)  # fmt: skip
    b = claim("16,400 containers", doc="b", value=16400, item="containers", **NK_RU)
    assert verdict(a, b).verdict == "consistent"  # type: ignore[union-attr]


def test_same_quantity_far_apart_is_a_conflict_with_the_ratio() -> None:
    a = claim("$2,000 per month", "Each soldier gets $2,000 per month.", doc="002",
              value=2000, unit="USD", per="month", item="salary", source="NIS",
              **RU_NK)  # fmt: skip
    b = claim("$800 a month", "The soldiers will earn $800 a month.", doc="001", value=800,
              unit="USD", per="month", item="salary", source="Cho Han-beom", **RU_NK)  # fmt: skip
    found = verdict(a, b)
    assert found is not None and found.verdict == "conflict"
    assert found.reason == (
        "$2,000 a month (NIS, 002, undated) and $800 a month (Cho Han-beom, 001, undated): "
        "the same pay at the same time, 2.5x apart"
    )


def test_pay_of_soldiers_and_wages_of_workers_differ_in_scope_even_when_equal() -> None:
    a = claim("$800 a month", "The soldiers will earn $800 a month.", doc="001", value=800,
              unit="USD", per="month", item="salary")  # fmt: skip
    b = claim("$800 monthly", "About 4,000 workers receive wages averaging $800 monthly.",
              doc="002", value=800, unit="USD", per="month", item="wages", **RU_NK)  # fmt: skip
    found = verdict(a, b)
    assert found is not None and found.verdict == "different_scope"
    assert found.reason.endswith("both pay, but one is about soldiers, the other about workers")


def test_speculation_and_report_differ_in_scope() -> None:
    a = claim("up to 100,000 troops", doc="003", value=100000, qualifier="up_to",
              item="troops", modality="denied", **NK_RU)  # fmt: skip
    b = claim("10,000 troops", doc="002", value=10000, item="troops", modality="reported",
              **NK_RU)  # fmt: skip
    found = verdict(a, b)
    assert found is not None and found.verdict == "different_scope"
    assert "one is denied, the other reported" in found.reason


def test_running_total_and_yearly_count_differ_in_scope() -> None:
    a = claim("about 16,000 shipping containers",
              "Pyongyang has so far provided Moscow with about 16,000 shipping containers.",
              doc="000", value=16000, qualifier="about", item="shipping containers",
              **NK_RU)  # fmt: skip
    b = claim("10,000 shipping containers",
              "He said 10,000 shipping containers were sent in the past year.",
              doc="001", value=10000, qualifier="up_to", item="shipping containers",
              **NK_RU)  # fmt: skip
    found = verdict(a, b)
    assert found is not None and found.verdict == "different_scope"
    assert "about 16,000 is a running total while up to 10,000 is a count within a period" in (
        found.reason
    )


def test_different_years_differ_in_scope() -> None:
    a = claim("$1.42 billion", doc="a", value=1.42e9, unit="USD", item="exports", when="2017",
              from_="South Korea", to="Russia")  # fmt: skip
    b = claim("$7.4 billion", doc="b", value=7.4e9, unit="USD", item="exports", when="2022",
              from_="South Korea", to="Russia")  # fmt: skip
    found = verdict(a, b)
    assert found is not None and found.verdict == "different_scope"
    assert "different times (2017 vs 2022, 1462 days apart)" in found.reason


def test_a_total_never_meets_its_subset() -> None:
    a = claim("3,000 casualties", "The army suffered 3,000 casualties.", doc="a", value=3000,
              item="casualties")  # fmt: skip
    b = claim("300 soldiers", "Officials say 300 soldiers were killed.", doc="b", value=300,
              item="soldiers")  # fmt: skip
    assert view_of(*a).concept == "casualties" and view_of(*b).concept == "killed"
    assert verdict(a, b) is None


def test_nearly_and_over_the_same_number_conflict() -> None:
    a = claim("over 5 million shells", doc="a", value=5e6, qualifier="over", item="shells",
              **NK_RU)  # fmt: skip
    b = claim("nearly 5 million shells", doc="b", value=5e6, qualifier="about", item="shells",
              **NK_RU)  # fmt: skip
    found = verdict(a, b)
    assert found is not None and found.verdict == "conflict"
    assert "nearly 5 million" in found.reason


def test_a_range_that_contains_a_point_is_consistent() -> None:
    a = claim("between 11,000 and 12,000 soldiers", doc="a", low=11000, high=12000,
              qualifier="range", item="soldiers", **NK_RU)  # fmt: skip
    b = claim("some 11,000 troops", doc="b", value=11000, qualifier="about", item="troops",
              **NK_RU)  # fmt: skip
    assert verdict(a, b).verdict == "consistent"  # type: ignore[union-attr]


def test_figures_weeks_apart_from_the_same_kind_of_count_differ_in_scope() -> None:
    a = claim("about 100 soldiers", "Officials said about 100 soldiers were killed.", doc="a",
              value=100, qualifier="about", item="soldiers", **NK_RU)  # fmt: skip
    b = claim("some 300 soldiers", "Officials said some 300 soldiers were killed.", doc="b",
              value=300, qualifier="about", item="soldiers", **NK_RU)  # fmt: skip
    early, late = view_of(*a, published="2024-12-20"), view_of(*b, published="2025-01-13")
    found = judge(early, late)
    assert found is not None and found.verdict == "different_scope"
    assert "24 days apart" in found.reason
    same_week = judge(view_of(*a, published="2025-01-09"), late)
    assert same_week is not None and same_week.verdict == "conflict"


def test_clashing_parties_are_not_compared() -> None:
    a = claim("10,000 troops", doc="a", value=10000, item="troops", **NK_RU)
    b = claim("5,000 troops", doc="b", value=5000, item="troops", from_="China", to="Russia")
    assert verdict(a, b) is None


def test_nothing_to_tie_two_different_counts_means_no_verdict() -> None:
    a = claim("five countries", doc="a", value=5, item="countries")
    b = claim("40 countries", doc="b", value=40, item="countries")
    assert verdict(a, b) is None


def test_blocking_key_is_domain_unit_family_and_rate() -> None:
    assert block_key(None, "combat engineering brigades", "count", None) == (
        "formations|count|stock"
    )
    assert block_key("troops", "soldiers", "count", None) == "people|count|stock"
    assert block_key("salary", "wages", "USD", "month") == "money:USD|money:USD|rate"
    assert block_key(None, "rice aid", "t", None) == "commodities|mass|stock"
    assert block_key(None, None, "count", None) is None


def test_a_rate_per_head_against_a_total_for_another_period_is_not_a_conflict() -> None:
    a = claim("$2,000 a month", "Russia pays $2,000 a month for every soldier.", doc="b",
              value=2000, unit="USD", per="month", item="salary", **RU_NK)  # fmt: skip
    b = claim("$24 million a year", "The payments come to $24 million a year.", doc="c",
              value=24e6, unit="USD", per="year", item="payments", **RU_NK)  # fmt: skip
    found = verdict(a, b)
    assert found is not None and found.verdict == "different_scope"
    assert found.reason.endswith("one is per month, the other per year")


def test_an_order_and_a_delivery_differ_in_scope() -> None:
    a = claim("300 tanks", "Under the contract signed in May, Chile ordered 300 tanks.", doc="a",
              value=300, item="tanks", when="2024", from_="Peru", to="Chile")  # fmt: skip
    b = claim("120 tanks", "Chile has taken delivery of 120 tanks so far.", doc="b",
              value=120, item="tanks", when="2024", from_="Peru", to="Chile")  # fmt: skip
    found = verdict(a, b)
    assert found is not None and found.verdict == "different_scope"
    assert "300 is agreed or capped, 120 carried out" in found.reason


def test_a_month_against_a_year_differs_in_scope() -> None:
    a = claim("2 million tonnes", "Exports reached 2 million tonnes of wheat.", doc="a",
              value=2e6, unit="t", when="2023-08", **RU_NK)  # fmt: skip
    b = claim("30 million tonnes", "Exports reached 30 million tonnes of wheat.", doc="b",
              value=30e6, unit="t", when="2023/2024", **RU_NK)  # fmt: skip
    found = verdict(a, b)
    assert found is not None and found.verdict == "different_scope"
    assert "periods of different length" in found.reason


def test_two_figures_of_one_article_are_not_a_conflict_unless_one_is_a_total() -> None:
    text = "One tanker carried 8,000 barrels. Another carried 31,000 barrels."
    a = claim("8,000 barrels", text, doc="a", value=8000, unit="bbl", item="oil", **RU_NK)
    b = claim("31,000 barrels", text, doc="a", value=31000, unit="bbl", item="oil", **RU_NK)
    b[0].sent_start = text.index("Another")
    assert verdict(a, b) is None


def test_across_articles_a_conflict_needs_a_common_party() -> None:
    a = claim("2 million cars", "Makers built 2 million cars.", doc="a", value=2e6,
              when="2026")  # fmt: skip
    b = claim("24 cars", "The ministry bought 24 cars from Japan.", doc="b", value=24,
              when="2026")  # fmt: skip
    found = verdict(a, b)
    assert found is not None and found.verdict == "different_scope"
    assert "nothing says they concern one party" in found.reason
