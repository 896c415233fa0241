"""Read files, directories, stdin and URLs into Documents, with one-line errors for bad input."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from claimledger.errors import InputError
from claimledger.ingest.feed import feed_documents
from claimledger.ingest.html import html_document
from claimledger.ingest.limits import Limits, time_budget
from claimledger.ingest.pdf import pdf_document
from claimledger.ingest.sniff import KINDS, kind_for
from claimledger.ingest.text import decode, text_document
from claimledger.ingest.url import fetch, is_url, url_name
from claimledger.model import Document

__all__ = [
    "MAX_FILE_BYTES",
    "count_inputs",
    "iter_inputs",
    "load_bytes",
    "load_path",
    "load_text",
    "load_url",
]

MAX_FILE_BYTES = 50 * 1024 * 1024
STDIN_NAME = "stdin"


def _too_large(origin: str, size: int) -> InputError:
    return InputError(origin, f"file too large ({size / 2**20:.1f} MiB, limit 50 MiB)")


def load_bytes(
    data: bytes, *, name: str, origin: str, kind: str | None = None, url: str | None = None
) -> list[Document]:
    """The Documents in some bytes; `kind` is sniffed from the content when None."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(origin, len(data))
    if not data.strip():
        raise InputError(origin, "empty file")
    kind = kind or kind_for(data)
    if kind not in KINDS:
        raise ValueError(f"unknown input kind {kind!r}; expected one of {', '.join(KINDS)}")
    if kind == "pdf":
        return [pdf_document(data, name=name, origin=origin)]
    if kind == "feed":
        return feed_documents(data, name=name, origin=origin)
    if kind == "text":
        Limits.from_env().check_bytes(origin, len(data))  # before spending time decoding it
    text = decode(data, origin)
    if kind == "html":
        return [html_document(text, name=name, origin=origin, url=url)]
    return [text_document(text, name=name, origin=origin)]


def load_path(path: Path) -> list[Document]:
    """The Documents in one file (a feed gives one per entry); raises InputError."""
    origin = str(path)
    try:
        if path.is_dir():
            raise InputError(origin, "is a directory; pass it to iter_inputs to read its files")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_large(origin, size)
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(origin, "no such file or directory") from exc
    except OSError as exc:
        raise InputError(origin, f"cannot read file: {(exc.strerror or str(exc)).lower()}") from exc
    return load_bytes(data, name=path.stem, origin=origin, kind=kind_for(data, path.suffix))


def load_text(text: str, *, name: str, origin: str) -> Document:
    """A Document from pasted text, header block included; raises InputError when empty."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(origin, "empty text; paste the article's text")
    return text_document(text, name=name, origin=origin)


def load_url(url: str, *, allow_private: bool = False) -> list[Document]:
    """The Documents at an http(s) URL, fetched through the guarded fetcher."""
    fetched = fetch(url, allow_private=allow_private)
    kind = kind_for(fetched.data, content_type=fetched.content_type)
    return load_bytes(fetched.data, name=url_name(url), origin=url, kind=kind, url=fetched.url)


def _files_under(root: Path) -> list[Path]:
    """The files under `root`, recursively and sorted, skipping hidden files and directories."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder, f) for f in sorted(files) if not f.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _load_one(
    path: str, stdin: BinaryIO | None, allow_urls: bool, allow_private: bool
) -> Iterator[tuple[str, Document | InputError]]:
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            yield STDIN_NAME, InputError(STDIN_NAME, "input too large (over 50 MiB, limit 50 MiB)")
            return
        yield from _each(STDIN_NAME, lambda: load_bytes(data, name=STDIN_NAME, origin=STDIN_NAME))
    elif is_url(path):
        if allow_urls:
            yield from _each(path, lambda: load_url(path, allow_private=allow_private))
        else:
            yield (
                path,
                InputError(path, "URLs are not accepted here; save the page and pass the file"),
            )
    elif Path(path).is_dir():
        files = _files_under(Path(path))
        if not files:
            yield path, InputError(path, "directory has no files to read")
        for file in files:
            yield from _each(str(file), lambda f=file: load_path(f))
    else:
        yield from _each(path, lambda: load_path(Path(path)))


def _each(
    origin: str, load: Callable[[], list[Document]]
) -> Iterator[tuple[str, Document | InputError]]:
    try:
        with time_budget(origin, Limits.from_env().seconds, "reading"):  # hostile pages are slow
            docs = load()
    except InputError as exc:
        yield origin, exc
        return
    for doc in docs:
        yield origin, doc


def count_inputs(paths: Sequence[str]) -> int:
    """How many inputs `iter_inputs` will read: files under directories, one per other path
    (a feed may still hold several documents)."""
    total = 0
    for path in paths:
        is_dir = path != "-" and not is_url(path) and Path(path).is_dir()
        total += len(_files_under(Path(path))) if is_dir else 1
    return total


def iter_inputs(
    paths: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    allow_urls: bool = True,
    allow_private: bool = False,
) -> Iterator[tuple[str, Document | InputError]]:
    """Yield (origin, Document-or-error) for each input: files, directories recursively (sorted,
    skipping hidden files and dirs), '-' for stdin (name 'stdin'), http(s) URLs. A feed file
    yields one Document per entry. A missing path yields InputError(path, 'no such file or
    directory'). URLs reach only public addresses unless `allow_private`. Never raises for
    bad input."""
    for path in paths:
        yield from _load_one(path, stdin, allow_urls, allow_private)
