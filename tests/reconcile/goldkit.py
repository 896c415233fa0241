"""Helpers shared by the reconcile tests: the seeds, the gold files, and the gold
recovery rule of GUIDELINES.md § Scoring (a gold check is recovered when one reported
line has its verdict, for each of its quotes a claim overlapping that quote, and at least
half of its claims are the check's own)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimledger.evaluate_checks import score_checks
from claimledger.model import Claim, Document, document_id

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"


def gold_checks() -> list[dict[str, Any]]:
    lines = (GOLD / "checks.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def seed_text(doc: str) -> str:
    return (SEEDS / f"{doc}.txt").read_text(encoding="utf-8")


_BOUNDARY = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[A-Z“\"])")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): line breaks and '. X' boundaries split sentences."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    lo, hi = line_start, line_end
    for match in _BOUNDARY.finditer(text, line_start, line_end):
        if match.end() <= start:
            lo = match.end()
        elif match.start() >= end:
            hi = match.start()
            break
    return lo, hi


def gold_document(doc: str) -> tuple[Document, list[Claim]]:
    """A seed document with its gold figures as Claims (an oracle extractor)."""
    text = seed_text(doc)
    document = Document(id=document_id(text), name=doc, origin=str(SEEDS / f"{doc}.txt"), text=text)
    claims = []
    for line in (GOLD / f"{doc}.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        start = text.index(g["quote"])
        end = start + len(g["quote"])
        sent_start, sent_end = sentence_span(text, start, end)
        claims.append(
            Claim(
                doc=doc,
                quote=g["quote"],
                start=start,
                end=end,
                value=g["value"],
                low=g["low"],
                high=g["high"],
                qualifier=g["qualifier"],
                unit=g["unit"],
                item=g["item"],
                per=g["per"],
                when=g["when"],
                source=g["source"],
                modality=g["modality"],
                from_=g["from"],
                to=g["to"],
                vague=bool(g.get("vague")),
                sent_start=sent_start,
                sent_end=sent_end,
                doc_id=document.id,
            )  # fmt: skip
        )
    return document, claims


def recovered(
    reported: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]] | None = None,
    texts: dict[str, str] | None = None,
) -> list[bool]:
    """For each gold check in file order, whether the reported lines recover it under the
    strict rule (GUIDELINES.md § Scoring: verdict, every quote, half the line its own)."""
    gold = list(gold) if gold is not None else gold_checks()
    named = [{**g, "id": str(i)} for i, g in enumerate(gold)]
    if texts is None:
        texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    strict = set(score_checks(named, reported, texts).strict)
    return [str(i) in strict for i in range(len(named))]


def false_conflicts(
    reported: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]], texts: dict[str, str]
) -> list[str]:
    """Notes of the gold consistent / different_scope checks a reported conflict line holds."""
    named = [{**g, "id": str(i)} for i, g in enumerate(gold)]
    found = set(score_checks(named, reported, texts).false_conflicts)
    return [g["note"] for i, g in enumerate(gold) if str(i) in found]
