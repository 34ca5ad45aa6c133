"""Run bias audits: the demo audit behind `shortlist audit --demo`, and the public API the service calls.

- `run_demo_audit(out_dir, quick=False)`: the counterfactual suite on the demo pool and dev job posts, with
  blind screening on and off, an LL144 outcome audit on the counterfactual-balanced sample (each resume under
  names of every group), ranking-fairness metrics, and a report (Markdown, HTML, JSON, plots). Pass thresholds
  apply with blinding on: zero score change under name swaps and every impact ratio >= 0.9.
- `audit_pool(job, resumes, demographics)`: the outcome audit of a ranking of real candidates with
  self-reported demographics (kept apart from the candidates; never a feature).
- `audit_decisions(decisions, demographics)`: the outcome audit of historical recruiter decisions.
- `counterfactual_audit(jobs, texts)`: the counterfactual suite on any pool of resume texts.
"""

from __future__ import annotations

import csv
import logging
import math
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from evaluation import fairness as fm
from evaluation.audit import counterfactual as cf
from evaluation.audit.names import SOURCES, TestName, names_by_group
from evaluation.audit.outcome import Cutoff, Demographics, OutcomeAudit, clean_json, outcome_audit
from parsers.packaged import default_data_dir

if TYPE_CHECKING:
    from models.job import Job
    from models.resume import Resume

log = logging.getLogger(__name__)

__all__ = [
    "AuditResult",
    "AuditSettings",
    "audit_decisions",
    "audit_pool",
    "counterfactual_audit",
    "load_demo_texts",
    "load_dev_jobs",
    "run_demo_audit",
    "write_audit_report",
    "write_outcome_report",
]

PASS_MIN_IMPACT_RATIO = 0.9
REPO = Path(__file__).resolve().parents[2]


def shared_data_dir() -> Path:
    """../shared/data beside the repository, or $SHORTLIST_SHARED_DATA."""
    return default_data_dir()


@dataclass(frozen=True)
class AuditSettings:
    """How big the counterfactual suite is."""

    n_resumes: int = 20
    n_jobs: int = 5
    names_per_group: int | None = 20
    top_k: int = 10
    n_boot: int = 500
    n_perm: int = 500
    order_shuffles: int = 2
    tie_orders: int = 10
    seed: int = 7
    kinds: tuple[str, ...] = ("name", "gender", "age", "noise")

    @classmethod
    def quick(cls) -> AuditSettings:
        return cls(
            n_resumes=8, n_jobs=2, names_per_group=3, n_boot=200, n_perm=200, order_shuffles=1, tie_orders=4
        )


# ---------------------------------------------------------------- inputs


_FALLBACK_JOBS = [
    (
        "IT",
        "Software Engineer, Backend\nWe are hiring a backend software engineer to build and run our Python "
        "services. Requirements: 3+ years of experience with Python, SQL and REST APIs; experience with Docker "
        "and AWS; Git. Nice to have: Kubernetes, PostgreSQL, CI/CD. Bachelor's degree in computer science or "
        "a related field.",
    ),
    (
        "Finance",
        "Financial Analyst\nWe are looking for a financial analyst to own budgeting, forecasting and financial "
        "reporting. Requirements: 2+ years in financial analysis, advanced Excel, financial modeling, "
        "accounting knowledge. Preferred: SQL, Power BI, CPA or CFA progress. Bachelor's degree in finance "
        "or accounting.",
    ),
]


# job-post occupations that the synthetic demo pool also covers
_PREFERRED = ["IT", "Finance", "Healthcare", "Teacher", "Chef", "Construction"]


def load_dev_jobs(limit: int, *, path: Path | None = None) -> list[tuple[str, str]]:
    """(job id, text) of dev job posts, one per occupation in turn; built-in posts when the data is absent."""
    csv_path = path or shared_data_dir() / "ranking" / "job_posts_dev" / "job_posts_dev.csv"
    rows: list[tuple[str, str]] = []
    if csv_path.exists():
        with open(csv_path, encoding="utf-8", newline="") as f:
            by_occ: dict[str, list[str]] = {}
            for row in csv.DictReader(f):
                by_occ.setdefault(row["occupation"].strip(), []).append(row["post"])
        # round-robin over occupations so a small limit still spans several, occupations of the demo pool first
        occs = sorted(by_occ, key=lambda o: (_PREFERRED.index(o) if o in _PREFERRED else len(_PREFERRED), o))
        for i in range(max((len(v) for v in by_occ.values()), default=0)):
            for occ in occs:
                posts = by_occ[occ]
                if i < len(posts):
                    rows.append((f"{occ.lower()}-{i + 1}", posts[i]))
    else:
        log.warning("dev job posts not found at %s: using built-in job posts", csv_path)
        rows = [(f"{occ.lower()}-builtin", text) for occ, text in _FALLBACK_JOBS]
    return rows[:limit]


_RESUME_EXT = {".pdf", ".docx", ".txt", ".md", ".html", ".htm"}


def load_demo_texts(
    n: int, *, seed: int = 7, demo_dir: Path | None = None
) -> tuple[list[tuple[str, str]], str]:
    """(id, text) of up to n demo resumes and where they came from.

    Files under service/demo/ when present (extracted as in production); otherwise resumes generated by
    evaluation.synthetic.
    """
    folder = demo_dir or REPO / "service" / "demo"
    files = (
        sorted(
            p
            for p in folder.rglob("*")
            if p.is_file() and p.suffix.lower() in _RESUME_EXT and "job" not in p.name.lower()
        )
        if folder.exists()
        else []
    )
    if files:
        from parsers.extract import extract_document

        out: list[tuple[str, str]] = []
        for p in files:
            try:
                out.append((p.stem, extract_document(p.read_bytes()).text))
            except Exception as exc:  # a broken demo file should not stop the audit
                log.warning("skipping demo file %s: %s", p.name, type(exc).__name__)
            if len(out) >= n:
                break
        if out:
            return (
                out,
                f"demo pool files in {folder.relative_to(REPO) if folder.is_relative_to(REPO) else folder}",
            )
    import importlib

    synthetic: Any = importlib.import_module("evaluation.synthetic")
    specs = synthetic.generate_specs(n, seed)
    return [(f"demo-{i:03d}", synthetic.render_text(s)) for i, s in enumerate(specs)], (
        f"{n} synthetic resumes from evaluation.synthetic (seed {seed})"
    )


# ---------------------------------------------------------------- outcome audits of real pools


def audit_pool(
    job: Job,
    resumes: Sequence[tuple[str, Resume]],
    demographics: Mapping[str, Demographics],
    *,
    embedder: Any = None,
    blind: bool = True,
    top_k: int = 10,
    data_source: str = "talent pool ranking",
    n_boot: int = 1000,
    n_perm: int = 1000,
    rank: Callable[..., Any] | None = None,
) -> OutcomeAudit:
    """Rank `resumes` for `job` and audit the outcome per self-reported group (LL144 form)."""
    if rank is None:
        from matcher.ranking import rank_resumes

        rank = rank_resumes
    if embedder is None:
        from matcher.embedder import get_default_embedder

        embedder = get_default_embedder()
    matches = rank(job, list(resumes), embedder=embedder, blind=blind)
    ids = [m.candidate_id for m in matches]
    return outcome_audit(
        ids,
        demographics,
        scores=[float(m.score) for m in matches],
        cutoffs=[
            Cutoff(f"top-{top_k}", k=top_k),
            Cutoff("top-10%", fraction=0.1),
            Cutoff("scoring rate (above median)", kind="scoring"),
        ],
        data_source=f"{data_source}; job {job.id or job.title or '-'}; blind screening {'on' if blind else 'off'}",
        n_boot=n_boot,
        n_perm=n_perm,
    )


def audit_decisions(
    decisions: Mapping[str, bool | float | str],
    demographics: Mapping[str, Demographics],
    *,
    data_source: str = "historical recruiter decisions",
    n_boot: int = 1000,
    n_perm: int = 1000,
) -> OutcomeAudit:
    """Audit historical decisions ("advance"/True/1 = selected, "reject"/False/0 = not) per group."""
    ids = list(decisions)

    def value(d: bool | float | str) -> float:
        if isinstance(d, str):
            return (
                1.0 if d.strip().lower() in {"advance", "advanced", "selected", "yes", "1", "true"} else 0.0
            )
        return float(d)

    return outcome_audit(
        ids,
        demographics,
        selected=[value(decisions[i]) for i in ids],
        data_source=data_source,
        n_boot=n_boot,
        n_perm=n_perm,
    )


# ---------------------------------------------------------------- the counterfactual suite


@dataclass
class ModeResult:
    """Everything measured with blind screening on or off."""

    blind: bool
    jobs: list[cf.JobCounterfactuals]
    outcomes: dict[str, OutcomeAudit]
    pooled: OutcomeAudit
    ranking: dict[str, dict[str, Any]]
    significance: dict[str, dict[str, float]]
    scored_text: dict[str, Any] = field(default_factory=dict)


@dataclass
class AuditResult:
    """A counterfactual audit over several jobs, blind screening on and off."""

    started: str
    settings: AuditSettings
    data_source: str
    jobs: list[str]
    n_resumes: int
    names: dict[str, list[str]]
    modes: dict[str, ModeResult]
    checks: list[dict[str, Any]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(c["passed"] for c in self.checks if c["enforced"])

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "started": self.started,
            "settings": asdict(self.settings),
            "data_source": self.data_source,
            "jobs": self.jobs,
            "n_resumes": self.n_resumes,
            "names": self.names,
            "name_sources": SOURCES,
            "passed": self.passed,
            "checks": self.checks,
            "timings_s": self.timings,
            "notes": self.notes,
            "modes": {},
        }
        for key, m in self.modes.items():
            d["modes"][key] = {
                "blind": m.blind,
                "significance": m.significance,
                "scored_text_scan": m.scored_text,
                "pooled_outcome": m.pooled.to_dict(),
                "jobs": [
                    {
                        "job_id": j.job_id,
                        "n_resumes": j.n_resumes,
                        "top_k": j.top_k,
                        "summary": j.summary,
                        "name_group_mean_score_change": j.group_means,
                        "paired_tests": j.tests,
                        "input_order": j.order,
                        "ranking_fairness": m.ranking.get(j.job_id, {}),
                        "outcome": m.outcomes[j.job_id].to_dict(),
                        "base_scores": j.base_scores,
                    }
                    for j in m.jobs
                ],
            }
        return clean_json(d)


def _ranking_metrics(
    ids: Sequence[str],
    scores: np.ndarray,
    groups: Sequence[str],
    places: float,
    *,
    tie_orders: int,
    seed: int,
) -> dict[str, Any]:
    """Skew@k, exposure per unit relevance, NDKL and rND/rKL on the balanced sample.

    Skew@k uses fractional selection at the cutoff and exposure the mean position bias of each tie block, so
    ties add no noise to either; NDKL and rND/rKL need one order and are averaged over random orders of tied
    candidates, next to the same metric with group labels shuffled (the level chance alone reaches).
    """
    rng = np.random.default_rng(seed)
    m = len(ids)
    k = max(1, round(places))
    step = 10 if m >= 100 else max(1, m // 10)
    names = sorted(set(groups))
    garr = np.asarray(groups, dtype=object)
    out: dict[str, Any] = {"k": k, "tie_orders": tie_orders, "step": step}
    sel = fm.fractional_selection(scores, places)
    for g in names:
        mask = garr == g
        top_share = float(sel[mask].sum()) / float(sel.sum())
        out[f"skew@k[{g}]"] = math.log(top_share / (mask.sum() / m)) if top_share > 0 else float("-inf")
    exp = fm.tie_averaged_exposure(scores, groups, np.maximum(scores, 1e-6))
    epr = [v["exposure_per_relevance"] for v in exp.values()]
    out["exposure_per_relevance_min_over_max"] = min(epr) / max(epr)
    acc: dict[str, list[float]] = {}

    def add(key: str, v: float) -> None:
        acc.setdefault(key, []).append(v)

    for _ in range(tie_orders):
        order = np.lexsort((rng.random(m), -scores))
        ranked = [str(g) for g in garr[order]]
        null = [str(g) for g in rng.permutation(np.asarray(ranked, dtype=object))]
        add("ndkl", fm.ndkl(ranked))
        add("ndkl (shuffled labels)", fm.ndkl(null))
        add("rnd[race=black]", fm.rnd([g.startswith("black") for g in ranked], step=step))
        add("rnd[race=black] (shuffled labels)", fm.rnd([g.startswith("black") for g in null], step=step))
        add("rkl[race=black]", fm.rkl([g.startswith("black") for g in ranked], step=step))
        add("rnd[sex=female]", fm.rnd([g.endswith("female") for g in ranked], step=step))
        add("rkl[sex=female]", fm.rkl([g.endswith("female") for g in ranked], step=step))
    return out | {key: float(np.mean(v)) for key, v in acc.items()}


def counterfactual_audit(
    jobs: Sequence[Job],
    texts: Sequence[tuple[str, str]],
    *,
    embedder: Any,
    settings: AuditSettings | None = None,
    blind_modes: Sequence[bool] = (True, False),
    names: dict[str, list[TestName]] | None = None,
    data_source: str = "",
    parse: Callable[[str], Resume] | None = None,
    rank: Callable[..., Any] | None = None,
) -> AuditResult:
    """The counterfactual suite on any pool of resume texts and jobs, with blinding on and off."""
    settings = settings or AuditSettings()
    if parse is None:
        from parsers.resume import parse_resume_text

        parse = parse_resume_text
    if rank is None:
        from matcher.ranking import rank_resumes

        rank = rank_resumes
    parse_fn: Callable[[str], Resume] = parse
    rank_fn: Callable[..., Any] = rank
    from models.errors import ParseError

    names = names or names_by_group(per_group=settings.names_per_group)
    cache_embedder = embedder if isinstance(embedder, cf.CachingEmbedder) else cf.CachingEmbedder(embedder)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    parsed: dict[str, Resume] = {}

    def parse_cached(text: str) -> Resume | None:
        if text not in parsed:
            try:
                parsed[text] = parse_fn(text)
            except ParseError:
                return None
        return parsed[text]

    base: list[tuple[str, Resume]] = []
    text_of = dict(texts)
    variants: list[tuple[cf.Variant, Resume]] = []
    no_name = 0
    for cid, text in texts:
        resume = parse_cached(text)
        if resume is None:
            continue
        base.append((cid, resume))
        vs = cf.build_variants(cid, text, resume, names, kinds=settings.kinds)
        if "name" in settings.kinds and not any(v.kind == "name" for v in vs):
            no_name += 1
        for v in vs:
            r = parse_cached(v.text)
            if r is not None:
                variants.append((v, r))
    timings["parse_s"] = time.perf_counter() - t0
    log.info("audit: %s resumes, %s variants, %s unique texts parsed", len(base), len(variants), len(parsed))

    modes: dict[str, ModeResult] = {}
    t1 = time.perf_counter()
    from matcher import ranking as matcher_ranking

    for blind in blind_modes:
        precomputed: dict[str, Any] | None = None
        if rank_fn is matcher_ranking.rank_resumes:
            from matcher.lexical import tokenize

            everyone = [r for _, r in base] + [r for _, r in variants]
            precomputed = {
                "resume_vectors": matcher_ranking.embed_resumes(everyone, cache_embedder, blind=blind),
                "lexical_tokens": [tokenize(matcher_ranking.lexical_text(r, blind=blind)) for r in everyone],
            }
        job_results: list[cf.JobCounterfactuals] = []
        outcomes: dict[str, OutcomeAudit] = {}
        ranking: dict[str, dict[str, Any]] = {}
        pooled_ids: list[str] = []
        pooled_demo: dict[str, Demographics] = {}
        pooled_sel: dict[str, list[float]] = {}
        for job in _progress(jobs, f"audit blind={'on' if blind else 'off'}"):
            res = cf.run_job(
                job,
                base,
                variants,
                rank=rank_fn,
                embedder=cache_embedder,
                blind=blind,
                top_k=settings.top_k,
                order_shuffles=settings.order_shuffles,
                seed=settings.seed,
                precomputed=precomputed,
            )
            job_results.append(res)
            name_vs = [v for v, _ in variants if v.kind == "name"]
            if not name_vs:
                continue
            vids = [v.id for v in name_vs]
            sex_race = {g: (m[0].race, m[0].sex) for g, m in names.items() if m}
            demo = {
                v.id: Demographics(sex=sex_race[v.group or ""][1], race=sex_race[v.group or ""][0])
                for v in name_vs
            }
            scores = np.array([res.variant_scores[v] for v in vids])
            frac = res.top_k / max(1, res.n_resumes)
            cuts = [
                Cutoff(f"top-{res.top_k} of {res.n_resumes} ({frac:.0%})", fraction=frac),
                Cutoff("top-10%", fraction=0.10),
                Cutoff("scoring rate (above median)", kind="scoring"),
            ]
            outcomes[res.job_id] = outcome_audit(
                vids,
                demo,
                scores=scores.tolist(),
                cutoffs=cuts,
                data_source=f"counterfactual-balanced sample, job {res.job_id}",
                n_boot=settings.n_boot,
                n_perm=settings.n_perm,
                seed=settings.seed,
            )
            groups = [v.group or "" for v in name_vs]
            ranking[res.job_id] = _ranking_metrics(
                vids, scores, groups, frac * len(vids), tie_orders=settings.tie_orders, seed=settings.seed
            )
            for cut in cuts:
                sel = (
                    fm.above_median(scores)
                    if cut.kind == "scoring"
                    else fm.fractional_selection(scores, (cut.fraction or 0) * len(vids))
                )
                key = "top-k" if cut is cuts[0] else cut.name
                pooled_sel.setdefault(key, []).extend(sel.tolist())
            for vid in vids:
                pooled_ids.append(f"{res.job_id}::{vid}")
                pooled_demo[f"{res.job_id}::{vid}"] = demo[vid]
        pooled = outcome_audit(
            pooled_ids,
            pooled_demo,
            selected=dict(pooled_sel) if pooled_ids else {"none": []},
            data_source=(
                f"counterfactual-balanced sample: {len(base)} resumes x {sum(len(v) for v in names.values())} "
                f"test names, {len(jobs)} jobs pooled ({data_source}); top-k = the top {settings.top_k} of the "
                "original pool (a third of pools under 30) as a share of the sample; demographics are those the "
                "test names signal, not self-reported"
            ),
            n_boot=settings.n_boot,
            n_perm=settings.n_perm,
            seed=settings.seed,
        )
        modes["blind_on" if blind else "blind_off"] = ModeResult(
            blind=blind,
            jobs=job_results,
            outcomes=outcomes,
            pooled=pooled,
            ranking=ranking,
            significance=cf.correct_tests(job_results),
            scored_text=cf.scan_scored_text([(cid, text_of[cid], r) for cid, r in base], blind=blind),
        )
    timings["rank_s"] = time.perf_counter() - t1
    timings["embed_cache_hits"] = float(cache_embedder.hits)
    timings["embed_cache_misses"] = float(cache_embedder.misses)
    result = AuditResult(
        started=datetime.now(UTC).isoformat(timespec="seconds"),
        settings=settings,
        data_source=data_source,
        jobs=[j.id or "job" for j in jobs],
        n_resumes=len(base),
        names={g: [n.first_name for n in v] for g, v in names.items()},
        modes=modes,
        timings=timings,
    )
    if no_name:
        result.notes.append(f"{no_name} resumes had no detectable first name and got no name variants.")
    result.checks = _checks(result)
    return result


def _checks(result: AuditResult) -> list[dict[str, Any]]:
    checks: list[dict[str, Any]] = []
    for key, m in result.modes.items():
        enforced = m.blind
        name_max = max(
            (j.summary.get("name", {}).get("max_abs_score_change", 0.0) for j in m.jobs), default=0.0
        )
        checks.append(
            {
                "mode": key,
                "check": "score change under name swaps is zero",
                "value": name_max,
                "threshold": cf.TOL,
                "passed": name_max <= cf.TOL,
                "enforced": enforced,
            }
        )
        ratios = [a.min_impact_ratio() for a in [*m.outcomes.values(), m.pooled]]
        ratios = [r for r in ratios if not math.isnan(r)]
        low = min(ratios) if ratios else float("nan")
        checks.append(
            {
                "mode": key,
                "check": f"every impact ratio >= {PASS_MIN_IMPACT_RATIO} (counterfactual-balanced sample)",
                "value": low,
                "threshold": PASS_MIN_IMPACT_RATIO,
                "passed": bool(ratios) and low >= PASS_MIN_IMPACT_RATIO,
                "enforced": enforced,
            }
        )
        order_max = max((j.order.get("max_abs_score_change", 0.0) for j in m.jobs), default=0.0)
        checks.append(
            {
                "mode": key,
                "check": "scores do not depend on input order",
                "value": order_max,
                "threshold": cf.TOL,
                "passed": order_max <= cf.TOL,
                "enforced": False,
            }
        )
    return checks


def _progress(items: Sequence[Any], desc: str) -> Any:
    try:
        from tqdm import tqdm

        return tqdm(items, desc=desc, file=sys.stderr, disable=None, leave=False)
    except ImportError:  # pragma: no cover
        return items


# ---------------------------------------------------------------- report


def write_audit_report(result: AuditResult, out_dir: str | Path) -> dict[str, Path]:
    """Write the Markdown/HTML/JSON report and plots of a counterfactual audit into `out_dir`."""
    from evaluation.audit.report import (
        Doc,
        ll144_tables,
        plot_impact_ratios,
        plot_rank_changes,
        write_report,
    )

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ratio_series: dict[str, list[tuple[str, str, float, float, float]]] = {}
    rank_series: dict[str, dict[str, list[float]]] = {}
    for m in result.modes.values():
        title = f"blind screening {'on' if m.blind else 'off'}"
        pts = []
        for job_id, audit in m.outcomes.items():
            cut = audit.cutoffs[0]
            cat = next(c for c in cut.categories if c.category == "sex_race")
            pts += [(job_id, r.group, r.impact_ratio, r.ci_low, r.ci_high) for r in cat.rows]
        ratio_series[f"{title}: impact ratio at top-k, race x sex"] = pts
        kinds: dict[str, list[float]] = {}
        for j in m.jobs:
            for kind, vals in j.rank_changes.items():
                kinds.setdefault(kind, []).extend(vals)
        rank_series[f"{title}: rank changes by edit"] = kinds
    plot_impact_ratios(out / "impact_ratios.png", ratio_series)
    plot_rank_changes(out / "rank_changes.png", rank_series)

    doc = Doc()
    doc.h(1, "Shortlist bias audit")
    verdict = "PASS" if result.passed else "FAIL"
    doc.p(
        f"**{verdict}**: pass thresholds apply with blind screening on; figures with it off are reported as measured."
    )
    doc.ul(
        [
            f"Audit date: {result.started}",
            f"Data source: {result.data_source}",
            f"Resumes: {result.n_resumes}; jobs: {len(result.jobs)} ({', '.join(result.jobs)})",
            "Test names per race x sex group: "
            + ", ".join(f"{g} {len(v)}" for g, v in result.names.items())
            + " (sources below)",
            "Timings: " + ", ".join(f"{k} {v:.1f}" for k, v in result.timings.items()),
        ]
    )
    doc.h(2, "Pass thresholds")
    doc.table(
        ["Setting", "Check", "Measured", "Threshold", "Result"],
        [
            [
                c["mode"],
                c["check"],
                c["value"],
                c["threshold"],
                ("pass" if c["passed"] else "FAIL")
                if c["enforced"]
                else ("ok" if c["passed"] else "differs") + " (reported)",
            ]
            for c in result.checks
        ],
    )
    for m in result.modes.values():
        doc.h(2, f"LL144 summary, blind screening {'on' if m.blind else 'off'} (jobs pooled)")
        ll144_tables(doc, m.pooled)
    doc.img("impact_ratios.png", "impact ratios with 95% intervals per job and group")

    doc.h(2, "Impact ratios per job (counterfactual-balanced sample)")
    rows = []
    for key, m in result.modes.items():
        for job_id, audit in m.outcomes.items():
            for cut in audit.cutoffs:
                line: list[Any] = [key, job_id, cut.name]
                for c in cut.categories:
                    line += [c.min_impact_ratio, c.null_p_min_below_080]
                rows.append(line)
    doc.table(
        [
            "Setting",
            "Job",
            "Cutoff",
            "Min ratio sex",
            "Null P(<0.8) sex",
            "Min ratio race",
            "Null P(<0.8) race",
            "Min ratio race x sex",
            "Null P(<0.8) race x sex",
        ],
        rows,
    )
    doc.p(
        "Null P(<0.8): share of label shuffles over the same outcomes in which some group's ratio falls below "
        "0.8, i.e. how often chance alone would fail the four-fifths rule for a sample of this size."
    )

    doc.h(2, "Counterfactual edits")
    rows = []
    for key, m in result.modes.items():
        agg: dict[str, list[dict[str, float]]] = {}
        for j in m.jobs:
            for kind, s in j.summary.items():
                agg.setdefault(kind, []).append(s)
        for kind, ss in agg.items():
            flip_key = next((k for k in ss[0] if k.endswith("_flip_rate")), "")
            rows.append(
                [
                    key,
                    kind,
                    int(sum(s["variants"] for s in ss)),
                    float(np.mean([s["mean_abs_score_change"] for s in ss])),
                    float(max(s["max_abs_score_change"] for s in ss)),
                    float(np.mean([s["share_score_changed"] for s in ss])),
                    float(np.mean([s["mean_abs_rank_change"] for s in ss])),
                    float(np.mean([s["p95_abs_rank_change"] for s in ss])),
                    float(np.mean([s.get(flip_key, float("nan")) for s in ss])),
                    float(np.nanmean([s["kendall_tau_mean"] for s in ss]))
                    if any(not math.isnan(s["kendall_tau_mean"]) for s in ss)
                    else float("nan"),
                    m.significance.get(kind, {}).get("share_significant", float("nan")),
                ]
            )
    doc.table(
        [
            "Setting",
            "Edit",
            "Variants",
            "Mean |Δscore|",
            "Max |Δscore|",
            "Share changed",
            "Mean |Δrank|",
            "p95 |Δrank|",
            "Top-k flip rate",
            "Kendall tau",
            "Share of tests significant (Holm)",
        ],
        rows,
    )
    doc.p(
        "Edits: name = first name replaced by each test name; gender = gendered words swapped and a pronouns "
        "line added (female vs male); age = graduation years 10 earlier or removed, first job's years 10 "
        "earlier or removed (these change the stated dates, so some score change can be legitimate); noise = "
        "typos and reformatting, the noise floor a demographic edit should be compared with. Ranks are counted "
        "among the original resumes (mid-ranks for ties); top-k is the product's shortlist size, or a third of "
        "small pools. Paired tests: Wilcoxon signed-rank over resumes (per pair of name groups, female vs male, "
        "each age edit), Holm-corrected over all jobs; noise edits corrected separately."
    )
    doc.img("rank_changes.png", "rank change distributions per edit kind")

    doc.h(2, "Paired tests")
    rows = []
    for key, m in result.modes.items():
        grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for j in m.jobs:
            for t in j.tests:
                grouped.setdefault((t["kind"], t["test"]), []).append(t)
        for (kind, test), ts in grouped.items():
            rows.append(
                [
                    key,
                    kind,
                    test,
                    len(ts),
                    float(np.mean([t["mean_diff"] for t in ts])),
                    min(t["p"] for t in ts),
                    min(t.get("p_holm", float("nan")) for t in ts),
                    sum(1 for t in ts if t.get("p_holm", 1.0) < 0.05),
                ]
            )
    doc.table(
        [
            "Setting",
            "Edit",
            "Comparison",
            "Jobs",
            "Mean score difference",
            "Min p",
            "Min p (Holm)",
            "Jobs significant",
        ],
        rows,
    )

    doc.h(2, "Mean score change by name group")
    rows = []
    for key, m in result.modes.items():
        for j in m.jobs:
            rows.append([key, j.job_id, *[j.group_means.get(g, float("nan")) for g in result.names]])
    doc.table(["Setting", "Job", *result.names], rows)

    doc.h(2, "Ranking fairness on the balanced sample")
    rows = []
    keys: list[str] = []
    for m in result.modes.values():
        for v in m.ranking.values():
            keys = [k for k in v if k not in ("k", "tie_orders", "step")]
            break
    for key, m in result.modes.items():
        for job_id, v in m.ranking.items():
            rows.append([key, job_id, *[v.get(k, float("nan")) for k in keys]])
    doc.table(["Setting", "Job", *keys], rows)
    doc.p(
        "Skew@k and NDKL (Geyik et al. 2019; 0 is parity, negative skew = under-represented in the top k), "
        "exposure per unit relevance min/max across groups (Singh & Joachims 2018; 1 is parity), rND/rKL "
        "(Yang & Stoyanovich 2017; 0 is parity). Skew@k counts candidates tied at the cutoff fractionally and "
        "exposure gives tied candidates their block's mean position bias; NDKL and rND/rKL are averaged over "
        "random orders of tied candidates, and the 'shuffled labels' columns give the same metric with group "
        "labels permuted, the level chance alone reaches in a sample of this size."
    )

    doc.h(2, "What reaches the scored text")
    signals = ["first_name", "surname", "email", "gendered_pronoun", "year"]
    doc.table(
        ["Setting", "Resumes", *[f"Share with {s.replace('_', ' ')}" for s in signals], "Ids with a name"],
        [
            [
                key,
                m.scored_text.get("resumes", 0),
                *[m.scored_text.get("share_with", {}).get(s, float("nan")) for s in signals],
                ", ".join(m.scored_text.get("name_leaked_ids", [])[:12]) or "none",
            ]
            for key, m in result.modes.items()
        ],
    )
    doc.p(
        "A direct scan of the texts that are embedded or scored (profile text, lexical text, headline) of the "
        "original resumes. A name here may leave scores unchanged (lexical scoring counts only job terms) and "
        "is still a blinding gap."
    )

    doc.h(2, "Input order")
    rows = []
    for key, m in result.modes.items():
        for j in m.jobs:
            rows.append(
                [
                    key,
                    j.job_id,
                    *[
                        j.order.get(k, float("nan"))
                        for k in (
                            "max_abs_score_change",
                            "kendall_tau_positions_min",
                            "share_positions_moved",
                        )
                    ],
                ]
            )
    doc.table(
        ["Setting", "Job", "Max |Δscore|", "Min Kendall tau of positions", "Share of positions moved"], rows
    )

    doc.h(2, "Method and sources")
    notes = [
        *result.notes,
        "Each resume text is edited, re-parsed with parse_resume_text and ranked with rank_resumes together with "
        "the original pool; blind screening on and off use the same texts.",
        "Outcome audit: every resume under every test name forms a counterfactual-balanced sample; with working "
        "blinding all names of one resume tie and, with ties shared out evenly, every impact ratio is exactly 1.",
        *(next(iter(result.modes.values())).pooled.notes if result.modes else []),
    ]
    notes += [f"Name list `{k}`: {v}" for k, v in SOURCES.items()]
    doc.ul(notes)
    return write_report(out, doc, result.to_dict(), title="Shortlist bias audit") | {
        "impact_ratios": out / "impact_ratios.png",
        "rank_changes": out / "rank_changes.png",
    }


def write_outcome_report(
    audit: OutcomeAudit, out_dir: str | Path, *, title: str = "Shortlist outcome audit"
) -> dict[str, Path]:
    """Write an LL144 outcome audit (real pool or decisions) as Markdown/HTML/JSON with an impact-ratio plot."""
    from evaluation.audit.report import Doc, ll144_tables, plot_impact_ratios, write_report

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    series = {}
    for cut in audit.cutoffs:
        pts = [
            (c.category, r.group, r.impact_ratio, r.ci_low, r.ci_high) for c in cut.categories for r in c.rows
        ]
        series[f"impact ratio: {cut.name}"] = pts
    plot_impact_ratios(out / "impact_ratios.png", series)
    doc = Doc()
    doc.h(1, title)
    ll144_tables(doc, audit, heading_level=2)
    doc.img("impact_ratios.png", "impact ratios with 95% intervals")
    doc.ul(audit.notes)
    return write_report(out, doc, audit.to_dict(), title=title) | {"impact_ratios": out / "impact_ratios.png"}


# ---------------------------------------------------------------- demo


def run_demo_audit(
    out_dir: str | Path,
    *,
    quick: bool = False,
    embedder: Any = None,
    settings: AuditSettings | None = None,
    texts: Sequence[tuple[str, str]] | None = None,
) -> AuditResult:
    """The `shortlist audit --demo` run: demo pool x dev job posts, blind on and off, report into out_dir."""
    from parsers.job import parse_job

    settings = settings or (AuditSettings.quick() if quick else AuditSettings())
    t0 = time.perf_counter()
    if texts is None:
        texts, source = load_demo_texts(settings.n_resumes, seed=settings.seed)
    else:
        source = "given resume texts"
    texts = list(texts)[: settings.n_resumes]
    jobs = []
    for job_id, text in load_dev_jobs(settings.n_jobs):
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
        jobs.append(parse_job(text, title=title, job_id=job_id))
    if embedder is None:
        from matcher.embedder import get_default_embedder

        embedder = get_default_embedder()
    result = counterfactual_audit(jobs, texts, embedder=embedder, settings=settings, data_source=source)
    result.timings["total_s"] = time.perf_counter() - t0
    result.notes.append(f"Embedder: {getattr(embedder, 'name', type(embedder).__name__)}.")
    write_audit_report(result, out_dir)
    return result


# ---------------------------------------------------------------- CLI


def _summary_lines(result: AuditResult) -> list[str]:
    """The LL144 summary in plain text for the terminal: checks, then pooled rates and ratios per group."""
    lines = [
        f"shortlist audit: {'PASS' if result.passed else 'FAIL'} ({result.n_resumes} resumes, {len(result.jobs)} jobs)"
    ]
    for c in result.checks:
        state = ("pass" if c["passed"] else "FAIL") if c["enforced"] else "reported"
        lines.append(f"  [{state:8}] {c['mode']:9} {c['check']}: {_num(c['value'])}")
    for key, m in result.modes.items():
        audit = m.pooled
        lines.append(
            f"LL144 summary, {key.replace('_', ' ')}: {audit.n} assessed, audit date {audit.audit_date}"
        )
        lines.append(
            f"  {'category':9} {'group':14} {'n':>6} "
            + " ".join(f"{cut.name[:22]:>22}" for cut in audit.cutoffs)
        )
        for cat in ("sex", "race", "sex_race"):
            per_cut = [next((c for c in cut.categories if c.category == cat), None) for cut in audit.cutoffs]
            first = per_cut[0]
            if first is None:
                continue
            for gi, row in enumerate(first.rows):
                cells = []
                for cr in per_cut:
                    r = cr.rows[gi] if cr is not None else None
                    cells.append(f"{_num(r.rate)} / IR {_num(r.impact_ratio)}" if r else "-")
                lines.append(f"  {cat:9} {row.group:14} {row.n:>6} " + " ".join(f"{x:>22}" for x in cells))
    return lines


def _num(x: Any) -> str:
    from evaluation.audit.report import fmt

    return fmt(x)


def run_cli(args: Any) -> int:
    """Back end of `shortlist audit`; returns the exit code (0 pass, 1 a threshold failed)."""
    from models.errors import ValidationFailed

    out = Path(args.out or "audit-report")
    if args.demo:
        result = run_demo_audit(out, quick=bool(args.quick))
        print("\n".join(_summary_lines(result)))
        print(f"report: {out / 'report.md'} (also report.html, report.json)")
        return 0 if result.passed else 1
    if not args.job:
        raise ValidationFailed(
            "give --demo, or --job JOB_FILE_OR_ID with --db (and --demographics for the outcome audit)"
        )
    from matcher.pool import Pool

    pool = Pool(Path(args.db or os.environ.get("SHORTLIST_DATA_DIR", "data")))
    job_path = Path(args.job)
    if job_path.is_file():
        from parsers.job import parse_job

        text = job_path.read_text(encoding="utf-8", errors="replace")
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
        job = parse_job(text, title=title, job_id=job_path.stem)
    else:
        job = pool.get_job(args.job)  # raises NotFound for an unknown id
    candidates: list[Any] = []
    while len(candidates) < pool.count():
        page = pool.list(len(candidates), 500)
        if not page:
            break
        candidates.extend(page)
    if not candidates:
        raise ValidationFailed("the pool is empty: ingest resumes first")
    resumes = [(c.id, c.resume) for c in candidates]
    settings = AuditSettings.quick() if args.quick else AuditSettings()
    settings = AuditSettings(**(asdict(settings) | {"n_resumes": len(resumes), "n_jobs": 1}))
    result = counterfactual_audit(
        [job],
        [(c.id, c.resume.text) for c in candidates],
        embedder=pool.embedder,
        settings=settings,
        data_source=f"talent pool {pool.data_dir} ({len(resumes)} candidates)",
    )
    write_audit_report(result, out)
    print("\n".join(_summary_lines(result)))
    if args.demographics:
        from evaluation.audit.outcome import parse_demographics_csv

        demographics = parse_demographics_csv(Path(args.demographics).read_text(encoding="utf-8"))
        for blind in (True, False):
            audit = audit_pool(
                job,
                resumes,
                demographics,
                embedder=pool.embedder,
                blind=blind,
                top_k=settings.top_k,
                data_source=f"talent pool {pool.data_dir}, self-reported demographics",
                n_boot=settings.n_boot,
                n_perm=settings.n_perm,
            )
            sub = out / f"outcome-blind-{'on' if blind else 'off'}"
            write_outcome_report(
                audit, sub, title=f"Outcome audit, blind screening {'on' if blind else 'off'}"
            )
            print(
                f"outcome audit (blind {'on' if blind else 'off'}): min impact ratio {_num(audit.min_impact_ratio())}; {sub / 'report.md'}"
            )
        decisions: dict[str, str] = {}
        for fb in pool.list_feedback(job.id):
            decisions[fb.candidate_id] = fb.decision  # later decisions replace earlier ones
        if decisions:
            audit = audit_decisions(decisions, demographics, n_boot=settings.n_boot, n_perm=settings.n_perm)
            sub = out / "outcome-decisions"
            write_outcome_report(audit, sub, title="Outcome audit of recruiter decisions")
            print(f"decisions audit: min impact ratio {_num(audit.min_impact_ratio())}; {sub / 'report.md'}")
    print(f"report: {out / 'report.md'} (also report.html, report.json)")
    return 0 if result.passed else 1
