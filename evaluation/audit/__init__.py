"""Bias audits: the LL144 outcome audit, counterfactual tests, reports, and the `shortlist audit` runner.

Light to import: the matcher, parsers and the embedding model load only when an audit runs.

- `outcome_audit(ids, demographics, scores=... | selected=...)`: selection/scoring rates and impact ratios.
- `audit_pool(job, resumes, demographics)`, `audit_decisions(decisions, demographics)`: the same for a ranking
  of real candidates or for recorded recruiter decisions.
- `counterfactual_audit(jobs, texts, embedder=...)`, `run_demo_audit(out_dir)`: name, gender, age, noise and
  input-order tests with blind screening on and off, and their report.
"""

from evaluation.audit.names import TestName, load_names, names_by_group
from evaluation.audit.outcome import Cutoff, Demographics, OutcomeAudit, outcome_audit, parse_demographics_csv
from evaluation.audit.runner import (
    AuditResult,
    AuditSettings,
    audit_decisions,
    audit_pool,
    counterfactual_audit,
    run_demo_audit,
    write_audit_report,
    write_outcome_report,
)

__all__ = [
    "AuditResult",
    "AuditSettings",
    "Cutoff",
    "Demographics",
    "OutcomeAudit",
    "TestName",
    "audit_decisions",
    "audit_pool",
    "counterfactual_audit",
    "load_names",
    "names_by_group",
    "outcome_audit",
    "parse_demographics_csv",
    "run_demo_audit",
    "write_audit_report",
    "write_outcome_report",
]
