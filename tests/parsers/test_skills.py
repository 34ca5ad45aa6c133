"""Skill spotting: context rules for ambiguous names, spans, SkillMention grouping."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.resume import Section, SkillMention
from parsers.skills import UNLISTED_PREFIX, UNLISTED_TYPE, WEAK_CONFIDENCE, extract_skills, find_skill_spans


def ids(text: str) -> list[str]:
    return [sid for sid, _ in find_skill_spans(text)]


def test_spans_point_into_text() -> None:
    text = "Built services in Python and PostgreSQL."
    found = find_skill_spans(text)
    assert [(sid, sp.text) for sid, sp in found] == [("python", "Python"), ("postgresql", "PostgreSQL")]
    for _, sp in found:
        assert text[sp.start : sp.end] == sp.text


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        # C and R: capitals, in a list or beside another programming language
        ("Languages: Java, C, Python", "c"),
        ("Experience with C/C++ and Java.", "c"),
        ("Wrote analyses in R and Python", "r"),
        ("R programming for statistics", "r"),
        # Go: list, neighbour or "golang"
        ("Go (golang) microservices", "go"),
        ("Skills: Go, Rust, Kubernetes", "go"),
        ("Backend in Go and Python", "go"),
        # Oracle database
        ("Databases: Oracle, MySQL", "oracle-database"),
        ("Oracle Database administration", "oracle-database"),
        ("Tuned Oracle DB queries", "oracle-database"),
        ("Oracle SQL and PL/SQL", "oracle-database"),
        ("Migrated Oracle and MySQL schemas", "oracle-database"),
        # React
        ("Built front ends in React and Redux", "react"),
        ("React Native apps", "react-native"),
        ("Frontend: React, TypeScript", "react"),
        # Excel, Word, Access as Microsoft Office
        ("Skills: Excel, Word, PowerPoint", "excel"),
        ("Skills: Excel, Word, PowerPoint", "word"),
        ("Proficient in MS Excel", "excel"),
        ("Built Excel spreadsheets and macros", "excel"),
        ("Tools: Access, Excel", "ms-access"),
        ("Microsoft Access database", "ms-access"),
        # Spring framework, Swift language
        ("Spring and Hibernate on Java 8", "spring"),
        ("Spring Boot services", "spring-boot"),
        ("iOS apps in Swift and Objective-C", "swift"),
        # punctuation-bearing names
        ("ASP.NET and C# developer", "aspnet"),
        (".NET Core services", "dotnet"),
        ("Node.js APIs", "nodejs"),
        ("CI/CD with Jenkins", "ci-cd"),
        ("C++ developer", "cpp"),
        ("C# developer", "csharp"),
        # occupations beyond IT
        ("Responsible for patient care and phlebotomy; charting in EMR", "patient-care"),
        ("Responsible for patient care and phlebotomy; charting in EMR", "phlebotomy"),
        ("Responsible for patient care and phlebotomy; charting in EMR", "ehr"),
        ("Prepared financial statements under GAAP", "gaap"),
        ("Monthly bank reconciliations", "reconciliation"),
        ("Managed leads in Salesforce CRM", "salesforce"),
        ("Lesson planning and classroom management", "lesson-planning"),
        ("Menu planning, food safety (ServSafe)", "food-safety"),
        ("Drafted plans in AutoCAD; OSHA 30 certified", "osha"),
        ("Full-cycle recruiting, payroll and onboarding", "onboarding"),
        ("Fluent in Spanish and French", "lang:french"),
    ],
)
def test_true_mentions_match(text: str, skill_id: str) -> None:
    assert skill_id in ids(text)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        # C, R, Go in prose
        ("Received a grade C in chemistry.", "c"),
        ("Plan C was adopted", "c"),
        ("Building C, Room 4", "c"),
        ("R&D department", "r"),
        ("Let's go to the next level", "go"),
        ("We go beyond expectations", "go"),
        ("Go to market strategy", "go"),
        # Oracle as employer
        ("Software engineer at Oracle since 2018", "oracle-database"),
        ("Oracle Corporation, Redwood Shores", "oracle-database"),
        ("Associate Software Engineer in Oracle India Pvt Ltd.", "oracle-database"),
        ("Worked with Oracle Financial Services", "oracle-database"),
        # React as a verb, inside other words
        ("Reacted quickly to incidents; designed reactive systems", "react"),
        ("Able to react quickly to customer needs", "react"),
        # excel as a verb
        ("I excel at teamwork and communication.", "excel"),
        ("Students excel in mathematics", "excel"),
        ("Strive to Excel in every role", "excel"),
        # Word, Access as words
        ("Gave my word to the team", "word"),
        ("Access to the building was restricted", "access"),
        ("Provided Access control for visitors", "access"),
        # Spring the season, Swift the adjective
        ("Spring 2019 semester", "spring"),
        ("Graduated in Spring 2020", "spring"),
        ("Ensured a swift response to complaints", "swift"),
        ("Swift resolution of customer issues", "swift"),
        # URLs and emails are not skill text
        ("Portfolio: www.github.com/jdoe", "git"),
        ("Mail me at java.dev@example.com", "java"),
        # employer Shell, Chef the job
        ("Chef de partie at a hotel kitchen", "chef"),
        ("Executive Chef", "chef"),
    ],
)
def test_false_mentions_do_not_match(text: str, skill_id: str) -> None:
    assert skill_id not in ids(text)


def test_one_mention_per_skill_with_all_evidence_and_sections() -> None:
    text = "Summary\nPython developer.\n\nSkills\nPython, SQL, Excel\n"
    skills_start = text.index("Skills")
    sections = [
        Section(kind="summary", heading="Summary", start=0, end=skills_start),
        Section(kind="skills", heading="Skills", start=skills_start, end=len(text)),
    ]
    found = {m.skill_id: m for m in extract_skills(text, sections)}
    py = found["python"]
    assert py.name == "Python" and py.type == "technology"
    assert [e.text for e in py.evidence] == ["Python", "Python"]
    assert py.sections == ["summary", "skills"]
    assert found["excel"].sections == ["skills"]
    assert 0.0 <= py.confidence <= 1.0
    assert py.confidence > found["excel"].confidence or py.confidence == pytest.approx(0.99)


def test_skills_section_licenses_ambiguous_names() -> None:
    text = "Tools\nGo\nExcel\n"
    assert "go" not in ids(text)
    found = extract_skills(text, [Section(kind="skills", heading="Tools", start=0, end=len(text))])
    assert {"go", "excel"} <= {m.skill_id for m in found}


def test_confidence_higher_in_skills_list_and_multiword() -> None:
    prose = {m.skill_id: m.confidence for m in extract_skills("I used Python at work.")}
    listed = {m.skill_id: m.confidence for m in extract_skills("Skills: Python, Java, SQL")}
    assert listed["python"] > prose["python"]
    multi = {m.skill_id: m.confidence for m in extract_skills("I used Visual Studio at work.")}
    assert multi["visual-studio"] > prose["python"]
    # a field named in passing in prose is weaker evidence than a tool
    field = {m.skill_id: m.confidence for m in extract_skills("I did lesson planning at work.")}
    assert field["lesson-planning"] < multi["visual-studio"]


def test_practice_named_once_in_work_history_is_weak_evidence() -> None:
    text = (
        "Experience\nTeacher, Oak School 2015 - 2019\nReceived classroom management training. Taught Python.\n"
        "Skills\nLesson planning, Curriculum development, Excel\n"
    )
    exp_end = text.index("Skills")
    sections = [
        Section(kind="experience", heading="Experience", start=0, end=exp_end),
        Section(kind="skills", heading="Skills", start=exp_end, end=len(text)),
    ]
    found = {m.skill_id: m for m in extract_skills(text, sections)}
    # a practice named once, in the work history only: below the unlisted list items
    assert found["classroom-management"].confidence == WEAK_CONFIDENCE
    assert WEAK_CONFIDENCE < 0.4
    # a technology there, and practices the skills section lists, keep their usual confidence
    assert found["python"].confidence > WEAK_CONFIDENCE
    assert found["lesson-planning"].confidence > 0.7
    # named a second time (here in the skills section) it is no longer weak
    again = text + "Classroom management\n"
    sections[1] = Section(kind="skills", heading="Skills", start=exp_end, end=len(again))
    found2 = {m.skill_id: m for m in extract_skills(again, sections)}
    assert found2["classroom-management"].confidence > 0.7


def test_skill_named_only_in_lower_case_work_history_prose_is_weak_evidence() -> None:
    text = (
        "Experience\nMarketer, Acme 2015 - 2019\nRevamped email marketing campaigns. Ran email marketing for "
        "partners.\nBuilt dashboards in Tableau.\n"
    )
    sections = [Section(kind="experience", heading="Experience", start=0, end=len(text))]
    found = {m.skill_id: m for m in extract_skills(text, sections)}
    assert found["email-marketing"].confidence == WEAK_CONFIDENCE  # twice, both in passing
    assert found["tableau"].confidence > WEAK_CONFIDENCE  # a product named with its capital
    # the same skill in the summary as well is claimed, not named in passing
    text2 = "Summary\nEmail marketing specialist.\n" + text
    sections2 = [
        Section(
            kind="summary", heading="Summary", start=0, end=len("Summary\nEmail marketing specialist.\n")
        ),
        Section(kind="experience", heading="Experience", start=len(text2) - len(text), end=len(text2)),
    ]
    found2 = {m.skill_id: m for m in extract_skills(text2, sections2)}
    assert found2["email-marketing"].confidence > WEAK_CONFIDENCE


def test_empty_and_odd_text() -> None:
    assert extract_skills("") == []
    assert find_skill_spans("+++ ### /// ...") == []
    assert isinstance(extract_skills("ñandú 😀 C++ \x00"), list)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        # lower-case ambiguous names as whole items of a skill list beside their kin
        ("SKILLS: java, c, c++, python", "c"),
        ("Microsoft office, excel, powerpoint", "excel"),
        # Windows the OS, not windows and doors
        ("Operating systems: Windows, Linux", "windows"),
        ("Deployed on Windows Server 2012", "windows-server"),
        ("Operating Systems Windows 10, Red Hat Linux", "windows"),
        ("Operating Systems Windows 10, Red Hat Linux", "linux"),
        # a guarded name joined by "and" to a tool, or headed by its category
        ("Servers run Solaris and Windows", "windows"),
        ("Operating System Windows Family", "windows"),
        # network access control lists are firewall work, not door security
        ("Configured access control lists on edge routers", "firewalls"),
        # "agile" before a word of software practice
        ("Ran all Agile ceremonies for two teams", "agile"),
        ("Efficient in V-model and the Agile framework", "agile"),
        # a category named in prose is still a skill
        ("Tuned operating systems for low latency trading", "operating-systems"),
        # weak words licensed by coordination or a following "experience"
        ("Sales and marketing for B2B clients", "sales"),
        ("5 years of teaching experience", "teaching"),
    ],
)
def test_more_true_mentions(text: str, skill_id: str) -> None:
    assert skill_id in ids(text)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        # citations name topics, not skills
        (
            'Davis, J. "Educational Technology." Journal of Ed Tech, Vol. 3, No. 1 (2002)',
            "educational-technology",
        ),
        ("Shell, D.M., Baer, R.M. (1997) Translating research", "shell-scripting"),
        # a field name labelling a list is not itself claimed
        ("Computer Skills: MS Office, Tally", "computer-literacy"),
        # a category heading a tool list without a colon
        ("Operating Systems Windows 10, Red Hat Linux", "operating-systems"),
        ("Operating System \u2022 Ubuntu, macOS", "operating-systems"),
        ("Databases Oracle 12c, PostgreSQL", "databases-general"),
        # roles named after a field
        ("Sales Manager at Acme Corp", "sales"),
        ("Customer Service Representative", "customer-service"),
        # degree lines name fields of study
        ("B.Tech in Computer Science and Mathematics, 2015", "mathematics"),
        # common words are not skills in prose
        ("Our sales team grew fast", "sales"),
        ("Replaced windows and doors on site", "windows"),
        ("Replaced doors and Windows on site", "windows"),
        ("An agile mind and a calm manner", "agile"),
        ("Configured access control lists on edge routers", "security-guard"),
        ("Download our apps today", "onet:automated-package-processing-system-apps"),
        ("Protected the system against DOS attacks", "ms-dos"),
        ("Project: ASSESS grant", "ms-project"),
    ],
)
def test_more_false_mentions(text: str, skill_id: str) -> None:
    assert skill_id not in ids(text)


def test_education_and_interest_sections_drop_field_names() -> None:
    text = "Education\nBachelor of Science, Mathematics\n\nInterests\nTennis, photography\n\nSkills\nPython, statistics\n"
    edu = text.index("Education")
    interests = text.index("Interests")
    skills = text.index("Skills")
    sections = [
        Section(kind="education", heading="Education", start=edu, end=interests),
        Section(kind="interests", heading="Interests", start=interests, end=skills),
        Section(kind="skills", heading="Skills", start=skills, end=len(text)),
    ]
    found = {m.skill_id for m in extract_skills(text, sections)}
    assert {"python", "statistics"} <= found
    assert "mathematics" not in found and "photography" not in found


def test_hobby_lines_are_not_skills() -> None:
    found = ids("Personal Interest: Travelling, cooking, photography, and singing.")
    assert "cooking" not in found and "photography" not in found
    assert "cooking" in ids("Skills: cooking, menu planning, food safety")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_gives_valid_spans(text: str) -> None:
    for m in extract_skills(text):
        assert m.evidence
        for e in m.evidence:
            assert 0 <= e.start < e.end <= len(text)
            assert text[e.start : e.end] == e.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Python",
                "C",
                "Go",
                "Excel",
                "Oracle",
                "at",
                "and",
                ",",
                "\n",
                "React",
                "(golang)",
                "Skills:",
                "C++",
                ".NET",
                "excel",
                "spring",
                "2019",
            ]
        ),
        max_size=30,
    )
)
def test_token_soup_never_fails(words: list[str]) -> None:
    text = " ".join(words)
    for sid, span in find_skill_spans(text):
        assert text[span.start : span.end] == span.text and sid


def test_a_long_header_holds_a_summary_past_its_contact_block() -> None:
    contact = (
        "Dana Reyes\nProgram Manager\n12 Elm Row\nSpringfield\n555-010-0199\ndana@example.org\n"
        "linkedin.com/in/dr\ngithub.com/dr\nOpen to relocation\n"
    )
    summary = "Led strategic planning and budgeting for regional programs\nCoached teams through change management\n"
    text = contact + "\n" + summary
    sections = [Section(kind="header", heading=None, start=0, end=len(text))]
    found = {m.skill_id for m in extract_skills(text, sections)}
    assert {"strategic-planning", "budgeting", "change-management"} <= found
    # the contact block itself (name, title) names no skill: "Program Manager" is a title
    short = contact
    found_short = {
        m.skill_id
        for m in extract_skills(short, [Section(kind="header", heading=None, start=0, end=len(short))])
    }
    assert "project-management" not in found_short and "program-management" not in found_short


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        # a list of skills right after the name and title, by commas or bars
        ("Budgeting, Forecasting, Change Management\n", {"budgeting", "change-management"}),
        (
            "Project Management | Strategic Planning | Budgeting\n",
            {"project-management", "strategic-planning", "budgeting"},
        ),
    ],
)
def test_a_short_header_holds_skill_lists(summary: str, expected: set[str]) -> None:
    text = "Dana Reyes\nProgram Manager\ndana@example.org\n" + summary
    sections = [Section(kind="header", heading=None, start=0, end=len(text))]
    found = {m.skill_id for m in extract_skills(text, sections)}
    assert expected <= found
    # the title line and a skill alone on a short line stay out of the header's skills
    title_only = "Dana Reyes\nProgram Manager\nStrategic Planning\ndana@example.org\n"
    found_title = {
        m.skill_id
        for m in extract_skills(
            title_only, [Section(kind="header", heading=None, start=0, end=len(title_only))]
        )
    }
    assert not found_title & {"project-management", "program-management", "strategic-planning"}


def _unlisted(text: str, sections: list[Section] | None = None) -> dict[str, object]:
    return {m.name: m for m in extract_skills(text, sections) if m.type == UNLISTED_TYPE}


def test_tool_list_items_outside_the_taxonomy_are_unlisted_skills() -> None:
    text = "Summary\nTools: Python, Java, Saucelabs, LogiXML 10 (2 years), Qwirkly Suite\n"
    found = _unlisted(text)
    assert set(found) == {"Saucelabs", "LogiXML", "Qwirkly Suite"}
    taxonomy_conf = min(m.confidence for m in extract_skills(text) if m.type != UNLISTED_TYPE)
    for name, m in found.items():
        assert isinstance(m, SkillMention)
        assert m.skill_id.startswith(UNLISTED_PREFIX) and m.confidence < taxonomy_conf
        assert [text[e.start : e.end] for e in m.evidence] == [name if name != "LogiXML" else "LogiXML 10"]
    # the same item twice is one skill with two mentions
    twice = _unlisted(text + "Stack: Python, Java, Saucelabs\n")
    assert len(twice["Saucelabs"].evidence) == 2  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a line labelled as a list of tools needs one taxonomy technology, not two
        ("Tools: Eclipse, CodeWarrior, Trace32\n", {"CodeWarrior", "Trace32"}),
        ("IDEs - Eclipse, CodeWarrior\n", {"CodeWarrior"}),
        # items joined by "and" / "or" are items too
        ("Tools: Jenkins, Git, Artifactory and Cobertura\n", {"Artifactory", "Cobertura"}),
        ("Build Tools: Maven, Gradle or Bazel\n", {"Bazel"}),
        # a list wrapped over lines ending in a comma is one list: its later lines count its technologies
        (
            "Tools: Jenkins, Maven,\nArtifactory, Cobertura, Nexus Pro\n",
            {"Artifactory", "Cobertura", "Nexus Pro"},
        ),
        ("Tools: Jenkins, Maven\nArtifactory, Cobertura, Nexus Pro\n", set()),
        # a list of skills other than tools: its taxonomy skills of any kind but soft skills and languages count
        ("Skills: Budgeting, Forecasting, Navision Suite\n", {"Navision Suite"}),
        ("Budgeting, Forecasting, Grant Reporting\n", {"Grant Reporting"}),
        # a participle before a capitalised word names a skill, not a duty
        ("Embedded Qwirkly Boards, Budgeting, Forecasting\n", {"Embedded Qwirkly Boards"}),
        # a capitalised item that names more than the taxonomy skill inside it is its own item
        (
            "Tools: Microsoft SharePoint 2013, SharePoint Designer, Azure Service Bus, Visual Studio\n",
            {"SharePoint Designer", "Azure Service Bus"},
        ),
        # ... but not with only versions, category words, a verb or a role word besides the skill
        ("Platforms Windows, Unix, Linux\n", set()),
        ("Databases Oracle 7.x/8.x/10 g, SQL Server 7.0, Sybase\n", set()),
        ("Utilized JavaScript, HTML, Flash and CSS\n", set()),
        ("Web Developer/Help Desk Technician, Java, Python\n", set()),
        ("Java, Python, core Java tooling\n", set()),
        # a list label before a dash or bar is no item
        ("Tools | Git, Jira, Bazel\n", {"Bazel"}),
        # after a list label a lower-case item is a tool too
        ("Debugging tools: Jenkins, gdb, eldk\n", {"gdb", "eldk"}),
    ],
)
def test_unlisted_rules_for_labelled_lines_and_joined_items(text: str, names: set[str]) -> None:
    assert set(_unlisted(text)) == names


def test_unlisted_item_named_by_its_product_name() -> None:
    # lower-case or category words after a capitalised name are not part of the name; the evidence keeps them
    text = "Tools: Jenkins, Git, TestFlight distribution, DOJO Library, Qwirkly Forms\n"
    found = _unlisted(text)
    assert set(found) == {"TestFlight", "DOJO", "Qwirkly"}
    spans = {n: [text[e.start : e.end] for e in m.evidence] for n, m in found.items()}  # type: ignore[attr-defined]
    assert spans["TestFlight"] == ["TestFlight distribution"] and spans["DOJO"] == ["DOJO Library"]
    # a name of capitalised words stays whole
    assert set(_unlisted("Tools: Jenkins, Git, Aqua Data Studio\n")) == {"Aqua Data Studio"}


def test_vertical_list_in_a_skills_section() -> None:
    text = "Jane Roe\nSKILLS\n• Data cleaning\n• SQL\n• Qwirkly Reports\n• Tableau\nCreated reports\n"
    sections = [
        Section(kind="header", heading=None, start=0, end=9),
        Section(kind="skills", heading="SKILLS", start=9, end=len(text)),
    ]
    found = _unlisted(text, sections)
    assert set(found) == {"Data cleaning", "Qwirkly Reports"}
    ev = found["Data cleaning"].evidence[0]  # type: ignore[attr-defined]
    assert text[ev.start : ev.end] == "Data cleaning"
    # a run without enough taxonomy skills, or outside a skills section, is no list of skills
    sparse = "SKILLS\nData cleaning\nQwirkly Reports\nPlanning Boards\nSQL\n"
    assert _unlisted(sparse, [Section(kind="skills", heading="SKILLS", start=0, end=len(sparse))]) == {}
    assert _unlisted(text, [Section(kind="experience", heading=None, start=0, end=len(text))]) == {}


def test_vertical_list_heading_is_no_item() -> None:
    # the heading line does not count among the run's lines (one taxonomy skill in three items is enough)
    text = "AREAS OF EXPERTISE\nSQL\nData cleaning\nQwirkly Reports\n"
    found = _unlisted(text, [Section(kind="skills", heading="AREAS OF EXPERTISE", start=0, end=len(text))])
    assert set(found) == {"Data cleaning", "Qwirkly Reports"}


def test_double_spaced_vertical_list_in_a_skills_section() -> None:
    # a blank line between items ends no run; a date or a link in the run is no skill
    text = "SKILLS\n\nData cleaning\n\nSQL\n\nQwirkly Reports\n\nTableau\n\nPython\n\nJune 2008 - Present\n\nPortfolio - www.example.com\n"
    found = _unlisted(text, [Section(kind="skills", heading="SKILLS", start=0, end=len(text))])
    assert set(found) == {"Data cleaning", "Qwirkly Reports"}


def test_version_written_on_to_a_name() -> None:
    # "WebLogic8.1", "Crystal Reports9.0": the skill is the name before the version; a name that is an alias
    # as written ("HTML5") stays whole, and "x86" holds no version of a name
    text = "Environment: WebLogic8.1, Crystal Reports9.0, SQL2000, HTML5, x86, Linux64\n"
    found = {m.skill_id: [text[e.start : e.end] for e in m.evidence] for m in extract_skills(text)}
    assert found["weblogic"] == ["WebLogic"] and found["crystal-reports"] == ["Crystal Reports"]
    assert found["sql"] == ["SQL"] and found["linux"] == ["Linux"] and found["html"] == ["HTML5"]
    assert [k for k in found if k.startswith(UNLISTED_PREFIX)] == [UNLISTED_PREFIX + "x86"]


def test_a_skill_wrapped_onto_a_list_line_is_no_item_of_it() -> None:
    # "Windows\nNT Server", "Sarbanes-\nOxley": the skill begun on the line above covers the item, no tool of its own
    text = "Platforms: Linux, Solaris, Windows\nNT Server, Qwirkly Suite, Git, Maven\n"
    assert set(_unlisted(text)) == {"Qwirkly Suite"}
    text = "Tools: Eclipse, Jenkins, Sarbanes-\nOxley, Qwirkly Suite, Git, Maven\n"
    assert set(_unlisted(text)) == {"Qwirkly Suite"}


def test_a_skill_rated_at_a_level_is_no_list_label() -> None:
    # "Word : Advanced, tables", "Access: Basic user.": one skill and its level; "Languages: Proficient in ...",
    # "Word: letters, memos" stay labels of their lists
    text = "Computer skills\nWord :Advanced , tables\nAccess : Basic user.\nLanguages: Proficient in Python, CSS\n"
    sections = [Section(kind="skills", heading="Computer skills", start=0, end=len(text))]
    found = {m.skill_id for m in extract_skills(text, sections)}
    assert {"word", "ms-access", "python", "css"} <= found
    assert "word" not in ids("Computer skills\nWord: letters, memos and reports\n")


def test_proficiency_levels_of_a_skills_table_are_no_items() -> None:
    # a level heading or rating in a skills table ("Very Proficient", "Expert") names no skill; the tools do
    text = (
        "SKILLS\nVery Proficient\nSQL\nQwirkly Reports\nTableau\nProficient\nPython\nQwirkly Boards\nExpert\n"
    )
    found = _unlisted(text, [Section(kind="skills", heading="SKILLS", start=0, end=len(text))])
    assert set(found) == {"Qwirkly Reports", "Qwirkly Boards"}
    assert set(_unlisted("Tools: Jenkins, Git, Intermediate, Advanced Qwirkly\n")) == {"Advanced Qwirkly"}


def test_no_unlisted_items_in_a_certifications_section() -> None:
    text = "CERTIFICATIONS\nCCNA, MCSE, Qwirkly Certified Admin, Java, Python\n"
    certs = [Section(kind="certifications", heading="CERTIFICATIONS", start=0, end=len(text))]
    assert _unlisted(text, certs) == {}
    skills = [Section(kind="skills", heading="CERTIFICATIONS", start=0, end=len(text))]
    assert "Qwirkly Certified Admin" in _unlisted(text, skills)


def test_unlisted_item_evidence_keeps_its_versions() -> None:
    # the name leaves a run of versions out ("IBM RAD 6/7" is IBM RAD); the evidence keeps it as written
    text = "Tools: Eclipse, Jenkins, IBM RAD 6/7, Qwirkly 3.2.9, Saucelabs v2\n"
    found = _unlisted(text)
    assert set(found) == {"IBM RAD", "Qwirkly", "Saucelabs"}
    spans = {n: [text[e.start : e.end] for e in m.evidence] for n, m in found.items()}  # type: ignore[attr-defined]
    assert spans == {"IBM RAD": ["IBM RAD 6/7"], "Qwirkly": ["Qwirkly 3.2.9"], "Saucelabs": ["Saucelabs v2"]}


@pytest.mark.parametrize(
    "text",
    [
        # fewer than two taxonomy technologies on an unlabelled line, none on a labelled one
        "Python, Saucelabs, LogiXML\n",
        "Tools: Saucelabs, LogiXML\n",
        # prose, lower-case words, role and filler words, a fragment of a multi-word alias
        "Skills: Python, Java, meetings, budgets\n",
        "Skills: Python, Java, Senior Engineer, Basics\n",
        "Skills: Python, Java, Studio\n",
        # a single word naming an occupation
        "Skills: Python, Java, Accountant\n",
        # the line's taxonomy skills are soft skills or languages
        "Languages: English, Hindi, Qwirkly Script\n",
        "Strengths: Teamwork, Leadership, Qwirkly\n",
        # duties in a list of skills: a past verb alone or before a lower-case word, a pronoun
        "Budgeting, Forecasting, Created, Fabricated, Maintained ledgers\n",
        "Budgeting, Forecasting, We Managed Vendors\n",
        "I wrote Python and Java services for Saucelabs last year.\n",
        # two sentences run together are no item
        "Services: DNS, DHCP, FTP, HTTP, HTTPS. IP\n",
    ],
)
def test_no_unlisted_skills(text: str) -> None:
    assert _unlisted(text) == {}


def test_unlisted_ids_are_safe_for_taxonomy_and_export() -> None:
    from parsers.jsonresume import to_json_resume, validate_json_resume
    from parsers.resume import parse_resume_text
    from parsers.taxonomy import load_taxonomy

    resume = parse_resume_text("Jane Roe\nSKILLS\nPython, Java, Saucelabs, LogiXML\n")
    ids = [s.skill_id for s in resume.skills if s.type == UNLISTED_TYPE]
    assert ids
    tx = load_taxonomy()
    for sid in ids:
        assert tx.get(sid) is None and tx.related(sid) == {} and tx.parents(sid) == ()
    doc = to_json_resume(resume)
    validate_json_resume(doc)
    assert {"Saucelabs", "LogiXML"} <= {s["name"] for s in doc["skills"]}


def test_skill_named_only_in_job_titles_is_weak_evidence() -> None:
    text = (
        "Experience\nJava Developer, Brightwater Software 2016 - 2020\nBuilt billing services.\n"
        "Senior Business Analyst, Fernhill Bank 2012 - 2016\nBusiness Analyst, Fernhill Bank 2010 - 2012\n"
    )
    sections = [Section(kind="experience", heading="Experience", start=0, end=len(text))]
    found = {m.skill_id: m for m in extract_skills(text, sections)}
    # a skill before a title noun, and an alias that names a role, are the job's title, not a claim
    assert found["java"].confidence == WEAK_CONFIDENCE
    assert found["business-analysis"].confidence == WEAK_CONFIDENCE
    # listed in a skills section as well, the skill is claimed
    more = text + "Skills\nJava, Business analysis\n"
    sections2 = [
        Section(kind="experience", heading="Experience", start=0, end=len(text)),
        Section(kind="skills", heading="Skills", start=len(text), end=len(more)),
    ]
    found2 = {m.skill_id: m for m in extract_skills(more, sections2)}
    assert found2["java"].confidence > 0.7
    assert found2["business-analysis"].confidence > 0.7


def test_role_words_on_list_lines_and_product_names_are_no_titles() -> None:
    # a list line names practices, even where a role word follows one ("Project Manager" as a skill list item)
    text = "Experience\nAnalyst, Fernhill Bank 2015 - 2019\nTools: Tableau, Python, Jira\nUsed Tableau Designer daily.\n"
    sections = [Section(kind="experience", heading="Experience", start=0, end=len(text))]
    found = {m.skill_id: m for m in extract_skills(text, sections)}
    assert found["tableau"].confidence > WEAK_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "town", "kept"),
    [
        (
            "Systems Engineer, Larkfield Networks, Palo Alto, CA\nConfigured firewalls.",
            "Palo Alto",
            "firewalls",
        ),
        ("Teacher, Elmwood School, Hudson, TX 75001\nTaught algebra in Python.", "Hudson", "python"),
        ("Designer, Marrow Labs, Cypress, California\nDrew parts in SolidWorks.", "Cypress", "solidworks"),
        ("Analyst, 12 Rue Verte, Montreal, QC\nBuilt reports in Tableau.", "QC", "tableau"),
        # every province's name ends a place (the shared table of parsers.places)
        ("Designer, Marrow Labs, Cypress, Nova Scotia\nDrew parts in SolidWorks.", "Cypress", "solidworks"),
    ],
)
def test_towns_and_state_codes_are_no_skills(text: str, town: str, kept: str) -> None:
    found = find_skill_spans(text)
    assert town not in {span.text for _, span in found}
    assert kept in {sid for sid, _ in found}


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Skills: SQL, MS Access, MS\nProject", "ms-access"),  # "MS" here is Microsoft, no state
        ("Palo Alto, Checkpoint and Cisco ASA firewalls", "firewalls"),  # a state must end the place
        ("Portals: Cypress, Selenium, Jenkins", "cypress"),
    ],
)
def test_skills_before_a_comma_stay_skills(text: str, skill_id: str) -> None:
    assert skill_id in {sid for sid, _ in find_skill_spans(text)}


def test_practice_named_only_in_a_certifications_section_is_weak_evidence() -> None:
    head = "Certifications\nCPR and First Aid, Harbour Red Cross 2019\nSix Sigma Green Belt\nAWS Certified Developer\n"
    sections = [Section(kind="certifications", heading="Certifications", start=0, end=len(head))]
    found = {m.skill_id: m for m in extract_skills(head, sections)}
    # what a certificate covers is not a claimed skill; a technology named there still is one
    assert found["cpr"].confidence == WEAK_CONFIDENCE
    assert found["six-sigma"].confidence == WEAK_CONFIDENCE
    assert found["aws"].confidence > WEAK_CONFIDENCE
    # named in a skills section too, the practice is claimed
    text = head + "Skills\nSix Sigma, CPR\n"
    sections.append(Section(kind="skills", heading="Skills", start=len(head), end=len(text)))
    found2 = {m.skill_id: m for m in extract_skills(text, sections)}
    assert found2["six-sigma"].confidence > 0.7
    assert found2["cpr"].confidence > 0.7


def test_spoken_languages_with_their_level_are_no_unlisted_items() -> None:
    text = "Skills\nPython, Docker, Kubernetes, Fluent English, Quarkly\n"
    sections = [Section(kind="skills", heading="Skills", start=0, end=len(text))]
    assert set(_unlisted(text, sections)) == {"Quarkly"}  # a tool the taxonomy lacks, on the same list
    vertical = "Skills\nPython\nDocker\nQuarkly\nSpanish - Beginners level\n"
    sections = [Section(kind="skills", heading="Skills", start=0, end=len(vertical))]
    assert set(_unlisted(vertical, sections)) == {"Quarkly"}


def test_items_rated_in_years_are_skills_in_any_case() -> None:
    # a job board's skills list: every item rated in years of use, written as the candidate typed it
    text = "Skills\nPython (3 years), Docker (2 years), logging (Less than 1 year), security (2 years)\n"
    sections = [Section(kind="skills", heading="Skills", start=0, end=len(text))]
    assert {"logging", "security"} <= set(_unlisted(text, sections))
    # without the ratings, lower-case words in a list stay everyday words
    plain = "Skills\nPython, Docker, logging, security\n"
    sections = [Section(kind="skills", heading="Skills", start=0, end=len(plain))]
    assert not {"logging", "security"} & set(_unlisted(plain, sections))
