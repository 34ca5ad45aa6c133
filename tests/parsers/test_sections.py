"""Sections with headings (any casing, colon, qualifiers) and without (content cues)."""

from __future__ import annotations

import itertools

import pytest

from parsers.sections import classify_heading, split_sections


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("WORK EXPERIENCE", "experience"),
        ("Professional Experience:", "experience"),
        ("Employment History", "experience"),
        ("Education", "education"),
        ("ACADEMIC QUALIFICATIONS", "education"),
        ("Technical Skills", "skills"),
        ("Core Competencies:", "skills"),
        ("Projects", "projects"),
        ("Certifications", "certifications"),
        ("Licenses & Certifications", "certifications"),
        ("Languages", "languages"),
        ("Honors and Awards", "awards"),
        ("PUBLICATIONS", "publications"),
        ("Volunteer Experience", "volunteering"),
        ("Hobbies", "interests"),
        ("References", "references"),
        ("Career Objective", "summary"),
        ("Retail Experience", "experience"),
        ("── SKILLS ──", "skills"),
    ],
)
def test_heading_variants(line: str, kind: str) -> None:
    assert classify_heading(line) == kind


@pytest.mark.parametrize(
    "line",
    ["Experience in Java and Python for five years", "Skilled in education technology", "Jane Doe", ""],
)
def test_sentences_are_not_headings(line: str) -> None:
    assert classify_heading(line) is None


def test_split_with_headings() -> None:
    text = "Jane Doe\njane@x.com\n\nSKILLS\nPython, SQL\n\nExperience:\nEngineer, Acme\n2019 - 2021\n"
    kinds = [(s.kind, s.heading) for s in split_sections(text)]
    assert kinds == [("header", None), ("skills", "SKILLS"), ("experience", "Experience")]
    secs = split_sections(text)
    assert secs[0].start == 0 and secs[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(secs))


def test_inline_heading() -> None:
    text = "Jane Doe\n\nSkills: Python, SQL, Docker\n"
    secs = split_sections(text)
    assert [s.kind for s in secs] == ["header", "skills"]


def test_without_headings_content_cues() -> None:
    text = (
        "Jane Doe\njane@example.com\n\n"
        "Data Analyst, Acme Corp\nJan 2019 - Present\nBuilt dashboards.\n\n"
        "Bachelor of Science in Statistics\nState University, 2018\n"
    )
    kinds = [s.kind for s in split_sections(text)]
    assert kinds == ["header", "experience", "education"]


@pytest.mark.parametrize(
    "line",
    [
        "Lakeview College, 2004, Nursing Education",
        "School of Education,",
        "Higher Education",
        "Special Education",
    ],
)
def test_entries_and_fields_of_work_are_not_headings(line: str) -> None:
    assert classify_heading(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Courses Taught:", "other"),
        ("Journal Articles", "publications"),
        ("Committees", "other"),
        ("Honors, Memberships & Service:", "awards"),
        ("EARLY CAREER", "experience"),
        ("Formal Education", "education"),
    ],
)
def test_more_headings(line: str, kind: str) -> None:
    assert classify_heading(line) == kind


def test_letter_spaced_heading() -> None:
    assert classify_heading("E X P E R I E N C E") == "experience"
    assert classify_heading("S K IL LS") == "skills"


def test_a_summary_that_goes_on_into_dated_positions() -> None:
    text = (
        "Ana Ortiz\n\nSUMMARY OF QUALIFICATIONS\nSkilled welder with a clean safety record.\n\n"
        "2016 to Present\nHarbor Steel, Tacoma, WA\nWelding Supervisor\nLed a crew of six.\n\n"
        "2010 to 2016\nPine Ridge Fabrication, Olympia, WA\nWelder\nBuilt frames.\n"
    )
    secs = split_sections(text)
    assert [s.kind for s in secs] == ["header", "summary", "experience"]
    assert text[secs[2].start :].startswith("2016 to Present")
    assert secs[1].end == secs[2].start


def test_a_summary_with_one_date_stays_a_summary() -> None:
    text = "Ana Ortiz\n\nSUMMARY\nWelder since 2010.\nCertified 2012 - 2014 in pipe welding\n"
    assert [s.kind for s in split_sections(text)] == ["header", "summary"]


def test_positions_right_under_an_overview_heading() -> None:
    text = (
        "Ana Ortiz\n\nCAREER OVERVIEW\nPLANT MANAGER (3/09 to Present) Delta Mills, Reno, NV\nRan the plant.\n"
        "SHIFT LEAD (1/05 - 2/09) Delta Mills, Reno, NV\nRan a shift.\n"
    )
    assert [s.kind for s in split_sections(text)] == ["header", "experience"]


def test_position_fields_inside_work_history_open_no_section() -> None:
    text = (
        "WORK EXPERIENCE\nQA Lead\nNorthwind Labs - Pune\nJanuary 2015 to Present\n"
        "Technologies: Selenium, Jira\nProject\nBilling revamp\nRole: Test lead\n\n"
        "SKILLS\nPython\n\nPROJECTS\nChess engine\n"
    )
    assert [s.kind for s in split_sections(text)] == ["experience", "skills", "projects"]


def test_a_tools_heading_after_education_still_opens_a_section() -> None:
    text = "EDUCATION\nBSc Physics, 2012\n\nTools:\nExcel, Tableau\n"
    assert [s.kind for s in split_sections(text)] == ["education", "skills"]


def test_a_wrapped_sentence_end_is_not_a_heading() -> None:
    assert classify_heading("skills.") is None
    assert classify_heading("Skills") == "skills"


def test_page_headers_are_no_headings() -> None:
    assert classify_heading("RESUME SAMPLE : NURSING EDUCATION CONTD") is None
    assert classify_heading("Jane Roe - CV - Page 2") is None


@pytest.mark.parametrize(
    "line",
    [
        "(03) 5550 1234 (work)",
        "• Foundations of Modern Education",
        "Ohio Department of Education",
        "Master of Arts, Education",
        "EDUCATION CONSULTANT",
        "SCHOOL OF EDUCATION COMMITTEES",
    ],
)
def test_phones_list_items_and_bodies_are_not_headings(line: str) -> None:
    assert classify_heading(line) is None


def test_objectives_inside_a_position_open_no_section() -> None:
    text = (
        "WORK EXPERIENCE\nData Analyst\nLumen Retail - Austin, TX\nMay 2015 to Present\n"
        "Objectives:\n• Cut report time\nSummary: rebuilt the sales cube\n\nEDUCATION\nBS Math, 2014\n"
    )
    assert [s.kind for s in split_sections(text)] == ["experience", "education"]


def test_activities_and_honors_headings() -> None:
    assert classify_heading("HONORS AND ACTIVITIES") == "awards"
    assert classify_heading("Leadership Activities") == "awards"
    assert classify_heading("HONORS STUDENT") is None


def test_a_skills_list_that_goes_on_into_dated_positions() -> None:
    text = (
        "Skills\nPython, Go, Postgres\nTerraform and Docker\n\n"
        "Experience Lumen Labs January 2019\nPresent\n\nSenior Developer Austin, TX\n\n"
        "Pine Tools August 2015\nDecember 2018\n\nDeveloper Reno, NV\n"
    )
    secs = split_sections(text)
    assert [s.kind for s in secs] == ["skills", "experience"]
    assert text[secs[1].start :].startswith("Experience Lumen Labs")


def test_coursework_heading_opens_an_education_section() -> None:
    assert classify_heading("RELATED COURSEWORK:") == "education"
    assert classify_heading("Relevant Coursework") == "education"
    text = (
        "EXPERIENCE\nCamp Recess, Towson, MD\nJune 2019 - August 2019\nActivities Specialist\n"
        "RELATED COURSEWORK:\nPhysical Wellness\nJanuary 2018 - May 2018\nTowson University, Towson, MD\n"
    )
    assert [s.kind for s in split_sections(text)] == ["experience", "education"]


def test_two_heading_phrases_joined_by_and_with_work_history() -> None:
    assert classify_heading("Volunteer Work and Job History:") == "experience"
    assert classify_heading("Honors and Awards") == "awards"
    assert classify_heading("Sales and Marketing") is None


def test_a_labelled_value_is_no_heading() -> None:
    assert classify_heading("Organization: Tata Projects") is None
    assert classify_heading("Employer: Acme Certifications") is None
    assert classify_heading("Technical Skills:") == "skills"
