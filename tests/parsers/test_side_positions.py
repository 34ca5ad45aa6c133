"""Roles stated outside the work history: labelled project roles and the headline's further titles."""

from __future__ import annotations

import pytest

from matcher.profile import UNDATED_TITLE_MIN_CONFIDENCE
from models.evidence import Span, TextField
from models.resume import WorkItem
from parsers.resume import parse_resume_text
from parsers.sections import split_sections
from parsers.side_positions import SIDE_CONFIDENCE, side_positions

PROJECT_CV = (
    "Mira Okonjo\nmira.okonjo@example.com\n\n"
    "EXPERIENCE\nSoftware Engineer\nBluefen Labs\nJan 2019 - Present\n\n"
    "PROJECTS\nProject: Tide Planner\nKey Role: UI designer/Developer.\nTeam Size: 4\n"
    "Project: Harbour Ledger\nRole: Architect, Leader Developer Flash/PHP\n"
)


def _side(text: str, work: list[WorkItem] | None = None, headline: TextField | None = None) -> list[str]:
    return [w.title or "" for w in side_positions(text, split_sections(text), work or [], headline)]


def test_labelled_roles_in_a_projects_section_each_role_of_a_list() -> None:
    assert _side(PROJECT_CV) == ["UI designer", "Developer", "Architect", "Leader Developer"]


def test_items_are_undated_below_the_matchers_title_bar_with_evidence() -> None:
    text = PROJECT_CV
    items = side_positions(text, split_sections(text), [])
    assert SIDE_CONFIDENCE < UNDATED_TITLE_MIN_CONFIDENCE  # ranking counts none of them as a title held
    assert len(items) == 4
    for w in items:
        assert w.start is None and w.end is None and w.employer is None
        assert w.confidence == SIDE_CONFIDENCE
        assert w.title_evidence is not None and text[w.title_evidence.start : w.title_evidence.end] == w.title


def test_titles_the_work_history_holds_are_not_repeated() -> None:
    work = [WorkItem(title="Developer"), WorkItem(title="ui  designer")]
    assert _side(PROJECT_CV, work) == ["Architect", "Leader Developer"]


@pytest.mark.parametrize(
    "line",
    [
        "Role: fetching data, analyzing, monitoring, troubleshooting",
        "Role: Testing and Bug Fixing",
        "Role: Digital marketing through creative writing",
        "Client: Harbour Mutual Insurance",
        "Roles: Directors of Student Teaching",
        "Team Size: 4",
    ],
)
def test_duties_clients_and_plural_heads_name_no_role(line: str) -> None:
    assert _side(f"Mira Okonjo\n\nPROJECTS\nProject: Tide Planner\n{line}\n") == []


def test_work_history_labels_are_left_to_the_work_history_reader() -> None:
    text = "Mira Okonjo\n\nEXPERIENCE\nRole: Data Analyst\nBluefen Labs, 2019 - 2021\n"
    assert _side(text) == []


def test_a_labelled_role_stops_at_the_sentence_after_it() -> None:
    text = (
        "Mira Okonjo\n\nPROJECTS\nRole: Lead Android developer, architect. Worked with a team of ten people\n"
    )
    assert _side(text) == ["Lead Android developer", "architect"]


def _headline(text: str, value: str, confidence: float = 0.7) -> TextField:
    a = text.index(value)
    return TextField(value=value, evidence=Span.of(text, a, a + len(value)), confidence=confidence)


def test_further_titles_of_the_headline_line() -> None:
    text = "Ravi Menon\nProgram Manager, Product Manager, Product Owner, BI / Datawarehouse\nPune - ravi@example.com\n"
    assert _side(text, headline=_headline(text, "Program Manager")) == ["Product Manager", "Product Owner"]


def test_headline_line_pieces_that_are_no_whole_title_are_left() -> None:
    text = "Ravi Menon\nSr. Consultant, QA Automation Frameworks | Agile Delivery\n"
    assert _side(text, headline=_headline(text, "Sr. Consultant")) == []


def test_a_headline_from_summary_prose_lists_no_further_roles() -> None:
    text = "Ravi Menon\n\nSUMMARY\nAnalyst programmer with 6 years of work, team leader, trainer\n"
    assert _side(text, headline=_headline(text, "Analyst programmer", confidence=0.4)) == []


def test_parse_resume_adds_side_roles_after_the_dated_work_history() -> None:
    r = parse_resume_text(PROJECT_CV)
    dated = [w for w in r.work if w.start is not None]
    side = [w.title for w in r.work if w.confidence == SIDE_CONFIDENCE]
    assert [w.title for w in dated] == ["Software Engineer"]
    assert side == ["UI designer", "Developer", "Architect", "Leader Developer"]
    assert r.total_experience_months == sum(w.months or 0 for w in dated)


@pytest.mark.parametrize(
    ("line", "titles"),
    [
        ("Role: Sr. Developer", ["Sr. Developer"]),  # a full stop after an abbreviation ends no value
        ("Role: Developer and Tester & Team Lead", ["Developer", "Tester", "Team Lead"]),
        ("Role: Head of Marketing", ["Head of Marketing"]),  # a function after the title word stays
        ("Role: Director of Sales, Architect", ["Director of Sales", "Architect"]),
    ],
)
def test_labelled_role_values(line: str, titles: list[str]) -> None:
    assert _side(f"Mira Okonjo\n\nPROJECTS\nProject: Tide Planner\n{line}\n") == titles


def test_a_referees_position_is_not_a_role_of_the_candidate() -> None:
    assert _side("Mira Okonjo\n\nREFERENCES\nJon Halvorsen\nPosition: Director of Sales\n") == []
