"""Any uploaded bytes -> ExtractedDocument (plain text with its reading order rebuilt) or a ParseError.

The one entry point is `extract_document`. Format is told from the bytes (parsers.detect); the per-format
code lives in pdf.py, docx.py, html.py and text.py. Whatever the input, the only exceptions that leave this
module are subclasses of models.errors.ParseError.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass, field

from models.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    ParseError,
)
from parsers.detect import detect_format
from parsers.limits import DEFAULT_LIMITS, Limits

logger = logging.getLogger(__name__)

PDF_ENGINES = ("pypdfium2", "pdfminer")
DEFAULT_PDF_ENGINE = "pypdfium2"


@dataclass
class ExtractedDocument:
    """Text of one document: "\\n" line breaks, one blank line between blocks, in reading order."""

    text: str
    format: str
    pages: int
    engine: str
    warnings: list[str] = field(default_factory=list)


def _extract(data: bytes, fmt: str, limits: Limits, pdf_engine: str) -> ExtractedDocument:
    if fmt == "pdf":
        from parsers.pdf import extract_pdf

        text, pages, notes = extract_pdf(data, limits=limits, engine=pdf_engine)
        return ExtractedDocument(text=text, format="pdf", pages=pages, engine=pdf_engine, warnings=notes)
    if fmt == "docx":
        from parsers.docx import extract_docx

        text, pages, notes = extract_docx(data, limits=limits)
        return ExtractedDocument(text=text, format="docx", pages=pages, engine="docx-xml", warnings=notes)
    if fmt == "html":
        from parsers.html import extract_html

        return ExtractedDocument(text=extract_html(data), format="html", pages=1, engine="lxml-html")
    from parsers.text import extract_text

    text, encoding = extract_text(data, markdown=fmt == "md")
    notes = [] if encoding in ("utf-8", "ascii") else [f"decoded as {encoding}"]
    return ExtractedDocument(text=text, format=fmt, pages=1, engine="text", warnings=notes)


def extract_document(
    data: bytes, *, limits: Limits | None = None, pdf_engine: str | None = None
) -> ExtractedDocument:
    """Turn document bytes (PDF, DOCX, HTML, Markdown, plain text) into text in reading order.

    Args:
        data: the file's bytes; the type is detected from them, never from a name.
        limits: size/page/character/zip limits (defaults: parsers.limits.Limits()).
        pdf_engine: "pypdfium2" (default, fast) or "pdfminer" (pdfminer.six layout analysis).
    Raises:
        ParseError subclasses only: UnsupportedFormat, EmptyDocument, CorruptDocument, EncryptedDocument,
        ImageOnlyDocument, DocumentTooLarge, UnsafeDocument.
    """
    limits = limits or DEFAULT_LIMITS
    engine = pdf_engine or DEFAULT_PDF_ENGINE
    if engine not in PDF_ENGINES:
        raise ValueError(f"unknown pdf_engine {engine!r}; choose one of {', '.join(PDF_ENGINES)}")
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("extract_document takes the document's bytes")
    data = bytes(data)
    if len(data) > limits.max_bytes:
        raise DocumentTooLarge(f"the file is {len(data):,} bytes; the limit is {limits.max_bytes:,}")
    fmt = detect_format(data)
    try:
        with warnings.catch_warnings():
            # Third-party parsers warn about broken input; the caller gets typed errors instead.
            warnings.simplefilter("ignore")
            doc = _extract(data, fmt, limits, engine)
    except ParseError:
        raise
    except MemoryError as exc:
        raise DocumentTooLarge(f"the {fmt.upper()} document needs too much memory to read") from exc
    except RecursionError as exc:
        raise CorruptDocument(f"the {fmt.upper()} document is nested too deeply to read") from exc
    except Exception as exc:
        logger.info("extract failed: format=%s error=%s", fmt, type(exc).__name__)
        raise CorruptDocument(f"the {fmt.upper()} document is damaged and cannot be read") from exc
    if len(doc.text) > limits.max_chars:
        raise DocumentTooLarge(
            f"the document holds {len(doc.text):,} characters; the limit is {limits.max_chars:,}"
        )
    if not doc.text.strip():
        raise EmptyDocument(f"the {fmt.upper()} document holds no text")
    return doc
