"""Helpers shared by the reconcile tests: the seeds, the gold files, and the gold
recovery rule of GUIDELINES.md § Scoring (a gold check is recovered when one reported
check has its verdict and, for each of its quotes, a claim overlapping that quote)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

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


def _overlaps(claim: dict[str, Any], doc: str, quote: str) -> bool:
    if claim["doc"] != doc:
        return False
    text = seed_text(doc)
    for match in re.finditer(re.escape(quote), text):
        if claim["start"] < match.end() and match.start() < claim["end"]:
            return True
    return False


def is_recovered(gold: dict[str, Any], reported: Iterable[dict[str, Any]]) -> bool:
    for check in reported:
        if check["verdict"] != gold["verdict"]:
            continue
        if all(
            any(_overlaps(c, g["doc"], g["quote"]) for c in check["claims"]) for g in gold["claims"]
        ):
            return True
    return False


def recovered(reported: Sequence[dict[str, Any]]) -> list[bool]:
    """For each gold check in file order, whether the reported checks recover it."""
    return [is_recovered(gold, reported) for gold in gold_checks()]
