"""Score reported cross-checks against gold checks, as GUIDELINES.md § Scoring says.

`score_checks()` is pure: gold checks, reported check lines (the `checks --format jsonl`
shape) and the texts of the documents they name in, a `ChecksReport` out.
`reconciled_checks()` builds a temporary ledger from extractions, reconciles it and returns
the lines `checks --format jsonl` would print, so `evaluate` scores the real pipeline.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimledger.errors import UsageError
from claimledger.parties import PartyRegistry

if TYPE_CHECKING:
    from claimledger.extract.pipeline import Extraction

SCOPE_VERDICTS = ("consistent", "different_scope")  # a conflict among these is a false one


@dataclass
class ChecksReport:
    """How many gold checks the reported lines recover, and the conflicts a reader rejects."""

    gold: int
    lines: int
    recovered: list[str] = field(default_factory=list)  # ids: verdict and every quote covered
    strict: list[str] = field(default_factory=list)  # ids: and half the line is the check's
    false_conflicts: list[str] = field(default_factory=list)  # ids
    missed: list[str] = field(default_factory=list)  # ids not recovered under the strict rule
    largest_line: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "lines": self.lines,
            "recovered": len(self.recovered),
            "strict": len(self.strict),
            "false_conflicts": len(self.false_conflicts),
            "largest_line": self.largest_line,
            "verdicts": dict(self.verdicts),
            "recovered_ids": list(self.recovered),
            "strict_ids": list(self.strict),
            "false_conflict_ids": list(self.false_conflicts),
            "missed_ids": list(self.missed),
        }


def load_gold_checks(path: Path) -> list[dict[str, Any]]:
    """The gold checks of a checks.jsonl file, each given an id when it has none."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text (a binary file?)") from exc
    checks: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not isinstance(record.get("claims"), list):
            raise UsageError(f"{path}:{number}: not a check object with a claims list")
        checks.append({**record, "id": str(record.get("id") or f"line{number}")})
    return checks


def _quote_spans(texts: dict[str, str], doc: str, quote: str) -> list[tuple[int, int]]:
    text = texts.get(doc, "")
    found: list[tuple[int, int]] = []
    start = text.find(quote) if quote else -1
    while start != -1:
        found.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return found


def _covers(claim: dict[str, Any], doc: str, spans: Sequence[tuple[int, int]]) -> bool:
    if claim.get("doc") != doc:
        return False
    return any(claim["start"] < end and start < claim["end"] for start, end in spans)


def _coverage(
    gold: dict[str, Any], line: dict[str, Any], texts: dict[str, str]
) -> tuple[bool, int]:
    """(every gold quote has a claim of the line over it, claims of the line that are the
    check's own)."""
    wanted = [
        (g["doc"], _quote_spans(texts, g["doc"], g.get("quote") or "")) for g in gold["claims"]
    ]
    claims = line.get("claims") or []
    covered = all(any(_covers(c, doc, spans) for c in claims) for doc, spans in wanted)
    own = sum(1 for c in claims if any(_covers(c, doc, spans) for doc, spans in wanted))
    return covered, own


def score_checks(
    gold: Sequence[dict[str, Any]], lines: Sequence[dict[str, Any]], texts: dict[str, str]
) -> ChecksReport:
    """Score reported check lines against gold checks; `texts` maps doc name to its text."""
    report = ChecksReport(gold=len(gold), lines=len(lines))
    report.largest_line = max((len(line.get("claims") or []) for line in lines), default=0)
    for line in lines:
        verdict = str(line.get("verdict"))
        report.verdicts[verdict] = report.verdicts.get(verdict, 0) + 1
    for check in gold:
        recovered = strict = false_conflict = False
        for line in lines:
            covered, own = _coverage(check, line, texts)
            if not covered:
                continue
            if line.get("verdict") == check.get("verdict"):
                recovered = True
                strict = strict or 2 * own >= len(line.get("claims") or [])
            if line.get("verdict") == "conflict" and check.get("verdict") in SCOPE_VERDICTS:
                false_conflict = True
        if recovered:
            report.recovered.append(check["id"])
        if strict:
            report.strict.append(check["id"])
        else:
            report.missed.append(check["id"])
        if false_conflict:
            report.false_conflicts.append(check["id"])
    return report


def reconciled_checks(
    extractions: Iterable[Extraction], registry: PartyRegistry
) -> list[dict[str, Any]]:
    """The check lines of a temporary ledger holding the extractions, as `checks` prints."""
    from claimledger.api import store_extraction
    from claimledger.reconcile import reconcile
    from claimledger.store import Ledger

    with tempfile.TemporaryDirectory(prefix="claimledger-eval-") as folder:
        ledger = Ledger.open(Path(folder) / "ledger.db")
        with ledger:
            for found in extractions:
                store_extraction(ledger, found, registry)
            reconcile(ledger, registry=registry)
            return [
                {
                    "claims": [
                        {"doc": c["doc"], "quote": c["quote"], "start": c["start"], "end": c["end"]}
                        for c in row["claims"]
                    ],
                    "verdict": row["verdict"],
                    "note": row["note"],
                }
                for row in ledger.checks()
            ]
