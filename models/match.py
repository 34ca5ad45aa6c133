"""A ranked candidate for a job, with the explanation of its score."""

from __future__ import annotations

from pydantic import BaseModel, Field

from models.evidence import Span


class Contribution(BaseModel):
    """One feature's part of a score: contribution = weight * value."""

    feature: str
    value: float  # the feature value, in [0, 1]
    weight: float
    contribution: float
    note: str = ""  # a short human reading, e.g. "4 of 5 required skills"
    evidence: list[Span] = Field(default_factory=list)  # spans in the resume text that earned it


class SkillMatch(BaseModel):
    """A job skill and how the candidate covers it."""

    skill_id: str
    name: str
    required: bool
    kind: str  # "exact", "related" or "missing"
    via: str | None = None  # for "related": the candidate's skill that gave partial credit
    evidence: list[Span] = Field(default_factory=list)


class Explanation(BaseModel):
    """Why a candidate got its score. The contributions sum to the score."""

    contributions: list[Contribution] = Field(default_factory=list)
    matched_skills: list[SkillMatch] = Field(default_factory=list)
    related_skills: list[SkillMatch] = Field(default_factory=list)
    missing_skills: list[SkillMatch] = Field(default_factory=list)

    def total(self) -> float:
        """Sum of the contributions."""
        return sum(c.contribution for c in self.contributions)


class Match(BaseModel):
    """A candidate's place in a shortlist."""

    candidate_id: str
    job_id: str | None = None
    score: float
    rank: int
    explanation: Explanation = Field(default_factory=Explanation)
    source_name: str | None = None
