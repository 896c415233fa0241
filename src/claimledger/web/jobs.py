"""Background Adds: a large input is extracted on one worker thread while a page shows progress.

Hand-written over `concurrent.futures`: the workbench is one local process, so a queue
in memory is enough (a task broker would be a second service to run), and one worker keeps
SQLite to a single writer.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

MAX_KEPT_JOBS = 200  # finished jobs remembered for their pages; older ones are forgotten


@dataclass
class Job:
    """One Add in progress: how far it got, and its outcome once done."""

    id: str
    total: int
    done: int = 0
    stage: str = "waiting for the worker"
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    outcome: dict[str, Any] | None = None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        end = self.finished or time.monotonic()
        return {"id": self.id, "total": self.total, "done": self.done, "stage": self.stage,
                "seconds": round(end - self.started, 1), "finished": self.finished is not None,
                "outcome": self.outcome, "error": self.error,
                "url": f"/add/job/{self.id}"}  # fmt: skip


class Jobs:
    """The app's background Adds, run one at a time, in submission order."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimledger-add")

    def submit(self, total: int, work: Callable[[Job], dict[str, Any]]) -> Job:
        """Queue `work`, which reports progress on the job it is given and returns an outcome."""
        job = Job(id=secrets.token_urlsafe(9), total=total)
        with self._lock:
            self._jobs[job.id] = job
            finished = [j for j in self._jobs.values() if j.finished is not None]
            for old in finished[: max(0, len(finished) - MAX_KEPT_JOBS)]:
                del self._jobs[old.id]
        self._pool.submit(self._run, job, work)
        return job

    def _run(self, job: Job, work: Callable[[Job], dict[str, Any]]) -> None:
        try:
            job.outcome = work(job)
            job.stage = "done"
        except Exception as exc:  # the page must say what failed, not hang on "running"
            job.error = f"{type(exc).__name__}: {exc}"
            job.stage = "failed"
        finally:
            job.finished = time.monotonic()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)
