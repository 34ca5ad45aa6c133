"""The scorer: score = sum(weight x feature) over the features that apply to the job.

Weights come from `DEFAULT_WEIGHTS`, overridden by the job's own weights, then by weights given to the call
(for example learned ones). Features the job gives nothing to measure (no preferred skills, no degree asked)
are left out and the other weights are renormalized, so scores stay in [0, 1] and comparable across jobs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from matcher.features import FEATURES, FeatureResult
from models.errors import ValidationFailed
from models.match import Contribution

__all__ = ["DEFAULT_WEIGHTS", "merge_weights", "score_candidate", "score_validated", "validate_weights"]

# Chosen on the livecareer dev set (33 job posts, 1,275 resumes; see evaluation/ranking_eval.py) by hand
# among a few sets, judged on posts 1-2 of each occupation and checked on post 3. Relevance there is the
# occupation, so the semantic match and its peer support carry most of the weight and relevant experience
# the next; skill, title and education features keep small weights (on that set more weight on them lost
# NDCG, and automatic tuning overfit: it lost on held-out occupations), since they matter for real
# requirements that a category label cannot show. occupation_match (the job title's ESCO/ISCO occupation
# against the candidate's) took 0.01 of title_similarity's 0.04 (posts 1-2 NDCG@10 0.786 -> 0.795, post 3
# unchanged). Once blinding stopped erasing titles that the parser took for names, peer support earned more
# weight: posts 1-2 best at peer 0.40 against 0.30 (0.814 / 0.807; post 3 0.626 / 0.621), scaled here so the
# weights sum to 1. Session 7: once PDF text kept the word spaces that glyph positions set ("Master of
# Business", not "Master ofBusiness"), the weights fitted to the glued text lost (NDCG@10 0.755 -> 0.744, IT
# 0.101 below plain MiniLM on the repaired text). Re-chosen with the view mix (ranking.PROFILE_VIEW_SHARE) on
# a grid (mix 0.3-0.5, semantic and peer 0.30-0.48, experience 0.06-0.14, lexical 0-0.04), among the settings
# within 0.05 of MiniLM in every occupation, by posts 1-2: 0.810 / post 3 0.680 (0.789 / 0.655 before), and
# the neighbouring settings give 0.755-0.769 overall with post 3 0.661-0.684.
DEFAULT_WEIGHTS: dict[str, float] = {
    "required_skill_coverage": 0.02,
    "preferred_skill_coverage": 0.01,
    "related_skill_credit": 0.01,
    "semantic_similarity": 0.34,
    "relevant_experience": 0.09,
    "title_similarity": 0.03,
    "occupation_match": 0.01,
    "education_fit": 0.01,
    "skill_recency": 0.01,
    "lexical_match": 0.02,
    "peer_support": 0.45,
}


def validate_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """Check names and values: every key a known feature, every value finite and >= 0.

    Raises:
        ValidationFailed: an unknown feature or a negative / non-finite weight.
    """
    out: dict[str, float] = {}
    for name, value in weights.items():
        if name not in FEATURES:
            raise ValidationFailed(f"unknown feature in weights: {name}")
        try:
            v = float(value)
        except (TypeError, ValueError) as exc:
            raise ValidationFailed(f"weight for {name} is not a number") from exc
        if not math.isfinite(v) or v < 0:
            raise ValidationFailed(f"weight for {name} must be a finite number >= 0")
        out[name] = v
    return out


def merge_weights(*layers: Mapping[str, float] | None) -> dict[str, float]:
    """DEFAULT_WEIGHTS overridden by each layer in turn (later layers win); None layers are skipped."""
    merged = dict(DEFAULT_WEIGHTS)
    for layer in layers:
        if layer:
            merged.update(validate_weights(layer))
    return merged


def score_candidate(
    features: Mapping[str, FeatureResult], weights: Mapping[str, float] | None = None
) -> tuple[float, list[Contribution]]:
    """Score one candidate from its features.

    Args:
        features: feature name -> result (names from `matcher.features.FEATURES`).
        weights: full weights; default `DEFAULT_WEIGHTS`.
    Returns:
        (score, contributions): one Contribution per applicable feature, in FEATURES order, with the
        effective (renormalized) weight; the score is exactly the sum of the contributions.
    """
    return score_validated(
        features, validate_weights(weights) if weights is not None else dict(DEFAULT_WEIGHTS)
    )


def score_validated(
    features: Mapping[str, FeatureResult], w: Mapping[str, float]
) -> tuple[float, list[Contribution]]:
    """`score_candidate` with weights already validated (`merge_weights` gives such)."""
    names = [n for n in FEATURES if n in features and features[n].applicable]
    total_w = sum(w.get(n, 0.0) for n in names)
    contributions: list[Contribution] = []
    for n in names:
        f = features[n]
        eff = w.get(n, 0.0) / total_w if total_w > 0 else 0.0
        contributions.append(
            Contribution(
                feature=n,
                value=f.value,
                weight=eff,
                contribution=eff * f.value,
                note=f.note,
                evidence=list(f.evidence),
            )
        )
    score = 0.0
    for c in contributions:
        score += c.contribution
    return score, contributions
