"""Cross-checking commands: `checks` (the ledger's groups and arithmetic checks) and
`check ARTICLE` (a new article against the ledger, stored nowhere; exit 1 on a conflict
or failed arithmetic, so it can gate an editorial workflow)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import click
from rich.table import Table

from claimledger.cli.batch import Tally, extractions
from claimledger.cli.common import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    allow_private_option,
    format_option,
    global_options,
    open_ledger,
    options,
    stdout_console,
    write_json,
    write_jsonl,
)
from claimledger.model import VERDICTS
from claimledger.reconcile import (
    ArticleReport,
    check_document,
    checks_are_stale,
    describe_figure,
    reconcile,
)


def check_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored check in the contract's jsonl shape (DESIGN.md § Contracts)."""
    return {
        "claims": [
            {"doc": c["doc"], "quote": c["quote"], "start": c["start"], "end": c["end"]}
            for c in row["claims"]
        ],
        "verdict": row["verdict"],
        "note": row["note"],
    }


def _checks_table(rows: Iterable[dict[str, Any]]) -> Table:
    table = Table(title="Checks")
    for name in ("verdict", "kind", "claims", "note"):
        table.add_column(name, overflow="fold")
    for row in rows:
        claims = "\n".join(f"{c['doc']}: {c['quote']}" for c in row["claims"])
        table.add_row(row["verdict"], row["kind"], claims, row["note"])
    return table


@click.command()
@click.option("--verdict", type=click.Choice(VERDICTS), help="Only checks with this verdict.")
@click.option("--refresh", is_flag=True, help="Recompute the checks even if they are current.")
@format_option("table", "jsonl")
@global_options
@click.pass_context
def checks(ctx: click.Context, verdict: str | None, refresh: bool, fmt: str) -> None:
    """List groups of alike figures and arithmetic checks, with their verdicts.

    The checks are recomputed first when figures were added since they were last computed.
    """
    with open_ledger(ctx) as ledger:
        if refresh or checks_are_stale(ledger):
            click.echo("cross-checking the ledger...", err=True)
            result = reconcile(ledger, registry=options(ctx).registry())
            click.echo(
                f"{result.claims} figures, {result.blocks} blocks, {len(result.checks)} checks",
                err=True,
            )
        rows = ledger.checks(verdict)
    if fmt == "jsonl":
        write_jsonl(check_record(row) for row in rows)
    else:
        stdout_console().print(_checks_table(rows))


def _print_report(report: ArticleReport) -> None:
    console = stdout_console()
    console.print(f"[bold]{report.document.name}[/bold]: {len(report.figures)} figures")
    for figure in report.figures:
        console.print(f"  {describe_figure(figure)}", markup=False)
    for check in report.arithmetic:
        console.print(f"  arithmetic ({check.kind}) {check.verdict}: {check.note}", markup=False)
    verdict = "FAILED: a conflict or failed arithmetic" if report.failed else "ok"
    console.print(f"  {verdict}", markup=False)


@click.command()
@click.argument("article")
@format_option("table", "json")
@allow_private_option
@global_options
@click.pass_context
def check(ctx: click.Context, article: str, fmt: str, allow_private: bool) -> None:
    """Check ARTICLE (a file, '-' or a URL) against the ledger without storing it.

    For each figure: corroborated (by N independent origins), conflicting (with what and
    where), different scope, or new; then the article's own arithmetic. Exits 1 when
    something conflicts or fails, 0 otherwise.
    """
    registry = options(ctx).registry()
    tally = Tally()
    failed = False
    reports: list[ArticleReport] = []
    with open_ledger(ctx) as ledger:
        for _, extraction in extractions([article], registry, tally, allow_private=allow_private):
            report = check_document(ledger, extraction, registry=registry)
            failed = failed or report.failed
            reports.append(report)
    for report in reports:
        if fmt == "json":
            write_json(report.to_json())
        else:
            _print_report(report)
    if tally.failed:
        ctx.exit(tally.exit_code())
    ctx.exit(EXIT_CHECK_FAILED if failed else EXIT_OK)


commands: list[click.Command] = [checks, check]
