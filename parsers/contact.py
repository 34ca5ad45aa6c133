"""Contact details: name, email, phone, location and links, each with its evidence span.

Phones are read with `phonenumbers`. A phone is E.164 when its country is known, from a "+code" prefix or a
location cue in the text (India, US states, UK cities ...); otherwise the digits as written. Year ranges
("2015-2019"), dates ("12/05/2019") and long digit runs without phone shape are never phones.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

import phonenumbers

from models.evidence import Span, TextField
from models.resume import ContactInfo, Link, Section
from parsers.occupations import occupation_words
from parsers.places import US_STATES
from parsers.titles import looks_like_title

__all__ = ["extract_contact", "find_emails", "find_links", "find_name", "find_phones", "guess_region"]

_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+\-']*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}(?![\w@])"
)
_URL_RE = re.compile(
    r"(?:(?:https?://|www\.)[^\s<>\"'()|,]+|"
    r"(?<![\w@.])(?:[a-z0-9\-]+\.)?(?:linkedin\.com|github\.com|gitlab\.com|behance\.net|dribbble\.com|"
    r"bitbucket\.org|stackoverflow\.com|medium\.com|kaggle\.com)/[^\s<>\"'()|,]*)",
    re.IGNORECASE,
)
_URL_HINT = re.compile(
    r"https?://|www\.|linkedin|github|gitlab|behance|dribbble|bitbucket|stackoverflow|medium\.com|kaggle",
    re.I,
)
# phone-shaped runs: optional +code, digits with separators, 7 to 15 digits in all
_PHONE_RE = re.compile(
    # the lookahead fails fast where no phone can start (letters), before the lookbehind and groups are tried
    r"(?=[+(\d])(?<![\w/.\-+])(?:\+[ \t]?\d{1,3}[ \t.\-]?)?(?:\(\d{1,5}\)[ \t.\-]?)?\d[\d \t.\-]{5,18}\d(?![\w/])"
)
_YEAR_RANGE_RE = re.compile(r"^(?:19|20)\d\d\s*[-–.]\s*(?:(?:19|20)\d\d|\d\d)$")
_DATE_LIKE_RE = re.compile(r"^\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}$")
_PHONE_LABEL_RE = re.compile(
    r"(?:phone|mobile|mob|cell|tel|telephone|contact|ph|m|t|call|whatsapp|fax|office|home)\b\.?\s*(?:no\.?|number|#)?\s*[:.\-]?\s*$",
    re.IGNORECASE,
)

# location cues -> ISO region for phone numbers
_REGION_CUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?=[ibmphcdkngtauwjro])(?:india|bengaluru|bangalore|mumbai|pune|hyderabad|chennai|delhi|kolkata|noida|gurgaon|"
                r"gurugram|karnataka|maharashtra|telangana|tamil nadu|kerala|andhra pradesh|uttar pradesh|"
                r"gujarat|ahmedabad|kochi|indore|jaipur|rajasthan|west bengal|haryana|odisha|punjab)\b", re.I), "IN"),
    (re.compile(r"\b(?i:(?=[uewslmbg])(?:united kingdom|england|scotland|wales|london|manchester|birmingham|edinburgh|glasgow|"
                r"leeds|bristol))\b|\bUK\b"), "GB"),  # "UK" in capitals only
    (re.compile(r"\b(?=[asmbpvqn])(?:australia|sydney|melbourne|brisbane|perth|victoria|queensland|new south wales)\b", re.I), "AU"),
    (re.compile(r"\b(?=[ctovmqa])(?:canada|toronto|ontario|vancouver|montreal|quebec|alberta|calgary|ottawa)\b", re.I), "CA"),
    (re.compile(r"\b(?=[idc])(?:ireland|dublin|cork)\b", re.I), "IE"),
    (re.compile(r"\b(?=[ucntfiwmpogvakl])(?:usa|united states|u\.s\.a?\.?|california|new york|texas|florida|illinois|washington|"
                r"massachusetts|pennsylvania|ohio|georgia|virginia|new jersey|michigan|arizona|colorado|"
                r"wisconsin|minnesota|oregon|tennessee|missouri|maryland|indiana|kentucky|carolina|nevada|"
                r"alabama|louisiana|kansas|iowa|utah|connecticut|oklahoma)\b", re.I), "US"),
    (re.compile(r",\s*(?:" + "|".join(US_STATES) + r")\b(?:\s+\d{5})?"), "US"),
]  # fmt: skip


def guess_region(text: str) -> str | None:
    """An ISO region code from location cues in the text's first part, or None."""
    head = text[:3000]
    for rx, region in _REGION_CUES:
        if rx.search(head):
            return region
    return None


def _email_matches(text: str) -> list[re.Match[str]]:
    """The matches of _EMAIL_RE.finditer(text), read only from the lines that hold an "@" (an address holds one
    and never spans a line break)."""
    out: list[re.Match[str]] = []
    i = text.find("@")
    while i >= 0:
        a = text.rfind("\n", 0, i) + 1
        b = text.find("\n", i)
        b = len(text) if b < 0 else b
        out.extend(_EMAIL_RE.finditer(text, a, b))
        i = text.find("@", b)
    return out


def find_emails(text: str) -> list[tuple[str, Span]]:
    """Every email address (lower-cased) with its span, in order, duplicates dropped."""
    seen: set[str] = set()
    out: list[tuple[str, Span]] = []
    for m in _email_matches(text):
        value = m.group(0).rstrip(".").lower()
        if value in seen:
            continue
        seen.add(value)
        out.append((value, Span.of(text, m.start(), m.start() + len(value))))
    return out


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def find_phones(text: str, *, region: str | None = None) -> list[tuple[str, Span, float]]:
    """Phone numbers as (value, span, confidence): E.164 when the country is known, else the digits."""
    out: list[tuple[str, Span, float]] = []
    seen: set[str] = set()
    for m in _PHONE_RE.finditer(text):
        raw = m.group(0).strip(" .-")
        start = m.start() + m.group(0).index(raw)
        digits = _digits(raw)
        if not 7 <= len(digits) <= 15:
            continue
        compact = raw.replace(" ", "")
        if _YEAR_RANGE_RE.match(compact) or _DATE_LIKE_RE.match(compact):
            continue
        # two 4-digit years separated by whitespace ("2001  2005") are dates, not a phone
        if re.fullmatch(r"(?:(?:19|20)\d\d[\s\-–]+){1,}(?:19|20)\d\d", raw):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        labelled = bool(_PHONE_LABEL_RE.search(before))
        plus = raw.startswith("+")
        separators = len(re.findall(r"[\s.\-()]", raw))
        if not (labelled or plus or separators >= 1 or len(digits) >= 10):
            continue
        if len(digits) < 10 and not (labelled or plus):
            continue
        value = None
        conf = 0.6
        try:
            num = phonenumbers.parse(raw, None if plus else region)
            if phonenumbers.is_valid_number(num):
                value = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                conf = 0.95
        except phonenumbers.NumberParseException:
            pass
        if value is None:
            value = ("+" if plus else "") + digits
        if labelled:
            conf = min(1.0, conf + 0.1)
        if value in seen:
            continue
        seen.add(value)
        out.append((value, Span.of(text, start, start + len(raw)), conf))
    return out


def _link_kind(url: str) -> Literal["linkedin", "github", "portfolio", "other"]:
    u = url.lower()
    if "linkedin.com" in u:
        return "linkedin"
    if "github.com" in u or "gitlab.com" in u or "bitbucket.org" in u:
        return "github"
    if any(d in u for d in ("indeed.com", "facebook.com", "twitter.com", "x.com/", "instagram.com")):
        return "other"
    return "portfolio"


# the lower-case literals of _URL_HINT: every URL match holds one of them, on its own line
_URL_HEADS = (
    "http://", "https://", "www.", "linkedin", "github", "gitlab", "behance", "dribbble", "bitbucket",
    "stackoverflow", "medium.com", "kaggle",
)  # fmt: skip
# characters that IGNORECASE matching folds onto ASCII letters but str.lower() does not (long s, Kelvin sign,
# dotless i, dotted capital I)
_FOLD_SPECIAL = re.compile("[\u017f\u212a\u0131\u0130]")


def _url_matches(text: str) -> list[re.Match[str]]:
    """The matches of _URL_RE from the line of the first _URL_HINT on, read only from the lines that hold a hint
    (a URL never spans a line break and always holds one): str.find on the lower-cased text finds those lines
    instead of two case-insensitive scans of the whole text."""
    low = text.lower()
    if len(low) != len(text) or _FOLD_SPECIAL.search(text):
        hint = _URL_HINT.search(text)
        if hint is None:
            return []
        # start scanning a little before the first hint ("jane.github.io" style prefixes)
        return list(_URL_RE.finditer(text, max(0, text.rfind("\n", 0, hint.start()) + 1)))
    lines: set[int] = set()
    for head in _URL_HEADS:
        i = low.find(head)
        while i >= 0:
            a = low.rfind("\n", 0, i) + 1
            lines.add(a)
            b = low.find("\n", i)
            if b < 0:
                break
            i = low.find(head, b)
    out: list[re.Match[str]] = []
    for a in sorted(lines):
        b = text.find("\n", a)
        out.extend(_URL_RE.finditer(text, a, len(text) if b < 0 else b))
    return out


def find_links(text: str) -> list[Link]:
    """URLs with their kind (linkedin, github, portfolio, other), duplicates dropped."""
    out: list[Link] = []
    seen: set[str] = set()
    for m in _url_matches(text):
        url = m.group(0).rstrip(".;:")
        key = re.sub(r"^https?://(www\.)?|^www\.|/$", "", url.lower())
        if key in seen or "@" in url:
            continue
        seen.add(key)
        out.append(
            Link(kind=_link_kind(url), url=url, evidence=Span.of(text, m.start(), m.start() + len(url)))
        )  # type: ignore[arg-type]
    return out


# ---- name ----

_NAME_PREFIX = re.compile(
    r"^\s*(?:(?:resume|curriculum vitae|cv|vita|biodata|bio-data)\s*(?:of|for|:|-)?\s*|name\s*[:\-]\s*)?"
    # an honorific is not part of the name (and "Mrs" would tell the sex): "Dr. Jane Doe" -> "Jane Doe"
    r"(?:(?:mr|mrs|ms|miss|mx|dr|prof|sri|shri|smt)\.?\s+(?=[A-Z]))?",
    re.IGNORECASE,
)


_NOT_NAME_WORDS = {
    # headings, document words and titles that look like capitalized names
    "resume", "curriculum", "vitae", "cv", "profile", "summary", "objective", "experience", "education",
    "skills", "contact", "address", "email", "phone", "mobile", "name", "page", "personal", "details",
    "engineer", "developer", "manager", "analyst", "consultant", "designer", "architect", "administrator",
    "assistant", "associate", "director", "officer", "executive", "specialist", "teacher", "professor",
    "intern", "lead", "senior", "junior", "software", "sales", "marketing", "technician", "accountant",
    "coordinator", "supervisor", "editor", "writer", "student", "graduate", "trainee", "head", "chief",
    "president", "vice", "member", "programmer", "tester", "qa", "hr", "it", "template", "sample",
    "street", "road", "avenue", "lane", "drive", "apartments", "apartment", "nagar", "colony", "floor",
    "city", "state", "india", "usa", "university", "college", "school", "institute", "technologies",
    "solutions", "services", "limited", "ltd", "inc", "pvt", "corporation", "company", "group", "bank",
    "career", "work", "history", "job", "professional", "technical", "key", "the", "and", "of", "for", "in",
    "at", "with", "to", "on", "your", "my", "dear", "sir", "madam", "linkedin", "github", "indeed",
    "nurse", "chef", "driver", "clerk", "agent", "representative", "advisor", "counselor", "attorney",
    "lawyer", "partner", "founder", "owner", "instructor", "trainer", "scientist", "researcher",
    "consultancy", "infotech", "systems", "data", "project", "projects", "business",
    "development", "testing", "support", "customer", "service", "operations", "network", "cloud",
    "certified", "certification", "skill", "permanent", "current", "campus",
    "authorized", "willing", "relocate", "declaration", "languages", "hobbies", "corp", "llc", "llp", "plc",
    "gmbh", "co", "associates", "partners", "agency", "studio", "labs", "consulting", "enterprises",
    "engineering", "science", "sciences", "technology", "management", "design", "electrical", "mechanical",
    "civil", "computer", "electronics", "communication", "communications", "administration", "finance",
    "accounting", "economics", "arts", "commerce", "studies", "department", "faculty",
    "vita", "biodata", "title", "confidential", "draft", "overview", "introduction", "portfolio", "cover",
    "letter", "references", "home", "welcome", "contents", "index", "untitled", "document",
}  # fmt: skip
_NAME_LINE_MAX = 48
_COMMON_WORDS = {
    "do", "not", "copy", "no", "yes", "a", "an", "is", "are", "be", "as", "by", "or", "if", "it", "this",
    "that", "status", "marital", "date", "birth", "font", "size", "styles", "style", "margins", "sitter",
    "magna", "cum", "laude", "honors", "dean", "list", "gpa", "example", "examples", "sample", "format",
    "sr", "jr", "room", "suite", "applicant", "updated", "last", "producer", "media", "social",
}  # fmt: skip
_CREDENTIAL_AFTER = re.compile(r"^,\s*(?:ph\.?\s?d|m\.?d|mba|ed\.?\s?d|cpa|pmp|rn|esq|jr|sr|ii|iii)\b", re.I)
_PLACE_AFTER = re.compile(
    r"^,\s*(?:[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?\s*$|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b(?!\.))"
)
_PLACEHOLDER = re.compile(r"^(?:x{3,}|X{3,})$")


def _name_token(t: str) -> bool:
    """A capitalized word of a name (letters of any script, ' and - inside), an ALL-CAPS word, or an initial."""
    core = t.rstrip(".,")
    if not core or not core[0].isupper():
        return False
    letters = core.replace("'", "").replace("’", "").replace("-", "")
    if not letters.isalpha():
        return False
    return len(core) == 1 or core.isupper() or any(ch.islower() for ch in core[1:])


# lower-case particles inside a name: "Juan de la Cruz", "Ludwig van Beethoven", "Ahmed bin Rashid"
_NAME_PARTICLES = frozenset(
    {"de", "da", "del", "della", "di", "du", "dos", "das", "do", "la", "le", "van", "von", "der", "den", "ter",
     "bin", "binti", "bint", "ibn", "al", "el"}
)  # fmt: skip


def _name_tokens_ok(tokens: list[str], *, max_tokens: int = 4) -> bool:
    if not 2 <= len(tokens) <= max_tokens:
        return False
    inner = set(range(1, len(tokens) - 1))
    tokens = [t for i, t in enumerate(tokens) if not (i in inner and t in _NAME_PARTICLES)]
    if len(tokens) < 2 or not all(_name_token(t) and not _PLACEHOLDER.match(t) for t in tokens):
        return False
    if sum(1 for t in tokens if len(t.rstrip(".,")) > 1) < 2:
        return False
    low = [p for t in tokens for p in t.lower().strip(".,").split("-") if len(p) > 1]
    return not any(w in _NOT_NAME_WORDS or w in _COMMON_WORDS for w in low)


# words that end an organization's name: "Johns Hopkins University" holds no person's name
_ORG_HEAD_WORDS = frozenset(
    {
        "university",
        "college",
        "institute",
        "school",
        "academy",
        "hospital",
        "bank",
        "inc",
        "ltd",
        "llc",
        "corp",
    }
)


def _name_from_line(
    line: str, *, allow_prefix: bool = False, max_tokens: int = 4
) -> tuple[str, int, int] | None:
    """(name, start, end) within `line` when it reads as a person's name.

    allow_prefix: also accept the leading capitalized tokens of a longer line ("Jane Doe Data Engineer"),
    cut at the first digit, title or address word, unless that word ends an organization's name.
    max_tokens: the most tokens a whole-line name may have (a first line may hold five given names).
    """
    if line.rstrip().endswith(":"):
        return None
    m = _NAME_PREFIX.match(line)
    offset = m.end() if m else 0
    rest = line[offset:]
    # cut at separators that start another field ("Jane Doe | jane@x.com", "Jane Doe - Engineer")
    cut = re.search(r"\s[|–—•·]\s|\s-\s|\t|,\s*|\s{2,}|\s\(|:\s|[a-z]{2}\.\s", rest)
    if cut:
        after = rest[cut.start() :]
        if after.startswith(",") and _PLACE_AFTER.match(after) and not _CREDENTIAL_AFTER.match(after):
            return None  # "San Mateo, CA": a place, not a name
        rest = rest[: cut.start() + (2 if cut.group(0)[:1].islower() else 0)]
    rest = (
        rest.rstrip(" ,.;:") if not rest.endswith(".") or len(rest.split()[-1]) > 2 else rest.rstrip(" ,;:")
    )
    lead = len(rest) - len(rest.lstrip())
    rest = rest.strip()
    if not rest or "@" in rest:
        return None
    tokens = rest.split()
    if not _name_tokens_ok(tokens, max_tokens=max_tokens):
        if not allow_prefix:
            return None
        prefix: list[str] = []
        for t in tokens:
            low = t.lower().strip(".,")
            if (
                any(ch.isdigit() for ch in t)
                or not _name_token(t)
                or low in _NOT_NAME_WORDS
                or low in _COMMON_WORDS
                or (t.isupper() and len(t) > 1 and prefix and not prefix[-1].isupper())
            ):
                if low in _ORG_HEAD_WORDS:
                    return None
                break
            prefix.append(t)
        if len(prefix) < 2 or len(prefix) > 4 or not _name_tokens_ok(prefix):
            return None
        tokens = prefix
        rest = rest[: rest.index(prefix[-1], sum(len(t) + 1 for t in prefix[:-1])) + len(prefix[-1])]
    if len(rest) > _NAME_LINE_MAX:
        return None
    start = offset + lead
    return rest, start, start + len(rest)


def _surname_line(line: str) -> tuple[str, int, int] | None:
    """(name, start, end) when a first line holds one name word alone ("Okafor"), before a placeholder
    ("Okafor XXXX"), an initial ("Okafor.V", "Okafor V.") or a job title ("Okafor Software-Firmware Engineer"):
    resumes anonymized down to a surname. Before a title the word must be no word of an occupation's name
    ("Barista Trainer" is a title)."""
    m = re.match(r"\s*([A-Z][A-Za-z'’-]{2,})(?=[\s.]|$)", line)
    if m is None:
        return None
    word = m.group(1)
    low = word.lower()
    if word.isupper():
        return None  # "CASHIER", "LANDSCAPER": a one-word title in capitals opens many resumes
    if not _name_token(word) or low in _NOT_NAME_WORDS or low in _COMMON_WORDS or _is_skill_phrase(word):
        return None
    if any(ch.isdigit() or ch == "@" for ch in line):
        return None
    rest = line[m.end() :].strip()
    if all(_PLACEHOLDER.match(t) for t in rest.split()) or (
        _INITIAL_AFTER.fullmatch(rest) and _PLAIN_WORD.fullmatch(word)
    ):
        return word, m.start(1), m.end(1)
    if (
        rest[:1] == "."
        or not _PLAIN_WORD.fullmatch(word)
        or not _job_title_after(rest)
        or low in occupation_words()
    ):
        return None
    return word, m.start(1), m.end(1)


_PLAIN_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*")  # "Okafor", "O'Neil", "Smith-Jones"
_INITIAL_AFTER = re.compile(r"\.\s?[A-Z]\.?|[A-Z]\.")  # "Okafor.V", "Okafor. V", "Okafor V."
_TITLE_WORDS = frozenset(
    {"engineer", "developer", "manager", "analyst", "consultant", "designer", "architect", "administrator",
     "assistant", "associate", "director", "officer", "executive", "specialist", "teacher", "professor",
     "technician", "accountant", "coordinator", "supervisor", "programmer", "tester", "nurse", "lead",
     "representative", "advisor", "counselor", "instructor", "trainer", "scientist", "researcher"}
)  # fmt: skip


def _job_title_after(rest: str) -> bool:
    """Whether `rest` (what follows a single name word on its line) is a short job title in title case that
    ends with a title word ("Software-Firmware Engineer")."""
    words = rest.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    return words[-1].lower().split("-")[-1] in _TITLE_WORDS


def find_name(
    text: str, sections: list[Section] | None = None, *, email: str | None = None
) -> TextField | None:
    """The candidate's name from the top lines: 2-4 capitalized tokens on a line that is not a heading,
    title, address or contact line, nor a phrase the skill taxonomy knows. Confidence falls with the line's distance from
    the top.

    With `email`, a candidate found below the first three lines that does not agree with the address's local
    part gives way to a line further down that does ("Ethan Moreau" for ethan.moreau@...): sidebar layouts put contact details and
    skill lists before the name.
    """
    from parsers.sections import classify_heading

    pos = 0
    seen_lines = 0
    limit = len(text)
    if sections:
        # the header part; when the document starts with a heading, its first few lines only
        head_end = sections[0].end if sections[0].kind == "header" else 0
        limit = min(len(text), max(head_end, 300))
        # never cut a line short: "Johns Hopkins" is the start of "Johns Hopkins University, ..."
        if text[limit - 1 : limit] not in {"", "\n"}:
            line_end = text.find("\n", limit)
            limit = len(text) if line_end < 0 else line_end
    title = _TEMPLATE_TITLE.search(text, 0, min(len(text), 2000))
    if title is not None:
        # "Sales Representative Resume Example": a template page's title; the resume starts below it
        pos = text.find("\n", title.end()) + 1 or len(text)
        if limit < pos + 300:
            line_end = text.find("\n", pos + 300)
            limit = len(text) if line_end < 0 else line_end
    first: TextField | None = None
    for line in text[pos:limit].split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        seen_lines += 1
        if seen_lines > 12:
            break
        kind = classify_heading(line.strip())
        if kind in _NO_NAME_BELOW:
            break  # "Experience" / "Harbourline Retail – City , State": an employer's line, never the name
        if kind:
            continue
        # five given names only in mixed case: "LEAN SIX SIGMA BLACK BELT" is a headline
        five = seen_lines == 1 and not line.isupper()
        found = _name_from_line(line, allow_prefix=seen_lines <= 3, max_tokens=5 if five else 4)
        if not found and seen_lines == 1:
            found = _surname_line(line)
        if not found:
            continue
        name, s, e = found
        if _is_skill_phrase(name) or _reads_as_title(name):
            continue
        conf = 0.95 if seen_lines == 1 else 0.85 if seen_lines <= 3 else 0.6
        first = TextField(value=name, evidence=Span.of(text, line_start + s, line_start + e), confidence=conf)
        break
    local = _email_local(email)
    if not local or (
        first is not None and (first.confidence >= 0.85 or _agrees_with_email(first.value, local))
    ):
        return first or _name_after_personal_label(text)
    # look further down for a name line the email agrees with
    pos = 0
    for line in text[:6000].split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip() or classify_heading(line.strip()):
            continue
        found = _name_from_line(line)
        # agreement with the email outweighs the section the line falls in (a sidebar list runs on to it)
        if found and _agrees_with_email(found[0], local) and not _is_skill_phrase(found[0]):
            name, s, e = found
            return TextField(
                value=name, evidence=Span.of(text, line_start + s, line_start + e), confidence=0.8
            )
    return first or _name_after_personal_label(text)


def _reads_as_title(name: str) -> bool:
    """The candidate holds a job title's word ("BENEFIT ADVOCATE" of "BENEFIT ADVOCATE SUPERVISOR", "RN STAFF"):
    the first line of a resume whose name was removed is often its title."""

    return looks_like_title(name) > 0


# a work-history heading: the search for the name in the top lines stops there (a dev CV opens with a line read
# as an education heading above its name, so only this kind)
_NO_NAME_BELOW = frozenset({"experience"})

_TEMPLATE_TITLE = re.compile(
    r"\b(?:resume|cv|curriculum vitae)[ \t]+(?:examples?|samples?|templates?)\b[ \t]*$", re.I | re.M
)


_PERSONAL_LABEL_RE = re.compile(
    r"^\W*(?:personal\s+(?:status|details|information|data|particulars)|name)\s*:?\s*$", re.IGNORECASE
)


_NAME_LABEL_RE = re.compile(r"^\W*(?:full\s+|candidate'?s?\s+)?name\s*[:\-–]\s*", re.IGNORECASE)


def _name_after_personal_label(text: str) -> TextField | None:
    """A "Name: ..." line, or the first name line within three lines under a "Personal details:" label (CVs that
    open with an address block and state the name further down), or None."""
    pos = 0
    lines_left = 0
    for line in text[:6000].split("\n"):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if _PERSONAL_LABEL_RE.match(stripped):
            lines_left = 3
            continue
        labelled = _NAME_LABEL_RE.match(line)
        if labelled:
            # "Name : Ravi Kumar" among personal details at the end of the resume
            found = _name_from_line(line[labelled.end() :])
            if found and not _is_skill_phrase(found[0]):
                name, s, e = found
                a = line_start + labelled.end()
                return TextField(value=name, evidence=Span.of(text, a + s, a + e), confidence=0.7)
        if not stripped or not lines_left:
            continue
        lines_left -= 1
        found = _name_from_line(line)
        if found and not _is_skill_phrase(found[0]):
            name, s, e = found
            return TextField(
                value=name, evidence=Span.of(text, line_start + s, line_start + e), confidence=0.6
            )
    return None


def _is_skill_phrase(name: str) -> bool:
    """A capitalized phrase the skill taxonomy knows ("Patient Care", "UX Design"): a sidebar entry."""
    try:
        from parsers.taxonomy import load_taxonomy

        return load_taxonomy().lookup(name) is not None
    except Exception:  # no taxonomy available: nothing is known
        return False


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()


def _email_local(email: str | None) -> str:
    if not email or "@" not in email:
        return ""
    return re.sub(r"[^a-z]", "", _fold(email.split("@", 1)[0]))


def _agrees_with_email(name: str, local: str) -> bool:
    """Some name token of 3+ letters appears in the email's local part (letters only)."""
    toks = [re.sub(r"[^a-z]", "", _fold(t)) for t in name.split()]
    return any(len(t) >= 3 and t in local for t in toks)


# ---- location ----

_LOCATION_RE = re.compile(
    r"(?<![\w])([A-Z][a-zA-Z.]+(?:[ \-][A-Z][a-zA-Z.]+){0,3}),[ \t]*"
    r"([A-Z][a-zA-Z]+(?:[ \t][A-Z][a-zA-Z]+){0,2}|[A-Z]{2})\b(?:[ \t]+\d{5,6})?"
)  # on one line: "London\nPhone" is no place


def find_location(text: str, header_end: int) -> TextField | None:
    """A "City, State/Country" in the header whose region is recognizable, or None."""
    head = text[: max(header_end, 0) or 800]
    for m in _LOCATION_RE.finditer(head):
        cand = m.group(0)
        if guess_region(cand) or re.search(r",\s*[A-Z]{2}\b", cand):
            if any(w.lower() in {"inc", "ltd", "llc"} for w in cand.replace(",", " ").split()):
                continue
            return TextField(value=cand.strip(), evidence=Span.of(text, m.start(), m.end()), confidence=0.7)
    return None


def extract_contact(text: str, sections: list[Section] | None = None) -> ContactInfo:
    """Name, email, phone, location and links of the resume."""
    header_end = sections[0].end if sections and sections[0].kind == "header" else min(len(text), 800)
    info = ContactInfo()
    emails = find_emails(text)
    if emails:
        value, span = emails[0]
        conf = 0.99 if span.start < max(header_end, 1500) else 0.8
        info.email = TextField(value=value, evidence=span, confidence=conf)
    info.name = find_name(text, sections, email=info.email.value if info.email else None)
    info.location = find_location(text, header_end)
    # the country for phone numbers comes from the header (the candidate's own address), not from places
    # named later in the work history
    region = (guess_region(info.location.value) if info.location else None) or guess_region(
        text[: max(min(header_end, 1500), 300)]
    )
    phones = find_phones(text[: max(header_end, 2000)], region=region) or find_phones(text, region=region)
    if phones:
        value, span, conf = phones[0]
        info.phone = TextField(value=value, evidence=span, confidence=conf)
    info.links = find_links(text)
    return info
