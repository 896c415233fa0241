"""What every command shares: global options, ledger opening, output writers, exit codes.

A command module uses it like this (see ledger_cmds.py):

    @click.command()
    @global_options
    @format_option("table", "jsonl")
    @click.pass_context
    def figures(ctx: click.Context, fmt: str) -> None:
        with open_ledger(ctx) as ledger:
            write_jsonl(...)

Library errors (claimledger.errors.*) need no handling in commands: the `main` group
translates them once into `error: <message>` on stderr and exit 2.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimledger.errors import ClaimledgerError, UsageError
from claimledger.parties import PartyRegistry
from claimledger.settings import db_path, db_target
from claimledger.store import Ledger, postgres
from claimledger.store.postgres import is_database_url

EXIT_OK = 0
EXIT_CHECK_FAILED = 1  # reserved for `check`: a conflict or failed arithmetic
EXIT_USAGE = 2  # usage error, or every input failed
EXIT_PARTIAL = 3  # some inputs failed

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class GlobalOptions:
    """--db and --aliases as given to the group or the command (the command's value wins)."""

    db: str | None = None
    aliases: Path | None = None
    _registry: PartyRegistry | None = None

    def ledger_path(self) -> Path:
        """--db, else $CLAIMLEDGER_DB, else ./ledger.db (a PostgreSQL URL stays a string)."""
        target = db_target(self.db)
        return target if is_database_url(target) else db_path(self.db)  # type: ignore[return-value]

    def registry(self) -> PartyRegistry:
        """The party registry, extended by --aliases when given; loaded once."""
        if self._registry is None:
            base = PartyRegistry.default()
            self._registry = base.with_aliases_file(self.aliases) if self.aliases else base
        return self._registry


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Store a given global option on the shared GlobalOptions; later (inner) values win."""
    if value is not None and param.name is not None:
        setattr(ctx.ensure_object(GlobalOptions), param.name, value)
    return value


def global_options(func: F) -> F:
    """Add --db and --aliases to a command or group, so they work before or after it."""
    func = click.option(
        "--aliases",
        type=click.Path(dir_okay=False, path_type=Path),
        expose_value=False,
        callback=_remember,
        help="A party alias YAML file (format of claimledger/data/parties.yaml).",
    )(func)
    func = click.option(
        "--db",
        type=click.Path(dir_okay=False),
        expose_value=False,
        callback=_remember,
        help="Ledger file [default: $CLAIMLEDGER_DB, else ./ledger.db].",
    )(func)
    return func


def options(ctx: click.Context) -> GlobalOptions:
    """The global options in effect for this command."""
    return ctx.ensure_object(GlobalOptions)


def format_option(*choices: str, default: str | None = None) -> Callable[[F], F]:
    """A --format option with these choices, passed to the command as `fmt`."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default or choices[0],
        show_default=True,
        help="Output format.",
    )


def allow_private_option(func: F) -> F:
    """--allow-private: let URLs reach loopback, private and other non-public addresses."""
    return click.option(
        "--allow-private",
        is_flag=True,
        help="Let URLs reach loopback, private, link-local and other non-public addresses "
        "(refused by default, so a link cannot probe this machine or its network).",
    )(func)


@contextmanager
def open_ledger(ctx: click.Context, *, create: bool = False) -> Iterator[Ledger]:
    """The ledger named by the global options; a read command never creates one."""
    path = options(ctx).ledger_path()
    on_disk = str(path) != ":memory:" and not is_database_url(path)
    # An empty file is no ledger either: opening it would write a schema into it.
    if not create and on_disk and (not path.exists() or path.stat().st_size == 0):
        raise UsageError(f"{path}: no ledger here; run 'claimledger ingest PATH' first")
    if not create and is_database_url(path) and not postgres.holds_ledger(str(path)):
        raise UsageError(f"{postgres.shown(str(path))}: no ledger here; run ingest first")
    with Ledger.open(path) as ledger:
        yield ledger


# -- errors ----------------------------------------------------------------------------------


_live: list[Console] = []  # the console of a running progress display, if any


def push_live(console: Console) -> None:
    """Route error and warning lines through a running progress display's console."""
    _live.append(console)


def pop_live() -> None:
    _live.pop()


def echo_error(message: str) -> None:
    """One `error: ...` line on stderr (above the progress display while one runs)."""
    if _live:
        _live[-1].print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    else:
        click.echo(f"error: {message}", err=True)


def echo_warning(message: str) -> None:
    """One `warning: ...` line on stderr: something was left out, the run goes on."""
    if _live:
        _live[-1].print(f"warning: {message}", markup=False, highlight=False, soft_wrap=True)
    else:
        click.echo(f"warning: {message}", err=True)


class LedgerGroup(click.Group):
    """A click group that translates library errors once: one stderr line, exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimledgerError as exc:
            echo_error(str(exc))
            ctx.exit(EXIT_USAGE)


# -- output ----------------------------------------------------------------------------------


class PlainConsole(Console):
    """A console for a pipe or a file: tables without box drawing, one line a row (no
    wrapping mid-word at an imagined width), so `grep`, `cut` and `awk` can read them."""

    def print(self, *objects: Any, **kwargs: Any) -> None:
        for obj in objects:
            if isinstance(obj, Table):
                _plain(obj)
        super().print(*objects, **kwargs)


def _plain(table: Table) -> None:
    table.box = None
    table.show_edge = False
    table.pad_edge = False
    table.title_justify = "left"
    for column in table.columns:
        column.no_wrap = True
        column.overflow = "ignore"


PIPE_WIDTH = 100_000  # wide enough that no row wraps


def stdout_console() -> Console:
    """A rich console on stdout (tables); plain rows when stdout is not a terminal."""
    probe = Console(highlight=False)
    if probe.is_terminal:
        return probe
    return PlainConsole(highlight=False, width=PIPE_WIDTH)


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False)


def write_jsonl(records: Iterable[dict[str, Any]]) -> None:
    """One JSON object per line on stdout, non-ASCII kept as is."""
    for record in records:
        click.echo(json.dumps(record, ensure_ascii=False))


def write_json(record: Any) -> None:
    """One indented JSON document on stdout."""
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))


def write_csv(records: Iterable[dict[str, Any]], columns: Sequence[str]) -> None:
    """CSV with a header row on stdout; None is an empty cell, booleans true/false."""
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_cell(record.get(key)) for key in columns})


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def number(value: float | None) -> float | int | None:
    """A JSON-friendly number: integral floats as ints."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return round(float(value), 6)


@contextmanager
def progress(description: str) -> Iterator[Callable[[str], None]]:
    """A spinner on stderr when it is a terminal; yields `step(label)`, a no-op otherwise."""
    console = stderr_console()
    if not console.is_terminal:
        yield lambda label: None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(description, total=None)

        def step(label: str) -> None:
            bar.update(task, advance=1, description=f"{description} {label}")

        _live.append(bar.console)
        try:
            yield step
        finally:
            _live.pop()
