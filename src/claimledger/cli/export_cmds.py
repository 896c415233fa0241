"""Commands that take the ledger elsewhere: `export` (csv, jsonl, parquet, FollowTheMoney,
GraphML, GEXF) and `report` (the briefing as HTML, Markdown or PDF)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from claimledger.cli.common import global_options, open_ledger, options
from claimledger.errors import UsageError
from claimledger.export import FORMATS, TABLES, Selection, export_ledger
from claimledger.model import MODALITIES, VERDICTS
from claimledger.store.queries import ClaimFilter

F = TypeVar("F", bound=Callable[..., Any])

# --out suffixes that name a format when --format is not given.
SUFFIX_FORMATS = {
    ".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet", ".ftm": "ftm",
    ".graphml": "graphml", ".gexf": "gexf",
}  # fmt: skip


def filter_options(func: F) -> F:
    """The claim filters both commands share (those of `figures`, plus --between)."""
    for decorator in reversed((
        click.option("--item", help="Item contains this text (case-insensitive)."),
        click.option("--party", help="A party named as giver, receiver or source (or alias)."),
        click.option("--source", help="Source contains this text (case-insensitive)."),
        click.option("--modality", help=f"Only this modality ({', '.join(MODALITIES)})."),
        click.option("--unit", help="Only this canonical unit (count, USD, t, percent...)."),
        click.option("--concept", help="Only this item concept (troops, salary...)."),
        click.option("--doc", help="Only this document (file stem or id)."),
        click.option("--search", help="Words that must all occur (full-text search)."),
        click.option("--verdict", help=f"Only figures a check finds {' / '.join(VERDICTS)}."),
        click.option("--between", nargs=2, metavar="A B",
                     help="Only figures dated from A to B (YYYY, YYYY-MM or YYYY-MM-DD)."),
    )):  # fmt: skip
        func = decorator(func)
    return func


def selection_of(filters: dict[str, Any]) -> Selection:
    """The Selection the filter options ask for; an unknown modality is a usage error."""
    modality = filters.get("modality")
    if modality is not None and modality not in MODALITIES:
        raise UsageError(f"unknown modality {modality!r}; use one of: {', '.join(MODALITIES)}")
    verdict = filters.get("verdict")
    if verdict is not None and verdict not in VERDICTS:
        raise UsageError(f"unknown verdict {verdict!r}; use one of: {', '.join(VERDICTS)}")
    between = filters.pop("between", None) or None
    claims = ClaimFilter(**{k: v for k, v in filters.items() if v not in (None, "")})
    return Selection(claims=claims, between=tuple(between) if between else None)


def _format_for(fmt: str | None, out: Path) -> str:
    if fmt:
        return fmt.lower()
    name = out.name.lower()
    if name.endswith(".ftm.json"):
        return "ftm"
    found = SUFFIX_FORMATS.get(out.suffix.lower())
    if found is None:
        raise UsageError(
            f"{out}: cannot tell the export format from the name; give --format "
            f"({', '.join(FORMATS)})"
        )
    return found


@click.command(name="export")
@click.option(
    "--format",
    "fmt",
    metavar="FORMAT",
    help=f"One of: {', '.join(FORMATS)} [default: from the --out suffix].",
)
@click.option(
    "--out", type=click.Path(path_type=Path), help="The file to write (a folder for --table all)."
)
@click.option(
    "--table",
    default="claims",
    show_default=True,
    help=f"For csv, jsonl and parquet: {', '.join(TABLES)} or all.",
)
@filter_options
@global_options
@click.pass_context
def export_cmd(
    ctx: click.Context, fmt: str | None, out: Path | None, table: str, **filters: Any
) -> None:
    """Write the ledger (or the filtered part of it) for another tool.

    csv, jsonl and parquet write one table (claims, flows, groups or checks; every row with
    its document, quote and offsets); ftm writes FollowTheMoney entities as JSON lines;
    graphml and gexf write the party-flow graph.
    """  # fmt: skip
    if out is None:
        raise UsageError("export: give --out PATH, the file to write")
    chosen = _format_for(fmt, out)
    selection = selection_of(filters)
    with open_ledger(ctx) as ledger:
        counts = export_ledger(
            ledger, chosen, out, selection=selection, registry=options(ctx).registry(),
            table=table.lower(),
        )  # fmt: skip
    written = ", ".join(f"{n} {name}" for name, n in counts.items())
    click.echo(f"wrote {written} to {out}", err=True)


@click.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="brief.html, brief.md or brief.pdf: the suffix picks the format.",
)
@click.option("--title", help="The report's title [default: from the ledger's top pair].")
@filter_options
@global_options
@click.pass_context
def report(ctx: click.Context, out: Path | None, title: str | None, **filters: Any) -> None:
    """Write a briefing: key figures with their range across origins, the exchange, a flow
    chart and a timeline, conflicts and failed arithmetic, numbered citations."""
    from claimledger.export.report import write_report

    if out is None:
        raise UsageError("report: give --out brief.html, brief.md or brief.pdf")
    selection = selection_of(filters)
    with open_ledger(ctx) as ledger:
        written = write_report(
            ledger, out, selection=selection, registry=options(ctx).registry(), title=title
        )
    click.echo(f"wrote {written} to {out}", err=True)


commands: list[click.Command] = [export_cmd, report]
