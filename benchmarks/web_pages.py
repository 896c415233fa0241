"""Time the web workbench's pages on a synthetic ledger of 100,000 claims.

    python benchmarks/web_pages.py [--claims 100000] [--db /tmp/bench.db] [--rounds 3]

Builds the ledger once (reused when the file exists with enough claims), then requests
every page and its JSON twin in-process and prints the slowest server times.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from claimledger.model import CheckResult, Claim, Document, Flow, document_id
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger

CONCEPTS = {
    "shells": ("artillery shells", "count", 1e5, 6e6),
    "troops": ("soldiers", "count", 1e3, 1.5e4),
    "missiles": ("ballistic missiles", "count", 10, 200),
    "containers": ("shipping containers", "count", 1e3, 2e4),
    "oil": ("barrels of oil", "bbl", 1e5, 1e6),
    "workers": ("workers", "count", 1e3, 5e4),
    "pay": ("pay per soldier", "USD", 500, 3000),
    "rice": ("tonnes of rice", "t", 1e3, 1e5),
}
PAIRS = [("North Korea", "Russia"), ("Russia", "North Korea"), ("Iran", "Russia"),
         ("China", "Russia"), ("Russia", "Iran")]  # fmt: skip
SOURCES = [None, None, "South Korea's National Intelligence Service", "Shin Won-sik",
           "Ukrainian military intelligence", "the Pentagon", "Cho Han-beom", "Reuters",
           "the Institute for the Study of War", "Japanese officials"]  # fmt: skip
OUTLETS = ["Harbour Ledger", "North Desk", "Seoul Standard", "Kyiv Wire", "Eastern Review"]


def _document(rng: random.Random, n: int, per_doc: int) -> tuple[Document, list[Claim], list[Flow]]:
    year = rng.choice((2022, 2023, 2024))
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    header = (
        f"Title: Synthetic report {n}\nOutlet: {rng.choice(OUTLETS)}\nPublished: {published}\n\n"
    )
    text = header
    claims: list[Claim] = []
    flows: list[Flow] = []
    body: list[str] = []
    for i in range(per_doc):
        concept = rng.choice(list(CONCEPTS))
        item, unit, lo, hi = CONCEPTS[concept]
        giver, receiver = rng.choice(PAIRS)
        value = float(round(rng.uniform(lo, hi), -2 if hi > 1e4 else 0))
        source = rng.choice(SOURCES)
        figure = f"{value:,.0f} {item}"
        sentence = (f"{giver} sent {receiver} about {figure} in {year}"
                    + (f", according to {source}." if source else "."))  # fmt: skip
        offset = len(text) + sum(len(s) + 1 for s in body)
        start = offset + sentence.index(figure)
        body.append(sentence)
        claims.append(Claim(
            doc=f"synthetic-{n}", quote=figure, start=start, end=start + len(figure),
            value=value, qualifier="about", unit=unit, item=item, when=str(year),
            source=source, modality="reported" if source else "asserted", from_=giver,
            to=receiver, sent_start=offset, sent_end=offset + len(sentence), concept=concept,
        ))  # fmt: skip
        if i % 5 == 0:
            end = offset + len(sentence)
            flows.append(Flow(giver=giver, receiver=receiver, item=item, concept=concept,
                              doc=f"synthetic-{n}", start=offset, end=end,
                              sent_start=offset, sent_end=end, claim=i))  # fmt: skip
    text += "\n".join(" ".join(body[k : k + 5]) for k in range(0, len(body), 5))
    # Paragraphs join with "\n" instead of " " every 5 sentences: same length, offsets hold.
    doc_id = document_id(text)
    doc = Document(id=doc_id, name=f"synthetic-{n}", origin=f"synthetic/{n}.txt", text=text,
                   body_start=len(header), title=f"Synthetic report {n}",
                   outlet=rng.choice(OUTLETS), published=published)  # fmt: skip
    for claim in claims:
        claim.doc_id = doc_id
        assert text[claim.start : claim.end] == claim.quote
    for flow in flows:
        flow.doc_id = doc_id
    return doc, claims, flows


def synthesise(path: Path, claims: int = 100_000, per_doc: int = 50, seed: int = 7) -> None:
    """A ledger at `path` with about `claims` claims, flows every fifth claim, and checks."""
    rng = random.Random(seed)
    registry = PartyRegistry.default()
    names = {name for pair in PAIRS for name in pair}
    parties = [p for p in (registry.resolve(n) for n in names) if p is not None]
    kept: dict[str, list[Claim]] = {}
    with Ledger.open(path) as ledger:
        for n in range(claims // per_doc):
            doc, found, flows = _document(rng, n, per_doc)
            ledger.add_document(doc, found, flows, parties)
            for claim in found[:4]:
                kept.setdefault(claim.concept or "", []).append(claim)
        results = []
        verdicts = ("consistent", "conflict", "different_scope")
        for group in kept.values():
            for a, b in zip(group[::2], group[1::2], strict=False):
                verdict = rng.choice(verdicts)
                results.append(
                    CheckResult([a, b], verdict, f"synthetic {verdict.replace('_', ' ')}")
                )
        for group in kept.values():
            for a, b, c in zip(group[::3], group[1::3], group[2::3], strict=False):
                verdict = rng.choice(("consistent", "inconsistent"))
                results.append(CheckResult([a, b, c], verdict, "a × b ≠ c (synthetic)", "rate"))
        ledger.replace_checks(results)


def _pages(ledger: Ledger) -> list[str]:
    first = ledger.claim_rows(limit=1)[0]
    return [
        "/", "/figures", "/figures?sort=-value", "/figures?q=shells+Pyongyang",
        "/figures?concept=shells&party=Russia&direction=to&verdict=conflict",
        "/figures?date_from=2023&date_to=2023-06&sort=-date", "/figures?page=1500",
        "/figures?source=intelligence&modality=reported",
        f"/figure/{first['id']}", f"/document/{first['doc_id']}", "/documents",
        "/party/Russia", "/party/North%20Korea", "/exchange?a=North+Korea&b=Russia",
        "/exchange", "/timeline?concept=shells", "/timeline", "/checks",
        "/checks?verdict=all&page=20", "/checks?verdict=all&review=unreviewed", "/add",
        "/parties", "/search?q=shells", "/search?q=Russia+sent&page=3",
        "/figures?concept=shells&modality=reported&sort=value",
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    from fastapi.testclient import TestClient

    from claimledger.web import create_app

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/claimledger-bench.db"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--show", type=int, default=10, help="how many of the slowest to print")
    args = parser.parse_args(argv)
    with Ledger.open(args.db) as ledger:
        have = ledger.stats()["claims"]
    if have < args.claims:
        args.db.unlink(missing_ok=True)
        started = time.perf_counter()
        synthesise(args.db, args.claims)
        print(f"built {args.db} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    with Ledger.open(args.db) as ledger:
        stats = ledger.stats()
        paths = _pages(ledger)
    paths += ["/api" + p if p != "/" else "/api/overview" for p in paths]
    client = TestClient(create_app(args.db), base_url="http://127.0.0.1")  # a served host name
    timings: list[tuple[float, str]] = []
    sizes: dict[str, int] = {}
    for path in paths:
        samples = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            response = client.get(path)
            samples.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                print(f"{path}: HTTP {response.status_code}", file=sys.stderr)
            sizes[path] = len(response.content)
        timings.append((statistics.median(samples), path))
    timings.sort(reverse=True)
    print(
        f"{stats['claims']:,} claims, {stats['documents']:,} documents, {stats['checks']:,} "
        f"checks, {stats['flows']:,} flows; median of {args.rounds} requests"
    )
    for ms, path in timings[: args.show]:
        print(f"{ms:8.1f} ms  {sizes[path] / 1024:8.1f} KiB  {path}")
    over = [p for ms, p in timings if ms > 300]
    largest = max(sizes.items(), key=lambda kv: kv[1])
    heavy = [p for p, n in sizes.items() if n > 1_000_000]
    print(f"{len(timings)} pages, slowest {timings[0][0]:.1f} ms; over 300 ms: {len(over)}; "
          f"largest {largest[1] / 1024:.1f} KiB ({largest[0]}); over 1 MB: {len(heavy)}")
    return 1 if over or heavy else 0


if __name__ == "__main__":
    raise SystemExit(main())
