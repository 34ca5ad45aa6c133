"""Job description parsing: title, required vs preferred skills, years, degree, location, seniority."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.errors import ValidationFailed
from parsers.job import parse_job

JOB = """Senior Backend Engineer
About the job
Acme builds payments software. We are a friendly team.

Location: Berlin, Germany

Requirements:
* 5+ years of professional experience building web services in Python
* Strong SQL and PostgreSQL skills
* Experience with Docker and Kubernetes
* Bachelor's degree in Computer Science or related field

Nice to have:
* Go (golang) or Rust
* Experience with Kafka

Benefits:
* Free Excel training and a Salesforce discount
"""


def _ids(skills) -> set[str]:
    return {s.skill_id for s in skills}


def test_worked_example() -> None:
    job = parse_job(JOB, job_id="j1")
    assert job.id == "j1"
    assert job.title == "Senior Backend Engineer"
    assert job.seniority == "senior"
    assert job.min_years == 5
    assert job.degree_level == "bachelor"
    assert job.location == "Berlin, Germany"
    assert {"python", "sql", "postgresql", "docker", "kubernetes"} <= _ids(job.required_skills)
    assert {"go", "kafka"} <= _ids(job.preferred_skills)
    # boilerplate sections do not ask for skills
    assert not {"excel", "salesforce"} & (_ids(job.required_skills) | _ids(job.preferred_skills))
    # required and preferred never overlap
    assert not _ids(job.required_skills) & _ids(job.preferred_skills)
    for s in job.all_skills():
        assert s.evidence is not None
        assert JOB[s.evidence.start : s.evidence.end] == s.evidence.text
    assert all(s.required for s in job.required_skills)
    assert not any(s.required for s in job.preferred_skills)


def test_sentence_cues_mark_preferred() -> None:
    job = parse_job(
        "Data Analyst\nYou will build Tableau dashboards with SQL.\nKnowledge of Python is a plus.\n"
    )
    assert "sql" in _ids(job.required_skills)
    assert "python" in _ids(job.preferred_skills)


def test_required_wins_over_preferred() -> None:
    job = parse_job("Dev\nMust have: Java.\nPreferred: Java and Spring Boot.\n")
    assert "java" in _ids(job.required_skills)
    assert "java" not in _ids(job.preferred_skills)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Engineer\n5+ years of experience with Java", 5),
        ("Engineer\nAt least three years of experience in sales", 3),
        ("Engineer\n3-5 years of experience", 3),
        ("Engineer\n3 – 10 years of equity research experience", 3),
        ("Engineer\nMinimum of 2 years experience required", 2),
        ("Engineer\nExperience: 4 years", 4),
        ("Engineer\nWe have been in business for 20 years.", None),
        ("Engineer\nCandidates must be 18 years old.", None),
    ],
)
def test_min_years(text: str, years: float | None) -> None:
    assert parse_job(text).min_years == years


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Nurse\nBachelor's degree in Nursing (BSN) required", "bachelor"),
        ("Analyst\nBachelor's degree required; Master's degree preferred", "bachelor"),
        ("Scientist\nPhD in Chemistry", "doctorate"),
        ("Analyst\nMBA required", "master"),
        ("Clerk\nHigh school diploma or GED", "secondary"),
        ("Tech\nAssociate degree in electronics", "associate"),
        ("Chef\nNo degree needed, just passion.", None),
    ],
)
def test_degree_level(text: str, level: str | None) -> None:
    assert parse_job(text).degree_level == level


@pytest.mark.parametrize(
    ("title", "seniority"),
    [
        ("Software Engineering Intern", "intern"),
        ("Junior Accountant", "junior"),
        ("Sr. Financial Analyst", "senior"),
        ("Construction Project Manager", "lead"),
        ("Lead - IT Services", "lead"),
        ("Director of Nursing", "executive"),
        ("Vice President, Sales", "executive"),
        ("Footwear Designer II", "mid"),
        ("Executive Chef", None),
        ("Teacher", None),
    ],
)
def test_seniority_from_title(title: str, seniority: str | None) -> None:
    assert parse_job("We need help.", title=title).seniority == seniority


def test_title_sources() -> None:
    assert (
        parse_job("About the job\nJob Title: Payroll Specialist\nDo payroll.").title == "Payroll Specialist"
    )
    assert parse_job("  \n# Chef de Partie\nCook food.").title == "Chef de Partie"
    assert parse_job("Whatever\ntext", title="Given Title").title == "Given Title"


def test_remote_location() -> None:
    assert parse_job("Consultant - Strategic Advisory (Remote)\nAdvise clients.").location == "Remote"


def test_empty_text_raises() -> None:
    with pytest.raises(ValidationFailed):
        parse_job("   \n ")


def _shared_data() -> Path | None:
    env = os.environ.get("SHORTLIST_SHARED_DATA")
    root = Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
    return root if root.is_dir() else None


def test_real_job_posts() -> None:
    root = _shared_data()
    if root is None or not (root / "ranking" / "job_posts_dev" / "job_posts_dev.csv").is_file():
        pytest.skip("shared data (../shared/data/ranking/job_posts_dev) not available")
    from evaluation.datasets import load_job_posts

    posts = load_job_posts(root)
    assert len(posts) == 33
    for post in posts:
        job = parse_job(post.text, job_id=post.post_id)
        assert job.title and len(job.title) <= 120, post.post_id
        assert len(job.required_skills) + len(job.preferred_skills) >= 3, post.post_id
        for s in job.all_skills():
            assert s.evidence is not None and post.text[s.evidence.start : s.evidence.end] == s.evidence.text
