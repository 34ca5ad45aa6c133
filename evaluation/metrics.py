"""Ranking metrics, pure functions over a ranked list of ids and the set (or grades) of relevant ids.

Conventions: `ranked` is best first; `relevant` is a set of ids (gain 1) or a mapping id -> gain >= 0.
DCG uses linear gain over log2(rank + 1); the ideal DCG is computed from every relevant id, so a ranking that
does not retrieve them all is penalized. AP@k divides by min(k, number of relevant ids).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence

__all__ = [
    "average_precision_at_k",
    "dcg_at_k",
    "mean",
    "mean_average_precision_at_k",
    "ndcg_at_k",
    "precision_at_k",
    "recall_at_k",
    "reciprocal_rank",
]

Relevance = Collection[str] | Mapping[str, float]


def _gains(relevant: Relevance) -> dict[str, float]:
    if isinstance(relevant, Mapping):
        return {k: float(v) for k, v in relevant.items() if float(v) > 0}
    return dict.fromkeys(relevant, 1.0)


def _check_k(k: int) -> None:
    if k <= 0:
        raise ValueError("k must be positive")


def dcg_at_k(gains: Iterable[float], k: int) -> float:
    """Discounted cumulative gain of the first `k` gains: sum of g_i / log2(i + 1), i from 1."""
    _check_k(k)
    total = 0.0
    for i, g in enumerate(gains):
        if i >= k:
            break
        total += g / math.log2(i + 2)
    return total


def ndcg_at_k(ranked: Sequence[str], relevant: Relevance, k: int) -> float:
    """Normalized DCG at `k`; 0.0 when nothing is relevant."""
    gains = _gains(relevant)
    ideal = dcg_at_k(sorted(gains.values(), reverse=True), k)
    if ideal == 0:
        return 0.0
    return dcg_at_k((gains.get(c, 0.0) for c in ranked), k) / ideal


def precision_at_k(ranked: Sequence[str], relevant: Relevance, k: int) -> float:
    """Share of the first `k` places held by relevant ids (a short list counts missing places as misses)."""
    _check_k(k)
    gains = _gains(relevant)
    return sum(1 for c in ranked[:k] if c in gains) / k


def recall_at_k(ranked: Sequence[str], relevant: Relevance, k: int) -> float:
    """Share of the relevant ids found in the first `k` places; 0.0 when nothing is relevant."""
    _check_k(k)
    gains = _gains(relevant)
    if not gains:
        return 0.0
    return sum(1 for c in ranked[:k] if c in gains) / len(gains)


def average_precision_at_k(ranked: Sequence[str], relevant: Relevance, k: int) -> float:
    """Average of precision@i at each relevant place i <= k, over min(k, number relevant)."""
    _check_k(k)
    gains = _gains(relevant)
    if not gains:
        return 0.0
    hits = 0
    total = 0.0
    for i, c in enumerate(ranked[:k], start=1):
        if c in gains:
            hits += 1
            total += hits / i
    return total / min(k, len(gains))


def mean_average_precision_at_k(runs: Iterable[tuple[Sequence[str], Relevance]], k: int) -> float:
    """MAP@k over (ranked, relevant) pairs; 0.0 for no pairs."""
    return mean(average_precision_at_k(r, rel, k) for r, rel in runs)


def reciprocal_rank(ranked: Sequence[str], relevant: Relevance) -> float:
    """1 / place of the first relevant id; 0.0 when none is ranked."""
    gains = _gains(relevant)
    for i, c in enumerate(ranked, start=1):
        if c in gains:
            return 1.0 / i
    return 0.0


def mean(values: Iterable[float]) -> float:
    """Arithmetic mean; 0.0 for no values."""
    vals = list(values)
    return sum(vals) / len(vals) if vals else 0.0
