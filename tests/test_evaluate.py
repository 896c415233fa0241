"""The scorer of GUIDELINES.md § Scoring, on hand-made gold figures and predictions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimledger.evaluate import (
    content_words,
    evaluate,
    field_right,
    max_matching,
    occurrences,
    score,
)
from claimledger.evaluate_checks import score_checks
from claimledger.parties import PartyRegistry

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

TEXT = "Russia got 10,000 shells in 2023. Later it got 10,000 shells again, and 3-4 brigades."


def gold(quote: str, value: float | None = None, **fields: Any) -> dict[str, Any]:
    return {"doc": "d", "quote": quote, "value": value, "low": None, "high": None, **fields}


def pred(quote: str, value: float | None = None, *, nth: int = 0, **fields: Any) -> dict[str, Any]:
    """A prediction whose span is the `nth` occurrence of `quote` in TEXT."""
    start = occurrences(TEXT, quote)[nth][0]
    return {
        "doc": "d", "quote": quote, "value": value, "low": None, "high": None,
        "start": start, "end": start + len(quote), **fields,
    }  # fmt: skip


def run(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> Any:
    return score(golds, preds, {"d": TEXT})


def test_exact_match() -> None:
    report = run([gold("10,000 shells", 10000)], [pred("10,000 shells", 10000)])
    assert report.to_json()["figures"] == {
        "tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0,
    }  # fmt: skip
    assert report.misses == [] and report.spurious == []


def test_span_must_overlap_an_occurrence_of_the_quote() -> None:
    start = TEXT.index("Later")
    far = {**pred("10,000 shells", 10000), "start": start, "end": start + 5}
    report = run([gold("10,000 shells", 10000)], [far])
    assert (report.figures.tp, report.figures.fp, report.figures.fn) == (0, 1, 1)
    partial = {**pred("10,000 shells", 10000), "end": TEXT.index("10,000") + 2}
    assert run([gold("10,000 shells", 10000)], [partial]).figures.tp == 1


def test_any_occurrence_of_a_repeated_quote_counts() -> None:
    report = run([gold("10,000 shells", 10000)], [pred("10,000 shells", 10000, nth=1)])
    assert report.figures.tp == 1


def test_values_agree_within_half_a_percent() -> None:
    g = [gold("10,000 shells", 10000)]
    assert run(g, [pred("10,000 shells", 10049)]).figures.tp == 1
    assert run(g, [pred("10,000 shells", 9950)]).figures.tp == 1
    assert run(g, [pred("10,000 shells", 10051)]).figures.tp == 0
    assert run(g, [pred("10,000 shells", None)]).figures.tp == 0


def test_ranges_need_both_bounds() -> None:
    g = [{**gold("3-4 brigades"), "low": 3, "high": 4}]
    assert run(g, [{**pred("3-4 brigades"), "low": 3, "high": 4}]).figures.tp == 1
    assert run(g, [{**pred("3-4 brigades"), "low": 3, "high": 5}]).figures.tp == 0
    assert run(g, [{**pred("3-4 brigades"), "low": 3, "high": None}]).figures.tp == 0
    assert run(g, [pred("3-4 brigades", 3.5)]).figures.tp == 0


def test_matching_is_one_to_one() -> None:
    golds = [gold("10,000 shells", 10000)]
    preds = [pred("10,000 shells", 10000), pred("shells", 10000)]
    report = run(golds, preds)
    assert (report.figures.tp, report.figures.fp, report.figures.fn) == (1, 1, 0)
    assert len(report.spurious) == 1


def test_matching_is_maximum_where_greedy_fails() -> None:
    # Gold A's quote overlaps both predictions; gold B's only the first. Greedy gives the
    # first prediction to A and leaves B unmatched; the maximum matching pairs both.
    text = "They sent 10,000 shells and 10,000 more."
    g_a = {
        "doc": "d",
        "quote": "10,000 shells and 10,000",
        "value": 10000,
        "low": None,
        "high": None,
    }
    g_b = {"doc": "d", "quote": "10,000 shells", "value": 10000, "low": None, "high": None}
    first = {"doc": "d", "value": 10000, "low": None, "high": None, "start": 10, "end": 23}
    second = {"doc": "d", "value": 10000, "low": None, "high": None, "start": 28, "end": 34}
    report = score([g_a, g_b], [first, second], {"d": text})
    assert (report.figures.tp, report.figures.fp, report.figures.fn) == (2, 0, 0)


def test_max_matching_augments() -> None:
    assert max_matching([[0, 1], [0]]) == {0: 1, 1: 0}
    assert max_matching([[0], [0], [1, 0]]) == {0: 0, 2: 1}
    assert max_matching([]) == {}


def test_micro_scores_over_documents() -> None:
    texts = {"d": TEXT, "e": "Iran sent 5 drones."}
    golds = [gold("10,000 shells", 10000), gold("3-4 brigades", None, low=3, high=4)]
    golds.append({"doc": "e", "quote": "5 drones", "value": 5, "low": None, "high": None})
    preds = [pred("10,000 shells", 10000), pred("2023", 2023)]
    report = score(golds, preds, texts)
    f = report.figures
    assert (f.tp, f.fp, f.fn) == (1, 1, 2)
    assert f.precision == pytest.approx(0.5) and f.recall == pytest.approx(1 / 3)
    assert f.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
    docs = report.to_json()["documents"]
    assert docs == {"d": {"tp": 1, "fp": 1, "fn": 1}, "e": {"tp": 0, "fp": 0, "fn": 1}}
    assert [m["quote"] for m in report.misses] == ["3-4 brigades", "5 drones"]


def test_empty_gold_document_counts_its_predictions_as_spurious() -> None:
    report = score([], [pred("10,000 shells", 10000)], {"d": TEXT})
    assert (report.figures.tp, report.figures.fp, report.figures.fn) == (0, 1, 0)
    assert report.figures.precision == 0.0


def fields_of(g: dict[str, Any], p: dict[str, Any]) -> dict[str, float]:
    return run(
        [{**gold("10,000 shells", 10000), **g}], [{**pred("10,000 shells", 10000), **p}]
    ).fields


def test_fields_scored_separately_null_equals_null() -> None:
    both_null = {"unit": "count", "per": None, "from": None, "to": None, "when": None}
    fields = fields_of(both_null, dict(both_null))
    assert fields["per"] == fields["from"] == fields["when"] == fields["unit"] == 1.0
    fields = fields_of({"per": None, "to": "Russia"}, {"per": "month", "to": "russia"})
    assert fields["per"] == 0.0
    assert fields["to"] == 1.0  # case-insensitive


def test_field_accuracy_averages_over_matched_pairs() -> None:
    golds = [gold("10,000 shells", 10000, unit="count"), gold("3-4 brigades", low=3, high=4)]
    golds[1]["unit"] = "count"
    preds = [pred("10,000 shells", 10000, unit="count"), {**pred("3-4 brigades"), "low": 3}]
    preds[1] |= {"high": 4, "unit": "USD"}
    assert run(golds, preds).fields["unit"] == 0.5


@pytest.fixture(scope="module")
def registry() -> PartyRegistry:
    return PartyRegistry.default()


@pytest.mark.parametrize(
    ("g", "p", "right"),
    [
        ("artillery shells", "shells", True),
        ("artillery shells", "artillery shell", True),  # plural s folded
        ("troops", "troop", True),
        ("north korean workers", "workers", True),
        ("north korean workers", "north korean troops", False),  # a demonym is no content word
        ("value of the deployment", "revenue of the deployment", True),
        ("value of the deployment", "the value", True),
        ("exports", "imports", False),
        ("salary", "pay", False),
        ("Russian oil", "russia's oil", True),
    ],
)
def test_item_shares_a_content_word(registry: PartyRegistry, g: str, p: str, right: bool) -> None:
    assert field_right("item", g, p, registry) is right


def test_source_content_words(registry: PartyRegistry) -> None:
    nis = "South Korea's National Intelligence Service"
    assert field_right("source", nis, "the National Intelligence Service", registry)
    assert not field_right("source", nis, "South Korea", registry)
    assert not field_right(
        "source", "Russia's defence ministry", "Russia's foreign office", registry
    )
    assert field_right("source", None, None, registry)
    assert not field_right("source", nis, None, registry)
    assert not field_right("item", None, "shells", registry)


def test_content_words(registry: PartyRegistry) -> None:
    assert content_words("The North Korean troops in Russia", registry) == {"troop"}
    assert content_words("shipments of gas per year", registry) == {"shipment", "gas", "year"}


@pytest.mark.parametrize(
    ("g", "p", "right"),
    [
        ("2024", "2024", True),
        ("2024", "2024-06", True),
        ("2024-06-19", "2024-06", True),
        ("2024-06", "2024-07", False),
        ("2017/2022", "2017", True),
        ("2022", "2017/2022", False),
        (None, None, True),
        ("2024", None, False),
    ],
)
def test_when_equal_or_prefix(
    registry: PartyRegistry, g: str | None, p: str | None, right: bool
) -> None:
    assert field_right("when", g, p, registry) is right


def test_equal_fields_case_insensitive(registry: PartyRegistry) -> None:
    assert field_right("unit", "USD", "usd", registry)
    assert field_right("modality", "reported", "Reported", registry)
    assert not field_right("qualifier", "about", "over", registry)
    assert field_right("from", None, None, registry)
    assert not field_right("from", "Russia", None, registry)


def test_occurrences_include_overlaps() -> None:
    assert occurrences("aaaa", "aa") == [(0, 2), (1, 3), (2, 4)]
    assert occurrences("abc", "") == []


# -- gold checks (GUIDELINES.md § Scoring, the last two bullets) ------------------------------

_TEXTS = {
    "a": "The agency counted 500 trucks and 40 boats in May.",
    "b": "Officials said about 500 trucks crossed; 60 boats followed.",
}


def _line(verdict: str, *claims: tuple[str, str]) -> dict[str, Any]:
    out = []
    for doc, quote in claims:
        start = _TEXTS[doc].index(quote)
        out.append({"doc": doc, "quote": quote, "start": start, "end": start + len(quote)})
    return {"claims": out, "verdict": verdict, "note": ""}


_GOLD = [
    {"id": "g1", "verdict": "consistent",
     "claims": [{"doc": "a", "quote": "500 trucks"}, {"doc": "b", "quote": "about 500 trucks"}]},
    {"id": "g2", "verdict": "conflict",
     "claims": [{"doc": "a", "quote": "40 boats"}, {"doc": "b", "quote": "60 boats"}]},
]  # fmt: skip


def test_a_check_is_recovered_by_a_line_with_its_verdict_over_every_quote() -> None:
    lines = [_line("consistent", ("a", "500"), ("b", "500 trucks")), _line("conflict", ("a", "40"))]
    report = score_checks(_GOLD, lines, _TEXTS)
    assert report.recovered == ["g1"] and report.strict == ["g1"]
    assert report.missed == ["g2"] and report.false_conflicts == []
    assert report.largest_line == 2 and report.verdicts == {"consistent": 1, "conflict": 1}


def test_strict_rule_wants_half_the_line_to_be_the_checks_own() -> None:
    heap = _line("consistent", ("a", "500 trucks"), ("b", "about 500 trucks"), ("a", "40 boats"),
                 ("b", "60 boats"), ("a", "May"))  # fmt: skip
    report = score_checks(_GOLD, [heap], _TEXTS)
    assert report.recovered == ["g1"] and report.strict == []
    half = _line("consistent", ("a", "500 trucks"), ("b", "about 500 trucks"), ("a", "40 boats"),
                 ("b", "60 boats"))  # fmt: skip
    assert score_checks(_GOLD, [half], _TEXTS).strict == ["g1"]


def test_a_conflict_line_over_an_agreeing_pair_is_a_false_conflict() -> None:
    lines = [_line("conflict", ("a", "500 trucks"), ("b", "about 500 trucks"))]
    report = score_checks(_GOLD, lines, _TEXTS)
    assert report.false_conflicts == ["g1"] and report.recovered == []
    assert report.to_json()["false_conflicts"] == 1


def test_evaluate_scores_the_seed_checks_through_a_temporary_ledger() -> None:
    report = evaluate(SHARED / "gold", SHARED / "seeds")
    assert report.checks is not None
    assert report.checks.gold == 16 and report.checks.false_conflicts == []
    payload = report.to_json()
    assert {"figures", "fields", "documents", "misses", "spurious"} <= set(payload)
    assert payload["checks"]["strict"] == len(report.checks.strict) >= 12
