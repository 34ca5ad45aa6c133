"""Work history: positions (title, employer, location, dates, bullets), total experience and gaps.

Each date range in an experience section anchors one position. The position's header is the run of short
lines just before the date (or, in "date first" layouts, just after it) plus the rest of the date's line.
Header fragments are told apart with small lexicons: title words (engineer, manager, teacher ...), employer
cues (Ltd, Inc, Technologies, University, "at X") and "City, ST" locations. Total experience is the union
of the position intervals (overlaps merged, never summed); gaps are holes of at least `min_gap` months.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date

from models.evidence import Span
from models.resume import Gap, Section, WorkItem
from parsers.dates import DateRange, find_date_ranges, interval, merge_intervals, ordinal_to_date

__all__ = [
    "TITLE_WORDS",
    "extract_experience",
    "find_gaps",
    "looks_like_employer",
    "looks_like_title",
    "total_months",
]

TITLE_WORDS = frozenset(
    [
        "engineer",
        "engineers",
        "developer",
        "developers",
        "manager",
        "analyst",
        "consultant",
        "architect",
        "administrator",
        "admin",
        "designer",
        "director",
        "officer",
        "executive",
        "specialist",
        "lead",
        "leader",
        "head",
        "intern",
        "internship",
        "trainee",
        "associate",
        "assistant",
        "coordinator",
        "supervisor",
        "editor",
        "writer",
        "teacher",
        "lecturer",
        "professor",
        "instructor",
        "tutor",
        "trainer",
        "technician",
        "accountant",
        "auditor",
        "clerk",
        "representative",
        "agent",
        "advisor",
        "adviser",
        "counselor",
        "nurse",
        "physician",
        "doctor",
        "surgeon",
        "pharmacist",
        "therapist",
        "chef",
        "cook",
        "waiter",
        "server",
        "cashier",
        "driver",
        "operator",
        "mechanic",
        "electrician",
        "programmer",
        "tester",
        "scientist",
        "researcher",
        "fellow",
        "president",
        "vice",
        "vp",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "founder",
        "co-founder",
        "owner",
        "partner",
        "principal",
        "staff",
        "senior",
        "sr",
        "junior",
        "jr",
        "chief",
        "member",
        "volunteer",
        "attorney",
        "lawyer",
        "paralegal",
        "secretary",
        "receptionist",
        "banker",
        "underwriter",
        "broker",
        "recruiter",
        "strategist",
        "planner",
        "buyer",
        "merchandiser",
        "marketer",
        "producer",
        "reporter",
        "journalist",
        "photographer",
        "artist",
        "translator",
        "interpreter",
        "librarian",
        "inspector",
        "surveyor",
        "estimator",
        "foreman",
        "superintendent",
        "pilot",
        "steward",
        "stewardess",
        "attendant",
        "dietitian",
        "nutritionist",
        "coach",
        "dentist",
        "hygienist",
        "paramedic",
        "technologist",
        "controller",
        "treasurer",
        "bookkeeper",
        "cashier",
        "salesman",
        "salesperson",
        "consultancy",
        "expert",
        "professional",
        "freelancer",
        "freelance",
        "contractor",
        "apprentice",
        "helper",
        "worker",
        "labourer",
        "laborer",
        "handler",
        "guard",
        "investigator",
        "economist",
        "statistician",
        "mathematician",
        "dba",
        "devops",
        "sde",
        "sme",
        "qa",
        "tl",
        "pm",
        "hr",
        "mts",
        "smts",
        "swe",
        "sdet",
    ]
)
_ORG_WORDS = frozenset(
    [
        "ltd",
        "ltd.",
        "limited",
        "inc",
        "inc.",
        "incorporated",
        "llc",
        "llp",
        "plc",
        "pvt",
        "pvt.",
        "private",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "company",
        "companies",
        "technologies",
        "technology",
        "solutions",
        "services",
        "systems",
        "group",
        "holdings",
        "bank",
        "industries",
        "international",
        "consulting",
        "consultants",
        "labs",
        "laboratories",
        "software",
        "infotech",
        "infosystems",
        "enterprises",
        "associates",
        "partners",
        "university",
        "college",
        "institute",
        "school",
        "academy",
        "hospital",
        "clinic",
        "foundation",
        "ministry",
        "department",
        "government",
        "agency",
        "council",
        "authority",
        "bureau",
        "network",
        "networks",
        "media",
        "studios",
        "studio",
        "motors",
        "airlines",
        "airways",
        "pharmaceuticals",
        "pharma",
        "healthcare",
        "insurance",
        "financial",
        "capital",
        "ventures",
        "global",
        "telecom",
        "communications",
        "electronics",
        "logistics",
        "retail",
        "restaurant",
        "hotel",
        "hotels",
        "resorts",
        "trust",
        "society",
        "organisation",
        "organization",
        "ngo",
        "gmbh",
        "ag",
        "sa",
        "bv",
        "pty",
        "nv",
    ]
)
_KNOWN_EMPLOYERS = frozenset(
    [
        "accenture",
        "infosys",
        "wipro",
        "tcs",
        "cognizant",
        "capgemini",
        "deloitte",
        "ibm",
        "oracle",
        "microsoft",
        "google",
        "amazon",
        "facebook",
        "meta",
        "apple",
        "hcl",
        "mindtree",
        "mphasis",
        "cisco",
        "intel",
        "sap",
        "adobe",
        "walmart",
        "target",
        "disney",
    ]
)

_BULLET_RE = re.compile(r"^\s*(?:[•·▪●◦○■□♦❖➢➤►▶✓✔\-*–—〓]|\d{1,2}[.)]\s|[a-z][.)]\s|o\s)")
_SPLIT_RE = re.compile(r"\s+[-–—|]\s+|\s+[-–—]$|\s*\|\s*|\t+|\s{3,}|\s+@\s+|\s+at\s+(?=[A-Z])|,\s+(?=[A-Z])")
_LOCATION_FRAG = re.compile(
    r"^(?:[A-Z][A-Za-z.\-]+(?:\s[A-Z][A-Za-z.\-]+){0,3},\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"(?:\s+\d{5,6})?|remote|india|usa|uk|united states|united kingdom|canada|australia)$",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z.&'\-]*")


def _words(s: str) -> list[str]:
    return [w.lower().strip(".") for w in _WORD_RE.findall(s)]


def looks_like_title(s: str) -> float:
    """How much `s` reads as a job title, 0..1."""
    ws = _words(s)
    if not ws or len(ws) > 9:
        return 0.0
    hits = sum(1 for w in ws if w in TITLE_WORDS or w.rstrip("s") in TITLE_WORDS)
    if not hits:
        return 0.0
    last = ws[-1].rstrip("s")
    return 1.0 if last in TITLE_WORDS or ws[-1] in TITLE_WORDS else 0.7


def looks_like_employer(s: str) -> float:
    """How much `s` reads as an organisation name, 0..1."""
    ws = _words(s)
    if not ws or len(ws) > 10:
        return 0.0
    if any(w in _ORG_WORDS for w in ws):
        return 1.0
    if any(w in _KNOWN_EMPLOYERS for w in ws):
        return 0.9
    return 0.0


@dataclass
class _Line:
    start: int
    end: int  # without the newline
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _lines(text: str, start: int, end: int) -> list[_Line]:
    out: list[_Line] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        e = end if nl < 0 else nl
        out.append(_Line(pos, e, text[pos:e]))
        pos = e + 1
    return out


def _is_header_like(line: _Line) -> bool:
    s = line.stripped
    if not s or len(s) > 90:
        return False
    if _BULLET_RE.match(line.text):
        return False
    if s.endswith(".") and len(s.split()) > 6:
        return False
    if s[:1].islower():
        return False
    return len(s.split()) <= 12


def _anchor_ok(line: _Line, dr: DateRange, text: str) -> bool:
    """A date range that dates a position: a real range or a month-precise date, on a short line or at its edge."""
    s = line.stripped
    if dr.single and (dr.first is None or dr.first.month is None) and len(s) > 60:
        # a lone year only dates a position on a short line ("2019  Acme Corp")
        return False
    if _BULLET_RE.match(line.text) and len(s) > 60:
        return False
    if len(s) <= 80:
        return True
    # long line: the date must sit at its start or end
    lead = text[line.start : dr.start].strip(" ([")
    tail = text[dr.end : line.end].strip(" )].")
    return not lead or not tail


@dataclass
class _Anchor:
    line_idx: int
    dr: DateRange


def _clean_frag(s: str) -> str:
    s = s.strip(" \t-–—|,:;()[]•*")
    s = re.sub(r"^(?:at|@|with)\s+", "", s, flags=re.IGNORECASE)
    s = re.sub(r"\s+", " ", s)
    return s.strip()


def _fragments(text: str, line: _Line, cut: tuple[int, int] | None) -> list[tuple[str, int, int]]:
    """Pieces of a header line (absolute offsets), with the date range `cut` out."""
    pieces: list[tuple[int, int]] = []
    if cut:
        a, b = cut
        if a > line.start:
            pieces.append((line.start, a))
        if b < line.end:
            pieces.append((b, line.end))
    else:
        pieces.append((line.start, line.end))
    out: list[tuple[str, int, int]] = []
    for a, b in pieces:
        seg = text[a:b]
        pos = 0
        parts: list[tuple[int, int]] = []
        for m in _SPLIT_RE.finditer(seg):
            parts.append((pos, m.start()))
            pos = m.end()
        parts.append((pos, len(seg)))
        for pa, pb in parts:
            raw = seg[pa:pb]
            frag = _clean_frag(raw)
            if not frag or not re.search(r"[A-Za-z]{2}", frag):
                continue
            off = a + pa + raw.find(frag.split(" ")[0]) if frag.split(" ")[0] in raw else a + pa
            out.append((frag, off, off + len(frag)))
    # join "City, ST" that the comma split broke apart
    merged: list[tuple[str, int, int]] = []
    for frag, a, b in out:
        if (
            merged
            and re.fullmatch(r"[A-Z]{2}(?:\s+\d{5})?|[A-Z][a-z]+", frag)
            and text[merged[-1][2] : a].strip() == ","
        ):
            pf, pa, _pb = merged[-1]
            if _LOCATION_FRAG.match(f"{pf}, {frag}"):
                merged[-1] = (text[pa:b], pa, b)
                continue
        merged.append((frag, a, b))
    return merged


_NOISE_FRAG = re.compile(
    r"^(?:responsibilities|roles?(?: and responsibilities)?|duties|key responsibilities|environment|"
    r"description|project|client|team size|duration|technologies|achievements|tools)\b",
    re.IGNORECASE,
)


def _assign(
    frags: list[tuple[str, int, int]],
) -> tuple[tuple[str, int, int] | None, tuple[str, int, int] | None, tuple[str, int, int] | None, float]:
    """(title, employer, location, confidence) from header fragments."""
    title = employer = location = None
    rest: list[tuple[str, int, int]] = []
    for f in frags:
        if _NOISE_FRAG.match(f[0]) or len(f[0]) > 80:
            continue
        if location is None and _LOCATION_FRAG.match(f[0]):
            location = f
            continue
        rest.append(f)
    scored = [(looks_like_title(f[0]), looks_like_employer(f[0]), f) for f in rest]
    for t, e, f in scored:
        if title is None and t > 0 and t >= e:
            title = f
    for _t, e, f in scored:
        if employer is None and f is not title and e > 0:
            employer = f
    others = [f for _t, _e, f in scored if f is not title and f is not employer]
    conf = 0.8 if title and employer else 0.6
    if title is None and others:
        if employer is None and len(others) >= 2:
            title, employer = others[0], others[1]
            conf = 0.45
        else:
            title = others[0]
            others = others[1:]
            conf = 0.5
    elif employer is None and others:
        employer = others[0]
        conf = 0.65
    return title, employer, location, conf


def extract_experience(text: str, sections: list[Section], *, today: date | None = None) -> list[WorkItem]:
    """Positions from every experience section, in document order."""
    today = today or date.today()
    items: list[WorkItem] = []
    for sec in sections:
        if sec.kind != "experience":
            continue
        items.extend(_section_positions(text, sec, today))
    return items


def _section_positions(text: str, sec: Section, today: date) -> list[WorkItem]:
    lines = _lines(text, sec.start, sec.end)
    if sec.heading and lines:
        lines = lines[1:]  # the heading line itself
    if not lines:
        return []
    anchors: list[_Anchor] = []
    for i, ln in enumerate(lines):
        if not ln.stripped:
            continue
        for dr in find_date_ranges(ln.text):
            dr_abs = DateRange(
                dr.first, dr.last, dr.current, ln.start + dr.start, ln.start + dr.end, dr.single
            )
            if _anchor_ok(ln, dr_abs, text):
                anchors.append(_Anchor(i, dr_abs))
                break  # one position per line
    if not anchors:
        return []

    # Layout: do header lines come before the date (most resumes) or after it ("2004-2007\nAcme\nEditor")?
    first = anchors[0].line_idx
    before_first = [ln for ln in lines[:first] if ln.stripped]
    date_first = not any(_is_header_like(ln) for ln in before_first[-3:]) and not _rest_of_line(
        text, lines[first], anchors[0].dr
    )

    items: list[WorkItem] = []
    used_until = 0  # line index below which lines belong to an earlier position
    header_starts: list[int] = []
    headers: list[list[int]] = []
    for k, anc in enumerate(anchors):
        idx = anc.line_idx
        hdr: list[int] = []
        if not date_first:
            j = idx - 1
            while j >= used_until and len(hdr) < 3:
                ln = lines[j]
                if not ln.stripped:
                    if hdr:
                        # allow one blank line between header lines (Indeed layout)
                        j -= 1
                        continue
                    j -= 1
                    continue
                if not _is_header_like(ln) or (k > 0 and j <= anchors[k - 1].line_idx):
                    break
                hdr.insert(0, j)
                j -= 1
        else:
            nxt = anchors[k + 1].line_idx if k + 1 < len(anchors) else len(lines)
            j = idx + 1
            while j < nxt and len(hdr) < 2:
                ln = lines[j]
                if not ln.stripped:
                    j += 1
                    continue
                if not _is_header_like(ln):
                    break
                hdr.append(j)
                j += 1
        headers.append(hdr)
        header_starts.append(min([idx, *hdr]))
        used_until = idx + 1

    for k, anc in enumerate(anchors):
        idx = anc.line_idx
        hdr = headers[k]
        frags: list[tuple[str, int, int]] = []
        for h in hdr:
            if h < idx:
                frags.extend(_fragments(text, lines[h], None))
        frags.extend(_fragments(text, lines[idx], (anc.dr.start, anc.dr.end)))
        for h in hdr:
            if h > idx:
                frags.extend(_fragments(text, lines[h], None))
        if date_first and len([h for h in hdr if h > idx]) >= 2:
            # "date / employer / title" layouts list the employer first
            pass
        title, employer, location, conf = _assign(frags)
        block_start_idx = header_starts[k]
        block_end_idx = header_starts[k + 1] if k + 1 < len(anchors) else len(lines)
        body_from = max([idx, *hdr]) + 1
        desc: list[str] = []
        for ln in lines[body_from:block_end_idx]:
            s = ln.stripped
            if s:
                desc.append(_BULLET_RE.sub("", s, count=1).strip() if _BULLET_RE.match(ln.text) else s)
        bstart = lines[block_start_idx].start
        bend = lines[block_end_idx - 1].end if block_end_idx - 1 >= block_start_idx else lines[idx].end
        dr = anc.dr
        item = WorkItem(
            title=title[0] if title else None,
            employer=employer[0] if employer else None,
            location=location[0] if location else None,
            start=dr.first,
            end=None if dr.current else dr.last,
            current=dr.current,
            description=_join_wrapped(desc),
            title_evidence=Span.of(text, title[1], title[2]) if title else None,
            employer_evidence=Span.of(text, employer[1], employer[2]) if employer else None,
            dates_evidence=Span.of(text, dr.start, dr.end),
            evidence=Span.of(text, bstart, max(bend, bstart)),
            confidence=conf if not dr.single else conf * 0.8,
        )
        iv = interval(dr.first, dr.last, dr.current, today=today)
        item.months = (iv[1] - iv[0]) if iv else None
        items.append(item)
    return items


def _rest_of_line(text: str, line: _Line, dr: DateRange) -> str:
    return (text[line.start : dr.start] + " " + text[dr.end : line.end]).strip(" \t-–|,:()")


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join lines a PDF wrapped mid-sentence (a line that starts lower-case continues the previous one)."""
    out: list[str] = []
    for s in lines:
        if out and s[:1].islower() and not out[-1].endswith((".", ":", ";")):
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
    return out


def _intervals(items: list[WorkItem], today: date) -> list[tuple[int, int]]:
    out = []
    for w in items:
        iv = interval(w.start, w.end, w.current, today=today)
        if iv:
            out.append(iv)
    return out


def total_months(items: list[WorkItem], *, today: date | None = None) -> int:
    """Months covered by the positions, overlaps merged (never summed)."""
    merged = merge_intervals(_intervals(items, today or date.today()))
    return sum(b - a for a, b in merged)


def find_gaps(items: list[WorkItem], *, today: date | None = None, min_gap: int = 3) -> list[Gap]:
    """Holes of at least `min_gap` months between positions (after merging overlaps)."""
    merged = merge_intervals(_intervals(items, today or date.today()))
    gaps: list[Gap] = []
    for (_a1, b1), (a2, _b2) in itertools.pairwise(merged):
        if a2 - b1 >= min_gap:
            gaps.append(Gap(start=ordinal_to_date(b1), end=ordinal_to_date(a2 - 1), months=a2 - b1))
    return gaps
