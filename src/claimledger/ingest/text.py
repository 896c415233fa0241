"""Decode text files exactly and read their optional `Key: value` header block."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from charset_normalizer import from_bytes
from dateparser.date import DateDataParser

from claimledger.errors import InputError
from claimledger.model import Document, document_id

BINARY = "binary file, not text, HTML or PDF"
EMPTY = "empty file"
HEADER_LINE = re.compile(r"^([A-Z][A-Za-z _-]{0,30}):[ \t]+(\S.*?)\s*$")
KNOWN_KEYS = ("title", "url", "published", "outlet", "author")
_CONTROL_SHARE = 0.1  # more control characters than this and the file is not text


def decode(data: bytes, origin: str) -> str:
    """The text of some bytes: UTF-8 (BOM stripped), UTF-16 with a BOM, else detected."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _try_decode(data, "utf-16")
    elif b"\x00" in data:
        raise InputError(origin, BINARY)
    else:
        text = _try_decode(data, "utf-8-sig")
    if text is None:
        best = from_bytes(data).best()
        text = str(best) if best is not None else None
    if text is None or _mostly_control(text):
        raise InputError(origin, BINARY)
    if not text.strip():
        raise InputError(origin, EMPTY)
    return text


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _mostly_control(text: str) -> bool:
    sample = text[:100_000]
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    )
    return bad > _CONTROL_SHARE * len(sample)


@dataclass
class Header:
    """What a header block says, and where the body after it starts."""

    fields: dict[str, str] = field(default_factory=dict)  # lowercased key -> value
    body_start: int = 0


def parse_header(text: str) -> Header:
    """The header block at the top of `text`, or an empty Header when there is none."""
    fields: dict[str, str] = {}
    offset = 0
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if not line.strip():
            if not fields or not any(key in fields for key in KNOWN_KEYS):
                return Header()
            for rest in lines[i:]:
                if rest.strip():
                    break
                offset += len(rest)
            return Header(fields, offset)
        match = HEADER_LINE.match(line.rstrip("\r\n"))
        if match is None:
            return Header()
        fields[match.group(1).strip().lower()] = match.group(2)
        offset += len(line)
    return Header()  # no blank line: the whole file would be header, so it is all body


@functools.cache
def _date_parser() -> DateDataParser:
    return DateDataParser(
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        }
    )


def iso_date(value: str) -> str | None:
    """An ISO date prefix with the precision `value` gives: 2024-11-23, 2024-06 or 2024."""
    data = _date_parser().get_date_data(value)
    if data.date_obj is None:
        return None
    if data.period == "year":
        return f"{data.date_obj.year:04d}"
    if data.period == "month":
        return data.date_obj.strftime("%Y-%m")
    return data.date_obj.strftime("%Y-%m-%d")


def text_document(text: str, *, name: str, origin: str) -> Document:
    """A Document over the whole decoded text, with metadata from its header block."""
    header = parse_header(text)
    known = {key: header.fields[key] for key in KNOWN_KEYS if key in header.fields}
    meta = {key: value for key, value in header.fields.items() if key not in KNOWN_KEYS}
    published = None
    if "published" in known:
        published = iso_date(known["published"])
        if published is None:
            meta["published"] = known["published"]  # keep what we could not read
    return Document(
        id=document_id(text),
        name=name,
        origin=origin,
        text=text,
        kind="text",
        body_start=header.body_start,
        title=known.get("title"),
        outlet=known.get("outlet"),
        author=known.get("author"),
        published=published,
        url=known.get("url"),
        meta=meta,
    )
