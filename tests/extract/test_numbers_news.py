"""Value F1 and value+unit F1 on the blind general news set (issue 12), and its floors.

Issue 12 scores quantities the way the general-news benchmark's authors do: a gold
quantity is found when a system figure in the same document has the same value
(ranges as low/high pairs, within 0.5 %); value+unit also needs the same unit code.
Matching is one-to-one per document (maximum matching); spans are not compared, so
the score measures the number parser and unit reader, not the quote rules that
`claimledger evaluate` checks. Run as a script to print the scores:
`python tests/extract/test_numbers_news.py [GOLD_DIR DOCS_DIR]`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from claimledger.evaluate import (
    document_file,
    load_gold,
    max_matching,
    occurrences,
    values_agree,
)
from claimledger.extract.pipeline import extract_document
from claimledger.ingest import load_path

NEWS = Path(__file__).resolve().parents[1] / "data" / "news"
FLOORS = Path(__file__).with_name("numbers_news_floor.json")


@dataclass(frozen=True)
class ValueScore:
    gold: int
    predicted: int
    value_tp: int
    unit_tp: int

    @staticmethod
    def _f1(tp: int, gold: int, predicted: int) -> float:
        return 2 * tp / (gold + predicted) if gold + predicted else 1.0

    @property
    def value_f1(self) -> float:
        return self._f1(self.value_tp, self.gold, self.predicted)

    @property
    def unit_f1(self) -> float:
        return self._f1(self.unit_tp, self.gold, self.predicted)


def _matched(gold: list[dict[str, Any]], found: list[dict[str, Any]], *, unit: bool) -> int:
    edges = [
        [
            j
            for j, p in enumerate(found)
            if values_agree(g, p) and (not unit or str(g["unit"]).lower() == str(p["unit"]).lower())
        ]
        for g in gold
    ]
    return len(max_matching(edges))


def value_scores(gold_dir: Path, docs_dir: Path) -> ValueScore:
    """Value and value+unit matches over every document of a gold set."""
    totals = [0, 0, 0, 0]
    for stem, gold in load_gold(gold_dir).items():
        document = load_path(document_file(docs_dir, stem))[0]
        found = [c.to_json() for c in extract_document(document).claims]
        for k, n in enumerate(
            (
                len(gold),
                len(found),
                _matched(gold, found, unit=False),
                _matched(gold, found, unit=True),
            )
        ):
            totals[k] += n
    return ValueScore(*totals)


@cache
def news_scores() -> ValueScore:
    return value_scores(NEWS / "gold", NEWS / "docs")


def test_news_value_f1_stays_above_its_floor() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    s = news_scores()
    assert s.gold > 500
    assert s.value_f1 >= floors["value_f1"], s
    assert s.unit_f1 >= floors["value_unit_f1"], s


@cache
def change_recall() -> tuple[int, int, int, int]:
    """(right directions, gold changes, right change_from, gold change_from) against the
    news set's changes.jsonl; a gold change counts when the figure at its quote has it."""
    gold_changes = [json.loads(line) for line in (NEWS / "changes.jsonl").open(encoding="utf-8")]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in gold_changes:
        by_doc.setdefault(g["doc"], []).append(g)
    gold_all = load_gold(NEWS / "gold")
    right = right_from = 0
    for stem, changes in by_doc.items():
        document = load_path(document_file(NEWS / "docs", stem))[0]
        found = [c.to_json() for c in extract_document(document).claims]
        for change in changes:
            spans = occurrences(document.text, change["quote"])
            record = next(g for g in gold_all[stem] if g["quote"] == change["quote"])
            hits = [
                c
                for c in found
                if values_agree(record, c)
                and any(s < c["end"] and c["start"] < e for s, e in spans)
            ]
            if hits and hits[0].get("change") == change["change"]:
                right += 1
            want, got = change["change_from"], hits[0].get("change_from") if hits else None
            if want is not None and got is not None and abs(got - want) <= abs(want) * 0.005:
                right_from += 1
    with_from = sum(1 for g in gold_changes if g["change_from"] is not None)
    return right, len(gold_changes), right_from, with_from


def test_news_changes_stay_above_their_floor() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    right, total, right_from, with_from = change_recall()
    assert total > 50
    assert right / total >= floors["change_recall"], (right, total)
    assert right_from / with_from >= floors["change_from_recall"], (right_from, with_from)


def test_a_unit_mismatch_counts_for_value_only() -> None:
    gold = [{"value": 5, "low": None, "high": None, "unit": "km"}]
    found = [{"value": 5.01, "low": None, "high": None, "unit": "mi"}]
    assert _matched(gold, found, unit=False) == 1
    assert _matched(gold, found, unit=True) == 0


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:3]] or [NEWS / "gold", NEWS / "docs"]
    s = value_scores(*args)
    print(f"gold {s.gold}  predicted {s.predicted}  value tp {s.value_tp}  unit tp {s.unit_tp}")
    print(f"value F1 {s.value_f1:.3f}  value+unit F1 {s.unit_f1:.3f}")
    if not sys.argv[1:]:
        right, total, right_from, with_from = change_recall()
        print(f"changes: direction {right}/{total}, change_from {right_from}/{with_from}")
