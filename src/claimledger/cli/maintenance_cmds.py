"""Commands that change stored documents: `remove DOC...` and `reextract [DOC...]`.

Each document is changed in one transaction; reviews are never touched, and the checks are
recomputed by the next `checks` (or the web's next page load).
"""

from __future__ import annotations

import click

from claimledger.api import prepare, referenced_parties
from claimledger.cli.batch import Tally
from claimledger.cli.common import echo_warning, global_options, open_ledger, options
from claimledger.errors import ClaimledgerError
from claimledger.ingest.limits import Limits
from claimledger.model import Document
from claimledger.store import Ledger
from claimledger.store.rewrite import remove_document, replace_extraction


def _resolve(ledger: Ledger, names: tuple[str, ...], tally: Tally) -> list[Document]:
    """The stored documents named (id or name); an unknown name is one error line."""
    found: list[Document] = []
    for name in names:
        doc = ledger.document(name)
        if doc is None:
            tally.fail(name, "no such document in the ledger (give its name or id)")
        else:
            found.append(doc)
    return found


@click.command()
@click.argument("docs", nargs=-1, required=True)
@global_options
@click.pass_context
def remove(ctx: click.Context, docs: tuple[str, ...]) -> None:
    """Remove DOCs (names or ids) with their figures and flows; reviews stay."""
    tally = Tally()
    with open_ledger(ctx) as ledger:
        for doc in _resolve(ledger, docs, tally):
            claims = remove_document(ledger, doc.id)
            tally.done += 1
            click.echo(f"removed {doc.name} ({doc.id}): {claims} figures", err=True)
    ctx.exit(tally.exit_code())


@click.command()
@click.argument("docs", nargs=-1)
@global_options
@click.pass_context
def reextract(ctx: click.Context, docs: tuple[str, ...]) -> None:
    """Extract DOCs (default: every stored document) again from their stored text, after
    an extractor upgrade. A figure found again at the same span keeps its id, so reviews of
    checks among unchanged figures still apply."""
    registry = options(ctx).registry()
    tally = Tally()
    totals = [0, 0, 0]
    with open_ledger(ctx) as ledger:
        targets = _resolve(ledger, docs, tally) if docs else ledger.documents()
        for doc in targets:
            try:
                prepared = prepare(doc, registry, Limits.from_env())
            except ClaimledgerError as exc:
                tally.fail(doc.name, getattr(exc, "reason", str(exc)))
                continue
            except Exception as exc:  # one document's failure must not end the run
                tally.fail(doc.name, f"extraction failed ({type(exc).__name__}: {exc})")
                continue
            for warning in prepared.warnings:
                echo_warning(f"{doc.name}: {warning}")
            found = prepared.extraction
            parties = referenced_parties(registry, found.claims, found.flows)
            changed = replace_extraction(ledger, doc, found.claims, found.flows, parties)
            totals = [t + n for t, n in zip(totals, (changed.kept, changed.added,
                                                      changed.dropped), strict=True)]  # fmt: skip
            tally.done += 1
    kept, added, dropped = totals
    click.echo(
        f"re-extracted {tally.done} documents: {kept} figures kept, {added} new, "
        f"{dropped} gone, {tally.failed} failed",
        err=True,
    )
    ctx.exit(tally.exit_code())


commands: list[click.Command] = [remove, reextract]
