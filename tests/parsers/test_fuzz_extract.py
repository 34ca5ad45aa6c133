"""Property: any bytes give an ExtractedDocument or a ParseError, never another exception."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import ParseError
from parsers.extract import ExtractedDocument, extract_document
from parsers.limits import Limits

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"
SEEDS = {
    name: (DATA / name).read_bytes()
    for name in ("resume_two_column.pdf", "resume_tables.docx", "resume.html")
}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, **kwargs: object) -> None:
    try:
        doc = extract_document(data, **kwargs)  # type: ignore[arg-type]
    except ParseError as exc:
        assert exc.message
        return
    assert isinstance(doc, ExtractedDocument)
    assert doc.text.strip()
    assert doc.format in ("pdf", "docx", "html", "md", "txt")


@st.composite
def mutated(draw: st.DrawFn, seed_name: str) -> bytes:
    data = bytearray(SEEDS[seed_name])
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(("flip", "cut", "insert", "zero")))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[at : at + draw(st.integers(1, 400))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            data[at : at + 16] = bytes(min(16, len(data) - at))
    return bytes(data)


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes(data: bytes) -> None:
    check(data)


@FAST
@given(
    st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe"]),
    st.binary(max_size=2000),
)
def test_magic_prefixes_with_junk(prefix: bytes, tail: bytes) -> None:
    check(prefix + tail)


@FAST
@given(mutated("resume_two_column.pdf"))
def test_mutated_pdf(data: bytes) -> None:
    check(data)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated("resume_two_column.pdf"))
def test_mutated_pdf_pdfminer(data: bytes) -> None:
    check(data, pdf_engine="pdfminer")


@FAST
@given(mutated("resume_tables.docx"))
def test_mutated_docx_container(data: bytes) -> None:
    check(data)


@st.composite
def docx_with_random_xml(draw: st.DrawFn) -> bytes:
    """A valid ZIP whose document.xml is random markup, so the XML walker (not the ZIP reader) is tested."""
    tags = st.sampled_from(["w:p", "w:r", "w:t", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:txbxContent",
                            "mc:AlternateContent", "mc:Choice", "mc:Fallback", "w:br", "w:tab", "w:pPr", "w:numPr"])  # fmt: skip
    parts = draw(st.lists(st.tuples(tags, st.text(max_size=12), st.booleans()), max_size=30))
    body = ""
    for tag, text, close in parts:
        body += f"<{tag}>{text.replace('<', '').replace('&', '')}" + (f"</{tag}>" if close else "")
    xml = (
        f"<w:document xmlns:w='{W}' xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006'>"
        f"<w:body>{body}</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


@FAST
@given(docx_with_random_xml())
def test_random_docx_xml(data: bytes) -> None:
    check(data)


@FAST
@given(mutated("resume.html"))
def test_mutated_html(data: bytes) -> None:
    check(data)


@FAST
@given(st.text(max_size=2000))
def test_any_text(text: str) -> None:
    for encoding in ("utf-8", "utf-16"):
        check(text.encode(encoding, errors="surrogatepass"))


@settings(max_examples=20, deadline=None)
@given(st.binary(min_size=1, max_size=200))
def test_tiny_limits_still_typed(data: bytes) -> None:
    check(
        SEEDS["resume_two_column.pdf"][:4000] + data, limits=Limits(max_bytes=3000, max_chars=10, max_pages=1)
    )
