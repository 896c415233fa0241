"""Conversions between the model's objects and the ledger's table rows."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from claimledger.errors import UsageError
from claimledger.model import Claim, Document, Flow


def document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "name": doc.name,
        "origin": doc.origin,
        "kind": doc.kind,
        "title": doc.title,
        "outlet": doc.outlet,
        "author": doc.author,
        "published": doc.published,
        "url": doc.url,
        "body_start": doc.body_start,
        "text": doc.text,
        "meta_json": json.dumps(doc.meta, ensure_ascii=False, sort_keys=True),
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def document_of(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"],
        name=row["name"],
        origin=row["origin"],
        text=row["text"],
        kind=row["kind"],
        body_start=row["body_start"],
        title=row["title"],
        outlet=row["outlet"],
        author=row["author"],
        published=row["published"],
        url=row["url"],
        meta=json.loads(row["meta_json"]),
    )


def _number(claim: Claim, name: str) -> float | None:
    value = getattr(claim, name)
    if value is None:
        return None
    number = float(value)
    if not math.isfinite(number):
        raise UsageError(
            f"claim {claim.doc}:{claim.start}-{claim.end}: {name} is {number}, not a finite number"
        )
    return number


def claim_row(doc: Document, claim: Claim) -> dict[str, Any]:
    """The claims-table row of `claim`, checked to belong to `doc`."""
    if claim.doc_id and claim.doc_id != doc.id:
        raise UsageError(
            f"claim {claim.doc}:{claim.start}-{claim.end} has doc_id {claim.doc_id}, "
            f"but is being stored with document {doc.id} ({doc.name})"
        )
    has_sentence = claim.sent_end > claim.sent_start
    return {
        "doc_id": doc.id,
        "doc": claim.doc,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "sent_start": claim.sent_start,
        "sent_end": claim.sent_end,
        "sentence": doc.text[claim.sent_start : claim.sent_end] if has_sentence else None,
        "value": _number(claim, "value"),
        "low": _number(claim, "low"),
        "high": _number(claim, "high"),
        "qualifier": claim.qualifier,
        "unit": claim.unit,
        "item": claim.item,
        "concept": claim.concept,
        "per": claim.per,
        "when": claim.when,
        "source": claim.source,
        "modality": claim.modality,
        "from_party": claim.from_,
        "to_party": claim.to,
        "party_basis": claim.party_basis,
        "vague": int(bool(claim.vague)),
        "currency": claim.currency,
        "extractor_version": claim.extractor_version,
        "change": claim.change,
        "change_from": claim.change_from,
    }


def _optional(row: sqlite3.Row, name: str) -> Any:
    """A column some SELECTs leave out (a sqlite3.Row's `in` tests values, not names)."""
    columns = row.keys()
    return row[name] if name in columns else None


def claim_of(row: sqlite3.Row) -> Claim:
    return Claim(
        doc=row["doc"],
        quote=row["quote"],
        start=row["start"],
        end=row["end"],
        value=row["value"],
        low=row["low"],
        high=row["high"],
        qualifier=row["qualifier"],
        unit=row["unit"],
        item=row["item"],
        per=row["per"],
        when=row["when"],
        source=row["source"],
        modality=row["modality"],
        from_=row["from_party"],
        to=row["to_party"],
        party_basis=_optional(row, "party_basis"),
        vague=bool(row["vague"]),
        sent_start=row["sent_start"],
        sent_end=row["sent_end"],
        doc_id=row["doc_id"],
        concept=row["concept"],
        currency=row["currency"],
        extractor_version=row["extractor_version"],
        change=_optional(row, "change"),
        change_from=_optional(row, "change_from"),
    )


def check_flow_links(doc: Document, claims: Sequence[Claim], flows: Sequence[Flow]) -> None:
    """Raise UsageError when a flow points at a claim index that is not there."""
    for flow in flows:
        if flow.claim is not None and not 0 <= flow.claim < len(claims):
            raise UsageError(
                f"flow {flow.giver} -> {flow.receiver} at {flow.start}-{flow.end} in "
                f"{doc.name}: claim index {flow.claim} is outside the {len(claims)} claims"
            )


def flow_row(doc: Document, flow: Flow, claim_ids: Sequence[int]) -> dict[str, Any]:
    """The flows-table row of `flow`, its claim index turned into the stored claim's id."""
    return {
        "doc_id": doc.id,
        "giver": flow.giver,
        "receiver": flow.receiver,
        "item": flow.item,
        "concept": flow.concept,
        "start": flow.start,
        "end": flow.end,
        "sent_start": flow.sent_start,
        "sent_end": flow.sent_end,
        "claim_id": None if flow.claim is None else claim_ids[flow.claim],
    }
