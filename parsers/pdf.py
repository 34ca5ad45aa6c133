"""PDF text with layout: positioned line fragments from pypdfium2 or pdfminer.six, then our own reading order.

Both engines produce `Fragment`s (a run of text on one line with its box, PDF coordinates, y up). The layout
step is shared:

1. find a vertical gutter per page: an x where no fragment crosses within the height both sides share, with
   enough text left and right (two columns, or a narrow sidebar);
2. cut the page into horizontal bands at fragments that do cross the gutter (a full-width header, a
   full-width section); inside a band read the left column fully, then the right;
3. build lines from fragments on the same baseline, and put a blank line where the vertical gap is larger
   than the usual line spacing;
4. drop header/footer lines repeated across pages (and bare page numbers) at the top/bottom of pages.
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from models.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    ImageOnlyDocument,
)
from parsers.limits import Limits
from parsers.text import normalize_text

logger = logging.getLogger(__name__)

# PDFium is not thread-safe: one document at a time per process.
_PDFIUM_LOCK = threading.Lock()
# Fewer alphanumeric characters than this per page, on pages that hold images, means a scan.
_SCAN_CHARS_PER_PAGE = 25
_PAGE_NUMBER_RE = re.compile(r"^(?:page\s*)?[-–—(\[]?\s*\d{1,3}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,3})?$", re.I)
_DIGITS_RE = re.compile(r"\d+")
_ALNUM_RE = re.compile(r"[^\W_]")
# pdfminer writes "(cid:N)" for glyphs without a Unicode mapping; 127/149/183 are bullets in common encodings.
_CID_RE = re.compile(r"\(cid:(\d+)\)")
_CID_BULLETS = frozenset({"127", "149", "183"})


@dataclass(slots=True)
class Fragment:
    """A run of text on one line: x0 < x1, bottom < top in PDF points (origin bottom-left)."""

    x0: float
    x1: float
    bottom: float
    top: float
    text: str

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(slots=True)
class Line:
    """One output line with its vertical position; `gap_before` marks the start of a new block."""

    text: str
    center: float
    gap_before: bool
    height: float = 0.0


@dataclass(slots=True)
class PageText:
    """Fragments of one page and what else the page holds."""

    width: float
    height: float
    fragments: list[Fragment]
    has_objects: bool
    has_images: bool


# --- layout -----------------------------------------------------------------------------------------


def find_gutter(frags: list[Fragment], width: float, height: float) -> float | None:
    """x of the gutter between two columns (or a sidebar and the main column), or None for one column."""
    import numpy as np

    if len(frags) < 6 or width <= 0:
        return None
    x0 = np.fromiter((f.x0 for f in frags), float, len(frags))
    x1 = np.fromiter((f.x1 for f in frags), float, len(frags))
    cy = np.fromiter((f.center for f in frags), float, len(frags))
    tops = np.fromiter((f.top for f in frags), float, len(frags))
    bottoms = np.fromiter((f.bottom for f in frags), float, len(frags))
    span = max(float(tops.max() - bottoms.min()), 1.0)
    lo, hi = float(x0.min()), float(x1.max())
    candidates = np.arange(lo + 0.12 * (hi - lo), lo + 0.88 * (hi - lo), 2.0)
    if candidates.size == 0:
        return None
    c = candidates[:, None]
    left = x1[None, :] <= c + 0.5
    right = x0[None, :] >= c - 0.5
    cross = ~(left | right)
    n_left = left.sum(1)
    n_right = right.sum(1)
    ok = (n_left >= 3) & (n_right >= 3)
    if not ok.any():
        return None
    big = 1e9
    left_top = np.where(left, tops[None, :], -big).max(1)
    left_bottom = np.where(left, bottoms[None, :], big).min(1)
    right_top = np.where(right, tops[None, :], -big).max(1)
    right_bottom = np.where(right, bottoms[None, :], big).min(1)
    zone_top = np.minimum(left_top, right_top)
    zone_bottom = np.maximum(left_bottom, right_bottom)
    in_zone = (cy[None, :] <= zone_top[:, None]) & (cy[None, :] >= zone_bottom[:, None])
    zl = (left & in_zone).sum(1)
    zr = (right & in_zone).sum(1)
    zc = (cross & in_zone).sum(1)
    # Columns run down much of the page, or at least hold several lines each (a local two-column list).
    ok &= ((zone_top - zone_bottom) >= 0.2 * span) | ((zl >= 5) & (zr >= 5))
    ok &= (zl >= 3) & (zr >= 3)
    ok &= zc <= np.maximum(1, 0.06 * (zl + zr))
    if not ok.any():
        return None
    best: tuple[tuple[int, float], float] | None = None  # ((crossings, -clear width), x)
    idx = np.flatnonzero(ok)
    runs = np.split(idx, np.flatnonzero(np.diff(idx) > 1) + 1)
    for run in runs:
        # Inside a run, the gutter proper is where the fewest fragments cross: take the widest stretch
        # at that minimum and its middle.
        least = int(zc[run].min())
        at_least = run[zc[run] == least]
        subruns = np.split(at_least, np.flatnonzero(np.diff(at_least) > 1) + 1)
        sub = max(subruns, key=len)
        clear = float(candidates[sub[-1]] - candidates[sub[0]]) + 2.0
        if clear < 6.0:
            continue
        mid = int(sub[len(sub) // 2])
        xs = x0[right[mid] & in_zone[mid]]
        # Column text is left-aligned: many fragments right of the gutter start at one x. Ragged
        # right-aligned dates next to short titles are not a column.
        if (np.abs(xs - np.median(xs)) < 3.0).mean() < 0.4:
            continue
        # A column is read line after line: its fragments follow each other closely. A sparse side
        # (one date per job next to the job's lines) is part of those rows, not a column.
        lmask, rmask = left[mid] & in_zone[mid], right[mid] & in_zone[mid]
        minor = lmask if lmask.sum() < rmask.sum() else rmask
        ys = np.sort(cy[minor])[::-1]
        heights = (tops - bottoms)[minor]
        if ys.size > 1 and float(np.median(-np.diff(ys))) > 2.2 * max(float(np.median(heights)), 1.0):
            continue
        key = (least, -clear)
        if best is None or key < best[0]:
            best = (key, float(candidates[mid]))
    return None if best is None else best[1]


def _build_lines(frags: list[Fragment]) -> list[Line]:
    """Lines (top to bottom) from fragments of one column or band; fragments on one baseline are joined."""
    if not frags:
        return []
    frags = sorted(frags, key=lambda f: -f.center)
    rows: list[list[Fragment]] = [[frags[0]]]
    row_center = frags[0].center
    row_height = frags[0].height
    for f in frags[1:]:
        if row_center - f.center < 0.5 * max(1.0, min(row_height, f.height)):
            rows[-1].append(f)
        else:
            rows.append([f])
            row_center, row_height = f.center, f.height
    centers = [sum(f.center for f in row) / len(row) for row in rows]
    heights = sorted(max(f.height for f in row) for row in rows)
    typical_height = heights[len(heights) // 2]
    deltas = sorted(a - b for a, b in itertools.pairwise(centers))
    # Usual baseline-to-baseline distance: the lower quartile, so paragraph gaps do not inflate it.
    step = deltas[len(deltas) // 4] if deltas else typical_height * 1.2
    step = max(step, typical_height * 0.9)
    lines: list[Line] = []
    for i, row in enumerate(rows):
        row.sort(key=lambda f: f.x0)
        text = " ".join(f.text for f in row)
        gap = i > 0 and centers[i - 1] - centers[i] > 1.45 * step
        lines.append(Line(text=text, center=centers[i], gap_before=gap, height=max(f.height for f in row)))
    return lines


def _side(f: Fragment, gutter: float) -> str:
    """Which side of the gutter a fragment is on: "left", "right", or "" when it spans the gutter.

    A fragment poking a few points over the gutter belongs to the side that holds nearly all of it.
    """
    over_left, over_right = gutter - f.x0, f.x1 - gutter
    if over_right <= 0.5:
        return "left"
    if over_left <= 0.5:
        return "right"
    width = max(f.x1 - f.x0, 1.0)
    if over_right < min(12.0, 0.1 * width):
        return "left"
    if over_left < min(12.0, 0.1 * width):
        return "right"
    return ""


def layout_page(frags: list[Fragment], width: float, height: float) -> list[Line]:
    """Order one page's fragments for reading: bands top to bottom, inside a band left column then right."""
    gutter = find_gutter(frags, width, height)
    if gutter is None:
        return _build_lines(frags)
    ordered = sorted(frags, key=lambda f: -f.center)
    groups: list[tuple[str, list[Fragment]]] = []  # ("full", frags) or ("cols", frags)
    for f in ordered:
        kind = "cols" if _side(f, gutter) else "full"
        if groups and groups[-1][0] == kind:
            groups[-1][1].append(f)
        else:
            groups.append((kind, [f]))
    lines: list[Line] = []
    for kind, group in groups:
        if kind == "full":
            parts = [group]
        else:
            parts = [
                [f for f in group if _side(f, gutter) == "left"],
                [f for f in group if _side(f, gutter) == "right"],
            ]
        for column, part in enumerate(parts):
            built = _build_lines(part)
            if built and lines:
                # A new column always starts a block; a new band only when the vertical gap says so.
                drop = lines[-1].center - built[0].center
                size = max(built[0].height, lines[-1].height, 1.0)
                built[0].gap_before = column == 1 or drop > 1.6 * size or drop < 0
            lines.extend(built)
    return lines


def _margin_candidates(lines: list[Line], k: int = 3) -> set[int]:
    by_height = sorted(range(len(lines)), key=lambda i: -lines[i].center)
    return set(by_height[:k]) | set(by_height[-k:])


def _repeated_windows(
    pages: list[list[Line]], candidates: list[set[int]], key_of: Callable[[str], str], need: int
) -> dict[str, tuple[float, float]]:
    """Keys seen at the same height (within 6 pt) on at least `need` pages -> that band of heights."""
    seen: dict[str, list[tuple[float, int]]] = {}
    for page_no, (lines, cand) in enumerate(zip(pages, candidates, strict=True)):
        for i in cand:
            seen.setdefault(key_of(lines[i].text), []).append((lines[i].center, page_no))
    windows: dict[str, tuple[float, float]] = {}
    for key, hits in seen.items():
        if len({p for _, p in hits}) < need:
            continue
        hits.sort()
        for a in range(len(hits)):
            group = [h for h in hits[a:] if h[0] - hits[a][0] <= 6.0]
            if len({p for _, p in group}) >= need:
                windows[key] = (group[0][0], group[-1][0])
                break
    return windows


def drop_repeated_margins(pages: list[list[Line]]) -> tuple[list[list[Line]], int]:
    """Remove running headers/footers: lines among the top or bottom three of a page that recur at the
    same height on at least half of the pages (and on two or more).

    A line repeated word for word keeps its first occurrence (it may carry the name or contact details);
    lines that differ only in numbers (page numbers) and bare page numbers are dropped everywhere.
    Body lines that happen to repeat (an anonymized "Company Name" line, a heading) are kept because
    they do not sit at the same height on every page.
    Returns the pages and how many lines were dropped.
    """
    candidates = [_margin_candidates(lines) for lines in pages]
    need = max(2, (len(pages) + 1) // 2)

    def exact_key(text: str) -> str:
        return text.strip().lower()

    def fuzzy_key(text: str) -> str:
        return _DIGITS_RE.sub("#", text.strip().lower())

    exact: dict[str, tuple[float, float]] = {}
    fuzzy: dict[str, tuple[float, float]] = {}
    if len(pages) > 1:
        exact = _repeated_windows(pages, candidates, exact_key, need)
        fuzzy = _repeated_windows(pages, candidates, fuzzy_key, need)

    def within(window: tuple[float, float] | None, y: float) -> bool:
        return window is not None and window[0] - 0.5 <= y <= window[1] + 0.5

    kept_once: set[str] = set()
    dropped = 0
    out: list[list[Line]] = []
    for page_no, (lines, cand) in enumerate(zip(pages, candidates, strict=True)):
        kept: list[Line] = []
        for i, line in enumerate(lines):
            if i in cand:
                key = exact_key(line.text)
                if _PAGE_NUMBER_RE.match(key):
                    dropped += 1
                    continue
                if within(exact.get(key), line.center):
                    if key in kept_once:
                        dropped += 1
                        continue
                    kept_once.add(key)
                elif within(fuzzy.get(fuzzy_key(line.text)), line.center) and str(
                    page_no + 1
                ) in _DIGITS_RE.findall(line.text):
                    # Lines that differ only in numbers count as running text only when they carry
                    # this page's number ("Page 2 of 3", "Jane Doe - 2"): not two date lines.
                    dropped += 1
                    continue
            kept.append(line)
        out.append(kept)
    return out, dropped


def pages_to_text(pages: list[PageText]) -> tuple[str, int]:
    """Reading-order text of all pages, repeated headers/footers removed; returns (text, lines dropped)."""
    laid = [layout_page(p.fragments, p.width, p.height) for p in pages]
    laid, dropped = drop_repeated_margins(laid)
    chunks: list[str] = []
    for lines in laid:
        buf: list[str] = []
        for line in lines:
            if line.gap_before and buf:
                buf.append("")
            buf.append(line.text)
        if buf:
            chunks.append("\n".join(buf))
    # PDFium marks a hyphen it found at a line break with U+FFFE.
    return normalize_text("\n\n".join(chunks).replace("\ufffe", "-")), dropped


# --- pypdfium2 ----------------------------------------------------------------------------------------


_LOOSE_BOX_FN: Any = None


def _loose_box_fn() -> Any:
    """FPDFText_GetLooseCharBox through a ctypes prototype that takes plain ints (fast to call)."""
    global _LOOSE_BOX_FN
    if _LOOSE_BOX_FN is None:
        import pypdfium2.raw as raw

        proto = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
        _LOOSE_BOX_FN = proto(ctypes.cast(raw.FPDFText_GetLooseCharBox, ctypes.c_void_p).value or 0)
    return _LOOSE_BOX_FN


def _pdfium_fragments(textpage: object) -> list[Fragment]:
    """Fragments from PDFium's character stream: one box per character, then vectorized grouping.

    A fragment ends at a line break PDFium reports, a jump off the baseline, a backwards step, or a
    horizontal gap wider than ~0.9 of the font height (a column gutter or a tab stop). A space is put
    between characters where PDFium has one or where the gap exceeds 0.1 of the height (PDFs that
    position words without space characters).
    """
    import numpy as np

    tp = textpage.raw  # type: ignore[attr-defined]
    text: str = textpage.get_text_range()  # type: ignore[attr-defined]
    if not text.strip():
        return []
    codes = np.frombuffer(text.encode("utf-32-le", errors="replace"), dtype=np.uint32)
    is_break = (codes == 10) | (codes == 13)
    is_space = is_break | (codes == 32) | (codes == 9) | (codes == 0xA0) | (codes == 0x3000) | (codes == 0)
    # One C call per character is the cost of positions; keep the Python side of it minimal: a plain
    # int-argument prototype and every box written straight into one float array.
    idx = np.flatnonzero(~is_space).tolist()
    n_chars = len(idx)
    store = (ctypes.c_float * (4 * max(n_chars, 1)))()
    base = ctypes.addressof(store)
    get_box = _loose_box_fn()
    tp_addr = ctypes.cast(tp, ctypes.c_void_p).value
    ok = [get_box(tp_addr, i, base + 16 * k) for k, i in enumerate(idx)]
    # FS_RECTF is {left, top, right, bottom}; loose boxes span the font's ascent/descent and sit edge
    # to edge within a word, so their gaps are the real spacing.
    arr = np.frombuffer(memoryview(store), dtype=np.float32, count=4 * n_chars).reshape(-1, 4).astype(float)
    keep = np.asarray(ok, dtype=bool) if n_chars else np.zeros(0, dtype=bool)
    arr = arr[keep][:, [0, 2, 3, 1]]  # -> left, right, bottom, top
    idx = [i for i, good in zip(idx, ok, strict=True) if good]
    if not idx:
        return []
    left, right = arr[:, 0], arr[:, 1]
    bottom = np.minimum(arr[:, 2], arr[:, 3])
    top = np.maximum(arr[:, 2], arr[:, 3])
    height = np.maximum(top - bottom, 1.0)
    pos = np.asarray(idx)
    breaks_before = np.cumsum(is_break)[pos]
    size = np.maximum(height[1:], height[:-1])
    gap = left[1:] - right[:-1]
    center = (bottom[1:] + top[1:]) / 2
    same_line = (center >= bottom[:-1] - 0.35 * size) & (center <= top[:-1] + 0.35 * size)
    new_frag = (
        (breaks_before[1:] != breaks_before[:-1]) | ~same_line | (gap > 0.9 * size) | (gap < -0.6 * size)
    )
    spaced = ~new_frag & ((np.diff(pos) > 1) | (gap > 0.1 * size))
    spaced |= _wide_advances(codes[pos], left, right, height, ~new_frag & (np.diff(pos) == 1), size)
    starts = np.concatenate(([0], np.flatnonzero(new_frag) + 1))
    x1s = np.maximum.reduceat(right, starts)
    bots = np.minimum.reduceat(bottom, starts)
    tops = np.maximum.reduceat(top, starts)
    pieces = [text[i] for i in idx]
    for k in np.flatnonzero(spaced).tolist():
        pieces[k + 1] = " " + pieces[k + 1]
    bounds = [*starts.tolist(), len(idx)]
    frags: list[Fragment] = []
    for j in range(len(starts)):
        s, e = bounds[j], bounds[j + 1]
        frags.append(
            Fragment(float(left[s]), float(x1s[j]), float(bots[j]), float(tops[j]), "".join(pieces[s:e]))
        )
    return frags


def _wide_advances(codes: Any, left: Any, right: Any, height: Any, adjacent: Any, size: Any) -> Any:
    """Pairs of adjacent characters with a word space between them that no box gap shows.

    Some PDFs set a word space by moving the next glyph along, and a glyph whose ink overhangs its advance
    ('f', italics) then covers the space: "of" + "Business" read "ofBusiness". A glyph's advance is the step
    from its origin (a loose box's left edge) to the next one's; within a word it is the same each time the
    glyph is drawn at that size (kerning aside), so a step wider than the glyph's usual step by more than
    0.15 of the font height is a space. The usual step is the median of the glyph's steps to an adjacent
    character on the page, those already spaced by a box gap included: in-word steps outnumber them, so
    the median stays an in-word step (a glyph seen once has nothing to compare with and gets no space)."""
    import numpy as np

    step = left[1:] - left[:-1]
    sel = np.flatnonzero(adjacent & (step > 0))
    out = np.zeros(len(step), dtype=bool)
    if sel.size < 2:
        return out
    # the same glyph of the same font at the same size: code, box height and box width (a bold 'f' is wider)
    width = right[:-1][sel] - left[:-1][sel]
    key = (
        codes[:-1][sel].astype(np.int64) * 4096 + np.round(height[:-1][sel] * 8).astype(np.int64)
    ) * 65536 + np.round(width * 16).astype(np.int64)
    steps = step[sel]
    order = np.lexsort((steps, key))
    keys_sorted, steps_sorted = key[order], steps[order]
    uniq, first, counts = np.unique(keys_sorted, return_index=True, return_counts=True)
    usual = steps_sorted[first + (counts - 1) // 2][np.searchsorted(uniq, key)]
    out[sel] = steps - usual > 0.15 * size[sel]
    return out


def _read_pdfium(data: bytes, limits: Limits) -> list[PageText]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise EncryptedDocument(
                "the PDF is password protected; remove the password and upload again"
            ) from exc
        raise CorruptDocument("the PDF is damaged and cannot be read") from exc
    try:
        n_pages = len(pdf)
        if n_pages > limits.max_pages:
            raise DocumentTooLarge(f"the PDF has {n_pages} pages; the limit is {limits.max_pages}")
        pages: list[PageText] = []
        for index in range(n_pages):
            page = pdf[index]
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    frags = _pdfium_fragments(textpage)
                finally:
                    textpage.close()
                n_objects = raw.FPDFPage_CountObjects(page.raw)
                has_images = False
                if sum(len(f.text) for f in frags) < 4 * _SCAN_CHARS_PER_PAGE:
                    # Only pages with almost no text need the (slower) look for a scanned image.
                    image_types = (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM)
                    has_images = any(
                        raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, j)) in image_types
                        for j in range(min(n_objects, 2000))
                    )
            finally:
                page.close()
            pages.append(PageText(width, height, frags, n_objects > 0, has_images))
        return pages
    finally:
        pdf.close()


# --- pdfminer.six -------------------------------------------------------------------------------------


def _read_pdfminer(data: bytes, limits: Limits) -> list[PageText]:
    import io

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTContainer, LTTextLineHorizontal
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    quiet = logging.getLogger("pdfminer")
    if quiet.level == logging.NOTSET:
        # pdfminer logs a warning for every oddity of a damaged file; typed errors report what matters.
        quiet.setLevel(logging.ERROR)
    # boxes_flow=None: pdfminer's own box ordering is skipped; reading order is rebuilt here.
    laparams = LAParams(boxes_flow=None, detect_vertical=False, all_texts=False)
    pages: list[PageText] = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=laparams, maxpages=limits.max_pages + 1):
            if len(pages) >= limits.max_pages:
                raise DocumentTooLarge(f"the PDF has more than {limits.max_pages} pages; that is the limit")
            frags: list[Fragment] = []
            has_objects = has_images = False
            stack: list[object] = list(layout)
            while stack:
                item = stack.pop()
                if isinstance(item, LTTextLineHorizontal):
                    text = item.get_text().strip()
                    if "(cid:" in text:
                        text = _CID_RE.sub(lambda m: "•" if m.group(1) in _CID_BULLETS else "", text).strip()
                    if text:
                        frags.append(Fragment(item.x0, item.x1, item.y0, item.y1, text))
                    continue
                if isinstance(item, LTChar):
                    continue
                has_objects = True
                name = type(item).__name__
                if name in ("LTImage", "LTFigure"):
                    has_images = True
                if isinstance(item, LTContainer):
                    stack.extend(item)
            pages.append(PageText(layout.width, layout.height, frags, has_objects, has_images))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedDocument(
            "the PDF is password protected; remove the password and upload again"
        ) from exc
    except PDFSyntaxError as exc:
        raise CorruptDocument("the PDF is damaged and cannot be read") from exc
    if not pages:
        raise CorruptDocument("the PDF has no pages")
    return pages


# --- entry point --------------------------------------------------------------------------------------


def extract_pdf(data: bytes, *, limits: Limits, engine: str = "pypdfium2") -> tuple[str, int, list[str]]:
    """Text of a PDF in reading order; returns (text, pages, warnings).

    Raises EncryptedDocument, CorruptDocument, DocumentTooLarge, ImageOnlyDocument (pages with images but
    no text layer), EmptyDocument (pages with nothing at all).
    """
    if engine == "pdfminer":
        pages = _read_pdfminer(data, limits)
    else:
        with _PDFIUM_LOCK:
            pages = _read_pdfium(data, limits)
    if not pages:
        raise CorruptDocument("the PDF has no pages")
    text, dropped = pages_to_text(pages)
    notes: list[str] = []
    if dropped:
        notes.append(f"removed {dropped} repeated header/footer lines")
    alnum = len(_ALNUM_RE.findall(text)) if len(text) < 4 * _SCAN_CHARS_PER_PAGE * len(pages) else len(text)
    if alnum == 0:
        if any(p.has_objects for p in pages):
            raise ImageOnlyDocument("the PDF has no text layer (a scan or images only); OCR is not run")
        raise EmptyDocument("the PDF pages are blank")
    if alnum < _SCAN_CHARS_PER_PAGE * len(pages) and all(p.has_images for p in pages):
        raise ImageOnlyDocument("the PDF is a scan with almost no text layer; OCR is not run")
    return text, len(pages), notes
