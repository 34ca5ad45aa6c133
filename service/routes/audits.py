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
    """Outcome audit of a job per self-reported group: selection rates and impact ratios (LL144 form).

    `source=ranking` ranks the whole pool for the job (cutoffs: top-k, top 10%, above the median);
    `source=decisions` audits the advance/reject decisions recorded for the job.
    """
    from evaluation.audit import parse_demographics_csv
    from evaluation.audit.runner import audit_decisions, audit_pool

    job = pool.get_job(body.job_id)
    demographics = parse_demographics_csv(body.demographics_csv)
    if body.source == "decisions":
        decisions = {
            f.candidate_id: f.decision for f in sorted(pool.list_feedback(job.id), key=lambda f: f.ts)
        }
        if not decisions:
            raise ValidationFailed("No advance/reject decisions are recorded for this job.")
        report = audit_decisions(decisions, demographics, n_boot=body.n_boot, n_perm=body.n_perm)
    else:
        candidates = pool.list(offset=0, limit=max(pool.count(), 1))
        if not candidates:
            raise ValidationFailed("The pool is empty: there is nothing to audit.")
        report = audit_pool(
            job,
            [(c.id, c.resume) for c in candidates if not c.duplicate_of],
            demographics,
            embedder=pool.embedder,
            blind=settings.blind,
            top_k=body.top_k,
            n_boot=body.n_boot,
            n_perm=body.n_perm,
        )
    audit.record("bias_audit", key_id=key.id, job_id=job.id, details={"n": report.n, "source": body.source})
    return report.to_dict()
