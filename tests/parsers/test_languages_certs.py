"""Spoken languages (never programming languages) and certifications."""

from __future__ import annotations

from models.resume import PartialDate
from parsers.certifications import extract_certifications
from parsers.languages import cefr_of, extract_languages
from parsers.sections import split_sections


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


def test_programming_languages_are_not_spoken_languages() -> None:
    text = "TECHNICAL SKILLS\nLanguages: Java, Python, C++\nFrameworks: Spring\n"
    assert extract_languages(text, split_sections(text)) == []


def test_language_outside_a_section_needs_a_level_cue() -> None:
    text = "Summary\nFluent in Japanese. Studied Chinese history.\n"
    assert [x.name for x in extract_languages(text, split_sections(text))] == ["Japanese"]


def test_cefr_mapping() -> None:
    assert cefr_of("C1") == "C1"
    assert cefr_of("mother tongue") == "native"
    assert cefr_of("Professional working proficiency") == "B2"
    assert cefr_of(None) is None


def test_certifications_section() -> None:
    text = (
        "CERTIFICATIONS\n"
        "• AWS Certified Solutions Architect – Associate, Amazon Web Services, 2021\n"
        "• PMP - Project Management Institute (Mar 2019)\n"
        "• Certified ScrumMaster\n"
    )
    certs = extract_certifications(text, split_sections(text))
    assert [(c.name, c.issuer, c.date) for c in certs] == [
        ("AWS Certified Solutions Architect – Associate", "Amazon Web Services", PartialDate(year=2021)),
        ("PMP", "Project Management Institute", PartialDate(year=2019, month=3)),
        ("Certified ScrumMaster", None, None),
    ]


def test_degree_and_school_lines_of_a_combined_section_are_no_certifications() -> None:
    text = (
        "Jane Roe\n\nEDUCATION AND CERTIFICATIONS\nBachelor of Science in Nursing\nUniversity of Michigan, Ann Arbor\n"
        "2015\nBLS Certification, American Heart Association, 2016\n"
        "Sociology of Children: Monash University short course\n"
    )
    names = [c.name for c in extract_certifications(text, split_sections(text))]
    assert names == ["BLS Certification", "Sociology of Children: Monash University short course"]


def test_a_combined_section_gives_education_entries_with_their_dates() -> None:
    from parsers.education import extract_education

    text = (
        "Jane Roe\n\nEducation/Certifications\nBachelor of Science in Nursing\nUniversity of Michigan\n2015\n"
        "BLS Certification, American Heart Association, 2016\n"
    )
    got = [(e.degree, e.institution, e.end) for e in extract_education(text, split_sections(text))]
    assert got == [("Bachelor of Science in Nursing", "University of Michigan", PartialDate(year=2015))]


def test_certification_names_keep_their_brackets_and_items_on_one_line_are_apart() -> None:
    text = (
        "Jane Roe\n\nCERTIFICATIONS\n"
        "Project Management Professional (PMP) ~ Certified Information Systems Auditor (CISA)\n"
        "Certified Financial Planner (CFP)\n"
        "Oracle Certified Associate (OCA, 2015)\n"
        "(PMI-ACP)\n"
        "\nEXPERIENCE\nAnalyst, Acme Corp, 2010 - 2015\n"
    )
    names = [c.name for c in extract_certifications(text, split_sections(text))]
    assert names == [
        "Project Management Professional (PMP)",
        "Certified Information Systems Auditor (CISA)",
        "Certified Financial Planner (CFP)",
        "Oracle Certified Associate (OCA)",
        "PMI-ACP",
    ]


def test_a_certification_name_wrapped_onto_the_next_line_is_one_name() -> None:
    text = (
        "Jane Roe\n\nCERTIFICATIONS\n"
        "SAP Certified Application\nin Financial Accounting\n"
        "SAP HANA Certified\nTechnology Associate\n"
        "Six Sigma Certified\nGreen Belt\n"
        "\nEXPERIENCE\nAnalyst, Acme Corp, 2010 - 2015\n"
    )
    names = [c.name for c in extract_certifications(text, split_sections(text))]
    assert names == [
        "SAP Certified Application in Financial Accounting",
        "SAP HANA Certified Technology Associate",
        "Six Sigma Certified",
        "Green Belt",
    ]


def test_issue_expiry_and_licence_numbers_are_no_part_of_a_certification_name() -> None:
    text = (
        "Jane Roe\n\nCERTIFICATIONS\n"
        "CompTIA Security+ | Issued Jan 2020 | Expires Jan 2023\n"
        "Certified Ethical Hacker - Issued by EC-Council, 2018\n"
        "Registered Nurse (RN), State of Texas, License #123456, exp. 2025\n"
        "\nEXPERIENCE\nAnalyst, Acme Corp, 2010 - 2015\n"
    )
    got = [
        (c.name, c.issuer, c.date.year if c.date else None)
        for c in extract_certifications(text, split_sections(text))
    ]
    assert got == [
        ("CompTIA Security+", "CompTIA", 2020),
        ("Certified Ethical Hacker", "EC-Council", 2018),
        ("Registered Nurse (RN)", "State of Texas", None),
    ]


def test_mandarin_chinese_is_one_language() -> None:
    text = "Jane Roe\n\nLANGUAGES\nEnglish - C2\nMandarin Chinese - fluent\n\nEXPERIENCE\nAnalyst, Acme Corp, 2010 - 2015\n"
    got = [(lang.name, lang.level) for lang in extract_languages(text, split_sections(text))]
    assert got == [("English", "C2"), ("Mandarin", "fluent")]
