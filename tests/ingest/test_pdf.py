"""PDF files: text and metadata through pypdf, and broken or empty PDFs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from claimledger.errors import InputError
from claimledger.ingest import load_bytes, load_path

PARAGRAPHS = (
    "The fisheries board landed 52,000 tonnes of herring in 2023.",
    "Quotas for the coming season were cut by 7 percent, the board said.",
)


def make_pdf() -> bytes:
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    template = SimpleDocTemplate(buffer, title="Fisheries report", author="Board Staff")
    template.build([Paragraph(text, styles["Normal"]) for text in PARAGRAPHS])
    return buffer.getvalue()


def blank_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 200, 200)
    page.showPage()
    page.save()
    return buffer.getvalue()


def check_error(path: Path, message: str) -> None:
    with pytest.raises(InputError) as err:
        load_path(path)
    assert str(err.value) == f"{path}: {message}"


def test_pdf_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf())
    [doc] = load_path(path)
    assert (doc.kind, doc.name) == ("pdf", "report")
    for text in PARAGRAPHS:
        assert text in doc.text
    assert (doc.title, doc.author) == ("Fisheries report", "Board Staff")


def test_pdf_sniffed_without_suffix() -> None:
    [doc] = load_bytes(make_pdf(), name="x", origin="x")
    assert doc.kind == "pdf"


def test_truncated_pdf(tmp_path: Path) -> None:
    data = make_pdf()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    check_error(path, "cannot read PDF: truncated or damaged file")


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("This is a plain note, not a PDF.\n")
    check_error(path, "cannot read PDF: not a PDF file (no %PDF- header)")


def test_pdf_without_text(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(blank_pdf())
    check_error(path, "PDF has no extractable text (scanned images need OCR)")


def test_encrypted_pdf(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt="secret")
    page.drawString(100, 700, PARAGRAPHS[0])
    page.save()
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    check_error(path, "cannot read PDF: encrypted, decrypt it first")
