"""Fixtures for service tests: a real app on a temporary data dir with the hashing embedder."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.deps import Services
from service.settings import Settings


def resume_text(
    name: str = "Jane Roe",
    email: str = "jane.roe@example.com",
    title: str = "Senior Software Engineer",
    skills: Sequence[str] = ("Python", "SQL", "PostgreSQL", "Django", "AWS", "Docker"),
    start_year: int = 2018,
    extra: str = "",
) -> bytes:
    """A small plain-text resume (the parsers accept .txt) with the given name, title and skills."""
    skill_line = ", ".join(skills)
    return f"""{name}
{email} | +1 415 555 0100 | San Francisco, CA

Summary
{title} building reliable backend services. {extra}

Experience
{title}, Acme Corp, Jan {start_year} - Present
- Built payment APIs with {skill_line}.
- Led a team of four engineers.

Software Engineer, Beta Inc, Jun {start_year - 3} - Dec {start_year - 1}
- Maintained internal tools with {skill_line}.

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


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        embedder="hashing",
        max_upload_bytes=200_000,
        max_files_per_upload=5,
        page_size_default=5,
        page_size_max=10,
    )


@pytest.fixture
def services(settings: Settings) -> Services:
    return Services(settings)


@pytest.fixture
def api_key(services: Services) -> str:
    return services.keys.create("test")[1]


@pytest.fixture
def auth(api_key: str) -> dict[str, str]:
    return {"X-API-Key": api_key}


@pytest.fixture
def client(settings: Settings, services: Services) -> Iterator[TestClient]:
    with TestClient(create_app(settings, services=services)) as c:
        yield c
