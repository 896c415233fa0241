"""Commands that run the extractor without a ledger: extract, evaluate."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from claimledger.cli.batch import Tally, extractions
from claimledger.cli.common import (
    format_option,
    global_options,
    options,
    progress,
    stdout_console,
    write_json,
    write_jsonl,
)
from claimledger.cli.render import figures_table, print_report
from claimledger.evaluate import evaluate as evaluate_dirs
from claimledger.evaluate_checks import ChecksReport


def checks_score_table(checks: ChecksReport) -> Table:
    """The gold checks recovered, strictly, the false conflicts and the largest line."""
    table = Table(title=f"Checks against {checks.gold} gold checks ({checks.lines} lines)")
    for name in ("measure", "value", "gold checks"):
        table.add_column(name, overflow="fold")
    rows = (
        ("recovered", str(len(checks.recovered)), ", ".join(checks.recovered)),
        ("strict", str(len(checks.strict)), ", ".join(checks.strict)),
        ("missed (strict)", str(len(checks.missed)), ", ".join(checks.missed)),
        ("false conflicts", str(len(checks.false_conflicts)), ", ".join(checks.false_conflicts)),
        ("largest line", str(checks.largest_line), ""),
    )
    for row in rows:
        table.add_row(*row)
    return table


@click.command()
@click.argument("files", nargs=-1, required=True)
@format_option("table", "jsonl")
@global_options
@click.pass_context
def extract(ctx: click.Context, files: tuple[str, ...], fmt: str) -> None:
    """Print the figures in FILEs ('-' for stdin); reads no ledger."""
    registry = options(ctx).registry()
    tally = Tally()
    records = []
    with progress("extracting") as step:
        for _origin, found in extractions(files, registry, tally, step=step):
            tally.done += 1
            batch = [claim.to_json() for claim in found.claims]
            if fmt == "jsonl":
                write_jsonl(batch)  # stream: one document at a time
            else:
                records.extend(batch)
    if fmt == "table" and records:
        stdout_console().print(figures_table(records))
    elif fmt == "table" and tally.done:
        click.echo("no figures found", err=True)
    ctx.exit(tally.exit_code())


@click.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("docs_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument(
    "more_dirs", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@format_option("table", "json")
@global_options
@click.pass_context
def evaluate(
    ctx: click.Context, gold_dir: Path, docs_dir: Path, more_dirs: tuple[Path, ...], fmt: str
) -> None:
    """Score the extractor on GOLD_DIR's figures over the documents in DOCS_DIR.

    With GOLD_DIR/checks.jsonl, also score the cross-checks of a temporary ledger holding
    DOCS_DIR and MORE_DIRS (documents the gold checks reach into)."""
    report = evaluate_dirs(gold_dir, docs_dir, more_dirs, registry=options(ctx).registry())
    if fmt == "json":
        write_json(report.to_json())
    else:
        console = stdout_console()
        print_report(console, report)
        if report.checks is not None:
            console.print(checks_score_table(report.checks))


commands: list[click.Command] = [extract, evaluate]
