"""The ledger: claims, documents, parties, flows and checks in one SQLite file."""

from claimledger.store.ledger import Ledger

__all__ = ["Ledger"]
