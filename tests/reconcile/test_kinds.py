"""Sibling concepts that look alike (troops and workers a country sends to another), on
small hand-written articles in a real ledger: one different_scope line per pair, kept to
the pair, never across parties, articles or kinds that are parts of a whole."""

from __future__ import annotations

from claimledger.model import CheckResult
from claimledger.reconcile import reconcile
from claimledger.store import Ledger
from conftest import AddDoc

SENT = {"from_": "Cuba", "to": "Angola", "unit": "count"}


def sibling_lines(ledger: Ledger) -> list[CheckResult]:
    return [c for c in reconcile(ledger).checks if "different kinds of" in c.note]


def test_troops_and_workers_of_one_sending_are_one_different_scope_pair(
    ledger: Ledger, add_doc: AddDoc
) -> None:
    text = (
        "Havana flew 600 soldiers of an artillery regiment to Luanda last spring, a defence "
        "analyst said. Elsewhere in the report, hundreds of Cuban builders are said to lay "
        "roads near the port. Dozens of Cuban bricklayers and masons live in a camp there."
    )
    add_doc("a1", text, [
        ("600 soldiers", {"value": 600, "item": "soldiers", **SENT}),
        ("hundreds of Cuban builders",
         {"low": 200, "high": 999, "qualifier": "range", "item": "Cuban workers", **SENT}),
    ])  # fmt: skip
    (line,) = sibling_lines(ledger)
    assert line.verdict == "different_scope"
    assert [c.quote for c in line.claims] == ["600 soldiers", "hundreds of Cuban builders"]
    assert "600 troops" in line.note and "workers" in line.note
    assert "different kinds of people sent abroad" in line.note
    assert not [c for c in reconcile(ledger).checks if c.verdict == "conflict"]


def test_another_receiver_or_another_article_makes_no_line(ledger: Ledger, add_doc: AddDoc) -> None:
    text = "The island sent 300 soldiers abroad. It also sent 900 labourers abroad."
    add_doc("b1", text, [
        ("300 soldiers", {"value": 300, "item": "soldiers", **SENT}),
        ("900 labourers", {"value": 900, "item": "labourers", **{**SENT, "to": "Namibia"}}),
    ])  # fmt: skip
    other = "A later report counted 1,500 labourers on the building sites."
    add_doc("b2", other, [("1,500 labourers", {"value": 1500, "item": "labourers", **SENT})])
    assert sibling_lines(ledger) == []


def test_each_figure_joins_only_its_nearest_sibling(ledger: Ledger, add_doc: AddDoc) -> None:
    text = (
        "By June 2,000 labourers had arrived on the plantations. "
        "A garrison of 450 soldiers guarded the dam. "
        "Another 700 labourers came in autumn."
    )
    add_doc("c1", text, [
        ("2,000 labourers", {"value": 2000, "item": "labourers", **SENT}),
        ("450 soldiers", {"value": 450, "item": "soldiers", **SENT}),
        ("700 labourers", {"value": 700, "item": "labourers", **SENT}),
    ])  # fmt: skip
    (line,) = sibling_lines(ledger)
    assert [c.quote for c in line.claims] == ["450 soldiers", "700 labourers"]


def test_killed_and_wounded_are_parts_not_look_alikes(ledger: Ledger, add_doc: AddDoc) -> None:
    text = "The raid left 40 guards dead. Officials said 95 guards were wounded in the raid."
    add_doc("d1", text, [
        ("40 guards", {"value": 40, "item": "guards", **SENT}),
        ("95 guards", {"value": 95, "item": "guards", **SENT}),
    ])  # fmt: skip
    assert sibling_lines(ledger) == []


def test_no_direction_pairs_on_the_same_country_only(ledger: Ledger, add_doc: AddDoc) -> None:
    text = (
        "Kenya has 1,100 soldiers on the border, the paper wrote. "
        "Uganda has 3,000 workers on the new railway."
    )
    add_doc("e1", text, [
        ("1,100 soldiers", {"value": 1100, "item": "soldiers", "unit": "count"}),
        ("3,000 workers", {"value": 3000, "item": "workers", "unit": "count"}),
    ])  # fmt: skip
    assert sibling_lines(ledger) == []


def test_no_direction_but_one_country_is_one_pair(ledger: Ledger, add_doc: AddDoc) -> None:
    text = (
        "Kenya keeps 1,100 soldiers in the northern camps. "
        "Kenya also counts 3,000 workers in the same camps."
    )
    add_doc("f1", text, [
        ("1,100 soldiers", {"value": 1100, "item": "soldiers", "unit": "count"}),
        ("3,000 workers", {"value": 3000, "item": "workers", "unit": "count"}),
    ])  # fmt: skip
    (line,) = sibling_lines(ledger)
    assert [c.quote for c in line.claims] == ["1,100 soldiers", "3,000 workers"]
