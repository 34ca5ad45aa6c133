"""Plain text, Markdown and HTML extraction."""

from __future__ import annotations

import pytest

from models.errors import DocumentTooLarge, EmptyDocument
from parsers.extract import ExtractedDocument, extract_document
from parsers.limits import Limits
from parsers.resume import parse_resume_text


def test_plain_text_normalized() -> None:
    doc = extract_document(b"Jane Doe\r\n\r\n\r\n\r\nEngineer  \t at\x07 Acme\r\n")
    assert isinstance(doc, ExtractedDocument)
    assert doc.format == "txt"
    assert doc.text == "Jane Doe\n\nEngineer\tat Acme"
    assert doc.pages == 1


def test_ligatures_are_spelled_out() -> None:
    # PDFs typeset with ligatures extract "ﬁ" as one character; the skill "Artificial intelligence" must be found
    doc = extract_document("Arti\ufb01cial Intelligence, e\ufb00ective, \ufb02uent, o\ufb03ce".encode())
    assert doc.text == "Artificial Intelligence, effective, fluent, office"
    resume = parse_resume_text("Jane Doe\nSKILLS\nArti\ufb01cial Intelligence, Python\n")
    assert "Artificial intelligence" in {s.name for s in resume.skills}
    assert "\ufb01" not in resume.text


def test_cp1252_fallback_is_reported() -> None:
    doc = extract_document("Ren\u00e9e \u2013 r\u00e9sum\u00e9".encode("cp1252"))
    assert doc.text == "Ren\u00e9e \u2013 r\u00e9sum\u00e9"
    assert doc.warnings == ["decoded as cp1252"]


def test_utf16_bom() -> None:
    doc = extract_document("Jos\u00e9 Garc\u00eda\nPython, SQL".encode("utf-16"))
    assert doc.text == "Jos\u00e9 Garc\u00eda\nPython, SQL"


def test_markdown_markup_removed() -> None:
    md = (
        "# Jane Doe\n\n[jane@example.com](mailto:jane@example.com) | [GitHub](https://github.com/jane)\n\n"
        "## Experience\n\n### Data Engineer, **Acme**\n\n* Built `Airflow` pipelines in _Python_\n"
        "- Cut costs by 30%\n\n| Skill | Level |\n|:---|---:|\n| SQL | expert |\n\n```\ncode block\n```\n"
    )
    doc = extract_document(md.encode())
    assert doc.format == "md"
    assert doc.text.splitlines() == [
        "Jane Doe",
        "",
        "jane@example.com | GitHub (https://github.com/jane)",
        "",
        "Experience",
        "",
        "Data Engineer, Acme",
        "",
        "• Built Airflow pipelines in Python",
        "• Cut costs by 30%",
        "",
        "Skill | Level",
        "SQL | expert",
        "",
        "code block",
    ]


def test_markdown_keeps_snake_case_and_emails() -> None:
    doc = extract_document(b"# Skills\n\n**Tools**: snake_case_names, first_last@example.com, C++ and C#\n")
    assert "snake_case_names, first_last@example.com, C++ and C#" in doc.text


def test_html_scripts_styles_dropped_blocks_kept() -> None:
    html = b"""<!doctype html><html><head><title>CV</title><style>h1{color:red}</style>
    <script>var secret = "do not show";</script></head><body>
    <h1>Jane   Doe</h1><p>Nurse &amp; educator</p><!-- hidden comment -->
    <h2>Skills</h2><ul><li>Patient care</li><li>Triage <b>(ER)</b></li></ul>
    <table><tr><th>Year</th><th>Employer</th></tr><tr><td>2019</td><td>City Hospital</td></tr></table>
    <div>Line one<br>Line two</div><noscript>enable js</noscript></body></html>"""
    doc = extract_document(html)
    assert doc.format == "html"
    assert doc.text.splitlines() == [
        "Jane Doe",
        "",
        "Nurse & educator",
        "",
        "Skills",
        "",
        "• Patient care",
        "• Triage (ER)",
        "",
        "Year | Employer",
        "2019 | City Hospital",
        "",
        "Line one",
        "Line two",
    ]
    assert "secret" not in doc.text and "color" not in doc.text and "hidden" not in doc.text


def test_html_charset_declared() -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Ren\u00e9e</p></body></html>'.encode(
        "latin-1"
    )
    assert extract_document(html).text == "Ren\u00e9e"


def test_html_without_text_is_empty() -> None:
    with pytest.raises(EmptyDocument):
        extract_document(b"<html><head><script>x()</script></head><body>  </body></html>")


def test_limits() -> None:
    with pytest.raises(DocumentTooLarge, match="bytes"):
        extract_document(b"x" * 101, limits=Limits(max_bytes=100))
    with pytest.raises(DocumentTooLarge, match="characters"):
        extract_document(b"word " * 100, limits=Limits(max_chars=50))


def test_html_link_targets_kept_when_hidden() -> None:
    html = (
        b'<html><body><p>Find me on <a href="https://www.linkedin.com/in/jane">LinkedIn</a> or '
        b'<a href="mailto:jane@example.com?subject=Hi">email</a>; <a href="https://x.example">https://x.example</a>'
        b' <a href="#top">top</a> <a href="javascript:alert(1)">js</a></p></body></html>'
    )
    assert extract_document(html).text == (
        "Find me on LinkedIn (https://www.linkedin.com/in/jane) or email (jane@example.com); "
        "https://x.example top js"
    )


def test_stray_nul_bytes_are_ignored() -> None:
    assert extract_document(b"Jane Doe\nEngineer at Acme, Python and SQL\x00\x00").text == (
        "Jane Doe\nEngineer at Acme, Python and SQL"
    )


def test_html_entities_never_resolved() -> None:
    html = (
        b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Jane &xxe; Doe</p></body></html>'
    )
    assert extract_document(html).text == "Jane &xxe; Doe"
