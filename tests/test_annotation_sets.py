"""The team's annotated sets are well formed: keys, value conventions, quotes in the text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimledger.model import GOLD_KEYS, MODALITIES, QUALIFIERS

DATA = Path(__file__).resolve().parent / "data"
SETS = ("sentences", "holdout", "dev2")
WHEN_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
UNIT_RE = re.compile(r"^(count|t|percent|mi|km|year|month|week|day|bbl|[A-Z]{3})$")
HEADER_RE = re.compile(r"\ATitle: [^\n]+\nPublished: \d{4}-\d{2}-\d{2}\nOutlet: [^\n]+\n\n\S")


def gold_records(name: str) -> list[tuple[Path, dict]]:
    out = []
    for path in sorted((DATA / name / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append((path, json.loads(line)))
    return out


@pytest.mark.parametrize("name", SETS)
def test_every_document_has_a_header_and_a_gold_file(name: str) -> None:
    docs = sorted((DATA / name / "docs").glob("*.txt"))
    assert len(docs) >= 10
    for doc in docs:
        assert HEADER_RE.match(doc.read_text(encoding="utf-8")), doc.name
        assert (DATA / name / "gold" / f"{doc.stem}.jsonl").exists(), doc.name


@pytest.mark.parametrize("name", SETS)
def test_gold_records_follow_the_guidelines(name: str) -> None:
    records = gold_records(name)
    assert len(records) >= 60
    for path, rec in records:
        where = f"{path.name}: {rec.get('quote')!r}"
        assert list(rec)[: len(GOLD_KEYS)] == list(GOLD_KEYS), where
        assert set(rec) - set(GOLD_KEYS) <= {"vague"}, where
        assert rec["doc"] == path.stem, where
        assert rec["qualifier"] in QUALIFIERS and rec["modality"] in MODALITIES, where
        assert UNIT_RE.match(rec["unit"]), where
        assert rec["when"] is None or WHEN_RE.match(rec["when"]), where
        if rec["qualifier"] == "range":
            assert rec["value"] is None and rec["low"] <= rec["high"], where
        else:
            assert rec["value"] is not None and rec["low"] is None, where
        assert rec.get("vague", True) is True, where
        for key in ("item", "source", "from", "to", "per", "when"):
            assert rec[key] != "", where


@pytest.mark.parametrize("name", SETS)
def test_every_quote_occurs_in_its_document(name: str) -> None:
    for path, rec in gold_records(name):
        text = (DATA / name / "docs" / f"{path.stem}.txt").read_text(encoding="utf-8")
        assert rec["quote"] in text, f"{path.name}: {rec['quote']!r}"
