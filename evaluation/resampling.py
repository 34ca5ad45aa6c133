"""Bootstrap intervals for field-level F1, pure functions over per-document counts.

A field's F1 is micro-averaged: the true positives, predictions and gold values of every document are summed
first. Documents are the unit of resampling (a resume's values are not independent of each other), so an interval
draws whole documents with replacement and recomputes the summed F1. Copies of one resume are not independent
either: given `groups` (a group label per row), whole groups are drawn (a cluster bootstrap), so a resume held
three times counts once in the draw and is not mistaken for three independent pieces of evidence. A paired
comparison draws the same documents (or groups) for both runs, which is what makes a small change between two
parser versions measurable: most documents score the same in both, and only the documents that changed move the
difference.

Each row is ``(tp, n_pred, n_gold)`` for one document; paired rows are aligned by document.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["DeltaInterval", "f1_from_counts", "f1_interval", "paired_f1_delta"]

Row = tuple[int, int, int]
DEFAULT_RESAMPLES = 2000
DEFAULT_LEVEL = 0.95


def f1_from_counts(tp: np.ndarray, n_pred: np.ndarray, n_gold: np.ndarray) -> np.ndarray:
    """Micro F1 = 2 tp / (n_pred + n_gold), element-wise; 0 where both counts are 0."""
    denom = n_pred + n_gold
    return np.divide(2.0 * tp, denom, out=np.zeros(np.shape(denom), dtype=float), where=denom > 0)


def _counts(rows: Sequence[Row]) -> np.ndarray:
    if len(rows) == 0:
        return np.zeros((0, 3))
    arr = np.asarray(rows, dtype=float)
    if arr.ndim != 2 or arr.shape[1] != 3 or not np.isfinite(arr).all():
        raise ValueError("rows must be (tp, n_pred, n_gold) triples of finite counts")
    if (arr < 0).any() or (arr[:, 0] > np.minimum(arr[:, 1], arr[:, 2])).any():
        raise ValueError("each row must be (tp, n_pred, n_gold) with 0 <= tp <= min(n_pred, n_gold)")
    return arr


def _cluster_index(n_rows: int, groups: Sequence[Hashable] | None) -> tuple[np.ndarray, int]:
    """Each row's cluster number (0..k-1) and k; without groups every row is its own cluster."""
    if groups is None:
        return np.arange(n_rows), n_rows
    if len(groups) != n_rows:
        raise ValueError(f"groups must label every row ({len(groups)} labels for {n_rows} rows)")
    numbers: dict[Hashable, int] = {}
    index = np.array([numbers.setdefault(g, len(numbers)) for g in groups], dtype=int)
    return index, len(numbers)


def _draws(row_cluster: np.ndarray, n_clusters: int, n_resamples: int, seed: int) -> np.ndarray:
    """A (rows x resamples) matrix: how many times each row's cluster is drawn in each resample."""
    if n_resamples < 1:
        raise ValueError("n_resamples must be at least 1")
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, n_clusters, size=(n_resamples, n_clusters))
    weights = np.zeros((n_clusters, n_resamples))
    for r in range(n_resamples):
        weights[:, r] = np.bincount(picks[r], minlength=n_clusters)
    return weights[row_cluster]


def _bounds(values: np.ndarray, level: float) -> tuple[float, float]:
    tail = (1.0 - level) / 2.0
    lo, hi = np.quantile(values, [tail, 1.0 - tail])
    return float(lo), float(hi)


def f1_interval(
    rows: Sequence[Row],
    *,
    groups: Sequence[Hashable] | None = None,
    n_resamples: int = DEFAULT_RESAMPLES,
    level: float = DEFAULT_LEVEL,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile bootstrap interval of the summed F1 over documents (over groups of them when given); (0, 0)
    without documents."""
    counts = _counts(rows)
    if len(counts) == 0:
        return 0.0, 0.0
    row_cluster, n_clusters = _cluster_index(len(counts), groups)
    summed = counts.T @ _draws(row_cluster, n_clusters, n_resamples, seed)  # 3 x resamples
    return _bounds(f1_from_counts(*summed), level)


@dataclass(frozen=True)
class DeltaInterval:
    """F1 of run b minus F1 of run a on the same documents, with its paired bootstrap interval.

    `share_better` is the share of resamples in which b scores above a: near 1 or 0, the sign of the change holds
    whatever sample of documents is drawn; near 0.5, the change is noise."""

    delta: float
    low: float
    high: float
    share_better: float
    docs_changed: int


def paired_f1_delta(
    rows_a: Sequence[Row],
    rows_b: Sequence[Row],
    *,
    groups: Sequence[Hashable] | None = None,
    n_resamples: int = DEFAULT_RESAMPLES,
    level: float = DEFAULT_LEVEL,
    seed: int = 0,
) -> DeltaInterval:
    """The change of summed F1 from run a to run b, resampling the same documents (or groups) for both."""
    a, b = _counts(rows_a), _counts(rows_b)
    if a.shape != b.shape:
        raise ValueError(f"paired runs must score the same documents ({len(a)} against {len(b)})")
    changed = int((a != b).any(axis=1).sum())
    if len(a) == 0:
        return DeltaInterval(0.0, 0.0, 0.0, 0.5, 0)
    delta = float(f1_from_counts(*b.sum(axis=0)) - f1_from_counts(*a.sum(axis=0)))
    weights = _draws(*_cluster_index(len(a), groups), n_resamples, seed)
    diffs = f1_from_counts(*(b.T @ weights)) - f1_from_counts(*(a.T @ weights))
    lo, hi = _bounds(diffs, level)
    better = float(np.mean(diffs > 0) + 0.5 * np.mean(diffs == 0))
    return DeltaInterval(delta, lo, hi, better, changed)
