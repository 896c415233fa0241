"""Ingest speed and memory at 1 and 2 workers, next to spaCy's pipeline alone, in one run.

Usage: python benchmarks/ingest_speed.py [DIR ...] [--repeat N]
Default corpus: examples/corpus and ../shared/seeds (read in place), each document repeated
N times (10) with a distinct id. Each measurement runs in a fresh process, so start-up
(the model load, in every worker too) is counted and peak memory is its own: the parent's
peak RSS plus its workers'. Prints docs/s, words/s and peak MiB side by side.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = [ROOT / "examples" / "corpus", ROOT.parent / "shared" / "seeds"]


def corpus(dirs: list[Path], repeat: int) -> list:  # type: ignore[type-arg]
    from claimledger.ingest import load_path
    from claimledger.model import document_id

    docs = []
    for folder in dirs:
        for path in sorted(folder.glob("*")):
            if path.suffix.lower() in (".txt", ".html", ".htm", ".pdf") and path.stem != "README":
                docs.extend(load_path(path))
    out = []
    for n in range(repeat):
        for doc in docs:
            text = f"{doc.text}\n\n({n})"
            out.append(replace(doc, id=document_id(text), text=text))
    return out


def measure(mode: str, dirs: list[Path], repeat: int) -> dict[str, float]:
    """One measurement, in this process: 'spacy', 'ingest1' or 'ingest2'."""
    docs = corpus(dirs, repeat)
    words = sum(len(doc.text.split()) for doc in docs)
    start = time.perf_counter()
    if mode == "spacy":
        from claimledger.extract import nlp

        for _ in nlp.model().pipe((doc.text for doc in docs), batch_size=16):
            pass
    else:
        from claimledger.api import ingest_documents
        from claimledger.parties import PartyRegistry
        from claimledger.store import Ledger

        with tempfile.TemporaryDirectory() as tmp, Ledger.open(Path(tmp) / "b.db") as ledger:
            workers = int(mode.removeprefix("ingest"))
            for _ in ingest_documents(ledger, ((d.id, d) for d in docs), PartyRegistry.default(),
                                      workers=workers):  # fmt: skip
                pass
    seconds = time.perf_counter() - start
    peak_kib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # fmt: skip
    return {"docs": len(docs), "words": words, "seconds": seconds, "peak_mib": peak_kib / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    dirs = args.dirs or [d for d in DEFAULT_DIRS if d.is_dir()]
    if args.one:
        print(json.dumps(measure(args.one, dirs, args.repeat)))
        return
    rows = {}
    for mode in ("spacy", "ingest1", "ingest2"):
        cmd = [sys.executable, __file__, "--one", mode, "--repeat", str(args.repeat),
               *map(str, dirs)]  # fmt: skip
        rows[mode] = json.loads(subprocess.run(cmd, check=True, capture_output=True,
                                               text=True).stdout.splitlines()[-1])  # fmt: skip
    first = rows["spacy"]
    print(f"{first['docs']} documents, {first['words']:,} words "
          f"({', '.join(str(d) for d in dirs)} x {args.repeat})")  # fmt: skip
    print(f"{'run':<28}{'seconds':>9}{'docs/s':>9}{'words/s':>10}{'peak MiB':>10}")
    names = {"spacy": "spaCy nlp.pipe alone", "ingest1": "ingest, 1 worker (in-process)",
             "ingest2": "ingest --workers 2"}  # fmt: skip
    for mode, row in rows.items():
        print(f"{names[mode]:<28}{row['seconds']:>9.1f}{row['docs'] / row['seconds']:>9.2f}"
              f"{row['words'] / row['seconds']:>10,.0f}{row['peak_mib']:>10.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
