"""Referees read from a references section: title, employer and name, never positions."""

from __future__ import annotations

from parsers.referees import extract_referees
from parsers.resume import parse_resume_text
from parsers.sections import split_sections


def _refs(text: str) -> list[tuple[str | None, str | None, str | None]]:
    out = []
    for r in extract_referees(text, split_sections(text)):
        out.append(
            (
                r.name.value if r.name else None,
                r.title.value if r.title else None,
                r.employer.value if r.employer else None,
            )
        )
    return out


def test_block_layout_name_title_employer_lines() -> None:
    text = (
        "Jane Roe\nTeacher\n\nREFERENCES\nKristine Kihn\nChief Advertising Manager\nViolet Advertisers Ltd\n"
        "Phoenix, AZ\n688 - 754 - 1489\nEmail: k.kihn@example.com\n"
    )
    assert _refs(text) == [("Kristine Kihn", "Chief Advertising Manager", "Violet Advertisers Ltd")]


def test_one_line_layouts() -> None:
    text = (
        "Jane Roe\n\nReferences\n"
        "Bob Dibbert, Account Manager, SYSTIME Solutions, London. Phone: +44 1231456789\n"
        "Portfolio Manager (Nedbank) - Mrs. Christel Roux\n"
        "Ann Lee, product manager at ExaServe\n"
    )
    refs = _refs(text)
    assert refs[0] == ("Bob Dibbert", "Account Manager", "SYSTIME Solutions")
    assert refs[1][1] == "Portfolio Manager"
    assert refs[2][:2] == ("Ann Lee", "product manager")


def test_honorific_name_then_title_and_title_then_firm() -> None:
    text = (
        "Jane Roe\n\nReferees\nDr Alpha Nina Wisoky Lecturer, Department of Marketing, Monash University\n"
        "Ms Gwen Gao, Manager Lush Cosmetics, Chadstone\n"
    )
    refs = _refs(text)
    assert refs[0][1:] == ("Lecturer", "Department of Marketing")
    assert refs[1] == ("Ms Gwen Gao", "Manager", "Lush Cosmetics")


def test_contact_lines_and_notes_are_no_referees() -> None:
    text = (
        "Jane Roe\n\nReferences\nAvailable upon request.\nPhone: (03) 9995 4332\nHerbert42@example.com\n"
        "Able to comment on my capacity to relate to staff\nProfessor Domingo Yost\n"
    )
    assert _refs(text) == []


def test_referees_are_not_positions() -> None:
    text = (
        "Jane Roe\n\nEXPERIENCE\nSoftware Engineer, Acme Ltd\nJan 2019 - Present\n- Built services\n\n"
        "REFERENCES\nKim Kreiger\nPrincipal\nPrinceton Primary School\n"
    )
    resume = parse_resume_text(text)
    assert [r.title.value for r in resume.referees if r.title] == ["Principal"]
    assert "Principal" not in [w.title for w in resume.work]
    ref = resume.referees[0]
    assert ref.title is not None and ref.title.evidence is not None
    assert resume.text[ref.title.evidence.start : ref.title.evidence.end] == "Principal"


def test_no_references_section_gives_none() -> None:
    assert _refs("Jane Roe\nSoftware Engineer\n\nEXPERIENCE\nDeveloper, Acme Ltd, 2019 - 2020\n") == []
