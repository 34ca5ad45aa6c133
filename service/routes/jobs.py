"""`/v1/jobs`: create (from text or a file), list, get, update weights, shortlist, feedback, learn weights."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile

from models.errors import ValidationFailed
from service.deps import ApiKeyDep, AuditDep, PoolDep, SettingsDep
from service.routes.candidates import page_limit, read_upload
from service.schemas import (
    FeedbackIn,
    FeedbackOut,
    JobCreate,
    JobOut,
    JobSummary,
    LearnWeightsOut,
    Page,
    ShortlistOut,
    ShortlistRequest,
    WeightsIn,
    error_responses,
    job_out,
    job_summary,
    shortlist_item,
)
from service.settings import Settings

if TYPE_CHECKING:
    from matcher.pool import Pool

router = APIRouter(prefix="/jobs", tags=["jobs"])

MAX_WEIGHT = 10.0


def default_weights() -> dict[str, float]:
    from matcher.scoring import DEFAULT_WEIGHTS

    return dict(DEFAULT_WEIGHTS)


def check_weights(weights: dict[str, float] | None) -> dict[str, float] | None:
    """Refuse unknown features and weights outside [0, MAX_WEIGHT]."""
    if weights is None:
        return None
    known = default_weights()
    unknown = sorted(set(weights) - set(known))
    if unknown:
        raise ValidationFailed(f"Unknown feature(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}.")
    for name, w in weights.items():
        if not math.isfinite(w) or not 0.0 <= w <= MAX_WEIGHT:
            raise ValidationFailed(f"Weight of {name} must be between 0 and {MAX_WEIGHT:g}.")
    return dict(weights)


def check_job_text(text: str, settings: Settings) -> str:
    text = text.strip()
    if not text:
        raise ValidationFailed("The job description is empty.")
    if len(text) > settings.max_job_chars:
        raise ValidationFailed(f"The job description is over {settings.max_job_chars:,} characters.")
    return text


def build_shortlist(
    pool: Pool, job_id: str, *, top: int, weights: dict[str, float] | None, settings: Settings
) -> ShortlistOut:
    """Rank the pool for a job and map the matches to the response shape (shared by the web page)."""
    top = min(top, settings.shortlist_max)
    job = pool.get_job(job_id)
    effective = {**default_weights(), **job.weights, **(weights or {})}
    matches = pool.shortlist(job_id, top=top, weights=weights, blind=settings.blind)
    decisions = {f.candidate_id: f.decision for f in sorted(pool.list_feedback(job_id), key=lambda f: f.ts)}
    items = [shortlist_item(m, pool.get(m.candidate_id), decisions.get(m.candidate_id)) for m in matches]
    return ShortlistOut(job_id=job_id, top=top, blind=settings.blind, weights=effective, items=items)


@router.post("", status_code=201, response_model=JobOut, responses=error_responses(401, 422))
def create_job(
    body: JobCreate, pool: PoolDep, settings: SettingsDep, key: ApiKeyDep, audit: AuditDep
) -> JobOut:
    """Parse a job description: required and preferred skills, minimum years, degree, seniority."""
    job = pool.create_job(
        check_job_text(body.text, settings), title=body.title, weights=check_weights(body.weights)
    )
    audit.record("create_job", key_id=key.id, job_id=job.id)
    return job_out(job, default_weights())


@router.post("/file", status_code=201, response_model=JobOut, responses=error_responses(401, 413, 415, 422))
def create_job_from_file(
    file: Annotated[UploadFile, File(description="a job description as PDF, DOCX, TXT, MD or HTML")],
    pool: PoolDep,
    settings: SettingsDep,
    key: ApiKeyDep,
    audit: AuditDep,
    title: Annotated[str | None, Form(max_length=200)] = None,
) -> JobOut:
    """Create a job from an uploaded description; the type is detected from the bytes."""
    from parsers.extract import extract_document
    from parsers.limits import Limits

    limits = Limits(max_bytes=settings.max_upload_bytes, max_pages=settings.max_pages)
    doc = extract_document(read_upload(file, settings), limits=limits)
    job = pool.create_job(check_job_text(doc.text, settings), title=title or None)
    audit.record("create_job", key_id=key.id, job_id=job.id, details={"format": doc.format})
    return job_out(job, default_weights())


@router.get("", response_model=Page[JobSummary], responses=error_responses(401))
def list_jobs(
    pool: PoolDep,
    settings: SettingsDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int | None, Query(ge=1)] = None,
) -> Page[JobSummary]:
    """Jobs, a page at a time."""
    n = page_limit(limit, settings)
    items = [job_summary(j) for j in pool.list_jobs(offset, n)]
    return Page[JobSummary](items=items, total=pool.store.count_jobs(), offset=offset, limit=n)


@router.get("/{job_id}", response_model=JobOut, responses=error_responses(401, 404))
def get_job(job_id: str, pool: PoolDep) -> JobOut:
    """A parsed job with its effective weights."""
    return job_out(pool.get_job(job_id), default_weights())


@router.put("/{job_id}/weights", response_model=JobOut, responses=error_responses(401, 404, 422))
def update_weights(job_id: str, body: WeightsIn, pool: PoolDep, key: ApiKeyDep, audit: AuditDep) -> JobOut:
    """Save this job's feature weight overrides (features left out keep the defaults)."""
    job = pool.update_job_weights(job_id, check_weights(body.weights) or {})
    audit.record("update_weights", key_id=key.id, job_id=job_id)
    return job_out(job, default_weights())


@router.get("/{job_id}/shortlist", response_model=ShortlistOut, responses=error_responses(401, 404, 422))
def get_shortlist(
    job_id: str,
    pool: PoolDep,
    settings: SettingsDep,
    key: ApiKeyDep,
    audit: AuditDep,
    top: Annotated[int, Query(ge=1, description="how many candidates")] = 10,
) -> ShortlistOut:
    """The top K candidates with their scores broken into weighted contributions, and skill evidence."""
    out = build_shortlist(pool, job_id, top=top, weights=None, settings=settings)
    audit.record("rank", key_id=key.id, job_id=job_id, candidate_ids=[i.candidate_id for i in out.items])
    return out


@router.post("/{job_id}/shortlist", response_model=ShortlistOut, responses=error_responses(401, 404, 422))
def preview_shortlist(
    job_id: str, body: ShortlistRequest, pool: PoolDep, settings: SettingsDep, key: ApiKeyDep, audit: AuditDep
) -> ShortlistOut:
    """Rank with the given weights without saving them (to try weights before `PUT .../weights`)."""
    out = build_shortlist(pool, job_id, top=body.top, weights=check_weights(body.weights), settings=settings)
    audit.record("rank", key_id=key.id, job_id=job_id, candidate_ids=[i.candidate_id for i in out.items])
    return out


@router.post(
    "/{job_id}/feedback",
    status_code=201,
    response_model=FeedbackOut,
    responses=error_responses(401, 404, 422),
)
def record_feedback(
    job_id: str, body: FeedbackIn, pool: PoolDep, key: ApiKeyDep, audit: AuditDep
) -> FeedbackOut:
    """Record a recruiter's decision (advance or reject) on a candidate for this job."""
    pool.get_job(job_id)
    pool.get(body.candidate_id)
    pool.record_feedback(job_id, body.candidate_id, body.decision)
    audit.record(
        "feedback",
        key_id=key.id,
        job_id=job_id,
        candidate_ids=[body.candidate_id],
        details={"decision": body.decision},
    )
    return FeedbackOut(job_id=job_id, candidate_id=body.candidate_id, decision=body.decision)


@router.post(
    "/{job_id}/learn-weights", response_model=LearnWeightsOut, responses=error_responses(401, 404, 422)
)
def learn_weights(job_id: str, pool: PoolDep, key: ApiKeyDep, audit: AuditDep) -> LearnWeightsOut:
    """Fit feature weights to this job's recruiter feedback and save them as the job's weights."""
    pool.get_job(job_id)
    weights = pool.learn_weights(job_id)
    pool.update_job_weights(job_id, weights)
    audit.record("learn_weights", key_id=key.id, job_id=job_id)
    return LearnWeightsOut(job_id=job_id, weights=weights)
