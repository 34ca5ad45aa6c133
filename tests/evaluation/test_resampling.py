"""Bootstrap intervals over documents: worked cases where the answer is known."""

from __future__ import annotations

import numpy as np
import pytest

from evaluation.resampling import f1_from_counts, f1_interval, paired_f1_delta


def test_f1_from_counts() -> None:
    assert f1_from_counts(np.array(3.0), np.array(4.0), np.array(6.0)) == pytest.approx(0.6)
    assert f1_from_counts(np.array([0.0]), np.array([0.0]), np.array([0.0]))[0] == 0.0


def test_interval_holds_the_point_estimate_and_narrows_with_more_documents() -> None:
    rows = [(1, 2, 2), (0, 1, 1), (3, 3, 4)]
    point = 2 * 4 / (6 + 7)
    lo, hi = f1_interval(rows * 20)
    assert lo < point < hi
    lo_many, hi_many = f1_interval(rows * 200)
    assert lo_many < point < hi_many
    assert hi_many - lo_many < (hi - lo) / 2


def test_interval_of_identical_documents_is_a_point_and_empty_is_zero() -> None:
    assert f1_interval([(1, 2, 2)] * 10) == pytest.approx((0.5, 0.5))
    assert f1_interval([]) == (0.0, 0.0)


def test_rows_must_be_counts() -> None:
    with pytest.raises(ValueError):
        f1_interval([(3, 2, 5)])
    with pytest.raises(ValueError):
        f1_interval([(-1, 2, 5)])
    with pytest.raises(ValueError):  # pairs, not triples: no silent reshape
        f1_interval([(0, 1), (1, 0), (1, 1)])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        f1_interval([(float("nan"), 1, 1)])  # type: ignore[list-item]
    with pytest.raises(ValueError):
        f1_interval([(1, 1, 1)], n_resamples=0)
    with pytest.raises(ValueError):
        f1_interval([(1, 1, 1)], groups=["a", "b"])


def test_copies_drawn_as_one_widen_the_interval() -> None:
    # ten resumes, each held three times: drawn by copy they look like thirty independent ones
    rows = [(1, 2, 2), (0, 1, 1), (2, 2, 3), (1, 1, 2), (0, 2, 1)] * 6
    groups = [i % 10 for i in range(30)]
    lo, hi = f1_interval(rows)
    lo_g, hi_g = f1_interval(rows, groups=groups)
    assert hi_g - lo_g > hi - lo
    # a group of one per row is the plain bootstrap
    assert f1_interval(rows, groups=list(range(30))) == (lo, hi)


def test_paired_change_of_the_same_run_is_zero() -> None:
    rows = [(1, 2, 2), (0, 1, 1), (3, 3, 4)] * 10
    d = paired_f1_delta(rows, rows)
    assert (d.delta, d.low, d.high, d.share_better, d.docs_changed) == (0.0, 0.0, 0.0, 0.5, 0)


def test_paired_change_where_every_resample_improves() -> None:
    a = [(1, 2, 2), (0, 1, 1)] * 30
    b = [(2, 2, 2), (0, 1, 1)] * 30  # the first kind of document gains a true positive
    d = paired_f1_delta(a, b)
    assert d.delta == pytest.approx(2 * 60 / 180 - 2 * 30 / 180)
    assert 0 < d.low <= d.delta <= d.high
    assert d.share_better == 1.0
    assert d.docs_changed == 30


def test_paired_change_of_one_document_in_many_is_uncertain() -> None:
    a = [(1, 2, 2)] * 99 + [(0, 1, 1)]
    b = [(1, 2, 2)] * 99 + [(1, 1, 1)]
    d = paired_f1_delta(a, b)
    assert d.delta > 0 and d.low == 0.0  # most resamples miss the one changed document
    assert 0.5 < d.share_better < 1.0


def test_paired_runs_must_score_the_same_documents() -> None:
    with pytest.raises(ValueError):
        paired_f1_delta([(1, 1, 1)], [(1, 1, 1), (0, 1, 1)])
