"""Run the per-document stage (api.prepare: bounded extraction) in a pool of processes.

Each worker loads the party registry and the spaCy model once, in its initializer; the
parent reads the inputs, sends documents, and gets back Prepared results (or the error to
report) in input order, so a parallel run stores documents in the same order as a serial
one. At most 2 documents per worker are in flight: memory stays bounded on long batches.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TypeVar

from claimledger.api import Failed, Prepared, prepare_or_fail
from claimledger.model import Document
from claimledger.parties import PartyRegistry

T = TypeVar("T")
_registry: PartyRegistry | None = None


def _start_worker(aliases: str | None) -> None:
    global _registry
    from claimledger.extract import nlp

    base = PartyRegistry.default()
    _registry = base.with_aliases_file(Path(aliases)) if aliases else base
    nlp.model()  # load once per worker, not once per document


def _prepare_here(doc: Document) -> Prepared | Failed:
    assert _registry is not None
    return prepare_or_fail(doc, _registry)


def prepare_in_pool(
    items: Iterable[tuple[T, Document]],
    workers: int,
    aliases: Path | None = None,
    *,
    skip: Callable[[Document], bool] = lambda doc: False,
) -> Iterator[tuple[T, Document, Prepared | Failed | None]]:
    """(tag, document, result) for each (tag, document), in input order, extracted by
    `workers` processes; None for a document `skip` says is not to be extracted. A worker
    that dies (killed, out of memory) fails the documents in flight; a new pool takes the
    rest."""
    context = multiprocessing.get_context("spawn")  # no fork under a progress thread
    args = (str(aliases) if aliases else None,)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start_worker, initargs=args
        )

    pool = new_pool()
    pending: deque[tuple[T, Document, Future[Prepared | Failed | None]]] = deque()
    try:
        for tag, doc in items:
            if skip(doc):
                done: Future[Prepared | Failed | None] = Future()
                done.set_result(None)
                pending.append((tag, doc, done))
                continue
            try:
                pending.append((tag, doc, pool.submit(_prepare_here, doc)))
            except BrokenProcessPool:
                pool = new_pool()
                pending.append((tag, doc, pool.submit(_prepare_here, doc)))
            while len(pending) >= 2 * workers:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(
    entry: tuple[T, Document, Future[Prepared | Failed | None]],
) -> tuple[T, Document, Prepared | Failed | None]:
    tag, doc, future = entry
    try:
        return tag, doc, future.result()
    except BrokenProcessPool:
        return tag, doc, Failed("extraction failed (its worker process died)")
