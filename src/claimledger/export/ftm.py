"""FollowTheMoney entities as JSON lines, one entity per line (what the `ftm` tools and
Aleph read): documents as Article; parties as PublicBody (states, with their `country`),
Organization, Person or LegalEntity; money handed over (a money figure on a flow of
salary, payments, aid... `lexicon.MONEY_CONCEPTS`) as Payment (payer, beneficiary,
amount, currency, date, purpose); other flows as Event (goods valued in money included:
their money runs the other way); figures no flow carries as Note.

Every Payment, Event and Note keeps its provenance: `proof` links the Article, `summary`
is the quote, `recordId` the quote's document id and offsets ('<doc_id>:<start>-<end>',
a claim's id), and `description` the sentence with the document name and offsets. Ids
are derived from content (document id, offsets, party names), so exporting the same
ledger twice gives the same ids and re-importing merges instead of duplicating.

The entities are written as plain JSON here rather than through the followthemoney
library: the format is a small, stable JSON shape, while the library pulls in some
fifteen packages (SQLAlchemy, rdflib, pydantic...) that nothing else here needs. The
tests validate every line with the library itself and load the file with its CLI.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pycountry

from claimledger.export.lexicon import MONEY_CONCEPTS
from claimledger.export.tables import ExportData, content_id
from claimledger.model import Document, Party
from claimledger.parties import PartyRegistry

SCHEMA_OF_KIND = {"country": "PublicBody", "organisation": "Organization", "person": "Person"}
MIME_TYPES = {"text": "text/plain", "html": "text/html", "pdf": "application/pdf"}
MAX_TEXT = 200_000  # characters of a document's text carried in its Article


def country_code(code: str | None) -> str | None:
    """FtM's country code (ISO alpha-2, lower case; 'suhh' for historic states) for an
    ISO alpha-3 code."""
    if not code:
        return None
    found = pycountry.countries.get(alpha_3=code.upper())
    if found is not None:
        return found.alpha_2.lower()
    historic = pycountry.historic_countries.get(alpha_3=code.upper())
    return historic.alpha_4.lower() if historic is not None else None


def _entity(schema: str, entity_id: str, properties: dict[str, list[Any]]) -> dict[str, Any]:
    cleaned = {
        key: [str(v) for v in values if v not in (None, "")] for key, values in properties.items()
    }
    return {
        "id": entity_id,
        "schema": schema,
        "properties": {k: v for k, v in cleaned.items() if v},
    }


def _number(value: float | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _dates(when: str | None) -> dict[str, list[Any]]:
    if not when:
        return {}
    first, _, last = str(when).partition("/")
    return {"startDate": [first], "endDate": [last]} if last else {"date": [first]}


def article(doc: Document) -> dict[str, Any]:
    file_name = Path(doc.origin).name if doc.origin and "://" not in doc.origin else doc.name
    return _entity(
        "Article",
        f"cl-doc-{doc.id}",
        {
            "title": [doc.title or doc.name],
            "fileName": [file_name or doc.name],
            "author": [doc.author],
            "publisher": [doc.outlet],
            "publishedAt": [doc.published],
            "sourceUrl": [doc.url],
            "mimeType": [MIME_TYPES.get(doc.kind)],
            "bodyText": [doc.text[:MAX_TEXT]],
        },
    )


class _Parties:
    """Party entities, made once per name, resolved through the ledger and the registry."""

    def __init__(self, stored: list[Party], registry: PartyRegistry) -> None:
        self.stored = {party.name: party for party in stored}
        self.registry = registry
        self.made: dict[str, dict[str, Any]] = {}

    def _party(self, name: str) -> Party | None:
        return self.stored.get(name) or self.registry.resolve(name)

    def ids(self, name: str | None) -> list[str]:
        """Entity ids for a giver or receiver ('North Korea and China' names two)."""
        if not name:
            return []
        party = self._party(name)
        if party is None and " and " in name:
            return [i for part in name.split(" and ") for i in self.ids(part.strip())]
        return [self._make(party.name if party else name, party)]

    def known_ids(self, name: str | None) -> list[str]:
        """Entity ids for a name only when it is a known party (a source, say)."""
        party = self._party(name) if name else None
        return [self._make(party.name, party)] if party else []

    def _make(self, name: str, party: Party | None) -> str:
        entity_id = content_id("cl-party", name)
        if name in self.made:
            return entity_id
        schema = SCHEMA_OF_KIND.get(party.kind, "LegalEntity") if party else "LegalEntity"
        country = None
        if party is not None and party.kind == "country":
            country = country_code(party.code)
        elif party is not None and party.affiliation:
            home = self._party(party.affiliation)
            country = country_code(home.code) if home else None
        aliases = [a for a in (party.aliases if party else ()) if a != name][:20]
        self.made[name] = _entity(
            schema, entity_id, {"name": [name], "country": [country], "alias": aliases}
        )
        return entity_id

    def entities(self) -> list[dict[str, Any]]:
        return [self.made[name] for name in sorted(self.made)]


def _provenance(row: dict[str, Any], figure: str | None) -> dict[str, list[Any]]:
    """Where a value comes from: the Article, the quote with its document id and offsets
    (`recordId`), and the sentence around it."""
    record = f"{row['doc_id']}:{row['start']}-{row['end']}"
    where = f"{row['doc']}, characters {row['start']}-{row['end']}"
    if row.get("claim_id") and row["claim_id"] != record:
        where += f"; figure {row['claim_id']}"
    said = f"; according to {row['source']}" if row.get("source") else ""
    lead = f"{figure}: " if figure else ""
    sentence = row.get("sentence") or row.get("quote") or ""
    return {
        "proof": [f"cl-doc-{row['doc_id']}"],
        "recordId": [record],
        "summary": [row.get("quote")],
        "description": [f"{lead}{sentence} ({where}{said})"],
        "sourceUrl": [row.get("url")],
        "publisher": [row.get("outlet")],
    }


def _money(row: dict[str, Any]) -> str | None:
    """The currency of a flow's figure, or None when it is not money."""
    if row.get("currency"):
        return row["currency"]
    unit = row.get("unit") or ""
    if len(unit) == 3 and pycountry.currencies.get(alpha_3=unit) is not None:
        return unit
    return None


def _flow_entity(row: dict[str, Any], parties: _Parties) -> dict[str, Any] | None:
    givers, receivers = parties.ids(row["giver"]), parties.ids(row["receiver"])
    if not givers or not receivers:
        return None
    what = row.get("item") or row["flow_item"]
    entity_id = content_id("cl-flow", row["flow_id"])
    figure = row.get("figure") if row.get("claim_id") else None
    base = _provenance(row, figure) | _dates(row.get("when"))
    currency = _money(row) if row.get("claim_id") else None
    if currency is not None and row["flow_concept"] in MONEY_CONCEPTS:
        amounts = [row.get("value")] if row.get("value") is not None else [row["low"], row["high"]]
        purpose = f"{what} (per {row['per']})" if row.get("per") else what
        return _entity("Payment", entity_id, base | {
            "payer": givers, "beneficiary": receivers, "amount": [_number(a) for a in amounts],
            "currency": [currency], "purpose": [purpose],
        })  # fmt: skip
    name = f"{row['giver']} → {row['receiver']}: {what}"
    if figure:
        name += f" ({figure})"
    return _entity("Event", entity_id, base | {"name": [name], "involved": givers + receivers})


def _note(row: dict[str, Any], parties: _Parties) -> dict[str, Any]:
    named = [i for name in (row.get("from"), row.get("to")) for i in parties.ids(name)]
    named += parties.known_ids(row.get("source"))
    what = row.get("item") or row.get("concept") or ""
    provenance = _provenance(row, row["figure"])
    del provenance["recordId"]  # a Note has no record id; its description names the claim
    return _entity(
        "Note",
        content_id("cl-claim", row["claim_id"]),
        provenance
        | {
            "name": [f"{row['figure']} {what}".strip()],
            "entity": [f"cl-doc-{row['doc_id']}", *named],
        },
    )


def ftm_entities(
    data: ExportData, stored: list[Party], registry: PartyRegistry
) -> Iterator[dict[str, Any]]:
    """Articles, then parties, then payments and events, then notes; each once."""
    parties = _Parties(stored, registry)
    flows = []
    carried: set[str] = set()
    for row in data.rows("flows"):
        entity = _flow_entity(row, parties)
        if entity is not None:
            flows.append(entity)
            if row.get("claim_id"):
                carried.add(row["claim_id"])
    notes = [_note(row, parties) for row in data.rows("claims") if row["claim_id"] not in carried]
    cited = {row["doc_id"] for table in ("claims", "flows") for row in data.rows(table)}
    for doc_id, doc in data.documents.items():
        if doc_id in cited:
            yield article(doc)
    yield from parties.entities()
    seen: set[str] = set()
    for entity in [*flows, *notes]:
        if entity["id"] not in seen:  # one claim carried by two flows is still one entity each
            seen.add(entity["id"])
            yield entity


def write_ftm(path: Path, entities: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for entity in entities:
            handle.write(json.dumps(entity, ensure_ascii=False) + "\n")
