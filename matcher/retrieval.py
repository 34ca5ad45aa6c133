"""Candidate retrieval for a job: dense recall (vector index) + skill recall (+ optional BM25), merged.

Dense search alone can miss a candidate who has exactly the required skills when the profile embedding lands
far from the job's (short profiles, unusual wording, a weak model). So the candidate set handed to ranking is the
union of
- the `dense_k` nearest profiles to the job vector,
- the `skill_k` candidates holding the most required skills (every holder of at least one, when they fit),
- optionally the `lexical_k` best BM25 matches of the job text over blinded profile texts,
and ranking (`matcher.ranking.rank_resumes`) decides the order. Flagged duplicates are left out.

Full explained ranking costs a few milliseconds per candidate, and skill recall alone can pass a thousand, so
the merged set is cut in two stages: `prescore` gives every recalled candidate a cheap vectorised score (dense
cosine, share of the job's required and preferred skills held, BM25 scaled to the best), weighted like the
ranking weights of those features, and `select_for_rerank` keeps the best `rerank_k` for `rank_resumes`. A
quarter of those places goes to the best skill coverage whatever the rest of the pre-score says, so an exact
required-skill match is not lost to a weak embedding in the cut either.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from matcher.blas import one_blas_thread
from matcher.index import VectorIndex
from matcher.skill_index import SkillIndex
from models import Job

log = logging.getLogger(__name__)

try:  # scipy's compiled CSC x vector kernel: adds one column into an array in place (no column copies)
    from scipy.sparse._sparsetools import csc_matvec as _csc_matvec
except ImportError:  # a scipy without it: LexicalRecall slices the matrix instead (the same sums)
    _csc_matvec = None

DEFAULT_DENSE_K = 200
DEFAULT_SKILL_K = 1000
DEFAULT_LEXICAL_K = 100
DEFAULT_RERANK_K = 200  # candidates given the full explained ranking (`rank_resumes`) after the pre-score
SKILL_RESERVE = 0.25  # share of the rerank places kept for the best skill coverage


@dataclass
class Retrieved:
    """One recalled candidate and why it was recalled."""

    candidate_id: str
    sources: set[str] = field(default_factory=set)  # "dense", "skill", "lexical"
    dense_score: float | None = None
    skill_hits: int = 0  # required skills held (preferred ones count when the job has no required skills)
    lexical_score: float | None = None
    prescore: float | None = None  # the cheap first-stage score, when the set was cut


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


class LexicalRecall:
    """BM25 recall over the pool's blinded profile texts, compact: the weighted term frequencies as a float32
    CSC matrix (int32 indices), so a query touches only its own terms' columns and never sorts the pool.

    Args:
        ids: candidate ids, one per document.
        docs: tokenized documents (`matcher.lexical.tokenize`), aligned with `ids`.
    """

    def __init__(self, ids: Sequence[str], docs: Sequence[Sequence[str]]) -> None:
        from scipy import sparse

        from matcher.lexical import BM25

        bm25 = BM25(docs)
        self.ids = list(ids)
        self.vocab = bm25.vocab
        self.idf = bm25.idf.astype(np.float32)
        tf = sparse.csc_matrix(bm25._tf, dtype=np.float32)
        tf.indices = tf.indices.astype(np.int32, copy=False)
        tf.indptr = tf.indptr.astype(np.int32, copy=False)
        self._tf = tf

    def __len__(self) -> int:
        return len(self.ids)

    def nbytes(self) -> int:
        """Bytes held by the arrays (the id list and vocabulary are Python objects on top)."""
        return int(self._tf.data.nbytes + self._tf.indices.nbytes + self._tf.indptr.nbytes + self.idf.nbytes)

    def _accumulate(self, tokens: Sequence[str]) -> np.ndarray | None:
        """Every document's BM25 score for the query's unique terms (float32, zero where none is held);
        None when no term is known. The query's columns are added one by one into one array, in column
        order: the same float32 sums as multiplying the matrix cut to those columns, without copying them."""
        cols = sorted({self.vocab[t] for t in tokens if t in self.vocab})
        if not cols or not self.ids:
            return None
        tf = self._tf
        if _csc_matvec is None or tf.data.dtype != np.float32 or tf.indices.dtype != tf.indptr.dtype:
            return np.asarray(tf[:, cols] @ self.idf[cols], dtype=np.float32).ravel()
        n = tf.shape[0]
        acc = np.zeros(n, dtype=np.float32)
        ptr, idx, data = tf.indptr, tf.indices, tf.data
        for c in cols:
            lo, hi = int(ptr[c]), int(ptr[c + 1])
            if hi > lo:
                span = np.array([0, hi - lo], dtype=ptr.dtype)
                _csc_matvec(n, 1, span, idx[lo:hi], data[lo:hi], self.idf[c : c + 1], acc)
        return acc

    def scores(self, tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(rows, scores) of the documents sharing a term with the query (unique query terms, BM25)."""
        acc = self._accumulate(tokens)
        if acc is None:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        rows = np.flatnonzero(acc > 0)
        return rows, acc[rows]

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """The k best BM25 matches of the query text: a partition of the scores, then a sort of those k."""
        from matcher.lexical import tokenize

        if k <= 0:
            return []
        acc = self._accumulate(tokenize(query))
        if acc is None:
            return []
        if int(np.count_nonzero(acc > 0)) > k:
            # the k-th best score is positive here, so only matching documents can pass it
            kth = np.partition(acc, acc.size - k)[acc.size - k]
            above = acc > kth
            tied = np.flatnonzero(acc == kth)[: k - int(above.sum())]  # lowest rows first (a stable sort)
            rows = np.concatenate([np.flatnonzero(above), tied])
        else:
            rows = np.flatnonzero(acc > 0)
        scores = acc[rows]
        order = np.lexsort((rows, -scores))  # best first, ties by row (as a stable full sort would)
        return [(self.ids[int(rows[i])], float(scores[i])) for i in order]


def _prescore_weights(job: Job, weights: Mapping[str, float] | None) -> dict[str, float]:
    """Pre-score weights from the ranking weights: dense carries the semantic and peer-support weights (both
    follow the embedding), skills their coverage weights, lexical its own; renormalized to sum to 1."""
    from matcher.scoring import DEFAULT_WEIGHTS

    w = {**DEFAULT_WEIGHTS, **(weights or {})}
    out = {
        "dense": w.get("semantic_similarity", 0.0) + w.get("peer_support", 0.0),
        "required": (w.get("required_skill_coverage", 0.0) + w.get("related_skill_credit", 0.0))
        if job.required_skills
        else 0.0,
        "preferred": w.get("preferred_skill_coverage", 0.0) if job.preferred_skills else 0.0,
        "lexical": w.get("lexical_match", 0.0),
    }
    total = sum(out.values())
    if total <= 0:
        return {"dense": 1.0, "required": 0.0, "preferred": 0.0, "lexical": 0.0}
    return {k: v / total for k, v in out.items()}


def skill_coverage(
    job: Job, skill_index: SkillIndex, candidate_ids: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Share of the job's required and of its preferred skills each candidate holds (two float arrays)."""
    out = []
    for skills in (job.required_skills, job.preferred_skills):
        wanted = list(dict.fromkeys(s.skill_id for s in skills))
        cover = np.zeros(len(candidate_ids), dtype=np.float64)
        if wanted:
            cover = skill_index.held_counts(candidate_ids, wanted).astype(np.float64) / len(wanted)
        out.append(cover)
    return out[0], out[1]


def prescore(
    job: Job,
    recalled: Sequence[Retrieved],
    *,
    skill_index: SkillIndex,
    dense: np.ndarray | None = None,
    weights: Mapping[str, float] | None = None,
    coverage: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Cheap first-stage scores of recalled candidates (higher is better), vectorised.

    Args:
        dense: cosine of each candidate's stored vector with the job vector (rows align with `recalled`);
            when None, the dense recall score where known, else the lowest dense recall score (an upper
            bound for candidates an exact search did not return).
        weights: the ranking weights (defaults filled in); see `_prescore_weights`.
        coverage: `skill_coverage` of the candidates, when already computed.
    """
    n = len(recalled)
    if n == 0:
        return np.zeros(0)
    w = _prescore_weights(job, weights)
    if dense is None:
        known = [r.dense_score for r in recalled if r.dense_score is not None]
        floor = min(known) if known else 0.0
        dense = np.fromiter(
            (floor if r.dense_score is None else r.dense_score for r in recalled), np.float64, n
        )
    lex = np.fromiter((r.lexical_score or 0.0 for r in recalled), np.float64, n)
    if coverage is None:
        coverage = skill_coverage(job, skill_index, [r.candidate_id for r in recalled])
    score = _prescore_arrays(job, dense, lex, coverage, weights, w)
    for r, s in zip(recalled, score, strict=True):
        r.prescore = float(s)
    return score


def _prescore_arrays(
    job: Job,
    dense: np.ndarray,
    lex: np.ndarray,
    coverage: tuple[np.ndarray, np.ndarray],
    weights: Mapping[str, float] | None,
    w: Mapping[str, float] | None = None,
) -> np.ndarray:
    """`prescore` over arrays: dense cosines, raw lexical scores (scaled to the best here), coverage."""
    w = w if w is not None else _prescore_weights(job, weights)
    lex = np.array(lex, dtype=np.float64)
    top_lex = float(lex.max()) if lex.size else 0.0
    if top_lex > 0:
        lex /= top_lex
    required, preferred = coverage
    score: np.ndarray = (
        w["dense"] * np.asarray(dense, dtype=np.float64)
        + w["required"] * required
        + w["preferred"] * preferred
        + w["lexical"] * lex
    )
    return score


def select_for_rerank(
    job: Job,
    recalled: Sequence[Retrieved],
    scores: np.ndarray,
    k: int,
    *,
    skill_index: SkillIndex,
    coverage: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[Retrieved]:
    """The `k` candidates to rank in full: the best `SKILL_RESERVE` share by skill coverage (required, then
    preferred, then pre-score), the rest by pre-score; in pre-score order (ties in recall order)."""
    needs_coverage = k > 0 and len(recalled) > k and int(k * SKILL_RESERVE) > 0
    if coverage is None and needs_coverage and (job.required_skills or job.preferred_skills):
        coverage = skill_coverage(job, skill_index, [r.candidate_id for r in recalled])
    return [recalled[i] for i in _rerank_positions(job, scores, k, coverage)]


def _rerank_positions(
    job: Job, scores: np.ndarray, k: int, coverage: tuple[np.ndarray, np.ndarray] | None
) -> list[int]:
    """`select_for_rerank`'s choice as positions into the recalled list (coverage needed when a reserve
    applies)."""
    n = len(scores)
    if k <= 0:
        return []
    if n <= k:
        return list(range(n))
    order = np.lexsort((np.arange(n), -scores))  # stable: pre-score desc, then recall order
    keep = np.zeros(n, dtype=bool)
    reserve = int(k * SKILL_RESERVE)
    if reserve and (job.required_skills or job.preferred_skills):
        assert coverage is not None
        required, preferred = coverage
        by_skill = np.lexsort((np.arange(n), -scores, -preferred, -required))
        by_skill = by_skill[(required[by_skill] > 0) | (preferred[by_skill] > 0)][:reserve]
        keep[by_skill] = True
    free = k - int(keep.sum())
    rest = order[~keep[order]][:free]
    keep[rest] = True
    return [int(i) for i in order if keep[i]]


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
    rerank_k: int | None = DEFAULT_RERANK_K,
    vectors_for: Callable[[Sequence[str]], np.ndarray] | None = None,
    weights: Mapping[str, float] | None = None,
) -> list[Retrieved]:
    """Dense + skill (+ lexical) recall for a job, merged, then cut to `rerank_k`; see the module docstring.

    Args:
        ids_for: maps index ids (int64) to candidate ids (the store's `ids_for`).
        lexical: optional `(query_text, k) -> [(candidate_id, score)]` (BM25 over blinded profiles).
        rerank_k: how many candidates to keep for full ranking (None: all recalled).
        vectors_for: optional `candidate_ids -> float32 matrix` (rows align, L2-normalized) for the exact
            dense pre-score of candidates that dense recall did not return.
        weights: the ranking weights, for the pre-score.
    """
    exclude = None if include_duplicates else skill_index.is_duplicate
    dense = dense_recall(index, job_vector, dense_k, ids_for, exclude=exclude)
    # the skill_k holders of the most recall skills, counted over arrays (merge_recall's cut, done early)
    skill = skill_index.top_holders(
        recall_skills(job), max(0, skill_k), include_duplicates=include_duplicates
    )
    lex: list[tuple[str, float]] = []
    if lexical is not None and lexical_k > 0:
        lex = [(c, s) for c, s in lexical(job.text, lexical_k) if not (exclude and exclude(c))]
    # merge_recall, prescore and select_for_rerank over arrays: Retrieved objects only for what is kept
    merged = _Merged(dense, skill, lex, skill_k)
    n = len(merged.ids)
    picked: list[int] = list(range(n))
    scores: np.ndarray | None = None
    if rerank_k is not None and n > rerank_k:
        dense_scores = merged.dense_or_floor()
        if vectors_for is not None:
            vecs = np.asarray(vectors_for(merged.ids), dtype=np.float32)
            with one_blas_thread():
                dense_scores = vecs @ np.asarray(job_vector, dtype=np.float32).reshape(-1)
        coverage = skill_coverage(job, skill_index, merged.ids)
        scores = _prescore_arrays(job, dense_scores, merged.lexical_or_zero(), coverage, weights)
        picked = _rerank_positions(job, scores, rerank_k, coverage)
    kept = [merged.retrieved(i, None if scores is None else float(scores[i])) for i in picked]
    log.info(
        "retrieval for job %s: %s dense, %s skill, %s lexical -> %s candidates, %s kept for ranking",
        job.id,
        len(dense),
        len(skill),
        len(lex),
        n,
        len(kept),
    )
    return kept


class _Merged:
    """`merge_recall`'s union as parallel lists (same order, same fields), for `retrieve`."""

    def __init__(
        self,
        dense: Sequence[tuple[str, float]],
        skill: Mapping[str, int],
        lexical: Sequence[tuple[str, float]],
        skill_k: int | None,
    ) -> None:
        ranked = sorted(skill.items(), key=lambda kv: -kv[1])
        if skill_k is not None:
            ranked = ranked[: max(0, skill_k)]
        # an id's place is its first appearance: dense, then skill, then lexical order (as merge_recall)
        self.ids: list[str] = list(
            dict.fromkeys([*(c for c, _ in dense), *(c for c, _ in ranked), *(c for c, _ in lexical)])
        )
        pos = dict(zip(self.ids, range(len(self.ids)), strict=True))
        n = len(self.ids)
        self.dense: list[float | None] = [None] * n
        self.hits: list[int] = [0] * n
        self.lexical: list[float | None] = [None] * n
        self.sources: list[int] = [0] * n  # bits: 1 dense, 2 skill, 4 lexical
        for cid, score in dense:
            i = pos[cid]
            self.sources[i] |= 1
            self.dense[i] = float(score)
        for cid, hits in ranked:
            i = pos[cid]
            self.sources[i] |= 2
            self.hits[i] = int(hits)
        for cid, score in lexical:
            i = pos[cid]
            self.sources[i] |= 4
            self.lexical[i] = float(score)

    def dense_or_floor(self) -> np.ndarray:
        """prescore's dense input without vectors: the recall score, else the lowest one."""
        known = [d for d in self.dense if d is not None]
        floor = min(known) if known else 0.0
        return np.fromiter((floor if d is None else d for d in self.dense), np.float64, len(self.dense))

    def lexical_or_zero(self) -> np.ndarray:
        return np.fromiter((d or 0.0 for d in self.lexical), np.float64, len(self.lexical))

    def retrieved(self, i: int, score: float | None) -> Retrieved:
        bits = self.sources[i]
        sources = {name for bit, name in ((1, "dense"), (2, "skill"), (4, "lexical")) if bits & bit}
        return Retrieved(self.ids[i], sources, self.dense[i], self.hits[i], self.lexical[i], score)
