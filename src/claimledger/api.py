"""The Python API over the stages: what the CLI and the web call to put documents in a ledger."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from claimledger.errors import ClaimledgerError, InputError
from claimledger.ingest.limits import MAX_FIGURES_ENV, MAX_MAGNITUDE, Limits, time_budget
from claimledger.model import Claim, Document, Flow, Party
from claimledger.parties import PartyRegistry, parse_role
from claimledger.store import Ledger
from claimledger.store.duplicates import add_origin, near_duplicate, remember

if TYPE_CHECKING:
    from claimledger.extract.pipeline import Extraction

T = TypeVar("T")


def referenced_parties(
    registry: PartyRegistry, claims: Sequence[Claim], flows: Sequence[Flow]
) -> list[Party]:
    """The registry's parties named by claims (from, to, source) and flows (giver, receiver)."""
    names: list[str] = []
    for claim in claims:
        names.extend(n for n in (claim.from_, claim.to, claim.source) if n)
    for flow in flows:
        names.extend(n for n in (flow.giver, flow.receiver) if n)
    found: dict[str, Party] = {}
    for name in names:
        for part in (name, *name.split(" and ")):  # several receivers are joined with " and "
            party = registry.resolve(part.strip())
            if party is not None:
                found.setdefault(party.name, party)
    for claim in claims:
        if claim.source and registry.resolve(claim.source) is None:
            party = source_party(claim.source, registry)
            if party is not None and party.name not in found:
                found[party.name] = party
            elif party is not None:  # the same person under another title: one more alias
                known = found[party.name]
                aliases = tuple(dict.fromkeys((*known.aliases, *party.aliases)))
                found[party.name] = Party(
                    known.name, known.kind, aliases, known.code, known.affiliation
                )
    return list(found.values())


_ORGANISATION_HEADS = frozenset({
    "agency", "service", "ministry", "institute", "bank", "office", "council", "committee",
    "forum", "group", "company", "media", "news", "times", "post", "journal", "programme",
    "program", "fund", "department", "commission", "centre", "center", "university",
    "exchange", "digest", "review", "monitor", "wire", "project", "bureau", "guard",
    "corporation", "association", "foundation", "network", "tribune", "herald", "daily",
    "nk", "press", "tv", "radio", "capital", "securities", "analytics", "institution",
})  # fmt: skip


def source_party(source: str, registry: PartyRegistry) -> Party | None:
    """A party for a source the registry does not know: a person (with the country of their
    role, 'South Korean Defense Minister Shin Won-sik' -> Shin Won-sik of South Korea) or an
    organisation; the text's own phrase is kept as an alias so the claim links to it."""
    words = source.split()
    if not words or not any(w[:1].isupper() for w in words):
        return None  # "the agency", "analysts": nobody in particular
    if words[-1].lower() in _ORGANISATION_HEADS:
        return Party(source, "organisation", (source,), None, registry.country_of(source))
    name, _role, country = parse_role(source, registry)
    if name and 2 <= len(name.split()) <= 4 and all(w[:1].isupper() for w in name.split()):
        return Party(registry.canonical(name), "person", (source,), None, country)
    return None


@dataclass
class Prepared:
    """A document's extraction within the bounds, and what was left out and why."""

    extraction: Extraction
    warnings: list[str] = field(default_factory=list)


@dataclass
class Stored:
    """What storing one document did; true when the document was new."""

    added: bool
    figures: int = 0
    warnings: list[str] = field(default_factory=list)
    duplicate_of: str | None = None  # the stored document this one nearly duplicates
    similarity: float = 0.0

    def __bool__(self) -> bool:
        return self.added


def settle_duplicate(ledger: Ledger, doc: Document) -> Stored | None:
    """When `doc` nearly duplicates a stored document, record it as another origin of that
    one (store/duplicates.py) and say so; None when it is new."""
    match = near_duplicate(ledger, doc)
    if match is None:
        return None
    add_origin(ledger, match, doc)
    return Stored(False, duplicate_of=match.name, similarity=match.similarity)


def _out_of_bounds(claim: Claim) -> str | None:
    for name in ("value", "low", "high"):
        number = getattr(claim, name)
        if number is None:
            continue
        if not math.isfinite(number) or abs(number) > MAX_MAGNITUDE:
            return f"{name} {number:.3g} is beyond ±{MAX_MAGNITUDE:.0e}"
    return None


def bound_figures(found: Extraction, limits: Limits) -> Prepared:
    """The extraction without figures the ledger must not hold (non-finite, beyond
    MAX_MAGNITUDE) and cut to `limits.max_figures`; flows keep their link to a kept claim."""
    warnings: list[str] = []
    kept: list[Claim] = []
    index: dict[int, int] = {}
    for n, claim in enumerate(found.claims):
        reason = _out_of_bounds(claim)
        if reason is not None:
            warnings.append(f"skipped the figure {claim.quote[:60]!r} at {claim.start}: {reason}")
            continue
        if 0 < limits.max_figures <= len(kept):
            break
        index[n] = len(kept)
        kept.append(claim)
    left = len(found.claims) - len(index) - len(warnings)
    if left > 0:
        warnings.append(
            f"kept the first {len(kept):,} figures, left out {left:,} more (limit "
            f"{limits.max_figures:,}; raise {MAX_FIGURES_ENV})"
        )
    if len(kept) == len(found.claims):
        return Prepared(found, warnings)
    flows = [
        replace(flow, claim=index.get(flow.claim) if flow.claim is not None else None)
        for flow in found.flows
    ]
    return Prepared(replace(found, claims=kept, flows=flows), warnings)


def prepare(doc: Document, registry: PartyRegistry, limits: Limits | None = None) -> Prepared:
    """Extract one document within the bounds: its length, its extraction time, its figures.

    Raises InputError (the document's origin and why) when the document is too long or its
    extraction runs out of time; other extraction errors propagate."""
    from claimledger.extract.pipeline import extract_documents  # loads spaCy: only when needed

    limits = limits or Limits.from_env()
    limits.check_length(doc.origin, len(doc.text))
    with time_budget(doc.origin, limits.seconds):
        found = next(extract_documents([doc], registry=registry))
    return bound_figures(found, limits)


def store_prepared(ledger: Ledger, prepared: Prepared, registry: PartyRegistry) -> Stored:
    """Store a prepared document with its claims, flows and the parties they name; not
    added, changing nothing, when the ledger already holds it."""
    found = prepared.extraction
    duplicate = settle_duplicate(ledger, found.document)
    if duplicate is not None:
        return duplicate
    parties = referenced_parties(registry, found.claims, found.flows)
    added = ledger.add_document(found.document, found.claims, found.flows, parties)
    if added:
        remember(ledger, found.document)
    return Stored(added, len(found.claims) if added else 0, prepared.warnings)


@dataclass(frozen=True)
class Failed:
    """A document that could not be extracted: the reason to report for it."""

    reason: str


def failure_reason(exc: BaseException) -> str:
    """What to say about an exception raised while extracting one document."""
    if isinstance(exc, InputError):
        return exc.reason
    if isinstance(exc, ClaimledgerError):
        return str(exc)
    return f"extraction failed ({type(exc).__name__}: {exc})"


def prepare_or_fail(doc: Document, registry: PartyRegistry) -> Prepared | Failed:
    """`prepare`, with any failure turned into the reason to report (a batch goes on)."""
    try:
        return prepare(doc, registry)
    except Exception as exc:  # one document's failure must not end the batch
        return Failed(failure_reason(exc))


def ingest_documents(
    ledger: Ledger,
    docs: Iterable[tuple[T, Document]],
    registry: PartyRegistry,
    *,
    workers: int = 1,
    aliases: Path | None = None,
    dask: str | None = None,
) -> Iterator[tuple[T, Document, Stored | Failed]]:
    """Ingest many documents: (tag, document, what happened) for each, in input order.

    Documents the ledger holds are skipped unextracted. With `workers` > 1 the extraction
    runs in that many processes (ingest/parallel.py; `aliases` extends their registry) and
    this process stores the results, so one process writes the ledger either way. With
    `dask` (a scheduler's address) the extraction runs on that cluster (distributed.py) and
    results come in the order they complete.
    """
    if dask is not None:
        from claimledger.distributed import prepare_on_dask

        results = prepare_on_dask(docs, dask, registry, skip=lambda d: ledger.has_document(d.id))
    elif workers > 1:
        from claimledger.ingest.parallel import prepare_in_pool

        results: Iterable[tuple[T, Document, Prepared | Failed | Stored | None]] = prepare_in_pool(
            docs, workers, aliases, skip=lambda doc: ledger.has_document(doc.id)
        )
    else:
        results = ((tag, doc, _serial(ledger, doc, registry)) for tag, doc in docs)
    for tag, doc, outcome in results:
        if outcome is None:
            yield tag, doc, Stored(False)
        elif isinstance(outcome, Stored):
            yield tag, doc, outcome
        elif isinstance(outcome, Prepared):
            yield tag, doc, store_prepared(ledger, outcome, registry)
        else:
            yield tag, doc, outcome


def _serial(
    ledger: Ledger, doc: Document, registry: PartyRegistry
) -> Prepared | Failed | Stored | None:
    if ledger.has_document(doc.id):
        return None
    return settle_duplicate(ledger, doc) or prepare_or_fail(doc, registry)


def store_extraction(ledger: Ledger, found: Extraction, registry: PartyRegistry) -> bool:
    """Store an extracted document (within the bounds) with its claims, flows and parties.

    False, changing nothing, when the ledger already holds the document.
    """
    return store_prepared(ledger, bound_figures(found, Limits.from_env()), registry).added


def ingest_document(
    ledger: Ledger,
    doc: Document,
    registry: PartyRegistry | None = None,
    *,
    limits: Limits | None = None,
) -> Stored:
    """Extract `doc` within the bounds and store it with what was found: the one path from a
    document to the ledger (CLI, web and workers). Not added, extracting nothing, when the
    ledger already holds it. A document over a bound raises InputError; the store writes all
    or nothing."""
    if ledger.has_document(doc.id):
        return Stored(False)
    duplicate = settle_duplicate(ledger, doc)
    if duplicate is not None:
        return duplicate
    registry = registry or PartyRegistry.default()
    return store_prepared(ledger, prepare(doc, registry, limits), registry)
