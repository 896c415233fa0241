"""Conversions between the model's objects and the ledger's table rows."""

from __future__ import annotations

import json
import math
import sqlite3
from datetime import UTC, datetime
from typing import Any

from claimledger.errors import UsageError
from claimledger.model import Claim, Document


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
    if math.isnan(number):
        raise UsageError(f"claim {claim.doc}:{claim.start}-{claim.end}: {name} is NaN")
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
    }


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
        party_basis=dict(row).get("party_basis"),  # rows of a narrower SELECT lack it
        vague=bool(row["vague"]),
        sent_start=row["sent_start"],
        sent_end=row["sent_end"],
        doc_id=row["doc_id"],
        concept=row["concept"],
        currency=row["currency"],
        extractor_version=row["extractor_version"],
    )
