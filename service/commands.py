"""CLI command functions (`shortlist parse|rank|ingest|shortlist|search|serve|keys`).

Each takes the parsed argparse Namespace and returns an exit code; `service.cli.main` turns a
`ShortlistError` into one line on stderr. Results go to stdout, progress and warnings to stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.errors import ParseError, ValidationFailed
from service.settings import Settings, get_settings

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from models.candidate import Candidate
    from models.job import Job
    from models.match import Match
    from parsers.limits import Limits
    from service.deps import Services

__all__ = [
    "RESUME_SUFFIXES",
    "cmd_ingest",
    "cmd_keys",
    "cmd_parse",
    "cmd_rank",
    "cmd_search",
    "cmd_serve",
    "cmd_shortlist",
    "collect_files",
]

RESUME_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown", ".html", ".htm"})


# ---- helpers ------------------------------------------------------------------------------------


def settings_for(args: argparse.Namespace) -> Settings:
    """The environment's settings with the command line's overrides (`--db`, `--host`, `--port`)."""
    settings = get_settings()
    update: dict[str, Any] = {}
    if getattr(args, "db", None):
        update["data_dir"] = Path(args.db)
    if getattr(args, "host", None):
        update["host"] = args.host
    if getattr(args, "port", None) is not None:
        update["port"] = args.port
    return settings.model_copy(update=update) if update else settings


def limits_for(settings: Settings) -> Limits:
    from parsers.limits import Limits

    return Limits(max_bytes=settings.max_upload_bytes, max_pages=settings.max_pages)


def read_file(path: str | Path, settings: Settings) -> bytes:
    """A file's bytes; a directory, an unreadable file or one over the size limit is bad input."""
    p = Path(path)
    if p.is_dir():
        raise ValidationFailed(f"{p} is a directory, not a file.")
    if p.exists() and p.stat().st_size > settings.max_upload_bytes:
        from models.errors import DocumentTooLarge

        raise DocumentTooLarge(f"{p} is over the {settings.max_upload_bytes:,} byte limit.")
    return p.read_bytes()  # FileNotFoundError becomes one line in cli.main


def collect_files(paths: Iterable[str]) -> list[Path]:
    """Files named directly, plus resume-like files found under named folders (sorted, recursive)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in RESUME_SUFFIXES))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(2, "No such file", str(p))
    return out


def read_job(path: str, settings: Settings) -> Job:
    """Parse a job description file (text, PDF, DOCX, HTML or Markdown)."""
    from parsers.extract import extract_document
    from parsers.job import parse_job

    text = extract_document(read_file(path, settings), limits=limits_for(settings)).text
    if not text.strip():
        raise ValidationFailed(f"The job description {path} is empty.")
    return parse_job(text, title=None, job_id=None)


def parse_weights(raw: str | None) -> dict[str, float] | None:
    """`--weights '{"semantic": 0.5}'` as a mapping; unknown features and bad values are errors."""
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationFailed(f"--weights is not valid JSON: {exc.msg}") from exc
    if not isinstance(value, dict) or not all(isinstance(v, int | float) for v in value.values()):
        raise ValidationFailed('--weights wants a JSON object of numbers, e.g. {"semantic": 0.5}')
    from service.routes.jobs import check_weights

    return check_weights({str(k): float(v) for k, v in value.items()})


def progress(items: Sequence[Any], desc: str) -> Iterable[Any]:
    """A progress bar on stderr when it is a terminal and the work is long enough to need one."""
    from tqdm import tqdm

    return tqdm(items, desc=desc, unit="file", disable=None if len(items) > 5 else True, file=sys.stderr)


def warn(message: str) -> None:
    print(f"shortlist: warning: {message}", file=sys.stderr)


def print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def match_json(m: Match, name: str | None = None) -> dict[str, Any]:
    e = m.explanation
    out: dict[str, Any] = {"rank": m.rank, "candidate_id": m.candidate_id}
    if name is not None:
        out["candidate"] = name
    out.update(
        {
            "score": round(m.score, 6),
            "contributions": [
                {
                    "feature": c.feature,
                    "value": round(c.value, 4),
                    "weight": round(c.weight, 4),
                    "contribution": round(c.contribution, 6),
                    "note": c.note,
                }
                for c in e.contributions
            ],
            "matched_skills": [s.name for s in e.matched_skills],
            "related_skills": [{"name": s.name, "via": s.via} for s in e.related_skills],
            "missing_skills": [s.name for s in e.missing_skills],
        }
    )
    return out


def print_matches_table(matches: Sequence[Match], names: dict[str, str]) -> None:
    if not matches:
        print("No candidates.")
        return
    for m in matches:
        e = m.explanation
        print(f"{m.rank:>3}  {m.score:6.3f}  {names.get(m.candidate_id, m.candidate_id)}")
        for c in e.contributions:
            note = f"  {c.note}" if c.note else ""
            print(f"       {c.feature:<22} {c.value:5.2f} x {c.weight:4.2f} = {c.contribution:6.3f}{note}")
        matched = ", ".join(s.name for s in e.matched_skills) or "-"
        missing = ", ".join(s.name for s in e.missing_skills) or "-"
        print(f"       matched: {matched}")
        if e.related_skills:
            print("       related: " + ", ".join(f"{s.name} (via {s.via})" for s in e.related_skills))
        print(f"       missing: {missing}")


def candidate_name(c: Candidate, blind: bool) -> str:
    from service.schemas import candidate_label, headline

    title = headline(c.resume)
    who = candidate_label(c.id) if blind or not c.source_name else f"{c.source_name} ({c.id[:8]})"
    return f"{who} - {title}" if title else who


# ---- commands -----------------------------------------------------------------------------------


def cmd_parse(args: argparse.Namespace) -> int:
    """Parse one resume and print it as JSON (native or JSON Resume)."""
    from parsers.resume import parse_resume

    settings = get_settings()
    resume = parse_resume(read_file(args.file, settings), limits=limits_for(settings))
    if args.format == "jsonresume":
        from parsers.jsonresume import to_json_resume

        print_json(to_json_resume(resume))
    else:
        print_json(resume.model_dump(mode="json"))
    return 0


def cmd_rank(args: argparse.Namespace) -> int:
    """Rank resume files for a job with no stored state."""
    from matcher.ranking import rank_resumes
    from parsers.resume import parse_resume
    from service.deps import build_embedder

    if args.top < 1:
        raise ValidationFailed("--top must be at least 1.")
    settings = get_settings()
    weights = parse_weights(args.weights)
    job = read_job(args.job_file, settings)
    files = collect_files(args.resumes)
    if not files:
        raise ValidationFailed("No resume files found (looked for .pdf, .docx, .txt, .md, .html).")
    resumes = []
    for path in progress(files, "parsing"):
        try:
            resumes.append((str(path), parse_resume(read_file(path, settings), limits=limits_for(settings))))
        except ParseError as exc:
            warn(f"skipped {path}: {exc.code}: {exc.message}")
    if not resumes:
        raise ValidationFailed("None of the resume files could be parsed.")
    matches = rank_resumes(
        job,
        resumes,
        embedder=build_embedder(settings),
        weights=weights,
        blind=not args.no_blind,
        top=args.top,
    )
    if args.format == "json":
        print_json([match_json(m) for m in matches])
    else:
        print_matches_table(matches, {})
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    """Parse files into the talent pool; exit 1 when some files failed."""
    from service.deps import build_pool

    settings = settings_for(args)
    files = collect_files(args.paths)
    if not files:
        raise ValidationFailed("No resume files found (looked for .pdf, .docx, .txt, .md, .html).")
    pool = build_pool(settings)
    added, failed = ingest_files(pool, files, settings)
    print(
        f"Added {len(added)} resume{'s' if len(added) != 1 else ''} to {settings.data_dir}"
        f" ({failed} failed); the pool holds {pool.count()}."
    )
    from service.deps import Services

    Services(settings).audit.record(
        "ingest", key_id=None, candidate_ids=[c.id for c in added], details={"via": "cli", "failed": failed}
    )
    return 1 if failed else 0


def ingest_files(pool: Any, files: Sequence[Path], settings: Settings) -> tuple[list[Candidate], int]:
    """Batch-add files (parsed in worker processes, embedded in batches) with a progress bar on stderr.

    Files over the size limit or that fail to parse are warnings. Returns (candidates added, failed count).
    """
    import os

    from tqdm import tqdm

    items: list[tuple[bytes, str]] = []
    failed = 0
    for path in files:
        try:
            items.append((read_file(path, settings), path.name))
        except ParseError as exc:
            failed += 1
            warn(f"skipped {path}: {exc.code}: {exc.message}")
    bar = tqdm(
        total=len(items),
        desc="ingesting",
        unit="file",
        file=sys.stderr,
        disable=None if len(items) > 5 else True,
    )
    state = {"done": 0}

    def update(done: int, _total: int) -> None:
        bar.update(done - state["done"])
        state["done"] = done

    try:
        workers = min(2, os.cpu_count() or 1) if len(items) >= 20 else 1
        results = pool.add_many(items, workers=workers, progress=update)
    finally:
        bar.close()
    added: list[Candidate] = []
    for r in results:
        if r.status == "failed":
            failed += 1
            warn(f"skipped {r.source_name}: {r.error_code}: {r.error}")
        elif r.status in ("added", "duplicate") and r.candidate is not None:
            added.append(r.candidate)
    return added, failed


def cmd_shortlist(args: argparse.Namespace) -> int:
    """Rank the stored pool for a job file (the job is not saved)."""
    from service.deps import build_pool

    if args.top < 1:
        raise ValidationFailed("--top must be at least 1.")
    settings = settings_for(args)
    job = read_job(args.job_file, settings)
    pool = build_pool(settings)
    if pool.count() == 0:
        raise ValidationFailed(f"The pool in {settings.data_dir} is empty: run `shortlist ingest` first.")
    matches = pool.shortlist(job, top=args.top, blind=settings.blind)
    names = {m.candidate_id: candidate_name(pool.get(m.candidate_id), settings.blind) for m in matches}
    if args.format == "json":
        print_json([match_json(m, names[m.candidate_id]) for m in matches])
    else:
        print_matches_table(matches, names)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """Search the pool by skills and text."""
    from service.deps import build_pool
    from service.routes.search import parse_min_years, run_search, split_list
    from service.schemas import SearchRequest

    settings = settings_for(args)
    req = SearchRequest(
        all_of=split_list([args.skills]),
        any_of=split_list([args.any]),
        min_years=parse_min_years(args.min_years),
        query=args.query,
        top=max(1, args.top),
    )
    out = run_search(build_pool(settings), req, settings)
    if args.format == "json":
        print(out.model_dump_json(indent=2))
        return 0
    if not out.items:
        print("No candidates match.")
    for i, hit in enumerate(out.items, 1):
        title = f" - {hit.headline}" if hit.headline else ""
        skills = ", ".join(hit.matched_skills)
        print(f"{i:>3}  {hit.score:6.3f}  {hit.label}{title}  [{skills}]")
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    """Create, list or revoke API keys."""
    from service.deps import Services

    services = Services(settings_for(args))
    if args.action == "create":
        record, plain = services.keys.create(args.name)
        services.audit.record("create_key", key_id=record.id, details={"via": "cli"})
        print(plain)
        print(
            f"Created key {record.id} ({record.name}). It is shown only once: store it now.",
            file=sys.stderr,
        )
    elif args.action == "list":
        keys = services.keys.list()
        if not keys:
            print("No API keys: create one with `shortlist keys create`.")
        for k in keys:
            state = f"revoked {k.revoked_at}" if k.revoked_at else "active"
            print(f"{k.id}  {k.name:<20}  created {k.created_at}  {state}")
    else:
        if not args.id:
            raise ValidationFailed("keys revoke needs --id KEY_ID (see `shortlist keys list`).")
        record = services.keys.revoke(args.id)
        services.audit.record("revoke_key", key_id=record.id, details={"via": "cli"})
        print(f"Revoked key {record.id} ({record.name}).")
    return 0


def _warm_up(services: Services) -> None:
    """Open the pool and load the embedding model (runs in a background thread)."""
    try:
        services.pool.embedder.encode(["warm up"])
    except Exception:  # a broken model dir is reported by the request that needs it
        log.exception("warm-up failed")
    _freeze_long_lived(services)


def _freeze_long_lived(services: Services) -> None:
    """Load the pool's indexes and the ranking's shipped tables, then freeze the heap (matcher.ranking.warm_up):
    full garbage collections over those tables were the shortlist p95."""
    from matcher.ranking import warm_up

    try:
        _ = services.pool.index, services.pool.skill_index
        warm_up()
    except Exception:  # a broken index or data file is reported by the request that needs it
        log.exception("warm-up of the ranking data failed")


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the API and the web page; with --demo, load the demo pool and print a demo key first."""
    import uvicorn

    from service.app import create_app
    from service.deps import Services

    settings = settings_for(args)
    t0 = time.perf_counter()
    services = Services(settings)
    demo_key = None
    if args.demo:
        from service.demo import load_demo

        pool = services.pool
        load_demo(pool, progress=True)
        _freeze_long_lived(services)
        record, demo_key = services.keys.create("demo")
        services.audit.record("create_key", key_id=record.id, details={"via": "serve --demo"})
    else:
        # Serve at once; open the pool and load the model in the background so /health answers in a few
        # seconds and the first request that needs the pool waits on it instead of on the whole start-up.
        threading.Thread(target=_warm_up, args=(services,), name="warm-up", daemon=True).start()
    app = create_app(settings, services=services)
    url = f"http://{settings.host}:{settings.port}/"
    ready = time.perf_counter() - t0
    print(f"Shortlist is starting on {url} (API docs at {url}docs); ready in {ready:.1f} s.", file=sys.stderr)
    if demo_key:
        print(f"Demo API key (shown once): {demo_key}", file=sys.stderr)
        print(f"  curl -H 'X-API-Key: {demo_key}' {url}v1/jobs", file=sys.stderr)
    elif services.keys.count_active() == 0:
        warn("no API keys yet: create one with `shortlist keys create`.")
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
    return 0
