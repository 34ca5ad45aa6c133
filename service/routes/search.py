"""`/v1/search`: the talent pool by skills (all of, any of, minimum years) and free text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Query

from models.errors import ValidationFailed
from service.deps import ApiKeyDep, AuditDep, PoolDep, SettingsDep
from service.schemas import (
    SearchHit,
    SearchOut,
    SearchRequest,
    candidate_label,
    error_responses,
    experience_years,
    headline,
)
from service.settings import Settings

if TYPE_CHECKING:
    from matcher.pool import Pool

router = APIRouter(prefix="/search", tags=["search"])


def split_list(values: list[str]) -> list[str]:
    """Accept both repeated parameters and comma-separated values."""
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def parse_min_years(values: list[str]) -> dict[str, float]:
    """`python=3` or `python:3` pairs to a mapping; 422 on anything else."""
    out: dict[str, float] = {}
    for item in split_list(values):
        sep = "=" if "=" in item else ":"
        skill, _, years = item.rpartition(sep)
        try:
            value = float(years)
        except ValueError:
            value = -1.0
        if not skill.strip() or not 0 <= value <= 60:
            raise ValidationFailed(f"min_years wants SKILL=YEARS with 0 to 60 years, got {item!r}.")
        out[skill.strip()] = value
    return out


def run_search(pool: Pool, req: SearchRequest, settings: Settings) -> SearchOut:
    """Search and map the hits to the response shape (shared by the web page)."""
    if not (req.all_of or req.any_of or req.min_years or req.query.strip()):
        raise ValidationFailed("Give at least one of all_of, any_of, min_years or query.")
    top = min(req.top, settings.shortlist_max)
    results = pool.search(
        all_of=req.all_of, any_of=req.any_of, min_years=req.min_years, query=req.query, top=top
    )
    items = []
    for m in results:
        resume = pool.get(m.candidate_id).resume
        items.append(
            SearchHit(
                candidate_id=m.candidate_id,
                label=candidate_label(m.candidate_id),
                headline=headline(resume),
                experience_years=experience_years(resume),
                score=round(m.score, 6),
                matched_skills=[s.name for s in m.explanation.matched_skills],
                evidence=[span for s in m.explanation.matched_skills for span in s.evidence[:1]],
            )
        )
    return SearchOut(
        items=items, all_of=req.all_of, any_of=req.any_of, min_years=req.min_years, query=req.query
    )


@router.get("", response_model=SearchOut, responses=error_responses(401, 422))
def search_get(
    pool: PoolDep,
    settings: SettingsDep,
    key: ApiKeyDep,
    audit: AuditDep,
    all_of: Annotated[list[str], Query(description="skills every hit has (repeat or comma-separate)")] = [],  # noqa: B006
    any_of: Annotated[list[str], Query(description="skills of which a hit has at least one")] = [],  # noqa: B006
    min_years: Annotated[list[str], Query(description="SKILL=YEARS, e.g. python=3")] = [],  # noqa: B006
    query: Annotated[str, Query(max_length=500)] = "",
    top: Annotated[int, Query(ge=1)] = 20,
) -> SearchOut:
    """Search the pool by skills (names or aliases, normalized to the taxonomy) and free text."""
    req = SearchRequest(
        all_of=split_list(all_of),
        any_of=split_list(any_of),
        min_years=parse_min_years(min_years),
        query=query,
        top=top,
    )
    out = run_search(pool, req, settings)
    audit.record("search", key_id=key.id, candidate_ids=[h.candidate_id for h in out.items])
    return out


@router.post("", response_model=SearchOut, responses=error_responses(401, 422))
def search_post(
    body: SearchRequest, pool: PoolDep, settings: SettingsDep, key: ApiKeyDep, audit: AuditDep
) -> SearchOut:
    """The same search with a JSON body."""
    out = run_search(pool, body, settings)
    audit.record("search", key_id=key.id, candidate_ids=[h.candidate_id for h in out.items])
    return out
