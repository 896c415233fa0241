"""The ledger: claims, documents, parties, flows and checks in one SQLite file."""

from claimledger.store.ledger import FlowFact, Ledger
from claimledger.store.queries import DIRECTIONS, SORTS, ClaimFilter

FIGURE_SORTS = tuple(SORTS)  # the orders `ClaimFilter` knows

__all__ = ["DIRECTIONS", "FIGURE_SORTS", "ClaimFilter", "FlowFact", "Ledger"]
