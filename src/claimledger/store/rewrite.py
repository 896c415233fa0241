"""Changing what the ledger holds about a stored document: remove it, or replace its extraction.

Each runs in one transaction and leaves the checks to be recomputed (their fingerprint is
cleared, and re-extracted claims lose their block keys). Reviews live in a table of their
own and are keyed by the claim ids a check cites, so replacing an extraction keeps the id of
every claim found again at the same span: a review among unchanged figures still applies.
Neither ever deletes a review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimledger.model import Claim, Document, Flow, Party
from claimledger.store import queries
from claimledger.store.ledger import Ledger
from claimledger.store.rows import check_flow_links, claim_row, flow_row

_UPDATE_CLAIM = """
UPDATE claims SET doc = :doc, quote = :quote, sent_start = :sent_start, sent_end = :sent_end,
    sentence = :sentence, value = :value, low = :low, high = :high, qualifier = :qualifier,
    unit = :unit, item = :item, concept = :concept, per = :per, "when" = :when,
    source = :source, modality = :modality, from_party = :from_party, to_party = :to_party,
    vague = :vague, currency = :currency, extractor_version = :extractor_version,
    change = :change, change_from = :change_from
WHERE id = :id
"""


@dataclass(frozen=True)
class Replaced:
    """What re-extracting one document changed, in figures."""

    kept: int  # found again at the same span (id kept, fields refreshed)
    added: int
    dropped: int


def _stale_checks(ledger: Ledger) -> None:
    ledger._conn.execute('DELETE FROM meta WHERE "key" = ?', ("checks_fingerprint",))


def remove_document(ledger: Ledger, doc_id: str) -> int:
    """Delete a document with its claims, flows and their links; returns the claims removed
    (0 and nothing changed when the document is not stored)."""
    with ledger._transaction() as conn:
        count_sql = "SELECT count(*) FROM claims WHERE doc_id = ?"
        (claims,) = conn.execute(count_sql, (doc_id,)).fetchone()
        gone = conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount
        if gone:
            _stale_checks(ledger)
    return claims if gone else 0


def replace_extraction(
    ledger: Ledger,
    doc: Document,
    claims: Sequence[Claim],
    flows: Sequence[Flow] = (),
    parties: Sequence[Party] = (),
) -> Replaced:
    """Replace a stored document's claims and flows with a new extraction of it, all or
    nothing; the document row itself is kept."""
    rows = [claim_row(doc, claim) for claim in claims]
    check_flow_links(doc, claims, flows)
    with ledger._transaction() as conn:
        stored = {
            (start, end): claim_id
            for claim_id, start, end in conn.execute(
                'SELECT id, "start", "end" FROM claims WHERE doc_id = ?', (doc.id,)
            )
        }
        conn.execute("DELETE FROM flows WHERE doc_id = ?", (doc.id,))
        conn.execute(
            "DELETE FROM claim_blocks WHERE claim_id IN (SELECT id FROM claims WHERE doc_id = ?)",
            (doc.id,),
        )
        party_ids = ledger._upsert_parties(parties)
        claim_ids: list[int] = []
        found: set[int] = set()
        for claim, row in zip(claims, rows, strict=True):
            claim_id = stored.get((claim.start, claim.end))
            if claim_id is None:
                claim_id = conn.execute(queries.INSERT_CLAIM, row).lastrowid
                assert claim_id is not None
            else:
                conn.execute(_UPDATE_CLAIM, {**row, "id": claim_id})
                conn.execute("DELETE FROM claim_parties WHERE claim_id = ?", (claim_id,))
                found.add(claim_id)
            claim_ids.append(claim_id)
            ledger._link_parties(claim, claim_id, party_ids)
        dropped = [claim_id for claim_id in stored.values() if claim_id not in found]
        conn.executemany("DELETE FROM claims WHERE id = ?", [(i,) for i in dropped])
        for flow in flows:
            conn.execute(queries.INSERT_FLOW, flow_row(doc, flow, claim_ids))
        _stale_checks(ledger)
    return Replaced(kept=len(found), added=len(claims) - len(found), dropped=len(dropped))
