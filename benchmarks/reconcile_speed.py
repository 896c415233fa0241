"""How reconcile time grows with the ledger: 100,000 and 1,000,000 synthetic claims.

    python benchmarks/reconcile_speed.py [--sizes 100000 1000000] [--dir /tmp/clbench]

Each size is generated once into a SQLite ledger (bulk insert through store/blocking.py),
then reconciled in a fresh process so that its peak memory (ru_maxrss) is reconcile's
own. Next to each timing stands a baseline measured in the same process: a plain
GROUP BY over the same claims table. Claims are generated with a realistic shape: about
20 figures per article, a few hundred thousand item concepts, five parties, four years,
values scattered around a per-concept level with some qualifiers, sources and modalities.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from claimledger.model import Claim, Document, document_id
from claimledger.store import Ledger, blocking

PARTIES = ("North Korea", "Russia", "China", "Iran", "Belarus")
SOURCES = (None, None, None, "NIS", "Reuters", "Defense Intelligence Agency", "Kyiv officials")
QUALIFIERS = ("exact", "exact", "exact", "about", "over", "up_to")
MODALITIES = ("asserted", "asserted", "reported", "reported", "speculative", "denied")
UNITS = ("count", "count", "USD", "t")
PER_DOC = 20
CLAIMS_PER_CONCEPT = 8


def _article(index: int, n_claims: int, concepts: int, rng: random.Random) -> tuple:
    sentences: list[str] = []
    specs = []
    offset = 0
    for _ in range(n_claims):
        k = rng.randrange(concepts)
        unit = UNITS[k % len(UNITS)]
        level = 10 ** (2 + k % 6) * (1 + k % 9)
        value = float(round(level * rng.choice((1, 1, 1.02, 0.6, 2.5)), 2))
        giver, receiver = rng.sample(PARTIES[: 2 + k % 3], 2)
        year = 2021 + rng.randrange(4)
        quote = f"{value:,.0f} gadget{k}s"
        text = f"Officials said {quote} went from {giver} to {receiver} in {year}. "
        start = offset + text.index(quote)
        specs.append((quote, start, offset, offset + len(text) - 1, value, unit, k, giver,
                      receiver, year))  # fmt: skip
        sentences.append(text)
        offset += len(text)
    body = "".join(sentences)
    doc = Document(id=document_id(f"{index}:{body}"), name=f"synthetic_{index:07d}",
                   origin="synthetic", text=body, outlet=f"outlet{index % 97}")  # fmt: skip
    claims = [
        Claim(
            doc=doc.name,
            quote=q,
            start=s,
            end=s + len(q),
            value=v,
            unit=u,
            qualifier=rng.choice(QUALIFIERS),
            item=f"gadget{k}s",
            concept=f"gadget{k}",
            when=str(y),
            source=rng.choice(SOURCES),
            modality=rng.choice(MODALITIES),
            from_=g,
            to=r,
            sent_start=ss,
            sent_end=se,
            doc_id=doc.id,
        )  # fmt: skip
        for q, s, ss, se, v, u, k, g, r, y in specs
    ]
    return doc, claims


def generate(path: Path, size: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    concepts = max(1, size // CLAIMS_PER_CONCEPT)
    with Ledger.open(path) as ledger:
        batch = []
        for index in range(size // PER_DOC):
            batch.append(_article(index, PER_DOC, concepts, rng))
            if len(batch) == 500:
                blocking.bulk_add(ledger, batch)
                batch = []
        if batch:
            blocking.bulk_add(ledger, batch)


def measure(path: Path) -> dict[str, float]:
    from claimledger.reconcile import reconcile

    with Ledger.open(path) as ledger:
        started = time.perf_counter()
        groups = blocking.baseline_group_count(ledger)
        baseline = time.perf_counter() - started
        started = time.perf_counter()
        result = reconcile(ledger)
        elapsed = time.perf_counter() - started
        claims = ledger.stats()["claims"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
    return {
        "claims": claims,
        "seconds": round(elapsed, 2),
        "claims_per_s": round(claims / elapsed),
        "baseline_group_by_s": round(baseline, 2),
        "baseline_groups": groups,
        "blocks": result.blocks,
        "checks": len(result.checks),
        "peak_rss_mib": round(peak),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/claimledger-bench"))
    parser.add_argument("--child", choices=["generate", "measure"])
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    if args.child == "generate":
        generate(args.db, args.sizes[0])
        return
    if args.child == "measure":
        print(json.dumps(measure(args.db)))
        return
    args.dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        db = args.dir / f"ledger_{size}.db"
        if not db.exists():
            t0 = time.perf_counter()
            cmd = [sys.executable, __file__, "--child", "generate", "--db", str(db), "--sizes"]
            subprocess.run([*cmd, str(size)], check=True)
            print(f"generated {size:,} claims in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
        cmd = [sys.executable, __file__, "--child", "measure", "--db", str(db)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    print(f"{'claims':>10} {'reconcile s':>12} {'claims/s':>10} {'GROUP BY s':>11} "
          f"{'blocks':>8} {'checks':>8} {'peak MiB':>9}")  # fmt: skip
    for row in rows:
        print(f"{row['claims']:>10,} {row['seconds']:>12} {row['claims_per_s']:>10,} "
              f"{row['baseline_group_by_s']:>11} {row['blocks']:>8,} {row['checks']:>8,} "
              f"{row['peak_rss_mib']:>9}")  # fmt: skip
    if len(rows) > 1:
        growth = (rows[-1]["seconds"] / rows[0]["seconds"]) / (
            rows[-1]["claims"] / rows[0]["claims"]
        )
        print(f"time grows {growth:.2f}x as fast as the claim count (1.00 = linear)")


if __name__ == "__main__":
    main()
