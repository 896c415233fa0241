"""`ingest --dask ADDRESS`: the per-document stage on a Dask cluster, the store here.

The client reads the inputs (files, stdin, URLs: so workers need no access to them), skips
documents the ledger already holds, and submits each new one to the cluster, where
`api.prepare_or_fail` (what a plain `ingest` runs: length bound, extraction, figure bounds)
runs. Results stream back as they complete (`as_completed`) into `api.ingest_documents`,
which stores them as for `--workers`, one document per transaction, so a crash loses only
what was in flight and a rerun finishes the job. At most a few tasks per worker thread are
in flight, so memory stays bounded however many inputs there are.

Each worker loads the spaCy pipeline once, when it joins (a worker plugin), not per task.
The party registry is sent to every worker once (scattered), not with every document.
The per-document time budget applies only in a process's main thread (ingest/limits.py),
and Dask runs tasks in worker threads: on a cluster the length and figure bounds hold and
a slow document occupies one worker thread rather than stopping the batch.
"""

from __future__ import annotations

import copyreg
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from claimledger.api import Failed, Prepared, prepare_or_fail
from claimledger.errors import UsageError
from claimledger.model import Document
from claimledger.parties import PartyRegistry

T = TypeVar("T")
_LOCK_TYPES = (type(threading.Lock()), type(threading.RLock()))
IN_FLIGHT_PER_THREAD = 4
TIMEOUT_ENV = "CLAIMLEDGER_DASK_TIMEOUT"  # seconds to reach the scheduler and a worker


def _registry_state(registry: PartyRegistry) -> tuple[Any, tuple[dict[str, Any]]]:
    """Pickle a registry without its lock (a new one is made where it lands)."""
    state = {k: v for k, v in vars(registry).items() if not isinstance(v, _LOCK_TYPES)}
    return _rebuild_registry, (state,)


def _rebuild_registry(state: dict[str, Any]) -> PartyRegistry:
    registry = PartyRegistry()  # empty, with its own lock
    vars(registry).update(state)
    return registry


# Registered on import, so wherever a registry is unpickled (which imports this module) it can
# be pickled again: workers copy scattered data to one another.
copyreg.pickle(PartyRegistry, _registry_state)


def prepare_on_worker(doc: Document, registry: PartyRegistry) -> Prepared | Failed:
    """The task a worker runs for one document (module-level, so workers import it)."""
    return prepare_or_fail(doc, registry)


try:
    from distributed import WorkerPlugin
except ImportError:  # the `dask` extra is not installed; _client() says so
    WorkerPlugin = object  # type: ignore[assignment,misc]


class LoadPipeline(WorkerPlugin):  # type: ignore[misc,valid-type]
    """A Dask worker plugin: load the spaCy pipelines when a worker starts, once."""

    name = "claimledger-pipeline"

    def setup(self, worker: Any) -> None:
        from claimledger.extract import nlp

        nlp.splitter()
        nlp.model()


def _timeout() -> float:
    try:
        return max(0.1, float(os.environ.get(TIMEOUT_ENV) or 20))
    except ValueError as exc:
        raise UsageError(f"{TIMEOUT_ENV} must be a number of seconds") from exc


def _client(address: str) -> Any:
    try:
        from dask.distributed import Client
    except ImportError as exc:
        raise UsageError("ingest --dask needs dask.distributed; install claimledger[dask]") from exc
    try:
        return Client(address, timeout=_timeout(), set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UsageError(f"{address}: cannot reach the Dask scheduler ({reason})") from exc


def prepare_on_dask(
    items: Iterable[tuple[T, Document]],
    address: str,
    registry: PartyRegistry,
    *,
    skip: Callable[[Document], bool] = lambda doc: False,
) -> Iterator[tuple[T, Document, Prepared | Failed | None]]:
    """(tag, document, result) for each (tag, document), extracted on the cluster whose
    scheduler is at `address`, in the order they complete; None, without sending it, for a
    document `skip` says is not to be extracted. A task lost with its worker fails only
    that document."""
    from dask.distributed import as_completed

    client = _client(address)
    try:
        client.register_plugin(LoadPipeline())
        threads = sum(client.nthreads().values())
        if threads == 0:
            try:
                client.wait_for_workers(1, timeout=_timeout())
            except TimeoutError as exc:
                raise UsageError(f"{address}: no Dask worker joined in {_timeout():g} s") from exc
            threads = sum(client.nthreads().values())
        window = max(1, threads) * IN_FLIGHT_PER_THREAD
        shared = client.scatter(registry, broadcast=True, hash=False)
        running = as_completed(loop=client.loop)
        sent: dict[str, tuple[T, Document]] = {}

        def next_done() -> tuple[T, Document, Prepared | Failed | None]:
            future = next(running)
            tag, doc = sent.pop(future.key)
            try:
                return tag, doc, future.result()
            except Exception as exc:  # the worker died or the result could not travel
                return tag, doc, Failed(f"extraction failed on the cluster ({exc})")
            finally:
                future.release()

        for tag, doc in items:
            if skip(doc):
                yield tag, doc, None
                continue
            future = client.submit(prepare_on_worker, doc, shared, pure=False)
            sent[future.key] = (tag, doc)
            running.add(future)
            while running.count() >= window:
                yield next_done()
        while running.count():
            yield next_done()
    finally:
        client.close()
