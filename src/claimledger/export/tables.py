"""The four export tables (claims, flows, groups, checks) as flat rows with fixed columns.

Every row carries the provenance of its values: the document (id, name, title, outlet,
date, link, path), the quote and its offsets, and the sentence around it. Groups and
checks have one row per member figure, so each verdict travels with the figures it
judges. Ids are derived from content (document id and offsets), never from row numbers,
so two exports of the same ledger match line for line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from claimledger import display
from claimledger.export.selection import (
    Selection,
    date_key,
    selected_checks,
    selected_claims,
    selected_flows,
)
from claimledger.model import Document
from claimledger.parties import PartyRegistry
from claimledger.reconcile import ensure_reconciled, reconcile
from claimledger.reconcile.origins import origin_of
from claimledger.store import Ledger
from claimledger.store.queries import fold
from claimledger.store.rows import claim_of

TABLES = ("claims", "flows", "groups", "checks")

DOCUMENT_COLUMNS = ("doc", "doc_id", "doc_title", "outlet", "published", "url", "doc_path")
SPAN_COLUMNS = ("quote", "start", "end", "sentence", "sent_start", "sent_end")
FIGURE_COLUMNS = (
    "figure", "value", "low", "high", "qualifier", "unit", "currency", "per", "when",
    "item", "concept", "source", "origin", "modality", "from", "to", "vague",
)  # fmt: skip

COLUMNS: dict[str, tuple[str, ...]] = {
    "claims": ("claim_id", *FIGURE_COLUMNS, *SPAN_COLUMNS, *DOCUMENT_COLUMNS, "date_key",
               "extractor_version"),
    "flows": ("flow_id", "giver", "receiver", "flow_item", "flow_concept", *SPAN_COLUMNS,
              *DOCUMENT_COLUMNS, "claim_id", "claim_quote", "claim_start", "claim_end",
              *FIGURE_COLUMNS),
    "groups": ("group_id", "group_key", "group_claims", "group_origins", "group_verdicts",
               "value_text", "value_origins", "claim_id", *FIGURE_COLUMNS, *SPAN_COLUMNS,
               *DOCUMENT_COLUMNS),
    "checks": ("check_id", "kind", "verdict", "note", "position", "claim_id",
               *FIGURE_COLUMNS, *SPAN_COLUMNS, *DOCUMENT_COLUMNS),
}  # fmt: skip

INTEGER_COLUMNS = frozenset(
    {"start", "end", "sent_start", "sent_end", "claim_start", "claim_end", "position",
     "group_claims", "group_origins"}
)  # fmt: skip
FLOAT_COLUMNS = frozenset({"value", "low", "high"})
BOOLEAN_COLUMNS = frozenset({"vague"})


def content_id(kind: str, *parts: object) -> str:
    """A short id derived from content: the same parts always give the same id."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{kind}-{digest[:20]}"


def claim_key(doc_id: str, start: int, end: int) -> str:
    """A claim's stable id: its document's content id and its offsets (as `Claim.id`)."""
    return f"{doc_id}:{start}-{end}"


@dataclass
class ExportData:
    """What a selection covers: the four tables, plus what reports and graphs reuse."""

    tables: dict[str, list[dict[str, Any]]]
    documents: dict[str, Document]  # by id, text included
    claims_by_row: dict[int, dict[str, Any]] = field(default_factory=dict)  # ledger row id
    checks: list[dict[str, Any]] = field(default_factory=list)  # as Ledger.checks()
    groups: list[Any] = field(default_factory=list)  # reconcile's GroupSummary objects

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables[table]


def _document_fields(doc: Document | None, row: dict[str, Any]) -> dict[str, Any]:
    return {
        "doc": doc.name if doc else row.get("doc"),
        "doc_id": doc.id if doc else row.get("doc_id"),
        "doc_title": doc.title if doc else row.get("title"),
        "outlet": doc.outlet if doc else row.get("outlet"),
        "published": doc.published if doc else row.get("published"),
        "url": doc.url if doc else row.get("url"),
        "doc_path": doc.origin if doc else None,
    }


class _Builder:
    """Turns ledger rows into export rows, with one registry and one document lookup."""

    def __init__(self, documents: dict[str, Document], registry: PartyRegistry) -> None:
        self.documents = documents
        self.registry = registry

    def figure(self, row: dict[str, Any]) -> dict[str, Any]:
        doc = self.documents.get(row["doc_id"])
        return {
            "figure": display.figure(row),
            **{key: row.get(key) for key in ("value", "low", "high", "qualifier", "unit")},
            **{key: row.get(key) for key in ("currency", "per", "when", "item", "concept")},
            "source": row.get("source"),
            "origin": origin_of(claim_of(row), doc, self.registry),
            "modality": row.get("modality"),
            "from": row.get("from_party"),
            "to": row.get("to_party"),
            "vague": bool(row.get("vague")),
        }

    def claim(self, row: dict[str, Any]) -> dict[str, Any]:
        doc = self.documents.get(row["doc_id"])
        return {
            "claim_id": claim_key(row["doc_id"], row["start"], row["end"]),
            **self.figure(row),
            **{key: row.get(key) for key in SPAN_COLUMNS},
            **_document_fields(doc, row),
            "date_key": date_key(row),
            "extractor_version": row.get("extractor_version"),
        }

    def flow(self, flow: dict[str, Any], claim: dict[str, Any] | None) -> dict[str, Any]:
        doc = self.documents.get(flow["doc_id"])
        text = doc.text if doc else ""
        out: dict[str, Any] = {
            "flow_id": content_id(
                "flow",
                flow["doc_id"],
                flow["start"],
                flow["end"],
                flow["giver"],
                flow["receiver"],
                flow["concept"],
            ),  # fmt: skip
            "giver": flow["giver"],
            "receiver": flow["receiver"],
            "flow_item": flow["item"],
            "flow_concept": flow["concept"],
            "quote": text[flow["start"] : flow["end"]],
            "start": flow["start"],
            "end": flow["end"],
            "sentence": flow.get("sentence"),
            "sent_start": flow["sent_start"],
            "sent_end": flow["sent_end"],
            **_document_fields(doc, flow),
            "claim_id": None,
            "claim_quote": None,
            "claim_start": None,
            "claim_end": None,
        }
        if claim is not None:
            out["claim_id"] = claim_key(claim["doc_id"], claim["start"], claim["end"])
            out["claim_quote"] = claim["quote"]
            out["claim_start"], out["claim_end"] = claim["start"], claim["end"]
            out.update(self.figure(claim))
        return out

    def member(self, row: dict[str, Any]) -> dict[str, Any]:
        """A figure inside a group or check: its id, figure, span and document."""
        doc = self.documents.get(row["doc_id"])
        return {
            "claim_id": claim_key(row["doc_id"], row["start"], row["end"]),
            **self.figure(row),
            **{key: row.get(key) for key in SPAN_COLUMNS},
            **_document_fields(doc, row),
        }


def _shaped(table: str, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    columns = COLUMNS[table]
    return [{key: row.get(key) for key in columns} for row in rows]


def _party_names(selection: Selection, registry: PartyRegistry) -> set[str]:
    wanted = selection.claims.party
    if wanted is None:
        return set()
    party = registry.resolve(wanted)
    names = {wanted, *(party.aliases if party else ()), *((party.name,) if party else ())}
    return {fold(name.strip()) or "" for name in names}


def _groups(
    found: list[Any], by_key: dict[str, dict[str, Any]], build: Callable[..., dict[str, Any]]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for group in found:
        keys = [claim_key(c.doc_id, c.start, c.end) for c in group.claims]
        if not any(key in by_key for key in keys):
            continue
        group_id = content_id("group", *sorted(keys))
        value_of: dict[str, Any] = {}
        for value in group.values:
            for claim in value.claims:
                value_of[claim_key(claim.doc_id, claim.start, claim.end)] = value
        origins = {o for v in group.values for o in v.origins}
        verdicts = ";".join(f"{v}:{n}" for v, n in group.verdicts.items())
        for key in keys:
            if key not in by_key:
                continue
            value = value_of.get(key)
            rows.append({
                "group_id": group_id, "group_key": group.key, "group_claims": len(keys),
                "group_origins": len(origins), "group_verdicts": verdicts,
                "value_text": value.value if value else None,
                "value_origins": "; ".join(value.origins) if value else None,
                **build(by_key[key]),
            })  # fmt: skip
    return rows


def _checks(
    checks: list[dict[str, Any]], rows_by_id: dict[int, dict[str, Any]], build: Callable[..., Any]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for check in checks:
        keys = sorted(claim_key(c["doc_id"], c["start"], c["end"]) for c in check["claims"])
        check_id = content_id("check", check["kind"], check["verdict"], *keys)
        for position, member in enumerate(check["claims"]):
            row = rows_by_id.get(member["id"])
            if row is None:
                continue
            out.append({
                "check_id": check_id, "kind": check["kind"], "verdict": check["verdict"],
                "note": check["note"], "position": position, **build(row),
            })  # fmt: skip
    return out


def collect(
    ledger: Ledger,
    selection: Selection,
    registry: PartyRegistry,
    tables: Iterable[str] = TABLES,
) -> ExportData:
    """The export tables for `selection`; groups and checks are recomputed first, since
    they are judged across the whole ledger."""
    wanted = set(tables)
    result = None
    if wanted & {"groups", "checks"}:
        result = reconcile(ledger, registry=registry)  # the groups exist only in its result
    elif selection.claims.verdict is not None:
        ensure_reconciled(ledger, registry=registry)  # the filter reads the stored checks
    documents = {doc.id: doc for doc in ledger.documents()}
    build = _Builder(documents, registry)
    claim_rows = selected_claims(ledger, selection)
    by_row = {row["id"]: row for row in claim_rows}
    data = ExportData(tables={name: [] for name in TABLES}, documents=documents)
    data.claims_by_row = by_row
    data.tables["claims"] = _shaped("claims", (build.claim(row) for row in claim_rows))
    if "flows" in wanted:
        flows = selected_flows(ledger, selection, set(by_row), _party_names(selection, registry))
        linked = ledger.claim_rows_by_id([f["claim_id"] for f in flows if f["claim_id"]])
        data.tables["flows"] = _shaped(
            "flows", (build.flow(f, linked.get(f["claim_id"])) for f in flows)
        )
    if result is not None:
        by_key = {claim_key(r["doc_id"], r["start"], r["end"]): r for r in claim_rows}
        data.groups = result.groups
        data.tables["groups"] = _shaped("groups", _groups(result.groups, by_key, build.member))
        data.checks = selected_checks(ledger, set(by_row), selection.is_everything)
        member_ids = [m["id"] for check in data.checks for m in check["claims"]]
        members = ledger.claim_rows_by_id(member_ids)
        data.tables["checks"] = _shaped("checks", _checks(data.checks, members, build.member))
    return data
