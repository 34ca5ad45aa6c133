"""Parsing evaluation: the matching rule on hand-worked cases, scoring, the CLI entry point."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from evaluation.datasets import load_dotin_file, shared_data_dir
from evaluation.parsing_eval import (
    FieldScore,
    documents_payload,
    format_comparison,
    format_intervals,
    match_sets,
    normalize,
    run,
    score_documents,
    token_dice,
)


def test_normalize() -> None:
    assert normalize("  Sr. Software-Engineer ") == "sr software engineer"
    assert normalize("R&D Ops") == "r and d ops"
    assert normalize("Oracle India Pvt. Ltd.", kind="Companies worked at") == "oracle india"
    assert normalize("C++ / C#", kind="skills") == "c++ c#"
    assert normalize("Université", kind="College Name") == "universite"


def test_token_dice_threshold_cases() -> None:
    assert token_dice("associate software engineer", "software engineer") == pytest.approx(0.8)
    assert token_dice("java developer", "developer") == pytest.approx(2 / 3)
    assert token_dice("software engineer", "software developer") == pytest.approx(0.5)


def test_match_sets_one_to_one() -> None:
    gold = ["software engineer", "data analyst"]
    # one prediction cannot claim two gold values
    assert match_sets([{"software engineer"}], gold) == 1
    assert match_sets([{"software engineer"}, {"associate software engineer"}], gold) == 1
    assert match_sets([{"software engineer"}, {"data analyst"}], gold) == 2
    assert match_sets([{"java developer"}], ["developer"]) == 0
    # a prediction with several surfaces matches through any of them
    assert match_sets([{"project manager technology lead", "project manager"}], ["project manager"]) == 1
    assert match_sets([{"x"}], ["y"], extra=lambda i, j: True) == 1


def test_field_score() -> None:
    fs = FieldScore()
    fs.add(tp=3, n_pred=4, n_gold=6)
    fs.add(tp=1, n_pred=1, n_gold=2)
    assert fs.precision == pytest.approx(4 / 5)
    assert fs.recall == pytest.approx(4 / 8)
    assert fs.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)
    assert FieldScore().f1 == 0.0


XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<cv>
<label type="Name">Jane Doe</label>
<label type="Email Address">jane.doe@example.com</label>

WORK EXPERIENCE

<label type="Designation">Data Analyst</label>

<label type="Companies worked at">Acme Analytics Pvt Ltd</label> - Pune, Maharashtra

January 2019 to Present

EDUCATION

<label type="Degree">B.Sc. in Statistics</label>

<label type="College Name">University of Pune</label>

<label type="Graduation Year">2018</label>
</cv>
"""


SPLIT_APART = {"2": "dev", "3": "holdout"}


def test_score_documents_on_a_hand_made_resume() -> None:
    docs = [load_dotin_file(XML, doc_id="2"), load_dotin_file(XML, doc_id="3")]
    # the two files are copies, so by default both would be dev (see test_label_agreement); split them here
    scores, timing = score_documents(docs, splits=SPLIT_APART)
    assert timing["resumes"] == 2
    allf = scores["all"]
    for fld in ("Name", "Email Address", "Designation", "Companies worked at", "Degree", "College Name"):
        assert (allf[fld].tp, allf[fld].n_gold) == (2, 2), fld
    assert allf["Graduation Year"].tp == 2
    assert scores["dev"]["Name"].docs == 1 and scores["holdout"]["Name"].docs == 1


def test_per_document_counts_intervals_and_a_paired_comparison() -> None:
    from parsers.resume import parse_resume_text

    docs = [load_dotin_file(XML, doc_id="2"), load_dotin_file(XML, doc_id="3")]
    scores, _ = score_documents(docs, splits=SPLIT_APART)
    assert scores["all"]["Name"].counts() == {"2": (1, 1, 1), "3": (1, 1, 1)}
    assert scores["dev"]["Name"].counts() == {"2": (1, 1, 1)}
    intervals = format_intervals(scores)
    assert "Name" in intervals and "1.000 [1.000, 1.000]" in intervals
    baseline = json.loads(json.dumps(documents_payload(scores)))  # as stored by --json and read back
    assert baseline["Name"] == {"2": [1, 1, 1], "3": [1, 1, 1]}
    # the same run: no change anywhere
    same = format_comparison(baseline, scores)
    name_row = next(line for line in same.splitlines() if line.startswith("Name "))
    assert name_row.count("+0.000 [+0.000, +0.000] 0.50   0") == 3
    # a run that reads nothing: every field falls on both resumes, in every resample
    empty = parse_resume_text("nothing here")
    worse, _ = score_documents(docs, parse=lambda _text: empty, splits=SPLIT_APART)
    lines = format_comparison(baseline, worse).splitlines()
    name_row = next(line for line in lines if line.startswith("Name "))
    # dev and holdout hold one resume each, all holds both
    assert name_row.count("-1.000 [-1.000, -1.000] 0.00   1") == 2
    assert name_row.endswith("-1.000 [-1.000, -1.000] 0.00   2")


def test_a_comparison_over_other_resumes_is_refused() -> None:
    docs = [load_dotin_file(XML, doc_id="2"), load_dotin_file(XML, doc_id="3")]
    scores, _ = score_documents(docs, splits=SPLIT_APART)
    baseline = documents_payload(scores)
    partial = {fld: {d: c for d, c in rows.items() if d != "3"} for fld, rows in baseline.items()}
    with pytest.raises(ValueError, match="1 missing there"):
        format_comparison(partial, scores)
    short_row = {fld: {**rows, "3": [1, 1]} for fld, rows in baseline.items()}
    with pytest.raises(ValueError, match="no \\(tp, n_pred, n_gold\\) triple"):
        format_comparison(short_row, scores)
    assert "2 resumes compared" in format_comparison(baseline, scores)


def test_run_against_a_file_that_is_no_json_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "figures.json"
    bad.write_text(json.dumps({"splits": {}}))
    code = run(argparse.Namespace(data="/nonexistent", limit=None, json_out=None, against=str(bad)))
    assert code == 2
    assert "no `--json` output with documents" in capsys.readouterr().err


def test_run_without_data_fails_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(argparse.Namespace(data="/nonexistent", limit=None, json_out=None))
    assert code == 2
    assert "dotin data not found" in capsys.readouterr().err


@pytest.mark.skipif(shared_data_dir() is None, reason="shared data not found; skipping the dotin run")
def test_run_on_shared_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "parsing.json"
    code = run(argparse.Namespace(data=None, limit=40, json_out=str(out)))
    assert code == 0
    table = capsys.readouterr().out
    assert "Designation" in table and "holdout" in table
    payload = json.loads(out.read_text())
    assert payload["splits"]["all"]["Email Address"]["support"] > 0
    assert payload["splits"]["all"]["Email Address"]["f1"] >= 0.9
    assert len(payload["documents"]["Email Address"]) == 40
    # the same parser again, against the stored run: no resume changes
    code = run(argparse.Namespace(data=None, limit=40, json_out=None, ci=True, against=str(out)))
    assert code == 0
    printed = capsys.readouterr().out
    assert "95% interval" in printed
    email_row = next(
        line for line in printed.splitlines() if line.startswith("Email Address") and "[" in line
    )
    assert "Email Address" in email_row
    compared = printed.split(f"against {out}:")[1]
    assert all("   0" in line[-5:] for line in compared.splitlines() if line.startswith(("Name ", "Degree ")))


SKILLS_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<cv>
Jane Doe

SKILLS

<label type="Tech Tools">Python</label>, <label type="Tech Tools">Zorblax Studio</label>, teamwork, English
</cv>
"""


def test_skills_rows_surface_and_canonical() -> None:
    """The canonical row leaves out predicted soft skills and spoken languages (dotin labels them elsewhere);
    a gold phrase the taxonomy lacks stays in the gold set as a surface."""
    from parsers.taxonomy import load_taxonomy

    tax = load_taxonomy()
    # the shipped taxonomy is part of the package: these preconditions are facts, not optional
    assert tax.lookup("Python") is not None
    assert tax.lookup("Zorblax Studio") is None
    scores, _ = score_documents([load_dotin_file(SKILLS_XML, doc_id="2")])
    surface, canonical = scores["all"]["skills (surface)"], scores["all"]["skills (canonical)"]
    assert canonical.n_gold == 2  # python (by id) + "zorblax studio" (unmapped surface)
    assert canonical.tp == 1
    assert surface.n_gold == 2 and surface.tp == 1
    from parsers.resume import parse_resume_text

    found = {
        s.skill_id: s.type for s in parse_resume_text(load_dotin_file(SKILLS_XML, doc_id="2").text).skills
    }
    kept = [i for i, t in found.items() if t not in {"soft", "language"}]
    assert surface.n_pred == len(found)
    assert canonical.n_pred == len(kept)


UNLABELLED_SKILLS_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<cv>
<label type="Name">Jane Doe</label>

SKILLS

Python, Java, Kubernetes
</cv>
"""


def test_resume_without_skill_labels_is_scored_only_in_the_all_docs_row() -> None:
    """A resume the annotators did not label for skills leaves the two skills rows untouched, while the
    'all docs' row counts each of its predictions as a false positive."""
    scores, _ = score_documents([load_dotin_file(UNLABELLED_SKILLS_XML, doc_id="4")])
    allf = scores["all"]
    for fld in ("skills (surface)", "skills (canonical)"):
        assert (allf[fld].docs, allf[fld].n_pred, allf[fld].n_gold) == (0, 0, 0), fld
    strict = allf["skills (canonical, all docs)"]
    assert strict.docs == 1 and strict.n_gold == 0
    assert strict.n_pred >= 3 and strict.tp == 0
    assert allf["Name"].docs == 1  # other fields are scored on every resume


def test_title_items_split_compounds_of_full_titles_only() -> None:
    from evaluation.parsing_eval import _title_items

    items = _title_items("Project Manager / Technology Lead")
    assert items == [{"project manager technology lead", "project manager"}, {"technology lead"}]
    # each part claims its own gold value; the compound as written is still matched by the first
    assert match_sets(items, ["project manager", "technology lead"]) == 2
    assert match_sets(items, ["project manager technology lead"]) == 1
    # a one-word piece means a single title with a shared head word: one prediction
    assert _title_items("Sales and Marketing Manager") == [
        {"sales and marketing manager", "sales", "marketing manager"}
    ]
    assert _title_items("Data Engineer") == [{"data engineer"}]


def test_title_items_split_slashed_single_words() -> None:
    from evaluation.parsing_eval import _title_items

    items = _title_items("Owner/Trainer / Consultant")
    assert items == [{"owner trainer consultant", "owner"}, {"trainer"}, {"consultant"}]
    assert match_sets(items, ["owner", "trainer", "consultant"]) == 3
    # other joints keep single words together: "Sales and Marketing" is one prediction
    assert _title_items("Sales and Marketing") == [{"sales and marketing", "sales", "marketing"}]
    assert len(_title_items("Sales, Marketing/Support")) == 1
    # a one-word part beside a longer one stays one prediction (it may be a modifier: "Sales/Marketing Manager")
    assert len(_title_items("Sales/Marketing Manager")) == 1


def test_gold_college_over_a_blank_line_is_read_after_it() -> None:
    from evaluation.parsing_eval import _after_blank_line

    assert (
        _after_blank_line("Applied Physics and Optics\n\nRiverside State University")
        == "Riverside State University"
    )
    assert _after_blank_line("B.Sc. Physics\n \t\nSt. Xavier's College\n") == "St. Xavier's College\n"
    # a single line break is no blank line: the span stays whole
    assert (
        _after_blank_line("Indian Institute of\nTechnology Delhi") == "Indian Institute of\nTechnology Delhi"
    )
    assert _after_blank_line("Osmania University") == "Osmania University"


def test_gold_employer_over_a_blank_line_is_read_after_it() -> None:
    from evaluation.parsing_eval import gold_values

    xml = b"""<?xml version="1.0" encoding="UTF-8"?>
<cv>
<label type="Designation">Sales Associate</label>

<label type="Companies worked at">Store Operations

Harbourline Retail</label> - Pune
<label type="Companies worked at">Acme
Analytics</label>
</cv>
"""
    doc = load_dotin_file(xml, doc_id="2")
    assert gold_values(doc, "Companies worked at") == ["harbourline retail", "acme analytics"]
    assert gold_values(doc, "Designation") == ["sales associate"]


def test_referee_titles_and_sought_roles_are_designations() -> None:
    """dotin labels every title the text states, a referee's and an objective's included; the parser reports
    those apart from the positions held."""
    from evaluation.parsing_eval import _pred_values
    from models.resume import Referee, Resume, TextField, WorkItem

    resume = Resume(
        text="",
        work=[WorkItem(title="Staff Nurse")],
        referees=[
            Referee(title=TextField(value="Head of Nursing")),
            Referee(name=TextField(value="A. Person")),
        ],
        target_titles=[TextField(value="Ward Manager")],
    )
    assert _pred_values(resume, "Designation") == [{"staff nurse"}, {"head of nursing"}, {"ward manager"}]
    assert _pred_values(resume, "Companies worked at") == []  # referees' employers are not the candidate's


def test_school_level_colleges_count_as_college_names() -> None:
    from evaluation.parsing_eval import _pred_values
    from models.resume import Education, PartialDate, Resume

    resume = Resume(
        text="",
        education=[
            Education(institution="Gowtham Junior College", level="secondary", end=PartialDate(year=2009)),
            Education(institution="Kendriya Vidyalaya No. 2", level="secondary", end=PartialDate(year=2007)),
            Education(institution="Kendriya Vidyalaya", level="secondary"),
            Education(institution="St. Mary's High School", level="secondary"),
            Education(institution="Board of Intermediate Education College", level="secondary"),
            Education(institution="Osmania University", level="bachelor"),
        ],
    )
    assert _pred_values(resume, "College Name") == [{"gowtham junior college"}, {"osmania university"}]
    assert _pred_values(resume, "Graduation Year") == [{"2009"}]  # a school's year stays out


def test_certified_credentials_in_their_sections_count_as_degrees() -> None:
    """dotin labels "... Certified ..." credentials as Degree; elsewhere, or named otherwise, they are not."""
    from evaluation.parsing_eval import _pred_values
    from models.resume import Certification, Education, Resume, Section, Span

    def cert(name: str, at: int) -> Certification:
        return Certification(name=name, evidence=Span(start=at, end=at + len(name), text=name))

    resume = Resume(
        text="",
        sections=[
            Section(kind="experience", start=0, end=100),
            Section(kind="certifications", start=100, end=200),
            Section(kind="education", start=200, end=300),
        ],
        education=[Education(degree="B.Tech", level="bachelor")],
        certifications=[
            cert("Microsoft Certified Professional", 110),
            cert("Oracle Certified Associate", 250),
            cert("AWS Solutions Architect", 150),  # a certification not named "certified"
            cert("Cisco Certified Network Associate", 10),  # named in the work history
            Certification(name="Certified Scrum Master"),  # no evidence: where it stands is unknown
        ],
    )
    assert _pred_values(resume, "Degree") == [
        {"b tech"},
        {"microsoft certified professional"},
        {"oracle certified associate"},
    ]


def test_canonical_skills_row_scores_claimed_mentions() -> None:
    """Weak mentions (a practice named once in the work history) leave the canonical row and stay in the
    'all mentions' row."""
    from evaluation.parsing_eval import _pred_values
    from evaluation.skills_eval import CLAIMED_MIN_CONFIDENCE
    from models.resume import Resume, SkillMention

    resume = Resume(
        text="",
        skills=[
            SkillMention(skill_id="python", name="Python", type="technology", confidence=0.9),
            SkillMention(skill_id="budgeting", name="Budgeting", type="skill", confidence=0.3),
        ],
    )
    assert 0.3 < CLAIMED_MIN_CONFIDENCE <= 0.9
    claimed = _pred_values(resume, "skills (canonical)")
    every = _pred_values(resume, "skills (all mentions)")
    assert [("id:python" in s) for s in claimed] == [True]
    assert sorted("id:budgeting" in s for s in every) == [False, True]


UNLABELLED_WORK_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<cv>
<label type="Name">Jane Doe</label>

WORK EXPERIENCE

Data Analyst
Acme Analytics Pvt Ltd - Pune, Maharashtra
January 2019 to Present

EDUCATION

B.Sc. in Statistics
University of Pune
2018
</cv>
"""

LECTURER_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<cv>
<label type="Name">Jane Doe</label>

WORK EXPERIENCE

<label type="Designation">Lecturer</label>
<label type="College Name">Riverside University</label>, Pune
January 2019 to Present

<label type="Designation">Data Analyst</label>
Acme Analytics, Pune
March 2016 to December 2018
</cv>
"""


def test_resume_without_work_or_education_labels_is_scored_only_in_the_all_docs_rows() -> None:
    """A resume whose work history and education carry no label at all leaves those rows untouched; the
    "(all docs)" rows count its predictions as false positives."""
    from evaluation.parsing_eval import ALL_DOCS_ROWS, FIELDS

    scores, _ = score_documents([load_dotin_file(UNLABELLED_WORK_XML, doc_id="6")])
    allf = scores["all"]
    fields = ("Designation", "Companies worked at", "Degree", "College Name", "Graduation Year")
    for fld in fields:
        assert (allf[fld].docs, allf[fld].n_pred, allf[fld].n_gold) == (0, 0, 0), fld
    all_docs = {base: row for row, base in ALL_DOCS_ROWS.items()}
    for fld in fields:
        row = allf[all_docs[fld]]
        assert row.docs == 1 and row.n_gold == 0 and row.n_pred == 1, fld
    assert set(ALL_DOCS_ROWS) <= set(FIELDS) and set(ALL_DOCS_ROWS.values()) <= set(FIELDS)
    assert allf["Name"].docs == 1 and allf["Name"].tp == 1  # Name is scored on every resume


def test_employer_labelled_as_a_college_is_neither_right_nor_wrong() -> None:
    scores, _ = score_documents([load_dotin_file(LECTURER_XML, doc_id="8")])
    companies = scores["all"]["Companies worked at"]
    # the parser reads both employers; the university is dotin's College Name, so only Acme is scored
    assert (companies.tp, companies.n_pred, companies.n_gold) == (0, 1, 0)
    assert scores["all"]["Designation"].tp == 2


def test_without_labelled_colleges_keeps_matched_and_other_employers() -> None:
    from evaluation.parsing_eval import _without_labelled_colleges

    pred = [{"riverside university"}, {"acme analytics"}, {"state university"}]
    # an employer matching a gold employer stays even when it is also labelled as a college
    assert _without_labelled_colleges(
        pred, ["state university"], ["Riverside University", "State University"]
    ) == [
        {"acme analytics"},
        {"state university"},
    ]
    assert _without_labelled_colleges(pred, [], []) == pred


def _college_row(xml: bytes) -> tuple[int, int, int]:
    scores, _ = score_documents([load_dotin_file(xml, doc_id="8")])
    row = scores["all"]["College Name"]
    return row.tp, row.n_pred, row.n_gold


def test_college_read_as_the_employer_where_labelled_is_neither_found_nor_missed() -> None:
    # the parser reads Riverside University as the lecturer's employer, where dotin labels a College Name
    assert _college_row(LECTURER_XML) == (0, 0, 0)
    # named in an education entry as well, it is a college to find, and the parser finds it
    studied = LECTURER_XML.replace(
        b"</cv>",
        b'\nEDUCATION\n\n<label type="Degree">B.Sc. in Statistics</label>\n'
        b'<label type="College Name">Riverside University</label>\n2015\n</cv>',
    )
    assert _college_row(studied) == (1, 1, 1)


def test_college_labelled_where_no_employer_was_read_stays_a_miss() -> None:
    # the employer is read in the work history, where it carries no label; the labelled mention is prose
    xml = b"""<?xml version="1.0" encoding="UTF-8"?>
<cv>
<label type="Name">Jane Doe</label>

SUMMARY

Analyst with a degree from <label type="College Name">Riverside University</label> and five years in research.

WORK EXPERIENCE

<label type="Designation">Lecturer</label>
Riverside University, Pune
January 2019 to Present
</cv>
"""
    assert _college_row(xml) == (0, 0, 1)
