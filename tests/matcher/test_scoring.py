"""The scorer: weighted sums worked out by hand, renormalization, validation, contributions sum to score."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matcher.features import FEATURES, FeatureResult
from matcher.scoring import DEFAULT_WEIGHTS, merge_weights, score_candidate, validate_weights
from models.errors import ValidationFailed


def test_default_weights_cover_every_feature_and_sum_to_one() -> None:
    assert set(DEFAULT_WEIGHTS) == set(FEATURES)
    assert sum(DEFAULT_WEIGHTS.values()) == pytest.approx(1.0)


def test_hand_worked_score() -> None:
    feats = {
        "required_skill_coverage": FeatureResult(0.5),
        "semantic_similarity": FeatureResult(1.0),
        "education_fit": FeatureResult(1.0, applicable=False),
    }
    weights = {
        **dict.fromkeys(FEATURES, 0.0),
        "required_skill_coverage": 3.0,
        "semantic_similarity": 1.0,
        "education_fit": 5.0,
    }
    score, contributions = score_candidate(feats, weights)
    # education_fit does not apply: weights renormalize over 3 + 1
    assert score == pytest.approx(0.75 * 0.5 + 0.25 * 1.0)
    assert [c.feature for c in contributions] == ["required_skill_coverage", "semantic_similarity"]
    assert [c.weight for c in contributions] == pytest.approx([0.75, 0.25])
    assert sum(c.contribution for c in contributions) == score


def test_all_zero_weights_score_zero() -> None:
    score, contributions = score_candidate(
        {"semantic_similarity": FeatureResult(1.0)}, {"semantic_similarity": 0.0}
    )
    assert score == 0.0 and contributions[0].contribution == 0.0


@given(
    values=st.lists(st.floats(0, 1), min_size=len(FEATURES), max_size=len(FEATURES)),
    weights=st.lists(st.floats(0, 10), min_size=len(FEATURES), max_size=len(FEATURES)),
    applicable=st.lists(st.booleans(), min_size=len(FEATURES), max_size=len(FEATURES)),
)
def test_contributions_sum_to_score(
    values: list[float], weights: list[float], applicable: list[bool]
) -> None:
    feats = {f: FeatureResult(v, applicable=a) for f, v, a in zip(FEATURES, values, applicable, strict=True)}
    score, contributions = score_candidate(feats, dict(zip(FEATURES, weights, strict=True)))
    assert sum(c.contribution for c in contributions) == score
    assert 0.0 <= score <= 1.0 + 1e-9
    for c in contributions:
        assert c.contribution == pytest.approx(c.weight * c.value)


def test_merge_weights_layers() -> None:
    merged = merge_weights({"title_similarity": 0.9}, None, {"title_similarity": 0.1, "lexical_match": 0})
    assert merged["title_similarity"] == 0.1
    assert merged["lexical_match"] == 0.0
    assert merged["semantic_similarity"] == DEFAULT_WEIGHTS["semantic_similarity"]


@pytest.mark.parametrize(
    "bad",
    [{"age": 1.0}, {"title_similarity": -1}, {"title_similarity": float("nan")}, {"title_similarity": "x"}],
)
def test_validate_weights_rejects(bad: dict) -> None:
    with pytest.raises(ValidationFailed):
        validate_weights(bad)


def test_score_validated_is_score_candidate_on_merged_weights() -> None:
    from matcher.features import FeatureResult
    from matcher.scoring import score_validated

    feats = {
        "semantic_similarity": FeatureResult(0.7, "cosine"),
        "title_similarity": FeatureResult(0.4, "title"),
        "education_fit": FeatureResult(0.0, "no degree asked", applicable=False),
    }
    weights = merge_weights({"title_similarity": 2, "lexical_match": 0})
    assert score_validated(feats, weights) == score_candidate(feats, weights)
    assert score_validated(feats, dict(DEFAULT_WEIGHTS)) == score_candidate(feats)
