"""One truth per figure: every page takes a figure's verdicts from the same pair judgements.

A stored group check joins several claims; pages used to reuse its one verdict for every
member, so one pair could read as corroborating, differing in scope and inconsistent at
once. Here each (this figure, other figure) pair is judged on its own with
`reconcile.pair_verdict`, the judgement `claimledger checks` prints one line per, and a
denied or speculative figure is marked as such: it never corroborates anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from claimledger.reconcile import pair_verdict
from claimledger.store import Ledger, reviews

UNASSERTED = ("denied", "speculative")  # modalities that state no fact to corroborate
MAX_PAIRS_PER_FIGURE = 50  # a figure in a huge group shows its first pairs, counted in full


@dataclass(frozen=True)
class Pair:
    """One figure judged against another: the verdict, its reason, the stored check."""

    mine: dict[str, Any]
    other: dict[str, Any]
    verdict: str
    note: str
    check_id: int
    unasserted: str | None = None  # 'denied' or 'speculative' when either side is
    review: dict[str, Any] | None = None  # the analyst's review of the stored check

    def to_json(self) -> dict[str, Any]:
        return {
            "mine": self.mine["id"],
            "other": self.other,
            "verdict": self.verdict,
            "note": self.note,
            "check_id": self.check_id,
            "unasserted": self.unasserted,
            "review": self.review,
        }


def _unasserted(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    for side in (a, b):
        if side.get("modality") in UNASSERTED:
            return str(side["modality"])
    return None


def figure_pairs(
    ledger: Ledger, claim_ids: Iterable[int], *, checks: list[dict[str, Any]] | None = None
) -> tuple[dict[int, list[Pair]], list[dict[str, Any]]]:
    """For each of `claim_ids`, its judged pairs with the other members of its groups; and
    the arithmetic checks citing them (those relate several figures, not a pair)."""
    wanted = list(dict.fromkeys(claim_ids))
    if checks is None:
        checks = ledger.checks_citing(wanted)
    wanted_set = set(wanted)
    reviewed = reviews.reviews_for(ledger, checks)
    for check in checks:
        check["review"] = reviewed.get(check["id"])
    arithmetic: list[dict[str, Any]] = []
    found: dict[int, dict[int, tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]] = {}
    for check in checks:
        if check["kind"] != "group":
            arithmetic.append(check)
            continue
        for mine in check["claims"]:
            if mine["id"] not in wanted_set:
                continue
            slot = found.setdefault(mine["id"], {})
            for other in check["claims"]:
                if other["id"] != mine["id"] and len(slot) < MAX_PAIRS_PER_FIGURE:
                    slot.setdefault(other["id"], (mine, other, check))
    loaded = ledger.claims_by_id(
        [i for pairs in found.values() for i in pairs] + list(found)
    )  # fmt: skip
    out: dict[int, list[Pair]] = {}
    for mine_id, others in found.items():
        this, this_sentence = loaded[mine_id]
        for other_id, (mine, other, check) in others.items():
            that, that_sentence = loaded[other_id]
            judged = pair_verdict(this, that, this_sentence, that_sentence)
            if judged is None:
                continue  # nothing ties the two to one quantity: no judgement to show
            unasserted = _unasserted(mine, other)
            verdict = judged.verdict
            note = judged.reason
            if unasserted and verdict == "consistent":
                verdict = "different_scope"
                note = f"one side is {unasserted}, so it cannot corroborate: {note}"
            out.setdefault(mine_id, []).append(
                Pair(mine, other, verdict, note, check["id"], unasserted, check["review"])
            )
    return out, arithmetic


def verdict_counts(pairs: dict[int, list[Pair]]) -> dict[int, dict[str, int]]:
    """For each figure, how many of its pairs have each verdict."""
    out: dict[int, dict[str, int]] = {}
    for claim_id, found in pairs.items():
        counts = out.setdefault(claim_id, {})
        for pair in found:
            counts[pair.verdict] = counts.get(pair.verdict, 0) + 1
    return out
