"""Open-source resume parsers scored beside Shortlist on dotin, with the rules of `shortlist eval parsing`.

Three steps, each reproducible from the command line:

1. Inputs (repo venv). ``python -m evaluation.parsing_baselines --export DIR`` writes every dotin resume's
   plain text (restored layout, exactly what `shortlist eval parsing` parses) to ``DIR/txt/ID.txt`` and renders
   it to ``DIR/pdf/ID.pdf`` with reportlab: one column, Helvetica 10 pt, each text line on its own line (long
   ones wrapped at the margin), blank lines kept, no bold or headings styled. Characters Helvetica's
   WinAnsi encoding lacks become spaces. The open-source parsers take files (PDF), so they get these PDFs;
   Shortlist is scored on the same PDFs as well as on the text.
2. Baselines (each in its own venv, never the repo's). A runner script per parser,
   ``evaluation/baseline_<parser>.py``, parses ``DIR/pdf`` and writes a predictions file (below). It imports
   its parser lazily and says in its docstring how to install it. The runners use only the standard library
   and the parser, plus `run_baseline` from this module, whose top level imports the standard library only
   (the repo's own modules are imported inside the scoring functions), so the baseline venvs need nothing of
   the repo's.
3. Scoring (repo venv). ``python -m evaluation.parsing_baselines PRED.json [PRED.json ...]`` scores each
   predictions file with `evaluation.parsing_eval.score_documents` itself, so the matching rule is the
   eval's to the letter, and measures Shortlist in the same run, on the text and on the PDFs the baselines
   read: one table, dev / holdout / all, and CPU milliseconds per resume.

Predictions file (JSON)::

    {"parser": "pyresparser", "version": "1.0.6", "input": "pdf", "inputs": "/tmp/s6d/inputs",
     "fields": ["name", "email", ...],          # the fields this parser produces at all
     "docs": {"1": {"name": ["..."], "email": ["..."], "designation": [...], "companies": [...],
                    "degree": [...], "college": [...], "graduation_year": ["2014"], "skills": [...]}},
     "cpu_ms": {"1": 41.2, ...}, "errors": {"7": "ValueError: ..."}}

How a prediction becomes what the eval reads (`prediction_resume`): each value is one predicted item, as if a
parser had returned it in a Resume. Designations and companies become positions (a title alone, an employer
alone: the two fields are scored apart, so pairing them changes nothing). The eval drops the education
entries Shortlist rates "secondary" (dotin labels no school certificates), so a baseline's degree is rated by
the same function (`parsers.education.degree_level`) and dropped when it is secondary (SSC, HSC, 10th), and a
baseline's college that names itself a school or board and not a college is dropped too. A predicted skill
phrase is looked up in the taxonomy exactly as the gold phrases are (`Taxonomy.lookup`): one the taxonomy
names carries its canonical id and type (soft skills and spoken languages are then left out of the canonical
rows, as for Shortlist); one it cannot name stays a surface. A field a parser does not produce at all is shown
as "-" rather than 0.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    Scores = dict[str, dict[str, Any]]

__all__ = [
    "PRED_FIELDS",
    "ROW_FIELD",
    "export_inputs",
    "load_predictions",
    "prediction_resume",
    "render_pdf",
    "run_baseline",
    "score_predictions",
]

# predicted field -> the parsing_eval rows it feeds
PRED_FIELDS = ("name", "email", "designation", "companies", "degree", "college", "graduation_year", "skills")
ROW_FIELD = {
    "Name": "name",
    "Email Address": "email",
    "Designation": "designation",
    "Companies worked at": "companies",
    "Degree": "degree",
    "College Name": "college",
    "Graduation Year": "graduation_year",
}


def _pred_field(row: str) -> str:
    """The predicted field a parsing_eval row reads (every "skills (...)" row reads the skills)."""
    from evaluation.parsing_eval import ALL_DOCS_ROWS

    row = ALL_DOCS_ROWS.get(row, row)
    return "skills" if row.startswith("skills") else ROW_FIELD[row]


_SCHOOL_RE = re.compile(r"\b(?:school|vidyalaya|board)\b", re.IGNORECASE)
_COLLEGE_RE = re.compile(r"\b(?:college|university|institute|polytechnic|academy)\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


# --- step 1: inputs --------------------------------------------------------------------------------------


def render_pdf(text: str) -> bytes:
    """A plain one-column PDF of `text` (reportlab, Helvetica 10 pt, lines kept, long lines wrapped)."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    font, size, leading, margin = "Helvetica", 10.0, 12.5, 50.0
    width, height = A4
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont(font, size)
    y = height - margin
    for raw in text.splitlines() or [""]:
        line = _winansi(raw.rstrip())
        pieces = simpleSplit(line, font, size, width - 2 * margin) if line.strip() else [""]
        for piece in pieces:
            if y < margin:
                c.showPage()
                c.setFont(font, size)
                y = height - margin
            if piece:
                c.drawString(margin, y, piece)
            y -= leading
    c.showPage()
    c.save()
    return buf.getvalue()


def _winansi(s: str) -> str:
    """`s` with every character Helvetica's WinAnsi (cp1252) encoding lacks replaced by a space."""
    out = []
    for ch in s.replace("\t", "    "):
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(" ")
    return "".join(out)


def export_inputs(out_dir: Path, docs: Iterable[Any]) -> int:
    """Write txt/ID.txt and pdf/ID.pdf for every dotin document; the number written."""
    (out_dir / "txt").mkdir(parents=True, exist_ok=True)
    (out_dir / "pdf").mkdir(parents=True, exist_ok=True)
    n = 0
    for doc in docs:
        (out_dir / "txt" / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
        (out_dir / "pdf" / f"{doc.doc_id}.pdf").write_bytes(render_pdf(doc.text))
        n += 1
    return n


# --- step 2: running a baseline (standard library only; also imported by the runners in other venvs) -------


def _input_files(folder: Path, ext: str) -> list[Path]:
    files = [p for p in folder.glob(f"*.{ext}") if p.stem.isdigit()]
    return sorted(files, key=lambda p: int(p.stem))


def _clean_values(values: Any) -> list[str]:
    """A parser's value(s) as a list of non-empty strings (None, a string, or a list of strings)."""
    if values is None:
        return []
    if isinstance(values, (str, int)):
        values = [values]
    out: list[str] = []
    for v in values:
        s = " ".join(str(v).split()) if v is not None else ""
        if s and s not in out:
            out.append(s)
    return out


def run_baseline(
    parser: str,
    version: str,
    fields: Iterable[str],
    parse_file: Callable[[Path], dict[str, Any]],
    inputs: Path,
    out: Path,
    *,
    ext: str = "pdf",
    limit: int | None = None,
    setup: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """Parse every ``inputs/<ext>/ID.<ext>`` with `parse_file` (which returns a dict of PRED_FIELDS lists),
        timing each call in process CPU time, and write the predictions file to `out`. A parser error on one file
        is recorded under "errors" (no prediction for that resume) and the run goes on. `setup` (imports, model
    loading) runs first, outside the per-resume times; its CPU time is recorded as "setup_cpu_ms"."""
    fields = [f for f in fields if f in PRED_FIELDS]
    files = _input_files(inputs / ext, ext)
    if limit is not None:
        files = files[:limit]
    if not files:
        raise FileNotFoundError(f"no {ext} files under {inputs / ext}: run --export first")
    t_setup = time.process_time()
    if setup is not None:
        setup()
    setup_ms = round((time.process_time() - t_setup) * 1000, 1)
    docs: dict[str, dict[str, list[str]]] = {}
    cpu_ms: dict[str, float] = {}
    errors: dict[str, str] = {}
    for path in files:
        t0 = time.process_time()
        try:
            got = parse_file(path)
        except Exception as exc:  # a baseline failing on one resume is a result, not a crash
            cpu_ms[path.stem] = round((time.process_time() - t0) * 1000, 3)
            errors[path.stem] = f"{type(exc).__name__}: {str(exc)[:200]}"
            continue
        cpu_ms[path.stem] = round((time.process_time() - t0) * 1000, 3)
        docs[path.stem] = {f: _clean_values(got.get(f)) for f in fields}
    payload = {
        "parser": parser,
        "version": version,
        "input": ext,
        "inputs": str(inputs.resolve()),
        "python": sys.version.split()[0],
        "pythonhashseed": os.environ.get("PYTHONHASHSEED"),
        "fields": list(fields),
        "docs": docs,
        "cpu_ms": cpu_ms,
        "setup_cpu_ms": setup_ms,
        "errors": errors,
    }
    out.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    ms = sorted(cpu_ms.values())
    print(
        f"{parser} {version}: {len(docs)} parsed, {len(errors)} errors, "
        f"median {statistics.median(ms):.1f} ms CPU per resume -> {out}"
    )
    if errors:
        print("first errors:", "; ".join(f"{k}: {v}" for k, v in list(errors.items())[:3]))
    return payload


def runner_main(
    parser: str,
    version: str,
    fields: Iterable[str],
    parse_file: Callable[[Path], dict[str, Any]],
    setup: Callable[[], None] | None = None,
    exts: tuple[str, ...] = ("pdf",),
) -> int:
    """The command line every runner shares: INPUTS_DIR OUT.json [--limit N] [--input EXT], EXT one of `exts`
    (the exported forms this runner can feed its parser; the first is the default)."""
    ap = argparse.ArgumentParser(description=f"Run {parser} on the exported dotin resumes")
    ap.add_argument("inputs", type=Path, help="the folder written by --export (with pdf/ and txt/ inside)")
    ap.add_argument("out", type=Path, help="predictions JSON to write")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--input", choices=exts, default=exts[0], help="which exported form to parse")
    a = ap.parse_args()
    run_baseline(
        parser, version, fields, parse_file, a.inputs, a.out, ext=a.input, limit=a.limit, setup=setup
    )
    return 0


# --- step 3: scoring (repo venv) ---------------------------------------------------------------------------


def load_predictions(path: Path) -> dict[str, Any]:
    """Read and check a predictions file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for key in ("parser", "docs"):
        if key not in data:
            raise ValueError(f"{path}: predictions file lacks {key!r}")
    fields = data.get("fields") or sorted({f for d in data["docs"].values() for f in d})
    unknown = [f for f in fields if f not in PRED_FIELDS]
    if unknown:
        raise ValueError(f"{path}: unknown fields {unknown}")
    data["fields"] = list(fields)
    data.setdefault("cpu_ms", {})
    data.setdefault("errors", {})
    return data


def _value(v: str) -> SimpleNamespace:
    return SimpleNamespace(value=v)


def _edu(
    degree: str | None = None, institution: str | None = None, level: str | None = None, year: int = 0
) -> SimpleNamespace:
    import datetime as dt

    end = dt.date(year, 1, 1) if year else None
    return SimpleNamespace(
        degree=degree, institution=institution, level=level, field=None, start=None, end=end
    )


def prediction_resume(pred: dict[str, list[str]], lookup: Callable[[str], Any] | None) -> SimpleNamespace:
    """A Resume-shaped object holding one document's predictions, for `parsing_eval.score_documents` (see the
    module docstring for how each field is carried)."""
    from evaluation.parsing_eval import normalize
    from parsers.education import degree_level

    names = pred.get("name") or []
    emails = pred.get("email") or []
    contact = SimpleNamespace(
        name=_value(names[0]) if names else None, email=_value(emails[0]) if emails else None
    )
    work = [SimpleNamespace(title=t, employer=None) for t in pred.get("designation") or []]
    work += [SimpleNamespace(title=None, employer=c) for c in pred.get("companies") or []]
    education = [_edu(degree=d, level=degree_level(d)) for d in pred.get("degree") or []]
    for c in pred.get("college") or []:
        school = bool(_SCHOOL_RE.search(c)) and not _COLLEGE_RE.search(c)
        education.append(_edu(institution=c, level="secondary" if school else None))
    for y in pred.get("graduation_year") or []:
        m = _YEAR_RE.search(y)
        if m:
            education.append(_edu(year=int(m.group(0))))
    skills = []
    for s in pred.get("skills") or []:
        entry = lookup(s) if lookup is not None else None
        if entry is not None:
            skills.append(
                SimpleNamespace(
                    name=entry.name, skill_id=entry.id, type=entry.type, evidence=[SimpleNamespace(text=s)]
                )
            )
        else:
            key = normalize(s, kind="skills")
            if key:
                skills.append(
                    SimpleNamespace(
                        name=s, skill_id="raw:" + key, type=None, evidence=[SimpleNamespace(text=s)]
                    )
                )
    return SimpleNamespace(
        contact=contact, work=work, headline=None, referees=[], education=education, skills=skills
    )


def _score_with(
    docs: list[Any], parse_for: Callable[[Any], Any], splits: dict[str, str] | None = None
) -> Scores:
    """parsing_eval.score_documents with `parse_for(doc)` giving each document's Resume(-shaped) result; `splits`
    as there (default: `assign_splits` over `docs`)."""
    from evaluation.parsing_eval import assign_splits, score_documents

    current: dict[str, Any] = {}

    def tracked() -> Iterator[Any]:
        for d in docs:
            current["doc"] = d
            yield d

    # the splits are given, so score_documents reads the documents one at a time, in step with `tracked`
    scores, _timing = score_documents(
        tracked(), parse=lambda _text: parse_for(current["doc"]), splits=splits or assign_splits(docs)
    )
    return scores


def score_predictions(data: dict[str, Any], docs: list[Any], splits: dict[str, str] | None = None) -> Scores:
    """Scores per split and field of a predictions file on `docs` (a resume without a prediction, because the
    parser failed on it or was not run on it, counts as predicting nothing); `splits` as in `_score_with`."""
    from evaluation.parsing_eval import skill_lookup

    lookup = skill_lookup()
    preds = data["docs"]
    empty: dict[str, list[str]] = {}
    return _score_with(docs, lambda d: prediction_resume(preds.get(d.doc_id, empty), lookup), splits)


def _shortlist_runs(docs: list[Any], inputs: Path | None) -> list[tuple[str, Scores, list[float], int]]:
    """Shortlist measured in this run: on the text (as `shortlist eval parsing`) and, when the exported inputs
    are there, on the same PDFs the baselines read. Each: label, scores, CPU ms per resume, errors."""
    from parsers.resume import parse_resume, parse_resume_text

    runs: list[tuple[str, Scores, list[float], int]] = []
    ms: list[float] = []
    # one-time loading (taxonomy, tables, the PDF engine) outside the per-resume times, as the runners' setup
    parse_resume_text("Warm Up\nwarm.up@example.com\nSKILLS\nPython")
    first = (inputs / "pdf" / f"{docs[0].doc_id}.pdf") if inputs is not None and docs else None
    if first is not None and first.is_file():
        parse_resume(first.read_bytes())

    def on_text(d: Any) -> Any:
        t0 = time.process_time()
        r = parse_resume_text(d.text)
        ms.append((time.process_time() - t0) * 1000)
        return r

    runs.append(("Shortlist (text)", _score_with(docs, on_text), ms, 0))
    if inputs is not None and (inputs / "pdf").is_dir():
        ms_pdf: list[float] = []
        failed = [0]
        empty = prediction_resume({}, None)  # what a failed parse predicts: nothing

        def on_pdf(d: Any) -> Any:
            path = inputs / "pdf" / f"{d.doc_id}.pdf"
            if not path.is_file():
                failed[0] += 1
                return empty
            data = path.read_bytes()
            t0 = time.process_time()
            r: Any
            try:
                r = parse_resume(data)
            except Exception:
                failed[0] += 1
                r = empty
            ms_pdf.append((time.process_time() - t0) * 1000)
            return r

        scores_pdf = _score_with(docs, on_pdf)
        runs.append(("Shortlist (PDF)", scores_pdf, ms_pdf, failed[0]))
    return runs


def _fmt(fs: Any, produced: bool) -> str:
    return f"{'-':>5}" if not produced else f"{fs.f1:5.3f}"


def format_comparison(rows: list[tuple[str, Scores, list[str]]]) -> str:
    """Field by field, one line per parser: F1 dev / holdout / all, and P / R on all."""
    from evaluation.parsing_eval import FIELDS

    width = max(len(r[0]) for r in rows) + 2
    head = f"{'field':<28} {'parser':<{width}} {'dev F1':>7} {'hold F1':>7} {'all F1':>7} {'all P':>6} {'all R':>6}"
    lines = [head, "-" * len(head)]
    for fld in FIELDS:
        if fld == "Phone":
            continue
        for label, scores, fields in rows:
            produced = _pred_field(fld) in fields
            a = scores["all"][fld]
            pr = f"{a.precision:6.3f} {a.recall:6.3f}" if produced else f"{'-':>6} {'-':>6}"
            lines.append(
                f"{fld:<28} {label:<{width}} {_fmt(scores['dev'][fld], produced):>7} "
                f"{_fmt(scores['holdout'][fld], produced):>7} {_fmt(a, produced):>7} {pr}"
            )
        lines.append("")
    return "\n".join(lines)


def _timing_line(label: str, ms: list[float], n_docs: int, errors: int, note: str = "") -> str:
    if not ms:
        return f"{label}: no timings"
    s = sorted(ms)
    p95 = s[min(len(s) - 1, int(0.95 * len(s)))]
    return (
        f"{label:<30} median {statistics.median(s):8.1f}  p95 {p95:8.1f}  mean {statistics.fmean(s):8.1f} ms CPU"
        f"  ({len(s)} timed, {errors} errors of {n_docs}){note}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m evaluation.parsing_baselines",
        description="Score open-source parsers' predictions on dotin with the rules of `shortlist eval parsing`, "
        "beside Shortlist measured in the same run.",
    )
    ap.add_argument("predictions", nargs="*", type=Path, help="predictions JSON files written by the runners")
    ap.add_argument(
        "--export", type=Path, default=None, help="write txt/ and pdf/ inputs to this folder and stop"
    )
    ap.add_argument(
        "--inputs", type=Path, default=None, help="exported inputs (default: the predictions' own)"
    )
    ap.add_argument("--data", default=None, help="dotin folder (default ../shared/data/parsing/dotin_train)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json-out", type=Path, default=None)
    a = ap.parse_args(argv)

    from evaluation.datasets import iter_dotin

    try:
        docs = list(iter_dotin(a.data, limit=a.limit))
    except FileNotFoundError:
        print("dotin data not found (../shared/data/parsing/dotin_train, --data or $SHORTLIST_SHARED_DATA)")
        return 2
    if a.export is not None:
        n = export_inputs(a.export, docs)
        print(f"wrote {n} resumes to {a.export}/txt and {a.export}/pdf")
        return 0
    preds = [load_predictions(p) for p in a.predictions]
    inputs = a.inputs
    if inputs is None:
        inputs = next((Path(p["inputs"]) for p in preds if p.get("inputs")), None)

    all_fields = list(PRED_FIELDS)
    rows: list[tuple[str, Scores, list[str]]] = []
    timings: list[str] = []
    for label, scores, ms, errs in _shortlist_runs(docs, inputs):
        rows.append((label, scores, all_fields))
        timings.append(_timing_line(label, ms, len(docs), errs, " (measured now)"))
    for p in preds:
        label = f"{p['parser']} {p.get('version', '')}".strip() + f" ({p.get('input', '?')})"
        rows.append((label, score_predictions(p, docs), p["fields"]))
        ids = {d.doc_id for d in docs}
        ms = [float(v) for k, v in p["cpu_ms"].items() if k in ids]
        errs = len([k for k in p["errors"] if k in ids])
        timings.append(_timing_line(label, ms, len(docs), errs, " (from its runner)"))
    print(format_comparison(rows))
    print("CPU time per resume (process time, one core):")
    print("\n".join(timings))
    print(
        f"\nresumes: {len(docs)} (dev = even ids, holdout = odd ids); '-' = field not produced by that parser"
    )
    if a.json_out is not None:
        payload = {
            "resumes": len(docs),
            "rows": {
                label: {
                    "fields": fields,
                    "splits": {s: {f: fs.as_dict() for f, fs in per.items()} for s, per in scores.items()},
                }
                for label, scores, fields in rows
            },
            "timing": timings,
        }
        a.json_out.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
