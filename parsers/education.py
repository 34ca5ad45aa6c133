"""Education: degree as written, normalized level, field, institution and dates.

Degrees are found with a pattern table (B.E., B.Tech, BSc, BA, MBA, M.S., MTech, PhD, Diploma, HSC/SSC/12th
...) in education sections, or anywhere when a line pairs a degree with an institution word. Each degree
anchors one entry; the institution is the nearest line (or comma piece) holding an institution word
(University, College, Institute, School ...), the year the nearest date after the degree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.evidence import Span
from models.resume import Education, Section
from parsers.dates import find_date_ranges

__all__ = ["degree_level", "extract_education", "find_degrees"]

# (pattern, level); earlier patterns win when they overlap
_DEGREE_TABLE: list[tuple[str, str]] = [
    (r"ph\.?\s?d\.?|d\.?\s?phil\.?|doctor(?:ate)?\s+of\s+[a-z]+(?:\s+[a-z]+)?|doctorate|ed\.?\s?d\.?", "doctorate"),
    (r"m\.?\s?tech\.?|m\.?\s?e\.(?=\s|,|$)|m\.\s?s\.?(?=\s|,|$|\()|m\.?\s?sc\.?|m\.?\s?b\.?\s?a\.?|mba|"
     r"m\.?\s?c\.?\s?a\.?|mca|m\.?\s?com\.?|m\.\s?a\.|m\.?\s?ed\.?|m\.?\s?phil\.?|ll\.?\s?m\.?|m\.?\s?arch\.?|"
     r"m\.?\s?pharm\.?|pgdm|pgdba|post\s*graduate\s+diploma|post\s*graduation|postgraduate\s+degree|"
     r"master'?s?(?:[ \t]+degree)?(?:[ \t]+of|[ \t]+in)?(?:[ \t]+[a-z]+){0,2}|ms(?=\s+(?:in|\()|,)|ma(?=\s+in\b)|msc|"
     r"m\.?\s?s\.?\s+in", "master"),
    (r"b\.?\s?tech\.?|b\.?\s?e\.(?=\s|,|$|\()|be(?=\s+(?:in|\())|b\.\s?s\.?(?=\s|,|$|\()|b\.?\s?sc\.?|bsc|"
     r"b\.?\s?com\.?|bcom|b\.?\s?c\.?\s?a\.?|bca|b\.\s?a\.|ba(?=\s+(?:in|\()|,)|bs(?=\s+(?:in|\()|,)|"
     r"b\.?\s?b\.?\s?a\.?|bba|b\.?\s?ed\.?|ll\.?\s?b\.?|b\.?\s?arch\.?|b\.?\s?pharm\.?|bcl|mbbs|b\.?\s?d\.?\s?s\.?|"
     r"bachelor'?s?(?:[ \t]+degree)?(?:[ \t]+of|[ \t]+in)?(?:[ \t]+[a-z]+){0,2}|under\s*graduate\s+degree|graduation|"
     r"engineering\s+graduate|b\.?\s?s\.?\s+in", "bachelor"),
    (r"associate'?s?\s+(?:degree|of\s+[a-z]+(?:\s+[a-z]+)?)|a\.a\.s?\.?|a\.s\.(?=\s)|hnd", "associate"),
    (r"diploma(?:\s+in)?|polytechnic", "associate"),
    (r"h\.?\s?s\.?\s?c\.?|s\.?\s?s\.?\s?c\.?|12th|10th|xii(?:th)?|x(?:th)?(?=\s+(?:std|standard|grade|class))|"
     r"higher\s+secondary(?:\s+certificate)?|senior\s+secondary|secondary\s+school(?:\s+certificate)?|"
     r"high\s+school(?:\s+diploma)?|intermediate|matriculation|matric|cbse|icse|ged|a[\s-]levels?|"
     r"o[\s-]levels?|gcse|puc|pre[\s-]university|sslc|hsslc", "secondary"),
]  # fmt: skip
_DEGREE_RE = re.compile(
    "|".join(f"(?P<l{i}>(?<![A-Za-z])(?:{p})(?![A-Za-z]))" for i, (p, _lvl) in enumerate(_DEGREE_TABLE)),
    re.IGNORECASE,
)
_LEVEL_BY_GROUP = {f"l{i}": lvl for i, (_p, lvl) in enumerate(_DEGREE_TABLE)}
# Short all-letter abbreviations ("BE", "MS", "BA") only count upper-case, to avoid "be", "ms", "ma" words.
_CASE_SENSITIVE = re.compile(
    r"^(?:be|ba|bs|ms|ma|me|ba|hsc|ssc|ged|puc|hnd|mba|bca|mca|bba|bcl)$", re.IGNORECASE
)

_INSTITUTION_RE = re.compile(
    r"\b(?:university|universit[yé]|college|institute|institution|school|academy|polytechnic|vidyalaya|"
    r"vidyapeeth|mahavidyalaya|iit|nit|iiit|iim|bits|faculty|conservatory|seminary|campus|board)\b",
    re.IGNORECASE,
)
_FIELD_RE = re.compile(
    r"(?:\bin\b|\bof\b|,|-|–|\()\s*((?:[A-Z][A-Za-z&.]*|and|of|&)(?:[ \t]+(?:[A-Z][A-Za-z&.]*|and|of|&|[a-z]+)){0,5})"
)


def degree_level(degree: str) -> str | None:
    """Normalized level of a degree as written ("B.Tech" -> bachelor, "HSC" -> secondary), or None."""
    m = _DEGREE_RE.search(degree)
    if not m or m.lastgroup is None:
        return None
    return _LEVEL_BY_GROUP[m.lastgroup]


@dataclass(frozen=True)
class DegreeHit:
    """A degree mention: text, level and offsets."""

    text: str
    level: str
    start: int
    end: int


def find_degrees(text: str, start: int = 0, end: int | None = None) -> list[DegreeHit]:
    """Every degree mention in text[start:end]."""
    end = len(text) if end is None else end
    out: list[DegreeHit] = []
    for m in _DEGREE_RE.finditer(text, start, end):
        s = m.group(0)
        if _CASE_SENSITIVE.match(s.replace(".", "").strip()) and not s.replace(".", "").isupper():
            continue
        if s.lower() == "intermediate" and not re.search(
            r"\b(?:board|class|college|12|xii|mpc|bipc|cec|science|commerce)\b",
            text[m.start() : min(end, m.end() + 60)],
            re.IGNORECASE,
        ):
            continue
        if s.lower() in {"graduation", "diploma", "diploma in"} and not re.search(
            r"\b(?:in|from|of|at|university|college|institute|19\d\d|20\d\d)\b",
            text[m.end() : min(end, m.end() + 80)],
            re.IGNORECASE,
        ):
            continue
        lvl = _LEVEL_BY_GROUP[m.lastgroup or "l0"]
        out.append(DegreeHit(s.strip(), lvl, m.start(), m.start() + len(s.strip())))
    return out


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def _degree_phrase(text: str, hit: DegreeHit) -> tuple[int, int]:
    """The degree as written: the hit extended over its field on the same line ("B.Tech in Computer Science")."""
    _a, b = _line_bounds(text, hit.start)
    tail = text[hit.end : b]
    m = re.match(
        r"(?:\s*(?:\(|in\b|of\b|-|–|:|,)?\s*)([A-Z][A-Za-z&.'/]*(?:[ \t]+(?:[A-Z][A-Za-z&.'/]*|and|of|&|in)){0,6})",
        tail,
    )
    if m and m.group(1) and not _INSTITUTION_RE.search(m.group(1)):
        end = hit.end + m.end(1)
        return hit.start, end
    return hit.start, hit.end


def _field_of(text: str, hit: DegreeHit, phrase_end: int) -> str | None:
    seg = text[hit.end : phrase_end]
    seg = re.sub(r"^\s*(?:\(|in\b|of\b|-|–|:|,)?\s*", "", seg).strip(" .,)")
    seg = re.sub(r"^(?:science|arts|engineering|technology|commerce)\s+in\s+", "", seg, flags=re.IGNORECASE)
    return seg or None


def _institution_near(text: str, hit: DegreeHit, lo: int, hi: int) -> tuple[str, int, int] | None:
    """Closest institution mention to the degree within [lo, hi): same line first, then nearby lines."""
    best: tuple[int, tuple[str, int, int]] | None = None
    for m in _INSTITUTION_RE.finditer(text, lo, hi):
        a, b = _line_bounds(text, m.start())
        # the comma/dash piece of the line that holds the institution word
        pa = max(text.rfind(",", a, m.start()), text.rfind(" - ", a, m.start()), text.rfind("|", a, m.start()),
                 text.rfind("\t", a, m.start()))  # fmt: skip
        pa = a if pa < 0 else pa + 1
        if hit.start <= pa < hit.end or (a <= hit.start < m.start() and pa <= hit.end):
            pa = max(pa, hit.end)
        seps = [x for x in (text.find(",", m.end(), b), text.find(" - ", m.end(), b), text.find("|", m.end(), b),
                            text.find("\t", m.end(), b), text.find("(", m.end(), b)) if x >= 0]  # fmt: skip
        pb = min(seps) if seps else b
        piece = text[pa:pb]
        # "University of X, City" keeps "of X"
        cand = piece.strip(" \t-–:;,.()•")
        cand = re.sub(r"^(?:from|at|in)\s+", "", cand, flags=re.IGNORECASE)
        if not cand or len(cand) > 90:
            continue
        # a piece that also holds the degree: keep what follows the degree phrase
        cand = re.sub(r"\s+(?:19|20)\d\d.*$", "", cand).strip(" ,.-–")
        if not cand:
            continue
        off = text.find(cand, pa, pb + 1)
        if off < 0:
            continue
        dist = abs(off - hit.start)
        if best is None or dist < best[0]:
            best = (dist, (cand, off, off + len(cand)))
    return best[1] if best else None


def extract_education(text: str, sections: list[Section]) -> list[Education]:
    """Degrees from education sections; outside them, only degree lines that also name an institution."""
    out: list[Education] = []
    edu_secs = [s for s in sections if s.kind == "education"]
    hits: list[tuple[DegreeHit, int, int]] = []  # (hit, region lo, region hi)
    for sec in edu_secs:
        for h in find_degrees(text, sec.start, sec.end):
            hits.append((h, sec.start, sec.end))
    if not hits:
        for sec in sections:
            if sec.kind in {"education", "experience", "projects", "skills"}:
                continue
            for h in find_degrees(text, sec.start, sec.end):
                a, b = _line_bounds(text, h.start)
                if _INSTITUTION_RE.search(text, a, b) or (
                    h.level in {"bachelor", "master", "doctorate"}
                    and (sec.kind in {"header", "summary", "other"})
                ):
                    hits.append((h, a, min(sec.end, b + 200)))
    # merge hits on the same line into one (e.g. "Master of Science (M.S.)")
    kept: list[tuple[DegreeHit, int, int]] = []
    for h, lo, hi in hits:
        if (
            kept
            and _line_bounds(text, kept[-1][0].start) == _line_bounds(text, h.start)
            and (h.start - kept[-1][0].end < 8)
        ):
            continue
        kept.append((h, lo, hi))
    for i, (h, lo, hi) in enumerate(kept):
        # the entry spans from the previous degree's line end to the next degree's line start
        prev_end = _line_bounds(text, kept[i - 1][0].start)[1] if i > 0 else lo
        next_start = _line_bounds(text, kept[i + 1][0].start)[0] if i + 1 < len(kept) else hi
        ea = max(lo, prev_end)
        eb = min(hi, next_start)
        la, lb = _line_bounds(text, h.start)
        # the entry: the degree's line plus up to two lines around it inside [ea, eb)
        win_a = max(ea, text.rfind("\n", 0, max(la - 1, 0)) + 1 if la > 0 else 0)
        win_a = max(ea, _prev_lines_start(text, la, 2))
        win_b = min(eb, _next_lines_end(text, lb, 3))
        pa, pb = _degree_phrase(text, h)
        inst = _institution_near(text, h, win_a, max(win_b, lb))
        dates = [d for d in find_date_ranges(text[win_a : max(win_b, lb)])]
        start = end = None
        dspan = None
        if dates:
            # the date closest to the degree
            best = min(dates, key=lambda d: abs(win_a + d.start - h.start))
            if best.single:
                end = best.first
            else:
                start, end = best.first, (None if best.current else best.last)
            dspan = Span.of(text, win_a + best.start, win_a + best.end)
        conf = 0.5 + (0.25 if inst else 0) + (0.15 if dates else 0)
        out.append(
            Education(
                institution=inst[0] if inst else None,
                degree=text[pa:pb].strip(),
                level=h.level,  # type: ignore[arg-type]
                field=_field_of(text, h, pb),
                start=start,
                end=end,
                institution_evidence=Span.of(text, inst[1], inst[2]) if inst else None,
                degree_evidence=Span.of(text, pa, pb),
                dates_evidence=dspan,
                evidence=Span.of(text, win_a, max(win_b, lb)),
                confidence=min(conf, 0.95),
            )
        )
    return out


def _prev_lines_start(text: str, line_start: int, n: int) -> int:
    pos = line_start
    for _ in range(n):
        if pos <= 0:
            return 0
        p = text.rfind("\n", 0, pos - 1)
        pos = p + 1
    return pos


def _next_lines_end(text: str, line_end: int, n: int) -> int:
    pos = line_end
    for _ in range(n):
        if pos >= len(text):
            return len(text)
        p = text.find("\n", pos + 1)
        pos = len(text) if p < 0 else p
    return pos
