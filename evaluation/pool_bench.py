"""`Pool.shortlist` on a large stored pool: p50/p95 wall and CPU time per new job (issue 6, the product path).

    python -m evaluation.pool_bench --n 100000 --jobs 20 --compare   # the path before value views beside it
    python -m evaluation.pool_bench --n 20000 --profile 10      # cProfile of 10 shortlists, top functions

The pool is built cheaply: a few hundred parsed generated resumes (the shortlist bench's templates) stored under
unique ids through `SqliteStore` (resume, blinded profile and text, ranking inputs, skills), each with its
template's two vectors (profile and text view, embedded once) plus a little noise, so every candidate is a
real stored row that `Pool.shortlist` reads back from SQLite. Each timed shortlist is of a job the pool has not
ranked before (job vectors embedded beforehand, the job's title caches dropped), as the bench's shortlist row.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import json
import logging
import pstats
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

TOP = 50
SETTLE_S = 0.25  # pause before each timed shortlist (see evaluation.bench.SETTLE_S)
BATCH = 5000  # candidates written per transaction while building


def _pct(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if values else float("nan")


def _noisy(base: np.ndarray, rng: np.random.Generator, scale: float) -> np.ndarray:
    v = base + rng.standard_normal(base.shape).astype(np.float32) * scale
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def build_pool(data_dir: Path, n: int, templates: int, seed: int, embedder: Any) -> None:
    """Store n candidates drawn from `templates` parsed generated resumes under `data_dir` (a Pool's layout)."""
    from evaluation.bench import _parsed_templates
    from matcher.lexical import tokenize
    from matcher.pool import DB_NAME
    from matcher.prepare import ranking_inputs_version, value_view_json
    from matcher.profile import blind_text, profile_text, resume_headline
    from matcher.store import SqliteStore
    from models import Candidate

    t0 = time.perf_counter()
    parsed = _parsed_templates(templates, seed)
    blinded = [blind_text(r.text, r) for r in parsed]
    profiles = [profile_text(r, blind=True) for r in parsed]
    tokens = [" ".join(tokenize(b)) for b in blinded]
    headlines = [resume_headline(r, blind=True) for r in parsed]
    views = [value_view_json(r) for r in parsed]
    prof_vecs = embedder.encode(profiles)
    text_vecs = embedder.encode(blinded)
    log.info("pool bench: %s templates parsed and embedded in %.1f s", len(parsed), time.perf_counter() - t0)
    rng = np.random.default_rng(seed)
    version = ranking_inputs_version()
    data_dir.mkdir(parents=True, exist_ok=True)
    store = SqliteStore(data_dir / DB_NAME, files_dir=data_dir / "files")
    t0 = time.perf_counter()
    try:
        for start in range(0, n, BATCH):
            idx = list(range(start, min(n, start + BATCH)))
            picks = [i % len(parsed) for i in idx]
            ids = [f"c{i:07d}" for i in idx]
            hashes = [hashlib.sha256(f"{seed}:{i}".encode()).hexdigest() for i in idx]
            with store.transaction():
                for cid, chash, t in zip(ids, hashes, picks, strict=True):
                    store.put_candidate(
                        Candidate(id=cid, resume=parsed[t], source_name=f"{cid}.txt", content_hash=chash),
                        profile=profiles[t],
                        lexical=blinded[t],
                    )
                store.put_ranking_inputs(
                    [
                        (cid, chash, version, tokens[t], headlines[t], views[t])
                        for cid, chash, t in zip(ids, hashes, picks, strict=True)
                    ]
                )
                store.put_embeddings(
                    list(zip(ids, _noisy(prof_vecs[picks], rng, 0.02), strict=True)), embedder.name
                )
                store.put_embeddings(
                    list(zip(ids, _noisy(text_vecs[picks], rng, 0.02), strict=True)), f"{embedder.name}#text"
                )
            log.info("pool bench: %s / %s stored (%.0f s)", idx[-1] + 1, n, time.perf_counter() - t0)
    finally:
        store.close()


def _make_embedder(name: str) -> Any:
    from matcher.embedder import HashingEmbedder, get_default_embedder

    return HashingEmbedder(dim=384) if name == "hashing" else get_default_embedder()


def open_pool(data_dir: Path, embedder: Any) -> Any:
    """The pool over a built store, its indexes loaded (HNSW built when large) and the heap frozen."""
    from evaluation.bench import SERVICE_APPROXIMATE_ABOVE, _jobs
    from matcher.pool import Pool
    from matcher.ranking import warm_up

    # as the service opens it (HNSW above its default threshold); text views are all stored already
    pool = Pool(
        data_dir, embedder=embedder, approximate_above=SERVICE_APPROXIMATE_ABOVE, text_views="shortlist"
    )
    t0 = time.perf_counter()
    _ = pool.index
    pool.wait_for_index_build()
    _ = pool.skill_index
    pool.shortlist(_jobs(1, 999)[0], top=TOP)  # loads the lexical recall, taxonomy and occupation tables
    log.info("pool bench: pool opened and warmed in %.1f s", time.perf_counter() - t0)
    warm_up()
    return pool


def time_shortlists(
    pool: Any, jobs: Sequence[Any], modes: Sequence[bool] = (True,)
) -> dict[str, dict[str, list[float]]]:
    """Wall and CPU ms of one shortlist per job and mode (`Pool.value_views` on or off), the modes interleaved
    job by job, each going first on every other job. The jobs' vectors are embedded first (not timed); before
    each timed shortlist the job's title caches and the pool's kept ranking inputs are dropped, so every
    shortlist reads its candidates from the store as the first shortlist of a new job does on a large pool."""
    from evaluation.bench import _forget_job
    from matcher.ranking import embed_job_text

    for job in jobs:
        pool.job_vector(job)
        pool._job_cached("text", job, embed_job_text)
    out: dict[str, dict[str, list[float]]] = {_mode(m): {"wall": [], "cpu": []} for m in modes}
    for j, job in enumerate(jobs):
        for mode in modes if j % 2 == 0 else modes[::-1]:
            pool.value_views = mode
            pool._tokens.clear()
            _forget_job(job)
            time.sleep(SETTLE_S)
            c0, t0 = time.process_time(), time.perf_counter()
            pool.shortlist(job, top=TOP)
            out[_mode(mode)]["wall"].append((time.perf_counter() - t0) * 1000)
            out[_mode(mode)]["cpu"].append((time.process_time() - c0) * 1000)
    pool.value_views = True
    return out


def _mode(value_views: bool) -> str:
    return "value views" if value_views else "full resumes (before)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="stored candidates")
    parser.add_argument("--templates", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=20, help="timed shortlists (each a new job)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--embedder", choices=("default", "hashing"), default="default")
    parser.add_argument("--data-dir", type=Path, help="reuse (or build once into) this directory")
    parser.add_argument("--profile", type=int, default=0, help="cProfile this many extra shortlists")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument(
        "--compare", action="store_true", help="also time the path before value views, interleaved"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    from evaluation.bench import _jobs
    from matcher.pool import DB_NAME

    embedder = _make_embedder(args.embedder)
    with tempfile.TemporaryDirectory(prefix="shortlist-pool-bench-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "pool"
        if not (data_dir / DB_NAME).exists():
            t0 = time.perf_counter()
            build_pool(data_dir, args.n, args.templates, args.seed, embedder)
            log.info("pool bench: built %s candidates in %.1f s", args.n, time.perf_counter() - t0)
        pool = open_pool(data_dir, embedder)
        try:
            jobs = _jobs(args.jobs + args.profile, args.seed + 11)
            modes = (True, False) if args.compare else (True,)
            got = time_shortlists(pool, jobs[: args.jobs], modes)
            result: dict[str, Any] = {"n": pool.count(), "jobs": args.jobs, "top": TOP}
            for name, times in got.items():
                result[name] = {
                    "wall_p50_ms": _pct(times["wall"], 50),
                    "wall_p95_ms": _pct(times["wall"], 95),
                    "cpu_p50_ms": _pct(times["cpu"], 50),
                    "cpu_p95_ms": _pct(times["cpu"], 95),
                    "cpu_mean_ms": float(np.mean(times["cpu"])),
                }
            print(f"Pool.shortlist top-{TOP}, {result['n']} stored candidates, {args.jobs} new jobs")
            print(
                f"{'path':24s} {'wall p50':>9s} {'wall p95':>9s} {'CPU p50':>9s} {'CPU p95':>9s} {'CPU mean':>9s}"
            )
            for name in got:
                r = result[name]
                print(
                    f"{name:24s} {r['wall_p50_ms']:9.1f} {r['wall_p95_ms']:9.1f} {r['cpu_p50_ms']:9.1f}"
                    f" {r['cpu_p95_ms']:9.1f} {r['cpu_mean_ms']:9.1f}"
                )
            if args.json:
                args.json.write_text(json.dumps(result, indent=1))
            if args.profile:
                rest = jobs[args.jobs :]
                prof = cProfile.Profile()
                gc.collect()
                from matcher.ranking import embed_job_text

                for job in rest:
                    pool.job_vector(job)
                    pool._job_cached("text", job, embed_job_text)
                prof.enable()
                for job in rest:
                    pool.shortlist(job, top=TOP)
                prof.disable()
                out = io.StringIO()
                pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(45)
                pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(30)
                print(out.getvalue())
        finally:
            pool.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
