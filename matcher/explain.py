"""Explanations: the contributions of a score plus the matched, related and missing job skills."""

from __future__ import annotations

from collections.abc import Sequence

from models.match import Contribution, Explanation, SkillMatch

__all__ = ["build_explanation", "summarize"]


def build_explanation(contributions: Sequence[Contribution], skills: Sequence[SkillMatch]) -> Explanation:
    """Bundle the contributions and split the skill matches by kind (job order kept)."""
    return Explanation(
        contributions=list(contributions),
        matched_skills=[s for s in skills if s.kind == "exact"],
        related_skills=[s for s in skills if s.kind == "related"],
        missing_skills=[s for s in skills if s.kind == "missing"],
    )


def summarize(explanation: Explanation, *, top: int = 3) -> str:
    """One line for a table: the largest contributions and the missing required skills."""
    parts = [
        f"{c.feature.replace('_', ' ')} {c.contribution:.2f}"
        for c in sorted(explanation.contributions, key=lambda c: -c.contribution)[:top]
        if c.contribution > 0
    ]
    missing = [s.name for s in explanation.missing_skills if s.required]
    if missing:
        parts.append("missing: " + ", ".join(missing[:4]))
    return "; ".join(parts)
