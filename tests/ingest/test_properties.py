"""Hostile input never crashes a reader or the extractor: Hypothesis over arbitrary unicode,
huge numbers, deeply nested HTML and zip bombs disguised as PDFs. Each property either gives
documents (or figures) or one InputError; each example is bounded in time by a deadline,
and the run by its example count. benchmarks/fuzz_extract.py runs the same longer."""

from __future__ import annotations

import math
import zlib
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.api import prepare
from claimledger.errors import InputError
from claimledger.ingest import load_bytes
from claimledger.ingest.html import html_document
from claimledger.ingest.limits import MAX_MAGNITUDE, Limits
from claimledger.ingest.pdf import pdf_document
from claimledger.model import Document, document_id
from claimledger.parties import PartyRegistry

BOUNDED = settings(
    max_examples=40,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

numbers = st.one_of(
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text("0123456789,.", min_size=1, max_size=60),
    st.just("1" + "0" * 400),
    st.just("9" * 5000),
)
words = st.sampled_from(
    ["troops", "shells", "$", "million", "billion", "per cent", "a month", "between", "and",
     "up to", "about", "said", "Russia", "North Korea", "tonnes", "\u202e", "\x00", "\n\n"]
)  # fmt: skip
hostile_text = st.lists(st.one_of(numbers, words, st.text(max_size=20)), max_size=40).map(" ".join)


def _readable(call: object) -> None:
    """Run a reader: documents or an InputError are both fine; anything else fails."""
    try:
        docs = call()  # type: ignore[operator]
    except InputError as exc:
        assert exc.reason
        return
    for doc in docs if isinstance(docs, list) else [docs]:
        assert isinstance(doc, Document)
        assert doc.text.strip()


@BOUNDED
@given(st.binary(max_size=4096))
def test_any_bytes_read_or_fail_cleanly(data: bytes) -> None:
    _readable(lambda: load_bytes(data, name="x", origin="x"))


@BOUNDED
@given(st.text(max_size=2000))
def test_any_unicode_reads_as_html_or_fails_cleanly(text: str) -> None:
    _readable(lambda: html_document(f"<html><body><p>{text}</p></body></html>", name="x",
                                    origin="x"))  # fmt: skip


@BOUNDED
@given(st.integers(min_value=1, max_value=20_000), st.sampled_from(["div", "b", "span", "p"]))
def test_deeply_nested_html_reads_or_fails_cleanly(depth: int, tag: str) -> None:
    page = f"<html><body>{f'<{tag}>' * depth}Exports rose 12 percent.{f'</{tag}>' * depth}"
    _readable(lambda: html_document(page, name="x", origin="x"))


def _pdf(stream: bytes, declared: int | None = None) -> bytes:
    """A one-page PDF whose content stream is `stream`, FlateDecode-compressed."""
    length = len(stream) if declared is None else declared
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> "
        b">> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % length + stream + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def test_a_zip_bomb_disguised_as_a_pdf_fails_cleanly() -> None:
    """200 MB of zeros in a ~200 kB content stream: read within bounds or refused."""
    bomb = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    stream = b"".join(bomb.compress(chunk) for _ in range(200)) + bomb.flush()
    _readable(lambda: pdf_document(_pdf(stream), name="bomb", origin="bomb.pdf"))


@BOUNDED
@given(hostile_text, st.booleans())
def test_a_pdf_stream_of_hostile_text_reads_or_fails_cleanly(text: str, lie: bool) -> None:
    content = b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1", "replace") + b") Tj ET"
    stream = zlib.compress(content)
    declared = len(stream) * 1000 if lie else None  # a Length that lies
    _readable(lambda: pdf_document(_pdf(stream, declared), name="x", origin="x.pdf"))


@settings(
    max_examples=25,
    deadline=timedelta(seconds=30),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_text)
def test_extract_never_crashes_and_keeps_numbers_bounded(text: str) -> None:
    if not text.strip():
        return
    doc = Document(id=document_id(text), name="h", origin="h", text=text)
    prepared = prepare(doc, PartyRegistry.default(), Limits(seconds=30))
    for claim in prepared.extraction.claims:
        assert 0 <= claim.start <= claim.end <= len(text)
        for value in (claim.value, claim.low, claim.high):
            assert value is None or (math.isfinite(value) and abs(value) <= MAX_MAGNITUDE)
