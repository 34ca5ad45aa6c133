"""Spoken languages (never programming languages) and certifications."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from models.resume import PartialDate
from parsers.certifications import extract_certifications
from parsers.languages import cefr_of, extract_languages
from parsers.sections import split_sections


def _rows(items: Sequence[Any], fields: str) -> list[object]:
    """The named fields of each item, as a tuple (a bare value when one field is named); "year" stands
    for the year of the item's date."""
    names = fields.split()
    rows: list[object] = []
    for item in items:
        row = tuple(
            (item.date.year if item.date else None) if n == "year" else getattr(item, n) for n in names
        )
        rows.append(row if len(row) > 1 else row[0])
    return rows


def test_languages_section_with_levels() -> None:
    text = "LANGUAGES\nEnglish (Native), Spanish - B2, French: basic, German\n"
    langs = extract_languages(text, split_sections(text))
    assert [(x.name, x.level, x.cefr) for x in langs] == [
        ("English", "Native", "native"),
        ("Spanish", "B2", "B2"),
        ("French", "basic", "A2"),
        ("German", None, None),
    ]
    assert langs[1].evidence is not None and langs[1].evidence.text == "Spanish"


@pytest.mark.parametrize(
    ("text", "fields", "want"),
    [
        pytest.param(
            "TECHNICAL SKILLS\nLanguages: Java, Python, C++\nFrameworks: Spring\n",
            "name",
            [],
            id="programming-languages-are-not-spoken",
        ),
        pytest.param(
            "Summary\nFluent in Japanese. Studied Chinese history.\n",
            "name",
            ["Japanese"],
            id="outside-a-section-needs-a-level-cue",
        ),
        pytest.param(
            "Jane Roe\n\nLANGUAGES\nEnglish - C2\nMandarin Chinese - fluent\n\nEXPERIENCE\nAnalyst, Acme Corp, 2010 - 2015\n",
            "name level",
            [("English", "C2"), ("Mandarin", "fluent")],
            id="mandarin-chinese-is-one-language",
        ),
    ],
)
def test_languages(text: str, fields: str, want: list[object]) -> None:
    assert _rows(extract_languages(text, split_sections(text)), fields) == want


@pytest.mark.parametrize(
    ("level", "cefr"),
    [
        ("C1", "C1"),
        ("mother tongue", "native"),
        ("Professional working proficiency", "B2"),
        (None, None),
    ],
)
def test_cefr_mapping(level: str | None, cefr: str | None) -> None:
    assert cefr_of(level) == cefr


@pytest.mark.parametrize(
    ("text", "fields", "want"),
    [
        pytest.param(
            (
                "CERTIFICATIONS\n"
                "• AWS Certified Solutions Architect – Associate, Amazon Web Services, 2021\n"
                "• PMP - Project Management Institute (Mar 2019)\n"
                "• Certified ScrumMaster\n"
            ),
            "name issuer date",
            [
                (
                    "AWS Certified Solutions Architect – Associate",
                    "Amazon Web Services",
                    PartialDate(year=2021),
                ),
                ("PMP", "Project Management Institute", PartialDate(year=2019, month=3)),
                ("Certified ScrumMaster", None, None),
            ],
            id="certifications-section",
        ),
        pytest.param(
            (
                "Jane Roe\n\nEDUCATION AND CERTIFICATIONS\nBachelor of Science in Nursing\nUniversity of Michigan, Ann Arbor\n"
                "2015\nBLS Certification, American Heart Association, 2016\n"
                "Sociology of Children: Monash University short course\n"
            ),
            "name",
            ["BLS Certification", "Sociology of Children: Monash University short course"],
            id="combined-section-degree-and-school-lines",
        ),
        pytest.param(
            (
                "Jane Roe\n\nCERTIFICATIONS\n"
                "Project Management Professional (PMP) ~ Certified Information Systems Auditor (CISA)\n"
                "Certified Financial Planner (CFP)\n"
                "Oracle Certified Associate (OCA, 2015)\n"
                "(PMI-ACP)\n"
                "\nEXPERIENCE\nAnalyst, Acme Corp, 2010 - 2015\n"
            ),
            "name",
            [
                "Project Management Professional (PMP)",
                "Certified Information Systems Auditor (CISA)",
                "Certified Financial Planner (CFP)",
                "Oracle Certified Associate (OCA)",
                "PMI-ACP",
            ],
            id="brackets-kept-and-tilde-separated-items",
        ),
        pytest.param(
            (
                "Jane Roe\n\nCERTIFICATIONS\n"
                "SAP Certified Application\nin Financial Accounting\n"
                "SAP HANA Certified\nTechnology Associate\n"
                "Six Sigma Certified\nGreen Belt\n"
                "\nEXPERIENCE\nAnalyst, Acme Corp, 2010 - 2015\n"
            ),
            "name",
            [
                "SAP Certified Application in Financial Accounting",
                "SAP HANA Certified Technology Associate",
                "Six Sigma Certified",
                "Green Belt",
            ],
            id="name-wrapped-onto-the-next-line",
        ),
        pytest.param(
            (
                "Jane Roe\n\nCERTIFICATIONS\n"
                "CompTIA Security+ | Issued Jan 2020 | Expires Jan 2023\n"
                "Certified Ethical Hacker - Issued by EC-Council, 2018\n"
                "Registered Nurse (RN), State of Texas, License #123456, exp. 2025\n"
                "\nEXPERIENCE\nAnalyst, Acme Corp, 2010 - 2015\n"
            ),
            "name issuer year",
            [
                ("CompTIA Security+", "CompTIA", 2020),
                ("Certified Ethical Hacker", "EC-Council", 2018),
                ("Registered Nurse (RN)", "State of Texas", None),
            ],
            id="issue-expiry-and-licence-numbers",
        ),
        pytest.param(
            (
                "Jane Roe\n\nEDUCATION\nBachelor of Arts, Lakeview University, 2010\n"
                "Licensure: Ohio Professional Educator License\n"
                "A valid Ontario Teacher's License.\n"
                "2005: Certificate in Welding\n"
                "Driving license: Yes\n"
                "ADDITIONAL CERTIFIED TRAINING\n"
                "Higher Secondary\nCertificate (Std XII)\n"
                "I have been licensed as a mediator in Spain and\n"
            ),
            "name year",
            [
                ("Ohio Professional Educator License", None),
                ("Ontario Teacher's License", None),
                ("Certificate in Welding", 2005),
            ],
            id="labels-and-articles-before-names-and-lines-that-name-no-credential",
        ),
        # a status in brackets after the name is no part of it; an abbreviation in brackets is
        pytest.param(
            (
                "Jane Roe\n\nCERTIFICATIONS\nOhio State Certified School Counselor (Provisional)\n"
                "Project Management Professional (PMP)\nCertified Nursing Assistant (in progress)\n"
            ),
            "name",
            [
                "Ohio State Certified School Counselor",
                "Project Management Professional (PMP)",
                "Certified Nursing Assistant",
            ],
            id="a-status-in-brackets-is-no-part-of-the-name",
        ),
    ],
)
def test_certifications(text: str, fields: str, want: list[object]) -> None:
    assert _rows(extract_certifications(text, split_sections(text)), fields) == want


def test_a_combined_section_gives_education_entries_with_their_dates() -> None:
    from parsers.education import extract_education

    text = (
        "Jane Roe\n\nEducation/Certifications\nBachelor of Science in Nursing\nUniversity of Michigan\n2015\n"
        "BLS Certification, American Heart Association, 2016\n"
    )
    got = [(e.degree, e.institution, e.end) for e in extract_education(text, split_sections(text))]
    assert got == [("Bachelor of Science in Nursing", "University of Michigan", PartialDate(year=2015))]
