"""Commands that run the extractor without a ledger: extract, evaluate."""

from __future__ import annotations

from pathlib import Path

import click

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
@format_option("table", "json")
@global_options
@click.pass_context
def evaluate(ctx: click.Context, gold_dir: Path, docs_dir: Path, fmt: str) -> None:
    """Score the extractor on GOLD_DIR's figures over the documents in DOCS_DIR."""
    report = evaluate_dirs(gold_dir, docs_dir, registry=options(ctx).registry())
    if fmt == "json":
        write_json(report.to_json())
    else:
        print_report(stdout_console(), report)


commands: list[click.Command] = [extract, evaluate]
