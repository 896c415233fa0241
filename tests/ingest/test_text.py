"""Text files: decoding, the header block, identity and the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.ingest import load_path, load_text
from claimledger.ingest.text import iso_date
from claimledger.model import document_id

CURLY = "The minister said \u201cexports will rise\u201d, and the caf\u00e9 owners agreed.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8(tmp_path: Path) -> None:
    [doc] = load_path(write(tmp_path, "note.txt", CURLY.encode("utf-8")))
    assert doc.text == CURLY
    assert (doc.name, doc.kind, doc.body_start) == ("note", "text", 0)
    assert doc.origin == str(tmp_path / "note.txt")
    assert doc.id == document_id(CURLY)


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    [doc] = load_path(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + CURLY.encode("utf-8")))
    assert doc.text == CURLY


def test_cp1252_curly_quotes(tmp_path: Path) -> None:
    [doc] = load_path(write(tmp_path, "win.txt", CURLY.encode("cp1252")))
    assert doc.text == CURLY


def test_latin1_accents(tmp_path: Path) -> None:
    text = "Le ministre a d\u00e9clar\u00e9 que les exportations ont augment\u00e9 de 12 %.\n"
    [doc] = load_path(write(tmp_path, "fr.txt", text.encode("latin-1")))
    assert doc.text == text


def test_crlf_kept_as_is(tmp_path: Path) -> None:
    [doc] = load_path(write(tmp_path, "crlf.txt", b"One line.\r\nTwo lines.\r\n"))
    assert doc.text == "One line.\r\nTwo lines.\r\n"


def test_header_block(tmp_path: Path) -> None:
    raw = (
        "Title: Port exports rise\n"
        "Outlet: The Coastal Ledger\n"
        "Published: March 14, 2024\n"
        "Source Type: newspaper\n"
        "URL: https://coastal-ledger.example/a\n"
        "\n\n"
        "Exports rose by 18 percent.\n"
    )
    [doc] = load_path(write(tmp_path, "hdr.txt", raw.encode()))
    assert doc.text == raw
    assert doc.text[doc.body_start :].startswith("Exports rose by 18 percent.")
    assert doc.body == "Exports rose by 18 percent.\n"
    assert doc.title == "Port exports rise"
    assert doc.outlet == "The Coastal Ledger"
    assert doc.published == "2024-03-14"
    assert doc.url == "https://coastal-ledger.example/a"
    assert doc.author is None
    assert doc.meta == {"source type": "newspaper"}


def test_header_block_with_crlf(tmp_path: Path) -> None:
    raw = "Title: T\r\nAuthor: A. Writer\r\n\r\nBody here.\r\n"
    [doc] = load_path(write(tmp_path, "crlf.txt", raw.encode()))
    assert doc.text[doc.body_start :] == "Body here.\r\n"
    assert doc.author == "A. Writer"


def test_colon_in_first_paragraph_is_not_a_header(tmp_path: Path) -> None:
    raw = "Warning: the figures below are provisional, officials said on Monday.\n\nMore.\n"
    [doc] = load_path(write(tmp_path, "plain.txt", raw.encode()))
    assert (doc.body_start, doc.title, doc.meta) == (0, None, {})


def test_header_needs_every_line_to_match(tmp_path: Path) -> None:
    raw = "Title: Exports\nexports rose by 3 percent in May.\n\nBody.\n"
    [doc] = load_path(write(tmp_path, "mixed.txt", raw.encode()))
    assert (doc.body_start, doc.title) == (0, None)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-11-23", "2024-11-23"),
        ("November 23, 2024", "2024-11-23"),
        ("Sat, 23 Nov 2024 10:00:00 +0000", "2024-11-23"),
        ("June 2024", "2024-06"),
        ("2024", "2024"),
        ("yesterday", None),
        ("not a date", None),
    ],
)
def test_iso_date_keeps_precision(value: str, iso: str | None) -> None:
    assert iso_date(value) == iso


def test_unreadable_published_kept_in_meta(tmp_path: Path) -> None:
    raw = "Title: T\nPublished: sometime soon\n\nBody.\n"
    [doc] = load_path(write(tmp_path, "d.txt", raw.encode()))
    assert doc.published is None
    assert doc.meta == {"published": "sometime soon"}


def test_same_text_two_paths_same_id(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    [a] = load_path(write(tmp_path, "a.txt", CURLY.encode()))
    [b] = load_path(write(tmp_path / "sub", "b.txt", CURLY.encode("cp1252")))
    assert a.id == b.id
    assert (a.name, b.name) == ("a", "b")


def test_seed_articles(seeds_dir: Path) -> None:
    seeds = sorted(seeds_dir.glob("*.txt"))
    for path in seeds:
        [doc] = load_path(path)
        assert doc.text == path.read_bytes().decode("utf-8-sig")
        assert doc.name == path.stem
        assert doc.id == document_id(doc.text)
        assert doc.body_start == 0  # the seeds carry no header block
    assert len({load_path(p)[0].id for p in seeds}) == len(seeds)


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b" \n\t\n")
    with pytest.raises(InputError) as err:
        load_path(path)
    assert str(err.value) == f"{path}: empty file"


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
    with pytest.raises(InputError) as err:
        load_path(path)
    assert str(err.value) == f"{path}: binary file, not text, HTML or PDF"


def test_control_characters_are_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "ctl.txt", bytes(range(1, 9)) * 20)
    with pytest.raises(InputError) as err:
        load_path(path)
    assert err.value.reason == "binary file, not text, HTML or PDF"


def test_load_text_pasted() -> None:
    doc = load_text("Title: Pasted\n\nExports rose.", name="pasted", origin="web")
    assert (doc.name, doc.origin, doc.title) == ("pasted", "web", "Pasted")
    assert doc.body == "Exports rose."
    with pytest.raises(InputError) as err:
        load_text("  \n", name="pasted", origin="web")
    assert str(err.value) == "web: empty text; paste the article's text"
