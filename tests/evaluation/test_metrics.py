"""Ranking metrics on hand-worked cases and against brute force."""

from __future__ import annotations

import math
import random

import pytest

from evaluation.metrics import (
    average_precision_at_k,
    dcg_at_k,
    mean,
    mean_average_precision_at_k,
    ndcg_at_k,
    precision_at_k,
    recall_at_k,
    reciprocal_rank,
)

RANKED = ["a", "b", "c", "d", "e"]
REL = {"a", "c", "x"}  # x is relevant but never ranked


def test_dcg_hand_worked() -> None:
    # 1/log2(2) + 0 + 1/log2(4) = 1 + 0.5
    assert dcg_at_k([1, 0, 1], 3) == pytest.approx(1.5)
    assert dcg_at_k([1, 0, 1], 1) == pytest.approx(1.0)


def test_ndcg_hand_worked() -> None:
    ideal = 1 + 1 / math.log2(3) + 1 / math.log2(4)
    assert ndcg_at_k(RANKED, REL, 3) == pytest.approx(1.5 / ideal)
    assert ndcg_at_k(["a", "c", "x"], REL, 3) == pytest.approx(1.0)
    assert ndcg_at_k(RANKED, set(), 3) == 0.0


def test_ndcg_graded() -> None:
    # gains 2 at rank 2, 3 at rank 1 -> ideal is [3, 2]
    assert ndcg_at_k(["p", "q"], {"p": 2.0, "q": 3.0}, 2) == pytest.approx(
        (2 + 3 / math.log2(3)) / (3 + 2 / math.log2(3))
    )


def test_precision_recall() -> None:
    assert precision_at_k(RANKED, REL, 2) == pytest.approx(0.5)
    assert precision_at_k(RANKED, REL, 10) == pytest.approx(0.2)  # short list: missing places are misses
    assert recall_at_k(RANKED, REL, 3) == pytest.approx(2 / 3)
    assert recall_at_k(RANKED, set(), 3) == 0.0


def test_average_precision_hand_worked() -> None:
    # hits at 1 and 3: (1/1 + 2/3) / min(5, 3)
    assert average_precision_at_k(RANKED, REL, 5) == pytest.approx((1 + 2 / 3) / 3)
    # k=2: hit at 1 only, divided by min(2, 3)
    assert average_precision_at_k(RANKED, REL, 2) == pytest.approx(0.5)
    assert average_precision_at_k(RANKED, set(), 2) == 0.0


def test_map_and_rr() -> None:
    runs = [(RANKED, REL), (["c", "a"], {"a"})]
    assert mean_average_precision_at_k(runs, 5) == pytest.approx(((1 + 2 / 3) / 3 + 0.5) / 2)
    assert reciprocal_rank(["z", "c"], REL) == pytest.approx(0.5)
    assert reciprocal_rank(["z"], REL) == 0.0
    assert mean([]) == 0.0


def test_bad_k() -> None:
    with pytest.raises(ValueError):
        ndcg_at_k(RANKED, REL, 0)


def test_against_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(50):
        items = [str(i) for i in range(20)]
        rng.shuffle(items)
        rel = set(rng.sample(items, rng.randint(1, 8)))
        k = rng.randint(1, 20)
        hits = [1.0 if c in rel else 0.0 for c in items[:k]]
        dcg = sum(h / math.log2(i + 2) for i, h in enumerate(hits))
        idcg = sum(1 / math.log2(i + 2) for i in range(min(k, len(rel))))
        assert ndcg_at_k(items, rel, k) == pytest.approx(dcg / idcg)
        precs = [sum(hits[: i + 1]) / (i + 1) for i, h in enumerate(hits) if h]
        assert average_precision_at_k(items, rel, k) == pytest.approx(sum(precs) / min(k, len(rel)))
        assert 0.0 <= ndcg_at_k(items, rel, k) <= 1.0
