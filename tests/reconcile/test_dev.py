"""End to end on ../shared/dev with the seeds beside it: the gold checks recovered under the
strict rule (GUIDELINES.md § Scoring), no false conflict, and every conflict and failed sum
explained.

The articles are read by path; no sentence of theirs is copied here. A claim is named by its
document and the index of its gold record in that document's gold file, read at run time.
DEV_FLOOR is the measured count with the real extractor; raise it, never lower it.
"""

from __future__ import annotations

import json
from typing import Any

import goldkit
import pytest

from claimledger.evaluate_checks import load_gold_checks, reconciled_checks, score_checks
from claimledger.parties import PartyRegistry

DEV = goldkit.SHARED / "dev"
DEV_FLOOR = 19  # of 20
# dc08 cannot be recovered without a false conflict: its three claims hold dc07's agreeing
# pair, so a conflict line over all three puts dc07 in a conflict.
KNOWN_MISSES = {"dc08"}

Ref = tuple[str, int]  # (document stem prefix, index of the gold record in its file)

# Every conflict and inconsistent reported on seeds + dev, by the gold records of its claims,
# with why a careful reader accepts it. A reported one missing here fails the test.
EXPLAINED: dict[frozenset[Ref], str] = {
    frozenset({("001", 3), ("d01", 1)}): (
        "One defence minister's estimate of shells sent before the June 2024 summit, given "
        "as over 5 million by one outlet and as nearly 5 million by another: the two wordings "
        "put it on opposite sides of 5 million."
    ),
    frozenset({("d10", 0), ("d10", 8)}): (
        "The same think tank's total of India's Russian crude purchases since the invasion, "
        "as of the same week, is 102.5 billion euro in the lead and 112.5 in the breakdown."
    ),
    frozenset({("001", 16), ("002", 1)}): (
        "The monthly pay of a North Korean soldier deployed for Russia: $800 from one "
        "researcher, about $2,000 from the NIS, 2.5 times apart."
    ),
    frozenset({("d04", 1), ("d05", 0)}): (
        "North Korean soldiers killed in Kursk by mid-January 2025: the NIS says about 300, "
        "Western officials about 1,000 in the same week."
    ),
    frozenset({("d04", 1), ("d05", 2)}): "The same disagreement, the BBC's own sentence.",
    frozenset({("d05", 0), ("d05", 7)}): (
        "The same disagreement inside one article: about 1,000 killed (Western officials) "
        "against the spy agency's 300 deaths."
    ),
    frozenset({("d04", 0), ("d05", 4)}): (
        "North Korean casualties in the same fortnight: the NIS estimate of about 3,000 "
        "killed or wounded against Western officials' about 4,000."
    ),
    frozenset({("d04", 0), ("d05", 5)}): (
        "The NIS's about 3,000 casualties against Zelensky's 4,000 four days earlier."
    ),
    frozenset({("d05", 4), ("d05", 6)}): (
        "Western officials' about 4,000 casualties against the spy agency's 3,000 in the "
        "same article and week."
    ),
    frozenset({("d05", 5), ("d05", 6)}): (
        "Zelensky's 4,000 casualties against the spy agency's 3,000, days apart (gold dc08)."
    ),
    frozenset({("d06", 2), ("d07", 1)}): (
        "North Koreans who entered Russia in 2024 by the Russian statistics: 13,221 against a "
        "garbled 13 (gold dc12)."
    ),
    frozenset({("d06", 3), ("d07", 2)}): (
        "Those of the 2024 entrants who came to study: 7,887 against a garbled 12 (gold dc13)."
    ),
    frozenset({("d11", i) for i in range(4, 11)}): (
        "The shares with their amounts do not fit the stated total: 77 percent of EUR 3.6 "
        "billion is not EUR 2.5 billion, and the parts fall short of the total (gold dc17)."
    ),
    frozenset({("d08", 5), ("d08", 7), ("d08", 8)}): (
        "The all-donor total less the part named as the United States' leaves less than the "
        "European figure alone: the tracker's total is Europe's, not all donors' (gold dc14)."
    ),
    frozenset({("001", 30), ("001", 31), ("001", 32), ("001", 33)}): (
        "Refined petroleum at $148 billion alone exceeds the $12.7 billion total it is listed "
        "under: the seed's slip for $148 million."
    ),
}


def _gold_records() -> dict[str, list[dict[str, Any]]]:
    out = {}
    for folder in (DEV / "gold", goldkit.GOLD):
        for path in sorted(folder.glob("*.jsonl")):
            if path.name != "checks.jsonl":
                lines = path.read_text(encoding="utf-8").splitlines()
                out[path.stem] = [json.loads(line) for line in lines if line.strip()]
    return out


@pytest.fixture(scope="module")
def dev_run() -> tuple[list[dict[str, Any]], dict[str, str]]:
    from claimledger.extract.pipeline import extract_documents
    from claimledger.ingest import load_path

    registry = PartyRegistry.default()
    paths = sorted((DEV / "docs").glob("*.txt")) + sorted(goldkit.SEEDS.glob("*.txt"))
    documents = [d for path in paths for d in load_path(path)]
    extractions = list(extract_documents(documents, registry=registry))
    texts = {found.document.name: found.document.text for found in extractions}
    return reconciled_checks(extractions, registry), texts


def _ref(claim: dict[str, Any], texts: dict[str, str], gold: dict[str, list]) -> Ref | None:
    text = texts[claim["doc"]]
    for i, record in enumerate(gold.get(claim["doc"], [])):
        start = text.find(record["quote"])
        while start != -1:
            if claim["start"] < start + len(record["quote"]) and start < claim["end"]:
                return claim["doc"][:3], i
            start = text.find(record["quote"], start + 1)
    return None


def test_dev_checks_recovered_under_the_strict_rule(dev_run: tuple) -> None:
    lines, texts = dev_run
    report = score_checks(load_gold_checks(DEV / "gold" / "checks.jsonl"), lines, texts)
    assert len(report.strict) >= DEV_FLOOR, report.missed
    assert set(report.missed) <= KNOWN_MISSES
    assert report.false_conflicts == []
    assert report.largest_line <= 7


def test_every_dev_conflict_and_inconsistent_is_explained(dev_run: tuple) -> None:
    lines, texts = dev_run
    gold = _gold_records()
    failures = [line for line in lines if line["verdict"] in ("conflict", "inconsistent")]
    unexplained = []
    for line in failures:
        refs = frozenset(_ref(c, texts, gold) for c in line["claims"])
        if refs not in EXPLAINED:
            unexplained.append((sorted(refs, key=str), line["note"]))
    assert unexplained == []
    assert all(len(line["claims"]) == 2 for line in failures if line["verdict"] == "conflict")


def test_seeds_beside_dev_keep_their_checks(dev_run: tuple) -> None:
    lines, texts = dev_run
    found = goldkit.recovered(lines, texts=texts)
    assert all(ok for i, ok in enumerate(found) if i != 15)
