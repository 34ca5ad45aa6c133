"""Fairness metrics as pure functions over arrays: selection and impact ratios, ranking fairness, tests.

Outcome metrics (NYC Local Law 144 form):
- `fractional_selection`: who is selected at a top-k cutoff, candidates tied at the cutoff sharing the
  remaining places evenly, so tie-breaking adds no noise.
- `above_median`: the LL144 scoring rate indicator (score strictly above the sample median).
- `group_rates`, `impact_ratios`: rate per group and rate / highest group's rate.
- `bootstrap_ratio_intervals`, `shuffle_null_ratios`: 95% intervals and a label-shuffle null.
- `selection_test`, `holm`, `benjamini_hochberg`: chi-square / Fisher tests and multiple-test correction.

Ranking metrics:
- `skew_at_k`, `ndkl` (Geyik, Ambler & Kenthapadi, KDD 2019).
- `group_exposure` (exposure per unit of relevance; Singh & Joachims, KDD 2018).
- `rnd`, `rkl` (Yang & Stoyanovich, SSDBM 2017).
- `kendall_tau`, `paired_test` for counterfactual comparisons.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "GroupRate",
    "above_median",
    "benjamini_hochberg",
    "bootstrap_ratio_intervals",
    "chi2_yates",
    "fisher_exact",
    "fractional_selection",
    "group_exposure",
    "group_rates",
    "holm",
    "impact_ratios",
    "kendall_tau",
    "kl_divergence",
    "ndkl",
    "paired_test",
    "rkl",
    "rnd",
    "selection_test",
    "shuffle_null_ratios",
    "skew_at_k",
    "small_groups",
    "tie_averaged_exposure",
    "wilcoxon_signed_rank",
]


# ---------------------------------------------------------------- selection


def fractional_selection(scores: Sequence[float] | np.ndarray, k: float, *, tol: float = 1e-9) -> np.ndarray:
    """Selection share of each candidate when the top `k` are taken.

    Candidates strictly above the cutoff get 1, those below 0; candidates tied at the cutoff (scores within
    `tol` of each other) share the places left evenly. `k` may be fractional (e.g. 10% of 25 = 2.5 places);
    the shares always sum to min(k, n).
    """
    s = np.asarray(scores, dtype=float)
    n = s.size
    out = np.zeros(n, dtype=float)
    k = float(min(max(k, 0.0), n))
    if n == 0 or k == 0:
        return out
    order = np.argsort(-s, kind="stable")
    taken = 0.0
    i = 0
    while i < n and taken < k:
        j = i + 1
        while j < n and abs(s[order[j]] - s[order[i]]) <= tol:
            j += 1
        level = order[i:j]
        count = j - i
        share = min(1.0, (k - taken) / count)
        out[level] = share
        taken += share * count
        i = j
    return out


def above_median(scores: Sequence[float] | np.ndarray) -> np.ndarray:
    """1.0 where a score is strictly above the sample median, else 0.0 (the LL144 scoring rate)."""
    s = np.asarray(scores, dtype=float)
    if s.size == 0:
        return s.copy()
    return (s > np.median(s)).astype(float)


@dataclass(frozen=True)
class GroupRate:
    """Count, selected mass and rate of one group."""

    n: int
    selected: float
    rate: float


def group_rates(selected: Sequence[float] | np.ndarray, groups: Sequence[str]) -> dict[str, GroupRate]:
    """Selection (or scoring) rate per group: sum of selection shares / group size, groups sorted by name."""
    sel = np.asarray(selected, dtype=float)
    if sel.size != len(groups):
        raise ValueError("selected and groups differ in length")
    out: dict[str, GroupRate] = {}
    labels = np.asarray(groups, dtype=object)
    for g in sorted(set(groups)):
        mask = labels == g
        n = int(mask.sum())
        total = float(sel[mask].sum())
        out[g] = GroupRate(n=n, selected=total, rate=total / n if n else float("nan"))
    return out


def impact_ratios(rates: Mapping[str, float], exclude: Sequence[str] = ()) -> dict[str, float]:
    """Impact ratio of each group: its rate / the highest rate among groups not excluded.

    Excluded groups (e.g. under 2% of the sample) still get a ratio against that same highest rate but do
    not set it. A highest rate of 0 (nobody selected) gives nan for every group.
    """
    considered = [r for g, r in rates.items() if g not in exclude and not math.isnan(r)]
    top = max(considered) if considered else float("nan")
    if not considered or top <= 0:
        return {g: float("nan") for g in rates}
    return {g: r / top for g, r in rates.items()}


def small_groups(counts: Mapping[str, int], threshold: float = 0.02) -> list[str]:
    """Groups with fewer than `threshold` of the sample (LL144 allows leaving them out of the ratios)."""
    total = sum(counts.values())
    if total == 0:
        return []
    return sorted(g for g, c in counts.items() if c / total < threshold)


def _codes(groups: Sequence[str]) -> tuple[list[str], np.ndarray]:
    names = sorted(set(groups))
    index = {g: i for i, g in enumerate(names)}
    return names, np.array([index[g] for g in groups], dtype=np.int64)


def _ratios_from_codes(
    sel: np.ndarray, codes: np.ndarray, n_groups: int, keep: np.ndarray
) -> np.ndarray:  # shape (n_groups,)
    counts = np.bincount(codes, minlength=n_groups).astype(float)
    mass = np.bincount(codes, weights=sel, minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        rates = np.where(counts > 0, mass / np.maximum(counts, 1), np.nan)
    considered = rates[keep & ~np.isnan(rates)]
    if considered.size == 0 or considered.max() <= 0:
        return np.full(n_groups, np.nan)
    return rates / considered.max()


def bootstrap_ratio_intervals(
    selected: Sequence[float] | np.ndarray,
    groups: Sequence[str],
    *,
    exclude: Sequence[str] = (),
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap interval of each group's impact ratio, resampling candidates with their outcomes."""
    sel = np.asarray(selected, dtype=float)
    names, codes = _codes(groups)
    keep = np.array([g not in exclude for g in names])
    rng = np.random.default_rng(seed)
    n = sel.size
    draws = np.full((n_boot, len(names)), np.nan)
    for b in range(n_boot):
        idx = rng.integers(0, n, size=n)
        draws[b] = _ratios_from_codes(sel[idx], codes[idx], len(names), keep)
    lo_q, hi_q = (1 - level) / 2 * 100, (1 + level) / 2 * 100
    out: dict[str, tuple[float, float]] = {}
    for i, g in enumerate(names):
        col = draws[:, i]
        col = col[~np.isnan(col)]
        out[g] = (
            (float(np.percentile(col, lo_q)), float(np.percentile(col, hi_q)))
            if col.size
            else (float("nan"), float("nan"))
        )
    return out


@dataclass(frozen=True)
class NullRatios:
    """Impact ratios under random relabelling of the same outcomes."""

    low: dict[str, float]  # per group: the 5th percentile of its ratio under the null
    p_value: dict[str, float]  # per group: share of shuffles with a ratio <= the observed one
    p_min_below_080: float  # share of shuffles where some group's ratio falls below 0.8


def shuffle_null_ratios(
    selected: Sequence[float] | np.ndarray,
    groups: Sequence[str],
    *,
    exclude: Sequence[str] = (),
    n_perm: int = 1000,
    seed: int = 0,
) -> NullRatios:
    """Label-shuffle null: permute group labels over the same outcomes and recompute the impact ratios.

    Shows how low ratios go by chance alone for this sample size and outcome pattern (with few distinct
    resumes, top-10% ratios below 0.8 are common under the null).
    """
    sel = np.asarray(selected, dtype=float)
    names, codes = _codes(groups)
    keep = np.array([g not in exclude for g in names])
    observed = _ratios_from_codes(sel, codes, len(names), keep)
    rng = np.random.default_rng(seed)
    draws = np.full((n_perm, len(names)), np.nan)
    for b in range(n_perm):
        draws[b] = _ratios_from_codes(sel, rng.permutation(codes), len(names), keep)
    low: dict[str, float] = {}
    pval: dict[str, float] = {}
    for i, g in enumerate(names):
        col = draws[:, i]
        col = col[~np.isnan(col)]
        if col.size == 0 or math.isnan(observed[i]):
            low[g], pval[g] = float("nan"), float("nan")
            continue
        low[g] = float(np.percentile(col, 5))
        pval[g] = float((np.sum(col <= observed[i] + 1e-12) + 1) / (col.size + 1))
    kept = draws[:, keep]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mins = np.nanmin(kept, axis=1) if kept.shape[1] else np.full(n_perm, np.nan)
    valid = mins[~np.isnan(mins)]
    frac = float(np.mean(valid < 0.8)) if valid.size else float("nan")
    return NullRatios(low=low, p_value=pval, p_min_below_080=frac)


# ---------------------------------------------------------------- tests and correction


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher exact test p-value for the 2x2 table [[a, b], [c, d]].

    Sums the hypergeometric probabilities of every table with the same margins that is no more likely than
    the observed one (the usual two-sided definition).
    """
    r1, c1, n = a + b, a + c, a + b + c + d
    if n == 0:
        return 1.0
    lo, hi = max(0, r1 + c1 - n), min(r1, c1)
    denom = math.comb(n, c1)
    probs = {x: math.comb(r1, x) * math.comb(n - r1, c1 - x) / denom for x in range(lo, hi + 1)}
    observed = probs[a]
    return float(min(1.0, sum(p for p in probs.values() if p <= observed * (1 + 1e-7))))


def chi2_yates(table: np.ndarray) -> float:
    """p-value of the chi-square test of a 2x2 table with Yates' continuity correction (1 degree of freedom)."""
    t = np.asarray(table, dtype=float)
    expected = np.outer(t.sum(axis=1), t.sum(axis=0)) / t.sum()
    stat = float(np.sum(np.maximum(np.abs(t - expected) - 0.5, 0.0) ** 2 / expected))
    return math.erfc(math.sqrt(stat / 2))


def selection_test(sel_a: float, n_a: int, sel_b: float, n_b: int) -> tuple[str, float]:
    """Test whether two groups' selection rates differ: ("fisher"|"chi2", p-value).

    Fisher's exact test (on counts rounded to whole candidates) when an expected cell is under 5,
    else the chi-square test with Yates' correction. Fractional selections come from ties.
    """
    if n_a == 0 or n_b == 0:
        return "none", 1.0
    table = np.array([[sel_a, n_a - sel_a], [sel_b, n_b - sel_b]], dtype=float)
    col = table.sum(axis=0)
    if col.min() <= 0:
        return "none", 1.0
    expected = np.outer(table.sum(axis=1), col) / table.sum()
    if expected.min() < 5:
        counts = np.rint(table).astype(int)
        if counts.sum(axis=0).min() == 0:
            return "fisher", 1.0
        return "fisher", fisher_exact(*(int(x) for x in counts.ravel()))
    return "chi2", chi2_yates(table)


def holm(pvalues: Sequence[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values (same order as given; nan stays nan and is not counted)."""
    p = np.asarray(pvalues, dtype=float)
    out = np.full(p.size, np.nan)
    idx = np.flatnonzero(~np.isnan(p))
    m = idx.size
    order = idx[np.argsort(p[idx], kind="stable")]
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        out[i] = running
    return [float(x) for x in out]


def benjamini_hochberg(pvalues: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg adjusted p-values (false discovery rate), same order as given."""
    p = np.asarray(pvalues, dtype=float)
    out = np.full(p.size, np.nan)
    idx = np.flatnonzero(~np.isnan(p))
    m = idx.size
    order = idx[np.argsort(p[idx], kind="stable")]
    running = 1.0
    for rank in range(m - 1, -1, -1):
        i = order[rank]
        running = min(running, min(1.0, p[i] * m / (rank + 1)))
        out[i] = running
    return [float(x) for x in out]


def _average_ranks(values: np.ndarray) -> np.ndarray:
    order = np.argsort(values, kind="stable")
    ranks = np.empty(values.size, dtype=float)
    sorted_vals = values[order]
    i = 0
    while i < values.size:
        j = i
        while j + 1 < values.size and sorted_vals[j + 1] == sorted_vals[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def wilcoxon_signed_rank(differences: Sequence[float] | np.ndarray) -> float:
    """Two-sided Wilcoxon signed-rank p-value (zeros dropped).

    Exact null distribution when there are at most 50 differences and no tied magnitudes; otherwise the
    normal approximation with the tie correction of the variance (no continuity correction).
    """
    d = np.asarray(differences, dtype=float)
    d = d[d != 0]
    n = d.size
    if n == 0:
        return 1.0
    mags = np.abs(d)
    ranks = _average_ranks(mags)
    w_plus = float(ranks[d > 0].sum())
    total = n * (n + 1) / 2
    if n <= 50 and np.unique(mags).size == n:
        # counts[s] = number of sign patterns whose positive ranks sum to s
        counts = np.zeros(int(total) + 1, dtype=float)
        counts[0] = 1.0
        for r in range(1, n + 1):
            counts[r:] = counts[r:] + counts[:-r].copy()
        probs = counts / counts.sum()
        w = min(w_plus, total - w_plus)
        return float(min(1.0, 2 * probs[: round(w) + 1].sum()))
    _, tie_counts = np.unique(mags, return_counts=True)
    var = n * (n + 1) * (2 * n + 1) / 24 - float(np.sum(tie_counts**3 - tie_counts)) / 48
    if var <= 0:
        return 1.0
    z = (w_plus - total / 2) / math.sqrt(var)
    return math.erfc(abs(z) / math.sqrt(2))


def paired_test(differences: Sequence[float] | np.ndarray, *, tol: float = 1e-12) -> float:
    """Two-sided Wilcoxon signed-rank p-value for paired differences; 1.0 when every difference is zero.

    Differences within `tol` of zero count as zero (float noise from identical inputs).
    """
    d = np.asarray(differences, dtype=float)
    return wilcoxon_signed_rank(np.where(np.abs(d) > tol, d, 0.0))


def kendall_tau(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> float:
    """Kendall's tau-b between two score (or rank) vectors over the same items.

    Two vectors that are both constant agree fully (1.0); one constant vector against a varying one gives 0.0.
    """
    x = np.asarray(a, dtype=float)
    y = np.asarray(b, dtype=float)
    if x.size != y.size:
        raise ValueError("vectors differ in length")
    n = x.size
    if n < 2:
        return 1.0
    dx = np.sign(x[:, None] - x[None, :])
    dy = np.sign(y[:, None] - y[None, :])
    iu = np.triu_indices(n, k=1)
    px, py = dx[iu], dy[iu]
    s = float(np.sum(px * py))
    nx = float(np.sum(px != 0))
    ny = float(np.sum(py != 0))
    if nx == 0 and ny == 0:
        return 1.0
    if nx == 0 or ny == 0:
        return 0.0
    return s / math.sqrt(nx * ny)


# ---------------------------------------------------------------- ranking fairness


def skew_at_k(ranked_groups: Sequence[str], group: str, k: int, target: float | None = None) -> float:
    """Skew@k = ln(share of `group` in the top k / target share) (Geyik et al. 2019).

    `target` defaults to the group's share of the whole ranking. 0 is parity; -inf when the group is absent
    from the top k.
    """
    n = len(ranked_groups)
    if n == 0 or k <= 0:
        raise ValueError("need a non-empty ranking and k >= 1")
    k = min(k, n)
    top_share = sum(1 for g in ranked_groups[:k] if g == group) / k
    if target is None:
        target = sum(1 for g in ranked_groups if g == group) / n
    if target <= 0:
        raise ValueError("target share must be positive")
    if top_share == 0:
        return float("-inf")
    return math.log(top_share / target)


def kl_divergence(p: Sequence[float], q: Sequence[float]) -> float:
    """D_KL(p || q) in nats, with 0 ln 0 = 0; inf when p puts mass where q has none."""
    total = 0.0
    for pi, qi in zip(p, q, strict=True):
        if pi <= 0:
            continue
        if qi <= 0:
            return float("inf")
        total += pi * math.log(pi / qi)
    return total


def ndkl(ranked_groups: Sequence[str], target: Mapping[str, float] | None = None) -> float:
    """Normalized discounted KL divergence (Geyik et al. 2019); 0 when every prefix matches the target.

    NDKL = (1/Z) * sum_{i=1..n} D_KL(D_i || D) / log2(i + 1), Z = sum_{i=1..n} 1 / log2(i + 1), where D_i is
    the group distribution of the top i and D the target (default: the whole ranking's distribution).
    """
    n = len(ranked_groups)
    if n == 0:
        return 0.0
    if target is None:
        names = sorted(set(ranked_groups))
        q = [sum(1 for g in ranked_groups if g == name) / n for name in names]
    else:
        names = sorted(set(target) | set(ranked_groups))
        q = [float(target.get(name, 0.0)) for name in names]
    index = {name: i for i, name in enumerate(names)}
    counts = [0] * len(names)
    total = 0.0
    z = 0.0
    for i, g in enumerate(ranked_groups, start=1):
        counts[index[g]] += 1
        w = 1.0 / math.log2(i + 1)
        total += w * kl_divergence([c / i for c in counts], q)
        z += w
    return total / z


def group_exposure(
    ranked_groups: Sequence[str], relevance: Sequence[float] | None = None
) -> dict[str, dict[str, float]]:
    """Exposure per group with position bias 1/log2(1 + rank) (Singh & Joachims 2018).

    Returns per group: `exposure` (mean over members), `relevance` (mean; 1 when not given) and
    `exposure_per_relevance`, the quantity that disparate-treatment parity asks to be equal across groups.
    """
    n = len(ranked_groups)
    rel = [1.0] * n if relevance is None else [float(r) for r in relevance]
    if len(rel) != n:
        raise ValueError("relevance and ranking differ in length")
    out: dict[str, dict[str, float]] = {}
    for g in sorted(set(ranked_groups)):
        pos = [i for i, x in enumerate(ranked_groups) if x == g]
        exp = sum(1.0 / math.log2(2 + i) for i in pos) / len(pos)
        r = sum(rel[i] for i in pos) / len(pos)
        out[g] = {
            "exposure": exp,
            "relevance": r,
            "exposure_per_relevance": exp / r if r > 0 else float("nan"),
        }
    return out


def tie_averaged_exposure(
    scores: Sequence[float] | np.ndarray,
    groups: Sequence[str],
    relevance: Sequence[float] | None = None,
    *,
    tol: float = 1e-9,
) -> dict[str, dict[str, float]]:
    """`group_exposure` for a ranking by score, with tied candidates given the mean position bias of their block.

    That is the expected exposure when ties are broken uniformly at random, so tie-breaking adds no noise.
    """
    s = np.asarray(scores, dtype=float)
    n = s.size
    order = np.argsort(-s, kind="stable")
    weight = np.empty(n, dtype=float)
    i = 0
    while i < n:
        j = i + 1
        while j < n and abs(s[order[j]] - s[order[i]]) <= tol:
            j += 1
        weight[order[i:j]] = float(np.mean([1.0 / math.log2(2 + p) for p in range(i, j)]))
        i = j
    rel = np.ones(n) if relevance is None else np.asarray(relevance, dtype=float)
    labels = np.asarray(groups, dtype=object)
    out: dict[str, dict[str, float]] = {}
    for g in sorted(set(groups)):
        mask = labels == g
        exp = float(weight[mask].mean())
        r = float(rel[mask].mean())
        out[g] = {
            "exposure": exp,
            "relevance": r,
            "exposure_per_relevance": exp / r if r > 0 else float("nan"),
        }
    return out


def _cutoffs(n: int, step: int) -> list[int]:
    return list(range(step, n + 1, step))


def _rnd_raw(protected: Sequence[bool], step: int) -> float:
    n = len(protected)
    share = sum(protected) / n
    total = 0.0
    for i in _cutoffs(n, step):
        if i < 2:
            continue  # 1/log2(1) is undefined; the first cutoff at or above 2 counts
        total += abs(sum(protected[:i]) / i - share) / math.log2(i)
    return total


def _rkl_raw(protected: Sequence[bool], step: int) -> float:
    n = len(protected)
    share = sum(protected) / n
    total = 0.0
    for i in _cutoffs(n, step):
        if i < 2:
            continue
        p = sum(protected[:i]) / i
        total += kl_divergence([p, 1 - p], [share, 1 - share]) / math.log2(i)
    return total


def _extremes(protected: Sequence[bool]) -> tuple[list[bool], list[bool]]:
    m = sum(protected)
    n = len(protected)
    return [True] * m + [False] * (n - m), [False] * (n - m) + [True] * m


def rnd(protected: Sequence[bool], step: int = 10) -> float:
    """Normalized discounted difference rND (Yang & Stoyanovich 2017), in [0, 1].

    rND = (1/Z) * sum over cutoffs i = step, 2*step, ... (i >= 2) of | |S+ in top i| / i - |S+| / N | / log2(i);
    Z is the larger raw value of the two most unfair rankings (protected group all first, or all last).
    """
    if not protected:
        return 0.0
    z = max(_rnd_raw(r, step) for r in _extremes(protected))
    return _rnd_raw(protected, step) / z if z > 0 else 0.0


def rkl(protected: Sequence[bool], step: int = 10) -> float:
    """Normalized discounted KL divergence rKL (Yang & Stoyanovich 2017), normalized like `rnd`."""
    if not protected:
        return 0.0
    z = max(_rkl_raw(r, step) for r in _extremes(protected))
    return _rkl_raw(protected, step) / z if z > 0 else 0.0
