"""Which part of the ledger an export or a report covers: the store's claim filter plus a
date window, and the claims, flows and checks that follow from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from claimledger.errors import UsageError
from claimledger.store import Ledger
from claimledger.store.queries import ClaimFilter, fold

# Filters a flow without a figure can be tested on; any other filter leaves such flows out.
_FLOW_FILTERS = ("item", "party", "doc", "concept")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True, kw_only=True)
class Selection:
    """The store's one filter language (`ClaimFilter`), with `between` (two ISO date
    prefixes, inclusive) for its date window on the date a figure is about: its `when`,
    else its document's publication date."""

    claims: ClaimFilter = ClaimFilter()
    between: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if self.between is not None:
            low, high = self.between
            if not (_is_date(low) and _is_date(high)):
                raise UsageError(
                    f"--between {low} {high}: give two dates as YYYY, YYYY-MM or YYYY-MM-DD"
                )
            if low > high:
                raise UsageError(f"--between {low} {high}: the first date is after the second")

    @property
    def claim_filter(self) -> ClaimFilter:
        """The ClaimFilter this selection runs, the date window included."""
        if self.between is None:
            return self.claims
        return replace(self.claims, date_from=self.between[0], date_to=self.between[1])

    def _set(self) -> list[str]:
        """The names of the filter fields given (not at their defaults)."""
        query = self.claim_filter
        return [
            f.name
            for f in fields(ClaimFilter)
            if f.name not in ("order", "offset") and getattr(query, f.name) != f.default
        ]

    @property
    def is_everything(self) -> bool:
        """True when no filter is set: every flow and check is exported too."""
        return not self._set()

    def describe(self) -> str:
        """The filters in words, for a report's header; '' when there are none."""
        parts = [
            f"{name} {getattr(self.claims, name)!s}"
            for name in self._set()
            if name not in ("date_from", "date_to")
        ]
        if self.between is not None:
            parts.append(f"between {self.between[0]} and {self.between[1]}")
        return ", ".join(parts)


def _is_date(text: str) -> bool:
    return _DATE.fullmatch(text) is not None


def date_key(row: dict[str, Any]) -> str | None:
    """The date a claim is about (the store's DATE_KEY): the first part of its `when`,
    else its document's date."""
    when = row.get("when")
    if when:
        return str(when).split("/", 1)[0]
    return row.get("published")


def selected_claims(ledger: Ledger, selection: Selection) -> list[dict[str, Any]]:
    """The claim rows (with document fields) the selection keeps, in document order."""
    query = selection.claim_filter
    return ledger.claim_rows(**{f.name: getattr(query, f.name) for f in fields(ClaimFilter)})


def _flow_matches(flow: dict[str, Any], selection: Selection, parties: set[str]) -> bool:
    """Whether a flow without a figure passes the filters it can be tested on."""
    query = selection.claims
    if any(name not in (*_FLOW_FILTERS, "limit") for name in selection._set()):
        return False
    if query.item is not None:
        wanted = fold(query.item) or ""
        if wanted not in (fold(flow["item"]) or "") and wanted not in (fold(flow["concept"]) or ""):
            return False
    if query.concept is not None and flow["concept"] != query.concept:
        return False
    if query.doc is not None and query.doc not in (flow["doc"], flow["doc_id"]):
        return False
    names = {fold(flow["giver"]), fold(flow["receiver"])}
    return not (query.party is not None and not names & parties)


def selected_flows(
    ledger: Ledger, selection: Selection, claim_ids: set[int], party_names: set[str]
) -> list[dict[str, Any]]:
    """Flows carrying a selected figure; flows without a figure when they pass the filters
    they can be tested on (item, party, doc, concept). `party_names` are the folded names
    the party filter stands for (the party and its aliases)."""
    everything = selection.is_everything
    kept = []
    for flow in ledger.flows():
        if flow["claim_id"] is not None:
            keep = everything or flow["claim_id"] in claim_ids
        else:
            keep = everything or _flow_matches(flow, selection, party_names)
        if keep:
            kept.append(flow)
    return kept


def selected_checks(ledger: Ledger, claim_ids: set[int], everything: bool) -> list[dict[str, Any]]:
    """Checks citing a selected claim, each with all its claims (a check is judged whole)."""
    return [
        check
        for check in ledger.checks()
        if everything or any(member["id"] in claim_ids for member in check["claims"])
    ]
