"""Fairness metrics on cases worked out by hand, and against brute force where one exists."""

from __future__ import annotations

import math

import numpy as np
import pytest

from evaluation import fairness as fm


def test_fractional_selection_shares_ties_at_the_cutoff() -> None:
    # top 2 of [5, 4, 4, 3]: 5 is in, the two 4s share the one place left
    assert fm.fractional_selection([5, 4, 4, 3], 2).tolist() == pytest.approx([1, 0.5, 0.5, 0])
    # fractional k (10% of 25 = 2.5 places)
    assert fm.fractional_selection([3, 2, 1], 2.5).tolist() == pytest.approx([1, 1, 0.5])
    # all tied: everyone gets k / n
    assert fm.fractional_selection([1, 1, 1, 1], 1).tolist() == pytest.approx([0.25] * 4)
    # k beyond n and k = 0
    assert fm.fractional_selection([2, 1], 5).tolist() == [1, 1]
    assert fm.fractional_selection([2, 1], 0).tolist() == [0, 0]


def test_fractional_selection_sums_to_k_on_random_scores() -> None:
    rng = np.random.default_rng(1)
    for _ in range(20):
        s = rng.integers(0, 5, size=30).astype(float)
        k = float(rng.uniform(0, 30))
        sel = fm.fractional_selection(s, k)
        assert sel.sum() == pytest.approx(k)
        # equal scores always get equal shares, whatever their order
        for v in np.unique(s):
            assert np.ptp(sel[s == v]) == pytest.approx(0)


def test_above_median_is_strict() -> None:
    assert fm.above_median([1, 2, 3, 4]).tolist() == [0, 0, 1, 1]
    assert fm.above_median([1, 2, 3]).tolist() == [0, 0, 1]
    assert fm.above_median([2, 2, 2]).tolist() == [0, 0, 0]


def test_group_rates_and_impact_ratios() -> None:
    rates = fm.group_rates([1, 0, 1, 1], ["a", "a", "b", "b"])
    assert rates["a"].n == 2 and rates["a"].rate == pytest.approx(0.5)
    assert rates["b"].selected == pytest.approx(2.0)
    ratios = fm.impact_ratios({g: r.rate for g, r in rates.items()})
    assert ratios == pytest.approx({"a": 0.5, "b": 1.0})
    # an excluded small group does not set the highest rate
    ratios = fm.impact_ratios({"a": 0.2, "b": 0.4, "tiny": 0.8}, exclude=["tiny"])
    assert ratios == pytest.approx({"a": 0.5, "b": 1.0, "tiny": 2.0})
    # nobody selected: ratios undefined
    assert all(math.isnan(v) for v in fm.impact_ratios({"a": 0.0, "b": 0.0}).values())


def test_small_groups_under_two_percent() -> None:
    assert fm.small_groups({"a": 99, "b": 1}) == ["b"]
    assert fm.small_groups({"a": 49, "b": 1}) == []  # exactly 2% is kept


def test_holm_and_benjamini_hochberg_by_hand() -> None:
    # Holm: sorted 0.01*3 = 0.03, 0.03*2 = 0.06, 0.04*1 -> max(0.06, 0.04) = 0.06
    assert fm.holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])
    # BH: 0.01*3/1 = 0.03, 0.03*3/2 = 0.045, 0.04*3/3 = 0.04; step-up min -> 0.03, 0.04, 0.04
    assert fm.benjamini_hochberg([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.04, 0.04])
    adjusted = fm.holm([0.5, float("nan")])
    assert adjusted[0] == pytest.approx(0.5) and math.isnan(adjusted[1])


def test_selection_test_fisher_by_hand() -> None:
    # table [[1, 2], [3, 0]]: hypergeometric probabilities 0.2, 0.6, 0.2 -> two-sided p = 0.4
    kind, p = fm.selection_test(1, 3, 3, 3)
    assert kind == "fisher" and p == pytest.approx(0.4)
    kind, p = fm.selection_test(10, 20, 10, 20)
    assert kind == "chi2" and p == pytest.approx(1.0)


def test_skew_at_k() -> None:
    ranking = ["a", "b", "a", "b"]
    assert fm.skew_at_k(ranking, "a", 1) == pytest.approx(math.log(2))  # share 1 vs 0.5
    assert fm.skew_at_k(ranking, "a", 2) == pytest.approx(0.0)
    assert fm.skew_at_k(ranking, "b", 1) == float("-inf")
    assert fm.skew_at_k(ranking, "b", 1, target=0.25) == float("-inf")
    assert fm.skew_at_k(ranking, "b", 2, target=0.25) == pytest.approx(math.log(2))


def test_ndkl_by_hand() -> None:
    # [a, b]: prefix 1 is (1, 0) vs (0.5, 0.5): KL = ln 2, weight 1; prefix 2 matches: 0
    z = 1 + 1 / math.log2(3)
    assert fm.ndkl(["a", "b"]) == pytest.approx(math.log(2) / z)
    # [a, a, b, b]: prefixes (1,0), (1,0), (2/3,1/3), (1/2,1/2)
    kl3 = 2 / 3 * math.log(4 / 3) + 1 / 3 * math.log(2 / 3)
    num = math.log(2) * 1 + math.log(2) / math.log2(3) + kl3 / 2 + 0
    den = 1 + 1 / math.log2(3) + 1 / 2 + 1 / math.log2(5)
    assert fm.ndkl(["a", "a", "b", "b"]) == pytest.approx(num / den)
    assert fm.ndkl(["a", "b", "a", "b"], target={"a": 0.5, "b": 0.5}) < fm.ndkl(["a", "a", "b", "b"])


def test_group_exposure_by_hand() -> None:
    out = fm.group_exposure(["a", "b", "a"])
    assert out["a"]["exposure"] == pytest.approx((1 + 0.5) / 2)  # ranks 1 and 3: 1/log2(2), 1/log2(4)
    assert out["b"]["exposure"] == pytest.approx(1 / math.log2(3))
    out = fm.group_exposure(["a", "b", "a"], relevance=[1.0, 0.5, 0.5])
    assert out["a"]["exposure_per_relevance"] == pytest.approx(0.75 / 0.75)
    assert out["b"]["exposure_per_relevance"] == pytest.approx((1 / math.log2(3)) / 0.5)


def test_rnd_and_rkl_by_hand() -> None:
    protected = [False, True, False, True]  # share 0.5, cutoffs 2, 3, 4 with step 1
    raw = (1 / 6) / math.log2(3)  # only the cutoff at 3 deviates: |1/3 - 1/2|
    worst = 0.5 / 1 + (1 / 6) / math.log2(3)  # [T, T, F, F]: |1 - 1/2| at 2, |2/3 - 1/2| at 3
    assert fm.rnd(protected, step=1) == pytest.approx(raw / worst)
    assert fm.rnd([True, True, False, False], step=1) == pytest.approx(1.0)
    assert fm.rnd([True, False, True, False], step=2) == pytest.approx(0.0)

    kl3 = 1 / 3 * math.log(2 / 3) + 2 / 3 * math.log(4 / 3)
    raw_kl = kl3 / math.log2(3)
    worst_kl = math.log(2) / 1 + (2 / 3 * math.log(4 / 3) + 1 / 3 * math.log(2 / 3)) / math.log2(3)
    assert fm.rkl(protected, step=1) == pytest.approx(raw_kl / worst_kl)
    assert fm.rkl([], step=1) == 0.0


def test_kendall_tau_by_hand_and_against_scipy() -> None:
    from scipy import stats

    assert fm.kendall_tau([1, 2, 3], [1, 3, 2]) == pytest.approx(1 / 3)
    assert fm.kendall_tau([1, 1, 2], [1, 2, 3]) == pytest.approx(2 / math.sqrt(6))
    assert fm.kendall_tau([1, 1, 1], [2, 2, 2]) == 1.0
    rng = np.random.default_rng(0)
    for _ in range(10):
        a = rng.integers(0, 6, size=15)
        b = rng.integers(0, 6, size=15)
        assert fm.kendall_tau(a, b) == pytest.approx(stats.kendalltau(a, b).statistic)


def test_bootstrap_and_null_on_equal_outcomes() -> None:
    groups = ["a", "b"] * 10
    selected = [1.0, 1.0, 0.0, 0.0] * 5  # both groups selected at 50%
    ci = fm.bootstrap_ratio_intervals(selected, groups, n_boot=200, seed=1)
    assert ci["a"][0] <= 1.0 <= ci["a"][1]
    null = fm.shuffle_null_ratios(selected, groups, n_perm=200, seed=1)
    assert null.p_value["a"] == pytest.approx(1.0)  # a ratio of 1 is never beaten by chance
    assert 0 <= null.low["a"] <= 1.0
    assert 0 <= null.p_min_below_080 <= 1
    # identical outcomes for everyone: every resample has ratio exactly 1
    ci = fm.bootstrap_ratio_intervals([1.0] * 10, ["a", "b"] * 5, n_boot=50)
    assert ci["a"] == pytest.approx((1.0, 1.0))


def test_paired_test() -> None:
    assert fm.paired_test([0.0, 0.0, 0.0]) == 1.0
    assert fm.paired_test([0.1] * 12) < 0.01


def test_exact_tests_by_hand() -> None:
    # Wilcoxon, 3 positive differences with distinct magnitudes: P(W+ = 6) = 1/8, two-sided 2/8
    assert fm.wilcoxon_signed_rank([1.0, 2.0, 3.0]) == pytest.approx(0.25)
    # [1, -2, 3]: W+ = 4, W- = 2; subsets of ranks {1, 2, 3} summing to <= 2: {}, {1}, {2} -> 3/8, x2 = 0.75
    assert fm.wilcoxon_signed_rank([1.0, -2.0, 3.0]) == pytest.approx(0.75)
    assert fm.fisher_exact(1, 2, 3, 0) == pytest.approx(0.4)
    # chi-square with Yates, [[10, 10], [10, 10]]: |O - E| = 0 -> statistic 0 -> p 1
    assert fm.chi2_yates(np.array([[10, 10], [10, 10]])) == pytest.approx(1.0)


def test_tests_agree_with_scipy_on_random_data() -> None:
    from scipy import stats

    rng = np.random.default_rng(3)
    for n in (8, 30, 70):
        diffs = rng.normal(0.2, 1, size=n)
        assert fm.wilcoxon_signed_rank(diffs) == pytest.approx(stats.wilcoxon(diffs).pvalue, rel=1e-6)
    tied = np.round(rng.normal(0.3, 1, size=40), 1)
    tied = tied[tied != 0]
    assert fm.wilcoxon_signed_rank(tied) == pytest.approx(
        stats.wilcoxon(tied, method="approx").pvalue, rel=1e-6
    )
    for _ in range(5):
        a, b, c, d = (int(x) for x in rng.integers(0, 12, size=4))
        assert fm.fisher_exact(a, b, c, d) == pytest.approx(stats.fisher_exact([[a, b], [c, d]]).pvalue)
        table = rng.integers(5, 40, size=(2, 2))
        assert fm.chi2_yates(table) == pytest.approx(stats.chi2_contingency(table, correction=True).pvalue)


def test_tie_averaged_exposure_by_hand() -> None:
    # scores [2, 1, 1]: positions 1, 2, 3 have bias 1, 1/log2(3), 1/2; the tied pair shares their mean
    shared = (1 / math.log2(3) + 0.5) / 2
    out = fm.tie_averaged_exposure([2, 1, 1], ["a", "b", "a"])
    assert out["a"]["exposure"] == pytest.approx((1 + shared) / 2)
    assert out["b"]["exposure"] == pytest.approx(shared)
    # everyone tied: equal exposure whatever the groups
    out = fm.tie_averaged_exposure([1, 1, 1, 1], ["a", "b", "a", "b"])
    assert out["a"]["exposure"] == pytest.approx(out["b"]["exposure"])
