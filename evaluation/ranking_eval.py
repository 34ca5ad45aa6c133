"""Ranking evaluation on the livecareer dev set: Shortlist against BM25, TF-IDF and plain MiniLM baselines.

For each of the 33 dev job posts (3 for each of 11 occupations) every resume of
`ranking/livecareer_dev` is ranked; a resume is relevant when its category is the job's occupation.
NDCG@10, P@10 and MAP@100 are printed per occupation and overall for every system, in one run, and
NDCG@10 on posts 1-2 of each occupation apart from post 3 (the default weights were chosen on posts 1-2).

Parsed resumes and embeddings are cached under $SHORTLIST_EVAL_CACHE (default ~/.cache/shortlist-eval),
keyed by the PDF's hash and a hash of the parser sources, so reruns take seconds.
`python -m evaluation.ranking_eval --variants` also compares what text to embed (profile, whole text,
chunks) and prints the figures.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from evaluation.datasets import JOB_POST_CATEGORIES
from evaluation.metrics import average_precision_at_k, mean, ndcg_at_k, precision_at_k
from models.errors import ConfigError, ParseError
from models.job import Job
from models.resume import Resume
from parsers.packaged import default_data_dir

log = logging.getLogger(__name__)

__all__ = [
    "OCCUPATION_CATEGORY",
    "EvalJob",
    "EvalResume",
    "VectorCache",
    "evaluate",
    "load_jobs",
    "load_resumes",
    "post_split",
    "run",
    "shared_data_dir",
]

OCCUPATION_CATEGORY: dict[str, str] = JOB_POST_CATEGORIES  # job-post occupation -> livecareer folder
REFERENCE_DATE = date(2024, 1, 1)  # fixed "today" so durations and recency are reproducible
METRICS = ("ndcg@10", "p@10", "map@100")
SYSTEMS = ("shortlist", "bm25", "tfidf", "minilm")
_REPO = Path(__file__).resolve().parents[1]


def shared_data_dir(arg: str | None = None) -> Path:
    """The shared data folder: the argument, $SHORTLIST_SHARED_DATA, or ../shared/data beside the repo."""
    return (Path(arg) if arg else default_data_dir()).resolve()


def cache_dir() -> Path:
    """Where parsed resumes and vectors are cached."""
    path = Path(os.environ.get("SHORTLIST_EVAL_CACHE") or Path.home() / ".cache" / "shortlist-eval")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sha(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _sources_hash(names: Iterable[str]) -> str:
    """A hash of the named parser sources (and data files), so a parser change invalidates the cache."""
    h = hashlib.sha256()
    for name in sorted(names):
        for path in sorted((_REPO / "parsers").glob(name)):
            if path.is_file():
                h.update(path.name.encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


_EXTRACT_SOURCES = ("extract.py", "pdf.py", "detect.py", "limits.py", "text.py")


# The occupation index is read by the matcher, not by the resume parser: a change there keeps the parse cache.
_NOT_PARSING = ("occupations",)


def _parse_sources_key() -> str:
    all_py = [
        p.name
        for p in (_REPO / "parsers").glob("*.py")
        if p.name not in _EXTRACT_SOURCES and not p.name.startswith(_NOT_PARSING)
    ]
    data = [
        f"data/{p.name}"
        for p in (_REPO / "parsers" / "data").glob("*")
        if not p.name.startswith(_NOT_PARSING)
    ]
    return _sources_hash([*all_py, *data])


# ---------------------------------------------------------------- data


@dataclass
class EvalResume:
    """One dev resume: id "CATEGORY/stem", its category, and the parsed resume."""

    id: str
    category: str
    resume: Resume


@dataclass
class EvalJob:
    """One dev job post."""

    id: str
    occupation: str
    category: str
    job: Job


def _make_job(text: str, job_id: str) -> Job:
    title = text.strip().splitlines()[0].strip() if text.strip() else None
    try:
        from parsers.job import parse_job
    except ImportError:
        log.info("parsers.job not available: jobs carry only title and text")
        return Job(id=job_id, title=title, text=text)
    job = parse_job(text, title=title, job_id=job_id)
    return job


def load_jobs(data: Path) -> list[EvalJob]:
    """The 33 dev job posts, parsed."""
    path = data / "ranking" / "job_posts_dev" / "job_posts_dev.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    counts: dict[str, int] = {}
    for row in rows:
        occ = row["occupation"].strip()
        counts[occ] = counts.get(occ, 0) + 1
        job_id = f"{occ}-{counts[occ]}"
        out.append(EvalJob(job_id, occ, OCCUPATION_CATEGORY[occ], _make_job(row["post"], job_id)))
    return out


def _write_atomic(path: Path, text: str) -> None:
    """Write then rename, so a concurrent reader never sees half a file."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _read_cached(path: Path) -> Resume | None:
    try:
        return Resume.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing, or left broken by an interrupted run
        return None


def _extract_text(data: bytes, cache: Path, key: str) -> tuple[str, str]:
    path = cache / "text" / key[:2] / f"{key}.json"
    if path.exists():
        stored = json.loads(path.read_text(encoding="utf-8"))
        return str(stored["text"]), str(stored["format"])
    from parsers.extract import extract_document

    doc = extract_document(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(path, json.dumps({"text": doc.text, "format": doc.format}))
    return doc.text, doc.format


def load_resumes(data: Path, *, limit: int | None = None, progress: bool = True) -> list[EvalResume]:
    """Every dev resume (or the first `limit` per category), parsed, from the cache when possible."""
    from parsers.resume import parse_resume_text

    root = data / "ranking" / "livecareer_dev"
    files = []
    for cat_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        pdfs = sorted(cat_dir.glob("*.pdf"))
        files.extend(pdfs[:limit] if limit else pdfs)
    cache = cache_dir()
    ext_key = _sources_hash(_EXTRACT_SOURCES)
    parse_key = _parse_sources_key()
    parsed_dir = cache / "parsed" / parse_key
    parsed_dir.mkdir(parents=True, exist_ok=True)
    out: list[EvalResume] = []
    t0 = time.perf_counter()
    fresh = 0
    for i, pdf in enumerate(files):
        raw = pdf.read_bytes()
        file_key = _sha(raw)[:32]
        target = parsed_dir / f"{file_key}-{ext_key}.json"
        resume = _read_cached(target)
        if resume is None:
            try:
                text, fmt = _extract_text(raw, cache, f"{file_key}-{ext_key}")
                resume = parse_resume_text(text, source_format=fmt, today=REFERENCE_DATE)
            except ParseError as exc:
                log.warning("skipping %s: %s", pdf.name, exc.code)
                resume = Resume(text="", warnings=[f"unparsable: {exc.code}"])
            _write_atomic(target, resume.model_dump_json())
            fresh += 1
            if progress and fresh % 100 == 0:
                print(f"  parsed {i + 1}/{len(files)} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        out.append(EvalResume(f"{pdf.parent.name}/{pdf.stem}", pdf.parent.name, resume))
    return out


class VectorCache:
    """Embeddings of texts on disk, keyed by (embedder name, text hash); encodes only what is missing."""

    def __init__(self, root: Path, embedder: Any) -> None:
        self.embedder = embedder
        self.dir = root / "vectors" / str(embedder.name).replace("/", "_")
        self.dir.mkdir(parents=True, exist_ok=True)
        self._index_path = self.dir / "index.json"
        self._vec_path = self.dir / "vectors.npy"
        self.index: dict[str, int] = {}
        self.vectors = np.zeros((0, int(embedder.dim)), dtype=np.float32)
        if self._index_path.exists() and self._vec_path.exists():
            self.index = json.loads(self._index_path.read_text())
            self.vectors = np.load(self._vec_path)

    def encode(self, texts: Sequence[str], *, label: str = "") -> np.ndarray:
        keys = [_sha(t) for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.index}.items())
        if missing:
            t0 = time.perf_counter()
            print(f"  embedding {len(missing)} {label} texts with {self.embedder.name}", file=sys.stderr)
            new = np.zeros((0, self.vectors.shape[1]), dtype=np.float32)
            for start in range(0, len(missing), 256):
                chunk = missing[start : start + 256]
                new = np.vstack([new, self.embedder.encode([t for _, t in chunk])])
            base = len(self.vectors)
            for j, (k, _) in enumerate(missing):
                self.index[k] = base + j
            self.vectors = np.vstack([self.vectors, new]).astype(np.float32)
            # write then rename, so a reader never sees half a file
            tmp_vec = self._vec_path.with_suffix(f".{os.getpid()}.npy")
            np.save(tmp_vec, self.vectors)
            tmp_vec.replace(self._vec_path)
            tmp_idx = self._index_path.with_suffix(f".{os.getpid()}.json")
            tmp_idx.write_text(json.dumps(self.index))
            tmp_idx.replace(self._index_path)
            print(f"  ... {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        return self.vectors[[self.index[k] for k in keys]]


# ---------------------------------------------------------------- systems


def _order(ids: Sequence[str], scores: np.ndarray) -> list[str]:
    return [ids[i] for i in sorted(range(len(ids)), key=lambda i: (-float(scores[i]), ids[i]))]


def evaluate(
    rankings: dict[str, list[str]], jobs: Sequence[EvalJob], resumes: Sequence[EvalResume]
) -> dict[str, dict[str, float]]:
    """Metrics per occupation and "overall" (mean over jobs) from ranked id lists keyed by job id."""
    by_cat: dict[str, set[str]] = {}
    for r in resumes:
        by_cat.setdefault(r.category, set()).add(r.id)
    per_job: dict[str, list[tuple[float, float, float]]] = {}
    for job in jobs:
        ranked = rankings[job.id]
        rel = by_cat.get(job.category, set())
        per_job.setdefault(job.occupation, []).append(
            (
                ndcg_at_k(ranked, rel, 10),
                precision_at_k(ranked, rel, 10),
                average_precision_at_k(ranked, rel, 100),
            )
        )
    out: dict[str, dict[str, float]] = {}
    for occ, vals in sorted(per_job.items()):
        out[occ] = {m: mean(v[i] for v in vals) for i, m in enumerate(METRICS)}
    every = [v for vals in per_job.values() for v in vals]
    out["overall"] = {m: mean(v[i] for v in every) for i, m in enumerate(METRICS)}
    return out


def _lexical_baselines(
    jobs: Sequence[EvalJob], resumes: Sequence[EvalResume]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    from matcher.lexical import BM25, TfidfIndex, tokenize

    ids = [r.id for r in resumes]
    toks = [tokenize(r.resume.text) for r in resumes]
    bm25, tfidf = BM25(toks), TfidfIndex(toks)
    bm, tf = {}, {}
    for job in jobs:
        q = tokenize(job.job.text)
        bm[job.id] = _order(ids, bm25.scores(q, query_tf=True))
        tf[job.id] = _order(ids, tfidf.cosine(q))
    return bm, tf


def _minilm_baseline(
    jobs: Sequence[EvalJob], resumes: Sequence[EvalResume], vcache: VectorCache
) -> dict[str, list[str]]:
    ids = [r.id for r in resumes]
    rv = vcache.encode([r.resume.text for r in resumes], label="raw resume")
    jv = vcache.encode([j.job.text for j in jobs], label="raw job")
    return {job.id: _order(ids, rv @ jv[i]) for i, job in enumerate(jobs)}


def _shortlist(
    jobs: Sequence[EvalJob],
    resumes: Sequence[EvalResume],
    vcache: VectorCache,
    *,
    weights: dict[str, float] | None = None,
    resume_vectors: np.ndarray | None = None,
    job_vectors: np.ndarray | None = None,
    lexical_tokens: Sequence[Sequence[str]] | None = None,
    text_vectors: np.ndarray | None = None,
    job_text_vectors: np.ndarray | None = None,
) -> dict[str, list[str]]:
    from matcher.lexical import tokenize
    from matcher.profile import profile_text
    from matcher.ranking import combine_job_vectors, job_embedding_texts, lexical_text, rank_resumes

    pairs = [(r.id, r.resume) for r in resumes]
    if resume_vectors is None:
        resume_vectors = vcache.encode([profile_text(r.resume) for r in resumes], label="profile")
    if job_vectors is None:
        job_vectors = np.stack(
            [combine_job_vectors(vcache.encode(job_embedding_texts(j.job), label="job")) for j in jobs]
        )
    if lexical_tokens is None:
        lexical_tokens = [tokenize(lexical_text(r.resume)) for r in resumes]
    if text_vectors is None:  # the second view: the blinded resume text (its head, at 256 tokens)
        text_vectors = vcache.encode([lexical_text(r.resume) for r in resumes], label="blinded text")
    if job_text_vectors is None:
        job_text_vectors = vcache.encode([j.job.text for j in jobs], label="raw job")
    out = {}
    for i, job in enumerate(jobs):
        matches = rank_resumes(
            job.job,
            pairs,
            embedder=None,
            weights=weights,
            resume_vectors=resume_vectors,
            job_vector=job_vectors[i],
            today=REFERENCE_DATE,
            lexical_tokens=lexical_tokens,
            text_vectors=text_vectors,
            job_text_vector=job_text_vectors[i],
        )
        out[job.id] = [m.candidate_id for m in matches]
    return out


# ---------------------------------------------------------------- report


def format_table(results: dict[str, dict[str, dict[str, float]]]) -> str:
    """Rows: occupations then overall; columns: each system's NDCG@10 / P@10 / MAP@100."""
    systems = list(results)
    occs = [o for o in next(iter(results.values())) if o != "overall"] + ["overall"]
    head = f"{'occupation':<13}" + "".join(f" | {s:^22}" for s in systems)
    sub = f"{'':<13}" + "".join(" | ndcg10  p@10  map100" for _ in systems)
    lines = [head, sub, "-" * len(sub)]
    for occ in occs:
        row = f"{occ:<13}"
        for s in systems:
            m = results[s][occ]
            row += f" | {m['ndcg@10']:6.3f} {m['p@10']:5.2f} {m['map@100']:7.3f}"
        lines.append(row)
    return "\n".join(lines)


def post_split(
    rankings: dict[str, dict[str, list[str]]], jobs: Sequence[EvalJob], resumes: Sequence[EvalResume]
) -> dict[str, dict[str, float]]:
    """NDCG@10 per system on posts 1-2 of each occupation and on post 3 (held out when choosing weights)."""
    first = [j for j in jobs if not j.id.endswith("-3")]
    third = [j for j in jobs if j.id.endswith("-3")]
    return {
        s: {
            "posts 1-2": evaluate(r, first, resumes)["overall"]["ndcg@10"],
            "post 3": evaluate(r, third, resumes)["overall"]["ndcg@10"],
        }
        for s, r in rankings.items()
    }


def check_targets(results: dict[str, dict[str, dict[str, float]]]) -> tuple[bool, list[str]]:
    """Shortlist mean NDCG@10 >= 1.10 x the best baseline's; no occupation more than 0.05 below it."""
    baselines = [s for s in results if s != "shortlist"]
    best = max(baselines, key=lambda s: results[s]["overall"]["ndcg@10"])
    ours = results["shortlist"]["overall"]["ndcg@10"]
    theirs = results[best]["overall"]["ndcg@10"]
    notes = [f"best baseline: {best} (NDCG@10 {theirs:.3f}); Shortlist {ours:.3f} ({ours / theirs - 1:+.1%})"]
    ok = ours >= 1.10 * theirs
    for occ, m in results["shortlist"].items():
        gap = m["ndcg@10"] - results[best][occ]["ndcg@10"]
        if gap < -0.05:
            ok = False
            notes.append(f"{occ}: {gap:+.3f} against {best}")
    return ok, notes


def run(args: Any) -> int:
    """`shortlist eval ranking`: print the table (and write JSON when asked); 0 on success."""
    from matcher.embedder import SentenceTransformerEmbedder

    data = shared_data_dir(getattr(args, "data", None))
    if not (data / "ranking" / "livecareer_dev").is_dir():
        raise ConfigError(f"ranking dev data not found under {data}")
    t0 = time.perf_counter()
    jobs = load_jobs(data)
    resumes = load_resumes(data, limit=getattr(args, "limit", None))
    print(f"{len(jobs)} job posts, {len(resumes)} resumes (loaded in {time.perf_counter() - t0:.0f} s)")
    vcache = VectorCache(cache_dir(), SentenceTransformerEmbedder())
    rankings: dict[str, dict[str, list[str]]] = {}
    rankings["shortlist"] = _shortlist(jobs, resumes, vcache)
    rankings["bm25"], rankings["tfidf"] = _lexical_baselines(jobs, resumes)
    rankings["minilm"] = _minilm_baseline(jobs, resumes, vcache)
    results = {s: evaluate(rankings[s], jobs, resumes) for s in SYSTEMS}
    print(format_table(results))
    split = post_split(rankings, jobs, resumes)
    print(
        "NDCG@10 on posts 1-2 / post 3 of each occupation: "
        + "; ".join(f"{s} {v['posts 1-2']:.3f} / {v['post 3']:.3f}" for s, v in split.items())
    )
    ok, notes = check_targets(results)
    for note in notes:
        print(note)
    print("targets met" if ok else "targets NOT met")
    json_out = getattr(args, "json_out", None)
    if json_out:
        Path(json_out).write_text(
            json.dumps(
                {"results": results, "post_split": split, "targets_met": ok, "notes": notes}, indent=2
            ),
            encoding="utf-8",
        )
    return 0


def _semantic_rankings(
    jobs: Sequence[EvalJob], ids: Sequence[str], rv: np.ndarray | list[np.ndarray], jv: np.ndarray
) -> dict[str, list[str]]:
    """Rank by cosine; `rv` is a matrix, or per resume a matrix of chunk vectors (max-sim)."""
    out = {}
    for i, job in enumerate(jobs):
        if isinstance(rv, np.ndarray):
            scores = rv @ jv[i]
        else:
            scores = np.array([float((c @ jv[i]).max()) if len(c) else 0.0 for c in rv])
        out[job.id] = _order(ids, scores)
    return out


def compare_variants(args: Any) -> int:
    """Measure what to embed: resume profile vs whole blinded text vs chunks (max-sim), and the job side.

    Prints semantic-only figures (cosine ranking) and full Shortlist figures for each resume variant.
    """
    from matcher.embedder import SentenceTransformerEmbedder
    from matcher.profile import blind_text, job_profile_text, profile_text, resume_chunks

    data = shared_data_dir(getattr(args, "data", None))
    jobs = load_jobs(data)
    resumes = load_resumes(data, limit=getattr(args, "limit", None))
    ids = [r.id for r in resumes]
    emb256 = VectorCache(cache_dir(), SentenceTransformerEmbedder())
    emb128 = VectorCache(cache_dir(), SentenceTransformerEmbedder(max_seq_length=128))
    job_sides = {
        "job profile": emb256.encode([job_profile_text(j.job) for j in jobs], label="job profile"),
        "job raw text": emb256.encode([j.job.text for j in jobs], label="raw job"),
        "job title": emb256.encode([j.job.title or "" for j in jobs], label="job title"),
    }
    t0 = time.perf_counter()
    resume_sides: dict[str, Any] = {
        "profile (<=700 chars)": emb256.encode([profile_text(r.resume) for r in resumes], label="profile"),
    }
    print(f"  profile embedding: {time.perf_counter() - t0:.0f} s (0 when cached)", file=sys.stderr)
    resume_sides["whole blinded text @256 tok"] = emb256.encode(
        [blind_text(r.resume.text, r.resume) for r in resumes], label="whole"
    )
    resume_sides["whole blinded text @128 tok"] = emb128.encode(
        [blind_text(r.resume.text, r.resume) for r in resumes], label="whole128"
    )
    chunks = [resume_chunks(r.resume, words=90, max_chunks=8) for r in resumes]
    flat = emb128.encode([c for cs in chunks for c in cs], label="chunk")
    split, at = [], 0
    for cs in chunks:
        split.append(flat[at : at + len(cs)])
        at += len(cs)
    resume_sides["chunks of 90 words, max-sim @128"] = split
    results: dict[str, dict[str, dict[str, float]]] = {}
    for rname, rv in resume_sides.items():
        for jname, jv in job_sides.items():
            key = f"cos {rname} / {jname}"
            results[key] = evaluate(_semantic_rankings(jobs, ids, rv, jv), jobs, resumes)
    for rname, rv in resume_sides.items():
        if not isinstance(rv, np.ndarray):
            continue
        key = f"shortlist with {rname}"
        results[key] = evaluate(_shortlist(jobs, resumes, emb256, resume_vectors=rv), jobs, resumes)
    for key, res in results.items():
        o = res["overall"]
        per = " ".join(f"{occ[:5]}:{m['ndcg@10']:.2f}" for occ, m in res.items() if occ != "overall")
        print(f"{key:<62} ndcg10 {o['ndcg@10']:.3f} p10 {o['p@10']:.3f} map100 {o['map@100']:.3f} | {per}")
    json_out = getattr(args, "json_out", None)
    if json_out:
        Path(json_out).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


def _main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", dest="json_out", default=None)
    parser.add_argument("--variants", action="store_true", help="compare embedding texts")
    args = parser.parse_args(argv)
    if args.variants:
        return compare_variants(args)
    return run(args)


if __name__ == "__main__":
    sys.exit(_main())
