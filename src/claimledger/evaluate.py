"""Score extracted figures against gold files, exactly as GUIDELINES.md § Scoring says.

`score()` is pure: gold records, predicted records (the `extract --format jsonl` shape) and
document texts in, a `Report` out. `evaluate()` reads a gold folder, runs the extractor over
the paired documents and scores the result; when the gold folder holds `checks.jsonl`, it
also ingests the documents (and any further folders) into a temporary ledger, reconciles it
and scores the check lines (evaluate_checks.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimledger.errors import InputError, UsageError
from claimledger.evaluate_checks import (
    ChecksReport,
    load_gold_checks,
    reconciled_checks,
    score_checks,
)
from claimledger.ingest import iter_inputs, load_path
from claimledger.model import Document
from claimledger.parties import PartyRegistry

TOLERANCE = 0.005  # relative: values within 0.5 % agree
CHECKS_FILE = "checks.jsonl"
EQUAL_FIELDS = ("unit", "qualifier", "per", "modality", "from", "to")
WORD_FIELDS = ("item", "source")
FIELDS = (*EQUAL_FIELDS, *WORD_FIELDS, "when")
STOP_WORDS = frozenset(
    {
        "the", "of", "a", "an", "and", "in", "on", "for", "to", "from", "by", "with", "at",
        "its", "their", "his", "her", "this", "that", "these", "those", "per", "as",
    }
)  # fmt: skip
_LETTERS = re.compile(r"[^\W\d_]+")
_MAX_PHRASE = 3  # longest country name or demonym looked up, in words


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the micro scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, empty=1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, empty=1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self, *, scores: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"tp": self.tp, "fp": self.fp, "fn": self.fn}
        if scores:
            out |= {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return out


def _ratio(part: int, whole: int, *, empty: float) -> float:
    """part / whole; `empty` when there is nothing to divide by (1.0 only if nothing is wrong)."""
    return part / whole if whole else empty


@dataclass
class Report:
    """The score of a set of predictions against gold figures."""

    figures: Counts
    fields: dict[str, float]
    documents: dict[str, Counts]
    misses: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    checks: ChecksReport | None = None  # when the gold folder holds checks.jsonl

    def to_json(self) -> dict[str, Any]:
        out = {
            "figures": self.figures.to_json(),
            "fields": dict(self.fields),
            "documents": {d: c.to_json(scores=False) for d, c in self.documents.items()},
            "misses": self.misses,
            "spurious": self.spurious,
        }
        if self.checks is not None:
            out["checks"] = self.checks.to_json()
        return out


# -- matching ---------------------------------------------------------------------------------


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every [start, end) where `quote` occurs in `text`, overlapping ones included."""
    found: list[tuple[int, int]] = []
    if not quote:
        return found
    start = text.find(quote)
    while start != -1:
        found.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return found


def _close(gold: float | None, predicted: float | None) -> bool:
    if gold is None or predicted is None:
        return False
    return abs(float(predicted) - float(gold)) <= TOLERANCE * abs(float(gold))


def values_agree(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """The value within 0.5 %; for a gold range (value null) both bounds within 0.5 %."""
    if gold.get("value") is not None:
        return _close(gold["value"], predicted.get("value"))
    return _close(gold.get("low"), predicted.get("low")) and _close(
        gold.get("high"), predicted.get("high")
    )


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < q_end and q_start < end for q_start, q_end in spans)


def max_matching(edges: Sequence[Sequence[int]]) -> dict[int, int]:
    """A maximum bipartite matching by augmenting paths: left index -> right index.

    `edges[i]` lists the right nodes left node i may take, in order of preference.
    """
    owner: dict[int, int] = {}  # right -> left

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, set())
    return {left: right for right, left in owner.items()}


def _match_document(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]], text: str
) -> dict[int, int]:
    """Gold index -> predicted index for one document."""
    edges: list[list[int]] = []
    for g in gold:
        spans = occurrences(text, g.get("quote") or "")
        candidates = [
            j
            for j, p in enumerate(predicted)
            if _overlaps(spans, p["start"], p["end"]) and values_agree(g, p)
        ]
        exact = {j for j in candidates if (predicted[j]["start"], predicted[j]["end"]) in spans}
        candidates.sort(key=lambda j: (j not in exact, j))
        edges.append(candidates)
    return max_matching(edges)


# -- fields -----------------------------------------------------------------------------------


def content_words(text: str, registry: PartyRegistry) -> set[str]:
    """Lower-case words without stop words and country names or demonyms, plural s folded."""
    words = [w for w in _LETTERS.findall(text.casefold()) if w not in STOP_WORDS]
    kept: set[str] = set()
    i = 0
    while i < len(words):
        for size in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
            party = registry.resolve(" ".join(words[i : i + size]))
            if party is not None and party.kind == "country":
                i += size
                break
        else:
            word = words[i]
            if len(word) > 3 and word.endswith("s"):
                word = word[:-1]
            if len(word) > 1:  # a lone letter is a possessive or an initial, not content
                kept.add(word)
            i += 1
    return kept


def field_right(name: str, gold: Any, predicted: Any, registry: PartyRegistry) -> bool:
    """Whether one field of a matched pair is right; null == null is right."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = str(gold).casefold().strip(), str(predicted).casefold().strip()
    if name in WORD_FIELDS:
        return g == p or bool(content_words(g, registry) & content_words(p, registry))
    if name == "when":
        return g.startswith(p) or p.startswith(g)
    return g == p


# -- scoring ----------------------------------------------------------------------------------


def score(
    gold: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    texts: dict[str, str],
    *,
    registry: PartyRegistry | None = None,
) -> Report:
    """Score predictions against gold figures; `texts` maps each doc to its full text."""
    registry = registry or PartyRegistry.default()
    docs = sorted(set(texts) | {g["doc"] for g in gold} | {p["doc"] for p in predicted})
    total = Counts()
    documents: dict[str, Counts] = {}
    report = Report(figures=total, fields={}, documents=documents)
    for doc in docs:
        doc_gold = [g for g in gold if g["doc"] == doc]
        doc_pred = [p for p in predicted if p["doc"] == doc]
        pairs = _match_document(doc_gold, doc_pred, texts.get(doc, ""))
        counts = Counts(tp=len(pairs), fp=len(doc_pred) - len(pairs), fn=len(doc_gold) - len(pairs))
        documents[doc] = counts
        total.tp, total.fp, total.fn = (
            total.tp + counts.tp,
            total.fp + counts.fp,
            total.fn + counts.fn,
        )
        report.misses.extend(g for i, g in enumerate(doc_gold) if i not in pairs)
        taken = set(pairs.values())
        report.spurious.extend(p for j, p in enumerate(doc_pred) if j not in taken)
        report.matched.extend((doc_gold[i], doc_pred[j]) for i, j in sorted(pairs.items()))
    for name in FIELDS:
        right = sum(
            field_right(name, g.get(name), p.get(name), registry) for g, p in report.matched
        )
        report.fields[name] = right / len(report.matched) if report.matched else 0.0
    return report


# -- reading gold and documents --------------------------------------------------------------


def load_gold(gold_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Gold figures per document: every GOLD_DIR/*.jsonl except checks.jsonl."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise UsageError(f"{gold_dir}: not a directory of gold .jsonl files")
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(gold_dir.glob("*.jsonl")):
        if path.name == CHECKS_FILE:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise UsageError(f"{path}: not UTF-8 text (a binary file?)") from exc
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise UsageError(f"{path}:{number}: not a JSON object")
            records.append({**record, "doc": path.stem})
        out[path.stem] = records
    if not out:
        raise UsageError(f"{gold_dir}: no gold .jsonl files here")
    return out


def document_file(docs_dir: Path, stem: str) -> Path:
    """The file in DOCS_DIR whose stem is `stem`, preferring .txt."""
    found = sorted(p for p in Path(docs_dir).glob(f"{glob_escape(stem)}.*") if p.stem == stem)
    if not found:
        raise UsageError(f"{docs_dir}: no document named {stem}.* for {stem}.jsonl")
    return next((p for p in found if p.suffix == ".txt"), found[0])


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _other_documents(dirs: Sequence[Path], known: set[str]) -> list[Document]:
    """The readable documents of further folders (for cross-checks only), skipping the ones
    already read and any file that is not a document."""
    found: list[Document] = []
    for _origin, item in iter_inputs([str(d) for d in dirs], allow_urls=False):
        if isinstance(item, InputError):
            continue  # a stray non-document file in a folder of articles scores nothing
        if item.id not in known:
            known.add(item.id)
            found.append(item)
    return found


def evaluate(
    gold_dir: Path,
    docs_dir: Path,
    more_dirs: Sequence[Path] = (),
    *,
    registry: PartyRegistry | None = None,
) -> Report:
    """Run the extractor over the documents paired with GOLD_DIR's files and score it; with
    GOLD_DIR/checks.jsonl, also score the checks of a ledger of DOCS_DIR and `more_dirs`."""
    from claimledger.extract.pipeline import extract_document, extract_documents

    registry = registry or PartyRegistry.default()
    gold_by_doc = load_gold(gold_dir)
    gold: list[dict[str, Any]] = []
    predicted: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    extractions = []
    for stem, records in gold_by_doc.items():
        document = load_path(document_file(docs_dir, stem))[0]
        texts[stem] = document.text
        gold.extend(records)
        found = extract_document(document, registry=registry)
        extractions.append(found)
        predicted.extend({**c.to_json(), "doc": stem} for c in found.claims)
    report = score(gold, predicted, texts, registry=registry)
    checks_path = Path(gold_dir) / CHECKS_FILE
    if checks_path.is_file():
        gold_checks = load_gold_checks(checks_path)
        known = {found.document.id for found in extractions}
        others = _other_documents([Path(docs_dir), *map(Path, more_dirs)], known)
        extractions.extend(extract_documents(others, registry=registry))
        all_texts = {found.document.name: found.document.text for found in extractions}
        lines = reconciled_checks(extractions, registry)
        report.checks = score_checks(gold_checks, lines, all_texts)
    return report
