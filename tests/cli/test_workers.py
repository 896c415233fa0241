"""ingest --workers N gives the ledger of a serial run; progress lines on a pipe; --quiet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Invoke = Callable[..., Result]
Contents = Callable[[Path], dict[str, list[tuple[object, ...]]]]


def test_two_workers_give_the_serial_ledger(
    cli: Invoke,
    tmp_path: Path,
    corpus_db: Path,
    corpus_files: list[str],
    ledger_contents: Contents,
) -> None:
    db = tmp_path / "parallel.db"
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = cli("--db", str(db), "ingest", "--workers", "2", str(bad), *corpus_files)
    assert result.exit_code == 3, result.stderr
    assert result.stderr.splitlines()[0] == f"error: {bad}: empty file"
    assert ledger_contents(db) == ledger_contents(corpus_db)
    again = cli("--db", str(db), "ingest", "--workers", "2", *corpus_files)
    assert again.stderr.splitlines()[-1] == "ingested 0 new, 10 already in the ledger, 0 failed"


def test_a_progress_line_every_n_documents_on_a_pipe(
    cli: Invoke, tmp_path: Path, corpus_files: list[str]
) -> None:
    result = cli("--db", str(tmp_path / "l.db"), "ingest", "--progress-every", "4", *corpus_files)
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("progress: ")]
    assert [line.split(",")[0] for line in lines] == [
        "progress: 4 of 10 documents",
        "progress: 8 of 10 documents",
    ]
    assert all(" figures, 0 errors, " in line and line.endswith("docs/s") for line in lines)


def test_quiet_shows_only_errors(cli: Invoke, tmp_path: Path, corpus_files: list[str]) -> None:
    missing = tmp_path / "missing.txt"
    result = cli("--db", str(tmp_path / "l.db"), "ingest", "--quiet", "--progress-every", "1",
                 str(missing), corpus_files[0])  # fmt: skip
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [f"error: {missing}: no such file or directory"]
