"""End to end on the five seeds: the gold checks recovered (GUIDELINES.md § Scoring), every
conflict and failed sum explained, and each seed checked against the other four.

RECOVERED_FLOOR is the measured count with the real extractor; raise it, never lower it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import goldkit
import pytest

from claimledger.reconcile import check_document, reconcile
from claimledger.store import Ledger

RECOVERED_FLOOR = 15  # of 16, strict rule (GUIDELINES.md § Scoring)
# The one left: engineering troops against migrant laborers are two concepts of the
# taxonomy, which reconcile never compares.
KNOWN_MISSES = {15}

# Every conflict and inconsistent the seeds may produce, by (doc prefix, quote) of its claims,
# with why a careful reader accepts it. A reported one missing here fails the test.
EXPLAINED: dict[frozenset[tuple[str, str]], str] = {
    frozenset({("001", "$800 a month"), ("002", "approximately $2,000 per month")}): (
        "Both are the monthly pay of a North Korean soldier deployed for Russia; Cho "
        "Han-beom says $800, the NIS about $2,000: the same pay rate 2.5 times apart."
    ),
    frozenset(
        {
            ("001", "$12.7 billion"),
            ("001", "$4.62 billion"),
            ("001", "$2 billion"),
            ("001", "$148 billion"),
        }
    ): (
        "Refined petroleum at $148 billion alone exceeds the $12.7 billion 2022 total it is "
        "listed under: the article's slip for $148 million."
    ),  # fmt: skip
}


def _signature(check: dict[str, Any]) -> frozenset[tuple[str, str]]:
    return frozenset((c["doc"][:3], c["quote"].removeprefix("amounted to ").removeprefix(
        "worth ").removesuffix(" in 2022")) for c in check["claims"])  # fmt: skip


def _explained(check: dict[str, Any]) -> bool:
    return _signature(check) in EXPLAINED


@pytest.fixture(scope="module")
def seed_checks(seed_extractions: list[Any], tmp_path_factory: pytest.TempPathFactory) -> list:
    path = tmp_path_factory.mktemp("seeds") / "ledger.db"
    with Ledger.open(path) as ledger:
        for found in seed_extractions:
            ledger.add_document(found.document, found.claims, found.flows)
        return [check.to_json() for check in reconcile(ledger).checks]


def test_gold_checks_recovered_with_the_real_extractor(seed_checks: list) -> None:
    found = goldkit.recovered(seed_checks)
    missed = [g["note"] for g, ok in zip(goldkit.gold_checks(), found, strict=True) if not ok]
    assert sum(found) >= RECOVERED_FLOOR, missed
    refined_petroleum_slip = 5
    assert found[refined_petroleum_slip]
    assert all(ok for i, ok in enumerate(found) if i not in KNOWN_MISSES), missed


def test_no_false_conflicts_and_every_line_is_small(seed_checks: list) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in goldkit.SEEDS.glob("*.txt")}
    assert goldkit.false_conflicts(seed_checks, goldkit.gold_checks(), texts) == []
    assert max(len(c["claims"]) for c in seed_checks) <= 4
    conflicts = [c for c in seed_checks if c["verdict"] == "conflict"]
    assert all(len(c["claims"]) == 2 for c in conflicts)  # a conflict is one pair


def test_every_conflict_and_inconsistent_is_explained(seed_checks: list) -> None:
    failures = [c for c in seed_checks if c["verdict"] in ("conflict", "inconsistent")]
    unexplained = [(sorted(_signature(c)), c["note"]) for c in failures if not _explained(c)]
    assert unexplained == []
    assert {c["verdict"] for c in failures} == {"conflict", "inconsistent"}


def test_all_gold_checks_recovered_from_gold_figures(tmp_path: Path) -> None:
    """With perfect figures (the gold files as claims) reconcile recovers the same checks."""
    with Ledger.open(tmp_path / "gold.db") as ledger:
        for path in sorted(goldkit.SEEDS.glob("*.txt")):
            ledger.add_document(*goldkit.gold_document(path.stem))
        reported = [check.to_json() for check in reconcile(ledger).checks]
    found = goldkit.recovered(reported)
    # With gold figures the different_scope triple of the 100,000 / tens of thousands /
    # 10,000 troops is not formed as one line either (the real extractor's run forms it).
    assert all(ok for i, ok in enumerate(found) if i not in KNOWN_MISSES | {14})
    failures = [c for c in reported if c["verdict"] in ("conflict", "inconsistent")]
    assert all(_explained(c) for c in failures), [c["note"] for c in failures]


# Each seed against a ledger of the other four: (failed?, conflicting quotes, quotes whose
# look-alikes elsewhere have a different scope, at least).
EXPECTED_CHECK = {
    "000": (False, set(), {"about 16,000 shipping containers"}),
    "001": (True, {"$800 a month"},
            {"as many as 10,000 shipping containers", "$2,000 per month",
             "tens of thousands of North Korean laborers"}),
    "002": (True, {"approximately $2,000 per month"},
            {"$800 monthly", "around 4,000 North Korean workers",
             "thousands of North Korean soldiers"}),
    "003": (False, set(), {"tens of thousands", "between 20,000 and 50,000"}),
    "004": (False, set(), set()),
}  # fmt: skip


@pytest.mark.parametrize("prefix", sorted(EXPECTED_CHECK))
def test_check_each_seed_against_the_other_four(
    prefix: str, seed_extractions: list[Any], tmp_path: Path
) -> None:
    failed, conflicting, scoped = EXPECTED_CHECK[prefix]
    with Ledger.open(tmp_path / "others.db") as ledger:
        for found in seed_extractions:
            if not found.document.name.startswith(prefix):
                ledger.add_document(found.document, found.claims, found.flows)
        (mine,) = [f for f in seed_extractions if f.document.name.startswith(prefix)]
        report = check_document(ledger, mine)
    status = {f.claim.quote: f.status for f in report.figures}
    assert report.failed is failed
    assert {q for q, s in status.items() if s == "conflicting"} == conflicting
    assert scoped <= {q for q, s in status.items() if s == "different_scope"}
    assert not any(s == "corroborated" for s in status.values())  # the seeds repeat no figure
