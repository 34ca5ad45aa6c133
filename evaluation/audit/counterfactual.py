"""Counterfactual tests: the same resume text with one protected signal changed, re-parsed and ranked.

Edits (each applied to a resume's text, then `parse_resume_text` and `rank_resumes` run as in production):
- name: the first name replaced by names of every race x sex group (evaluation/data/names.csv);
- gender: gendered words swapped to one sex and a "Pronouns: she/her" or "he/him" line added;
- age: graduation years shifted 10 years earlier or removed, the first job's years shifted or removed;
- noise floor: typos and reformatting, edits that carry no demographic signal at all;
- input order: the pool ranked in shuffled orders.
Each variant is ranked in one pool with the original resumes, so its rank is counted among the other
originals. Figures: paired score differences, rank changes (mean, p95), top-k flip rate, Kendall tau,
and the share of paired tests (Wilcoxon signed-rank, Holm-corrected) finding a group difference.
"""

from __future__ import annotations

import hashlib
import logging
import math
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from evaluation import fairness as fm
from evaluation.audit.names import TestName

if TYPE_CHECKING:
    from models.job import Job
    from models.match import Match
    from models.resume import Resume

log = logging.getLogger(__name__)

__all__ = [
    "CachingEmbedder",
    "Variant",
    "add_typos",
    "build_variants",
    "find_first_name",
    "reformat",
    "remove_years",
    "set_gender",
    "shift_years",
    "swap_first_name",
]

TOL = 1e-9
_YEAR_RE = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-3]\d)(?!\d)")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_RE = re.compile(rf"(?:{_MONTH}\s+|\d{{1,2}}/)?(?:19[5-9]\d|20[0-3]\d)(?!\d)", re.IGNORECASE)
_EMAIL_RE = re.compile(r"([\w.+\-]+)@[\w\-]+(?:\.[\w\-]+)+")
_NAME_TOKEN_RE = re.compile(r"^[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*$")

# gendered word -> (female form, male form)
_GENDER_PAIRS: list[tuple[str, str]] = [
    ("she", "he"),
    ("her", "his"),
    ("hers", "his"),
    ("herself", "himself"),
    ("woman", "man"),
    ("women", "men"),
    ("women's", "men's"),
    ("female", "male"),
    ("girl", "boy"),
    ("girls", "boys"),
    ("sister", "brother"),
    ("mother", "father"),
    ("wife", "husband"),
    ("daughter", "son"),
    ("ms", "mr"),
    ("mrs", "mr"),
    ("chairwoman", "chairman"),
    ("spokeswoman", "spokesman"),
    ("saleswoman", "salesman"),
    ("businesswoman", "businessman"),
    ("sorority", "fraternity"),
    ("waitress", "waiter"),
    ("actress", "actor"),
]
_TO_FEMALE: dict[str, str] = {"him": "her"}
_TO_MALE: dict[str, str] = {}
for _f, _m in _GENDER_PAIRS:  # the first pair wins: "his" -> "her", "mr" -> "ms"
    _TO_FEMALE.setdefault(_m, _f)
    _TO_MALE.setdefault(_f, _m)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z']*")


# ---------------------------------------------------------------- text edits


def find_first_name(text: str, resume: Resume | None = None) -> str | None:
    """The candidate's first name as written in `text`, or None when it cannot be told reliably.

    Candidates come from the parsed contact name, the first line and name-like lines near the top; when the
    resume has an email address, the first name must agree with its local part (so a heading such as
    "UX Design" misread as the name is not taken), and a word of the text matching the local part's first
    segment is used when no candidate agrees.
    """
    lines = [ln.strip().lstrip("# ").strip() for ln in text.splitlines() if ln.strip()]
    candidates: list[str] = []
    if resume is not None and resume.contact.name is not None:
        candidates.append(resume.contact.name.value)
    candidates += lines[:1] + [ln for ln in lines[1:15] if 2 <= len(ln.split()) <= 4]
    email = _EMAIL_RE.search(text)
    local = _ascii_fold(email.group(1)).lower() if email else None
    segments = [seg for seg in re.split(r"[._\-+\d]+", local) if seg] if local else []

    def present(word: str) -> bool:
        return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None

    for cand in candidates:
        tokens = cand.split()
        if not (2 <= len(tokens) <= 4 and tokens[0][:1].isupper() and _NAME_TOKEN_RE.match(tokens[0])):
            continue
        first = tokens[0]
        if local is not None and _ascii_fold(first).lower() not in segments:
            continue
        if present(first):
            return first
    if segments and len(segments[0]) >= 2:
        for m in re.finditer(r"[^\W\d_][\w'\-]*", text):
            word = m.group(0)
            if word[:1].isupper() and _ascii_fold(word).lower() == segments[0]:
                return word
    return None


def _ascii_fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


def swap_first_name(text: str, old: str, new: str) -> str:
    """Replace the first name `old` by `new` wherever it stands as a word, in its case, and in email addresses
    (lower case, accents dropped as email addresses usually write them)."""
    forms = {old: new, old.upper(): new.upper(), old.lower(): new.lower()}
    forms.setdefault(_ascii_fold(old).lower(), _ascii_fold(new).lower())
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True) if f)
    pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")

    def repl(m: re.Match[str]) -> str:
        return forms[m.group(1)]

    return pattern.sub(repl, text)


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def set_gender(text: str, to: str) -> str:
    """Swap gendered words to `to` ("female" or "male") and add a pronouns line after the first line."""
    table = _TO_FEMALE if to == "female" else _TO_MALE

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        target = table.get(word.lower())
        return _match_case(word, target) if target else word

    swapped = _WORD_RE.sub(repl, text)
    pronouns = "Pronouns: she/her" if to == "female" else "Pronouns: he/him"
    head, sep, rest = swapped.partition("\n")
    return f"{head}\n{pronouns}{sep}{rest}" if sep else f"{head}\n{pronouns}"


def _in_spans(pos: int, spans: Sequence[tuple[int, int]] | None) -> bool:
    return spans is None or any(a <= pos < b for a, b in spans)


def shift_years(text: str, delta: int, spans: Sequence[tuple[int, int]] | None = None) -> str:
    """Add `delta` to every year (1950-2039) inside `spans` (everywhere when None)."""
    return _YEAR_RE.sub(
        lambda m: str(int(m.group(0)) + delta) if _in_spans(m.start(), spans) else m.group(0), text
    )


def remove_years(text: str, spans: Sequence[tuple[int, int]] | None = None) -> str:
    """Delete dates (month + year, or year) inside `spans` and the dash left between them."""
    out = _DATE_RE.sub(lambda m: "\x00" if _in_spans(m.start(), spans) else m.group(0), text)
    out = re.sub(r"\x00\s*(?:[-–—]|to)\s*(?:\x00|Present|Current|Now)?", "", out, flags=re.IGNORECASE)
    out = out.replace("\x00", "")
    return re.sub(r"[ \t]*[,|(]\s*[)]?[ \t]*$", "", out, flags=re.MULTILINE)


def add_typos(text: str, n: int = 3, seed: int = 0, skip_lines: int = 1) -> str:
    """Swap two inner letters in `n` random longer words (after the first `skip_lines` lines)."""
    rng = random.Random(seed)
    lines = text.split("\n")
    offset = sum(len(ln) + 1 for ln in lines[:skip_lines])
    words = [m for m in re.finditer(r"[A-Za-z]{6,}", text) if m.start() >= offset]
    chars = list(text)
    for m in rng.sample(words, min(n, len(words))):
        i = rng.randrange(m.start() + 1, m.end() - 2)
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def reformat(text: str) -> str:
    """Change layout only: bullets to dashes, a blank line after each block, trailing spaces, CRLF-free."""
    out = re.sub(r"^([ \t]*)[•●▪◦*·]\s*", r"\1- ", text, flags=re.MULTILINE)
    out = re.sub(r"\n{2,}", "\n\n\n", out)
    return "\n".join(line + "  " if line.strip() else line for line in out.split("\n"))


# ---------------------------------------------------------------- variants


@dataclass(frozen=True)
class Variant:
    """One edited copy of a base resume."""

    id: str
    base_id: str
    kind: str  # "name", "gender", "age", "noise"
    label: str  # e.g. the name used, "female", "graduation years -10", "typos"
    group: str | None  # race x sex group for names, sex for gender
    text: str


def _section_spans(resume: Resume, kind: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in resume.sections if s.kind == kind]


def _first_job_spans(resume: Resume) -> list[tuple[int, int]]:
    dated = [w for w in resume.work if w.start is not None]
    if not dated:
        return []
    first = min(dated, key=lambda w: w.start.ordinal() if w.start else 0)
    span = first.dates_evidence or first.evidence
    return [(span.start, span.end)] if span else []


def build_variants(
    base_id: str,
    text: str,
    resume: Resume,
    names: dict[str, list[TestName]],
    *,
    kinds: Sequence[str] = ("name", "gender", "age", "noise"),
) -> list[Variant]:
    """Every counterfactual and noise variant of one resume (name variants only when its first name is found)."""
    out: list[Variant] = []
    if "name" in kinds:
        first = find_first_name(text, resume)
        if first is not None:
            for group, members in names.items():
                for nm in members:
                    out.append(
                        Variant(
                            f"{base_id}::name::{nm.first_name}",
                            base_id,
                            "name",
                            nm.first_name,
                            group,
                            swap_first_name(text, first, nm.first_name),
                        )
                    )
    if "gender" in kinds:
        for sex in ("female", "male"):
            out.append(
                Variant(f"{base_id}::gender::{sex}", base_id, "gender", sex, sex, set_gender(text, sex))
            )
    if "age" in kinds:
        edu = _section_spans(resume, "education")
        job = _first_job_spans(resume)
        edits = []
        if edu and _YEAR_RE.search(text[edu[0][0] : edu[-1][1]]):
            edits += [
                ("graduation years -10", shift_years(text, -10, edu)),
                ("graduation years removed", remove_years(text, edu)),
            ]
        if job:
            edits += [
                ("first job years -10", shift_years(text, -10, job)),
                ("first job years removed", remove_years(text, job)),
            ]
        for label, edited in edits:
            if edited != text:
                out.append(Variant(f"{base_id}::age::{label}", base_id, "age", label, None, edited))
    if "noise" in kinds:
        for label, edited in (
            ("typos", add_typos(text, 3, seed=1)),
            ("typos (other words)", add_typos(text, 3, seed=2)),
            ("reformatted", reformat(text)),
        ):
            out.append(Variant(f"{base_id}::noise::{label}", base_id, "noise", label, None, edited))
    return out


class CachingEmbedder:
    """Wraps an embedder and caches vectors by text, so identical texts (blind name swaps) embed once."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.hits = 0
        self.misses = 0
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        todo: dict[str, str] = {}
        for k, t in zip(keys, texts, strict=True):
            if k not in self._cache and k not in todo:
                todo[k] = t
        self.misses += len(todo)
        self.hits += len(texts) - len(todo)
        if todo:
            vecs = np.asarray(self.inner.encode(list(todo.values())), dtype=np.float32)
            for k, v in zip(todo, vecs, strict=True):
                self._cache[k] = v
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])


# ---------------------------------------------------------------- the suite


@dataclass
class JobCounterfactuals:
    """Counterfactual figures for one job and one blinding setting."""

    job_id: str
    blind: bool
    n_resumes: int
    top_k: int
    base_scores: dict[str, float]
    variant_scores: dict[str, float]
    summary: dict[str, dict[str, float]] = field(default_factory=dict)  # kind -> figures
    group_means: dict[str, float] = field(default_factory=dict)  # name group -> mean score change
    tests: list[dict[str, Any]] = field(default_factory=list)  # paired tests
    rank_changes: dict[str, list[float]] = field(default_factory=dict)  # kind -> rank changes
    order: dict[str, float] = field(default_factory=dict)  # input-order shuffle figures


def _ranks_among(base: np.ndarray, i: int, score: float) -> float:
    others = np.delete(base, i)
    return 1.0 + float(np.sum(others > score + TOL)) + 0.5 * float(np.sum(np.abs(others - score) <= TOL))


def _scores_of(matches: Sequence[Match]) -> dict[str, float]:
    return {m.candidate_id: float(m.score) for m in matches}


def run_job(
    job: Job,
    base: Sequence[tuple[str, Resume]],
    variants: Sequence[tuple[Variant, Resume]],
    *,
    rank: Callable[..., list[Match]],
    embedder: Any,
    blind: bool,
    top_k: int = 10,
    order_shuffles: int = 2,
    seed: int = 0,
    precomputed: dict[str, Any] | None = None,
) -> JobCounterfactuals:
    """Rank the base resumes together with every variant for one job and compute the paired figures.

    `precomputed` may hold `resume_vectors` and `lexical_tokens` for the pool (base then variants, the
    order used here), passed on to `rank`: they do not depend on the job, so an audit over several jobs
    computes them once, as the talent pool does at ingest.
    """
    pool = [*base, *[(v.id, r) for v, r in variants]]
    scores = _scores_of(rank(job, pool, embedder=embedder, blind=blind, **(precomputed or {})))
    base_ids = [bid for bid, _ in base]
    base_arr = np.array([scores[b] for b in base_ids])
    index = {b: i for i, b in enumerate(base_ids)}
    n = len(base_ids)
    k = max(1, min(top_k, n // 3 if n >= 3 else 1))
    base_rank = {b: _ranks_among(base_arr, i, base_arr[i]) for b, i in index.items()}
    out = JobCounterfactuals(
        job_id=job.id or "job",
        blind=blind,
        n_resumes=n,
        top_k=k,
        base_scores={b: scores[b] for b in base_ids},
        variant_scores={v.id: scores[v.id] for v, _ in variants},
    )
    by_kind: dict[str, list[Variant]] = {}
    for v, _ in variants:
        by_kind.setdefault(v.kind, []).append(v)
    for kind, vs in by_kind.items():
        diffs = np.array([scores[v.id] - scores[v.base_id] for v in vs])
        rchg = []
        flips = 0
        for v in vs:
            i = index[v.base_id]
            r_v = _ranks_among(base_arr, i, scores[v.id])
            rchg.append(r_v - base_rank[v.base_id])
            flips += (r_v <= k) != (base_rank[v.base_id] <= k)
        absr = np.abs(rchg)
        taus = _taus(vs, scores, base_ids, base_arr)
        out.rank_changes[kind] = [float(x) for x in rchg]
        out.summary[kind] = {
            "variants": float(len(vs)),
            "mean_abs_score_change": float(np.mean(np.abs(diffs))),
            "max_abs_score_change": float(np.max(np.abs(diffs))),
            "mean_score_change": float(np.mean(diffs)),
            "share_score_changed": float(np.mean(np.abs(diffs) > TOL)),
            "mean_abs_rank_change": float(np.mean(absr)),
            "p95_abs_rank_change": float(np.percentile(absr, 95)),
            "max_abs_rank_change": float(np.max(absr)),
            f"top{k}_flip_rate": flips / len(vs),
            "kendall_tau_mean": float(np.mean(taus)) if taus else float("nan"),
            "kendall_tau_min": float(np.min(taus)) if taus else float("nan"),
        }
    out.tests = _paired_tests(by_kind, scores, base_ids)
    names = by_kind.get("name", [])
    for g in sorted({v.group for v in names if v.group}):
        d = [scores[v.id] - scores[v.base_id] for v in names if v.group == g]
        out.group_means[g] = float(np.mean(d))
    out.order = _order_shuffles(
        job, base, rank=rank, embedder=embedder, blind=blind, scores=scores, n=order_shuffles, seed=seed
    )
    return out


def _taus(
    vs: Sequence[Variant], scores: dict[str, float], base_ids: list[str], base_arr: np.ndarray
) -> list[float]:
    """Kendall tau between the original ranking and the ranking where every resume carries the same edit."""
    by_label: dict[str, dict[str, float]] = {}
    for v in vs:
        by_label.setdefault(v.label, {})[v.base_id] = scores[v.id]
    taus = []
    for per_base in by_label.values():
        ids = [b for b in base_ids if b in per_base]
        if len(ids) < 3:
            continue
        a = np.array([base_arr[base_ids.index(b)] for b in ids])
        taus.append(fm.kendall_tau(a, [per_base[b] for b in ids]))
    return taus


def _paired_tests(
    by_kind: dict[str, list[Variant]], scores: dict[str, float], base_ids: list[str]
) -> list[dict[str, Any]]:
    tests: list[dict[str, Any]] = []
    # names: per resume, mean score under each group's names; every pair of groups
    per: dict[str, dict[str, list[float]]] = {}
    for v in by_kind.get("name", []):
        per.setdefault(v.group or "", {}).setdefault(v.base_id, []).append(scores[v.id])
    groups = sorted(per)
    for a_i, a in enumerate(groups):
        for b in groups[a_i + 1 :]:
            ids = [x for x in base_ids if x in per[a] and x in per[b]]
            d = [float(np.mean(per[a][x]) - np.mean(per[b][x])) for x in ids]
            if d:
                tests.append(
                    {
                        "kind": "name",
                        "test": f"{a} vs {b}",
                        "n": len(d),
                        "mean_diff": float(np.mean(d)),
                        "p": fm.paired_test(d),
                    }
                )
    gender = {(v.base_id, v.label): scores[v.id] for v in by_kind.get("gender", [])}
    d = [
        gender[(b, "female")] - gender[(b, "male")]
        for b in base_ids
        if (b, "female") in gender and (b, "male") in gender
    ]
    if d:
        tests.append(
            {
                "kind": "gender",
                "test": "female vs male wording",
                "n": len(d),
                "mean_diff": float(np.mean(d)),
                "p": fm.paired_test(d),
            }
        )
    for kind in ("age", "noise"):
        labels = sorted({v.label for v in by_kind.get(kind, [])})
        for label in labels:
            d = [scores[v.id] - scores[v.base_id] for v in by_kind[kind] if v.label == label]
            tests.append(
                {
                    "kind": kind,
                    "test": f"{label} vs original",
                    "n": len(d),
                    "mean_diff": float(np.mean(d)),
                    "p": fm.paired_test(d),
                }
            )
    return tests


def _order_shuffles(
    job: Job,
    base: Sequence[tuple[str, Resume]],
    *,
    rank: Callable[..., list[Match]],
    embedder: Any,
    blind: bool,
    scores: dict[str, float],
    n: int,
    seed: int,
) -> dict[str, float]:
    """Rank the original pool alone in its order and in `n` shuffled orders; compare scores and positions."""
    if n <= 0:
        return {}
    ref = rank(job, list(base), embedder=embedder, blind=blind)
    ref_scores = _scores_of(ref)
    ref_pos = {m.candidate_id: i for i, m in enumerate(ref)}
    rng = random.Random(seed)
    max_diff = 0.0
    taus = []
    moved = 0
    for _ in range(n):
        shuffled = list(base)
        rng.shuffle(shuffled)
        res = rank(job, shuffled, embedder=embedder, blind=blind)
        s = _scores_of(res)
        max_diff = max(max_diff, max(abs(s[c] - ref_scores[c]) for c in ref_scores))
        pos = {m.candidate_id: i for i, m in enumerate(res)}
        ids = list(ref_pos)
        taus.append(fm.kendall_tau([ref_pos[c] for c in ids], [pos[c] for c in ids]))
        moved += sum(pos[c] != ref_pos[c] for c in ids)
    in_pool = max((abs(ref_scores[c] - scores[c]) for c in ref_scores), default=0.0)
    return {
        "shuffles": float(n),
        "max_abs_score_change": max_diff,
        "kendall_tau_positions_min": float(min(taus)),
        "share_positions_moved": moved / (n * len(ref_pos)) if ref_pos else 0.0,
        "max_abs_score_change_alone_vs_with_variants": in_pool,
    }


def correct_tests(results: Sequence[JobCounterfactuals], alpha: float = 0.05) -> dict[str, dict[str, float]]:
    """Holm-correct every demographic paired test over all jobs; share significant per kind (noise separately)."""
    tests = [t for r in results for t in r.tests]
    demo = [t for t in tests if t["kind"] != "noise"]
    for t, p in zip(demo, fm.holm([t["p"] for t in demo]), strict=True):
        t["p_holm"] = p
    noise = [t for t in tests if t["kind"] == "noise"]
    for t, p in zip(noise, fm.holm([t["p"] for t in noise]), strict=True):
        t["p_holm"] = p
    out: dict[str, dict[str, float]] = {}
    for kind in sorted({t["kind"] for t in tests}):
        ts = [t for t in tests if t["kind"] == kind]
        sig = sum(1 for t in ts if not math.isnan(t["p_holm"]) and t["p_holm"] < alpha)
        out[kind] = {
            "tests": float(len(ts)),
            "significant": float(sig),
            "share_significant": sig / len(ts) if ts else 0.0,
        }
    return out


_PRONOUN_RE = re.compile(r"\b(?:he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)


def scan_scored_text(items: Sequence[tuple[str, str, Resume]], *, blind: bool) -> dict[str, Any]:
    """Which protected signals reach the text that is embedded or scored (profile, lexical text, headline).

    A direct look beside the counterfactual scores: a name in the scored text may not move a score today
    (lexical scoring counts only job terms) but is a blinding gap all the same. Returns the share of resumes
    whose scored text holds each signal, and the ids where the first name or surname got through.
    """
    from matcher.profile import profile_text
    from matcher.ranking import lexical_text, resume_headline

    counts = {"first_name": 0, "surname": 0, "email": 0, "gendered_pronoun": 0, "year": 0}
    leaked: list[str] = []
    checked = 0
    for cid, text, resume in items:
        scored = "\n".join(
            [
                profile_text(resume, blind=blind),
                lexical_text(resume, blind=blind),
                resume_headline(resume, blind=blind) or "",
            ]
        )
        checked += 1
        first = find_first_name(text, resume)
        surname = None
        if first is not None:
            m = re.search(rf"(?<![\w-]){re.escape(first)}\s+([^\W\d_][\w'\-]+)", text)
            surname = m.group(1) if m else None
        hit_first = (
            first is not None and re.search(rf"(?<![\w-]){re.escape(first)}(?![\w-])", scored) is not None
        )
        hit_last = (
            surname is not None and re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", scored) is not None
        )
        counts["first_name"] += hit_first
        counts["surname"] += hit_last
        counts["email"] += _EMAIL_RE.search(scored) is not None
        counts["gendered_pronoun"] += _PRONOUN_RE.search(scored) is not None
        counts["year"] += _YEAR_RE.search(scored) is not None
        if hit_first or hit_last:
            leaked.append(cid)
    share = {k: v / checked if checked else 0.0 for k, v in counts.items()}
    return {"resumes": checked, "share_with": share, "name_leaked_ids": leaked}
