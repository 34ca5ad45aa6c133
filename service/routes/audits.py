"""`/v1/audits` (bias audits, from `evaluation.audit`) and `/v1/audit-log` (who accessed what)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from models.errors import ValidationFailed
from service.deps import ApiKeyDep, AuditDep, PoolDep, SettingsDep
from service.schemas import AuditLogEntry, AuditLogOut, BiasAuditIn, error_responses

router = APIRouter(tags=["audits"])


@router.get("/audit-log", response_model=AuditLogOut, responses=error_responses(401))
def read_audit_log(
    audit: AuditDep,
    settings: SettingsDep,
    key: ApiKeyDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int | None, Query(ge=1)] = None,
) -> AuditLogOut:
    """The access log, newest first, with a check of its hash chain. Ids only, never resume content."""
    n = min(limit or settings.page_size_default, settings.page_size_max)
    audit.record("read_audit_log", key_id=key.id)
    entries, total = audit.page(offset, n)
    intact, _ = audit.verify()
    return AuditLogOut(
        items=[AuditLogEntry.model_validate(e) for e in entries],
        total=total,
        offset=offset,
        limit=n,
        intact=intact,
    )


@router.post("/audits", responses=error_responses(401, 404, 422))
def run_bias_audit(
    body: BiasAuditIn, pool: PoolDep, settings: SettingsDep, key: ApiKeyDep, audit: AuditDep
) -> dict[str, Any]:
    """Outcome audit of a job: rank the whole pool, then selection rates and impact ratios per group.

    Uses `evaluation.audit.outcome_audit` with the product's cutoffs (top-k, top 10%, above the median).
    """
    from evaluation.audit import outcome_audit, parse_demographics_csv
    from evaluation.audit.outcome import default_cutoffs

    demographics = parse_demographics_csv(body.demographics_csv)
    matches = pool.shortlist(body.job_id, top=max(pool.count(), 1), blind=settings.blind)
    if not matches:
        raise ValidationFailed("The pool is empty: there is nothing to audit.")
    report = outcome_audit(
        [m.candidate_id for m in matches],
        demographics,
        scores=[m.score for m in matches],
        cutoffs=default_cutoffs(body.top_k),
        data_source=f"job {body.job_id}, {len(matches)} candidates in the pool",
        n_boot=body.n_boot,
        n_perm=body.n_perm,
    )
    audit.record("bias_audit", key_id=key.id, job_id=body.job_id, details={"n": len(matches)})
    return report.to_dict()
