"""Parsing speed: milliseconds per resume (median, p95) for each PDF engine and format, against baselines.

Rows (each on the same documents, in one process pinned to one CPU core, documents read into memory first,
one warm-up call per row so imports do not count):
  pdfminer.six extract_text        the baseline: pdfminer's own layout analysis and text
  pypdfium2 text only              PDFium's text, no positions (the floor for any PDFium-based extractor)
  extract_document[pypdfium2]      our text with rebuilt reading order and header/footer removal
  extract_document[pdfminer]       the same layout code fed by pdfminer.six
  parse_resume[...]                the full resume parse, when parsers.resume.parse_resume exists
and the same for generated DOCX and plain-text resumes (evaluation.synthetic).

The PDFs are the livecareer development set in the shared data folder (../shared/data/ranking/livecareer_dev
or $SHORTLIST_SHARED_DATA/ranking/livecareer_dev); PDF rows are skipped with a note when it is absent.
Run: `python -m evaluation.parse_bench [--n 200] [--pdf-dir DIR] [--json FILE]`.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import importlib
import io
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from parsers.packaged import default_data_dir

logger = logging.getLogger(__name__)

DEFAULT_SAMPLE = 200


def shared_data_dir() -> Path:
    """The shared evaluation data folder ($SHORTLIST_SHARED_DATA, else ../shared/data beside the repo)."""
    return default_data_dir()


def _sample(paths: Sequence[Path], n: int | None) -> list[Path]:
    """n paths spread evenly over the sorted list (every category represented); all when n <= 0."""
    paths = sorted(paths)
    if n is None:
        n = DEFAULT_SAMPLE
    if n <= 0 or n >= len(paths):
        return list(paths)
    step = len(paths) / n
    return [paths[int(i * step)] for i in range(n)]


def _time_row(name: str, fn: Callable[[bytes], object], docs: Sequence[bytes]) -> dict[str, Any]:
    import numpy as np

    from models.errors import ParseError

    if docs:
        with contextlib.suppress(Exception):  # the timed loop below counts errors
            fn(docs[0])  # warm-up: imports and caches
    times: list[float] = []
    cpu: list[float] = []
    errors = 0
    for data in docs:
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            fn(data)
        except ParseError:
            errors += 1
        except Exception as exc:  # a baseline library failing on a file is a result, not a crash
            logger.debug("bench row %s: %s", name, type(exc).__name__)
            errors += 1
        times.append((time.perf_counter() - t0) * 1000.0)
        cpu.append((time.process_time() - c0) * 1000.0)
    arr = np.asarray(times) if times else np.asarray([float("nan")])
    carr = np.asarray(cpu) if cpu else np.asarray([float("nan")])
    # CPU time is what one core spends; on a busy machine it stays close to the unloaded wall time.
    return {
        "row": name,
        "n": len(docs),
        "errors": errors,
        "median_ms": float(np.median(arr)),
        "p95_ms": float(np.percentile(arr, 95)),
        "mean_ms": float(arr.mean()),
        "cpu_median_ms": float(np.median(carr)),
        "cpu_p95_ms": float(np.percentile(carr, 95)),
    }


def _pdfminer_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _pdfium_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(out)
    finally:
        pdf.close()


def _engine_agreement(docs: Sequence[bytes], limit: int = 60) -> float | None:
    """Mean word-sequence similarity between the two engines' extract_document text (1.0 = identical)."""
    from models.errors import ParseError
    from parsers.extract import extract_document

    ratios = []
    for data in docs[:limit]:
        try:
            a = extract_document(data, pdf_engine="pypdfium2").text.split()
            b = extract_document(data, pdf_engine="pdfminer").text.split()
        except ParseError:
            continue
        ratios.append(difflib.SequenceMatcher(None, a, b, autojunk=False).ratio())
    return sum(ratios) / len(ratios) if ratios else None


def _pin_one_core() -> set[int] | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    return before


def run(
    pdf_dir: str | Path | None = None, n: int | None = None, *, full_parse: bool = True
) -> dict[str, Any]:
    """Measure and print the table; returns {"rows": [...], "notes": [...], ...}.

    pdf_dir: folder searched recursively for *.pdf (default: the livecareer development set).
    n: documents per row (default 200, spread over the folder; 0 or less = all).
    full_parse: also time parsers.resume.parse_resume when it exists.
    """
    from evaluation.synthetic import generate_specs, render_docx, render_text
    from parsers.extract import extract_document

    notes: list[str] = []
    rows: list[dict[str, Any]] = []
    folder = Path(pdf_dir) if pdf_dir else shared_data_dir() / "ranking" / "livecareer_dev"
    pdf_paths = _sample(list(folder.rglob("*.pdf")), n) if folder.is_dir() else []
    if not pdf_paths:
        notes.append(f"no PDFs under {folder}: PDF rows skipped")
    pdfs = [p.read_bytes() for p in pdf_paths]

    parse_resume: Callable[..., Any] | None = None
    if full_parse:
        try:
            parse_resume = importlib.import_module("parsers.resume").parse_resume
        except (ImportError, AttributeError):
            notes.append("parsers.resume.parse_resume not available: full-parse rows skipped")

    n_generated = min(n if n and n > 0 else 100, 100)
    specs = generate_specs(n_generated, seed=2024)
    docx_docs = [render_docx(s, with_table=i % 2 == 1) for i, s in enumerate(specs)]
    txt_docs = [render_text(s).encode("utf-8") for s in specs]

    before = _pin_one_core()
    try:
        if pdfs:
            rows.append(_time_row("PDF  pdfminer.six extract_text (baseline)", _pdfminer_text, pdfs))
            rows.append(_time_row("PDF  pypdfium2 text only", _pdfium_text, pdfs))
            rows.append(
                _time_row(
                    "PDF  extract_document[pypdfium2]",
                    lambda d: extract_document(d, pdf_engine="pypdfium2"),
                    pdfs,
                )
            )
            rows.append(
                _time_row(
                    "PDF  extract_document[pdfminer]",
                    lambda d: extract_document(d, pdf_engine="pdfminer"),
                    pdfs,
                )
            )
            if parse_resume is not None:
                fn = parse_resume
                rows.append(
                    _time_row("PDF  parse_resume[pypdfium2]", lambda d: fn(d, pdf_engine="pypdfium2"), pdfs)
                )
        rows.append(_time_row("DOCX extract_document", extract_document, docx_docs))
        rows.append(_time_row("TXT  extract_document", extract_document, txt_docs))
        if parse_resume is not None:
            rows.append(_time_row("DOCX parse_resume", parse_resume, docx_docs))
            rows.append(_time_row("TXT  parse_resume", parse_resume, txt_docs))
        agreement = _engine_agreement(pdfs) if pdfs else None
    finally:
        if before is not None:
            os.sched_setaffinity(0, before)

    result = {
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "pdf_dir": str(folder),
        "pdf_documents": len(pdfs),
        "generated_documents": n_generated,
        "rows": rows,
        "engine_word_agreement": agreement,
        "notes": notes,
    }
    print(format_table(result))
    return result


def format_table(result: dict[str, Any]) -> str:
    """The figures as a plain-text table."""
    lines = [
        f"{'row':<42} {'n':>5} {'err':>4} {'median ms':>10} {'p95 ms':>9} {'mean ms':>9} {'cpu med':>8} {'cpu p95':>8}"
    ]
    lines.append("-" * len(lines[0]))
    for r in result["rows"]:
        lines.append(
            f"{r['row']:<42} {r['n']:>5} {r['errors']:>4} {r['median_ms']:>10.1f} {r['p95_ms']:>9.1f} "
            f"{r['mean_ms']:>9.1f} {r['cpu_median_ms']:>8.1f} {r['cpu_p95_ms']:>8.1f}"
        )
    if result.get("load_average"):
        lines.append(
            "load average during the run (1, 5, 15 min): "
            + ", ".join(f"{x:.1f}" for x in result["load_average"])
        )
    if result.get("engine_word_agreement") is not None:
        lines.append(
            f"word agreement pypdfium2 vs pdfminer (same layout code): {result['engine_word_agreement']:.3f}"
        )
    lines.extend(f"note: {note}" for note in result.get("notes", []))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=None, help="documents per row (default 200; 0 = all)")
    parser.add_argument("--pdf-dir", default=None)
    parser.add_argument("--json", dest="json_out", default=None, help="also write the figures to this file")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    result = run(args.pdf_dir, args.n)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
