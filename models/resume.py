"""The parsed resume: contact, work history, education, skills, certifications, languages."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from models.evidence import Span, TextField

EducationLevel = Literal["secondary", "associate", "bachelor", "master", "doctorate"]
# Ordered from lowest to highest; features compare positions in this tuple.
EDUCATION_LEVELS: tuple[str, ...] = ("secondary", "associate", "bachelor", "master", "doctorate")

SectionKind = Literal[
    "header",
    "summary",
    "experience",
    "education",
    "skills",
    "projects",
    "certifications",
    "languages",
    "awards",
    "publications",
    "volunteering",
    "interests",
    "references",
    "other",
]


class PartialDate(BaseModel):
    """A date known to the year, or to the year and month."""

    year: int = Field(ge=1900, le=2100)
    month: int | None = Field(default=None, ge=1, le=12)

    def iso(self) -> str:
        """'2019-03' or '2019'."""
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def ordinal(self) -> int:
        """Months since year 0; a missing month counts as January."""
        return self.year * 12 + (self.month or 1) - 1


class Section(BaseModel):
    """A block of the resume text and what it is about."""

    kind: SectionKind
    heading: str | None = None
    start: int
    end: int


class Link(BaseModel):
    """A URL found in the resume, with its kind."""

    kind: Literal["linkedin", "github", "portfolio", "other"]
    url: str
    evidence: Span | None = None


class ContactInfo(BaseModel):
    """Who the candidate is and how to reach them. Never enters embedded or scored text."""

    name: TextField | None = None
    email: TextField | None = None
    phone: TextField | None = None  # value is E.164 when the country is known, else digits as written
    location: TextField | None = None
    links: list[Link] = Field(default_factory=list)


class WorkItem(BaseModel):
    """One position held."""

    title: str | None = None
    employer: str | None = None
    location: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    current: bool = False
    description: list[str] = Field(default_factory=list)
    skill_ids: list[str] = Field(default_factory=list)
    title_evidence: Span | None = None
    employer_evidence: Span | None = None
    dates_evidence: Span | None = None
    evidence: Span | None = None  # the whole block of this position
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    months: int | None = None  # duration, when both ends are known ("current" ends at the parse date)


class Education(BaseModel):
    """One degree or school."""

    institution: str | None = None
    degree: str | None = None  # as written, e.g. "B.Sc."
    level: EducationLevel | None = None
    field: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None  # graduation, when stated
    institution_evidence: Span | None = None
    degree_evidence: Span | None = None
    dates_evidence: Span | None = None
    evidence: Span | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class SkillMention(BaseModel):
    """One canonical skill found in the resume, with every place it was mentioned."""

    skill_id: str  # canonical id in the taxonomy
    name: str  # canonical name
    type: str | None = None  # e.g. "technology", "knowledge", "skill/competence", "language"
    evidence: list[Span] = Field(default_factory=list)
    sections: list[str] = Field(default_factory=list)  # section kinds where it appeared
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    months: int | None = None  # months of positions that mention it, overlaps merged
    last_used: PartialDate | None = None


class Certification(BaseModel):
    """A certification or licence."""

    name: str
    issuer: str | None = None
    date: PartialDate | None = None
    evidence: Span | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Language(BaseModel):
    """A spoken language and the stated level."""

    name: str  # English name, e.g. "Spanish"
    level: str | None = None  # as written, e.g. "fluent", "B2", "native"
    cefr: Literal["A1", "A2", "B1", "B2", "C1", "C2", "native"] | None = None
    evidence: Span | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Referee(BaseModel):
    """A person the candidate names as a referee, with the referee's own title and employer (never a
    position of the candidate's)."""

    name: TextField | None = None
    title: TextField | None = None
    employer: TextField | None = None


class Gap(BaseModel):
    """A period of at least a few months between positions."""

    start: PartialDate
    end: PartialDate
    months: int


class Resume(BaseModel):
    """A parsed resume. Every Span indexes into `text`, the extracted text with layout rebuilt."""

    text: str
    source_format: Literal["pdf", "docx", "txt", "md", "html"] = "txt"
    sections: list[Section] = Field(default_factory=list)
    contact: ContactInfo = Field(default_factory=ContactInfo)
    # the title under the name, e.g. "Data Engineer" (JSON Resume basics.label)
    headline: TextField | None = None
    summary: TextField | None = None
    work: list[WorkItem] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    skills: list[SkillMention] = Field(default_factory=list)
    certifications: list[Certification] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    referees: list[Referee] = Field(default_factory=list)
    # the roles an objective seeks ("Seeking a position as a Web Developer"): wishes, not positions held
    target_titles: list[TextField] = Field(default_factory=list)
    total_experience_months: int = 0  # union of position intervals, overlaps merged
    gaps: list[Gap] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    meta: dict[str, object] = Field(default_factory=dict)  # pages, engine, parse_ms, parser_version

    def highest_education(self) -> str | None:
        """The highest normalized education level found, if any."""
        levels = [e.level for e in self.education if e.level]
        return max(levels, key=EDUCATION_LEVELS.index) if levels else None

    def skill_ids(self) -> set[str]:
        """Canonical ids of every skill found."""
        return {s.skill_id for s in self.skills}
