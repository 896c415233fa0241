"""Watch feeds: poll, ingest the entries not seen before, re-check, and say what is new.

One poll fetches each feed through the guarded fetcher, ingests its unseen entries through
the one ingest path (api.ingest_documents), re-checks the ledger, and returns alerts: every
new conflict, every new figure for a watched item, and every new independent origin (a new
document's figure now agreeing with figures from other documents). The entries seen are
remembered in the ledger's meta table, per feed, so a restarted watch goes on where it was.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimledger.api import Failed, ingest_documents
from claimledger.errors import InputError
from claimledger.ingest import load_url
from claimledger.model import Document
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger

MAX_REMEMBERED = 10_000  # entry keys kept per feed: far more than any feed lists at once
_META_KEY = "watch_seen:{feed}"


@dataclass
class Poll:
    """What one poll did: documents added, alerts, and failures to report."""

    number: int
    added: list[Document] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    feeds_read: int = 0  # feeds fetched and parsed: none in any poll means every input failed


def entry_key(doc: Document) -> str:
    """What identifies a feed entry across polls: its link, else its text's id."""
    return doc.url or doc.id


def _seen(ledger: Ledger, feed: str) -> list[str]:
    row = ledger._conn.execute(
        'SELECT value FROM meta WHERE "key" = ?', (_META_KEY.format(feed=feed),)
    ).fetchone()
    return json.loads(row[0]) if row else []


def _remember(ledger: Ledger, feed: str, keys: list[str]) -> None:
    ledger._conn.execute(
        'INSERT INTO meta ("key", value) VALUES (?, ?) '
        'ON CONFLICT ("key") DO UPDATE SET value = excluded.value',
        (_META_KEY.format(feed=feed), json.dumps(keys[-MAX_REMEMBERED:])),
    )


def _check_keys(ledger: Ledger) -> dict[str, dict[str, Any]]:
    return {f"{row['kind']}|{row['key']}": row for row in ledger.checks()}


def _figure(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in ("doc", "quote", "start", "end")}


def _alerts(
    ledger: Ledger,
    before: dict[str, dict[str, Any]],
    added: Sequence[Document],
    items: Sequence[str],
) -> Iterator[dict[str, Any]]:
    new_ids = {doc.id for doc in added}
    for doc in added:
        for claim in ledger.claim_rows(doc=doc.id):
            words = " ".join(filter(None, (claim.get("item"), claim.get("concept")))).lower()
            if any(item.lower() in words for item in items):
                yield {"alert": "figure", "item": claim.get("item"), "value": claim.get("value"),
                       "unit": claim.get("unit"), "source": claim.get("source"),
                       **_figure(claim), "url": doc.url}  # fmt: skip
    for key, check in _check_keys(ledger).items():
        if key in before:
            continue
        members = check["claims"]
        touches_new = any(m["doc_id"] in new_ids for m in members)
        if check["verdict"] == "conflict" and touches_new:
            yield {"alert": "conflict", "note": check["note"],
                   "figures": [_figure(m) for m in members]}  # fmt: skip
        elif check["verdict"] == "consistent" and touches_new:
            others = {m["doc_id"] for m in members} - new_ids
            if others:
                yield {"alert": "origin", "note": check["note"],
                       "figures": [_figure(m) for m in members]}  # fmt: skip


def poll(
    ledger: Ledger,
    feeds: Sequence[str],
    registry: PartyRegistry,
    *,
    number: int = 1,
    items: Sequence[str] = (),
    allow_private: bool = False,
    recheck: Callable[[Ledger], object] | None = None,
) -> Poll:
    """Poll each feed once: ingest unseen entries, re-check, and collect the alerts."""
    result = Poll(number)
    fresh: list[tuple[str, Document]] = []
    for feed in feeds:
        try:
            docs = load_url(feed, allow_private=allow_private)
        except InputError as exc:
            result.errors.append(exc)
            continue
        result.feeds_read += 1
        known = set(_seen(ledger, feed))
        fresh.extend((feed, doc) for doc in docs if entry_key(doc) not in known)
    before = _check_keys(ledger)
    for feed, doc, outcome in ingest_documents(ledger, fresh, registry):
        if isinstance(outcome, Failed):
            result.errors.append(InputError(doc.url or feed, outcome.reason))
        elif outcome.added:
            result.added.append(doc)
    for feed in feeds:  # remembered only once handled: a crash before this loses nothing
        handled = [entry_key(doc) for source, doc in fresh if source == feed]
        if handled:
            _remember(ledger, feed, _seen(ledger, feed) + handled)
    if result.added:
        if recheck is None:
            from claimledger.reconcile import reconcile

            reconcile(ledger, registry=registry)
        else:
            recheck(ledger)
        result.alerts.extend(_alerts(ledger, before, result.added, items))
    return result


def watch(
    ledger: Ledger,
    feeds: Sequence[str],
    registry: PartyRegistry,
    *,
    interval: float,
    max_polls: int | None = None,
    items: Sequence[str] = (),
    allow_private: bool = False,
) -> Iterator[Poll]:
    """Poll every `interval` seconds, `max_polls` times (forever when None)."""
    number = 0
    while max_polls is None or number < max_polls:
        number += 1
        yield poll(ledger, feeds, registry, number=number, items=items,
                   allow_private=allow_private)  # fmt: skip
        if max_polls is None or number < max_polls:
            time.sleep(interval)
