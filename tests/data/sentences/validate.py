"""Validate the sentence-level evaluation set (docs/ + gold/).

Run: python tests/data/sentences/validate.py   (exit code 1 on any error)
Not a pytest module on purpose; it only checks the data files are well formed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS, GOLD = HERE / "docs", HERE / "gold"

KEYS = [
    "doc",
    "quote",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "item",
    "per",
    "when",
    "source",
    "modality",
    "from",
    "to",
]
QUALIFIERS = {"exact", "about", "over", "under", "at_least", "at_most", "up_to", "range"}
UNITS = {"count", "USD", "t", "percent", "mi", "km", "year", "month", "day", "bbl"}
CURRENCIES = {"RUB", "KRW", "CNY", "EUR", "GBP", "JPY", "MYR", "NPR"}  # ISO 4217
MODALITIES = {"asserted", "reported", "speculative", "denied"}
PERS = {None, "day", "month", "year"}
WHEN_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
HEADER_RE = re.compile(r"\ATitle: [^\n]+\nPublished: (\d{4}-\d{2}-\d{2})\nOutlet: [^\n]+\n\n(?=\S)")
VAGUE = {
    "dozens": (24, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999),
    "millions": (2000000, 9999999),
    "decades": (20, 99),
}
NUMBER_WORDS = (
    "half",
    "third",
    "one",
    "two",
    "three",
    "five",
    "ten",
    "seventy",
    "twenty",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "decades",
)


def sentences(body: str) -> int:
    return len(re.findall(r"[.!?][\"”]?(?=\s+[A-Z\"“]|\s*$)", body.strip()))


def main() -> int:
    errors: list[str] = []
    warnings: list[str] = []
    n_fig = 0
    doc_stems = {p.stem for p in DOCS.glob("*.txt")}
    gold_stems = {p.stem for p in GOLD.glob("*.jsonl")}
    for s in sorted(doc_stems ^ gold_stems):
        errors.append(f"{s}: docs/ and gold/ are not paired")
    empty = []
    for stem in sorted(doc_stems & gold_stems):
        text = (DOCS / f"{stem}.txt").read_text(encoding="utf-8")
        m = HEADER_RE.match(text)
        if not m:
            errors.append(f"{stem}: bad header block")
            continue
        dt.date.fromisoformat(m.group(1))
        body_start = m.end()
        body = text[body_start:]
        ns = sentences(body)
        if not 3 <= ns <= 6:
            warnings.append(f"{stem}: {ns} sentences (want 3-6)")
        lines = (GOLD / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
        if not lines:
            empty.append(stem)
        seen = set()
        for i, line in enumerate(lines, 1):
            where = f"{stem}:{i}"
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: JSON {e}")
                continue
            n_fig += 1
            extra = set(r) - set(KEYS) - {"vague"}
            missing = [k for k in KEYS if k not in r]
            if extra or missing:
                errors.append(f"{where}: keys extra={sorted(extra)} missing={missing}")
                continue
            if r["doc"] != stem:
                errors.append(f"{where}: doc {r['doc']!r} != {stem!r}")
            q = r["quote"]
            if q in seen:
                errors.append(f"{where}: quote {q!r} annotated twice")
            seen.add(q)
            n_body, n_all = body.count(q), text.count(q)
            if n_body == 0:
                errors.append(f"{where}: quote {q!r} not in body")
            elif n_all != 1:
                errors.append(f"{where}: quote {q!r} occurs {n_all}x in file (not unique)")
            if not (re.search(r"\d", q) or any(w in q.lower() for w in NUMBER_WORDS)):
                errors.append(f"{where}: quote {q!r} holds no number")
            if r["qualifier"] not in QUALIFIERS:
                errors.append(f"{where}: qualifier {r['qualifier']!r}")
            if r["unit"] not in UNITS | CURRENCIES:
                errors.append(f"{where}: unit {r['unit']!r}")
            if r["modality"] not in MODALITIES:
                errors.append(f"{where}: modality {r['modality']!r}")
            if r["per"] not in PERS:
                errors.append(f"{where}: per {r['per']!r}")
            if r["when"] is not None and not WHEN_RE.match(r["when"]):
                errors.append(f"{where}: when {r['when']!r}")
            if not r["item"] or r["item"] != r["item"].lower():
                errors.append(f"{where}: item must be non-empty lower case")
            num = (int, float)
            if r["qualifier"] == "range":
                if (
                    r["value"] is not None
                    or not isinstance(r["low"], num)
                    or not isinstance(r["high"], num)
                    or not r["low"] < r["high"]
                ):
                    errors.append(f"{where}: range needs value null and low < high")
            elif not isinstance(r["value"], num) or r["low"] is not None or r["high"] is not None:
                errors.append(f"{where}: non-range needs a value and null low/high")
            if "vague" in r:
                if r["vague"] is not True or r["qualifier"] != "range":
                    errors.append(f"{where}: vague must be true and a range")
                else:
                    word = next(
                        (w for w in sorted(VAGUE, key=len, reverse=True) if w in q.lower()), None
                    )
                    if word is None or VAGUE[word] != (r["low"], r["high"]):
                        errors.append(f"{where}: vague bounds do not match guideline")
            for k in ("source", "from", "to"):
                if r[k] is not None and (not isinstance(r[k], str) or not r[k].strip()):
                    errors.append(f"{where}: {k} must be null or a non-empty string")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(
        f"{len(doc_stems)} docs, {n_fig} figures, empty docs: {empty or 'none'}; "
        f"{len(errors)} errors, {len(warnings)} warnings"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
