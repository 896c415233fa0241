"""The extractor's stage table: one writer per claim field, and each stage writes only
what it declares (checked by running the stages one by one over the seeds and ../shared/dev)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from claimledger.extract.context import Draft
from claimledger.extract.pipeline import STAGES, build, extract_document, read_documents
from claimledger.ingest import load_path
from claimledger.model import Claim

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CLAIM_FIELDS = {f.name for f in dataclasses.fields(Claim)} - {"extractor_version"}


def test_no_claim_field_has_two_writers() -> None:
    counts = Counter(name for stage in STAGES for name in stage.writes)
    assert {name for name, n in counts.items() if n > 1} == set()


def test_stages_declare_only_claim_fields_and_cover_them_all() -> None:
    declared = {name for stage in STAGES for name in stage.writes}
    assert declared <= CLAIM_FIELDS, declared - CLAIM_FIELDS
    assert CLAIM_FIELDS - declared == set(), "a claim field no stage writes"


def _snapshot(drafts: list[Draft]) -> list[dict[str, Any]]:
    return [dataclasses.asdict(d.claim) for d in drafts]


@pytest.mark.parametrize("folder", [SHARED / "seeds", SHARED / "dev" / "docs"], ids=str)
def test_each_stage_writes_only_what_it_declares(folder: Path) -> None:
    docs = [d for path in sorted(folder.glob("*.txt")) for d in load_path(path)]
    assert docs
    written: dict[str, set[str]] = {stage.name: set() for stage in STAGES}
    figures = 0
    for context in read_documents(docs):
        drafts: list[Draft] = []
        for stage in STAGES:
            before = _snapshot(drafts)
            stage.run(context, drafts)
            after = _snapshot(drafts)
            if stage is STAGES[0]:
                assert before == [], "the first stage makes the drafts"
                continue
            assert len(after) == len(before), f"{stage.name} added or dropped a figure"
            for old, new in zip(before, after, strict=True):
                changed = {k for k in CLAIM_FIELDS if old[k] != new[k]}
                assert changed <= set(stage.writes), (stage.name, changed - set(stage.writes))
                written[stage.name] |= changed
        figures += len(drafts)
    assert figures > 20
    # Every later stage that declares fields does write some of them on real articles.
    idle = [s.name for s in STAGES[1:] if s.writes and not written[s.name]]
    assert idle == []


def test_build_over_read_documents_is_extract_document() -> None:
    path = sorted((SHARED / "seeds").glob("*.txt"))[0]
    staged = build(next(read_documents(load_path(path))))
    whole = extract_document(load_path(path)[0])
    assert staged.claims and staged.claims == whole.claims and staged.flows == whole.flows
