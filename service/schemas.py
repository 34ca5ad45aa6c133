"""Request and response schemas of the HTTP API, apart from the domain types, and the mapping to them.

Domain objects (`models.*`) come back from the matcher; routes turn them into these shapes with the
`*_from_*` functions here, which is also where blind screening hides identity from responses.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from models.candidate import Candidate
from models.evidence import Span, TextField
from models.job import Job, JobSkill
from models.match import Contribution, Match, SkillMatch
from models.resume import Resume

T = TypeVar("T")

MASK = "\u2588"  # what a redacted character becomes; spans keep their offsets


class ErrorDetail(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["No candidate with id 'c_123'."])


class ErrorOut(BaseModel):
    """Every error response."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for the error statuses a route can answer."""
    return {s: {"model": ErrorOut, "description": "Error"} for s in statuses}


class Page(BaseModel, Generic[T]):
    """One page of a list."""

    items: list[T]
    total: int
    offset: int
    limit: int


class HealthOut(BaseModel):
    status: Literal["ok"] = "ok"
    version: str


# ---- candidates -------------------------------------------------------------------------------


class CandidateSummary(BaseModel):
    """A candidate in lists and upload results: no contact details."""

    id: str
    label: str  # what the recruiter sees while screening blind
    source_name: str | None = None
    source_format: str
    headline: str | None = None  # the most recent job title
    experience_years: float
    skills: list[str] = Field(default_factory=list)  # canonical names, first few
    duplicate_of: str | None = None
    created_at: datetime | None = None


class FileError(BaseModel):
    filename: str | None
    code: str
    message: str


class UploadOut(BaseModel):
    """Result of a multipart upload: the candidates created and the files that failed."""

    created: list[CandidateSummary]
    errors: list[FileError] = Field(default_factory=list)


class CandidateOut(BaseModel):
    """A parsed profile. With blind screening on, contact details are redacted unless revealed."""

    id: str
    label: str
    source_name: str | None = None
    duplicate_of: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    redacted: bool
    resume: Resume


# ---- jobs ---------------------------------------------------------------------------------------


class JobCreate(BaseModel):
    """A job from its description text."""

    text: str = Field(min_length=1, examples=["Senior Python developer. Required: Python, SQL, 5+ years."])
    title: str | None = Field(default=None, max_length=200)
    weights: dict[str, float] | None = None


class WeightsIn(BaseModel):
    """Feature weight overrides; features left out keep their defaults."""

    weights: dict[str, float] = Field(examples=[{"skills_required": 0.5, "semantic": 0.2}])


class JobSummary(BaseModel):
    id: str
    title: str | None = None
    required_skills: list[str]
    preferred_skills: list[str]
    min_years: float | None = None


class JobOut(BaseModel):
    """A parsed job."""

    id: str
    title: str | None = None
    required_skills: list[JobSkill]
    preferred_skills: list[JobSkill]
    min_years: float | None = None
    degree_level: str | None = None
    location: str | None = None
    seniority: str | None = None
    weights: dict[str, float]  # effective weights: defaults with this job's overrides
    overrides: dict[str, float]  # this job's own overrides
    text: str


# ---- shortlists and search ----------------------------------------------------------------------


class ShortlistRequest(BaseModel):
    """Rank with these weights without saving them (what-if)."""

    top: int = Field(default=10, ge=1)
    weights: dict[str, float] | None = None


class ShortlistItem(BaseModel):
    """A ranked candidate and why: contributions sum to the score."""

    rank: int
    candidate_id: str
    label: str
    headline: str | None = None
    experience_years: float | None = None
    score: float
    contributions: list[Contribution]
    matched_skills: list[SkillMatch]
    related_skills: list[SkillMatch]
    missing_skills: list[SkillMatch]
    decision: str | None = None  # the last recruiter decision for this job, if any


class ShortlistOut(BaseModel):
    job_id: str
    top: int
    blind: bool
    weights: dict[str, float]
    items: list[ShortlistItem]


class SearchHit(BaseModel):
    candidate_id: str
    label: str
    headline: str | None = None
    experience_years: float | None = None
    score: float
    matched_skills: list[str] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)


class SearchOut(BaseModel):
    items: list[SearchHit]
    all_of: list[str]
    any_of: list[str]
    min_years: dict[str, float]
    query: str


class SearchRequest(BaseModel):
    all_of: list[str] = Field(default_factory=list, examples=[["python", "sql"]])
    any_of: list[str] = Field(default_factory=list)
    min_years: dict[str, float] = Field(default_factory=dict, examples=[{"python": 3}])
    query: str = ""
    top: int = Field(default=20, ge=1)


# ---- feedback, learning, audits -----------------------------------------------------------------


class FeedbackIn(BaseModel):
    candidate_id: str
    decision: Literal["advance", "reject"]


class FeedbackOut(BaseModel):
    job_id: str
    candidate_id: str
    decision: Literal["advance", "reject"]


class LearnWeightsOut(BaseModel):
    job_id: str | None
    weights: dict[str, float]
    details: dict[str, Any] = Field(default_factory=dict)


class AuditLogEntry(BaseModel):
    seq: int
    ts: str
    key_id: str | None
    action: str
    candidate_ids: list[str]
    job_id: str | None
    details: dict[str, Any]
    hash: str


class AuditLogOut(Page[AuditLogEntry]):
    intact: bool


class BiasAuditIn(BaseModel):
    """An outcome (LL144-style impact ratio) audit of a job: its ranking of the pool, or its recorded decisions.

    Demographics are self-reported and used for this computation only: they are never stored or logged.
    """

    job_id: str
    demographics_csv: str = Field(
        min_length=1,
        description="CSV with a header: candidate_id,sex,race",
        examples=["candidate_id,sex,race\n"],
    )
    source: Literal["ranking", "decisions"] = "ranking"
    top_k: int = Field(default=10, ge=1)
    n_boot: int = Field(default=200, ge=0, le=5000)
    n_perm: int = Field(default=200, ge=0, le=5000)


# ---- mapping from domain types ------------------------------------------------------------------


def candidate_label(candidate_id: str) -> str:
    """A neutral name for a candidate while screening blind."""
    return f"Candidate {candidate_id[:8]}"


def headline(resume: Resume) -> str | None:
    """The most recent job title, if any; roles read only in passing (undated, below the matcher's bar: a role
    line inside another position's block, a project role) are not the candidate's headline."""
    from matcher.profile import title_counts

    titled = [w for w in resume.work if w.title and title_counts(w)]
    if not titled:
        return None
    current = [w for w in titled if w.current]
    if current:
        return current[0].title
    dated = [(d.ordinal(), w.title) for w in titled if (d := w.end or w.start) is not None]
    if dated:
        return max(dated, key=lambda pair: pair[0])[1]
    return titled[0].title


def experience_years(resume: Resume) -> float:
    return round(resume.total_experience_months / 12, 1)


def summary_from_candidate(c: Candidate, *, blind: bool) -> CandidateSummary:
    r = c.resume
    return CandidateSummary(
        id=c.id,
        label=candidate_label(c.id),
        source_name=None if blind else c.source_name,
        source_format=r.source_format,
        headline=headline(r),
        experience_years=experience_years(r),
        skills=[s.name for s in r.skills[:12]],
        duplicate_of=c.duplicate_of,
        created_at=c.created_at,
    )


def _contact_spans(resume: Resume) -> list[Span]:
    """Identity and age proxies: contact details, links, education dates (graduation years), referees' names."""
    spans: list[Span] = []
    contact = resume.contact
    for tf in (contact.name, contact.email, contact.phone, contact.location):
        if tf is not None and tf.evidence is not None:
            spans.append(tf.evidence)
    spans.extend(link.evidence for link in contact.links if link.evidence is not None)
    spans.extend(e.dates_evidence for e in resume.education if e.dates_evidence is not None)
    # referees are other people: their names, e-mails and phones are not shown while screening blind (titles and
    # employers are)
    spans.extend(
        r.name.evidence for r in resume.referees if r.name is not None and r.name.evidence is not None
    )
    # imported here, so the app starts without the profile code
    from matcher.profile import contact_detail_spans

    for sec in resume.sections:
        if sec.kind == "references":
            spans.extend(
                Span(start=a, end=b, text=resume.text[a:b])
                for a, b in contact_detail_spans(resume.text, sec.start, sec.end)
            )
    return spans


def blind_text(resume: Resume) -> str:
    """The resume text with contact details and graduation dates masked character for character.

    Offsets stay valid, so evidence spans still point at the right place.
    """
    chars = list(resume.text)
    for span in _contact_spans(resume):
        for i in range(max(0, span.start), min(len(chars), span.end)):
            if not chars[i].isspace():
                chars[i] = MASK
    return "".join(chars)


def redact_resume(resume: Resume) -> Resume:
    """A copy without contact details or referees' names: fields say "[redacted]", the text is masked in place."""

    def hide(tf: TextField | None) -> TextField | None:
        if tf is None:
            return None
        ev = tf.evidence
        masked = Span(start=ev.start, end=ev.end, text=MASK * len(ev.text)) if ev else None
        return TextField(value="[redacted]", evidence=masked, confidence=tf.confidence)

    contact = resume.contact.model_copy(
        update={
            "name": hide(resume.contact.name),
            "email": hide(resume.contact.email),
            "phone": hide(resume.contact.phone),
            "location": hide(resume.contact.location),
            "links": [],
        }
    )
    referees = [r.model_copy(update={"name": hide(r.name)}) for r in resume.referees]
    meta = {k: v for k, v in resume.meta.items() if k not in ("filename", "source_name", "path")}
    return resume.model_copy(
        update={"contact": contact, "referees": referees, "text": blind_text(resume), "meta": meta}
    )


def candidate_out(c: Candidate, *, blind: bool, reveal: bool = False) -> CandidateOut:
    redacted = blind and not reveal
    return CandidateOut(
        id=c.id,
        label=candidate_label(c.id),
        source_name=None if redacted else c.source_name,
        duplicate_of=c.duplicate_of,
        created_at=c.created_at,
        updated_at=c.updated_at,
        redacted=redacted,
        resume=redact_resume(c.resume) if redacted else c.resume,
    )


def job_summary(job: Job) -> JobSummary:
    return JobSummary(
        id=job.id or "",
        title=job.title,
        required_skills=[s.name for s in job.required_skills],
        preferred_skills=[s.name for s in job.preferred_skills],
        min_years=job.min_years,
    )


def job_out(job: Job, default_weights: dict[str, float]) -> JobOut:
    return JobOut(
        id=job.id or "",
        title=job.title,
        required_skills=job.required_skills,
        preferred_skills=job.preferred_skills,
        min_years=job.min_years,
        degree_level=job.degree_level,
        location=job.location,
        seniority=job.seniority,
        weights={**default_weights, **job.weights},
        overrides=dict(job.weights),
        text=job.text,
    )


def shortlist_item(m: Match, candidate: Candidate | None, decision: str | None = None) -> ShortlistItem:
    e = m.explanation
    resume = candidate.resume if candidate else None
    return ShortlistItem(
        rank=m.rank,
        candidate_id=m.candidate_id,
        label=candidate_label(m.candidate_id),
        headline=headline(resume) if resume else None,
        experience_years=experience_years(resume) if resume else None,
        score=round(m.score, 6),
        contributions=e.contributions,
        matched_skills=e.matched_skills,
        related_skills=e.related_skills,
        missing_skills=e.missing_skills,
        decision=decision,
    )
