"""The demo talent pool: generated resumes and job descriptions shipped under `service/demo/`.

`build_demo()` regenerates the files with `evaluation.synthetic` (deterministic for a seed); it runs only when
called explicitly (`python -m service.demo`). `load_demo(pool)` ingests them into an empty pool in batches
and creates the demo jobs; `shortlist serve --demo` calls it.

Every person in the demo pool is invented; names, e-mails and phone numbers are synthetic.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matcher.pool import Pool

log = logging.getLogger(__name__)

__all__ = ["DEMO_DIR", "DEMO_JOBS", "build_demo", "demo_files", "load_demo"]

DEMO_DIR = Path(__file__).parent / "demo"
DEMO_SEED = 2024
DEMO_COUNT = 240
DOCX_EVERY = 4  # one resume in four is a Word document; the rest are PDFs in three layouts
PDF_LAYOUTS = ("single", "two_column", "sidebar")

# Job descriptions written for the demo, one per well-represented occupation.
DEMO_JOBS: dict[str, tuple[str, str]] = {
    "job-backend-engineer.txt": (
        "Senior Backend Engineer",
        """Senior Backend Engineer - Payments Platform

We are looking for a Senior Backend Engineer to design and run the services behind our payments platform.

Requirements:
- 5+ years of professional software engineering experience
- Strong Python and SQL; PostgreSQL in production
- Docker and Kubernetes, REST APIs and microservices
- Bachelor's degree in Computer Science or equivalent experience

Nice to have:
- AWS and Terraform
- Kafka or Redis
- Go
""",
    ),
    "job-data-scientist.txt": (
        "Data Scientist",
        """Data Scientist - Growth Analytics

Join the growth team to build models and experiments that shape the product.

Required skills:
- 3+ years of experience in data science or analytics
- Python, pandas and scikit-learn
- Statistics and A/B testing
- SQL

Preferred:
- Deep learning with PyTorch or TensorFlow
- Apache Spark, Airflow
- Tableau or Power BI
- Master's degree in a quantitative field
""",
    ),
    "job-registered-nurse.txt": (
        "Registered Nurse - Critical Care",
        """Registered Nurse, Critical Care Unit

Our hospital is hiring a Registered Nurse for the critical care unit (rotating shifts).

Requirements:
- 2+ years of nursing experience
- Patient care, medication administration, IV therapy
- Critical care and telemetry
- Basic Life Support certification

Preferred:
- Experience with Epic electronic health records
- Wound care and infection control
- Bachelor of Science in Nursing
""",
    ),
    "job-financial-controller.txt": (
        "Corporate Controller",
        """Corporate Controller

Lead the accounting team: monthly close, reporting and audits.

Requirements:
- 7+ years of accounting experience
- Financial reporting under GAAP, account reconciliation
- Budgeting, forecasting and variance analysis
- Microsoft Excel

Nice to have:
- SAP or Oracle NetSuite
- Auditing and tax preparation
- CPA
""",
    ),
    "job-account-executive.txt": (
        "Account Executive",
        """Account Executive - B2B SaaS

Own the full sales cycle for mid-market customers.

Requirements:
- 3+ years of B2B sales experience
- Salesforce CRM, pipeline management, negotiation
- Lead generation and account management

Preferred:
- HubSpot
- Sales forecasting, contract negotiation
- Presentation skills
""",
    ),
}


def _layout_for(i: int) -> tuple[str, str]:
    """(format, variant) of the i-th demo resume: DOCX every few, else PDF layouts in turn."""
    if i % DOCX_EVERY == DOCX_EVERY - 1:
        return "docx", ("table" if (i // DOCX_EVERY) % 2 == 0 else "plain")
    return "pdf", PDF_LAYOUTS[i % len(PDF_LAYOUTS)]


def build_demo(out_dir: Path | None = None, *, n: int = DEMO_COUNT, seed: int = DEMO_SEED) -> dict[str, Any]:
    """Regenerate the demo files under `out_dir` (resumes/, jobs/ and manifest.json); returns the manifest."""
    from evaluation import synthetic

    out_dir = out_dir or DEMO_DIR
    resumes_dir = out_dir / "resumes"
    jobs_dir = out_dir / "jobs"
    for folder in (resumes_dir, jobs_dir):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old.is_file():
                old.unlink()
    entries = []
    for i, spec in enumerate(synthetic.generate_specs(n, seed)):
        fmt, variant = _layout_for(i)
        name = f"r{i + 1:03d}-{spec.occupation.replace('_', '-')}-{variant.replace('_', '-')}.{fmt}"
        if fmt == "docx":
            data = synthetic.render_docx(spec, with_table=variant == "table", with_header=i % 3 == 0)
        else:
            data = synthetic.render_pdf(spec, layout=variant)
        (resumes_dir / name).write_bytes(data)
        entries.append(
            {"file": f"resumes/{name}", "occupation": spec.occupation, "format": fmt, "layout": variant}
        )
    for fname, (_, text) in DEMO_JOBS.items():
        (jobs_dir / fname).write_text(text, encoding="utf-8")
    manifest = {
        "generator": "evaluation.synthetic",
        "seed": seed,
        "count": n,
        "note": "Every person here is invented: names, e-mails and phone numbers are synthetic.",
        "resumes": entries,
        "jobs": [{"file": f"jobs/{f}", "title": t} for f, (t, _) in DEMO_JOBS.items()],
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def demo_files(demo_dir: Path | None = None) -> list[Path]:
    """The shipped demo resumes, in a stable order."""
    folder = (demo_dir or DEMO_DIR) / "resumes"
    return sorted(p for p in folder.iterdir() if p.suffix in (".pdf", ".docx")) if folder.exists() else []


def _progress_bar(total: int, enabled: bool) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    from tqdm import tqdm

    bar = tqdm(total=total, desc="loading demo pool", unit="resume", file=sys.stderr, disable=not enabled)
    state = {"done": 0}

    def update(done: int, _total: int) -> None:
        bar.update(done - state["done"])
        state["done"] = done

    return update, bar.close


def load_demo(
    pool: Pool, *, demo_dir: Path | None = None, progress: bool = False, workers: int | None = None
) -> dict[str, int]:
    """Ingest the demo resumes into an empty pool (batch parse + batch embed) and create the demo jobs.

    Does nothing to a pool that already holds candidates, or to jobs when some exist. Returns counts.
    """
    from models.errors import ConfigError

    demo_dir = demo_dir or DEMO_DIR
    files = demo_files(demo_dir)
    if not files:
        raise ConfigError(f"No demo files under {demo_dir}; regenerate them with `python -m service.demo`.")
    counts = {"added": 0, "failed": 0, "duplicates": 0, "jobs": 0, "skipped": 0}
    t0 = time.perf_counter()
    if pool.count() == 0:
        update, close = _progress_bar(len(files), progress)
        try:
            results = pool.add_many(
                [(p.read_bytes(), p.name) for p in files],
                workers=workers if workers is not None else min(2, os.cpu_count() or 1),
                batch_size=48,
                progress=update,
            )
        finally:
            close()
        for r in results:
            if r.status == "failed":
                counts["failed"] += 1
                log.warning("demo file %s failed: %s", r.source_name, r.error_code)
            elif r.status == "duplicate":
                counts["duplicates"] += 1
            else:
                counts["added"] += 1
        pool.flush()
    else:
        counts["skipped"] = pool.count()
        log.info("pool already holds %s candidates: demo resumes not loaded", pool.count())
    if not pool.list_jobs(0, 1):
        for fname, (title, _) in DEMO_JOBS.items():
            path = demo_dir / "jobs" / fname
            if path.exists():
                pool.create_job(path.read_text(encoding="utf-8"), title=title)
                counts["jobs"] += 1
    log.info("demo pool ready in %.1f s: %s", time.perf_counter() - t0, counts)
    return counts


if __name__ == "__main__":
    manifest = build_demo()
    size = sum(p.stat().st_size for p in DEMO_DIR.rglob("*") if p.is_file())
    print(
        f"Wrote {manifest['count']} resumes and {len(manifest['jobs'])} jobs to {DEMO_DIR} ({size / 1e6:.1f} MB)."
    )
