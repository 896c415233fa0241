"""The ledger: claims, documents, parties, flows and checks in one SQLite file."""

from claimledger.store.ledger import FlowFact, Ledger
from claimledger.store.queries import SORTS, FigureQuery

FIGURE_SORTS = tuple(SORTS)  # the orders `Ledger.claim_page` knows

__all__ = ["FIGURE_SORTS", "FigureQuery", "FlowFact", "Ledger"]
