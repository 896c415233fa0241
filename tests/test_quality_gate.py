"""The quality gate: the real extractor over the shared seeds must stay above pinned floors.

Floors live in tests/quality_floors.json, with the sha256 of the gold files they were
measured on. Run this file as a script to print the current scores and gold hashes:
`python tests/test_quality_gate.py`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from claimledger.evaluate import CHECKS_FILE, Report, evaluate

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # the team's shared folder beside the repo (CI clones it too)
GOLD, SEEDS = SHARED / "gold", SHARED / "seeds"
FLOORS = Path(__file__).with_name("quality_floors.json")


def gold_hashes() -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(GOLD.glob("*.jsonl"))
        if path.name != CHECKS_FILE
    }


def measured(report: Report) -> dict[str, dict[str, float]]:
    figures = report.figures.to_json()
    return {
        "figures": {key: figures[key] for key in ("precision", "recall", "f1")},
        "fields": dict(report.fields),
    }


@pytest.fixture(scope="module")
def floors() -> dict[str, Any]:
    if not GOLD.is_dir() or not SEEDS.is_dir():
        pytest.fail(
            f"{SHARED} (gold/ and seeds/) is missing; clone the shared folder beside the repo"
        )
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def test_gold_is_the_gold_the_floors_were_measured_on(floors: dict[str, Any]) -> None:
    pinned, current = floors["gold_sha256"], gold_hashes()
    changed = sorted(
        name for name in pinned.keys() | current.keys() if pinned.get(name) != current.get(name)
    )
    assert not changed, (
        f"the gold changed since the floors were pinned ({', '.join(changed)}); re-measure "
        "with `python tests/test_quality_gate.py` and update gold_sha256 (and the floors) "
        f"in {FLOORS.name}"
    )


def test_scores_stay_above_the_floors(floors: dict[str, Any]) -> None:
    scores = measured(evaluate(GOLD, SEEDS))
    below = [
        f"{group}.{name}: {scores[group].get(name, 0.0):.3f} < floor {floor:.3f}"
        for group in ("figures", "fields")
        for name, floor in floors[group].items()
        if scores[group].get(name, 0.0) < floor
    ]
    assert not below, "extraction quality fell below the pinned floors:\n" + "\n".join(below)
    missing = set(scores["fields"]) - set(floors["fields"])
    assert not missing, f"fields without a floor in {FLOORS.name}: {', '.join(sorted(missing))}"


OWN_SETS = {
    "own_set": ROOT / "tests" / "data" / "sentences",  # the team's annotated prose
    "holdout": ROOT / "tests" / "data" / "holdout",  # written blind; never tuned on
    "dev2": ROOT / "tests" / "data" / "dev2",  # written blind, then developed on
    "dev": SHARED / "dev",  # real articles from several outlets, the development set
}


@pytest.mark.parametrize("name", sorted(OWN_SETS))
def test_own_sets_stay_above_their_floors(floors: dict[str, Any], name: str) -> None:
    """Rules must not fit the seeds alone: the team's own sets have floors too."""
    folder = OWN_SETS[name]
    scores = measured(evaluate(folder / "gold", folder / "docs"))
    pinned = floors[name]
    below = [
        f"{name} {group}.{key}: {scores[group].get(key, 0.0):.3f} < floor {floor:.3f}"
        for group in ("figures", "fields")
        for key, floor in pinned[group].items()
        if scores[group].get(key, 0.0) < floor
    ]
    assert not below, "extraction quality fell below the pinned floors:\n" + "\n".join(below)


CHECK_SETS = {
    "seeds": (GOLD, SEEDS, ()),
    "dev_with_seeds": (SHARED / "dev" / "gold", SHARED / "dev" / "docs", (SEEDS,)),
}


@pytest.mark.parametrize("name", sorted(CHECK_SETS))
def test_gold_checks_stay_above_their_floors(floors: dict[str, Any], name: str) -> None:
    """Cross-checks: gold checks recovered (strict rule) and no conflict a reader rejects."""
    gold_dir, docs_dir, more = CHECK_SETS[name]
    checks = evaluate(gold_dir, docs_dir, more).checks
    assert checks is not None, f"{gold_dir} has no {CHECKS_FILE}"
    pinned = floors["checks"][name]
    assert len(checks.strict) >= pinned["strict"], f"{name}: missed {checks.missed}"
    assert len(checks.false_conflicts) <= pinned["false_conflicts_max"], checks.false_conflicts


if __name__ == "__main__":
    print(json.dumps({"gold_sha256": gold_hashes(), **measured(evaluate(GOLD, SEEDS))}, indent=2))
