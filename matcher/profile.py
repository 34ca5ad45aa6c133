"""The text of a candidate that is embedded and scored, with blind screening.

`profile_text` builds a compact profile (titles, summary, skills, education field, certifications, first
lines of the work history); `blind_text` cleans any raw text the same way. With blinding on, names, contact
details, locations, gendered words, personal-details lines and age proxies (years, birth dates, "age 45")
never reach an embedding or a lexical score.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from models.job import Job
from models.resume import Resume, WorkItem
from parsers.occupations import normalize_title_key, occupation_words
from parsers.skills import UNLISTED_TYPE

UNDATED_TITLE_MIN_CONFIDENCE = 0.3  # role lines found inside another position's block are read at 0.25


def title_counts(work: WorkItem) -> bool:
    """Whether a position's title speaks for the candidate in title matching and the embedded profile: a dated
    position always; an undated one from UNDATED_TITLE_MIN_CONFIDENCE (secondary role lines inside another
    position's block moved eval ranking NDCG@10 0.751 -> 0.749 through title matching and the profile)."""
    return work.start is not None or work.confidence >= UNDATED_TITLE_MIN_CONFIDENCE


__all__ = [
    "PROFILE_MAX_CHARS",
    "blind_text",
    "contact_detail_spans",
    "job_profile_text",
    "profile_text",
    "resume_chunks",
    "resume_headline",
]

# About 128 MiniLM tokens of dense English; the profile puts the most telling fields first.
PROFILE_MAX_CHARS = 700

_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin|github)\.com/\S*", re.IGNORECASE)
_PHONE_RE = re.compile(r"(?<![\w])(?:\+?\(?\d[\d\s().-]{6,}\d)(?![\w])")
# Age proxies: any year, full dates, "age 45", "45 years old", birth dates.
_DATE_RE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b")
_YEAR_RE = re.compile(r"(?<![\d$])(?:19[3-9]\d|20[0-4]\d)(?![\d%])|['’](?:[0-9]\d)\b")
_AGE_RE = re.compile(
    r"\b(?:age[d]?\s*:?\s*\d{1,2}|\d{1,2}[\s-]*(?:years?|yrs?)[\s-]*old|\d{1,2}\s*y/o)\b", re.IGNORECASE
)
_PERSONAL_LINE_RE = re.compile(
    r"^[^\S\n]*(?:(?:date\s+of\s+birth|d\.?o\.?b|birth\s*date|age|gender|sex|marital\s+status|"
    r"nationality|citizenship|religion|race|ethnicity|passport(?:\s+no)?|father'?s?\s+name|"
    r"mother'?s?\s+name|spouse|visa\s+status)\.?\s*[:\-\u2013]|born\s+(?:on|in)\b)[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BIRTH_RE = re.compile(
    r"\b(?:date\s+of\s+birth|d\.o\.b\.?|dob|born\s+(?:on|in))\b[:\s]*[^\n,;.]{0,30}", re.IGNORECASE
)
_HONORIFIC_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|MR|MRS)\b\.?(?=\s+[A-Z])")
_STREET_RE = re.compile(
    r"\b\d{1,6}\s+(?:[A-Z][\w.]*\s+){1,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|"
    r"court|ct|way|place|pl|suite)\b\.?",
    re.IGNORECASE,
)
_ZIP_RE = re.compile(r"\b\d{5}(?:-\d{4})?\b")
# What any match of a pattern holds: without it in the text, the pattern is not run. Lower-case needles are
# looked for in the lower-cased text, so they avoid "i", "k" and "s", which the patterns' IGNORECASE also
# matches as "ı", "İ", "K" (Kelvin) and "ſ" while str.lower() keeps them apart ("birth" is found by "rth").
_HONORIFIC_NEEDLES = ("Mr", "Ms", "Mx", "Miss", "MR")
_BIRTH_NEEDLES = ("rth", "d.o.b", "dob", "born")

# Gendered words -> neutral ones. Keys are lower case; the case of the first letter is kept.
_NEUTRAL: dict[str, str] = {
    "he": "they",
    "she": "they",
    "him": "them",
    "his": "their",
    "her": "their",
    "hers": "theirs",
    "himself": "themselves",
    "herself": "themselves",
    "mister": "",
    "madam": "",
    "sir": "",
    "man": "person",
    "woman": "person",
    "men": "people",
    "women": "people",
    "men's": "",
    "women's": "",
    "male": "",
    "female": "",
    "boy": "child",
    "girl": "child",
    "boys": "children",
    "girls": "children",
    "boys'": "",
    "girls'": "",
    "gentleman": "person",
    "lady": "person",
    "gentlemen": "people",
    "ladies": "people",
    "husband": "spouse",
    "wife": "spouse",
    "mother": "parent",
    "father": "parent",
    "mom": "parent",
    "dad": "parent",
    "son": "child",
    "daughter": "child",
    "brother": "sibling",
    "sister": "sibling",
    "fraternity": "student organization",
    "sorority": "student organization",
    "brotherhood": "community",
    "sisterhood": "community",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairmen": "chairs",
    "chairwomen": "chairs",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "salesman": "salesperson",
    "saleswoman": "salesperson",
    "businessman": "businessperson",
    "businesswoman": "businessperson",
    "foreman": "supervisor",
    "forewoman": "supervisor",
    "waiter": "server",
    "waitress": "server",
    "waitresses": "servers",
    "hostess": "host",
    "actress": "actor",
    "stewardess": "flight attendant",
    "steward": "flight attendant",
    "housewife": "homemaker",
    "maternity": "parental",
    "paternity": "parental",
    "pregnant": "",
    "pregnancy": "",
    "married": "",
    "unmarried": "",
    "divorced": "",
    "widowed": "",
    "widow": "",
    "widower": "",
}
_NEUTRAL_RE = re.compile(
    r"(?<![\w'])("
    + "|".join(sorted((re.escape(k) for k in _NEUTRAL), key=len, reverse=True))
    + r")(?![\w'])\.?",
    re.IGNORECASE,
)
_SPACES_RE = re.compile(r"[^\S\n]{2,}")
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def _neutral(match: re.Match[str]) -> str:
    word = match.group(1)
    repl = _NEUTRAL.get(word.lower(), word)
    if match.group(0).endswith(".") and repl:
        repl += "."  # keep a sentence-ending period ("...with her." -> "...with their.")
    if repl and word[:1].isupper():
        repl = repl[:1].upper() + repl[1:]
    return repl


def _personal_terms(resume: Resume | None) -> list[str]:
    """Name tokens and contact values of this resume, to erase from any text."""
    if resume is None:
        return []
    terms: list[str] = []
    contact = resume.contact
    name_kept = False
    if contact.name and contact.name.value.strip():
        name = contact.name.value.strip()
        erase = _name_parts(name, resume.text)
        if erase:
            name_kept = True
            terms.extend(erase)
    for field in (contact.email, contact.phone, contact.location):
        if field and field.value.strip():
            terms.append(field.value.strip())
            if field.evidence and field.evidence.text.strip():
                terms.append(field.evidence.text.strip())
    if name_kept and contact.name and contact.name.evidence and contact.name.evidence.text.strip():
        terms.append(contact.name.evidence.text.strip())
    for link in contact.links:
        terms.append(link.url)
    # longest first so a full name goes before its parts
    return sorted({t for t in terms if t}, key=len, reverse=True)


_NAME_SPLIT_RE = re.compile(r"[\s,.]+")


@functools.lru_cache(maxsize=4096)
def _name_parts(name: str, text: str) -> tuple[str, ...]:
    """What to erase of a parsed name: the whole name, then its parts; empty when the "name" is a title.

    The parser sometimes takes the candidate's title or a heading for the name ("MORTGAGE BANKING
    UNDERWRITER", "Additional Information"): erasing it removes the most telling line of the resume, and
    erasing its words removes "banking" everywhere. So the name is read as a title, and nothing of it is
    erased, when every part is a role or heading word ("underwriter", "information"), a grade ("II"), a word
    the text also uses in lower case ("health"), or a word of the occupation labels ("banking", "aviation")
    that the text uses more than once. A real name fails that: its parts are not everyday words of
    the resume ("Lakisha", "Walsh"), and a part that is one ("Will") is at least not repeated as an
    occupation word. Otherwise the whole name is erased, and each part that is not an everyday lower-case
    word of the text. (A name made only of occupation words that the resume repeats, "Crystal Baker" on a
    bakery resume, would be kept: the rule trades that rare case for the title of one resume in four on the
    dev set, where the parser takes the title for the name.)
    """
    parts = [tok for tok in _NAME_SPLIT_RE.split(name) if len(tok) >= 2]
    if not parts:
        return (name,)
    prose = _URL_RE.sub(" ", _EMAIL_RE.sub(" ", text))  # "jane.doe@..." is not Jane written in lower case
    lower = {p: _used_in_lower_case(p, prose) for p in parts}
    if all(
        lower[p]
        or p.lower() in _GRADES
        or _is_role_or_heading(p)
        or (_is_occupation_word(p) and _count(p, prose) >= 2)
        for p in parts
    ):
        return ()
    return (name, *(p for p in parts if not lower[p] and p.lower() not in _GRADES))


def _count(word: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.IGNORECASE))


def _is_occupation_word(word: str) -> bool:
    """A word of the occupation labels ("aviation", "grain", "patient"): a title's word, not a name's (with no
    index, only the role and heading words tell a title from a name)."""
    key = normalize_title_key(word)
    return bool(key) and key in occupation_words()


# Resume headings and the self-descriptions that open a summary ("Experienced Retail ..."): never a name.
_HEADING_WORDS = frozenset(
    """summary profile information accomplishments achievements highlights skills strengths qualifications
    experience objective overview education certifications competencies expertise additional core
    experienced dedicated seasoned accomplished talented enthusiastic energetic proactive reliable
    results-driven results-oriented driven motivated self-motivated ambitious hardworking dependable savvy
    resourceful proficient trained qualified certified licensed retired professional skilled outgoing
    attentive accountable flexible exceptional proven highly organized detail-oriented multi-faceted
    completed""".split()  # noqa: SIM905
)


_GRADES = frozenset({"ii", "iii", "iv", "jr", "sr"})


def _is_role_or_heading(word: str) -> bool:
    low = word.lower()
    return low in _HEADING_WORDS or low in _ROLE_WORDS or low.rstrip("s") in _ROLE_WORDS


def _used_in_lower_case(word: str, text: str) -> bool:
    low = word.lower()
    if (
        not low.isalpha() or word == low
    ):  # a lower-case "name" part, or one with digits: not a test we can make
        return False
    return re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", text) is not None


@functools.lru_cache(maxsize=4096)
def _personal_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled pattern for a resume's personal terms (longest first, so a full name goes before its parts).

    Compiled once per distinct set of terms: building a pattern per term on every call overflowed `re`'s cache
    and cost a quarter of a shortlist's time.
    """
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in terms)
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", re.IGNORECASE)


def contact_detail_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every e-mail address and phone number in `text[start:end]`: what blinding erases of them."""
    stop = len(text) if end is None else end
    return [
        (m.start(), m.end())
        for pattern in (_EMAIL_RE, _PHONE_RE)
        for m in pattern.finditer(text, start, stop)
    ]


def clear_text_caches() -> None:
    """Empty the caches keyed by a candidate's name, text or contact details (and the parsers' text caches):
    erasing a candidate leaves no copy of them in this process."""
    from parsers.caches import clear_text_caches as clear_parser_caches

    _name_parts.cache_clear()
    _personal_pattern.cache_clear()
    clear_parser_caches()


def blind_text(text: str, resume: Resume | None = None) -> str:
    """Remove names, contact details, gendered words and age proxies from `text`.

    Args:
        text: any text about the candidate (raw resume text, a summary, a work description).
        resume: the parsed resume, whose name and contact values are erased wherever they occur.
    """
    # a pattern runs only when the text holds what every match of it holds (the cheap test skips most texts)
    out = _HONORIFIC_RE.sub(" ", text) if any(h in text for h in _HONORIFIC_NEEDLES) else text
    personal = _personal_pattern(tuple(_personal_terms(resume)))
    if personal is not None:
        out = personal.sub(" ", out)
    out = _PERSONAL_LINE_RE.sub(" ", out)
    low = out.lower()
    if any(n in low for n in _BIRTH_NEEDLES):
        out = _BIRTH_RE.sub(" ", out)
    if "@" in out:
        out = _EMAIL_RE.sub(" ", out)
    if "://" in out or "www." in low or ".com/" in low:
        out = _URL_RE.sub(" ", out)
    out = _DATE_RE.sub(" ", out)
    out = _PHONE_RE.sub(" ", out)
    out = _STREET_RE.sub(" ", out)
    out = _ZIP_RE.sub(" ", out)
    out = _AGE_RE.sub(" ", out)
    out = _YEAR_RE.sub(" ", out)
    out = _NEUTRAL_RE.sub(_neutral, out)
    out = _SPACES_RE.sub(" ", out)
    out = _BLANK_LINES_RE.sub("\n\n", out)
    return out.strip()


def _clean(value: str | None) -> str:
    return re.sub(r"\s+", " ", value or "").strip(" ,;:-\u2022")


def _dedup(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for v in values:
        key = v.lower()
        if v and key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _work_order(resume: Resume) -> list[int]:
    """Indices of positions, most recent first (current, then by end or start date; unknown last)."""

    def key(i: int) -> tuple[int, int, int]:
        w = resume.work[i]
        end = w.end or w.start
        return (0 if w.current else 1, -(end.ordinal() if end else -(10**6)), i)

    return sorted(range(len(resume.work)), key=key)


# Head nouns of job titles: a first line counts as a headline only when it names a role, so a name that the
# parser missed can never pass for one.
_ROLE_WORDS = frozenset(
    """accountant administrator advisor adviser advocate agent analyst architect artist assistant associate
    attorney auditor banker barista bartender bookkeeper buyer captain cashier chef clerk coach consultant
    controller coordinator counselor counsellor designer developer dietitian director dispatcher
    economist editor educator electrician engineer executive facilitator generalist instructor intern
    inspector investigator journalist lawyer lecturer librarian machinist manager marketer mechanic merchandiser
    nurse officer operator paralegal partner pharmacist photographer physician pilot planner practitioner president
    principal producer professor programmer recruiter receptionist representative researcher scientist secretary
    server shift specialist strategist supervisor surgeon teacher technician technologist therapist trader trainer
    tutor underwriter vp waiter writer""".split()  # noqa: SIM905
)
_ROLE_TOKEN_RE = re.compile(r"[a-z]+")


def resume_headline(resume: Resume, *, blind: bool = True) -> str | None:
    """The candidate's headline: among the first lines, the first short one that names a role.

    With `blind=True` the line is blinded first, so a name or contact detail on it is gone.
    """
    for raw in resume.text.strip().splitlines()[:4]:
        line = _clean(blind_text(raw, resume) if blind else raw)
        if not line or len(line) > 70 or len(line.split()) > 8:
            continue
        words = set(_ROLE_TOKEN_RE.findall(line.lower()))
        if any(w in _ROLE_WORDS or w.rstrip("s") in _ROLE_WORDS for w in words):
            return line
    return None


def _header_lines(resume: Resume, limit: int = 3) -> list[str]:
    """The first non-empty lines of the text (often the candidate's headline or current title)."""
    lines = [_clean(line) for line in resume.text.splitlines()]
    return [line for line in lines if line][:limit]


def profile_text(resume: Resume, *, blind: bool = True, max_chars: int = PROFILE_MAX_CHARS) -> str:
    """The compact text embedded for a candidate: titles, summary, skills, education, certifications, duties.

    The most telling fields come first, so truncation by the model's token limit drops the least.
    With `blind=True` the result carries no name, contact detail, gendered word or age proxy.
    When the parse found little structure, the head of the resume text fills in.
    """
    order = _work_order(resume)
    titles = _dedup(_clean(resume.work[i].title) for i in order if title_counts(resume.work[i]))
    # taxonomy skills only: the tool-list items no taxonomy names ("unlisted", confidence 0.4) stay searchable
    # but kept out of the embedded text, where they moved NDCG@10 0.745 -> 0.744 (shortlist eval ranking)
    skills = sorted(
        (s for s in resume.skills if s.type != UNLISTED_TYPE),
        key=lambda s: (-len(s.evidence), -(s.months or 0), s.name.lower()),
    )
    skill_names = _dedup(_clean(s.name) for s in skills)
    edu = _dedup(
        _clean(" ".join(x for x in (e.degree or e.level or "", e.field or "") if x)) for e in resume.education
    )
    certs = _dedup(_clean(c.name) for c in resume.certifications)
    duties: list[str] = []
    for i in order[:3]:
        duties.extend(_clean(d) for d in resume.work[i].description[:2])

    parts: list[str] = []
    headline = resume_headline(resume, blind=blind)
    if headline and not any(headline.lower() == t.lower() for t in titles[:1]):
        parts.append(headline + ".")
    if titles:
        parts.append("; ".join(titles[:5]) + ".")
    if resume.summary and resume.summary.value.strip():
        parts.append(_clean(resume.summary.value)[:300])
    if skill_names:
        parts.append("Skills: " + ", ".join(skill_names[:25]) + ".")
    if edu:
        parts.append("Education: " + "; ".join(edu[:3]) + ".")
    if certs:
        parts.append("Certifications: " + "; ".join(certs[:5]) + ".")
    if duties:
        parts.append(" ".join(d for d in duties if d))
    structured = bool(titles or skill_names)
    if not structured or sum(len(p) for p in parts) < max_chars // 2:
        # little structure: the head of the text says what the person does
        parts.append("\n".join(_header_lines(resume, 40)))
    if blind:  # part by part, so one field's cleaning cannot run into the next
        parts = [blind_text(p, resume) for p in parts]
    return " ".join(_clean(p) for p in parts if p)[:max_chars].strip()


def resume_chunks(resume: Resume, *, blind: bool = True, words: int = 150, max_chunks: int = 6) -> list[str]:
    """The resume text cut into chunks of about `words` words (for max-similarity matching)."""
    text = blind_text(resume.text, resume) if blind else resume.text
    tokens = text.split()
    chunks = [" ".join(tokens[i : i + words]) for i in range(0, len(tokens), words)]
    return chunks[:max_chunks] or [""]


_BOILERPLATE_RE = re.compile(
    r"\b(?:equal opportunity|eeo|benefits|salary|compensation|pay range|401\(?k\)?|paid time off|pto|"
    r"about us|who we are|our mission|our values|diversity|accommodation|disabilit|veteran|e-verify)\b",
    re.IGNORECASE,
)


def job_profile_text(job: Job, *, max_chars: int = PROFILE_MAX_CHARS) -> str:
    """The compact text embedded for a job: title, required and preferred skills, then the duty lines.

    Company boilerplate (mission, benefits, equal-opportunity notices) is skipped.
    """
    parts: list[str] = []
    title = _clean(job.title) or _clean(job.text.strip().splitlines()[0] if job.text.strip() else "")
    if title:
        parts.append(title + ".")
    req = _dedup(_clean(s.name) for s in job.required_skills)
    pref = _dedup(_clean(s.name) for s in job.preferred_skills)
    if req or pref:
        parts.append("Skills: " + ", ".join([*req, *pref][:25]) + ".")
    lines = []
    for raw in job.text.splitlines()[1:]:
        line = _clean(raw)
        if len(line) < 25 or _BOILERPLATE_RE.search(line):
            continue
        lines.append(line)
    parts.append(" ".join(lines))
    return " ".join(p for p in parts if p)[:max_chars].strip()
