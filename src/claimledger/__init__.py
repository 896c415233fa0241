"""claimledger: a sourced, cross-checked ledger of figures and transfers from news text."""

__version__ = "0.1.0"
