"""Rich tables for the terminal: figures, stats, the ledger summary, an evaluation report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.console import Console
from rich.table import Table

from claimledger import display
from claimledger.evaluate import Report
from claimledger.summary import Summary

FIGURE_COLUMNS = ("doc", "quote", "figure", "item", "source", "modality", "when")


def _columns(table: Table, names: Iterable[str], right: Iterable[str] = ()) -> Table:
    """Add folding columns; those in `right` are right-aligned (numbers)."""
    right = set(right)
    for name in names:
        table.add_column(name, overflow="fold", justify="right" if name in right else "left")
    return table


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return display.number(value)
    return str(value)


def figure_value(record: Mapping[str, Any]) -> str:
    """The figure of a record as `display.figure` words it (qualifier, range, unit, rate)."""
    if record.get("value") is None and record.get("low") is None and record.get("high") is None:
        return ""
    return display.figure(record)


def figures_table(records: Iterable[Mapping[str, Any]], title: str = "Figures") -> Table:
    """One row per figure record (the `extract`/`figures` jsonl shape)."""
    table = _columns(Table(title=title), FIGURE_COLUMNS, right=["figure"])
    for record in records:
        cells = [
            figure_value(record) if column == "figure" else _cell(record.get(column))
            for column in FIGURE_COLUMNS
        ]
        table.add_row(*cells)
    return table


def counts_table(counts: Mapping[str, int], title: str = "Ledger") -> Table:
    table = _columns(Table(title=title), ("table", "rows"), right=["rows"])
    for name, count in counts.items():
        table.add_row(name, f"{count:,}")
    return table


def print_summary(console: Console, summary: Summary) -> None:
    """Documents with outlet and date, then figures grouped by item concept."""
    docs = _columns(
        Table(title=f"Documents ingested ({len(summary.documents)})"),
        ("document", "outlet", "published", "title", "figures"),
        right=["figures"],
    )
    for doc in summary.documents:
        docs.add_row(
            doc.name, doc.outlet or "", doc.published or "", doc.title or "", str(doc.figures)
        )
    console.print(docs)
    figures = _columns(
        Table(title=f"Figures by item ({summary.counts.get('claims', 0)})"),
        ("item", "figure", "unit", "doc", "source"),
        right=["value"],
    )
    for group in summary.groups:
        for number, fig in enumerate(group.figures):
            unit = f"{fig.unit}/{fig.per}" if fig.per else fig.unit
            figures.add_row(
                group.concept if number == 0 else "",
                fig.value,
                unit,
                fig.doc,
                fig.source or "",
                end_section=number == len(group.figures) - 1,
            )
    console.print(figures)
    _print_exchange(console, summary)
    _print_checks(console, summary)


def _print_exchange(console: Console, summary: Summary) -> None:
    if not summary.exchange:
        return
    first = summary.exchange[0]
    table = _columns(
        Table(title=f"Exchange: {first.giver} ⇄ {first.receiver}"),
        ("from → to", "what", "figures", "claims", "sources"),
        right=["claims"],
    )
    for row in summary.exchange:
        table.add_row(
            f"{row.giver} → {row.receiver}", row.concept, row.figures or "(no figure)",
            str(row.claims), "; ".join(row.sources),
        )  # fmt: skip
    console.print(table)


def _print_checks(console: Console, summary: Summary) -> None:
    counts = ", ".join(f"{n} {v}" for v, n in sorted(summary.verdicts.items()))
    table = _columns(
        Table(title=f"Cross-checks ({counts or 'none'})"),
        ("verdict", "figures", "why"),
    )
    shown = [c for c in summary.checks if c.verdict != "consistent"][:12]
    for check in shown:
        table.add_row(check.verdict, "\n".join(check.quotes[:4]), check.note)
    console.print(table)


def print_report(console: Console, report: Report) -> None:
    """Scores, field accuracies, per-document counts, misses and spurious figures."""
    columns = ("tp", "fp", "fn", "precision", "recall", "f1")
    scores = _columns(Table(title="Figures"), columns, right=columns)
    f = report.figures
    scores.add_row(
        str(f.tp), str(f.fp), str(f.fn), f"{f.precision:.3f}", f"{f.recall:.3f}", f"{f.f1:.3f}"
    )
    console.print(scores)
    title = f"Field accuracy on {len(report.matched)} matched figures"
    fields = _columns(Table(title=title), ("field", "accuracy"), right=["accuracy"])
    for name, accuracy in report.fields.items():
        fields.add_row(name, f"{accuracy:.3f}")
    console.print(fields)
    docs = _columns(Table(title="Documents"), ("doc", "tp", "fp", "fn"), right=("tp", "fp", "fn"))
    for doc, counts in report.documents.items():
        docs.add_row(doc, str(counts.tp), str(counts.fp), str(counts.fn))
    console.print(docs)
    if report.misses:
        console.print(figures_table(report.misses, title="Missed (gold, not matched)"))
    if report.spurious:
        console.print(figures_table(report.spurious, title="Spurious (predicted, not matched)"))
