"""A job to rank candidates against."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from models.evidence import Span
from models.resume import EducationLevel

Seniority = Literal["intern", "junior", "mid", "senior", "lead", "executive"]


class JobSkill(BaseModel):
    """A skill the job asks for."""

    skill_id: str
    name: str
    required: bool = True
    evidence: Span | None = None  # where in the job text it was asked for


class Job(BaseModel):
    """A parsed job description. Spans index into `text`."""

    id: str | None = None
    title: str | None = None
    text: str
    required_skills: list[JobSkill] = Field(default_factory=list)
    preferred_skills: list[JobSkill] = Field(default_factory=list)
    min_years: float | None = None
    degree_level: EducationLevel | None = None
    location: str | None = None
    seniority: Seniority | None = None
    weights: dict[str, float] = Field(default_factory=dict)  # per-job overrides of feature weights
    meta: dict[str, object] = Field(default_factory=dict)

    def all_skills(self) -> list[JobSkill]:
        """Required then preferred skills."""
        return [*self.required_skills, *self.preferred_skills]
