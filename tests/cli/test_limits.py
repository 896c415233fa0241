"""Limits: a document too long, too slow or with too many figures is reported and the rest of
the batch goes in. The files are generated (smaller than the real cases: a 50 MB text, a
million lines of digits) and the real limits lowered through their settings."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from claimledger.store import Ledger

Invoke = Callable[..., Result]


def stderr_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def prose(words: int, seed: int = 1) -> str:
    """Made-up sentences with figures in them, `words` words long."""
    rng = random.Random(seed)
    nouns = ["ships", "tonnes of grain", "workers", "containers", "shells", "trucks"]
    out: list[str] = []
    while len(out) < words:
        out += f"About {rng.randint(2, 90_000):,} {rng.choice(nouns)} moved last week.".split()
    return " ".join(out)


def test_a_text_over_the_size_bound_is_one_error(
    cli: Invoke, tmp_path: Path, corpus_files: list[str]
) -> None:
    big = tmp_path / "big.txt"
    big.write_text(prose(400_000))  # ~2.5 MB; the bound below makes it 25 times too long
    db = tmp_path / "l.db"
    env = {"CLAIMLEDGER_MAX_CHARS": "100000"}
    result = cli("--db", str(db), "ingest", str(big), corpus_files[0], env=env)
    assert result.exit_code == 3, result.stderr
    first, last = stderr_lines(result)
    assert first.startswith(f"error: {big}: document too long (")
    assert "raise CLAIMLEDGER_MAX_CHARS" in first
    assert last == "ingested 1 new, 0 already in the ledger, 1 failed"


def test_a_text_just_over_the_character_bound_is_refused_after_decoding(
    cli: Invoke, tmp_path: Path
) -> None:
    text = tmp_path / "long.txt"
    text.write_text(prose(3_000))
    size = len(text.read_text())
    result = cli("--db", str(tmp_path / "l.db"), "ingest", str(text),
                 env={"CLAIMLEDGER_MAX_CHARS": str(size - 1)})  # fmt: skip
    assert result.exit_code == 2
    assert stderr_lines(result)[0] == (
        f"error: {text}: document too long ({size:,} characters, limit {size - 1:,}); split it "
        "or raise CLAIMLEDGER_MAX_CHARS"
    )


def test_lines_of_digits_meet_the_time_budget(
    cli: Invoke, tmp_path: Path, corpus_files: list[str]
) -> None:
    digits = tmp_path / "digits.txt"
    rng = random.Random(7)
    digits.write_text("\n".join(str(rng.randint(1, 10**12)) for _ in range(150_000)))
    db = tmp_path / "l.db"
    env = {"CLAIMLEDGER_DOC_SECONDS": "2"}
    result = cli("--db", str(db), "ingest", str(digits), corpus_files[1], env=env)
    assert result.exit_code == 3, result.stderr
    lines = stderr_lines(result)
    assert lines[0] == (
        f"error: {digits}: extraction took over 2 s; skipped (raise CLAIMLEDGER_DOC_SECONDS)"
    )
    assert lines[-1] == "ingested 1 new, 0 already in the ledger, 1 failed"
    with Ledger.open(db) as ledger:
        assert [d.origin for d in ledger.documents(with_text=False)] == [corpus_files[1]]


def test_figures_past_the_bound_are_left_out_with_a_warning(cli: Invoke, tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    many = tmp_path / "many.txt"
    many.write_text(prose(200))
    result = cli("--db", str(db), "ingest", str(many), env={"CLAIMLEDGER_MAX_FIGURES": "2"})
    assert result.exit_code == 0, result.stderr
    warning, last = stderr_lines(result)
    assert warning.startswith(f"warning: {many}: kept the first 2 figures, left out ")
    assert last == "ingested 1 new, 0 already in the ledger, 0 failed"
    with Ledger.open(db) as ledger:
        assert ledger.stats()["claims"] == 2


def test_a_400_digit_number_does_not_poison_the_ledger(cli: Invoke, tmp_path: Path) -> None:
    text = tmp_path / "digits.txt"
    text.write_text(
        f"The ministry said {'9' * 400} shells were sent. Officials said 5,000 troops went.\n"
    )
    db = tmp_path / "l.db"
    result = cli("--db", str(db), "ingest", str(text))
    assert result.exit_code == 0, result.stderr
    with Ledger.open(db) as ledger:
        values = [v for c in ledger.claims() for v in (c.value, c.low, c.high) if v is not None]
    assert values and all(math.isfinite(v) and abs(v) <= 1e15 for v in values)
    for args in (("summary",), ("checks",), ("figures", "--format", "jsonl")):
        assert cli("--db", str(db), *args).exit_code == 0, args
