"""DOCX extraction: document order across paragraphs, tables, text boxes, headers and footers; golden text
for the formats whose extraction is all our own code."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from evaluation.synthetic import ResumeSpec, format_range, spec_from_dict
from parsers.extract import extract_document

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def spec() -> ResumeSpec:
    return spec_from_dict(json.loads((DATA / "resume.spec.json").read_text(encoding="utf-8")))


def docx_with_body(body: str, extra: dict[str, str] | None = None) -> bytes:
    """A minimal DOCX package whose document.xml body is `body` (WordprocessingML)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            "<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>",
        )
        zf.writestr(
            "word/document.xml",
            f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:document xmlns:w='{W}' "
            "xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006' "
            "xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'>"
            f"<w:body>{body}</w:body></w:document>",
        )
        for name, content in (extra or {}).items():
            zf.writestr(name, content)
    return buf.getvalue()


def p(text: str, style: str | None = None) -> str:
    ppr = f"<w:pPr><w:pStyle w:val='{style}'/></w:pPr>" if style else ""
    return f"<w:p>{ppr}<w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


@pytest.mark.parametrize(
    "name",
    [
        "resume.docx",
        "resume_tables.docx",
        "resume_header_textbox.docx",
        "resume.txt",
        "resume.md",
        "resume.html",
    ],
)
def test_golden_text(name: str) -> None:
    expected = (DATA / f"{name}.expected.txt").read_text(encoding="utf-8").rstrip("\n")
    assert extract_document((DATA / name).read_bytes()).text == expected


def test_docx_ground_truth_in_document_order() -> None:
    resume = spec()
    doc = extract_document((DATA / "resume.docx").read_bytes())
    assert doc.format == "docx"
    text = doc.text
    order = [resume.name, resume.email, resume.summary]
    for pos in resume.positions:
        order += [pos.employer, *pos.bullets]
    order += [resume.education[0].institution, resume.skills[0], resume.languages[0][0]]
    cursor = 0
    for item in order:
        cursor = text.index(item, cursor)  # ValueError when missing or out of order
    for pos in resume.positions:
        for bullet in pos.bullets:
            assert f"• {bullet}" in text


def test_docx_tables_read_row_by_row_and_cell_by_cell() -> None:
    resume = spec()
    lines = extract_document((DATA / "resume_tables.docx").read_bytes()).text.splitlines()
    for pos in resume.positions:
        dates = lines.index(format_range(resume, pos.start, pos.end))
        assert lines[dates + 1] == f"{pos.title}, {pos.employer}, {pos.location}"
        assert lines[dates + 2 : dates + 2 + len(pos.bullets)] == [f"• {b}" for b in pos.bullets]
    # Rows of one-line cells become one line with the cells joined.
    assert " | ".join(resume.skills[:3]) in lines


def test_docx_header_first_footer_last_text_box_once() -> None:
    resume = spec()
    text = extract_document((DATA / "resume_header_textbox.docx").read_bytes()).text
    lines = text.splitlines()
    assert resume.email in lines[0]  # page header (contact details) comes first
    assert lines[-1] == "Curriculum vitae – page 1"  # footer last
    # The text box is stored twice (DrawingML and a VML fallback); it is read once.
    assert text.count(resume.headline) == 1 + sum(p.title == resume.headline for p in resume.positions)
    assert lines.index(resume.name) < lines.index(resume.headline)


def test_docx_inline_features() -> None:
    body = (
        p("Jane Doe", "Title")
        + "<w:p><w:r><w:t>Tab</w:t></w:r><w:r><w:tab/><w:t>separated</w:t><w:br/><w:t>after break</w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>kept </w:t></w:r><w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>"
        + "<w:ins><w:r><w:t>inserted</w:t></w:r></w:ins></w:p>"
        + "<w:p><w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>HYPERLINK x</w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>shown link</w:t></w:r>"
        + "<w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>"
        + "<w:sdt><w:sdtPr/><w:sdtContent>" + p("inside content control") + "</w:sdtContent></w:sdt>"
        + "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr></w:pPr><w:r><w:t>numbered item</w:t></w:r></w:p>"
        + p("Experience", "Heading1")
        + "<w:tbl><w:tr><w:tc>" + p("outer cell")
        + "<w:tbl><w:tr><w:tc>" + p("nested a") + "</w:tc><w:tc>" + p("nested b") + "</w:tc></w:tr></w:tbl>"
        + "</w:tc><w:tc>" + p("right cell") + "</w:tc></w:tr></w:tbl>"
        + "<w:sectPr/>"
    )  # fmt: skip
    text = extract_document(docx_with_body(body)).text
    assert text.splitlines() == [
        "Jane Doe",
        "Tab\tseparated",
        "after break",
        "kept inserted",
        "shown link",
        "inside content control",
        "• numbered item",
        "",
        "Experience",
        "",
        "outer cell",
        "nested a | nested b",
        "right cell",
    ]


def test_docx_alternate_content_read_once() -> None:
    box = "<w:txbxContent>" + p("Boxed contact line") + "</w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><w:drawing><wrap>{box}</wrap></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><shape>{box}</shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    text = extract_document(docx_with_body(body)).text
    assert text.splitlines() == ["Anchor", "Boxed contact line"]


def test_docx_header_footer_from_relationships() -> None:
    rels = (
        "<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
        "<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/header' Target='header1.xml'/>"
        "<Relationship Id='rId2' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/header' Target='header2.xml'/>"
        "<Relationship Id='rId3' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer' Target='footer1.xml'/>"
        "<Relationship Id='rId4' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink' Target='https://example.com' TargetMode='External'/>"
        "</Relationships>"
    )
    header = f"<w:hdr xmlns:w='{W}'>" + p("jane@example.com | 555-0100") + "</w:hdr>"
    footer = f"<w:ftr xmlns:w='{W}'>" + p("Page 3") + p("Confidential") + "</w:ftr>"
    data = docx_with_body(
        p("Jane Doe") + p("Body text"),
        {
            "word/_rels/document.xml.rels": rels,
            "word/header1.xml": header,
            "word/header2.xml": header,
            "word/footer1.xml": footer,
        },
    )
    doc = extract_document(data)
    # Identical first-page/default headers are read once; a bare page number is dropped.
    assert doc.text.splitlines() == [
        "jane@example.com | 555-0100",
        "",
        "Jane Doe",
        "Body text",
        "",
        "Confidential",
    ]


def test_docx_hyperlink_targets_and_page_count() -> None:
    rels = (
        "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
        "<Relationship Id='rId7' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink' "
        "Target='https://github.com/jane' TargetMode='External'/>"
        "<Relationship Id='rId8' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink' "
        "Target='file:///etc/passwd' TargetMode='External'/></Relationships>"
    )
    app = "<Properties xmlns='http://schemas.openxmlformats.org/officeDocument/2006/extended-properties'><Pages>2</Pages></Properties>"
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>Code: </w:t></w:r><w:hyperlink r:id='rId7'><w:r><w:t>GitHub</w:t></w:r>"
        "</w:hyperlink><w:r><w:t xml:space='preserve'> and </w:t></w:r><w:hyperlink r:id='rId8'><w:r><w:t>notes</w:t>"
        "</w:r></w:hyperlink></w:p>"
        "<w:p><w:pPr><w:pStyle w:val='Heading1'/><w:numPr><w:numId w:val='3'/></w:numPr></w:pPr><w:r><w:t>Skills</w:t></w:r></w:p>"
    )
    doc = extract_document(
        docx_with_body(body, {"word/_rels/document.xml.rels": rels, "docProps/app.xml": app})
    )
    assert doc.text.splitlines() == ["Code: GitHub (https://github.com/jane) and notes", "", "Skills"]
    assert doc.pages == 2
