"""Feature weights learned from recruiter feedback (advance / reject) with logistic regression.

The score stays `sum(weight x feature)`, so the learned weights must be non-negative and comparable to the
defaults: scikit-learn's LogisticRegression is fitted on the raw [0, 1] features, features whose
coefficient comes out negative are dropped and the model refitted (an active-set loop), and the remaining
coefficients are normalized to sum to 1.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from matcher.features import FEATURES
from models.errors import ValidationFailed
from models.job import Job
from models.resume import Resume

log = logging.getLogger(__name__)

__all__ = ["MIN_PER_CLASS", "decisions_to_labels", "learn_from_feedback", "learn_weights"]

MIN_PER_CLASS = 3  # fewer advances or rejects than this and the fit says nothing
_LABELS = {"advance": 1, "advanced": 1, "yes": 1, "reject": 0, "rejected": 0, "no": 0}


def decisions_to_labels(decisions: Sequence[str]) -> np.ndarray:
    """'advance' -> 1, 'reject' -> 0.

    Raises:
        ValidationFailed: any other decision.
    """
    out = []
    for d in decisions:
        label = _LABELS.get(str(d).strip().lower())
        if label is None:
            raise ValidationFailed(f"unknown feedback decision: {d!r} (use advance or reject)")
        out.append(label)
    return np.asarray(out, dtype=np.int64)


def learn_weights(
    x: np.ndarray,
    y: Sequence[int] | np.ndarray,
    *,
    feature_names: Sequence[str] = FEATURES,
    c: float = 10.0,
    seed: int = 0,
) -> dict[str, float]:
    """Non-negative weights summing to 1 from feature rows `x` (n, features) and 0/1 labels `y`.

    Args:
        c: inverse L2 regularization strength of the logistic regression.
    Raises:
        ValidationFailed: shapes disagree, or fewer than MIN_PER_CLASS examples of either label.
    """
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(x, dtype=np.float64)
    labels = np.asarray(y, dtype=np.int64).ravel()
    if x.ndim != 2 or x.shape[0] != labels.shape[0] or x.shape[1] != len(feature_names):
        raise ValidationFailed("feature matrix and labels do not match")
    n_pos, n_neg = int((labels == 1).sum()), int((labels == 0).sum())
    if n_pos < MIN_PER_CLASS or n_neg < MIN_PER_CLASS:
        raise ValidationFailed(
            f"need at least {MIN_PER_CLASS} advanced and {MIN_PER_CLASS} rejected candidates "
            f"(have {n_pos} and {n_neg})"
        )
    active = [j for j in range(x.shape[1]) if float(np.ptp(x[:, j])) > 1e-9]
    coef = np.zeros(x.shape[1])
    while active:
        model: Any = LogisticRegression(C=c, max_iter=1000, random_state=seed)
        model.fit(x[:, active], labels)
        fitted = np.asarray(model.coef_).ravel()
        if (fitted >= 0).all():
            coef[active] = fitted
            break
        worst = int(np.argmin(fitted))  # drop the most negative feature, refit the rest
        active.pop(worst)
    total = float(coef.sum())
    if total <= 0:
        log.info("feedback gave no positive evidence for any feature; equal weights returned")
        return {name: 1.0 / len(feature_names) for name in feature_names}
    return {name: float(coef[j] / total) for j, name in enumerate(feature_names)}


def learn_from_feedback(
    job: Job,
    candidates: Sequence[tuple[str, Resume]],
    decisions: Mapping[str, str],
    *,
    embedder: Any,
    resume_vectors: np.ndarray | None = None,
    job_vector: np.ndarray | None = None,
    blind: bool = True,
    **options: Any,
) -> dict[str, float]:
    """Weights for `job` from decisions keyed by candidate id ("advance" / "reject").

    Only candidates with a decision are used; vectors, when given, follow the order of `candidates`.
    `options` go to `matcher.ranking.feature_matrix` (related, today).
    """
    from matcher.ranking import feature_matrix

    keep = [i for i, (cid, _) in enumerate(candidates) if cid in decisions]
    chosen = [candidates[i] for i in keep]
    vectors = resume_vectors[keep] if resume_vectors is not None else None
    ids, names, x = feature_matrix(
        job, chosen, embedder=embedder, blind=blind, resume_vectors=vectors, job_vector=job_vector, **options
    )
    y = decisions_to_labels([decisions[cid] for cid in ids])
    return learn_weights(x, y, feature_names=names)
