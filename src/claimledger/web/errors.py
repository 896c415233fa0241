"""The web's one error type: a status, a stable code and a message that says what to do."""

from __future__ import annotations


class PageError(Exception):
    """Raised by a page; rendered as an error page, or `{"error": {...}}` under /api/."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def not_found(what: str, hint: str) -> PageError:
    return PageError(404, "not_found", f"{what} is not in the ledger; {hint}")
