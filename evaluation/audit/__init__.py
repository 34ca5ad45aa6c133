"""Bias audits: the LL144 outcome audit, counterfactual tests, reports, and the `shortlist audit` runner.

Light to import: the matcher, parsers and the embedding model load only when an audit runs.
"""

from evaluation.audit.names import TestName, load_names, names_by_group
from evaluation.audit.outcome import Cutoff, Demographics, OutcomeAudit, outcome_audit, parse_demographics_csv

__all__ = [
    "Cutoff",
    "Demographics",
    "OutcomeAudit",
    "TestName",
    "load_names",
    "names_by_group",
    "outcome_audit",
    "parse_demographics_csv",
]
