"""Split resume text into sections, with or without headings.

A heading is a short line whose words (case, trailing colon and decoration ignored) are a known heading
phrase ("WORK EXPERIENCE", "Education:", "Technical Skills"), or such a phrase followed by a colon and content
on the same line ("Skills: Python, SQL"). Text before the first heading is the "header". When a block has no
heading, content cues classify it: date ranges beside short title-like lines -> experience, degree words ->
education. Inside work history, position fields ("Technologies:", "Project", "Objectives:") open no section;
a summary or skills list that goes on into dated positions ends where they begin.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from models.resume import Section
from parsers.languages import NAME_RE as LANGUAGE_NAME_RE

__all__ = ["HEADINGS", "classify_heading", "find_headings", "split_sections"]

# kind -> heading phrases (lower case, words separated by one space)
HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary", "professional summary", "career summary", "executive summary", "profile",
        "professional profile", "career profile", "personal profile", "about me", "about", "objective",
        "career objective", "objectives", "job objective", "job objectives", "professional objective",
        "overview", "professional overview", "synopsis", "summary of qualifications", "summary of qualification",
        "qualifications summary", "highlights", "career highlights", "professional highlights", "introduction",
        "personal statement", "profile summary", "key qualifications", "professional qualifications",
        "core qualifications", "strengths", "key strengths", "value offered", "career overview", "personal summary",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "employment", "employment history",
        "work history", "career history", "professional background", "career experience", "job history",
        "career experience job history", "relevant experience", "experience summary", "work summary",
        "positions held", "professional employment", "experience details", "industrial experience",
        "teaching experience", "research experience", "academic appointment", "academic appointments",
        "employment experience", "professional history", "organizational experience", "internships",
        "internship", "internship experience", "work", "experiences", "related experience", "other experience",
        "additional experience", "work experience details", "career", "professional", "employment record",
        "professional work experience", "total experience", "relevant work experience", "early career",
    ),
    "education": (
        "education", "educational background", "academic background", "academic qualifications",
        "academic qualification", "educational qualifications", "educational qualification", "qualifications",
        "qualification", "education and training", "education training", "academic profile", "academics",
        "academic details", "educational details", "education details", "scholastic profile",
        "academic credentials", "education background", "educational profile", "academic record",
        "education qualifications", "degrees", "academic history", "training and education", "coursework",
        "education history", "educational history", "academic training", "schooling",
        "relevant coursework", "related coursework", "course work", "relevant course work",
    ),
    "skills": (
        "skills", "technical skills", "key skills", "core skills", "skill set", "skillset", "skills summary",
        "core competencies", "competencies", "areas of expertise", "expertise", "technical expertise",
        "technologies", "technical proficiency", "technical proficiencies", "it skills", "computer skills",
        "software skills", "tools", "tools and technologies", "technical summary", "skills and abilities",
        "professional skills", "additional skills", "relevant skills", "technical knowledge",
        "technical and personal skills", "skills and expertise", "key competencies", "technical competencies",
        "software", "programming skills", "soft skills", "personal skills", "skill highlights",
        "areas of strength", "technical skill set", "tech stack", "technical skills summary",
        "skills qualifications", "knowledge", "computer proficiency", "abilities", "key skills and competencies",
        "technical qualifications", "programming languages", "computer languages", "scripting languages",
        "software proficiency", "technical abilities", "tools and software", "softwares", "skill", "it competencies",
        "toolbox", "technical toolbox", "toolkit", "capabilities", "core capabilities", "key capabilities",
        "specialties", "specialities", "areas of specialization", "areas of specialisation",
        "areas of competency", "areas of competence",
    ),
    "projects": (
        "projects", "project", "academic projects", "personal projects", "key projects", "project details",
        "project experience", "projects undertaken", "major projects", "selected projects", "project work",
        "projects handled", "live projects", "notable projects", "professional projects",
    ),
    "certifications": (
        "certifications", "certification", "certificates", "certificate", "licenses", "licenses and certifications",
        "licences", "certifications and licenses", "professional certifications", "credentials",
        "certifications and trainings", "trainings and certifications", "courses and certifications",
        "training", "trainings", "courses", "professional development", "certification courses",
        "continuing education", "accreditations", "professional training", "licenses and certificates",
        "professional licenses", "certifications and licensure",
    ),
    "languages": (
        "languages", "language", "languages known", "language skills", "spoken languages", "linguistic skills",
        "language proficiency", "languages spoken",
    ),
    "awards": (
        "awards", "honors", "honours", "awards and honors", "honors and awards", "achievements",
        "accomplishments", "awards and achievements", "achievements and awards", "recognition",
        "recognitions", "key achievements", "scholarships", "awards and recognition", "selected accomplishments",
        "distinctions", "prizes", "core accomplishments",
        "extracurricular activities", "extra curricular activities", "activities", "co curricular activities",
    ),
    "publications": (
        "publications", "papers", "research papers", "selected publications", "conference papers",
        "presentations", "publications and presentations", "research", "books", "journal articles",
        "articles", "conference presentations", "invited talks", "patents",
    ),
    "volunteering": (
        "volunteering", "volunteer", "volunteer experience", "volunteer work", "community service",
        "community involvement", "volunteer activities", "social work", "leadership and volunteering",
    ),
    "interests": ("interests", "hobbies", "hobbies and interests", "interests and hobbies", "personal interests"),
    "references": ("references", "reference", "referees", "references available upon request"),
    "other": (
        "personal details", "personal information", "personal data", "contact", "contact information",
        "contact details", "additional information", "declaration", "links", "affiliations", "memberships",
        "professional affiliations", "professional memberships", "other information", "miscellaneous",
        "personal", "personal dossier", "courses taught", "committees", "committee work", "service",
        "professional service", "university service", "grants", "professional organizations",
        "professional associations",
    ),
}  # fmt: skip

_PHRASE_KIND: dict[str, str] = {p: kind for kind, phrases in HEADINGS.items() for p in phrases}
_CLOSED_KIND: dict[str, str] = {p.replace(" ", ""): kind for p, kind in _PHRASE_KIND.items() if " " in p}
_MAX_WORDS = max(len(p.split()) for p in _PHRASE_KIND)
# Words that do not change what a heading is about ("My Skills", "Work Experience Details").
_FILLER = {"my", "the", "of", "and", "&", "details", "detail", "summary", "section", "list", "a", "in"}

_NORM_RE = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r"\s+")
_LINE_RE = re.compile(r"[^\n]*\n?")
# "Skills: Python", "Skills - Python", "Skills -Python"; not "Objective-C, C++" (a hyphen inside a word)
_INLINE_RE = re.compile(r"^\s*([A-Za-z][A-Za-z &/\-]{1,40}?)(?:\s*:|\s+[\-–|]|[\-–|]\s)\s*(\S.*)$")


def _norm(s: str) -> str:
    s = s.lower().replace("&", " and ").replace("/", " ")
    s = _NORM_RE.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def _strip_decor(s: str) -> str:
    """`s` without leading/trailing spaces and decoration ("── SKILLS ──" -> "SKILLS"); linear time."""
    i, j = 0, len(s)
    while i < j and not s[i].isalnum():
        i += 1
    while j > i and not s[j - 1].isalnum():
        j -= 1
    return s[i:j]


def _unspace(s: str) -> str:
    """A letter-spaced heading closed up: "E D U C AT IO N" -> "EDUCATION" (pieces of one or two letters)."""
    parts = s.split()
    if len(parts) >= 4 and s.isupper() and all(len(p) <= 2 for p in parts):
        return "".join(parts)
    return s


@functools.lru_cache(maxsize=8192)
def classify_heading(line: str) -> str | None:
    """The section kind when `line` (alone) is a heading, else None (kept per line: the section split and the
    contact reader ask it of the same lines, and headings repeat from resume to resume)."""
    raw = _heading_text(line)
    norm = _norm(raw) if raw else ""
    if not raw or not norm:
        return _aside_kind(line) if "(" in line else None
    kind = _PHRASE_KIND.get(norm) or _closed_up_kind(raw)
    if kind:
        return kind
    if _BULLET_LEAD.match(line):
        return None  # "• Foundations of American Education": a list item
    if ":" in raw:
        return None  # a labelled value ("Organization: Tata Projects"), not a heading
    styled = raw.isupper() or _is_title_case(raw) or line.rstrip().endswith(":")
    kind = _PHRASE_KIND.get(" ".join(w for w in norm.split() if w not in _FILLER))
    if kind and styled:
        return kind
    if _reads_as_entry(line, raw):
        return None
    if styled:
        kind = _joined_kind(raw) or (
            _suffix_kind(norm.split()) or _scoped_kind(norm.split()) if "," not in raw else None
        )
        if kind:
            return kind
    return _qualified_kind(line, raw, norm.split(), styled) or (_aside_kind(line) if "(" in line else None)


_ASIDE_RE = re.compile(r"^([A-Za-z][^()\d]*?)\s*\([^()\d]*\)?\s*:?\s*$")


def _aside_kind(line: str) -> str | None:
    """A heading of two words or more with an aside in brackets at its end: "Partial List of Tools (full list
    on request)". Not one word before it ("Certificate (Std X)": an entry), no digits, and not education."""
    m = _ASIDE_RE.match(line.strip())
    if not m or len(m.group(1).split()) < 2 or not (m.group(1).isupper() or _is_title_case(m.group(1))):
        return None
    kind = classify_heading(m.group(1))
    return None if kind == "education" else kind  # "Minor in Education (one course missing)": an entry


def _phrase_kind(phrase: str) -> str | None:
    """The kind of a normalised heading phrase as written or without its filler words."""
    return _PHRASE_KIND.get(phrase) or _PHRASE_KIND.get(
        " ".join(w for w in phrase.split() if w not in _FILLER)
    )


# When heading phrases are joined ("Awards / Certifications / Achievements", "Languages and Software"), the
# section takes the kind whose parser needs the section most: entries read only inside their own section first.
# Certifications before education: a certifications section headed "Education and ..." is read as education too
# (parsers.education.is_education_section), as "Education and Certifications" was before.
_JOINED_PRIORITY = (
    "experience", "certifications", "education", "skills", "projects", "publications", "volunteering", "awards",
    "languages", "references", "interests", "summary", "other",
)  # fmt: skip
# Parts that join no section of their own: modifiers ("Professional & Personal Skills"), and "activities", whose
# roles (club offices, volunteer posts) the work-history reader counts when the section is not read as awards
# (measured: "Activities and Honors" as awards drops the ranking eval's Teacher NDCG@10 0.913 -> 0.892).
_MODIFIER_PARTS = frozenset(
    {"professional", "personal", "career", "work", "about", "academic", "research", "activities"}
)
_GENERIC_PARTS = frozenset({"qualifications", "qualification", "credentials"})
_JOIN_CUE = re.compile(r"[/&|,+]| and ", re.IGNORECASE)
_JOIN_SPLIT = re.compile(r"\s*(?:/|&|\||,|\band\b|\+)\s*", re.IGNORECASE)


def _is_generic(part: str) -> bool:
    """ "Qualifications", "Professional Qualification": a part that names no kind of its own."""
    words = part.split()
    return bool(words) and words[-1] in _GENERIC_PARTS and all(w in _MODIFIER_PARTS for w in words[:-1])


def _joined_kind(raw: str) -> str | None:
    """Heading phrases joined by "/", "&", "and", "," or "|", every part a heading phrase: "Awards/
    Certifications/ Achievements", "Skills & Languages", "Volunteer Work and Job History". Experience wins
    (the positions decide) unless education is joined to it (its entries would be read as positions: no
    heading then); otherwise the first kind of _JOINED_PRIORITY present."""
    if not _JOIN_CUE.search(raw):
        return None
    parts = [p for p in _JOIN_SPLIT.split(raw) if p.strip()]
    if len(parts) < 2:
        return None
    normed = [_norm(p) for p in parts]
    if any(p in _MODIFIER_PARTS for p in normed):
        return None  # "Professional & Personal Skills": a modifier, not a section of its own
    # "Skills and Qualifications", "Education and Professional Qualification": a generic part takes the kind of
    # the others
    kinds = {_phrase_kind(p) for p in normed if not _is_generic(p)} or {_phrase_kind(normed[0])}
    if None in kinds or {"experience", "education"} <= kinds:
        return None
    return next(k for k in _JOINED_PRIORITY if k in kinds)


def _suffix_kind(words: list[str]) -> str | None:
    """A heading phrase of two words or more qualified by up to two leading words: "Functional Skill Set",
    "Key Projects Undertaken", "Core Technical Skills Summary"."""
    for i in range(1, min(3, len(words) - 1)):
        if words[i - 1] in {"and", "of", "in"}:
            break  # "Educational and Professional Qualifications", "Master of Social Work": no qualifier
        tail = words[i:]
        if len(tail) >= 2:
            kind = _PHRASE_KIND.get(" ".join(tail))
            if kind:
                return kind
    return None


def _scoped_kind(words: list[str]) -> str | None:
    """A heading phrase of two words or more narrowed to a field by "in" and up to three words: "Areas of
    Competency in Teaching", "Work Experience in Banking". (One word before "in" is a statement or an entry:
    "Experience in Sales", "Diploma in Nursing".)"""
    if "in" not in words[2:]:
        return None
    i = words.index("in", 2)
    return _PHRASE_KIND.get(" ".join(words[:i])) if 1 <= len(words) - i - 1 <= 3 else None


def _closed_up_kind(raw: str) -> str | None:
    """A heading letter-spaced unevenly, its gaps no longer at word ends ("P ROFE SSI ONAL E XPER IENCE"):
    closed up, it must spell a heading phrase exactly."""
    parts = raw.split()
    if len(parts) < 3 or not raw.isupper() or min(len(p) for p in parts) > 1:
        return None
    return _CLOSED_KIND.get("".join(parts).lower())


def _heading_text(line: str) -> str | None:
    """The line's text as a heading candidate (decoration stripped, letter spacing closed), or None when it
    cannot be one: too long, a wrapped sentence's end ("skills."), a phone number ("(02) 9230 8887 (work)")."""
    if len(line) > 120:
        return None
    raw = _unspace(_strip_decor(line))
    if not raw or len(raw) > 60 or len(raw.split()) > 7:
        return None
    if raw[:1].islower() and line.rstrip().endswith((".", ",")):
        return None
    return None if re.search(r"\d{3}", raw) else raw


def _reads_as_entry(line: str, raw: str) -> bool:
    """A page header ("RESUME SAMPLE ... CONTD") or an entry line ("SUNY Oneonta, 1993, Counselor Education",
    "School of Education,"): no heading, unless its words are exactly a heading phrase."""
    return bool(_FURNITURE.search(raw) or _YEAR_IN.search(raw) or line.rstrip().endswith(","))


def _qualified_kind(line: str, raw: str, words: list[str], styled: bool) -> str | None:
    """Headings that are not a known phrase: "Retail Experience" (qualified), "Honors, Activities & Professional
    Societies:" (led by its kind), "FORMAL EDUCATION AND ONGOING TRAINING" (all caps naming a section)."""
    if styled and 2 <= len(words) <= 4 and "," not in raw and not _names_a_field(words):
        kind = _LAST_WORD_KIND.get(words[-1])
        if kind and not (words[-1] in _LIST_NOUNS and _PREPOSITIONS.intersection(words)):
            return kind
    if line.rstrip().endswith(":") and styled and words[0] in _LEAD_WORD_KIND:
        return _LEAD_WORD_KIND[words[0]]
    if raw.isupper() and len(words) <= 6 and words[-1].removesuffix("s") not in _ROLE_NOUNS:
        for w in words:
            if w in _STRONG_WORD_KIND:
                return _STRONG_WORD_KIND[w]
    return None


_STRONG_WORD_KIND = {
    "education": "education", "experience": "experience", "employment": "experience", "skills": "skills",
    "certifications": "certifications", "publications": "publications", "projects": "projects",
    "languages": "languages", "references": "references", "volunteer": "volunteering", "awards": "awards",
    "honors": "awards", "honours": "awards", "competencies": "skills", "knowledge": "skills",
    "certificates": "certifications", "licenses": "certifications",
}  # fmt: skip


_LEAD_WORD_KIND = {
    "honors": "awards", "honours": "awards", "awards": "awards", "publications": "publications",
    "presentations": "publications", "certifications": "certifications", "languages": "languages",
}  # fmt: skip
_LAST_WORD_KIND = {
    "experience": "experience", "experiences": "experience", "employment": "experience",
    "skills": "skills", "competencies": "skills", "projects": "projects", "certifications": "certifications",
    "education": "education", "awards": "awards", "publications": "publications", "interests": "interests",
    "activities": "awards", "articles": "publications", "journals": "publications",
    "tools": "skills", "knowledge": "skills", "proficiencies": "skills", "expertise": "skills",
    "technologies": "skills", "skill": "skills", "certificates": "certifications", "licenses": "certifications",
    "licences": "certifications", "degrees": "education",
}  # fmt: skip
# "Proficient in Internet Technologies", "Current with Emerging Technologies": a statement in a list, no heading
_LIST_NOUNS = frozenset({"tools", "knowledge", "proficiencies", "expertise", "technologies", "skill"})
_PREPOSITIONS = frozenset({"in", "with", "for", "on", "at", "to"})  # not "of": "List of Tools"
_FURNITURE = re.compile(
    r"\b(?:r[ée]sum[ée]|cv|sample|template|contd|cont'd|continued|page \d+)\b", re.IGNORECASE
)
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")
# "Higher Education", "Special Education", "Physical Education": a field of work or study, not the section
_FIELD_QUALIFIERS = frozenset(
    {
        "higher", "special", "physical", "primary", "secondary", "elementary", "adult", "early", "childhood",
        "health", "medical", "music", "art", "science", "legal", "counselor", "teacher", "religious",
        "environmental",
    }
)  # fmt: skip


def _names_a_field(words: list[str]) -> bool:
    """ "Higher Education", "Department of Education": a field or a body, not the education section."""
    return words[-1] == "education" and (words[-2] in _FIELD_QUALIFIERS or "of" in words)


# "EDUCATION CONSULTANT", "COLLEGE OF EDUCATION COMMITTEE": a role or a body named after a field
_ROLE_NOUNS = frozenset(
    {
        "consultant", "coordinator", "director", "specialist", "teacher", "manager", "officer", "administrator",
        "assistant", "professor", "committee", "department", "council", "association", "board", "center",
        "centre", "program", "programme", "student", "scholar", "society",
    }
)  # fmt: skip
_BULLET_LEAD = re.compile(r"\s*[•·▪●◦○■□♦❖➢➤►▶✓✔*\-–]\s")


_MINOR = {"of", "and", "in", "for", "the", "to", "a", "&", "/", "-", "with", "on", "at"}


def _is_title_case(s: str) -> bool:
    words = [w for w in re.split(r"[\s/&,\-]+", s) if w]
    return bool(words) and all(w[:1].isupper() or w.lower() in _MINOR or not w[:1].isalpha() for w in words)


@dataclass(frozen=True)
class Heading:
    """A heading line found in the text."""

    kind: str
    text: str
    line_start: int  # offset of the line
    content_start: int  # where the section body begins (after the heading text)


_COLON_LEAD = re.compile(r"[ \t\n]*:")


def _label_of_next_line(text: str, pos: int) -> bool:
    """The next non-blank line opens with a colon: this line is the label column of a table row ("Languages" /
    ": C#, Java", "Role" / ": Lead Data Analyst"), not a heading."""
    return _COLON_LEAD.match(text, pos) is not None


def find_headings(text: str) -> list[Heading]:
    """Heading lines and inline headings ("Skills: Python, SQL"), in order."""
    out: list[Heading] = []
    pos = 0
    for m in _LINE_RE.finditer(text):
        line = m.group(0)
        if not line:
            break
        start = m.start()
        pos = m.end()
        stripped = line.strip()
        if not stripped:
            continue
        kind = classify_heading(stripped)
        if kind and not _label_of_next_line(text, pos):
            out.append(Heading(kind, stripped.rstrip(":").strip(), start, pos))
            continue
        im = _INLINE_RE.match(line.rstrip("\n"))
        if im and len(im.group(1).split()) <= 4:
            head = im.group(1)
            k = classify_heading(head + ":")
            # Inline headings only for list-like kinds whose content can sit on the same line.
            if k in {"skills", "languages", "certifications", "interests", "summary"} and (
                head[:1].isupper()
            ):
                out.append(Heading(k, head.strip(), start, start + im.start(2)))
    return out


# headings that, inside a work-history section, label a field of the position ("Technologies: Java, SQL",
# "Project" over a project name, "Environment:") rather than start a new section
_POSITION_FIELDS = frozenset(
    {"technologies", "tools", "environment", "project", "software", "tools and technologies"}
)
# "Testing Tools", "Technologies Used" is no heading; "Automation Tools" under a position lists its tools
_POSITION_FIELD_HEADS = frozenset(
    {"tools", "technologies", "environment", "software", "knowledge", "expertise"}
)
_POSITION_FIELDS_LOOSE = frozenset(
    {
        "projects", "technical environment", "tech stack", "objective", "objectives", "summary", "achievements",
        "key achievements", "highlights", "accomplishments",
    }
)  # fmt: skip


def _drop_position_fields(text: str, heads: list[Heading]) -> list[Heading]:
    out: list[Heading] = []
    for h in heads:
        if out and out[-1].kind == "experience" and _is_position_field(text, h):
            continue
        if out and out[-1].kind == "skills" and h.kind in {"skills", "languages"} and _is_inline(text, h):
            continue  # "Languages: Java, C++" under "Technical Skills": a row of the skills table
        if out and out[-1].kind == "education" and _is_type_cell(text, h):
            continue  # "Colored Stone Essential" / "Certificate" / "2014": the entry's type, in a flattened table
        out.append(h)
    return out


# the column labels of an education table ("Degree" / "Certification" / "Course" / "University (Year)")
_EDUCATION_COLUMN_LABEL = re.compile(
    r"(?:course|courses|year|years|university|institution|institute|college|school|board|subject|subjects|"
    r"specialization|specialisation|stream|grade|percentage|marks|duration|qualification|degree)"
    r"(?:\s*[(/]\s*(?:year|years|board|university|institute|percentage|grade|marks)\s*\)?)?",
    re.IGNORECASE,
)
_ENTRY_PUNCT = re.compile(r"[\d,;:|]")


def _is_type_cell(text: str, h: Heading) -> bool:
    """A bare "Certificate" or "Certification" line inside an education section that stands in a flattened
    table: a cell naming an entry's type, over a date alone ("Matrix CAD/CAM" / "Certificate" / "May 2003"), or
    under a short name with no degree and over a line that starts with a date ("Web Analytics" / "Certificate" /
    "2014 Lakeside College") or over the next entry's name and type; or a column label over the next one
    ("Degree" / "Certification" / "Course" / "University (Year)"). A heading over credential lines ("BA History,
    Northfield University, 2010" / "Certificate" / "CPR and First Aid, Red Cross, 2015"), blank lines around it
    or not, starts a certifications section."""
    if h.kind != "certifications" or _norm(h.text) not in {"certificate", "certification"}:
        return False
    line_end = text.find("\n", h.line_start)
    if line_end < 0 or text[h.line_start : line_end].strip() != h.text:
        return False
    before = text.rfind("\n", 0, max(h.line_start - 1, 0))
    prev_line = text[before + 1 : max(h.line_start - 1, 0)].strip()
    next_end = text.find("\n", line_end + 1)
    next_line = text[line_end + 1 : next_end if next_end >= 0 else len(text)].strip()
    if not prev_line or not next_line:
        return False
    if _EDUCATION_COLUMN_LABEL.fullmatch(next_line):
        return True
    from parsers.dates import find_date_ranges

    dates = find_date_ranges(next_line)
    dated = bool(dates) and dates[0].start == 0
    if dated and not next_line[dates[0].end :].strip(" .,"):
        return True  # over a date alone
    # under a short name, over an entry that starts with its date or over the next entry's name and type
    if dated or _norm(_line_at(text, next_end + 1)) in {"certificate", "certification"}:
        from parsers.education import INSTITUTION_RE, find_degrees

        return (
            len(prev_line.split()) <= 5
            and not _ENTRY_PUNCT.search(prev_line)
            and not INSTITUTION_RE.search(prev_line)
            and not find_degrees(prev_line)
        )
    return False


def _line_at(text: str, start: int) -> str:
    """The stripped line that begins at `start` ("" past the end)."""
    if start <= 0 or start >= len(text):
        return ""
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)].strip()


def _programming_languages(text: str, heads: list[Heading]) -> list[Heading]:
    """A "Languages" heading over no spoken language ("Languages: C, VC++, MFC" in a project, "Languages" over
    "Java, Python") names programming languages: an inline one is a row of the section it stands in, a heading
    line opens a skills section. (The languages reader finds only the names this test looks for.)"""
    out: list[Heading] = []
    for i, h in enumerate(heads):
        if h.kind == "languages":
            end = heads[i + 1].line_start if i + 1 < len(heads) else len(text)
            if not LANGUAGE_NAME_RE.search(text, h.line_start, end):
                if _is_inline(text, h):
                    continue
                h = Heading("skills", h.text, h.line_start, h.content_start)
        out.append(h)
    return out


def _is_inline(text: str, h: Heading) -> bool:
    """The heading's content starts on its own line ("Skills: Python, SQL")."""
    line_end = text.find("\n", h.line_start)
    return h.content_start < (line_end if line_end >= 0 else len(text))


def _is_position_field(text: str, h: Heading) -> bool:
    line_end = text.find("\n", h.line_start)
    line = text[h.line_start : line_end if line_end >= 0 else len(text)].strip()
    phrase = _norm(h.text)
    inline = h.content_start < (line_end if line_end >= 0 else len(text))
    if phrase in _POSITION_FIELDS or phrase.rsplit(" ", 1)[-1] in _POSITION_FIELD_HEADS:
        return inline or line.endswith(":") or not line.isupper()
    return phrase in _POSITION_FIELDS_LOOSE and (inline or line.endswith(":"))


_DEGREE_CUE = re.compile(
    r"\b(?:b\.?\s?tech|m\.?\s?tech|b\.?\s?e\.|b\.?\s?sc|m\.?\s?sc|bachelor'?s?|master'?s?|ph\.?\s?d|mba|"
    r"b\.?com|m\.?com|diploma|degree|university|college|institute of|higher secondary|hsc|ssc|"
    r"b\.?a\.|m\.?a\.|associate of|graduat(?:e|ion)|cgpa|gpa)\b",
    re.IGNORECASE,
)
_RANGE_CUE = re.compile(
    r"\b(?:19[6-9]\d|20[0-4]\d)\s*(?:-|–|—|to)\s*(?:(?:[A-Za-z]{3,9}\.?\s*)?(?:19[6-9]\d|20[0-4]\d)|present|current|now|date)\b",
    re.IGNORECASE,
)


def _classify_block(block: str) -> str | None:
    """Content cues for a block without a heading."""
    from parsers.education import find_degrees

    ranges = len(_RANGE_CUE.findall(block))
    degrees = len(_DEGREE_CUE.findall(block))
    real = [h for h in find_degrees(block) if h.level != "secondary" or ranges == 0]
    if real and not ranges:
        return "education"
    if ranges and degrees >= 2 and degrees >= ranges:
        return "education"
    if ranges:
        return "experience"
    if degrees >= 2:
        return "education"
    return None


def split_sections(text: str) -> list[Section]:
    """Sections covering `text` end to end, in order.

    The part before the first heading is "header" (its trailing blocks may be classified by content cues);
    sections of the same kind are kept separate (their order matters for experience).
    """
    heads = _programming_languages(text, _drop_position_fields(text, find_headings(text)))
    sections: list[Section] = []
    first = heads[0].line_start if heads else len(text)
    if first > 0:
        headed = {h.kind for h in heads}
        for s in _cue_sections(text, 0, first):
            # content cues only fill in a kind the document has no heading for
            if s.kind in headed and s.kind in {"experience", "education"}:
                s = Section(
                    kind="header" if not sections else sections[-1].kind,
                    heading=None,
                    start=s.start,
                    end=s.end,
                )
            if sections and sections[-1].kind == s.kind and sections[-1].heading is None:
                sections[-1] = Section(kind=s.kind, heading=None, start=sections[-1].start, end=s.end)
            else:
                sections.append(s)
    for i, h in enumerate(heads):
        end = heads[i + 1].line_start if i + 1 < len(heads) else len(text)
        sections.append(Section(kind=h.kind, heading=h.text, start=h.line_start, end=end))  # type: ignore[arg-type]
    out = [part for sec in sections for part in _split_dated_summary(text, sec)]
    split = [_split_lone_position(text, sec) for sec in out]
    if any(len(parts) > 1 for parts in split) and not any(
        s.kind == "experience" and _dated_line_starts(text, s.start, s.end) for s in out
    ):
        return [part for parts in split for part in parts]
    return out


_SHORT_LINE = 80


def _dated_line_starts(text: str, start: int, end: int) -> list[int]:
    """Starts of the short lines in [start, end) that hold a date range (not a lone date)."""
    from parsers.dates import find_date_ranges

    out: list[int] = []
    for dr in find_date_ranges(text[start:end]):
        if dr.single:
            continue
        a = text.rfind("\n", 0, start + dr.start) + 1
        b = text.find("\n", start + dr.end)
        b = end if b < 0 or b > end else b
        if b - a <= _SHORT_LINE and not text[a:b].rstrip().endswith(".") and (not out or out[-1] != a):
            out.append(a)
    return out


def _header_lines_before(text: str, lo: int, pos: int) -> int:
    """Where the header lines right above `pos` begin: up to three short lines, blank lines skipped, that
    are not sentences ("Title", "Employer - City" above "2019 - 2021")."""
    begin = pos
    taken = 0
    while taken < 3 and begin > lo:
        prev_end = begin - 1
        prev_start = text.rfind("\n", lo, prev_end) + 1 if prev_end > lo else lo
        line = text[max(prev_start, lo) : prev_end].strip()
        if not line:
            begin = max(prev_start, lo)
            continue
        if len(line) > 60 or line.endswith((".", ":")) or len(line.split()) > 8:
            break
        begin = max(prev_start, lo)
        taken += 1
    while begin < pos and text[begin] == "\n":
        begin += 1
    return begin


def _split_dated_summary(text: str, sec: Section) -> list[Section]:
    """A summary (or a skills list) that goes on into dated positions ("2011 to Present" / "Acme, Denver" /
    "Supervisor") ends where the first of at least two dated lines, with its header lines, begins; the rest is
    experience."""
    if sec.kind not in {"summary", "skills"}:
        return [sec]
    body = text.find("\n", sec.start, sec.end) + 1 if sec.heading else sec.start
    starts = _dated_line_starts(text, body, sec.end) if body > 0 else []
    if len(starts) < 2:
        return [sec]
    # a skills list has no header lines above a position; a summary may ("Supervisor" / "Acme" / "2019 - 2021")
    cut = _header_lines_before(text, body, starts[0]) if sec.kind == "summary" else starts[0]
    if cut <= body:  # the dated lines start right under the heading ("CAREER OVERVIEW")
        return [Section(kind="experience", heading=sec.heading, start=sec.start, end=sec.end)]
    return [
        Section(kind=sec.kind, heading=sec.heading, start=sec.start, end=cut),
        Section(kind="experience", heading=None, start=cut, end=sec.end),
    ]


_LONE_POSITION_KINDS = frozenset({"skills", "other", "summary", "interests", "languages"})


def _split_lone_position(text: str, sec: Section) -> list[Section]:
    """In a resume whose work-history sections hold no date range, a position set out under another heading
    (header lines, then a line holding only its dates: "Acme Analytics" / "Leeds" / "DATA ANALYST" / "June 2008 -
    Present") begins the work history there: a sidebar template prints its headings apart from their content,
    and the positions follow the last sidebar heading ("PERSONAL DETAILS")."""
    if sec.kind not in _LONE_POSITION_KINDS or not _RANGE_CUE.search(text, sec.start, sec.end):
        return [sec]
    from parsers.dates import find_date_ranges

    body = text.find("\n", sec.start, sec.end) + 1 if sec.heading else sec.start
    starts = _dated_line_starts(text, body, sec.end) if body > 0 else []
    if not starts:
        return [sec]
    line_end = text.find("\n", starts[0], sec.end)
    line = text[starts[0] : line_end if line_end >= 0 else sec.end].strip()
    ranges = [r for r in find_date_ranges(line) if not r.single]
    if not ranges or len(line) - (ranges[0].end - ranges[0].start) > 3:
        return [sec]  # "Volunteered at the food bank 2006-2008": a dated item, not a position's dates
    cut = _header_lines_before(text, body, starts[0])
    if cut >= starts[0] or cut <= body:
        return [sec]
    from parsers.education import INSTITUTION_RE, find_degrees

    # header lines naming a school or a degree ("Northfield University" / "BSc Computing" / "2006 - 2010") set
    # out a course of study, not a job
    if INSTITUTION_RE.search(text, cut, starts[0]) or find_degrees(text, cut, starts[0]):
        return [sec]
    return [
        Section(kind=sec.kind, heading=sec.heading, start=sec.start, end=cut),
        Section(kind="experience", heading=None, start=cut, end=sec.end),
    ]


_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")


def _cue_sections(text: str, start: int, end: int) -> list[Section]:
    """The header part: the first block stays "header"; later blocks may be experience/education by cues."""
    out: list[Section] = []
    blocks: list[tuple[int, int]] = []
    pos = start
    for m in _BLOCK_SPLIT.finditer(text, start, end):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, end))
    kinds: list[str] = []
    for i, (a, b) in enumerate(blocks):
        k = None if i == 0 and len(blocks) > 1 else _classify_block(text[a:b])
        if i == 0 and len(blocks) == 1:
            # a single undivided block: keep its first lines as header, classify only long ones
            k = _classify_block(text[a:b]) if text.count("\n", a, b) > 12 else None
        kinds.append(k or ("header" if i == 0 or (kinds and kinds[-1] == "header") else kinds[-1]))
    cur_kind, cur_start = kinds[0], start
    for (a, _b), k in zip(blocks[1:], kinds[1:], strict=True):
        if k != cur_kind:
            out.append(Section(kind=cur_kind, heading=None, start=cur_start, end=a))  # type: ignore[arg-type]
            cur_kind, cur_start = k, a
    out.append(Section(kind=cur_kind, heading=None, start=cur_start, end=end))  # type: ignore[arg-type]
    return out


def section_at(sections: list[Section], pos: int) -> Section | None:
    """The section containing character offset `pos`."""
    for s in sections:
        if s.start <= pos < s.end:
            return s
    return None
