"""Stateless ranking of resumes for a job: features, weighted score, explanation, deterministic order.

`rank_resumes` is what `shortlist rank` and the pool's shortlist call; the pool passes the vectors it stored
at ingest (`embed_resumes` computes the same ones), so nothing is embedded twice.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np

from matcher import features as F
from matcher.embedder import Embedder
from matcher.explain import build_explanation
from matcher.lexical import BM25, scale_to_unit, tokenize
from matcher.profile import blind_text, job_profile_text, profile_text, resume_headline
from matcher.scoring import merge_weights, score_candidate
from models.errors import ValidationFailed
from models.job import Job
from models.match import Match
from models.resume import Resume

log = logging.getLogger(__name__)

__all__ = [
    "combine_job_vectors",
    "compute_features",
    "embed_job",
    "embed_resumes",
    "feature_matrix",
    "job_embedding_texts",
    "lexical_text",
    "rank_resumes",
    "resume_headline",
]

_DEFAULT = object()  # "load the shipped taxonomy" marker for `related`


def job_embedding_texts(job: Job) -> list[str]:
    """The job texts that are embedded: the compact job profile, then the title alone when there is one.

    Their vectors are summed (`combine_job_vectors`): on the dev set the title view adds what the profile
    misses (NDCG@10 of the scorer 0.651 with both against 0.639 with the profile alone).
    """
    texts = [job_profile_text(job)]
    if job.title and job.title.strip():
        texts.append(job.title.strip())
    return texts


def combine_job_vectors(vectors: np.ndarray) -> np.ndarray:
    """Sum the rows of the job's text vectors and normalize: one 1-D query vector."""
    v = np.asarray(vectors, dtype=np.float32).reshape(-1, vectors.shape[-1]).sum(axis=0)
    norm = float(np.linalg.norm(v))
    return (v / norm if norm > 0 else v).astype(np.float32)


def embed_job(job: Job, embedder: Embedder) -> np.ndarray:
    """The job's vector (1-D, normalized), from `job_embedding_texts`."""
    return combine_job_vectors(embedder.encode(job_embedding_texts(job)))


def embed_resumes(resumes: Sequence[Resume], embedder: Embedder, *, blind: bool = True) -> np.ndarray:
    """The vectors stored per candidate: `profile_text` embedded, one row per resume."""
    return embedder.encode([profile_text(r, blind=blind) for r in resumes])


def lexical_text(resume: Resume, *, blind: bool = True) -> str:
    """The resume text that lexical scoring sees (blinded like everything else that is scored)."""
    return blind_text(resume.text, resume) if blind else resume.text


def _memoized(related: F.RelatedFn | None) -> F.RelatedFn | None:
    """Cache `related` lookups for the length of one ranking call (the same skills come up per candidate)."""
    if related is None:
        return None
    cache: dict[str, dict[str, float]] = {}

    def lookup(skill_id: str) -> dict[str, float]:
        if skill_id not in cache:
            try:
                cache[skill_id] = dict(related(skill_id) or {})
            except LookupError:
                cache[skill_id] = {}
        return cache[skill_id]

    return lookup


def _load_related() -> F.RelatedFn | None:
    try:
        from parsers.taxonomy import load_taxonomy
    except ImportError:
        return None
    try:
        taxonomy: Any = load_taxonomy()
    except Exception:  # no shipped taxonomy yet: related credit is simply off
        log.warning("taxonomy unavailable; related-skill credit off")
        return None
    related: F.RelatedFn = taxonomy.related
    return related


def compute_features(
    job: Job,
    resume: Resume,
    *,
    cosine: float,
    lexical: float | None = None,
    headline: str | None = None,
    related: F.RelatedFn | None = None,
    today: date | None = None,
) -> dict[str, F.FeatureResult]:
    """Every feature of one (job, candidate) pair, keyed by name (FEATURES order)."""
    out = {
        "required_skill_coverage": F.required_skill_coverage(job, resume),
        "preferred_skill_coverage": F.preferred_skill_coverage(job, resume),
        "related_skill_credit": F.related_skill_credit(job, resume, related),
        "semantic_similarity": F.semantic_similarity(cosine),
        "relevant_experience": F.relevant_experience(job, resume, today=today),
        "title_similarity": F.title_similarity(job, resume, headline=headline),
        "education_fit": F.education_fit(job, resume),
        "skill_recency": F.skill_recency(job, resume, today=today),
    }
    if lexical is not None:
        out["lexical_match"] = F.lexical_match(lexical)
    return out


def _all_features(
    job: Job,
    resumes: Sequence[tuple[str, Resume]],
    *,
    embedder: Embedder | None,
    blind: bool,
    resume_vectors: np.ndarray | None,
    job_vector: np.ndarray | None,
    related: F.RelatedFn | None,
    today: date | None,
    lexical_tokens: Sequence[Sequence[str]] | None,
) -> list[dict[str, F.FeatureResult]]:
    n = len(resumes)
    if n == 0:
        return []
    if (resume_vectors is None or job_vector is None) and embedder is None:
        raise ValidationFailed("an embedder is needed when vectors are not given")
    rv = (
        np.asarray(resume_vectors, dtype=np.float32)
        if resume_vectors is not None
        else embed_resumes([r for _, r in resumes], embedder, blind=blind)  # type: ignore[arg-type]
    )
    if rv.shape[0] != n:
        raise ValidationFailed(f"{rv.shape[0]} resume vectors for {n} resumes")
    jv = (
        np.asarray(job_vector, dtype=np.float32).reshape(-1)
        if job_vector is not None
        else embed_job(job, embedder)  # type: ignore[arg-type]
    )
    norms = np.linalg.norm(rv, axis=1)
    norms[norms == 0] = 1.0
    cosines = (rv @ jv) / norms / (float(np.linalg.norm(jv)) or 1.0)

    tokens = (
        lexical_tokens
        if lexical_tokens is not None
        else [tokenize(lexical_text(r, blind=blind)) for _, r in resumes]
    )
    bm25 = scale_to_unit(BM25(tokens).scores(tokenize(job.text), query_tf=True))
    return [
        compute_features(
            job,
            r,
            cosine=float(cosines[i]),
            lexical=float(bm25[i]),
            headline=resume_headline(r, blind=blind),
            related=related,
            today=today,
        )
        for i, (_, r) in enumerate(resumes)
    ]


def rank_resumes(
    job: Job,
    resumes: Sequence[tuple[str, Resume]],
    *,
    embedder: Embedder | None,
    weights: Mapping[str, float] | None = None,
    blind: bool = True,
    top: int | None = None,
    resume_vectors: np.ndarray | None = None,
    job_vector: np.ndarray | None = None,
    related: Any = _DEFAULT,
    today: date | None = None,
    lexical_tokens: Sequence[Sequence[str]] | None = None,
) -> list[Match]:
    """Rank `(candidate_id, resume)` pairs for `job`, best first, each with its explanation.

    Args:
        embedder: encodes what is not given as vectors (may be None when both vectors are given).
        weights: feature weights overriding the job's own (`job.weights`) and the defaults.
        blind: keep names, contact details, gendered words and age proxies out of every scored text.
        top: keep only the first `top` matches.
        resume_vectors: precomputed `embed_resumes` rows, in the order of `resumes`.
        job_vector: precomputed `embed_job` vector.
        related: taxonomy `related(skill_id)` function; default the shipped taxonomy, None turns it off.
        today: reference date for durations and recency (default: today).
        lexical_tokens: precomputed `tokenize(lexical_text(resume))` per resume (an optimization).
    Ties are broken by candidate id, so the order is deterministic.
    """
    if top is not None and top < 0:
        raise ValidationFailed("top must be >= 0")
    w = merge_weights(job.weights, weights)
    rel_fn = _memoized(_load_related() if related is _DEFAULT else related)
    feats = _all_features(
        job,
        resumes,
        embedder=embedder,
        blind=blind,
        resume_vectors=resume_vectors,
        job_vector=job_vector,
        related=rel_fn,
        today=today,
        lexical_tokens=lexical_tokens,
    )
    scored = []
    for (cid, resume), f in zip(resumes, feats, strict=True):
        score, contributions = score_candidate(f, w)
        scored.append((score, cid, contributions, resume))
    scored.sort(key=lambda x: (-round(x[0], 12), x[1]))
    if top is not None:
        scored = scored[:top]
    return [
        Match(
            candidate_id=cid,
            job_id=job.id,
            score=score,
            rank=i + 1,
            explanation=build_explanation(contributions, F.skill_matches(job, resume, rel_fn)),
        )
        for i, (score, cid, contributions, resume) in enumerate(scored)
    ]


def feature_matrix(
    job: Job,
    resumes: Sequence[tuple[str, Resume]],
    *,
    embedder: Embedder | None,
    blind: bool = True,
    resume_vectors: np.ndarray | None = None,
    job_vector: np.ndarray | None = None,
    related: Any = _DEFAULT,
    today: date | None = None,
    lexical_tokens: Sequence[Sequence[str]] | None = None,
) -> tuple[list[str], tuple[str, ...], np.ndarray]:
    """Feature values of every candidate for learning and audits.

    Returns:
        (candidate ids, feature names, matrix of shape (n, len(FEATURES))); a feature that does not apply
        to the job is 0 for every candidate.
    """
    rel_fn = _memoized(_load_related() if related is _DEFAULT else related)
    feats = _all_features(
        job,
        resumes,
        embedder=embedder,
        blind=blind,
        resume_vectors=resume_vectors,
        job_vector=job_vector,
        related=rel_fn,
        today=today,
        lexical_tokens=lexical_tokens,
    )
    mat = np.zeros((len(resumes), len(F.FEATURES)), dtype=np.float64)
    for i, f in enumerate(feats):
        for j, name in enumerate(F.FEATURES):
            if name in f and f[name].applicable:
                mat[i, j] = f[name].value
    return [cid for cid, _ in resumes], F.FEATURES, mat
