"""Golden files: the extractor's whole output on the seeds and ../shared/dev, pinned in
tests/golden/*.jsonl so that any change to what it extracts shows up as a reviewed diff.

When a change is meant, regenerate and review the diff before committing:

    .venv/bin/python tests/test_golden.py        # or CLAIMLEDGER_REGEN_GOLDEN=1 pytest ...
    git diff tests/golden/

Each line is one figure (the `extract --format jsonl` record, with its concept) or one
flow. The quote itself is left out (its start/end and the article, read by path, give it)
so that no article text is copied into the project.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path

import pytest

from claimledger.extract.pipeline import extract_documents
from claimledger.ingest import load_path
from claimledger.parties import PartyRegistry

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLDEN = Path(__file__).with_name("golden")
CORPORA = {"seeds": SHARED / "seeds", "dev": SHARED / "dev" / "docs"}
REGEN_ENV = "CLAIMLEDGER_REGEN_GOLDEN"


def render(folder: Path) -> list[str]:
    """The extractor's output over every article in `folder`, one JSON object a line."""
    docs = [d for path in sorted(folder.glob("*.txt")) for d in load_path(path)]
    lines: list[str] = []
    for extraction in extract_documents(docs, registry=PartyRegistry.default()):
        name = extraction.document.name
        for claim in extraction.claims:
            record = {k: v for k, v in claim.to_json().items() if k != "quote"}
            record["concept"] = claim.concept
            lines.append(json.dumps({"figure": record}, ensure_ascii=False, sort_keys=True))
        for flow in extraction.flows:
            record = dataclasses.asdict(flow)
            record["doc"] = name
            del record["doc_id"]
            lines.append(json.dumps({"flow": record}, ensure_ascii=False, sort_keys=True))
    return lines


def regenerate() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, folder in CORPORA.items():
        (GOLDEN / f"{name}.jsonl").write_text("\n".join(render(folder)) + "\n", encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_extraction_matches_its_golden_file(name: str) -> None:
    if os.environ.get(REGEN_ENV):
        regenerate()
    golden = GOLDEN / f"{name}.jsonl"
    expected = golden.read_text(encoding="utf-8").splitlines()
    actual = render(CORPORA[name])
    assert actual, f"no figures extracted from {CORPORA[name]}"
    changed = sorted(set(expected) ^ set(actual))
    assert actual == expected, (
        f"extraction on {name} differs from {golden.name} ({len(changed)} lines differ, first: "
        f"{changed[:3]}); if the change is meant, run `python tests/test_golden.py` and review "
        "`git diff tests/golden/`"
    )


if __name__ == "__main__":
    regenerate()
    print(f"wrote {', '.join(str(GOLDEN / f'{n}.jsonl') for n in CORPORA)}", file=sys.stderr)
