"""Fuzz the whole read -> extract -> bound path with atheris, for as long as you like.

Usage:
    pip install atheris            # optional; not a dependency, not run in CI
    python benchmarks/fuzz_extract.py [atheris/libFuzzer options, e.g. -max_total_time=600]
    python benchmarks/fuzz_extract.py --plain N    # without atheris: N random inputs

Each input is read as bytes (text, HTML, PDF or feed, sniffed), extracted within the
per-document limits, and checked: every reader failure must be an InputError (one
`error:` line in the CLI), every figure inside its document with a finite value within
MAX_MAGNITUDE. Anything else is a crash the fuzzer reports with the input that caused it.
tests/ingest/test_properties.py runs the same properties briefly under Hypothesis.
"""

from __future__ import annotations

import logging
import math
import random
import sys

from claimledger.api import prepare
from claimledger.errors import InputError
from claimledger.ingest import load_bytes
from claimledger.ingest.limits import MAX_MAGNITUDE, Limits
from claimledger.parties import PartyRegistry

for _name in ("pypdf", "trafilatura", "htmldate", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)  # their warnings are not crashes
REGISTRY = PartyRegistry.default()
LIMITS = Limits(max_chars=200_000, max_figures=2_000, seconds=20)
SEEDS = [
    b"About 10,000 troops were sent, officials said.",
    b"<html><body><p>Exports rose 12 percent to $4.5 billion in 2024.</p></body></html>",
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj",
    b"<rss><channel><item><title>5,000 shells</title></item></channel></rss>",
    b"9" * 400 + b" shells and between 3 and 4 million rounds a month",
]


def one_input(data: bytes) -> None:
    """The property: read cleanly or fail with InputError; figures bounded and in place."""
    try:
        docs = load_bytes(data, name="fuzz", origin="fuzz")
    except InputError:
        return
    for doc in docs:
        try:
            prepared = prepare(doc, REGISTRY, LIMITS)
        except InputError:
            continue
        for claim in prepared.extraction.claims:
            assert 0 <= claim.start <= claim.end <= len(doc.text), claim
            for value in (claim.value, claim.low, claim.high):
                assert value is None or (math.isfinite(value) and abs(value) <= MAX_MAGNITUDE)


def _mutate(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        if choice < 0.4 and out:
            out[rng.randrange(len(out))] = rng.randrange(256)
        elif choice < 0.7:
            out[rng.randint(0, len(out)) : 0] = rng.choice(SEEDS)[: rng.randint(1, 60)]
        elif choice < 0.9:
            out += str(rng.randint(0, 10 ** rng.randint(1, 500))).encode()
        elif out:
            del out[rng.randrange(len(out))]
    return bytes(out)


def plain(runs: int) -> None:
    """A mutation loop without atheris: slower to find things, but needs nothing."""
    rng = random.Random(0)
    for n in range(runs):
        data = _mutate(rng, rng.choice(SEEDS))
        try:
            one_input(data)
        except Exception:
            print(f"crash on input {n}: {data[:200]!r}", file=sys.stderr)
            raise
    print(f"{runs} inputs, no crash")


def main() -> None:
    if sys.argv[1:2] == ["--plain"]:
        plain(int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
        return
    try:
        import atheris
    except ImportError:
        sys.exit("atheris is not installed: pip install atheris, or run with --plain N")
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
