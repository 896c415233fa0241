"""The library's exceptions; the CLI and web translate them once, at their edge."""

from __future__ import annotations


class ClaimledgerError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(ClaimledgerError):
    """One input could not be read as a document; names the input and the reason."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class UsageError(ClaimledgerError):
    """The caller asked for something that cannot be done (unknown party, bad filter)."""


class StoreError(ClaimledgerError):
    """The ledger file cannot be opened or is not a claimledger database."""
