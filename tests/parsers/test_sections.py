"""Sections with headings (any casing, colon, qualifiers) and without (content cues)."""

from __future__ import annotations

import itertools

import pytest

from parsers.resume import parse_resume_text
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
        # more headings
        ("Courses Taught:", "other"),
        ("Journal Articles", "publications"),
        ("Committees", "other"),
        ("Honors, Memberships & Service:", "awards"),
        ("EARLY CAREER", "experience"),
        ("Formal Education", "education"),
        pytest.param("E X P E R I E N C E", "experience", id="letter-spaced"),
        pytest.param("S K IL LS", "skills", id="letter-spaced-unevenly"),
        pytest.param("Skills", "skills", id="wrapped-sentence-end-without-its-period"),
        pytest.param("HONORS AND ACTIVITIES", "awards", id="activities-and-honors"),
        pytest.param("Leadership Activities", "awards", id="leadership-activities"),
        pytest.param("RELATED COURSEWORK:", "education", id="coursework-opens-education"),
        pytest.param("Relevant Coursework", "education", id="relevant-coursework"),
        pytest.param(
            "Volunteer Work and Job History:", "experience", id="two-phrases-joined-by-and-with-work-history"
        ),
        pytest.param("Honors and Awards", "awards", id="two-heading-phrases-joined-by-and"),
        pytest.param("Technical Skills:", "skills", id="heading-with-a-colon-is-no-labelled-value"),
        # phrases joined by "/", "&", "and", ","
        pytest.param(
            "Awards/ Certifications/ Achievements", "certifications", id="three-joined-certifications-first"
        ),
        pytest.param("Honors/Awards/Licenses", "certifications", id="licences-joined-to-awards"),
        pytest.param("Languages and Software", "skills", id="languages-joined-to-skills"),
        pytest.param("ACHIEVEMENTS AND ACCOMPLISHMENTS", "awards", id="two-awards-phrases"),
        pytest.param(
            "Education & Professional Development", "certifications", id="education-joined-to-training"
        ),
        pytest.param(
            "Technical Skills and Qualifications", "skills", id="qualifications-take-the-other-kind"
        ),
        pytest.param("Skills & Languages:", "skills", id="skills-joined-to-languages"),
        # a heading phrase qualified by leading words, or its last word
        pytest.param("Functional Skill Set", "skills", id="qualified-skill-set"),
        pytest.param("Key Projects Undertaken", "projects", id="qualified-projects-undertaken"),
        pytest.param("Automation Tools", "skills", id="tools"),
        pytest.param("TECHNOLOGY KNOWLEDGE", "skills", id="knowledge"),
        pytest.param("KNOWLEDGE PURVIEW", "skills", id="all-caps-knowledge-first"),
        pytest.param(
            "OPERATIONS & IT COMPETENCIES", "skills", id="all-caps-competencies-after-a-joined-field"
        ),
        pytest.param("Programming Languages", "skills", id="programming-languages-are-skills"),
        pytest.param("Technical Qualifications", "skills", id="technical-qualifications"),
        pytest.param("PERSONAL SUMMARY", "summary", id="personal-summary-is-no-personal-details"),
        pytest.param("Technical Toolbox", "skills", id="toolbox"),
        pytest.param("Core Capabilities:", "skills", id="capabilities"),
        pytest.param("PATENTS", "publications", id="patents"),
        pytest.param("Education History", "education", id="education-history"),
        pytest.param("Honors and Distinctions", "awards", id="distinctions"),
        pytest.param("Brief Work History", "experience", id="qualified-work-history"),
        # an aside in brackets, letter spacing with gaps inside words
        pytest.param("Partial List of Tools (full list on request)", "skills", id="aside-in-brackets"),
        pytest.param("P ROFE SSI ONAL E XPER IENCE", "experience", id="letter-spaced-gaps-inside-words"),
        pytest.param("Academic (Teaching Experience)", "experience", id="bracketed-heading-words-still-read"),
        # qualified degrees, a heading narrowed to a field, a generic part with a modifier
        pytest.param("Academic Degrees", "education", id="qualified-degrees"),
        pytest.param("Areas of Competency in Teaching", "skills", id="heading-phrase-in-a-field"),
        pytest.param("Work Experience in Retail Banking", "experience", id="work-experience-in-a-field"),
        pytest.param(
            "Education and Professional Qualification:", "education", id="generic-part-with-a-modifier"
        ),
        pytest.param(
            "Skills and Professional Qualifications", "skills", id="generic-plural-part-with-a-modifier"
        ),
        # common headings of a resume builder's template
        pytest.param("Core Accomplishments", "awards", id="core-accomplishments"),
        pytest.param("PROFESSIONAL ORGANIZATIONS", "other", id="professional-organizations"),
        pytest.param("Professional Associations", "other", id="professional-associations"),
    ],
)
def test_heading_variants(line: str, kind: str) -> None:
    assert classify_heading(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Experience in Java and Python for five years",
        "Skilled in education technology",
        "Jane Doe",
        "",
        # entries and fields of work
        "Lakeview College, 2004, Nursing Education",
        "School of Education,",
        "Higher Education",
        "Special Education",
        # phones, list items and bodies
        "(03) 5550 1234 (work)",
        "• Foundations of Modern Education",
        "Ohio Department of Education",
        "Master of Arts, Education",
        "EDUCATION CONSULTANT",
        "SCHOOL OF EDUCATION COMMITTEES",
        pytest.param("skills.", id="wrapped-sentence-end"),
        pytest.param("RESUME SAMPLE : NURSING EDUCATION CONTD", id="page-header-contd"),
        pytest.param("Jane Roe - CV - Page 2", id="page-header-page-number"),
        pytest.param("HONORS STUDENT", id="honors-student"),
        pytest.param("Sales and Marketing", id="two-words-joined-by-and-no-heading-phrases"),
        pytest.param("Organization: Tata Projects", id="labelled-value"),
        pytest.param("Employer: Acme Certifications", id="labelled-value-naming-a-heading-word"),
        pytest.param("Professional and Personal Development", id="joined-modifiers-are-no-sections"),
        pytest.param("Sales & Customer Care", id="joined-words-that-are-no-heading-phrases"),
        pytest.param("Master of Social Work", id="a-degree-ending-in-a-heading-phrase"),
        pytest.param("Educational and professional qualifications", id="coordinated-leading-words"),
        pytest.param("Certificate (Std X)", id="one-word-before-an-aside-is-an-entry"),
        pytest.param("Minor in Education (one course missing)", id="an-education-entry-with-an-aside"),
        pytest.param("Basic Computer Technologies (2005-2006)", id="dated-aside"),
        pytest.param("P ROFE SSI ONAL LIFE", id="closed-up-letters-spell-no-heading"),
        pytest.param("Experience in Customer Service", id="one-word-before-in-is-a-statement"),
        pytest.param("Bachelor of Science in Nursing", id="a-degree-in-a-field"),
        pytest.param("Technical Skills in Java, Python and SQL", id="a-list-after-in"),
        pytest.param("Areas of Expertise in Large Scale Systems Design", id="more-than-three-words-after-in"),
    ],
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


def test_a_skills_list_that_goes_on_into_dated_positions() -> None:
    text = (
        "Skills\nPython, Go, Postgres\nTerraform and Docker\n\n"
        "Experience Lumen Labs January 2019\nPresent\n\nSenior Developer Austin, TX\n\n"
        "Pine Tools August 2015\nDecember 2018\n\nDeveloper Reno, NV\n"
    )
    secs = split_sections(text)
    assert [s.kind for s in secs] == ["skills", "experience"]
    assert text[secs[1].start :].startswith("Experience Lumen Labs")


# The kinds of the sections a text splits into, in order.
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        pytest.param("Jane Doe\n\nSkills: Python, SQL, Docker\n", ["header", "skills"], id="inline-heading"),
        pytest.param(
            (
                "Jane Doe\njane@example.com\n\n"
                "Data Analyst, Acme Corp\nJan 2019 - Present\nBuilt dashboards.\n\n"
                "Bachelor of Science in Statistics\nState University, 2018\n"
            ),
            ["header", "experience", "education"],
            id="without-headings-content-cues",
        ),
        pytest.param(
            "Ana Ortiz\n\nSUMMARY\nWelder since 2010.\nCertified 2012 - 2014 in pipe welding\n",
            ["header", "summary"],
            id="a-summary-with-one-date-stays-a-summary",
        ),
        pytest.param(
            (
                "Ana Ortiz\n\nCAREER OVERVIEW\nPLANT MANAGER (3/09 to Present) Delta Mills, Reno, NV\nRan the plant.\n"
                "SHIFT LEAD (1/05 - 2/09) Delta Mills, Reno, NV\nRan a shift.\n"
            ),
            ["header", "experience"],
            id="positions-right-under-an-overview-heading",
        ),
        pytest.param(
            (
                "WORK EXPERIENCE\nQA Lead\nNorthwind Labs - Pune\nJanuary 2015 to Present\n"
                "Technologies: Selenium, Jira\nProject\nBilling revamp\nRole: Test lead\n\n"
                "SKILLS\nPython\n\nPROJECTS\nChess engine\n"
            ),
            ["experience", "skills", "projects"],
            id="position-fields-inside-work-history-open-no-section",
        ),
        pytest.param(
            "EDUCATION\nBSc Physics, 2012\n\nTools:\nExcel, Tableau\n",
            ["education", "skills"],
            id="a-tools-heading-after-education-still-opens-a-section",
        ),
        pytest.param(
            (
                "WORK EXPERIENCE\nData Analyst\nLumen Retail - Austin, TX\nMay 2015 to Present\n"
                "Objectives:\n• Cut report time\nSummary: rebuilt the sales cube\n\nEDUCATION\nBS Math, 2014\n"
            ),
            ["experience", "education"],
            id="objectives-inside-a-position-open-no-section",
        ),
        pytest.param(
            (
                "EXPERIENCE\nCamp Recess, Towson, MD\nJune 2019 - August 2019\nActivities Specialist\n"
                "RELATED COURSEWORK:\nPhysical Wellness\nJanuary 2018 - May 2018\nTowson University, Towson, MD\n"
            ),
            ["experience", "education"],
            id="coursework-heading-opens-an-education-section",
        ),
        pytest.param(
            (
                "TECHNICAL SKILLS\nDatabases\n\n: Oracle, SQL Server\n\nLanguages\n\n: C#, Java, T-SQL\n\n"
                "Web Server\n\n: IIS, Tomcat\n\nEDUCATION\nBSc Physics, 2012\n"
            ),
            ["skills", "education"],
            id="a-label-whose-value-opens-the-next-line-with-a-colon-opens-no-section",
        ),
        pytest.param(
            (
                "TECHNICAL SKILLS\nProgramming Languages: C#, Java\nLanguages: Python, Go\nDatabases: Postgres\n\n"
                "EDUCATION\nBSc Physics, 2012\n"
            ),
            ["skills", "education"],
            id="labelled-rows-of-a-skills-table-open-no-section",
        ),
        pytest.param(
            "Jane Doe\n\nSKILLS\nObjective-C, Swift and C languages\nXcode\n",
            ["header", "skills"],
            id="a-hyphen-inside-a-word-is-no-inline-heading-separator",
        ),
        pytest.param(
            (
                "WORK EXPERIENCE\nQA Lead\nNorthwind Labs - Pune\nJanuary 2015 to Present\n"
                "Automation Tools\nSelenium, Jira\nTester\nBlue Harbor Ltd\nMay 2011 to December 2014\n\n"
                "SKILLS\nPython\n"
            ),
            ["experience", "skills"],
            id="a-qualified-tools-label-inside-a-position-opens-no-section",
        ),
        pytest.param(
            "Jane Doe\n\nLanguages\nJava, Python, Go\n",
            ["header", "skills"],
            id="languages-over-no-spoken-language",
        ),
        pytest.param(
            "Jane Doe\n\nLanguages\nEnglish (native), French\n",
            ["header", "languages"],
            id="languages-over-spoken-languages",
        ),
        pytest.param(
            "PROJECTS\nBilling engine\nLanguages: C, VC++\nBuilt the core.\n",
            ["projects"],
            id="an-inline-languages-row-of-a-project-opens-no-section",
        ),
        pytest.param(
            "Jane Doe\n\nSKILLS\nPython\n\nAwards/ Certifications/ Achievements\nAcme Certified Developer\n",
            ["header", "skills", "certifications"],
            id="three-joined-heading-phrases",
        ),
        pytest.param(
            (
                "EDUCATION\nWeb Analytics\nCertificate\n2014 Lakeside College\nBachelor of Arts, Design\n"
                "2010 Northfield University\n\nCERTIFICATIONS\nCertified Scrum Master\n"
            ),
            ["education", "certifications"],
            id="a-certificate-cell-among-education-entries-opens-no-section",
        ),
        pytest.param(
            (
                "EDUCATION\nDegree\nB.A. Design\nCertification\nCourse\nUniversity (Year)\n"
                "Northfield University (2010)\n"
            ),
            ["education"],
            id="a-certification-column-label-of-an-education-table-opens-no-section",
        ),
        pytest.param(
            (
                "EDUCATION\nBA History, Northfield University, 2010\nCertificate\nCPR and First Aid, Red Cross, 2015\n"
                "Forklift Operator, 2016\n"
            ),
            ["education", "certifications"],
            id="a-certificate-heading-over-credential-lines-with-no-blank-line-opens-its-section",
        ),
        pytest.param(
            "EDUCATION\nNorthfield University\nLeeds\nCertificate\nCPR and First Aid\nForklift Operator\n",
            ["education", "certifications"],
            id="a-certificate-heading-under-a-short-line-over-no-table-row-opens-its-section",
        ),
        pytest.param(
            "EDUCATION\nMatrix 7.5 CAD Design\nCertificate\nMay 2003\nLakeside College\n",
            ["education"],
            id="a-certificate-cell-over-a-date-alone-opens-no-section",
        ),
        pytest.param(
            "EDUCATION\nB.A., Design, Northfield University, 2010\n\nCertification\nCertified Scrum Master\n",
            ["education", "certifications"],
            id="a-certification-heading-after-a-blank-line-opens-its-section",
        ),
        pytest.param(
            (
                "Sam Keller\nWORK EXPERIENCE\nReport writing\nData modelling\n\nPERSONAL DETAILS\nSam Keller\n"
                "12 Orchard Lane\nLeeds\n\nAcme Analytics\nLeeds\nDATA ANALYST\nJune 2008 - Present\n"
                "Collecting and analysing sales data for managers.\n\nEDUCATION\nBSc Mathematics, 2005\n"
            ),
            ["header", "experience", "other", "experience", "education"],
            id="a-position-after-the-last-sidebar-heading-when-work-history-holds-no-dates",
        ),
        pytest.param(
            (
                "WORK EXPERIENCE\nClerk\nBeta Stores\n2001 - 2005\n\nPERSONAL DETAILS\nSam Keller\n"
                "Acme Analytics\nDATA ANALYST\nJune 2008 - Present\nCollecting sales data.\n"
            ),
            ["experience", "other"],
            id="no-position-moved-when-work-history-holds-dates",
        ),
        pytest.param(
            (
                "WORK EXPERIENCE\nReport writing\n\nINTERESTS\nReading crime novels and long country walks.\n"
                "Chess\nVolunteered at the Riverside food bank 2006-2008\n"
            ),
            ["experience", "interests"],
            id="a-dated-item-is-no-position",
        ),
        pytest.param(
            "SKILLS\nExcel, Word\nNorthfield University\nLeeds\nBSc Computing\nSeptember 2006 - June 2010\n",
            ["skills"],
            id="a-dated-institution-under-another-heading-is-no-position",
        ),
        pytest.param(
            "SUMMARY\nHistory graduate.\nNorthfield University\nBA History\n2006 - 2010\n",
            ["summary"],
            id="a-dated-degree-under-another-heading-is-no-position",
        ),
    ],
)
def test_section_kinds(text: str, kinds: list[str]) -> None:
    assert [s.kind for s in split_sections(text)] == kinds


@pytest.mark.parametrize(
    "text",
    [
        "SKILLS\nExcel, Word\nNorthfield University\nLeeds\nBSc Computing\nSeptember 2006 - June 2010\n",
        "SUMMARY\nHistory graduate.\nNorthfield University\nBA History\n2006 - 2010\n",
    ],
    ids=["institution-and-degree-under-skills", "institution-and-degree-under-summary"],
)
def test_a_course_of_study_under_another_heading_adds_no_experience(text: str) -> None:
    resume = parse_resume_text(text)
    assert resume.work == []
    assert resume.total_experience_months == 0


def test_a_certificate_heading_under_an_education_entry_keeps_its_credentials() -> None:
    resume = parse_resume_text(
        "EDUCATION\nBA History, Northfield University, 2010\nCertificate\nCPR and First Aid, Red Cross, 2015\n"
        "Forklift Operator, 2016\n"
    )
    assert [c.name for c in resume.certifications] == ["CPR and First Aid", "Forklift Operator"]
    assert "cpr" in {s.skill_id for s in resume.skills}
    assert resume.work == []
