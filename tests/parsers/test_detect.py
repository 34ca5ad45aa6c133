"""Format detection from bytes, never from names."""

from __future__ import annotations

import pytest

from models.errors import EmptyDocument, EncryptedDocument, UnsupportedFormat
from parsers.detect import detect_format


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        (b"\xef\xbb\xbf%PDF-1.4\n", "pdf"),
        (b"<!DOCTYPE html><html><body><p>Jane</p></body></html>", "html"),
        (b"  <div><p>Jane Doe</p><ul><li>Python</li></ul></div>", "html"),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body>x</body></html>", "html"),
        (b"# Jane Doe\n\n## Experience\n\n**Engineer** at [Acme](https://acme.example)\n", "md"),
        (b"| Skill | Years |\n|---|---|\n| Python | 5 |\n", "md"),
        (b"Jane Doe\nSoftware Engineer\n- Python\n- SQL\n", "txt"),
        ("Ren\u00e9e Fran\u00e7ois, r\u00e9sum\u00e9".encode("cp1252"), "txt"),
        ("\ufeffJane Doe\nEngineer".encode("utf-16"), "txt"),
        ("Jane Doe, engineer".encode("utf-16-le"), "txt"),
        ("\ufeffJane Doe".encode("utf-8"), "txt"),
        ("Jane Doe\nEngineer".encode("utf-32"), "txt"),
    ],
)
def test_detects_from_bytes(data: bytes, expected: str) -> None:
    assert detect_format(data) == expected


def test_docx_is_a_zip_with_word_document() -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    assert detect_format(buf.getvalue()) == "docx"

    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("notes.txt", "hello")
    with pytest.raises(UnsupportedFormat, match="ZIP"):
        detect_format(other.getvalue())


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", b"\x00\x00\x00", "\ufeff".encode("utf-8") + b"  "])
def test_empty(data: bytes) -> None:
    with pytest.raises(EmptyDocument):
        detect_format(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        b"\xff\xd8\xff\xe0" + b"\x00JFIF" * 10,
        b"{\\rtf1\\ansi Jane}",
        b"\x7fELF\x02\x01\x01" + bytes(range(200)),
        bytes(range(256)) * 8,
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
        b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>",
    ],
)
def test_unsupported(data: bytes) -> None:
    with pytest.raises(UnsupportedFormat, match=r"unsupported file type|binary data"):
        detect_format(data)


def test_encrypted_office_container() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedDocument, match="password"):
        detect_format(data)
