"""Loaders for the shared development data in ../shared/data (evaluation only; never copied into the repo).

- dotin resume NER set: XML files with inline ``<label type="...">`` spans -> `DotinDoc` (plain text + gold spans).
- livecareer resume PDFs: `list_livecareer_pdfs()` -> (category, path) pairs.
- job posts CSV: `load_job_posts()` -> `JobPost` rows with the livecareer category they map to.

The dotin files come in two shapes. Files 1-81 keep their line breaks. The others were flattened by their
source: every line break became two spaces, the whole text is wrapped in double quotes, and non-ASCII
characters appear as Python byte escapes (``\\xe2\\x80\\xa2`` for a bullet). With ``restore_layout=True``
(the default) the loader undoes exactly that: byte escapes are decoded as UTF-8, runs of two or three
spaces become a line break and longer runs a blank line. Gold offsets are computed on the restored text.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET

__all__ = [
    "JOB_POST_CATEGORIES",
    "DotinDoc",
    "GoldSpan",
    "JobPost",
    "dotin_dir",
    "iter_dotin",
    "list_livecareer_pdfs",
    "load_dotin_file",
    "load_job_posts",
    "shared_data_dir",
]

# job-post occupation -> livecareer category folder
JOB_POST_CATEGORIES: dict[str, str] = {
    "Apparel": "APPAREL",
    "Aviation": "AVIATION",
    "Banking": "BANKING",
    "Chef": "CHEF",
    "Construction": "CONSTRUCTION",
    "Consultant": "CONSULTANT",
    "Finance": "FINANCE",
    "Fitness": "FITNESS",
    "Healthcare": "HEALTHCARE",
    "IT": "INFORMATION-TECHNOLOGY",
    "Teacher": "TEACHER",
}


def shared_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The shared data folder: `explicit`, else $SHORTLIST_SHARED_DATA, else ../shared/data beside the repo.

    Returns None when the folder does not exist.
    """
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    env = os.environ.get("SHORTLIST_SHARED_DATA")
    if env:
        candidates.append(Path(env))
    candidates.append(Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    return None


@dataclass(frozen=True)
class GoldSpan:
    """One annotated span: label, [start, end) into the document text, and the covered text."""

    label: str
    start: int
    end: int
    text: str


@dataclass
class DotinDoc:
    """One dotin resume: plain text and its gold spans."""

    doc_id: str
    text: str
    spans: list[GoldSpan] = field(default_factory=list)

    def values(self, label: str) -> list[str]:
        """Texts of every span with this label, in document order."""
        return [s.text for s in self.spans if s.label == label]


_ESCAPE_RUN = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")
_SIMPLE_ESCAPES = {"\\t": "\t", "\\n": "\n", "\\r": "\n", "\\'": "'", '\\"': '"', "\\\\": "\\"}
_SIMPLE_ESCAPE_RE = re.compile(r"\\[tnr'\"\\]")
_SPACE_RUN = re.compile(r" {2,}")


def _decode_escapes(s: str) -> str:
    def byte_run(m: re.Match[str]) -> str:
        raw = bytes(int(h, 16) for h in re.findall(r"\\x([0-9a-fA-F]{2})", m.group(0)))
        return raw.decode("utf-8", errors="replace")

    s = _ESCAPE_RUN.sub(byte_run, s)
    return _SIMPLE_ESCAPE_RE.sub(lambda m: _SIMPLE_ESCAPES[m.group(0)], s)


def _restore_piece(s: str) -> str:
    s = _decode_escapes(s)
    return _SPACE_RUN.sub(lambda m: "\n" if len(m.group(0)) <= 3 else "\n\n", s)


def load_dotin_file(data: bytes, doc_id: str = "", *, restore_layout: bool | None = None) -> DotinDoc:
    """Parse one dotin XML document.

    restore_layout: None (default) restores only files that look flattened (few line breaks, quoted).
    """
    root: Element = SafeET.fromstring(data)
    pieces: list[tuple[str | None, str]] = []  # (label or None, raw text)
    if root.text:
        pieces.append((None, root.text))
    for child in root:
        tag = str(child.get("type") or child.tag)
        pieces.append((tag, "".join(child.itertext())))
        if child.tail:
            pieces.append((None, child.tail))
    raw_all = "".join(p for _, p in pieces)
    flat = (raw_all.count("\n") < 8 and len(raw_all) > 200) or raw_all.strip().startswith('"')
    restore = flat if restore_layout is None else restore_layout

    out: list[str] = []
    pos = 0
    spans: list[GoldSpan] = []
    for i, (label, raw) in enumerate(pieces):
        text: str = _restore_piece(raw) if restore else raw
        if restore and i == 0 and label is None:
            text = text.lstrip().removeprefix('"')
        if restore and i == len(pieces) - 1 and label is None:
            text = text.rstrip().removesuffix('"')
        if label is not None:
            lead = len(text) - len(text.lstrip())
            body = text.strip()
            if body:
                start = pos + lead
                spans.append(GoldSpan(label=label, start=start, end=start + len(body), text=body))
        out.append(text)
        pos += len(text)
    full = "".join(out)
    # Leading/trailing whitespace trimmed so the document starts at its first word.
    shift = len(full) - len(full.lstrip())
    if shift:
        full = full[shift:]
        spans = [GoldSpan(s.label, s.start - shift, s.end - shift, s.text) for s in spans]
    full = full.rstrip() + "\n"
    return DotinDoc(doc_id=doc_id, text=full, spans=spans)


def dotin_dir(data_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """The dotin_train folder, or None when absent. `data_dir` may be the shared data root or the folder itself."""
    if data_dir is not None:
        p = Path(data_dir)
        for c in (p, p / "parsing" / "dotin_train", p / "dotin_train"):
            if c.is_dir() and any(c.glob("*.xml")):
                return c
        return None
    root = shared_data_dir()
    if root is None:
        return None
    p = root / "parsing" / "dotin_train"
    return p if p.is_dir() else None


def _numeric_key(p: Path) -> tuple[int, str]:
    return (int(p.stem), p.stem) if p.stem.isdigit() else (10**9, p.stem)


def iter_dotin(
    data_dir: str | os.PathLike[str] | None = None, *, limit: int | None = None
) -> Iterator[DotinDoc]:
    """Every dotin document in numeric id order (first `limit` only when given).

    Raises FileNotFoundError when the folder is absent.
    """
    folder = dotin_dir(data_dir)
    if folder is None:
        raise FileNotFoundError(str(data_dir or "shared/data/parsing/dotin_train"))
    files = sorted(folder.glob("*.xml"), key=_numeric_key)
    if limit is not None:
        files = files[:limit]
    for f in files:
        yield load_dotin_file(f.read_bytes(), doc_id=f.stem)


def list_livecareer_pdfs(data_dir: str | os.PathLike[str] | None = None) -> list[tuple[str, Path]]:
    """(category, pdf path) for every livecareer resume, sorted by category then numeric id."""
    root = Path(data_dir) if data_dir is not None else shared_data_dir()
    if root is None:
        raise FileNotFoundError("shared/data/ranking/livecareer_dev")
    for c in (root / "ranking" / "livecareer_dev", root / "livecareer_dev", root):
        if c.is_dir() and any(c.glob("*/*.pdf")):
            folder = c
            break
    else:
        raise FileNotFoundError(str(root / "ranking" / "livecareer_dev"))
    out: list[tuple[str, Path]] = []
    for cat in sorted(d for d in folder.iterdir() if d.is_dir()):
        for pdf in sorted(cat.glob("*.pdf"), key=_numeric_key):
            out.append((cat.name, pdf))
    return out


@dataclass(frozen=True)
class JobPost:
    """One development job post: id (row order), occupation as given, livecareer category, text."""

    post_id: str
    occupation: str
    category: str | None
    text: str

    @property
    def title(self) -> str:
        """The first non-empty line of the post."""
        return next((ln.strip() for ln in self.text.splitlines() if ln.strip()), "")


def load_job_posts(data_dir: str | os.PathLike[str] | None = None) -> list[JobPost]:
    """The job posts CSV (columns occupation, post) as `JobPost` rows, ids like "IT-1"."""
    root = Path(data_dir) if data_dir is not None else shared_data_dir()
    if root is None:
        raise FileNotFoundError("shared/data/ranking/job_posts_dev/job_posts_dev.csv")
    candidates = [
        root / "ranking" / "job_posts_dev" / "job_posts_dev.csv",
        root / "job_posts_dev" / "job_posts_dev.csv",
        root / "job_posts_dev.csv",
        root,
    ]
    path = next((c for c in candidates if c.is_file()), None)
    if path is None:
        raise FileNotFoundError(str(candidates[0]))
    posts: list[JobPost] = []
    counts: dict[str, int] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            occ = (row.get("occupation") or "").strip()
            counts[occ] = counts.get(occ, 0) + 1
            posts.append(
                JobPost(
                    post_id=f"{occ}-{counts[occ]}",
                    occupation=occ,
                    category=JOB_POST_CATEGORIES.get(occ),
                    text=(row.get("post") or "").replace("\r\n", "\n"),
                )
            )
    return posts
