"""Every kind of bad input gets its typed ParseError with a message a person can act on."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from models.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    ImageOnlyDocument,
    ParseError,
    UnsafeDocument,
    UnsupportedFormat,
)
from parsers.extract import extract_document
from parsers.limits import Limits

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CASES = [
    ("encrypted.pdf", EncryptedDocument, "password"),
    ("image_only.pdf", ImageOnlyDocument, "no text layer"),
    ("scan_with_stamp.pdf", ImageOnlyDocument, "scan"),
    ("blank_page.pdf", EmptyDocument, "blank"),
    ("corrupt.pdf", CorruptDocument, "damaged"),
    ("truncated.pdf", CorruptDocument, "damaged"),
    ("zip_bomb.docx", UnsafeDocument, "zip bomb"),
    ("many_entries.docx", UnsafeDocument, "entries"),
    ("xxe.docx", UnsafeDocument, "DOCTYPE"),
    ("billion_laughs.docx", UnsafeDocument, "DOCTYPE"),
    ("broken_xml.docx", CorruptDocument, "broken XML"),
    ("truncated.docx", CorruptDocument, "damaged"),
]


@pytest.mark.parametrize(("name", "error", "words"), CASES)
def test_bad_fixture(name: str, error: type[ParseError], words: str) -> None:
    engines = ("pypdfium2", "pdfminer") if name.endswith(".pdf") else ("pypdfium2",)
    for engine in engines:
        with pytest.raises(error) as info:
            extract_document((DATA / name).read_bytes(), pdf_engine=engine)
        assert words in info.value.message
        assert "Traceback" not in info.value.message and "<" not in info.value.message


@pytest.mark.parametrize("engine", ["pypdfium2", "pdfminer"])
def test_page_and_char_limits(engine: str) -> None:
    data = (DATA / "long_single.pdf").read_bytes()
    with pytest.raises(DocumentTooLarge, match="page"):
        extract_document(data, limits=Limits(max_pages=1), pdf_engine=engine)
    with pytest.raises(DocumentTooLarge, match="characters"):
        extract_document(data, limits=Limits(max_chars=500), pdf_engine=engine)


def test_byte_limit_checked_before_parsing() -> None:
    with pytest.raises(DocumentTooLarge, match="bytes"):
        extract_document((DATA / "resume_single.pdf").read_bytes(), limits=Limits(max_bytes=1000))


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buf.getvalue()


def _document(text: str) -> bytes:
    return f"<w:document xmlns:w='{W}'><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>".encode()


def test_zip_ratio_checked_below_size_limit() -> None:
    padded = _document("Jane") + b" " * 5_000_000  # 5 MB of spaces deflates about 1000:1
    with pytest.raises(UnsafeDocument, match="ratio"):
        extract_document(_zip({"word/document.xml": padded}))
    # The same part is fine when the limit allows that ratio.
    doc = extract_document(_zip({"word/document.xml": padded}), limits=Limits(max_zip_ratio=5000))
    assert doc.text == "Jane"


def test_zip_declared_size_lie_is_caught_while_reading() -> None:
    real = _document("Jane") + b" " * 200_000
    data = bytearray(_zip({"word/document.xml": real}))
    # Forge the uncompressed size (local header offset 22, central directory offset 24) to 1,000 bytes.
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 1000)
    struct.pack_into("<I", data, central + 24, 1000)
    with pytest.raises((UnsafeDocument, CorruptDocument)):
        extract_document(bytes(data))


def test_zip_total_budget() -> None:
    data = _zip({"word/document.xml": _document("Jane") + b" " * 300_000})
    with pytest.raises(UnsafeDocument, match="limit"):
        extract_document(data, limits=Limits(max_unzipped_bytes=100_000))


def test_encrypted_zip_member() -> None:
    data = bytearray(_zip({"word/document.xml": _document("Jane")}, zipfile.ZIP_STORED))
    for sig, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        data[at + flag_offset] |= 0x1
    with pytest.raises(EncryptedDocument, match="password"):
        extract_document(bytes(data))


def test_utf16_xml_with_doctype_is_refused() -> None:
    xml = "<?xml version='1.0' encoding='UTF-16'?><!DOCTYPE x [<!ENTITY e SYSTEM 'http://example.com/'>]>"
    xml += f"<w:document xmlns:w='{W}'><w:body/></w:document>"
    with pytest.raises(UnsafeDocument):
        extract_document(_zip({"word/document.xml": xml.encode("utf-16")}))


def test_docx_without_text_is_empty() -> None:
    with pytest.raises(EmptyDocument):
        extract_document(
            _zip({"word/document.xml": f"<w:document xmlns:w='{W}'><w:body/></w:document>".encode()})
        )


def test_zip_that_is_not_docx_is_unsupported() -> None:
    with pytest.raises(UnsupportedFormat, match="ZIP"):
        extract_document(_zip({"readme.txt": b"hello"}))


def test_unknown_engine_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="pdf_engine"):
        extract_document(b"text", pdf_engine="tesseract")
