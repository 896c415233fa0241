"""Extract the text and title of a PDF with pypdf."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

from claimledger.errors import InputError
from claimledger.model import Document, document_id

NO_TEXT = "PDF has no extractable text (scanned images need OCR)"


def _cannot(origin: str, reason: str) -> InputError:
    return InputError(origin, f"cannot read PDF: {reason}")


def _read_pages(data: bytes, origin: str) -> tuple[list[str], PdfReader]:
    if b"%PDF-" not in data[:1024]:
        raise _cannot(origin, "not a PDF file (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _cannot(origin, "encrypted, decrypt it first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except FileNotDecryptedError as exc:
        raise _cannot(origin, "encrypted, decrypt it first") from exc
    except PdfStreamError as exc:
        raise _cannot(origin, "truncated or damaged file") from exc
    except PdfReadError as exc:
        raise _cannot(origin, f"damaged file ({str(exc).rstrip('.')})") from exc
    except Exception as exc:  # pypdf raises many kinds of error on broken files
        raise _cannot(origin, f"damaged file ({type(exc).__name__})") from exc
    return pages, reader


def pdf_document(data: bytes, *, name: str, origin: str) -> Document:
    """A Document whose text is the PDF's page texts joined by blank lines."""
    pages, reader = _read_pages(data, origin)
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise InputError(origin, NO_TEXT)
    try:
        info = reader.metadata
        title = (info.title or "").strip() or None if info else None
        author = (info.author or "").strip() or None if info else None
    except Exception:  # a broken info dictionary costs the metadata, not the text
        title = author = None
    return Document(
        id=document_id(text),
        name=name,
        origin=origin,
        text=text,
        kind="pdf",
        title=title,
        author=author,
    )
