"""`claimledger watch FEED_URL...`: poll feeds, ingest new entries, print alerts as JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimledger.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    allow_private_option,
    echo_error,
    global_options,
    open_ledger,
    options,
    write_jsonl,
)
from claimledger.ingest.url import is_url
from claimledger.ingest.watch import watch as watch_feeds


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option(
    "--interval",
    type=click.FloatRange(min=0),
    default=900.0,
    show_default=True,
    help="Seconds between polls.",
)
@click.option(
    "--max-polls",
    type=click.IntRange(min=1),
    help="Stop after this many polls [default: run until interrupted].",
)
@click.option("--item", "items", multiple=True, help="Alert on every new figure whose item "
              "or concept contains this text (repeatable).")  # fmt: skip
@click.option(
    "--log",
    "log_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also append every alert to this file, one JSON object a line.",
)
@allow_private_option
@global_options
@click.pass_context
def watch(
    ctx: click.Context,
    feeds: tuple[str, ...],
    interval: float,
    max_polls: int | None,
    items: tuple[str, ...],
    log_file: Path | None,
    allow_private: bool,
) -> None:
    """Poll RSS/Atom FEEDS, ingest the entries not seen before, and print alerts.

    After each poll: one JSON line per new conflict, new figure for a watched --item, and
    new independent origin (a new document's figure agreeing with other documents'), then
    a line {"alert": "poll", ...} with the counts. Fetch errors are `error:` lines on
    stderr; the watch goes on.
    """
    bad = [feed for feed in feeds if not is_url(feed)]
    if bad:
        raise click.BadParameter(f"not an http(s) URL: {bad[0]}", param_hint="FEEDS")
    failed = False
    any_read = False
    registry = options(ctx).registry()
    with open_ledger(ctx, create=True) as ledger:
        polls = watch_feeds(ledger, feeds, registry, interval=interval, max_polls=max_polls,
                            items=items, allow_private=allow_private)  # fmt: skip
        for result in polls:
            any_read = any_read or result.feeds_read > 0
            for error in result.errors:
                echo_error(str(error))
                failed = True
            summary = {"alert": "poll", "poll": result.number, "documents": len(result.added),
                       "alerts": len(result.alerts), "errors": len(result.errors)}  # fmt: skip
            lines = [{**alert, "poll": result.number} for alert in result.alerts] + [summary]
            write_jsonl(lines)
            if log_file is not None:
                with log_file.open("a", encoding="utf-8") as log:
                    log.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    # The contract's codes: 2 when every input failed (no feed was ever read), 3 when some did.
    ctx.exit(EXIT_OK if not failed else EXIT_PARTIAL if any_read else EXIT_USAGE)


commands: list[click.Command] = [watch]
