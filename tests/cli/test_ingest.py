"""ingest: the demo corpus, re-ingest as a no-op, and one error line per bad input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from claimledger.store import Ledger

Invoke = Callable[..., Result]


def stderr_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_ingest_corpus_then_reingest_changes_nothing(
    cli: Invoke, ledger_copy: Path, corpus_files: list[str]
) -> None:
    with Ledger.open(ledger_copy) as ledger:
        before = ledger.counts()
        stats = ledger.stats()
    assert stats["documents"] == 10
    assert stats["claims"] > 0
    result = cli("--db", str(ledger_copy), "ingest", *corpus_files)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert stderr_lines(result)[-1] == "ingested 0 new, 10 already in the ledger, 0 failed"
    with Ledger.open(ledger_copy) as ledger:
        assert ledger.counts() == before


def test_ingest_reports_new_documents(cli: Invoke, tmp_path: Path, corpus_files: list[str]) -> None:
    db = tmp_path / "l.db"
    result = cli("ingest", corpus_files[0], "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert stderr_lines(result) == ["ingested 1 new, 0 already in the ledger, 0 failed"]


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Bad inputs by kind: (path, the reason its error line gives)."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.dat").write_bytes(bytes(range(256)) * 4)
    (bad / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    (bad / "menu.html").write_text(
        "<!doctype html><html><body><div class=menu><ul><li>Home</li>"
        "<li>About</li></ul></div></body></html>"
    )
    return {
        "missing": (bad / "missing.txt", "no such file or directory"),
        "empty": (bad / "empty.txt", "empty file"),
        "binary": (bad / "binary.dat", "binary file"),
        "truncated pdf": (bad / "truncated.pdf", "cannot read PDF"),
        "html without text": (bad / "menu.html", "no article text"),
    }


@pytest.mark.parametrize(
    "kind", ["missing", "empty", "binary", "truncated pdf", "html without text"]
)
def test_each_bad_input_is_one_error_line_and_the_batch_continues(
    cli: Invoke,
    tmp_path: Path,
    corpus_files: list[str],
    bad_inputs: dict[str, tuple[Path, str]],
    kind: str,
) -> None:
    path, reason = bad_inputs[kind]
    db = tmp_path / "l.db"
    result = cli("--db", str(db), "ingest", str(path), corpus_files[0])
    assert result.exit_code == 3, result.stderr
    errors, last = stderr_lines(result)[:-1], stderr_lines(result)[-1]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: {path}: ")
    assert reason in errors[0]
    assert last == "ingested 1 new, 0 already in the ledger, 1 failed"
    with Ledger.open(db) as ledger:
        assert ledger.stats()["documents"] == 1


def test_every_input_failing_exits_2(
    cli: Invoke, tmp_path: Path, bad_inputs: dict[str, tuple[Path, str]]
) -> None:
    paths = [str(path) for path, _ in bad_inputs.values()]
    result = cli("--db", str(tmp_path / "l.db"), "ingest", *paths)
    assert result.exit_code == 2
    lines = stderr_lines(result)
    assert [line.split(": ")[1] for line in lines[:-1]] == paths
    assert lines[-1] == f"ingested 0 new, 0 already in the ledger, {len(paths)} failed"


def test_ingest_from_stdin(cli: Invoke, tmp_path: Path, corpus_files: list[str]) -> None:
    db = tmp_path / "l.db"
    text = Path(corpus_files[3]).read_bytes()
    result = cli("--db", str(db), "ingest", "-", input=text)
    assert result.exit_code == 0, result.stderr
    with Ledger.open(db) as ledger:
        [doc] = ledger.documents(with_text=False)
    assert doc.name == "stdin"


def test_ingest_needs_a_path(cli: Invoke, tmp_path: Path) -> None:
    result = cli("--db", str(tmp_path / "l.db"), "ingest")
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.stderr


def test_extractor_crash_fails_that_input_only(
    cli: Invoke, tmp_path: Path, corpus_files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimledger.extract import pipeline

    real = pipeline.extract_documents

    def flaky(docs, **kwargs):  # type: ignore[no-untyped-def]
        docs = list(docs)
        if docs[0].name == "02-najin-pipeline":
            raise RuntimeError("boom")
        return real(docs, **kwargs)

    monkeypatch.setattr(pipeline, "extract_documents", flaky)
    db = tmp_path / "l.db"
    result = cli("--db", str(db), "ingest", *corpus_files[:3])
    assert result.exit_code == 3
    assert stderr_lines(result) == [
        f"error: {corpus_files[1]}: extraction failed (RuntimeError: boom)",
        "ingested 2 new, 0 already in the ledger, 1 failed",
    ]
    with Ledger.open(db) as ledger:
        assert [d.name for d in ledger.documents(with_text=False)] == [
            "01-shin-containers", "03-engineer-brigades",
        ]  # fmt: skip
