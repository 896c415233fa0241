"""The blind general news set (issue 12) is well formed.

The team-wide checks in `tests/test_annotation_sets.py` pin the unit codes of the
conflict sets. This set also carries physical units and more currencies, so its own
code list (the one its README documents) is checked here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from claimledger.model import GOLD_KEYS, MODALITIES, QUALIFIERS

HERE = Path(__file__).resolve().parent
HEADER_RE = re.compile(r"\ATitle: [^\n]+\nPublished: \d{4}-\d{2}-\d{2}\nOutlet: [^\n]+\n\n\S")
WHEN_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”]?\s+(?=[A-Z\"“₹£€$¥])")
PHYSICAL_UNITS = {
    "count", "percent", "year", "month", "week", "day", "hour", "minute", "second",
    "km", "m", "cm", "mm", "mi", "in", "nmi", "km2", "m2", "ha", "sq_ft", "acre",
    "t", "kg", "g", "mg", "lb", "oz", "l", "gal", "bbl",
    "mph", "km/h", "km/s", "kn", "m/s", "kcal", "hp", "kWh", "GWh", "kW", "MW", "GW",
    "MB", "GB", "TB", "PB", "Mbps", "Gbps", "degC", "degF",
}  # fmt: skip
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")


def documents() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((HERE / "docs").glob("*.txt"))}


def gold() -> dict[str, list[dict]]:
    out = {}
    for path in sorted((HERE / "gold").glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        out[path.stem] = [json.loads(line) for line in lines if line.strip()]
    return out


def test_set_size_and_headers() -> None:
    docs = documents()
    assert 25 <= len(docs) <= 40
    assert set(docs) == set(gold())
    sentences = 0
    for name, text in docs.items():
        assert HEADER_RE.match(text), name
        title = text.splitlines()[0]
        assert not re.search(r"\d", title), f"{name}: a figure in the title"
        body = text.split("\n\n", 1)[1]
        count = len([s for s in SENTENCE_END.split(body.strip()) if s.strip()])
        assert 6 <= count <= 12, f"{name}: {count} sentences"
        sentences += count
    assert sentences >= 250


def test_records_follow_the_guidelines() -> None:
    docs = documents()
    total = 0
    for name, records in gold().items():
        text = docs[name]
        for rec in records:
            total += 1
            where = f"{name}: {rec.get('quote')!r}"
            assert list(rec)[: len(GOLD_KEYS)] == list(GOLD_KEYS), where
            assert set(rec) - set(GOLD_KEYS) <= {"vague"}, where
            assert rec["doc"] == name, where
            assert text.count(rec["quote"]) == 1, where
            assert rec["qualifier"] in QUALIFIERS and rec["modality"] in MODALITIES, where
            assert rec["unit"] in PHYSICAL_UNITS or CURRENCY_RE.match(rec["unit"]), where
            assert rec["when"] is None or WHEN_RE.match(rec["when"]), where
            assert rec["item"] and rec["item"] == rec["item"].lower(), where
            if rec["qualifier"] == "range":
                assert rec["value"] is None and rec["low"] <= rec["high"], where
            else:
                assert rec["value"] is not None and rec["low"] is None, where
                assert rec["high"] is None, where
            assert rec.get("vague", True) is True, where
            if rec.get("vague"):
                assert rec["qualifier"] == "range", where
            for key in ("source", "from", "to", "per", "when"):
                assert rec[key] != "", where
    assert total >= 400


def test_changes_name_gold_figures() -> None:
    records = gold()
    lines = (HERE / "changes.jsonl").read_text(encoding="utf-8").splitlines()
    changes = [json.loads(line) for line in lines if line.strip()]
    assert len(changes) >= 40
    seen = set()
    for change in changes:
        key = (change["doc"], change["quote"])
        assert key not in seen, key
        seen.add(key)
        assert set(change) == {"doc", "quote", "change", "change_from"}, key
        assert change["change"] in {"increase", "decrease"}, key
        quotes = {rec["quote"] for rec in records[change["doc"]]}
        assert change["quote"] in quotes, key
        assert change["change_from"] is None or isinstance(change["change_from"], int | float)
