"""Parse a job description: title, required vs preferred skills, minimum years, degree level, location, seniority.

Skills come from the same taxonomy and matcher as resumes (parsers.skills), each with its evidence span in the
job text. Whether a skill is required or preferred is read from the block it sits in ("Requirements",
"Must have", "Qualifications" vs "Nice to have", "Preferred", "Bonus") and from cues in its own sentence
("... is a plus", "preferred", "ideally"); company boilerplate ("About us", "Benefits", equal-opportunity
statements) is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.errors import ValidationFailed
from models.evidence import Span
from models.job import Job, JobSkill, Seniority
from models.resume import EducationLevel
from parsers.skills import find_skill_spans
from parsers.taxonomy import load_taxonomy

__all__ = ["parse_job"]

_MAX_TITLE = 120

_REQUIRED_HEAD = re.compile(
    r"\b(?:your mission|your story|your profile|your role|you are|the ideal candidate|ideal candidate|profile)\b|"
    r"requirements?|required|must[- ]haves?|qualifications?|what you(?:'|’)?ll need|what you need|what you bring|"
    r"what we(?:'|’)?re looking for|what we are looking for|who you are|you have|you bring|you(?:'|’)?ll have|"
    r"skills|experience|essential|knowledge|competenc|abilities|responsibilit|duties|what you(?:'|’)?ll do|"
    r"what you will do|the role|role description|about the role|your role|accountabilities|key tasks|"
    r"in this role|day to day|job description|position summary|summary|overview|primary|functions",
    re.IGNORECASE,
)
_PREFERRED_HEAD = re.compile(
    r"nice[- ]to[- ]haves?|preferred|bonus|pluses|a plus|desired|desirable|good to have|additional qualifications|"
    r"extra credit|ideally|it would be great|even better|optional|assets?\b",
    re.IGNORECASE,
)
_IGNORE_HEAD = re.compile(
    r"\b(?:about (?:us|the company|the team|(?!the job|the role|this role|the position|you)[A-Z][\w&.\- ]{0,40})$|"
    r"company (?:description|overview)|who we are|our mission|"
    r"our story|our values|our culture|why (?:join|work)|what we offer|we offer|benefits|perks|compensation|salary|"
    r"pay range|equal (?:employment )?opportunit|eeo|diversity|accommodation|privacy|life at|our team|"
    r"how to apply|application process|disclaimer|legal)",
    re.IGNORECASE,
)
_PREFERRED_SENT = re.compile(
    r"\b(?:preferred|preferably|a plus|an? (?:big |huge )?plus|is a bonus|bonus points?|nice to have|desirable|"
    r"desired|ideally|advantageous|an advantage|(?:would|will) be (?:beneficial|helpful|great)|good to have|"
    r"not required|optional)\b",
    re.IGNORECASE,
)
_REQUIRED_SENT = re.compile(
    r"\b(?:required|requires?|must|minimum|at least|mandatory|essential)\b", re.IGNORECASE
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪●◦■+]|\d+[.)])\s*")
_LABEL_TITLE = re.compile(
    r"^\s*(?:job\s+title|position(?:\s+title)?|title|role|job)\s*[:\-–]\s*(.+?)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_LABEL_LOCATION = re.compile(
    r"^\s*(?:job\s+)?(?:location|work\s+location|based\s+in|office)\s*[:\-–]\s*(.+?)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_GENERIC_FIRST = re.compile(r"^(?:about the job|job description|description|overview)$", re.IGNORECASE)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS_RE = re.compile(
    r"(?:(?:at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than)\s+)?"
    + _NUM
    + r"\s*(?:\+|plus)?\s*(?:(?:-|–|—|to)\s*"
    + _NUM
    + r"\s*\+?\s*)?(?:\(\d{1,2}\)\s*)?(?:years?|yrs?)\b(?P<tail>[^.\n;]{0,80})",
    re.IGNORECASE,
)
_YEARS_TAIL = re.compile(
    r"experience|exp\b|of\s+(?:\w+\s+){0,5}(?:work|teaching|industry|practice)", re.IGNORECASE
)
_YEARS_BEFORE = re.compile(r"experience\s*(?:of|:)?\s*$", re.IGNORECASE)

# One pass over the text; each named group is a level. Abbreviations are case-sensitive ("MS", "BA").
_DEGREE_RE = re.compile(
    r"(?P<doctorate>(?i:\bph\.?\s?d\b\.?|\bdoctorate\b|\bdoctoral degree\b|\bdoctor of\b)|\b(?:MD|DPT|PharmD|PsyD)\b)"
    r"|(?P<master>(?i:\bmaster(?:'|’)?s?\b|\bgraduate degree\b|\badvanced degree\b)"
    r"|\bM\.?B\.?A\b|\bM\.S\.|\bM\.Sc\b|\bMSc\b|\bM\.A\.|\bM\.?Ed\b|\bMSN\b|\bMPH\b|\bMS\b(?= degree| in\b))"
    r"|(?P<bachelor>(?i:\bbachelor(?:'|’)?s?\b|\bundergraduate degree\b|\b(?:four|4)[- ]year (?:college )?degree\b"
    r"|\bcollege degree\b|\buniversity degree\b|\bb\.?tech\b)"
    r"|\bB\.S\.|\bB\.A\.|\bBSc\b|\bB\.Sc\b|\bBBA\b|\bBSN\b|\bB\.E\.|\bBS\b(?= degree| in\b|/| or\b)"
    r"|\bBA\b(?= degree| in\b|/| or\b))"
    r"|(?P<associate>(?i:\bassociate(?:'|’)?s? degree\b|\bassociate of (?:arts|science)\b))"
    r"|(?P<secondary>(?i:\bhigh school (?:diploma|education|graduate)\b|\bsecondary school\b)|\bGED\b)"
)
_YEAR_WORD_RE = re.compile(r"(?i:\b(?:years?|yrs?)\b)")
_LEVEL_ORDER: tuple[EducationLevel, ...] = ("secondary", "associate", "bachelor", "master", "doctorate")

_SENIORITY: list[tuple[Seniority, re.Pattern[str]]] = [
    ("intern", re.compile(r"\b(?:intern|internship|trainee|apprentice|co-?op)\b", re.IGNORECASE)),
    (
        "executive",
        re.compile(
            r"\b(?:chief|c[etofi]o|vp|svp|evp|vice president|director|head of|president|partner|general manager)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "lead",
        re.compile(
            r"\b(?:lead|leader|manager|supervisor|principal|head|foreman|superintendent)\b", re.IGNORECASE
        ),
    ),
    ("senior", re.compile(r"\b(?:senior|sr\.?|staff|expert|iii|iv|experienced)\b", re.IGNORECASE)),
    (
        "junior",
        re.compile(r"\b(?:junior|jr\.?|entry[- ]level|graduate|assistant|associate i|i)\b", re.IGNORECASE),
    ),
    ("mid", re.compile(r"\b(?:mid[- ]level|intermediate|ii)\b", re.IGNORECASE)),
]


@dataclass
class _Block:
    start: int
    end: int
    mode: str  # "required", "preferred", "ignore", "neutral"


def _is_heading(line: str) -> bool:
    bulleted = _BULLET.match(line) is not None
    s = _BULLET.sub("", line).strip()
    if bulleted and not s.endswith(":"):
        return False
    if not s or len(s) > 70:
        return False
    words = s.rstrip(":").split()
    if not 1 <= len(words) <= 9:
        return False
    if s.endswith(":"):
        return True
    if s.endswith((".", ",", ";")):
        return False
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        return True
    return _IGNORE_HEAD.search(s) is not None or (
        (_REQUIRED_HEAD.search(s) is not None or _PREFERRED_HEAD.search(s) is not None) and len(words) <= 6
    )


def _heading_mode(line: str) -> str:
    s = line.strip().rstrip(":").strip()
    if _PREFERRED_HEAD.search(s):
        return "preferred"
    if re.match(r"(?i)your\b", s):
        return "required"
    if _IGNORE_HEAD.search(s):
        return "ignore"
    if _REQUIRED_HEAD.search(s):
        return "required"
    return "neutral"


def _blocks(text: str) -> list[_Block]:
    """Blocks of the job text between headings, each with its mode."""
    blocks: list[_Block] = []
    mode = "neutral"
    start = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        if _is_heading(line):
            if pos > start:
                blocks.append(_Block(start, pos, mode))
            mode = _heading_mode(line)
            start = pos
        pos += len(line)
    blocks.append(_Block(start, len(text), mode))
    return blocks


def _mode_at(blocks: list[_Block], pos: int) -> str:
    for b in blocks:
        if b.start <= pos < b.end:
            return b.mode
    return "neutral"


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos) + 1, text.rfind("; ", 0, pos) + 1)
    b_candidates = [i for i in (text.find("\n", pos), text.find(". ", pos), text.find("; ", pos)) if i >= 0]
    b = min(b_candidates) if b_candidates else len(text)
    return a + 1 if a >= 0 else 0, b


def _title(text: str, title: str | None) -> str | None:
    if title and title.strip():
        return title.strip()
    m = _LABEL_TITLE.search(text[:3000])
    if m and 0 < len(m.group(1)) <= _MAX_TITLE:
        return m.group(1).strip()
    for line in text.splitlines():
        s = _BULLET.sub("", line).strip().strip("#").strip()
        if not s or _GENERIC_FIRST.match(s):
            continue
        return s[:_MAX_TITLE].strip()
    return None


def _number(tok: str) -> float:
    return float(_NUMBER_WORDS.get(tok.lower(), 0)) if tok.lower() in _NUMBER_WORDS else float(tok)


def _min_years(text: str, blocks: list[_Block]) -> tuple[float | None, Span | None]:
    required: list[tuple[float, Span]] = []
    other: list[tuple[float, Span]] = []
    seen: set[int] = set()
    matches = []
    for w in _YEAR_WORD_RE.finditer(text):
        found = _YEARS_RE.search(text, max(0, w.start() - 45), w.end() + 85)
        if found and found.start() not in seen and found.start() <= w.start():
            seen.add(found.start())
            matches.append(found)
    for m in matches:
        tail = m.group("tail") or ""
        before = text[max(0, m.start() - 40) : m.start()]
        if not (_YEARS_TAIL.search(tail) or _YEARS_BEFORE.search(before)):
            continue
        if re.match(r"\s*(?:old|of age)\b", tail, re.IGNORECASE):
            continue
        value = _number(m.group(1))
        if not 0 < value <= 30:
            continue
        mode = _mode_at(blocks, m.start())
        if mode == "ignore":
            continue
        a, b = _sentence_bounds(text, m.start())
        span = Span.of(text, m.start(), m.end() - len(tail))
        if mode == "preferred" or _PREFERRED_SENT.search(text, a, b):
            other.append((value, span))
        else:
            required.append((value, span))
    pool = required or other
    if not pool:
        return None, None
    value, span = max(pool, key=lambda p: p[0])
    return value, span


def _degree(text: str, blocks: list[_Block]) -> EducationLevel | None:
    required: list[EducationLevel] = []
    preferred: list[EducationLevel] = []
    for m in _DEGREE_RE.finditer(text):
        level: EducationLevel = m.lastgroup  # type: ignore[assignment]
        mode = _mode_at(blocks, m.start())
        if mode == "ignore":
            continue
        a, b = _sentence_bounds(text, m.start())
        sentence = text[a:b]
        if (
            _PREFERRED_SENT.search(sentence) and not re.search(r"\brequired\b", sentence, re.IGNORECASE)
        ) or mode == "preferred":
            preferred.append(level)
        else:
            required.append(level)
    pool = required or preferred
    if not pool:
        return None
    return min(pool, key=_LEVEL_ORDER.index)


def _location(text: str, title: str | None) -> str | None:
    m = _LABEL_LOCATION.search(text[:5000])
    if m and 0 < len(m.group(1)) <= 100:
        loc = re.sub(r"\s*\([^)]*\)?", "", m.group(1)).strip().rstrip(".")
        if loc:
            return loc
    if title and re.search(r"\bremote\b", title, re.IGNORECASE):
        return "Remote"
    m = re.search(
        r"\b(?:located|based|position is)\s+(?:in|at)\s+([A-Z][A-Za-z.\- ]{1,40},\s*(?:[A-Z]{2}\b|[A-Z][a-z]+(?: [A-Z][a-z]+)?))",
        text,
    )
    if m:
        return m.group(1).strip()
    if re.search(
        r"\b(?:fully|100%) remote\b|\bremote position\b|\bthis (?:is a )?remote\b", text, re.IGNORECASE
    ):
        return "Remote"
    return None


def _seniority(title: str | None) -> Seniority | None:
    if not title:
        return None
    for level, pattern in _SENIORITY:
        if level == "junior":
            # a trailing roman "I" ("Analyst I") marks junior; a lone "I" elsewhere does not
            if re.search(
                r"\b(?:junior|jr\.?|entry[- ]level|graduate|assistant)\b|\bI$", title, re.IGNORECASE
            ):
                return level
            continue
        if level in ("senior", "mid") and pattern.search(title):
            return level
        if pattern.search(title):
            return level
    return None


def parse_job(text: str, *, title: str | None = None, job_id: str | None = None) -> Job:
    """Parse job description text into a Job; every skill keeps its evidence span in `text`.

    Raises ValidationFailed when the text is empty.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValidationFailed("the job description is empty")
    tx = load_taxonomy()
    blocks = _blocks(text)
    job_title = _title(text, title)
    required: dict[str, JobSkill] = {}
    preferred: dict[str, JobSkill] = {}
    soft: list[str] = []
    ignored_only: dict[str, JobSkill] = {}
    for skill_id, span in find_skill_spans(text):
        entry = tx.get(skill_id)
        if entry is None:
            continue
        if entry.type == "soft":
            if skill_id not in soft:
                soft.append(skill_id)
            continue
        mode = _mode_at(blocks, span.start)
        a, b = _sentence_bounds(text, span.start)
        sentence_preferred = _PREFERRED_SENT.search(text, a, b) is not None
        if mode == "ignore":
            ignored_only.setdefault(skill_id, JobSkill(skill_id=skill_id, name=entry.name, evidence=span))
            continue
        is_required = not sentence_preferred and mode != "preferred"
        if mode == "preferred" and _REQUIRED_SENT.search(text, a, b) and not sentence_preferred:
            is_required = True
        if is_required:
            if skill_id not in required:
                required[skill_id] = JobSkill(
                    skill_id=skill_id, name=entry.name, required=True, evidence=span
                )
        elif skill_id not in required and skill_id not in preferred:
            preferred[skill_id] = JobSkill(skill_id=skill_id, name=entry.name, required=False, evidence=span)
    for skill_id in required:
        preferred.pop(skill_id, None)
    if not required and not preferred:
        # only boilerplate named skills: better to use them than to rank on nothing
        required = {k: v.model_copy(update={"required": True}) for k, v in ignored_only.items()}
    years, years_span = _min_years(text, blocks)
    meta: dict[str, object] = {"soft_skills": soft}
    if years_span is not None:
        meta["min_years_evidence"] = years_span.model_dump()
    return Job(
        id=job_id,
        title=job_title,
        text=text,
        required_skills=list(required.values()),
        preferred_skills=list(preferred.values()),
        min_years=years,
        degree_level=_degree(text, blocks),
        location=_location(text, job_title),
        seniority=_seniority(job_title),
        meta=meta,
    )
