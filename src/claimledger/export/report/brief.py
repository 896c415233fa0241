"""What a briefing says, computed once for every output format: key figures with their
range across origins, the exchange between the top pair, the flows and dated figures the
charts draw, conflicts and failed arithmetic, and numbered citations.

Everything comes from the export tables of one selection, so a filtered report and a
filtered export cover the same figures.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimledger import display
from claimledger.exchange import ExchangeLine
from claimledger.export.tables import ExportData

MAX_KEY_FIGURES = 14
MAX_VALUES = 6  # values listed in one key figure
MAX_CHECKS = 25  # conflicts, and failed arithmetic, listed in full
MAX_MEMBERS = 6  # figures listed under one check
MAX_CITES = 8  # citations behind one value or exchange line; the rest are counted only


@dataclass
class Citation:
    """One numbered reference: a quote, its sentence and where the document is."""

    number: int
    claim_id: str
    doc: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    path: str | None
    quote: str
    start: int
    end: int
    sentence: str | None
    sentence_start: int

    def sentence_parts(self) -> tuple[str, str, str]:
        """The sentence split around the quote (before, quote, after), for highlighting."""
        sentence = self.sentence or ""
        lo = self.start - self.sentence_start
        hi = self.end - self.sentence_start
        if 0 <= lo <= hi <= len(sentence) and sentence[lo:hi] == self.quote:
            return sentence[:lo], self.quote, sentence[hi:]
        return "", self.quote, ""


class Citations:
    """Numbers cited figures in the order the briefing first cites them."""

    def __init__(self) -> None:
        self.by_id: dict[str, Citation] = {}

    def cite(self, row: dict[str, Any]) -> int:
        key = row["claim_id"]
        if key not in self.by_id:
            self.by_id[key] = Citation(
                number=len(self.by_id) + 1, claim_id=key, doc=row["doc"],
                title=row.get("doc_title"), outlet=row.get("outlet"),
                published=row.get("published"), url=row.get("url"), path=row.get("doc_path"),
                quote=row["quote"], start=row["start"], end=row["end"],
                sentence=row.get("sentence"), sentence_start=row.get("sent_start") or 0,
            )  # fmt: skip
        return self.by_id[key].number

    def number(self, claim_id: str) -> int:
        """The number of an already cited figure, else 0."""
        found = self.by_id.get(claim_id)
        return found.number if found else 0

    def all(self) -> list[Citation]:
        return sorted(self.by_id.values(), key=lambda c: c.number)


@dataclass
class ValueLine:
    """One value a key figure takes, the origins that state it, and its citations."""

    text: str
    origins: list[str]
    cites: list[int]


@dataclass
class KeyFigure:
    """Claims about one quantity: their range across origins, values and verdicts."""

    label: str
    scale: str  # 'count', 'USD', 'USD/month'
    range: str
    origins: int
    claims: int
    values: list[ValueLine]
    verdicts: dict[str, int]  # figures cited by a consistent / conflict check


@dataclass
class ExchangeRow:
    giver: str
    receiver: str
    concept: str
    figures: str
    claims: int
    sources: list[str]
    cites: list[int]


@dataclass
class PairFlow:
    """All flows from one party to another, for the flow chart."""

    giver: str
    receiver: str
    flows: int
    concepts: list[tuple[str, int]]


@dataclass
class DatedFigure:
    concept: str
    date: str
    figure: str
    modality: str
    cite: int


@dataclass
class Member:
    figure: str
    doc: str
    origin: str | None
    cite: int


@dataclass
class CheckItem:
    verdict: str
    kind: str
    note: str
    members: list[Member]
    more: int = 0


@dataclass
class Brief:
    """The whole briefing, ready for a template."""

    title: str
    scope: str  # the filters, in words
    counts: dict[str, int]
    dates: tuple[str | None, str | None]
    key_figures: list[KeyFigure] = field(default_factory=list)
    exchange_pair: tuple[str, str] | None = None
    exchange: list[ExchangeRow] = field(default_factory=list)
    pair_flows: list[PairFlow] = field(default_factory=list)
    dated: list[DatedFigure] = field(default_factory=list)
    conflicts: list[CheckItem] = field(default_factory=list)
    failures: list[CheckItem] = field(default_factory=list)
    more_conflicts: int = 0
    more_failures: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    citations: list[Citation] = field(default_factory=list)


def _scale(row: dict[str, Any]) -> str:
    unit = row.get("unit") or "count"
    return f"{unit}/{row['per']}" if row.get("per") else unit


def _range(rows: list[dict[str, Any]]) -> str:
    """The range the figures span on their one scale: '10,000–16,000', '$800–$2,000/month'."""
    return display.span(rows) or "—"


def _value_key(row: dict[str, Any]) -> str:
    return row["value_text"] or row["figure"]


def _value_keys(rows: list[dict[str, Any]]) -> list[str]:
    """The distinct agreeing values of some figures, in the order `_key_figure` lists them."""
    return list(dict.fromkeys(_value_key(row) for row in rows))


def _same_quantity(data: ExportData) -> dict[str, set[str]]:
    """Figures a group check found to agree or conflict with another (the same quantity),
    with those verdicts. Figures linked only by a different scope widen no range."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in data.rows("checks"):
        if row["kind"] == "group" and row["verdict"] in ("consistent", "conflict"):
            found[row["claim_id"]].add(row["verdict"])
    return found


def _key_figure(rows: list[dict[str, Any]], checked: dict[str, set[str]]) -> KeyFigure:
    """A key figure; its verdicts count its figures that a check of each verdict cites."""
    values: dict[str, ValueLine] = {}  # by the agreeing value reconcile found
    for row in rows:
        line = values.setdefault(_value_key(row), ValueLine(row["figure"], [], []))
        for origin in (row["value_origins"] or row["origin"] or "").split("; "):
            if origin and origin not in line.origins:
                line.origins.append(origin)
    verdicts = Counter(verdict for row in rows for verdict in checked[row["claim_id"]])
    origins = {o for line in values.values() for o in line.origins}
    labels = Counter(row["concept"] or row["item"] or "figure" for row in rows)
    label = min(labels, key=lambda name: (-labels[name], name))
    return KeyFigure(label, _scale(rows[0]), _range(rows), len(origins), len(rows),
                     list(values.values()), dict(sorted(verdicts.items())))  # fmt: skip


def _key_figures(data: ExportData, cites: Citations) -> list[KeyFigure]:
    """One key figure per group and scale, from the figures that state one quantity."""
    core = _same_quantity(data)
    buckets: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in data.rows("groups"):
        if row["claim_id"] in core:
            buckets[(row["group_id"], _scale(row))].append(row)
    found = [(rows, _key_figure(rows, core)) for rows in buckets.values() if len(rows) > 1]
    found.sort(key=lambda pair: (-pair[1].origins, -pair[1].claims, pair[1].label))
    chosen = found[:MAX_KEY_FIGURES]
    for rows, key in chosen:  # numbered in reading order, once the figures are ranked
        lines = dict(zip(_value_keys(rows), key.values, strict=True))
        for row in rows:
            line = lines[_value_key(row)]
            if len(line.cites) < MAX_CITES:
                line.cites.append(cites.cite(row))
        key.values = sorted(key.values, key=lambda v: (-len(v.origins), v.text))[:MAX_VALUES]
    return [key for _, key in chosen]


def _top_pair(flows: list[dict[str, Any]]) -> tuple[str, str] | None:
    pairs = Counter(
        tuple(sorted((row["giver"], row["receiver"])))
        for row in flows if row.get("giver") and row.get("receiver")
    )  # fmt: skip
    if not pairs:
        return None
    (a, b), _ = min(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    return a, b


def _exchange(
    flows: list[dict[str, Any]], pair: tuple[str, str], cites: Citations
) -> list[ExchangeRow]:
    lines: dict[tuple[str, str, str], ExchangeLine] = {}
    rows_of: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in flows:
        if {row.get("giver"), row.get("receiver")} != set(pair) or row["giver"] == row["receiver"]:
            continue
        key = (row["giver"], row["receiver"], row["flow_concept"])
        line = lines.setdefault(key, ExchangeLine(giver=key[0], receiver=key[1], concept=key[2]))
        line.claims += 1
        rows_of[key].append(row)
        if row.get("claim_id"):
            line.figures.append({k: row.get(k) for k in ("value", "low", "high", "unit")})
            if row.get("origin") and row["origin"] not in line.sources:
                line.sources.append(row["origin"])
        elif row["doc"] not in line.sources:
            line.sources.append(row.get("outlet") or row["doc"])
    order = sorted(lines, key=lambda k: (k[0] != pair[0], -lines[k].claims, k[2]))
    out = []
    for key in order:
        line = lines[key]
        with_figure = [r for r in rows_of[key] if r.get("claim_id")]
        numbers = [cites.cite(r) for r in with_figure[:MAX_CITES]]
        out.append(ExchangeRow(line.giver, line.receiver, line.concept, line.span(),
                               line.claims, sorted(line.sources), numbers))  # fmt: skip
    return out


def _pair_flows(flows: list[dict[str, Any]], limit: int = 10) -> list[PairFlow]:
    concepts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in flows:
        if row.get("giver") and row.get("receiver") and row["giver"] != row["receiver"]:
            concepts[(row["giver"], row["receiver"])][row["flow_concept"]] += 1
    found = [
        PairFlow(g, r, sum(c.values()), sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
        for (g, r), c in concepts.items()
    ]
    return sorted(found, key=lambda p: (-p.flows, p.giver, p.receiver))[:limit]


def _dated(claims: list[dict[str, Any]], cites: Citations, lanes: int = 8) -> list[DatedFigure]:
    """Dated figures of the busiest concepts; a dot shows its citation number when the
    briefing cites it elsewhere (0 otherwise), so the chart adds no references."""
    dated = [row for row in claims if row.get("date_key") and (row["concept"] or row["item"])]
    counts = Counter(row["concept"] or row["item"] for row in dated)
    top = {name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:lanes]}
    return [
        DatedFigure(row["concept"] or row["item"], row["date_key"], row["figure"],
                    row["modality"], cites.number(row["claim_id"]))
        for row in dated if (row["concept"] or row["item"]) in top
    ]  # fmt: skip


def _checks(data: ExportData, verdict: str, cites: Citations) -> tuple[list[CheckItem], int]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in data.rows("checks"):
        if row["verdict"] == verdict:
            grouped[row["check_id"]].append(row)
    items = []
    for rows in list(grouped.values())[:MAX_CHECKS]:
        members = [
            Member(row["figure"], row["doc"], row.get("origin"), cites.cite(row))
            for row in rows[:MAX_MEMBERS]
        ]
        items.append(CheckItem(verdict, rows[0]["kind"], rows[0]["note"], members,
                               max(0, len(rows) - MAX_MEMBERS)))  # fmt: skip
    return items, max(0, len(grouped) - MAX_CHECKS)


def build_brief(data: ExportData, *, title: str | None = None, scope: str = "") -> Brief:
    """The briefing of one selection's export tables."""
    cites = Citations()
    claims, flows = data.rows("claims"), data.rows("flows")
    pair = _top_pair(flows)
    dates = sorted(row["date_key"] for row in claims if row.get("date_key"))
    check_ids = {row["check_id"]: row["verdict"] for row in data.rows("checks")}
    brief = Brief(
        title=title or (f"Briefing: {pair[0]} and {pair[1]}" if pair else "Ledger briefing"),
        scope=scope,
        counts={
            "documents": len({row["doc_id"] for row in claims}),
            "figures": len(claims),
            "flows": len(flows),
            "checks": len(check_ids),
        },
        dates=(dates[0], dates[-1]) if dates else (None, None),
        verdicts=dict(Counter(check_ids.values())),
    )
    brief.key_figures = _key_figures(data, cites)  # cited in reading order from here
    if pair is not None:
        brief.exchange_pair = pair
        brief.exchange = _exchange(flows, pair, cites)
    brief.conflicts, brief.more_conflicts = _checks(data, "conflict", cites)
    brief.failures, brief.more_failures = _checks(data, "inconsistent", cites)
    brief.pair_flows = _pair_flows(flows)
    brief.dated = _dated(claims, cites)
    brief.citations = cites.all()
    return brief
