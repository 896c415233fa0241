"""Progress of a long ingest: a rich bar on a terminal, a line every N documents on a pipe.

The bar shows documents done (of the inputs counted up front; a feed may hold more), figures
stored, errors, the rate and the time left. On a pipe or in CI a bar would be noise, so a
plain line goes to stderr every N documents instead; `quiet` shows neither.
"""

from __future__ import annotations

import time
from types import TracebackType

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from claimledger.cli import common


class IngestProgress:
    """Call `update(documents, figures, errors)` after each document; use as a context."""

    def __init__(self, total: int | None, *, quiet: bool = False, every: int = 100) -> None:
        self.total = total
        self.every = max(1, every)
        self._started = time.monotonic()
        self._last_line = 0
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        console = common.stderr_console()
        self.mode = "quiet" if quiet else "bar" if console.is_terminal else "lines"
        if self.mode == "bar":
            self._bar = Progress(
                TextColumn("ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(
                    "documents · {task.fields[figures]:,} figures · "
                    "{task.fields[errors]} errors · {task.fields[rate]}"
                ),  # fmt: skip
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )

    def __enter__(self) -> IngestProgress:
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("ingest", total=self.total, figures=0, errors=0,
                                            rate="")  # fmt: skip
            common.push_live(self._bar.console)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            common.pop_live()
            self._bar.stop()

    def _rate(self, documents: int) -> str:
        seconds = time.monotonic() - self._started
        return f"{documents / seconds:.1f} docs/s" if seconds > 0 else ""

    def update(self, documents: int, figures: int, errors: int) -> None:
        """Show the counts so far (documents counts every input handled, failed ones too)."""
        if self.total is not None and documents > self.total:
            self.total = documents  # a feed held more documents than files were counted
        if self._bar is not None and self._task is not None:
            rate = self._rate(documents)
            self._bar.update(self._task, completed=documents, total=self.total,
                             figures=figures, errors=errors, rate=rate)  # fmt: skip
        elif self.mode == "lines" and documents - self._last_line >= self.every:
            self._last_line = documents
            of = f" of {self.total}" if self.total else ""
            click.echo(
                f"progress: {documents}{of} documents, {figures:,} figures, {errors} errors, "
                f"{self._rate(documents)}",
                err=True,
            )
