"""Candidate retrieval for a job: dense recall (vector index) + skill recall (+ optional BM25), merged.

Dense search alone can miss a candidate who has exactly the required skills when the profile embedding lands
far from the job's (short profiles, unusual wording, a weak model). So the candidate set handed to ranking is the
union of
- the `dense_k` nearest profiles to the job vector,
- the `skill_k` candidates holding the most required skills (every holder of at least one, when they fit),
- optionally the `lexical_k` best BM25 matches of the job text over blinded profile texts,
and ranking (`matcher.ranking.rank_resumes`) decides the order. Flagged duplicates are left out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from matcher.index import VectorIndex
from matcher.skill_index import SkillIndex
from models import Job

log = logging.getLogger(__name__)

DEFAULT_DENSE_K = 200
DEFAULT_SKILL_K = 1000
DEFAULT_LEXICAL_K = 100


@dataclass
class Retrieved:
    """One recalled candidate and why it was recalled."""

    candidate_id: str
    sources: set[str] = field(default_factory=set)  # "dense", "skill", "lexical"
    dense_score: float | None = None
    skill_hits: int = 0  # required skills held (preferred ones count when the job has no required skills)
    lexical_score: float | None = None


def merge_recall(
    dense: Sequence[tuple[str, float]],
    skill: Mapping[str, int],
    lexical: Sequence[tuple[str, float]] = (),
    *,
    skill_k: int | None = None,
) -> list[Retrieved]:
    """Union of the recall lists; order: dense rank, then remaining skill holders (most skills first), then
    lexical. `skill_k` caps the skill list (most skills first, ties in insertion order)."""
    merged: dict[str, Retrieved] = {}
    for cid, score in dense:
        r = merged.setdefault(cid, Retrieved(cid))
        r.sources.add("dense")
        r.dense_score = float(score)
    ranked_skill = sorted(skill.items(), key=lambda kv: -kv[1])
    if skill_k is not None:
        ranked_skill = ranked_skill[: max(0, skill_k)]
    for cid, hits in ranked_skill:
        r = merged.setdefault(cid, Retrieved(cid))
        r.sources.add("skill")
        r.skill_hits = int(hits)
    for cid, score in lexical:
        r = merged.setdefault(cid, Retrieved(cid))
        r.sources.add("lexical")
        r.lexical_score = float(score)
    return list(merged.values())


def recall_skills(job: Job) -> list[str]:
    """Skill ids to recall on: the required ones, or the preferred ones when none is required."""
    skills = job.required_skills or job.preferred_skills
    return list(dict.fromkeys(s.skill_id for s in skills))


def dense_recall(
    index: VectorIndex,
    job_vector: np.ndarray,
    k: int,
    ids_for: Callable[[Sequence[int]], Mapping[int, str]],
    *,
    exclude: Callable[[str], bool] | None = None,
) -> list[tuple[str, float]]:
    """The k nearest candidate ids to the job vector (over-fetching to make up for excluded ones)."""
    if k <= 0 or len(index) == 0:
        return []
    fetch = k
    while True:
        scores, nums = index.search(
            np.asarray(job_vector, dtype=np.float32).reshape(1, -1), min(fetch, len(index))
        )
        valid = [(int(n), float(s)) for n, s in zip(nums[0], scores[0], strict=True) if n >= 0]
        names = ids_for([n for n, _ in valid])
        out = [(names[n], s) for n, s in valid if n in names and not (exclude and exclude(names[n]))]
        if len(out) >= k or fetch >= len(index):
            return out[:k]
        fetch *= 2


def retrieve(
    job: Job,
    job_vector: np.ndarray,
    *,
    index: VectorIndex,
    skill_index: SkillIndex,
    ids_for: Callable[[Sequence[int]], Mapping[int, str]],
    lexical: Callable[[str, int], list[tuple[str, float]]] | None = None,
    dense_k: int = DEFAULT_DENSE_K,
    skill_k: int = DEFAULT_SKILL_K,
    lexical_k: int = DEFAULT_LEXICAL_K,
    include_duplicates: bool = False,
) -> list[Retrieved]:
    """Dense + skill (+ lexical) recall for a job, merged; see the module docstring.

    Args:
        ids_for: maps index ids (int64) to candidate ids (the store's `ids_for`).
        lexical: optional `(query_text, k) -> [(candidate_id, score)]` (BM25 over blinded profiles).
    """
    exclude = None if include_duplicates else skill_index.is_duplicate
    dense = dense_recall(index, job_vector, dense_k, ids_for, exclude=exclude)
    skill = skill_index.count_any(recall_skills(job), include_duplicates=include_duplicates)
    lex: list[tuple[str, float]] = []
    if lexical is not None and lexical_k > 0:
        lex = [(c, s) for c, s in lexical(job.text, lexical_k) if not (exclude and exclude(c))]
    merged = merge_recall(dense, skill, lex, skill_k=skill_k)
    log.info(
        "retrieval for job %s: %s dense, %s skill, %s lexical -> %s candidates",
        job.id,
        len(dense),
        len(skill),
        len(lex),
        len(merged),
    )
    return merged
