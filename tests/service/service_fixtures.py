"""Test data for the service tests: small plain-text resumes and a job description (unique module name)."""

from __future__ import annotations

from collections.abc import Sequence

_EMPLOYERS = ["Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Retail", "Hooli"]
_VERBS = ["Built", "Designed", "Maintained", "Migrated", "Scaled", "Automated", "Documented", "Tested"]
_OBJECTS = [
    "payment APIs",
    "reporting dashboards",
    "an inventory service",
    "data pipelines",
    "customer onboarding flows",
    "internal tooling",
    "a search backend",
    "billing jobs",
]


def resume_text(
    name: str = "Jane Roe",
    email: str = "jane.roe@example.com",
    title: str = "Senior Software Engineer",
    skills: Sequence[str] = ("Python", "SQL", "PostgreSQL", "Django", "AWS", "Docker"),
    start_year: int = 2018,
    extra: str = "",
) -> bytes:
    """A small plain-text resume (the parsers accept .txt); the name seeds the wording so resumes differ."""
    seed = sum(map(ord, name))
    emp = [_EMPLOYERS[(seed + i) % len(_EMPLOYERS)] for i in range(2)]
    lines = [
        f"- {_VERBS[(seed + i) % len(_VERBS)]} {_OBJECTS[(seed * 3 + i) % len(_OBJECTS)]} with {skills[i % len(skills)]}."
        for i in range(4)
    ]
    skill_line = ", ".join(skills)
    return f"""{name}
{email} | +1 415 555 {seed % 10000:04d} | San Francisco, CA

Summary
{title} with a record of {_OBJECTS[seed % len(_OBJECTS)]} and {_OBJECTS[(seed + 3) % len(_OBJECTS)]}. {extra}

Experience
{title}, {emp[0]}, Jan {start_year} - Present
{lines[0]}
{lines[1]}

Software Engineer, {emp[1]}, Jun {start_year - 3} - Dec {start_year - 1}
{lines[2]}
{lines[3]}

Education
B.Sc. Computer Science, State University

Skills
{skill_line}
""".encode()


JOB_TEXT = """Senior Backend Engineer

We are hiring a backend engineer to build payment APIs.

Requirements:
- 5+ years of professional experience
- Strong Python and SQL
- PostgreSQL and Django

Nice to have:
- AWS, Docker, Kubernetes
- Bachelor's degree in Computer Science
"""
