"""Extraction speed and memory next to spaCy's own full pipeline, measured in the same run.

Usage: python benchmarks/extract_speed.py [DIR ...] [--repeat N]
Default corpus: ../shared/seeds and examples/corpus, each document repeated N times (20).
Prints words/s, docs/s and peak memory for claimledger's extract and for `nlp.pipe` over
the same texts with the same model, and the ratio between them.
"""

from __future__ import annotations

import argparse
import gc
import resource
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from claimledger.extract import nlp
from claimledger.extract.pipeline import extract_documents
from claimledger.ingest import load_path
from claimledger.model import Document, document_id

ROOT = Path(__file__).resolve().parents[1]


def corpus(dirs: list[Path], repeat: int) -> list[Document]:
    """The documents of `dirs`, each repeated with a distinct id so nothing is cached."""
    docs: list[Document] = []
    for folder in dirs:
        for path in sorted(folder.glob("*")):
            if path.suffix.lower() in (".txt", ".html", ".htm", ".pdf"):
                docs.extend(load_path(path))
    out = []
    for n in range(repeat):
        for doc in docs:
            text = doc.text + f"\n\n{n}"
            out.append(replace(doc, id=document_id(text), text=text))
    return out


def peak_memory(run: Callable[[], int]) -> int:
    """Peak Python allocation of one run (tracemalloc slows it, so it is not timed)."""
    gc.collect()
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def measure(
    label: str, run: Callable[[], int], sample: Callable[[], int], words: int, docs: int
) -> float:
    gc.collect()
    start = time.perf_counter()
    produced = run()
    seconds = time.perf_counter() - start
    peak = peak_memory(sample)
    print(
        f"{label:<34} {seconds:7.2f} s  {words / seconds:9,.0f} words/s  "
        f"{docs / seconds:7.1f} docs/s  peak {peak / 2**20:6.1f} MiB  ({produced:,} outputs)"
    )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    dirs = args.dirs or [ROOT.parent / "shared" / "seeds", ROOT / "examples" / "corpus"]
    docs = corpus(dirs, args.repeat)
    words = sum(len(d.body.split()) for d in docs)
    print(f"corpus: {len(docs)} documents, {words:,} words ({', '.join(map(str, dirs))})")
    model = nlp.model()  # loaded once, outside both timings
    nlp.splitter()
    texts = [d.body for d in docs]
    few = max(1, len(docs) // args.repeat)  # one copy of the corpus for the memory pass

    def baseline(texts: list[str] = texts) -> int:
        return sum(len(doc) for doc in model.pipe(texts, batch_size=64))

    def ours(docs: list[Document] = docs) -> int:
        return sum(len(x.claims) for x in extract_documents(docs))

    print("peak memory is measured on one copy of the corpus, apart from the timing")
    base = measure(
        "spaCy nlp.pipe (full pipeline)", baseline, lambda: baseline(texts[:few]), words, len(docs)
    )
    mine = measure("claimledger extract", ours, lambda: ours(docs[:few]), words, len(docs))
    print(f"ratio: claimledger is {base / mine:.2f}x the speed of spaCy's full pipeline")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
