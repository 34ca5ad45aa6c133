"""Learned weights recover the ordering of known weights from synthetic feedback."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import spearmanr

from matcher.embedder import HashingEmbedder
from matcher.features import FEATURES
from matcher.learning import decisions_to_labels, learn_from_feedback, learn_weights
from models import Job, JobSkill, Resume, SkillMention, WorkItem
from models.errors import ValidationFailed

TRUE = {
    "required_skill_coverage": 0.35,
    "preferred_skill_coverage": 0.0,
    "related_skill_credit": 0.0,
    "semantic_similarity": 0.25,
    "relevant_experience": 0.2,
    "title_similarity": 0.12,
    "occupation_match": 0.0,
    "education_fit": 0.05,
    "skill_recency": 0.03,
    "lexical_match": 0.0,
    "peer_support": 0.0,
}


def _synthetic(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, size=(n, len(FEATURES)))
    w = np.array([TRUE[f] for f in FEATURES])
    logits = 25 * (x @ w - w.sum() / 2)
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logits))).astype(int)
    return x, y


def test_recovers_weight_ordering() -> None:
    x, y = _synthetic(3000, seed=1)
    learned = learn_weights(x, y)
    assert sum(learned.values()) == pytest.approx(1.0)
    assert all(v >= 0 for v in learned.values())
    strong = [f for f in FEATURES if TRUE[f] >= 0.1]
    assert sorted(strong, key=lambda f: -learned[f]) == sorted(strong, key=lambda f: -TRUE[f])
    rho = spearmanr([learned[f] for f in FEATURES], [TRUE[f] for f in FEATURES]).statistic
    assert rho > 0.8
    for f in FEATURES:
        if TRUE[f] == 0:
            assert learned[f] < 0.05


def test_negative_features_are_dropped() -> None:
    rng = np.random.default_rng(2)
    x = rng.uniform(size=(500, len(FEATURES)))
    # advance when the first feature is high and the last one low: the last must get weight 0, not < 0
    y = (x[:, 0] - x[:, -1] > 0).astype(int)
    learned = learn_weights(x, y)
    assert learned[FEATURES[-1]] == 0.0
    assert learned[FEATURES[0]] == max(learned.values())


def test_needs_both_classes() -> None:
    x = np.random.default_rng(0).uniform(size=(10, len(FEATURES)))
    with pytest.raises(ValidationFailed):
        learn_weights(x, [1] * 9 + [0])
    with pytest.raises(ValidationFailed):
        learn_weights(x[:, :3], [1, 0] * 5)


def test_decisions_to_labels() -> None:
    assert list(decisions_to_labels(["advance", "Reject", "advance"])) == [1, 0, 1]
    with pytest.raises(ValidationFailed):
        decisions_to_labels(["maybe"])


def test_learn_from_feedback_end_to_end() -> None:
    job = Job(
        title="Python Developer",
        text="Python Developer\nPython and SQL required.",
        required_skills=[JobSkill(skill_id="python", name="Python"), JobSkill(skill_id="sql", name="SQL")],
    )
    cands, decisions = [], {}
    for i in range(12):
        good = i % 2 == 0
        skills = [SkillMention(skill_id="python", name="Python")] if good else []
        if good and i % 4 == 0:
            skills.append(SkillMention(skill_id="sql", name="SQL"))
        title = "Python Developer" if good else "Line Cook"
        r = Resume(
            text=f"{title}\n" + ("Python SQL" if good else "cooking"),
            skills=skills,
            work=[WorkItem(title=title)],
        )
        cands.append((f"c{i}", r))
        decisions[f"c{i}"] = "advance" if good else "reject"
    weights = learn_from_feedback(job, cands, decisions, embedder=HashingEmbedder(), related=None)
    assert set(weights) == set(FEATURES)
    assert sum(weights.values()) == pytest.approx(1.0)
