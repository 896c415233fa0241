"""`ingest --dask ADDRESS`: the per-document stage on a Dask cluster, the store here.

The client reads the inputs (files, stdin, URLs: so workers need no access to them), skips
documents the ledger already holds, and submits each new one to the cluster, where
`api.prepare` (the same function a plain `ingest` runs: length bound, extraction, figure
bounds) runs. Results stream back as they complete (`as_completed`) and are stored one
document per transaction, so a crash loses only what was in flight and a rerun finishes the
job. At most a few tasks per worker thread are in flight, so memory stays bounded however
many inputs there are.

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
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from claimledger.api import Prepared, prepare, store_prepared
from claimledger.errors import UsageError
from claimledger.model import Document
from claimledger.parties import PartyRegistry

if TYPE_CHECKING:
    from claimledger.cli.batch import Tally
    from claimledger.store import Ledger

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


def prepare_on_worker(doc: Document, registry: PartyRegistry) -> Prepared:
    """The task a worker runs for one document (module-level, so workers import it)."""
    return prepare(doc, registry)


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


def ingest_on_dask(
    address: str,
    ledger: Ledger,
    inputs: Iterable[tuple[str, Document]],
    registry: PartyRegistry,
    tally: Tally,
    *,
    warn: Any = None,
) -> None:
    """Extract `inputs` ((origin, Document) pairs) on the cluster at `address` and store
    them in `ledger` as they complete; failures and skips are counted in `tally`."""
    from dask.distributed import as_completed

    from claimledger.cli.batch import failure_reason

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
        copyreg.pickle(PartyRegistry, _registry_state)  # its lock cannot travel
        shared = client.scatter(registry, broadcast=True, hash=False)
        running = as_completed(loop=client.loop)
        origins: dict[str, str] = {}

        def store_next() -> None:
            future = next(running)
            origin = origins.pop(future.key)
            try:
                prepared = future.result()
                stored = store_prepared(ledger, prepared, registry)
            except Exception as exc:  # one document's failure must not end the batch
                tally.fail(origin, failure_reason(exc))
                return
            finally:
                future.release()
            for warning in stored.warnings:
                if warn is not None:
                    warn(f"{origin}: {warning}")
            if stored:
                tally.done += 1
            else:
                tally.known += 1  # a copy earlier in this batch got there first

        for origin, doc in inputs:
            if ledger.has_document(doc.id):
                tally.known += 1
                continue
            future = client.submit(prepare_on_worker, doc, shared, pure=False)
            origins[future.key] = origin
            running.add(future)
            while running.count() >= window:
                store_next()
        while running.count():
            store_next()
    finally:
        client.close()
