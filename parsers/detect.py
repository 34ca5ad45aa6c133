"""Tell the document type from its bytes (never from the file name)."""

from __future__ import annotations

import re
from typing import Literal

from models.errors import EmptyDocument, EncryptedDocument, UnsupportedFormat
from parsers.text import decode_bytes, looks_like_markdown

Format = Literal["pdf", "docx", "html", "md", "txt"]

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"{\\rtf", "an RTF document (save it as DOCX or PDF)"),
)
_HTML_TAG_RE = re.compile(
    r"<(html|head|body|div|p|span|table|h[1-6]|ul|ol|li|br|section|article|header|footer|main|meta|title|style|script)[\s>/]",
    re.I,
)
_HTML_STRONG_RE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>\s*", re.I)

UNSUPPORTED_MESSAGE = "unsupported file type: {what}; upload PDF, DOCX, HTML, Markdown or plain text"


def _zip_kind(data: bytes) -> Format:
    # Member names sit uncompressed in the local headers and the central directory.
    if b"word/document.xml" in data:
        return "docx"
    if b"ppt/presentation.xml" in data:
        what = "a PowerPoint (PPTX) file"
    elif b"xl/workbook.xml" in data:
        what = "an Excel (XLSX) file"
    elif b"application/vnd.oasis.opendocument" in data[:200]:
        what = "an OpenDocument file (save it as DOCX or PDF)"
    else:
        what = "a ZIP archive that is not a Word document"
    raise UnsupportedFormat(UNSUPPORTED_MESSAGE.format(what=what))


def sniff_text_format(text: str) -> Format:
    """Tell HTML, Markdown and plain text apart once the bytes are decoded."""
    head = text[:4096]
    body = _XML_DECL_RE.sub("", head, count=1)
    if _HTML_STRONG_RE.search(head):
        return "html"
    if body.lstrip().startswith("<") and len(_HTML_TAG_RE.findall(head)) >= 2:
        return "html"
    if head.lstrip().startswith("<?xml") or body.lstrip().startswith("<svg"):
        raise UnsupportedFormat(UNSUPPORTED_MESSAGE.format(what="an XML file that is not HTML"))
    if looks_like_markdown(text):
        return "md"
    return "txt"


def detect_format(data: bytes) -> Format:
    """Return "pdf", "docx", "html", "md" or "txt" for these bytes.

    Raises EmptyDocument (no bytes or only whitespace), UnsupportedFormat (images, archives, binary garbage),
    EncryptedDocument (a password-protected Office file, which is an OLE2 container).
    """
    if not data or not data.strip(b" \t\r\n\f\v\x00"):
        raise EmptyDocument("the document is empty")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if data.startswith(_OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedDocument(
                "the Word document is password protected; remove the password and upload again"
            )
        raise UnsupportedFormat(
            UNSUPPORTED_MESSAGE.format(what="a legacy Word .doc or other OLE2 file (save it as DOCX or PDF)")
        )
    for magic, what in _BINARY_MAGICS:
        if data.startswith(magic):
            raise UnsupportedFormat(UNSUPPORTED_MESSAGE.format(what=what))
    if data[4:12] in (b"ftypmp42", b"ftypisom") or (
        data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI ")
    ):
        raise UnsupportedFormat(UNSUPPORTED_MESSAGE.format(what="a media file"))
    text, _ = decode_bytes(data)
    return sniff_text_format(text)
