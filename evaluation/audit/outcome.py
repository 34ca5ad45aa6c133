"""Outcome audit in the NYC Local Law 144 form: selection and scoring rates and impact ratios per group.

For each cutoff the product uses (top-k, top 10%) the selection rate of every sex, race/ethnicity and
intersectional group is the share of its candidates selected (candidates tied at the cutoff share the places
left, so tie-breaking adds no noise); the scoring rate is the share scoring above the sample median. The impact
ratio is a group's rate over the highest group's rate. Beside each ratio: the group count, a bootstrap 95%
interval, a label-shuffle null (how low the ratio goes by chance for this sample), a chi-square or Fisher test
against the highest group with Holm correction over the whole audit, and best/worst-case ratios that assign
the candidates of unknown demographics to whichever group moves the ratio most. Groups under 2% of the
category's known sample are reported but do not set the highest rate (the LL144 small-group rule).

Demographics are self-reported, kept apart from candidates and never a ranking feature: they arrive here as
a separate table keyed by candidate id.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import numpy as np

from evaluation import fairness as fm

__all__ = [
    "CATEGORIES",
    "CategoryResult",
    "Cutoff",
    "CutoffResult",
    "Demographics",
    "GroupRow",
    "OutcomeAudit",
    "default_cutoffs",
    "outcome_audit",
    "parse_demographics_csv",
]

CATEGORIES: tuple[str, ...] = ("sex", "race", "sex_race")
_UNKNOWN = {"", "unknown", "na", "n/a", "none", "null", "declined", "decline", "prefer not to say", "?"}


@dataclass(frozen=True)
class Demographics:
    """Self-reported sex and race/ethnicity of one candidate; None when unknown or declined."""

    sex: str | None = None
    race: str | None = None

    def label(self, category: str) -> str | None:
        """The group of this candidate in a category ("sex", "race" or "sex_race"), or None when unknown."""
        if category == "sex":
            return self.sex
        if category == "race":
            return self.race
        if self.sex is None or self.race is None:
            return None
        return f"{self.race}_{self.sex}"


def _norm(value: str | None) -> str | None:
    if value is None:
        return None
    v = " ".join(value.strip().lower().split())
    return None if v in _UNKNOWN else v


def parse_demographics_csv(text: str) -> dict[str, Demographics]:
    """Read `candidate_id,sex,race` CSV text (a header row naming those columns is required)."""
    from models.errors import ValidationFailed

    reader = csv.DictReader(io.StringIO(text))
    fields = {f.strip().lower() for f in reader.fieldnames or []}
    if "candidate_id" not in fields:
        raise ValidationFailed("demographics CSV needs a candidate_id column (and sex, race)")
    out: dict[str, Demographics] = {}
    for row in reader:
        row = {k.strip().lower(): (v or "") for k, v in row.items() if k}
        cid = row.get("candidate_id", "").strip()
        if cid:
            out[cid] = Demographics(sex=_norm(row.get("sex")), race=_norm(row.get("race")))
    return out


@dataclass(frozen=True)
class Cutoff:
    """A cutoff: top `k` candidates, top `fraction` of the sample, or (kind "scoring") above the median."""

    name: str
    kind: str = "selection"  # "selection" or "scoring"
    k: float | None = None
    fraction: float | None = None

    def places(self, n: int) -> float | None:
        """How many places the cutoff takes from a sample of n (None for scoring)."""
        if self.kind == "scoring":
            return None
        if self.fraction is not None:
            return self.fraction * n
        return float(min(self.k or 0, n))


def default_cutoffs(top_k: int = 10) -> list[Cutoff]:
    """The cutoffs the product uses: the top-k shortlist, the top 10%, and the LL144 scoring rate."""
    return [
        Cutoff(f"top-{top_k}", k=top_k),
        Cutoff("top-10%", fraction=0.10),
        Cutoff("scoring rate (above median)", kind="scoring"),
    ]


@dataclass
class GroupRow:
    """One group's line in the LL144 table."""

    group: str
    n: int
    share: float  # of the category's known sample
    selected: float  # fractional count
    rate: float
    impact_ratio: float
    ci_low: float
    ci_high: float
    excluded_small: bool
    null_low: float  # 5th percentile of this group's ratio under label shuffles
    null_p: float  # share of shuffles with a ratio at or below the observed one
    test: str
    p_value: float
    p_adjusted: float = float("nan")
    worst_case_ratio: float = float("nan")
    best_case_ratio: float = float("nan")


@dataclass
class CategoryResult:
    """All groups of one category (sex, race or their intersection) at one cutoff."""

    category: str
    rows: list[GroupRow]
    unknown: int
    excluded_small: list[str]
    min_impact_ratio: float
    null_p_min_below_080: float  # how often chance alone pushes some ratio under 0.8


@dataclass
class CutoffResult:
    """One cutoff's results for every category."""

    name: str
    kind: str
    places: float | None
    categories: list[CategoryResult]


@dataclass
class OutcomeAudit:
    """The whole outcome audit."""

    audit_date: str
    data_source: str
    n: int
    cutoffs: list[CutoffResult]
    correction: str = "holm"
    notes: list[str] = field(default_factory=list)

    def min_impact_ratio(self) -> float:
        """Lowest impact ratio over every cutoff, category and group that is not excluded (nan if none)."""
        vals = [
            c.min_impact_ratio
            for cut in self.cutoffs
            for c in cut.categories
            if not math.isnan(c.min_impact_ratio)
        ]
        return min(vals) if vals else float("nan")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (nan and infinities become None)."""
        return clean_json(asdict(self))


def clean_json(obj: Any) -> Any:
    """Replace nan/inf floats with None recursively and numpy scalars with Python ones."""
    if isinstance(obj, dict):
        return {str(k): clean_json(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [clean_json(v) for v in obj]
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def _bounds_with_unknown(
    rates_n: Mapping[str, tuple[float, int]], g: str, excluded: Iterable[str], s_u: float, n_u: int
) -> tuple[float, float]:
    """Worst- and best-case impact ratio of group g when the unknown candidates join any group."""
    excluded = set(excluded)
    sel_g, n_g = rates_n[g]
    others = {h: v for h, v in rates_n.items() if h != g and h not in excluded}

    def rate(sel: float, n: float) -> float:
        return sel / n if n > 0 else 0.0

    def ratio(r_g: float, top: float) -> float:
        top = max(top, r_g)
        return r_g / top if top > 0 else float("nan")

    # worst: g gets the unknowns who were not selected, the selected ones raise the best other group
    r_worst = rate(sel_g, n_g + (n_u - s_u))
    top_w = max((rate(sel + s_u, n + s_u) for sel, n in others.values()), default=0.0)
    # best: g gets the unknowns who were selected, the others lower the best other group
    r_best = rate(sel_g + s_u, n_g + s_u)
    top_b = 0.0
    if others:
        options = []
        for h, (sel_h, n_h) in others.items():
            lowered = rate(sel_h, n_h + (n_u - s_u))
            rest = [rate(s, n) for j, (s, n) in others.items() if j != h]
            options.append(max([lowered, *rest]))
        top_b = min(options)
    return ratio(r_worst, top_w), ratio(r_best, top_b)


def _category(
    selected: np.ndarray,
    labels: Sequence[str | None],
    category: str,
    *,
    small_threshold: float,
    n_boot: int,
    n_perm: int,
    seed: int,
) -> CategoryResult:
    known = [i for i, lab in enumerate(labels) if lab is not None]
    groups = [labels[i] or "" for i in known]
    sel = selected[known]
    unknown_idx = [i for i, lab in enumerate(labels) if lab is None]
    s_u = float(selected[unknown_idx].sum()) if unknown_idx else 0.0
    n_u = len(unknown_idx)
    if not known:
        return CategoryResult(category, [], n_u, [], float("nan"), float("nan"))
    rates = fm.group_rates(sel, groups)
    counts = {g: r.n for g, r in rates.items()}
    excluded = fm.small_groups(counts, small_threshold)
    ratios = fm.impact_ratios({g: r.rate for g, r in rates.items()}, exclude=excluded)
    ci = fm.bootstrap_ratio_intervals(sel, groups, exclude=excluded, n_boot=n_boot, seed=seed)
    null = fm.shuffle_null_ratios(sel, groups, exclude=excluded, n_perm=n_perm, seed=seed)
    kept = [g for g in rates if g not in excluded]
    top = max(kept, key=lambda g: rates[g].rate) if kept else None
    total = len(known)
    rows: list[GroupRow] = []
    rn = {g: (r.selected, r.n) for g, r in rates.items()}
    for g, r in rates.items():
        if top is None or g == top:
            test, p = "reference", float("nan")
        else:
            test, p = fm.selection_test(r.selected, r.n, rates[top].selected, rates[top].n)
        worst, best = _bounds_with_unknown(rn, g, excluded, s_u, n_u)
        rows.append(
            GroupRow(
                group=g,
                n=r.n,
                share=r.n / total,
                selected=r.selected,
                rate=r.rate,
                impact_ratio=ratios[g],
                ci_low=ci[g][0],
                ci_high=ci[g][1],
                excluded_small=g in excluded,
                null_low=null.low[g],
                null_p=null.p_value[g],
                test=test,
                p_value=p,
                worst_case_ratio=worst,
                best_case_ratio=best,
            )
        )
    kept_ratios = [
        row.impact_ratio for row in rows if not row.excluded_small and not math.isnan(row.impact_ratio)
    ]
    return CategoryResult(
        category=category,
        rows=rows,
        unknown=n_u,
        excluded_small=excluded,
        min_impact_ratio=min(kept_ratios) if kept_ratios else float("nan"),
        null_p_min_below_080=null.p_min_below_080,
    )


def outcome_audit(
    ids: Sequence[str],
    demographics: Mapping[str, Demographics],
    *,
    scores: Sequence[float] | None = None,
    selected: Sequence[float] | Mapping[str, Sequence[float]] | None = None,
    cutoffs: Sequence[Cutoff] | None = None,
    categories: Sequence[str] = CATEGORIES,
    data_source: str = "",
    audit_date: str | None = None,
    small_threshold: float = 0.02,
    n_boot: int = 1000,
    n_perm: int = 1000,
    seed: int = 0,
    correction: str = "holm",
) -> OutcomeAudit:
    """Run the outcome audit over candidates `ids`.

    Args:
        ids: candidate ids of the sample, in any order.
        demographics: self-reported sex/race per candidate id; ids missing here count as unknown.
        scores: the tool's score per candidate (same order as ids); rates are computed at each cutoff.
        selected: instead of scores, historical decisions per candidate (1 advanced, 0 rejected, fractions
            allowed); one cutoff named "decisions" is reported. A mapping of cutoff name -> selection shares
            reports one cutoff per entry (selections made elsewhere, e.g. per job then pooled).
        cutoffs: default `default_cutoffs()`.
        correction: "holm" or "bh" (Benjamini-Hochberg), applied over every test in the audit.
    """
    from models.errors import ValidationFailed

    if (scores is None) == (selected is None):
        raise ValidationFailed("give either scores or selected decisions")
    n = len(ids)
    values = np.asarray(
        scores if scores is not None else ([] if isinstance(selected, Mapping) else selected), dtype=float
    )
    if values.size != n and not isinstance(selected, Mapping):
        raise ValidationFailed("ids and scores/decisions differ in length")
    demo = [demographics.get(cid, Demographics()) for cid in ids]
    plan: list[tuple[str, str, float | None, np.ndarray]] = []
    if isinstance(selected, Mapping):
        for name, shares in selected.items():
            arr = np.asarray(shares, dtype=float)
            if arr.size != n:
                raise ValidationFailed("ids and decisions differ in length")
            kind = "scoring" if name.startswith("scoring") else "selection"
            plan.append((name, kind, float(arr.sum()), arr.clip(0, 1)))
    elif selected is not None:
        plan.append(("decisions", "selection", None, values.clip(0, 1)))
    else:
        for cut in cutoffs or default_cutoffs():
            places = cut.places(n)
            if cut.kind == "scoring":
                plan.append((cut.name, "scoring", None, fm.above_median(values)))
            else:
                plan.append((cut.name, "selection", places, fm.fractional_selection(values, places or 0)))
    results: list[CutoffResult] = []
    for name, kind, places, sel in plan:
        cats = [
            _category(
                sel,
                [d.label(cat) for d in demo],
                cat,
                small_threshold=small_threshold,
                n_boot=n_boot,
                n_perm=n_perm,
                seed=seed,
            )
            for cat in categories
        ]
        results.append(CutoffResult(name=name, kind=kind, places=places, categories=cats))
    rows = [row for cut in results for c in cut.categories for row in c.rows]
    adjust = fm.holm if correction == "holm" else fm.benjamini_hochberg
    for row, p_adj in zip(rows, adjust([row.p_value for row in rows]), strict=True):
        row.p_adjusted = p_adj
    notes = [
        "Candidates tied at a cutoff share the remaining places evenly (fractional selection).",
        f"Groups under {small_threshold:.0%} of a category's known sample are reported but do not set the "
        "highest rate.",
        "Worst/best-case ratios assign every candidate of unknown demographics to whichever group moves "
        "that ratio most.",
        f"p-values: Fisher's exact test (small counts) or chi-square against the highest-rate group, "
        f"{'Holm' if correction == 'holm' else 'Benjamini-Hochberg'}-adjusted over all tests in this audit.",
    ]
    return OutcomeAudit(
        audit_date=audit_date or date.today().isoformat(),
        data_source=data_source,
        n=n,
        cutoffs=results,
        correction=correction,
        notes=notes,
    )
