"""Explanations: skills split by kind, one-line summaries."""

from __future__ import annotations

from matcher.explain import build_explanation, summarize
from models import Contribution, SkillMatch


def test_build_and_summarize() -> None:
    contributions = [
        Contribution(feature="semantic_similarity", value=0.8, weight=0.5, contribution=0.4),
        Contribution(feature="title_similarity", value=0.2, weight=0.5, contribution=0.1),
    ]
    skills = [
        SkillMatch(skill_id="py", name="Python", required=True, kind="exact"),
        SkillMatch(skill_id="k8s", name="Kubernetes", required=True, kind="related", via="Docker"),
        SkillMatch(skill_id="go", name="Go", required=False, kind="missing"),
        SkillMatch(skill_id="sql", name="SQL", required=True, kind="missing"),
    ]
    e = build_explanation(contributions, skills)
    assert [s.name for s in e.matched_skills] == ["Python"]
    assert [s.name for s in e.related_skills] == ["Kubernetes"]
    assert [s.name for s in e.missing_skills] == ["Go", "SQL"]
    assert e.total() == 0.5
    assert summarize(e) == "semantic similarity 0.40; title similarity 0.10; missing: SQL"
