"""The roles an objective seeks: kept apart from the work history, each a whole title."""

from __future__ import annotations

import pytest

from parsers.objectives import TARGET_CONFIDENCE, target_titles
from parsers.resume import parse_resume_text
from parsers.sections import split_sections


def _targets(text: str) -> list[str]:
    return [t.value for t in target_titles(text, split_sections(text))]


def _cv(objective: str) -> str:
    return (
        "Tamsin Rellow\ntamsin.rellow@example.com\n\nOBJECTIVE\n"
        f"{objective}\n\n"
        "EXPERIENCE\nSupport Technician\nHollowmere Supplies Ltd\nMar 2019 - Present\n"
    )


@pytest.mark.parametrize(
    ("objective", "titles"),
    [
        ("Seeking a position as a Web Developer at a growing studio.", ["Web Developer"]),
        ("To obtain a full-time position as a Systems Engineer", ["Systems Engineer"]),
        ("Looking for a suitable payroll analyst position with an ambitious firm.", ["payroll analyst"]),
        (
            "Seeking the position of an Assistant Branch Manager to use my skills.",
            ["Assistant Branch Manager"],
        ),
        ("To work as an Art Editor in a photography magazine.", ["Art Editor"]),
        ("Seeking an Account Manager role that offers growth.", ["Account Manager"]),
        # a list of titles: each whole title, split at '/', ' - ' and 'or'
        (
            "Desire the Position of Museum Administrator - Gallery Floor Supervisor",
            ["Museum Administrator", "Gallery Floor Supervisor"],
        ),
        ("To secure an Office Coordinator/Payroll Clerk position.", ["Office Coordinator", "Payroll Clerk"]),
        (
            "Seeking a position as a set designer or costume designer in theatre.",
            ["set designer", "costume designer"],
        ),
        # right after the wish the article may be left out; other wish verbs
        ("Seeking Night Desk Supervisor position at a hotel.", ["Night Desk Supervisor"]),
        ("Searching for an entry level position as a claims examiner.", ["claims examiner"]),
        ("I am interested in the Programme Coordinator position you advertised.", ["Programme Coordinator"]),
        # a number ends the title ("... Analyst 4+ years experience as ...")
        (
            "Seeking a position as Stock Control Analyst 6+ years in retail stores.",
            ["Stock Control Analyst"],
        ),
        # a function after the title stays with it, a place it describes does not
        ("Seeking a position as a Director of I.S. in a mid-size company.", ["Director of I.S"]),
        ("Seeking a position as Manager of a busy family restaurant.", ["Manager"]),
        ("Desire a position as Director of operations and planning.", ["Director"]),
        ("Seeking a role as Director of operations.", ["Director of operations"]),
        # "to become" as the candidate's own wish
        ("To become a Shift Supervisor in a busy store.", ["Shift Supervisor"]),
        ("Eager to become a Shift Supervisor.", ["Shift Supervisor"]),
        ("My goal is to become a Dental Hygienist.", ["Dental Hygienist"]),
        ("A student studying to become a Dental Hygienist.", ["Dental Hygienist"]),
        ("Combine craft and business sense to become a Pastry Chef.", ["Pastry Chef"]),
    ],
)
def test_the_title_an_objective_seeks(objective: str, titles: list[str]) -> None:
    assert _targets(_cv(objective)) == titles


@pytest.mark.parametrize(
    "objective",
    [
        "Seeking a challenging career in a reputed organisation.",  # no title named
        "Seeking a Primary School Coaching position.",  # a field, not a title
        "Hoping to obtain an entry level Professional post with a regional firm.",  # a bare generic head
        "Seeking an internship with a design agency.",
        "Looking for opportunities to grow as a team player.",  # no position word, no 'work as'
        "Seeking a Sales Managers role",  # a plural head names a team
        "Looking to secure server job schedules across sites.",  # no article, not capitalised: no title
        # someone else's role: "to become" after an object, "job" before the people or postings sought
        "Mentored two cashiers to become Shift Supervisor within a year.",
        "Technical recruiter seeking Software Engineer job candidates for tech clients daily.",
        "Staffing coordinator in search of Registered Nurse job applicants for clinics.",
        "To become an active member of a busy accounting firm.",  # a membership, not a title
    ],
)
def test_wishes_that_name_no_title(objective: str) -> None:
    assert _targets(_cv(objective)) == []


def test_only_summary_and_header_sections_are_read() -> None:
    text = (
        "Tamsin Rellow\n\nEXPERIENCE\nSupport Technician\nHollowmere Supplies Ltd\nMar 2019 - Present\n"
        "Helped customers seeking a position as a Store Manager with their applications.\n"
    )
    assert _targets(text) == []


def test_target_titles_on_the_resume_not_in_the_work_history() -> None:
    text = _cv("Seeking a position as a Web Developer at a growing studio.")
    resume = parse_resume_text(text)
    assert [t.value for t in resume.target_titles] == ["Web Developer"]
    assert "Web Developer" not in {w.title for w in resume.work}  # a wish is no position held
    t = resume.target_titles[0]
    assert t.confidence == TARGET_CONFIDENCE
    assert t.evidence is not None and text[t.evidence.start : t.evidence.end] == "Web Developer"


def test_a_title_sought_twice_is_kept_once() -> None:
    text = _cv("Seeking a position as a Web Developer.\nTo obtain a position as a web developer in a studio.")
    assert _targets(text) == ["Web Developer"]
