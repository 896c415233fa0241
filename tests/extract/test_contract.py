"""The extract contract on every text we have: unknown is null, never '', and quotes are spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.extract.pipeline import extract_documents
from claimledger.ingest import load_path
from claimledger.model import GOLD_KEYS

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = [
    ROOT.parent / "shared" / "seeds",
    ROOT / "examples" / "corpus",
    ROOT / "tests" / "data" / "sentences" / "docs",
    ROOT / "tests" / "data" / "dev2" / "docs",
    ROOT / "tests" / "data" / "holdout" / "docs",
]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_figure_keeps_the_contract(folder: Path) -> None:
    docs = [d for path in sorted(folder.glob("*.txt")) for d in load_path(path)]
    assert docs, f"no documents in {folder}"
    for extraction in extract_documents(docs):
        text = extraction.document.text
        for claim in extraction.claims:
            record = claim.to_json()
            assert list(record)[: len(GOLD_KEYS)] == list(GOLD_KEYS)
            assert "" not in record.values(), record
            assert text[record["start"] : record["end"]] == record["quote"]
            if record["qualifier"] == "range":
                assert record["value"] is None and record["low"] <= record["high"]
            else:
                assert record["value"] is not None and record["low"] is None
