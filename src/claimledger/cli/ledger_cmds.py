"""Commands over the ledger file: ingest, figures, stats, summary."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import click

from claimledger.api import Failed, ingest_documents
from claimledger.cli.batch import Tally, documents
from claimledger.cli.common import (
    allow_private_option,
    echo_warning,
    format_option,
    global_options,
    number,
    open_ledger,
    options,
    stdout_console,
    write_csv,
    write_json,
    write_jsonl,
)
from claimledger.cli.progress import IngestProgress
from claimledger.cli.render import counts_table, figures_table, print_summary
from claimledger.ingest import count_inputs
from claimledger.model import GOLD_KEYS, MODALITIES
from claimledger.summary import build_summary

FIGURE_FIELDS = (
    *GOLD_KEYS, "start", "end", "vague", "concept", "doc_id", "title", "outlet", "published", "url",
)  # fmt: skip


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Extract in this many processes (each loads the model once); one process writes.",
)
@click.option(
    "--quiet", "-q", is_flag=True, help="No progress and no summary line; errors still show."
)
@click.option(
    "--progress-every",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="When stderr is not a terminal, a progress line every N documents.",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786) "
    "instead of --workers; documents are read and stored here (README: Dask cluster).",
)
@allow_private_option
@global_options
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    workers: int,
    quiet: bool,
    progress_every: int,
    dask_address: str | None,
    allow_private: bool,
) -> None:
    """Read PATHs (files, directories, '-' for stdin, URLs) into the ledger.

    Re-ingesting a document already in the ledger changes nothing. On a terminal a progress
    bar shows documents, figures, errors, rate and time left.
    """
    registry = options(ctx).registry()
    tally = Tally()
    figures = 0
    shown = IngestProgress(count_inputs(paths), quiet=quiet, every=progress_every)
    with open_ledger(ctx, create=True) as ledger, shown:
        docs = documents(paths, tally, allow_private=allow_private)
        outcomes = ingest_documents(
            ledger, docs, registry, workers=workers, aliases=options(ctx).aliases,
            dask=dask_address,
        )  # fmt: skip
        for origin, _doc, outcome in outcomes:
            if isinstance(outcome, Failed):
                tally.fail(origin, outcome.reason)
            else:
                for warning in outcome.warnings:
                    echo_warning(f"{origin}: {warning}")
                if outcome.duplicate_of is not None:
                    click.echo(
                        f"note: {origin}: a near-duplicate of {outcome.duplicate_of} "
                        f"({outcome.similarity:.0%} alike); recorded as another origin of it",
                        err=True,
                    )
                figures += outcome.figures
                if outcome.added:
                    tally.done += 1
                else:
                    tally.known += 1
            shown.update(tally.done + tally.known + tally.failed, figures, tally.failed)
    if not quiet:
        click.echo(
            f"ingested {tally.done} new, {tally.known} already in the ledger, "
            f"{tally.failed} failed",
            err=True,
        )
    ctx.exit(tally.exit_code())


def figure_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored claim row in the jsonl/csv shape: the gold keys, span, concept, document."""
    record = {key: row.get(key) for key in FIGURE_FIELDS}
    record["from"], record["to"] = row.get("from_party"), row.get("to_party")
    for key in ("value", "low", "high"):
        record[key] = number(record[key])
    record["vague"] = bool(row.get("vague"))
    return record


def _jsonl_record(record: dict[str, Any]) -> dict[str, Any]:
    return record if record["vague"] else {k: v for k, v in record.items() if k != "vague"}


@click.command()
@click.option("--item", help="Item contains this text (case-insensitive).")
@click.option("--party", help="A party named as giver, receiver or source (or an alias).")
@click.option("--source", help="Source contains this text (case-insensitive).")
@click.option("--modality", type=click.Choice(MODALITIES), help="Only this modality.")
@click.option("--unit", help="Only this canonical unit (count, USD, t, percent...).")
@click.option("--doc", help="Only this document (file stem or id).")
@click.option("--search", help="Words that must all occur (full-text search).")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many figures.")
@format_option("table", "jsonl", "csv")
@global_options
@click.pass_context
def figures(ctx: click.Context, fmt: str, limit: int | None, **filters: str | None) -> None:
    """List the figures in the ledger, filtered."""
    with open_ledger(ctx) as ledger:
        rows = ledger.claim_rows(limit=limit, **filters)
    records = [figure_record(row) for row in rows]
    if not records and fmt == "table":
        click.echo("no figures match; try fewer filters", err=True)
        return
    _write_figures(records, fmt)


def _write_figures(records: Iterable[dict[str, Any]], fmt: str) -> None:
    if fmt == "jsonl":
        write_jsonl(_jsonl_record(r) for r in records)
    elif fmt == "csv":
        write_csv(records, FIGURE_FIELDS)
    else:
        stdout_console().print(figures_table(list(records)))


@click.command()
@format_option("table", "json")
@global_options
@click.pass_context
def stats(ctx: click.Context, fmt: str) -> None:
    """Count the documents, claims, flows, parties and checks in the ledger."""
    with open_ledger(ctx) as ledger:
        counts = ledger.stats()
    if fmt == "json":
        write_json(counts)
    else:
        stdout_console().print(counts_table(counts))


@click.command()
@format_option("table", "json")
@global_options
@click.pass_context
def summary(ctx: click.Context, fmt: str) -> None:
    """Show the documents, figures by item, the main exchange and the cross-checks."""
    with open_ledger(ctx) as ledger:
        built = build_summary(ledger, options(ctx).registry())
    if fmt == "json":
        write_json(built.to_json())
    else:
        print_summary(stdout_console(), built)


commands: list[click.Command] = [ingest, figures, stats, summary]
