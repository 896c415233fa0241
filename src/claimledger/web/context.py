"""What every request can reach: the ledger path, the party registry, the app secret."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request

from claimledger.parties import PartyRegistry
from claimledger.store import Ledger
from claimledger.web.jobs import Jobs


@dataclass(frozen=True)
class WebState:
    """Set once by `create_app`; read-only afterwards, so safe across threads."""

    db_path: Path
    registry: PartyRegistry
    secret: bytes
    allow_private: bool = False  # `serve --allow-private`: Add > URL may reach private hosts
    max_figures: int = 2000  # per document; more are left out and reported
    inline_bytes: int = 64 * 1024  # larger Adds run in the background with a progress page
    jobs: Jobs = field(default_factory=Jobs)


def state(request: Request) -> WebState:
    return request.app.state.web


@contextmanager
def open_ledger(request: Request) -> Iterator[Ledger]:
    """A ledger for this request only: SQLite connections stay on the thread that opened them."""
    ledger = Ledger.open(state(request).db_path)
    try:
        yield ledger
    finally:
        ledger.close()
