"""Stateless ranking of resumes for a job: features, weighted score, explanation, deterministic order.

`rank_resumes` is what `shortlist rank` and the pool's shortlist call; the pool passes the vectors it stored
at ingest (`embed_resumes` computes the same ones), so nothing is embedded twice.

The semantic match reads two views when both are available: the compact profile against the job profile,
and the head of the whole blinded resume text against the whole job post (`embed_resume_texts`,
`embed_job_text`); their cosines are mixed, the text view weighing `1 - PROFILE_VIEW_SHARE`. On the livecareer
dev set the two views together rank better than either alone (NDCG@10 of the mixed cosine 0.713 against 0.660
for the profile and 0.670 for the text; an even mix 0.709). `peer_support` then adds the mean
semantic match of each candidate's nearest neighbours in the candidate set (score regularization under the
cluster hypothesis; neighbours by the text view when there is one), which steadies the ranking on vague posts.

With `top`, candidates are scored in three stages, each ruling out those whose best possible score can no
longer reach the top (every feature lies in [0, 1], so a score lies between the part known and that part plus
the weight of the features not yet worked out): the vector features of all at once, then the values of the
features that read skills, positions, titles and education (`JobFeatures.basics`), then the exact score with
related-skill credit and occupation (`JobFeatures.finish_values`). Notes and evidence are built only for the
kept top. The result is exactly the first `top` of the full ranking (tests compare the two).
"""

from __future__ import annotations

import gc
import heapq
import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

import numpy as np

from matcher import features as F
from matcher.blas import one_blas_thread
from matcher.embedder import Embedder
from matcher.explain import build_explanation
from matcher.lexical import bm25_query_scores, scale_to_unit, tokenize
from matcher.profile import blind_text, job_profile_text, profile_text, resume_headline
from matcher.scoring import merge_weights, score_candidate, score_validated, validate_weights
from models.errors import ConfigError, ValidationFailed
from models.job import Job
from models.match import Match
from models.resume import Resume

log = logging.getLogger(__name__)

__all__ = [
    "PROFILE_VIEW_SHARE",
    "combine_job_vectors",
    "compute_features",
    "embed_job",
    "embed_job_text",
    "embed_resume_texts",
    "embed_resumes",
    "feature_matrix",
    "job_embedding_texts",
    "lexical_text",
    "peer_means",
    "rank_resumes",
    "resume_headline",
    "warm_up",
]

_DEFAULT = object()  # "load the shipped taxonomy" marker for `related`

# The profile view's share of the semantic cosine when both views are there, chosen with DEFAULT_WEIGHTS
# (matcher/scoring.py) once PDF text kept its word spaces: the text view then reads better than the profile.
PROFILE_VIEW_SHARE = 0.3


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


def embed_job_text(job: Job, embedder: Embedder) -> np.ndarray:
    """The second job view (1-D, normalized): the whole post as written (the model reads its head)."""
    return np.asarray(embedder.encode([job.text or job.title or ""]), dtype=np.float32)[0]


def embed_resume_texts(resumes: Sequence[Resume], embedder: Embedder, *, blind: bool = True) -> np.ndarray:
    """The second candidate view, one row per resume: the blinded resume text (`lexical_text`) embedded."""
    return embedder.encode([lexical_text(r, blind=blind) for r in resumes])


def _unit_rows(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (x / norms).astype(np.float32)


def peer_means(vectors: np.ndarray, values: np.ndarray, k: int = F.PEER_K, block: int = 1024) -> np.ndarray:
    """For each row, the mean of `values` over its `k` most similar other rows (cosine; ties by index).

    Computed in blocks of rows, so memory stays O(block x n).
    """
    x = _unit_rows(np.asarray(vectors, dtype=np.float32))
    vals = np.asarray(values, dtype=np.float64)
    n = x.shape[0]
    k = min(k, n - 1)
    out = np.zeros(n, dtype=np.float64)
    if k <= 0:
        return out
    for start in range(0, n, block):
        sims = x[start : start + block] @ x.T
        rows = np.arange(sims.shape[0])
        sims[rows, start + rows] = -np.inf  # not one's own neighbour
        out[start : start + block] = vals[_nearest(-sims, k)].mean(axis=1)
    return out


def _nearest(dist: np.ndarray, k: int) -> np.ndarray:
    """Per row, the columns of the k smallest `dist` in the order of a stable sort (value, then column):
    the first k of `np.argsort(dist, axis=1, kind="stable")`, found by a partition and a sort of those k."""
    m = dist.shape[1]
    if k >= m:
        return np.argsort(dist, axis=1, kind="stable")[:, :k]
    kth = np.partition(dist, k - 1, axis=1)[:, k - 1 : k]
    below = dist <= kth
    counts = below.sum(axis=1)
    nn = np.empty((dist.shape[0], k), dtype=np.int64)
    plain = counts == k  # no tie at the k-th value beyond the k places
    if plain.any():
        cols = np.nonzero(below[plain])[1].reshape(-1, k)  # ascending columns per row
        vals = np.take_along_axis(dist[plain], cols, axis=1)
        nn[plain] = np.take_along_axis(cols, np.argsort(vals, axis=1, kind="stable"), axis=1)
    for r in np.flatnonzero(~plain):  # ties at the k-th value: the full stable sort of that row
        nn[r] = np.argsort(dist[r], kind="stable")[:k]
    return nn


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


def _load_occupation() -> F.OccupationFn | None:
    """The shipped occupation index's lookup; None (occupation_match off) when it cannot be read."""
    from parsers.occupations import load_occupations

    try:
        return load_occupations().lookup
    except ConfigError:
        log.warning("occupation index unavailable; occupation match off")
        return None


_GC_LOCK = threading.Lock()
_gc_state = {"users": 0, "was_enabled": False}


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while the block runs (reference counting still frees what
    dies); it is switched back on when the last concurrent caller leaves, if it was on.

    A ranking allocates tens of thousands of short-lived objects, and the collector's young-generation passes
    kept walking the live ones (measured ~2 ms a shortlist in ~370 passes over 40 shortlists); the one pass
    owed afterwards sees only what the ranking returns.
    """
    with _GC_LOCK:
        if _gc_state["users"] == 0:
            _gc_state["was_enabled"] = gc.isenabled()
            gc.disable()
        _gc_state["users"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_state["users"] -= 1
            if _gc_state["users"] == 0 and _gc_state["was_enabled"]:
                gc.enable()


def warm_up(*, freeze: bool = True) -> None:
    """Load what a first ranking loads (the shipped taxonomy and occupation index); with `freeze`, then
    collect garbage once and move every object alive into the permanent generation (`gc.freeze`).

    Call it once a process has loaded its long-lived data (the service after opening the pool, the bench
    after building its pool). Those tables are a few hundred thousand container objects, and every full
    collection walks them all: measured with 250k tracked objects, a full collection came every ~20
    shortlists and took ~200 ms, landing on one shortlist in twenty (the p95). Frozen objects are never
    collected, so only data meant to live as long as the process should be alive when this runs.
    """
    _load_related()
    _load_occupation()
    if freeze:
        gc.collect()
        gc.freeze()


def compute_features(
    job: Job,
    resume: Resume,
    *,
    cosine: float,
    lexical: float | None = None,
    peer: float | None = None,
    headline: str | None = None,
    related: F.RelatedFn | None = None,
    today: date | None = None,
    occupation: F.OccupationFn | None = None,
) -> dict[str, F.FeatureResult]:
    """Every feature of one (job, candidate) pair, keyed by name (FEATURES order)."""
    out = {
        "required_skill_coverage": F.required_skill_coverage(job, resume),
        "preferred_skill_coverage": F.preferred_skill_coverage(job, resume),
        "related_skill_credit": F.related_skill_credit(job, resume, related),
        "semantic_similarity": F.semantic_similarity(cosine),
        "relevant_experience": F.relevant_experience(job, resume, today=today),
        "title_similarity": F.title_similarity(job, resume, headline=headline),
        "occupation_match": F.occupation_match(job, resume, occupation, headline=headline),
        "education_fit": F.education_fit(job, resume),
        "skill_recency": F.skill_recency(job, resume, today=today),
    }
    if lexical is not None:
        out["lexical_match"] = F.lexical_match(lexical)
    if peer is not None:
        out["peer_support"] = F.peer_support(peer)
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
    text_vectors: np.ndarray | None = None,
    job_text_vector: np.ndarray | None = None,
    occupation: F.OccupationFn | None = None,
    headlines: Sequence[str | None] | None = None,
    prune: tuple[Mapping[str, float], int] | None = None,
    context: F.JobFeatures | None = None,
    value_views: Sequence[Resume] | None = None,
) -> list[dict[str, F.FeatureResult] | None]:
    """Features of every candidate. With `prune=(weights, top)`, a candidate that cannot reach the `top`
    best scores under those weights (see `_reachable`) gets None instead of its features. `context` is the
    job's `JobFeatures` (built from related, occupation and today when not given). `value_views` (see
    `rank_resumes`) stand in for the resumes while candidates are only scored."""
    n = len(resumes)
    if headlines is not None and len(headlines) != n:
        raise ValidationFailed(f"{len(headlines)} headlines for {n} resumes")
    if value_views is not None and len(value_views) != n:
        raise ValidationFailed(f"{len(value_views)} value views for {n} resumes")
    if n == 0:
        return []
    if (resume_vectors is None or job_vector is None) and embedder is None:
        raise ValidationFailed("an embedder is needed when vectors are not given")
    # `resumes` may load each resume on first access (the pool's stored candidates): read one only where it
    # is needed, so candidates pruned on their cheap features are never loaded
    if resume_vectors is None:
        plain = [r for _, r in resumes]
        rv = embed_resumes(plain, embedder, blind=blind)  # type: ignore[arg-type]
        if text_vectors is None:  # nothing stored: embed both views
            text_vectors = embed_resume_texts(plain, embedder, blind=blind)  # type: ignore[arg-type]
    else:
        rv = np.asarray(resume_vectors, dtype=np.float32)
    if rv.shape[0] != n:
        raise ValidationFailed(f"{rv.shape[0]} resume vectors for {n} resumes")
    jv = (
        np.asarray(job_vector, dtype=np.float32).reshape(-1)
        if job_vector is not None
        else embed_job(job, embedder)  # type: ignore[arg-type]
    )
    cosines = _unit_rows(rv) @ (jv / (float(np.linalg.norm(jv)) or 1.0))
    neighbour_space = rv
    if text_vectors is not None:
        tv = np.asarray(text_vectors, dtype=np.float32)
        if tv.shape[0] != n:
            raise ValidationFailed(f"{tv.shape[0]} text vectors for {n} resumes")
        if job_text_vector is None:
            if embedder is None:
                raise ValidationFailed("a job text vector (or an embedder) is needed with text vectors")
            job_text_vector = embed_job_text(job, embedder)
        jt = np.asarray(job_text_vector, dtype=np.float32).reshape(-1)
        cosines = PROFILE_VIEW_SHARE * cosines + (1.0 - PROFILE_VIEW_SHARE) * (
            _unit_rows(tv) @ (jt / (float(np.linalg.norm(jt)) or 1.0))
        )
        # "resumes like this one" is judged on the fuller text when there is one: on the dev set peers found
        # by the text view helped more than by the profile or both (NDCG@10 0.734 / 0.715 / 0.722)
        neighbour_space = tv
    semantic = _unit_values(
        (np.asarray(cosines, dtype=np.float64) - F.SEMANTIC_LO) / (F.SEMANTIC_HI - F.SEMANTIC_LO)
    )
    # neighbours only mean something in a set clearly larger than the neighbourhood
    peers = peer_means(neighbour_space, semantic) if n > 2 * F.PEER_K else None

    tokens = (
        lexical_tokens
        if lexical_tokens is not None
        else [tokenize(lexical_text(r, blind=blind)) for _, r in resumes]
    )
    bm25 = scale_to_unit(bm25_query_scores(tokens, tokenize(job.text), query_tf=True))

    ctx = context or F.JobFeatures(job, related=related, occupation=occupation, today=today)

    def headline_of(i: int) -> str | None:
        return headlines[i] if headlines is not None else resume_headline(resumes[i][1], blind=blind)

    def scored_view(i: int) -> Resume:
        return value_views[i] if value_views is not None else resumes[i][1]

    def peer_of(i: int) -> float | None:
        return float(peers[i]) if peers is not None else None

    def features_of(i: int) -> dict[str, F.FeatureResult]:
        return ctx.of(
            resumes[i][1],
            cosine=float(cosines[i]),
            lexical=float(bm25[i]),
            peer=peer_of(i),
            headline=headline_of(i),
        )

    if prune is None or prune[1] >= n:
        return [features_of(i) for i in range(n)]
    first = features_of(0)  # which features apply depends on the job alone: one candidate shows it
    cheap = {"semantic_similarity": semantic, "lexical_match": _unit_values(bm25)}
    if peers is not None:
        cheap["peer_support"] = _unit_values(peers)
    weights, top = prune
    applicable = [k for k, f in first.items() if f.applicable]
    keep = _reachable(applicable, cheap, weights, top)
    low, rest = _bounds(applicable, cheap, weights)
    total_w = sum(weights.get(k, 0.0) for k in applicable)
    basic_w = {k: weights.get(k, 0.0) / total_w for k in applicable if k in F.BASIC_FEATURES and total_w > 0}
    rest_after_basics = rest - sum(basic_w.values())
    out: list[dict[str, F.FeatureResult] | None] = [None] * n
    out[0] = first
    first_score = _score_value(first, weights)
    # Stage 2, in order of the best possible score from the cheap features: the basic features (skills,
    # positions, titles, education) of each candidate that can still reach the top, keeping the `top` best
    # lower bounds so far (cheap part + basic part; each is at most its candidate's score, so the `top`-th
    # best of them bounds the `top`-th best score from below). Once a candidate's best possible score falls
    # below it, no later candidate can enter the top either.
    basics: dict[int, F.CandidateBasics] = {}
    low2: dict[int, float] = {}
    floor = [first_score]  # min-heap of the best `top` lower bounds
    for i in np.argsort(-low, kind="stable"):
        i = int(i)
        if i == 0 or not keep[i]:
            continue
        if len(floor) >= top and low[i] + rest < floor[0] - PRUNE_MARGIN:
            break
        b = basics[i] = ctx.basics(scored_view(i), headline=headline_of(i))
        low2[i] = bound = float(low[i]) + sum(w * b.values[k] for k, w in basic_w.items())
        _keep_best(floor, bound, top)
    # Stage 3, in order of the stage-2 bound: the exact score (from values alone) of each candidate that can
    # still reach the top, keeping the `top` best so far; then every feature, with notes and evidence, of the
    # `top` best of them in `_scored`'s order (score, then id), which with candidate 0 hold the final top
    scores: dict[int, float] = {}
    best = [first_score]  # min-heap of the best `top` actual scores
    for i in sorted(low2, key=lambda j: (-low2[j], j)):
        if len(best) >= top and low2[i] + rest_after_basics < best[0] - PRUNE_MARGIN:
            break
        values = {k: float(v[i]) for k, v in cheap.items()}  # the values the features give
        values.update(basics[i].values)
        values.update(ctx.finish_values(scored_view(i), basics[i]))
        scores[i] = _score_of_values(values, weights)
        _keep_best(best, scores[i], top)
    for i in _first_by_score(scores, top, lambda j: resumes[j][0]):
        if value_views is None:
            b = basics[i]
            out[i] = ctx.complete(
                resumes[i][1],
                b.have,
                b.titles,
                cosine=float(cosines[i]),
                lexical=float(bm25[i]),
                peer=peer_of(i),
            )
        else:  # the view has no evidence: the kept candidate's features are read from its resume
            out[i] = features_of(i)
    return out


def _first_by_score(scores: Mapping[int, float], top: int, id_of: Callable[[int], str]) -> list[int]:
    """The `top` positions of `scores` in `_scored`'s order (score rounded to 12 places, best first; then
    candidate id). Ids are looked up only for the scores tied at the cut: reading one may load a resume."""
    order = sorted(scores, key=lambda j: -round(scores[j], 12))
    if len(order) <= top:
        return order
    cut = round(scores[order[top - 1]], 12)
    above = [j for j in order if round(scores[j], 12) > cut]
    tied = sorted((j for j in order if round(scores[j], 12) == cut), key=id_of)
    return above + tied[: top - len(above)]


def _keep_best(heap: list[float], value: float, size: int) -> None:
    """Add `value` to the min-heap of the `size` largest values seen."""
    if len(heap) < size:
        heapq.heappush(heap, value)
    elif value > heap[0]:
        heapq.heapreplace(heap, value)


def _unit_values(x: np.ndarray) -> np.ndarray:
    """`FeatureResult(v).value` of every v at once: clipped to [0, 1], NaN read as 0."""
    v = np.minimum(1.0, np.maximum(0.0, np.asarray(x, dtype=np.float64)))
    v[np.isnan(v)] = 0.0
    return v


PRUNE_MARGIN = 1e-9  # far above float rounding in a sum of a dozen terms, far below any real score gap


def _reachable(
    applicable: Sequence[str], cheap: Mapping[str, np.ndarray], weights: Mapping[str, float], top: int
) -> np.ndarray:
    """Which candidates can still be among the `top` best, from the cheap (vectorized) features alone.

    Every feature lies in [0, 1] and the effective weights are the same for every candidate of one job
    (applicability depends on the job), so a candidate's score lies between its cheap part and its cheap
    part plus the weight of every other applicable feature. The `top`-th best cheap part is a lower bound
    of the `top`-th best score; a candidate whose upper bound falls below it (by more than PRUNE_MARGIN)
    cannot make the cut, and ranking the rest gives exactly the same top."""
    n = len(next(iter(cheap.values())))
    total_w = sum(weights.get(name, 0.0) for name in applicable)
    if total_w <= 0 or top <= 0 or top >= n:
        return np.ones(n, dtype=bool)
    low, rest = _bounds(applicable, cheap, weights)
    bar = float(np.partition(low, n - top)[n - top])
    keep: np.ndarray = low + rest >= bar - PRUNE_MARGIN
    return keep


def _bounds(
    applicable: Sequence[str], cheap: Mapping[str, np.ndarray], weights: Mapping[str, float]
) -> tuple[np.ndarray, float]:
    """(each candidate's cheap part of the score, the weight of every other applicable feature): a score
    lies between the cheap part and the cheap part plus that weight (the rest is infinite when no weight
    applies, so nothing is ever ruled out)."""
    n = len(next(iter(cheap.values())))
    total_w = sum(weights.get(name, 0.0) for name in applicable)
    low = np.zeros(n)
    if total_w <= 0:
        return low, float("inf")
    rest = 0.0
    for name in applicable:
        w = weights.get(name, 0.0) / total_w
        if name in cheap:
            low += w * cheap[name]
        else:
            rest += w
    return low, rest


def _score_value(features: Mapping[str, F.FeatureResult], weights: Mapping[str, float]) -> float:
    """The score `score_candidate` gives, without building its contributions (the same additions in the
    same order); `_scored` checks it against `score_candidate` on every candidate it keeps."""
    return _score_of_values({n: f.value for n, f in features.items() if f.applicable}, weights)


def _score_of_values(values: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """`_score_value` from the values of the features that apply (the same additions in the same order)."""
    names = [n for n in F.FEATURES if n in values]
    total_w = sum(weights.get(n, 0.0) for n in names)
    score = 0.0
    for n in names:
        score += (weights.get(n, 0.0) / total_w if total_w > 0 else 0.0) * values[n]
    return score


def _scored(
    resumes: Sequence[tuple[str, Resume]],
    feats: Sequence[Mapping[str, F.FeatureResult]],
    weights: Mapping[str, float],
    top: int | None,
) -> list[tuple[float, str, list[Any], Resume]]:
    """(score, id, contributions, resume) of the `top` best, best first, ties by id.

    Contributions (pydantic objects, the costly part) are built for the kept candidates only; the order
    comes from `_score_value`, and if it ever disagrees with `score_candidate` every candidate is scored
    the full way instead, so the result is the same either way.
    """
    order = sorted(
        (
            (_score_value(f, weights), cid, i)
            for i, ((cid, _), f) in enumerate(zip(resumes, feats, strict=True))
        ),
        key=lambda x: (-round(x[0], 12), x[1]),
    )
    kept = order if top is None else order[:top]
    valid = validate_weights(weights)
    out = []
    for quick, cid, i in kept:
        score, contributions = score_validated(feats[i], valid)
        if abs(score - quick) > 1e-12:
            log.warning("fast score disagrees with score_candidate; scoring every candidate in full")
            full = [
                (*score_candidate(f, weights), cid, r) for (cid, r), f in zip(resumes, feats, strict=True)
            ]
            full.sort(key=lambda x: (-round(x[0], 12), x[2]))
            return [(sc, c, con, r) for sc, con, c, r in (full if top is None else full[:top])]
        out.append((score, cid, contributions, resumes[i][1]))
    return out


@_cyclic_gc_paused()
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
    text_vectors: np.ndarray | None = None,
    job_text_vector: np.ndarray | None = None,
    headlines: Sequence[str | None] | None = None,
    value_views: Sequence[Resume] | None = None,
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
        text_vectors: precomputed `embed_resume_texts` rows (the second view); with `resume_vectors` given and
            these not, the semantic match reads the profile view alone.
        job_text_vector: precomputed `embed_job_text` vector (embedded when missing and text vectors are used).
        headlines: precomputed `resume_headline(resume, blind=blind)` per resume (an optimization).
        value_views: per resume, a lighter Resume with the same skills (ids, last use), positions (titles,
            dates, months, skill ids, confidence) and education levels but no text or evidence (an
            optimization for stored candidates): candidates are scored on these, and only those kept in the
            top are read from `resumes` for their explanations. Used with `top` only.
    Ties are broken by candidate id, so the order is deterministic.
    """
    if top is not None and top < 0:
        raise ValidationFailed("top must be >= 0")
    w = merge_weights(job.weights, weights)
    rel_fn = _memoized(_load_related() if related is _DEFAULT else related)
    ctx = F.JobFeatures(job, related=rel_fn, occupation=_load_occupation(), today=today)
    with one_blas_thread():
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
            text_vectors=text_vectors,
            job_text_vector=job_text_vector,
            occupation=ctx.occupation,
            headlines=headlines,
            prune=(w, top) if top is not None else None,
            context=ctx,
            value_views=value_views,
        )
    if len(feats) != len(resumes):
        raise ValueError("one feature set per resume expected")
    kept = [(resumes[i], f) for i, f in enumerate(feats) if f is not None]  # pruned resumes are never read
    scored = _scored([pair for pair, _ in kept], [f for _, f in kept], w, top)
    return [
        Match(
            candidate_id=cid,
            job_id=job.id,
            score=score,
            rank=i + 1,
            explanation=build_explanation(contributions, ctx.skill_matches(resume)),
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
    text_vectors: np.ndarray | None = None,
    job_text_vector: np.ndarray | None = None,
    headlines: Sequence[str | None] | None = None,
) -> tuple[list[str], tuple[str, ...], np.ndarray]:
    """Feature values of every candidate for learning and audits.

    Returns:
        (candidate ids, feature names, matrix of shape (n, len(FEATURES))); a feature that does not apply
        to the job is 0 for every candidate.
    """
    rel_fn = _memoized(_load_related() if related is _DEFAULT else related)
    with one_blas_thread():
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
            text_vectors=text_vectors,
            job_text_vector=job_text_vector,
            occupation=_load_occupation(),
            headlines=headlines,
        )
    mat = np.zeros((len(resumes), len(F.FEATURES)), dtype=np.float64)
    for i, f in enumerate(feats):
        if f is None:  # never without `prune`; kept for the type
            continue
        for j, name in enumerate(F.FEATURES):
            if name in f and f[name].applicable:
                mat[i, j] = f[name].value
    return [cid for cid, _ in resumes], F.FEATURES, mat
