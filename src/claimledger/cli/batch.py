"""Run a batch of inputs through extraction, reporting each bad input and carrying on."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimledger.api import failure_reason
from claimledger.cli.common import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, echo_error, echo_warning
from claimledger.errors import InputError
from claimledger.ingest import iter_inputs
from claimledger.model import Document
from claimledger.parties import PartyRegistry

if TYPE_CHECKING:
    from claimledger.extract.pipeline import Extraction


@dataclass
class Tally:
    """How a batch went: documents done, documents already known, inputs that failed."""

    done: int = 0
    known: int = 0
    failed: int = 0

    def fail(self, origin: str, reason: str) -> None:
        """Report one failed input on stderr and count it."""
        echo_error(f"{origin}: {reason}")
        self.failed += 1

    def exit_code(self) -> int:
        """0 when nothing failed, 2 when everything failed, 3 when some inputs failed."""
        if not self.failed:
            return EXIT_OK
        return EXIT_PARTIAL if self.done + self.known else EXIT_USAGE


def documents(
    paths: Sequence[str],
    tally: Tally,
    *,
    step: Callable[[str], None] = lambda label: None,
    allow_private: bool = False,
) -> Iterator[tuple[str, Document]]:
    """(origin, Document) per readable document; bad inputs are reported on stderr and
    counted in `tally`. URLs reach private addresses only when `allow_private`."""
    for origin, item in iter_inputs(paths, stdin=sys.stdin.buffer, allow_private=allow_private):
        step(origin)
        if isinstance(item, InputError):
            tally.fail(item.origin, item.reason)
            continue
        yield origin, item


def extractions(
    paths: Sequence[str],
    registry: PartyRegistry,
    tally: Tally,
    *,
    known: Callable[[Document], bool] | None = None,
    step: Callable[[str], None] = lambda label: None,
    allow_private: bool = False,
) -> Iterator[tuple[str, Extraction]]:
    """(origin, Extraction) per readable document; bad inputs and extractor errors are
    reported on stderr and counted in `tally`, figures left out as warnings; documents for
    which `known` is true are counted and skipped without extraction."""
    from claimledger.api import prepare

    for origin, item in documents(paths, tally, step=step, allow_private=allow_private):
        if known is not None and known(item):
            tally.known += 1
            continue
        try:
            prepared = prepare(item, registry)
        except Exception as exc:  # one document's failure must not end the batch
            tally.fail(origin, failure_reason(exc))
            continue
        for warning in prepared.warnings:
            echo_warning(f"{origin}: {warning}")
        yield origin, prepared.extraction
