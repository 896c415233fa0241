"""Commands over parties and flows: flows, exchange, parties, party."""

from __future__ import annotations

import click
from rich.table import Table

from claimledger.cli.common import (
    format_option,
    global_options,
    open_ledger,
    options,
    stdout_console,
    write_json,
    write_jsonl,
)
from claimledger.exchange import (
    ExchangeLine,
    exchange,
    flow_summary,
    party_counts,
    party_profile,
    resolve_party,
)


def _lines_table(title: str, lines: list[ExchangeLine]) -> Table:
    table = Table(title=title, show_lines=False)
    for column in ("from", "to", "concept", "figures", "claims", "first", "last", "sources"):
        table.add_column(column)
    for line in lines:
        table.add_row(
            line.giver, line.receiver, line.concept, line.span() or "—", str(line.claims),
            line.first or "", line.last or "", "; ".join(line.sources),
        )  # fmt: skip
    return table


@click.command()
@click.option("--from", "giver", help="Only flows from this party (name or alias).")
@click.option("--to", "receiver", help="Only flows to this party (name or alias).")
@click.option("--item", "concept", help="Only flows of this item concept (e.g. 'troops').")
@global_options
@format_option("table", "jsonl")
@click.pass_context
def flows(
    ctx: click.Context, giver: str | None, receiver: str | None, concept: str | None, fmt: str
) -> None:
    """Flows between parties: claims, merged figures, first and last date, sources."""
    registry = options(ctx).registry()
    giver = resolve_party(giver, registry) if giver else None
    receiver = resolve_party(receiver, registry) if receiver else None
    with open_ledger(ctx) as ledger:
        lines = flow_summary(ledger, giver=giver, receiver=receiver, concept=concept)
    if fmt == "jsonl":
        write_jsonl(line.to_json() for line in lines)
        return
    stdout_console().print(_lines_table("Flows", lines))


@click.command(name="exchange")
@click.argument("party_a")
@click.argument("party_b")
@global_options
@format_option("table", "jsonl")
@click.pass_context
def exchange_cmd(ctx: click.Context, party_a: str, party_b: str, fmt: str) -> None:
    """The two-column ledger of what PARTY_A gives PARTY_B and what PARTY_B gives PARTY_A."""
    registry = options(ctx).registry()
    with open_ledger(ctx) as ledger:
        lines = exchange(ledger, party_a, party_b, registry)
    if fmt == "jsonl":
        write_jsonl(line.to_json() for line in lines)
        return
    a, b = resolve_party(party_a, registry), resolve_party(party_b, registry)
    console = stdout_console()
    for giver, receiver in ((a, b), (b, a)):
        side = [ln for ln in lines if ln.giver == giver and ln.receiver == receiver]
        table = Table(title=f"{giver} → {receiver}")
        for column in ("what", "words used", "figures", "claims", "sources"):
            table.add_column(column)
        for line in side:
            table.add_row(
                line.concept, ", ".join(line.items[:4]), line.span() or "—", str(line.claims),
                "; ".join(line.sources),
            )  # fmt: skip
        if not side:
            table.add_row("(nothing recorded)", "", "", "", "")
        console.print(table)


@click.command()
@global_options
@format_option("table", "jsonl")
@click.pass_context
def parties(ctx: click.Context, fmt: str) -> None:
    """Parties that give or receive something in the ledger, with their flow counts."""
    registry = options(ctx).registry()
    with open_ledger(ctx) as ledger:
        rows = party_counts(ledger)
    records = []
    for name, out, into in rows:
        party = registry.resolve(name)
        records.append({
            "name": name, "kind": party.kind if party else None, "flows_out": out,
            "flows_in": into, "aliases": list(party.aliases[:6]) if party else [],
        })  # fmt: skip
    if fmt == "jsonl":
        write_jsonl(records)
        return
    table = Table(title="Parties")
    for column in ("name", "kind", "out", "in", "aliases"):
        table.add_column(column)
    for r in records:
        table.add_row(
            r["name"], r["kind"] or "", str(r["flows_out"]), str(r["flows_in"]),
            ", ".join(r["aliases"]),
        )  # fmt: skip
    stdout_console().print(table)


@click.command()
@click.argument("name")
@global_options
@format_option("table", "json")
@click.pass_context
def party(ctx: click.Context, name: str, fmt: str) -> None:
    """One party: aliases, mentions, flows in and out."""
    registry = options(ctx).registry()
    with open_ledger(ctx) as ledger:
        profile = party_profile(ledger, name, registry)
    if fmt == "json":
        write_json({
            "name": profile.party.name, "kind": profile.party.kind,
            "aliases": profile.aliases, "mentions": profile.mentions,
            "flows_out": [line.to_json() for line in profile.flows_out],
            "flows_in": [line.to_json() for line in profile.flows_in],
        })  # fmt: skip
        return
    console = stdout_console()
    console.print(f"[bold]{profile.party.name}[/] ({profile.party.kind})")
    console.print(f"aliases: {', '.join(profile.aliases) or '—'}")
    console.print(f"claims naming it: {profile.mentions}")
    console.print(_lines_table("Gives", profile.flows_out))
    console.print(_lines_table("Receives", profile.flows_in))


commands: list[click.Command] = [flows, exchange_cmd, parties, party]
