"""Counterfactual edits on resume text, and an end-to-end audit of a tiny pool with the hashing embedder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.audit import counterfactual as cf
from evaluation.audit.names import names_by_group
from evaluation.audit.runner import AuditSettings, counterfactual_audit, write_audit_report
from matcher.embedder import HashingEmbedder
from models.job import Job

RESUME = """Emily Walsh
emily.walsh@example.com | (555) 123-4567 | Springfield, IL

Summary
Software engineer with experience in Python and SQL. She mentors junior engineers.

Experience
Software Engineer, Acme Corp
Jan 2018 - Present
- Built services using Python and SQL

Junior Developer, Beta LLC
Jun 2015 - Dec 2017
- Worked with Docker

Education
B.S. Computer Science, State University, 2015

Skills
Python, SQL, Docker, AWS
"""


def _resume(first: str, last: str, skills: list[str], start: int) -> str:
    return (
        RESUME.replace("Emily", first)
        .replace("emily", first.lower())
        .replace("Walsh", last)
        .replace("walsh", last.lower())
        .replace("Python, SQL, Docker, AWS", ", ".join(skills))
        .replace("2018", str(start))
    )


POOL = [
    ("r1", _resume("Emily", "Walsh", ["Python", "SQL", "Docker", "AWS"], 2018)),
    ("r2", _resume("Jamal", "Jones", ["Java", "Spring", "SQL"], 2016)),
    ("r3", _resume("Greg", "Baker", ["Excel", "Tableau", "SQL"], 2019)),
    ("r4", _resume("Lakisha", "Moore", ["Python", "Django", "PostgreSQL", "Git"], 2017)),
]
JOB = Job(
    id="backend", title="Backend Engineer", text="Backend Engineer. Requirements: Python, SQL, Docker, AWS."
)
TINY = AuditSettings(
    n_resumes=4, n_jobs=1, names_per_group=2, n_boot=50, n_perm=50, order_shuffles=1, tie_orders=2
)


def test_swap_first_name_everywhere_it_stands() -> None:
    out = cf.swap_first_name(RESUME, "Emily", "Lakisha")
    assert out.startswith("Lakisha Walsh\n")
    assert "lakisha.walsh@example.com" in out
    assert "Emily" not in out and "emily" not in out
    assert cf.swap_first_name("EMILY WALSH, Emilyn", "Emily", "Greg") == "GREG WALSH, Emilyn"
    assert cf.find_first_name(RESUME) == "Emily"
    assert cf.find_first_name("Curriculum vitae of somebody long title here now\n") is None


def test_gender_edit_swaps_words_and_adds_pronouns() -> None:
    male = cf.set_gender(RESUME, "male")
    assert "He mentors" in male and "Pronouns: he/him" in male.splitlines()[1]
    female = cf.set_gender(male, "female")
    assert "She mentors" in female and "Pronouns: she/her" in female


def test_year_edits_touch_only_the_given_spans() -> None:
    edu = RESUME.index("Education")
    spans = [(edu, len(RESUME))]
    shifted = cf.shift_years(RESUME, -10, spans)
    assert "State University, 2005" in shifted and "Jan 2018" in shifted
    removed = cf.remove_years(RESUME, spans)
    assert "State University" in removed and "2015\n\nSkills" not in removed and "Jan 2018" in removed
    assert cf.remove_years("Jan 2018 - Present at X") == " at X"


def test_noise_edits_change_text_but_not_words() -> None:
    typo = cf.add_typos(RESUME, 3, seed=1)
    assert typo != RESUME and len(typo) == len(RESUME)
    assert typo.splitlines()[0] == RESUME.splitlines()[0]  # the name line is left alone
    assert cf.reformat("- a\n• b\n\nc").split() == ["-", "a", "-", "b", "c"]


def test_caching_embedder_encodes_each_text_once() -> None:
    emb = cf.CachingEmbedder(HashingEmbedder(16))
    a = emb.encode(["x y", "x y", "z"])
    b = emb.encode(["z"])
    assert a.shape == (3, 16) and (a[2] == b[0]).all()
    assert emb.misses == 2 and emb.hits == 2


@pytest.fixture(scope="module")
def tiny_audit(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path]:
    result = counterfactual_audit(
        [JOB], POOL, embedder=HashingEmbedder(), settings=TINY, data_source="test pool"
    )
    out = tmp_path_factory.mktemp("audit")
    write_audit_report(result, out)
    return result, out


def test_blind_screening_gives_zero_name_swap_change(tiny_audit: tuple[object, Path]) -> None:
    result, _ = tiny_audit
    on = result.modes["blind_on"]  # type: ignore[attr-defined]
    summary = on.jobs[0].summary["name"]
    assert summary["variants"] == 4 * 4 * 2  # 4 resumes x 4 groups x 2 names
    assert summary["max_abs_score_change"] == 0.0
    assert summary["mean_abs_rank_change"] == 0.0
    # the counterfactual-balanced sample: every impact ratio exactly 1
    for cut in on.outcomes["backend"].cutoffs:
        for cat in cut.categories:
            assert all(r.impact_ratio == pytest.approx(1.0) for r in cat.rows)
    ranking = on.ranking["backend"]
    assert ranking["exposure_per_relevance_min_over_max"] == pytest.approx(1.0)
    assert all(v == pytest.approx(0.0) for key, v in ranking.items() if key.startswith("skew@k"))
    assert result.passed  # type: ignore[attr-defined]
    assert {c["mode"] for c in result.checks} == {"blind_on", "blind_off"}  # type: ignore[attr-defined]


def test_blind_off_is_measured_not_enforced(tiny_audit: tuple[object, Path]) -> None:
    result, _ = tiny_audit
    off = result.modes["blind_off"]  # type: ignore[attr-defined]
    # names reach the hashing embedder without blinding, so scores move
    assert off.jobs[0].summary["name"]["max_abs_score_change"] > 0
    assert all(not c["enforced"] for c in result.checks if c["mode"] == "blind_off")  # type: ignore[attr-defined]


def test_report_files_are_written(tiny_audit: tuple[object, Path]) -> None:
    _, out = tiny_audit
    for name in ("report.md", "report.html", "report.json", "impact_ratios.png", "rank_changes.png"):
        assert (out / name).stat().st_size > 0, name
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "LL144 summary, blind screening on" in md and "Intersectional categories" in md
    assert "<table>" in (out / "report.html").read_text(encoding="utf-8")
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["passed"] is True
    assert set(data["modes"]) == {"blind_on", "blind_off"}
    assert data["names"].keys() == names_by_group().keys()


def test_audit_pool_and_decisions_api() -> None:
    from evaluation.audit import Demographics, audit_decisions, audit_pool
    from parsers.resume import parse_resume_text

    resumes = [(cid, parse_resume_text(text)) for cid, text in POOL]
    demo = {
        "r1": Demographics("female", "white"),
        "r2": Demographics("male", "black"),
        "r3": Demographics("male", "white"),
    }  # r4 declined to say
    audit = audit_pool(JOB, resumes, demo, embedder=HashingEmbedder(), top_k=2, n_boot=20, n_perm=20)
    assert audit.n == 4 and audit.cutoffs[0].name == "top-2"
    sex = next(c for c in audit.cutoffs[0].categories if c.category == "sex")
    assert sex.unknown == 1 and sum(r.n for r in sex.rows) == 3
    decisions = audit_decisions(
        {"r1": "advance", "r2": "reject", "r3": "advance", "r4": True}, demo, n_boot=20, n_perm=20
    )
    rows = {r.group: r for r in decisions.cutoffs[0].categories[0].rows}
    assert rows["female"].rate == 1.0 and rows["male"].rate == 0.5
