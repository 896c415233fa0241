"""iter_inputs: directories, stdin, missing paths, and errors yielded instead of raised."""

from __future__ import annotations

import io
from pathlib import Path

from claimledger.errors import InputError
from claimledger.ingest import iter_inputs
from claimledger.model import Document


def test_directory_recursion_sorted_and_hidden_skipped(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("First article.\n")
    (tmp_path / "b" / "c.txt").write_text("Nested article.\n")
    (tmp_path / "c.html").write_bytes((data_dir / "article.html").read_bytes())
    (tmp_path / ".hidden.txt").write_text("Hidden.\n")
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.\n")
    results = list(iter_inputs([str(tmp_path)]))
    assert [origin for origin, _ in results] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "c.txt"),
        str(tmp_path / "c.html"),
    ]
    assert all(isinstance(doc, Document) for _, doc in results)


def test_directory_with_a_bad_file_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_text("Fine.\n")
    results = list(iter_inputs([str(tmp_path)]))
    assert isinstance(results[0][1], InputError)
    assert isinstance(results[1][1], Document)


def test_empty_directory(tmp_path: Path) -> None:
    [(origin, err)] = list(iter_inputs([str(tmp_path)]))
    assert str(err) == f"{tmp_path}: directory has no files to read"


def test_stdin() -> None:
    stream = io.BytesIO(b"Title: Piped\n\nExports rose by 2 percent.\n")
    [(origin, doc)] = list(iter_inputs(["-"], stdin=stream))
    assert origin == "stdin"
    assert isinstance(doc, Document)
    assert (doc.name, doc.origin, doc.title) == ("stdin", "stdin", "Piped")
    assert doc.body == "Exports rose by 2 percent.\n"


def test_empty_stdin() -> None:
    [(_, err)] = list(iter_inputs(["-"], stdin=io.BytesIO(b"")))
    assert str(err) == "stdin: empty file"


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    [(origin, err)] = list(iter_inputs([missing]))
    assert origin == missing
    assert isinstance(err, InputError)
    assert str(err) == f"{missing}: no such file or directory"


def test_feed_file_yields_one_per_entry(data_dir: Path) -> None:
    results = list(iter_inputs([str(data_dir / "feed.xml")]))
    assert [doc.name for _, doc in results] == ["feed-1", "feed-2"]


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: no 60 MiB written to disk
    [(_, err)] = list(iter_inputs([str(path)]))
    assert str(err) == f"{path}: file too large (60.0 MiB, limit 50 MiB)"
