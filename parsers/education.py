"""Education: degree as written, normalized level, field, institution and dates.

Degrees are found with a pattern table (B.E., B.Tech, BSc, BA, MBA, M.S., MTech, PhD, Diploma, HSC/SSC/12th
...) in education sections, and outside them on lines led by a degree next to an institution or holding only a
degree with its field (see `_degree_lines_elsewhere`). Each degree anchors one entry; its field is the words after
it (or on the next line); the institution is the nearest line (or comma piece) holding an institution word
(University, College, Institute, School ...), joined over a line break when the name wraps; the year is the
nearest date after the degree. Two-letter codes that close an address ("Columbia, MS") are states, not degrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.evidence import Span
from models.resume import Education, Section
from parsers.contact import guess_region
from parsers.dates import MONTHS, DateRange, find_date_ranges
from parsers.places import CANADIAN_PROVINCES, US_STATES

__all__ = ["INSTITUTION_RE", "degree_level", "extract_education", "find_degrees", "is_education_section"]

# (pattern, level); earlier patterns win when they overlap
# "of" may be glued to the field in PDF text ("Bachelor ofScience")
_OF_FIELD = (
    r"(?:[ \t]+(?:of|in)(?:[ \t]+|(?=[A-Z]))(?:science|arts|engineering|technology|commerce|business[ \t]+administration|"
    r"education|laws?|fine[ \t]+arts|computer[ \t]+applications?|architecture|pharmacy|medicine|surgery|"
    r"philosophy|music|nursing|social[ \t]+work|public[ \t]+health|management|design)"
    # "Bachelor of Arts and Sciences", "Master of Science and Technology"
    r"(?:[ \t]+(?:and|&)[ \t]+(?:sciences?|arts|engineering|technology|commerce|education|management))?)?"
)
# "Master's", "Masters", "Master’s" (a curly quote from a word processor), "Master ‘s"
_POSSESSIVE = r"(?:[ \t]?['’‘][ \t]?s|s|['’])?"
_DEGREE_TABLE: list[tuple[str, str]] = [
    (r"ph\.?[ \t]?d\.?|d\.?[ \t]?phil\.?|doctor(?:ate)?[ \t]+of[ \t]+[a-z]+(?:[ \t]+(?!in\b|of\b)[a-z]+)?|doctorate|"
     r"ed\.?[ \t]?d\.?|psy\.?[ \t]?d\.?|m\.d\.?|j\.[ \t]?d\.?|juris[ \t]+doctor(?:ate)?|pharm\.?[ \t]?d\.?|sc\.[ \t]?d\.?|"
     r"d\.[ \t]?(?:n\.[ \t]?p|p\.[ \t]?t|v\.[ \t]?m|d\.[ \t]?s|b\.[ \t]?a)\.?|(?-i:DNP|DPT|DVM|DDS|ScD)|doctorado|doutorado|doctorat|"
     r"(?-i:JD)(?=[ \t]+:[ \t]+[A-Z])", "doctorate"),
    (r"m\.?[ \t]?tech\.?|m\.[ \t]?e\.?(?=[ \t,(\n;:/)|\-–]|$)|m\.[ \t]?s\.?(?=[ \t,(\n;:/)|\-–]|$)|m\.?[ \t]?sc\.?|"
     r"m\.?[ \t]?b\.?[ \t]?a\.?|m\.?[ \t]?c\.?[ \t]?a\.?|m\.?[ \t]?com\.?|m\.[ \t]?a\.?(?=[ \t,(\n;:/)|\-–]|$)|"
     r"m\.?[ \t]?ed\.?|m\.?[ \t]?phil\.?|ll\.?[ \t]?m\.?|m\.[ \t]?arch\.?|(?-i:MArch)|m\.?[ \t]?pharm\.?|ed\.[ \t]?s\.?|"
     r"pgd[a-z]{0,4}|p\.g\.[ \t]?d[a-z.]*|p\.?g\.?[ \t]+diploma(?:[ \t]+in)?|post[ \t-]*graduat(?:e|ion)(?:[ \t]+(?:diploma|degree|program(?:me)?|"
     r"certificate))?(?:[ \t]+in)?|master" + _POSSESSIVE + r"(?:[ \t]+(?:degree|program(?:me)?))?" + _OF_FIELD + r"|"
     r"ms(?![ \t/:]+(?:office|excel|word|sharepoint|access|project|visio|sql|windows|dynamics|outlook|"
     r"powerpoint|visual|teams|azure|exchange|crm|dos|paint|navision)\b)(?=[ \t]+[A-Z(]|[ \t]*[,(/]|\.|[ \t]*(?:\n|$)|[ \t]+:[ \t]+[A-Z])|"
     r"ma(?=[ \t]+(?:in[ \t])?[A-Z(]|[ \t]*/|[ \t]*(?:\n|$)|[ \t]+:[ \t]+[A-Z])|msc|mba|mca|"
     r"m\.[ \t]?(?:s\.[ \t]?(?:ed|w|n)|f\.[ \t]?a|p\.[ \t]?[ahp]|a\.[ \t]?t|h\.[ \t]?a|eng)\.?|"
     r"(?-i:MFA|MPH|MSW|MSN|MEng|MPA|MPP|MSEd|MHA|MASc|MAcc|MSEE|MSCS|MSIT|MSME)|maestr[ií]a|mestrado|"
     r"magist(?:er|ra|ro)|laurea[ \t]+magistrale|dipl\.?[ \t-]*ing\.?|diplom[ \t-]*ingenieur", "master"),
    (r"b\.?[ \t]?tech\.?|b\.[ \t]?e\b\.?|be(?=[ \t]+(?:in[ \t]+)?[A-Z(]|[ \t]*(?:\n|$))|b\.[ \t]?s\.?(?=[ \t,(\n;:/)|\-–]|$)|"
     r"b\.?[ \t]?sc\.?|b\.?[ \t]?com\.?|b\.?[ \t]?c\.?[ \t]?a\.?|b\.[ \t]?a\b\.?|"
     r"ba(?=[ \t]+(?:in[ \t]+)?[A-Z(]|[ \t]*[,(/]|[ \t]*(?:\n|$)|[ \t]+:[ \t]+[A-Z])|bs(?=[ \t]+(?:in[ \t]+)?[A-Z(]|[ \t]*[,(\-/]|[ \t]*(?:\n|$)|[ \t]+:[ \t]+[A-Z])|bsc|bcom|bca|bba|"
     r"b\.?[ \t]?b\.?[ \t]?a\.?|b\.?[ \t]?ed\.?|ll\.?[ \t]?b\.?|b\.[ \t]?arch\.?|(?-i:BArch)|b\.?[ \t]?pharm\.?|bcl|"
     r"mbbs|b\.?[ \t]?d\.?[ \t]?s\.?|bachelor" + _POSSESSIVE + r"(?:[ \t]+(?:degree|program(?:me)?))?" + _OF_FIELD + r"|"
     r"under[ \t]*graduate[ \t]+degree|graduate[ \t]+in|engineering[ \t]+graduate|"
     r"degree[ \t]+in(?=[ \t]+[A-Z])|b\.[ \t]?(?:s\.[ \t]?(?:n|ed|ee|me)|f\.[ \t]?a|eng)\.?|"
     r"(?-i:BFA|BSN|BEng|BSEd|BSEE|BSME|BSCS|BSIT|BSBA|BASc|BSCE|BSChE)|licenciatura|licenciad[oa]|"
     r"bacharelado|laurea(?:[ \t]+triennale)?", "bachelor"),
    (r"associate" + _POSSESSIVE + r"[ \t]+(?:degree|of(?:[ \t]+|(?=[A-Z]))[a-z]+(?:[ \t]+(?!in\b|of\b)[a-z]+)?|"
     r"in[ \t]+(?:applied[ \t]+)?(?:science|arts))|a\.a\.s?\.?|a\.s\.(?=[ \t])|"
     r"(?:btec[ \t]+)?hn[cd]|a\.[ \t]?(?:s|d)\.[ \t]?n\.?|(?-i:AAS|ADN|ASN)|"
     # the job-board layout "AS : Aviation Maintenance", "A.A : Liberal Arts"
     r"(?:(?-i:AA|AS)|a\.[ \t]?[as])(?=[ \t]+:[ \t]+[A-Z])", "associate"),
    (r"diplom(?:a|ado)(?:[ \t]+in(?=[ \t]+\S))?|polytechnic", "associate"),
    (r"h\.?[ \t]?s\.?[ \t]?c\.?|s\.?[ \t]?s\.?[ \t]?c\.?|12th|10th|xii(?:th)?|x(?:th)?(?=[ \t]+(?:std|standard|grade|class))|"
     r"higher[ \t]+secondary(?:[ \t]+certificate)?|senior[ \t]+secondary|secondary[ \t]+school(?:[ \t]+certificate)?|"
     r"high[ \t-]+school(?:[ \t]+diploma)?|intermediate|matriculation|matric|cbse|icse|ged|a[ \t-]levels?|"
     r"o[ \t-]levels?|gcse|puc|pre[ \t-]university|sslc|hsslc", "secondary"),
]  # fmt: skip
_FIRST_LETTERS = "abcdeghijlmopsux1"
# the letters each row of the table starts with (case-insensitive): a row's alternation is tried only at a word
# that starts with one of its letters (a test checks that no row matches anything more without this)
_ROW_FIRST_LETTERS = ("pdemjs", "mlepd", "bmlugde", "abh", "dp", "hs1xicmgaop")
_DEGREE_RE = re.compile(
    # the leading checks fail fast inside words and on letters no degree starts with (every alternative of
    # the table starts with one of these; a test checks it) before the long alternation is tried
    "(?<![A-Za-z])(?=["
    + _FIRST_LETTERS
    + "])(?:"
    + "|".join(
        f"(?P<l{i}>(?=[{_ROW_FIRST_LETTERS[i]}])(?:{p})(?![A-Za-z]))"
        for i, (p, _lvl) in enumerate(_DEGREE_TABLE)
    )
    + ")",
    re.IGNORECASE,
)
_WORDLIKE = {"be", "ba", "ma", "ms", "me", "md", "jd"}  # also English words or abbreviations: upper case only
_LEVEL_BY_GROUP = {f"l{i}": lvl for i, (_p, lvl) in enumerate(_DEGREE_TABLE)}
# Short all-letter abbreviations ("BE", "MS", "BA") only count upper-case, to avoid "be", "ms", "ma" words.
_CASE_SENSITIVE = re.compile(
    r"^(?:be|ba|bs|ms|ma|me|ba|hsc|ssc|ged|puc|hnd|mba|bca|mca|bba|bcl)$", re.IGNORECASE
)

_KNOWN_NAMES = r"UCLA|MIT|NYU|USC|UCSD|UCSB|UCSF|UNC|CMU|LSE|ETH|EPFL|Caltech|(?:Georgia|Virginia|Texas|Louisiana)[ \t]+Tech"
# an institution word in the languages the readers meet (certifications reads it to tell an education line from a
# credential)
INSTITUTION_RE = re.compile(
    r"\b(?:university|universi(?:dad|dade|tät|taet|tat|té|tà|teit|ty|ti|tas|tatea)|uniwersytet|college|"
    r"institute|institution|institut|instytut|school|academy|akademie|akademia|polytechnic|politecnico|"
    r"politechnika|instituto|escuela|colegio|hochschule|fachhochschule|[ée]cole|vidyalaya|"
    r"vidyapeeth|mahavidyalaya|iit|nit|iiit|iim|bits|suny|cuny|faculty|conservatory|seminary|campus|"
    # well-known names without an institution word, in capitals as written ("UCLA, B.A. Psychology")
    r"(?-i:" + _KNOWN_NAMES + r"))\b",
    re.IGNORECASE,
)
_FIELD_RE = re.compile(
    r"(?:\bin\b|\bof\b|,|-|–|\()\s*((?:[A-Z][A-Za-z&.]*|and|of|&)(?:[ \t]+(?:[A-Z][A-Za-z&.]*|and|of|&|[a-z]+)){0,5})"
)


def degree_level(degree: str) -> str | None:
    """Normalized level of a degree as written ("B.Tech" -> bachelor, "HSC" -> secondary), or None."""
    hits = find_degrees(degree, colon_forms=True)
    return hits[0].level if hits else None


@dataclass(frozen=True)
class DegreeHit:
    """A degree mention: text, level and offsets."""

    text: str
    level: str
    start: int
    end: int


# a capitalized word before a school word names the school ("Lincoln High School"); not a verb ("Completed")
_NAMED_BEFORE = re.compile(r"(?<![\w.])[A-Z][\w.&'-]*(?<!ed)[ \t]+$")
_NOT_A_DEGREE_AFTER = re.compile(
    r"[ \t]+(?:thesis|dissertation|project|research|students|level)\b", re.IGNORECASE
)


# "<Institution>, <City>, " right before a two-letter code: a US state ("University of X, Columbia, MS, 1997")
# (city words in title case or, in an all-capitals resume, capitals: "NORTHEASTERN UNIVERSITY, BOSTON, MA")
_CITY_BEFORE = re.compile(r",[ \t]*[A-Z](?:[a-z]+|[A-Z]+)(?:[ \t][A-Z](?:[a-z]+|[A-Z]+))?,[ \t]*$")


_LINE_CITY_BEFORE = re.compile(
    r"[ \t]*[A-Z](?:[a-z]+|[A-Z]+)(?:[ \t][A-Z](?:[a-z]+|[A-Z]+))?,[ \t]*$"
)  # a line "Chestnut Hill, MA"
_ONE_CITY_BEFORE = re.compile(r"[A-Z](?:[a-z]+|[A-Z]+),[ \t]*$")


def _prev_line_start(text: str, line_start: int) -> int:
    """Start offset of the line above the one starting at `line_start` (0 for the first line)."""
    return text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start > 0 else 0


def _is_state_code(text: str, start: int, end: int) -> bool:
    """The code at text[start:end] ("MS", "MA") closes an institution's address, not a degree."""
    a = text.rfind("\n", 0, start) + 1
    # the institution may sit on the line above when its name wrapped ("The University" / "of Missouri, ...")
    wrapped = a > 0 and re.match(r"[ \t]*(?:of|and|for)\b", text[a:start]) is not None
    prev = text.rfind("\n", 0, a - 1) + 1 if wrapped else a
    # or an address that wrapped after the institution's name ("The University of X Former" / "Students
    # Association, Columbia, MS, 1996")
    after_institution_city = _CITY_BEFORE.search(text, a, start) and (
        INSTITUTION_RE.search(text, prev, start)
        or (
            a > 0
            and INSTITUTION_RE.search(text, _prev_line_start(text, a), a)
            and not find_degrees(text, a, start, colon_forms=True)  # "B.S., Biology, MS, 2004": a degree line
        )
    )
    # "... Career Services, Columbia," / "MS, 1995 to 1996": the address wrapped before the code
    city_above = (
        not text[a:start].strip()
        and a > 0
        and _ONE_CITY_BEFORE.search(text, _prev_line_start(text, a), a - 1)
    )
    if not (after_institution_city or city_above or _LINE_CITY_BEFORE.match(text, a, start)):
        return False
    return (
        re.match(r"[ \t]*(?:\d{5}(?:-\d{4})?)?[ \t]*(?:[,|;.]|$)", text[end : end + 16].split("\n")[0])
        is not None
    )


_COLON_FIELD = re.compile(r"[ \t]+:[ \t]")
# the bare two-letter forms of the job-board layout ("BS : Accounting", "A.S : Paralegal Studies", "JD : Public
# Law"): read only in education sections, since elsewhere "AS : Oracle Application Server", "MA : Medical Assistant
# certification", "JD : Job Description" are no degrees
_BARE_COLON_DEGREE = re.compile(r"(?:AA|AS|JD|MS|MA|BA|BS|[Aa]\.[ \t]?[AaSs])\Z")
_COMMA_BEFORE = re.compile(r",[ \t]*\Z")
# a town right before a state code ("Harbor Community College Boston MA : ..."): a capitalised word that does not
# end an institution's name ("University of New Mexico MA : ...") or name a month
_TOWN_BEFORE = re.compile(r"(?<![\w.&'-])([A-Z][a-z]+)[ \t]+\Z")
# bare degree codes that are also state codes (Massachusetts, Mississippi)
_STATE_CODES_DEGREE = frozenset({"MA", "MS"})
_NAME_OF = re.compile(r"\bof(?:[ \t]+[A-Z][\w.&'-]*){1,3}[ \t]+\Z")


def _bare_colon_rejected(text: str, m_start: int, lo: int, code: str) -> bool:
    """A bare two-letter code before ' : ' that closes an address: after a comma ("Boston, MA : ...") or, for a
    code that is also a state's, after a town ("... College Boston MA : ..."). A code no state has stays a degree
    after a comma ("Harbor College, BS : Accounting")."""
    if code not in _STATE_CODES_DEGREE:
        return False
    if _COMMA_BEFORE.search(text, max(lo, m_start - 8), m_start):
        return True
    a = max(lo, m_start - 60)
    t = _TOWN_BEFORE.search(text, a, m_start)
    if t is None or INSTITUTION_RE.fullmatch(t.group(1)) or t.group(1).lower() in MONTHS:
        return False
    return _NAME_OF.search(text, a, m_start) is None


def find_degrees(
    text: str, start: int = 0, end: int | None = None, *, colon_forms: bool = False
) -> list[DegreeHit]:
    """Every degree mention in text[start:end]. The bare two-letter forms before a colon ("BS : Accounting",
    "JD : Public Law") count only with `colon_forms` (education sections, a degree already read)."""
    end = len(text) if end is None else end
    out: list[DegreeHit] = []
    for m in _DEGREE_RE.finditer(text, start, end):
        s = m.group(0)
        bare = s.replace(".", "").replace(" ", "")
        if _CASE_SENSITIVE.match(bare) and (
            bare.islower() or (bare.lower() in _WORDLIKE and not bare.isupper())
        ):
            continue
        if s.lower() == "intermediate" and not re.search(
            r"\b(?:board|class|college|12|xii|mpc|bipc|cec|science|commerce)\b",
            text[m.start() : min(end, m.end() + 60)],
            re.IGNORECASE,
        ):
            continue
        if s.lower() == "polytechnic" and re.search(
            r"[A-Z][\w.&'-]*[ \t]+$", text[max(start, m.start() - 40) : m.start()]
        ):
            continue  # "ABC Polytechnic": the name of an institution, not a diploma
        if re.match(r"high[ \t-]+school$", s, re.IGNORECASE) and _NAMED_BEFORE.search(
            text[max(start, m.start() - 40) : m.start()]
        ):
            continue  # "Lincoln High School": the name of a school, not the certificate
        if s.lower() in {"graduation", "diploma", "diplomado"} and not re.search(
            r"\b(?:in|from|of|at|university|college|institute|19\d\d|20\d\d)\b",
            text[m.end() : min(end, m.end() + 80)],
            re.IGNORECASE,
        ):
            continue
        if _NOT_A_DEGREE_AFTER.match(text, m.end(), end):
            continue  # "Masters Thesis", "Bachelor's project": work done for a degree, not the degree
        if s in _STATE_CODES_DEGREE and _is_state_code(text, m.start(), m.end()):
            continue
        if (
            _BARE_COLON_DEGREE.match(s)
            and _COLON_FIELD.match(text, m.end(), end)
            and (not colon_forms or _bare_colon_rejected(text, m.start(), start, s))
        ):
            continue  # "BS : Accounting" in the job-board layout; "Boston, MA : ..." is a state
        lvl = _LEVEL_BY_GROUP[m.lastgroup or "l0"]
        out.append(DegreeHit(s.strip(), lvl, m.start(), m.start() + len(s.strip())))
    return out


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


_HONS = re.compile(r"\s*\(?\s*(?:honours|honors|hons?\b\.?)\s*\)?", re.IGNORECASE)
_PAREN = re.compile(r"\s*[(\[]([^()\[\]\n]{1,60})[)\]]")
_OPEN_PAREN = re.compile(r"[ \t,]*[(\[][ \t]*")
_FIELD_AFTER = re.compile(
    r"(?:\s*(?:(?i:in|of|en|em)\b|-|–|:|,)\s*[\"“']?|[ \t]+)([A-Z][A-Za-z&.'/]*(?:[ \t]+(?:[A-Z][A-Za-z&.'/]*|and|of|&|in)){0,6})"
)


# "BS Degree in X", "Master's Program in X": X is the field
_DEGREE_WORD = re.compile(r"^(?:degree|program(?:me)?)(?:\s+(?:in|of)\b)?\s*", re.IGNORECASE)
_NOT_FIELD = re.compile(
    r"\b(?:board|gpa|cgpa|percentage|grade|class|division|expected|graduated|summa|magna|cum[ \t]+laude|"
    r"distinction)\b|"
    # a month: "Bachelor of Science May 2004"
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.I,
)


# "J.D. degree", "Bachelor of Science degree in Biology", "Ph.D. candidate in Sociology": words of the degree
_DEGREE_NOUN_AFTER = re.compile(r"[ \t]+(?:degree|candidate)\b", re.IGNORECASE)
# "Bachelor of Arts with an emphasis in Marketing", "B.A. with Honors in English": a focus of the degree
_WITH_FOCUS = re.compile(
    r"[ \t]+with[ \t]+(?:(?i:an?)[ \t]+)?(?:(?i:concentration|emphasis|speciali[sz]ation|focus|major|minor|option|"
    r"honou?rs|distinction)[ \t]+)?(?i:in)[ \t]+"
    r"([A-Z][A-Za-z&'/-]*(?:[ \t]+(?:[A-Z][A-Za-z&'/-]*|and|of|&)){0,5})"
)


# "... Field Town , ST" in the job-board layout: up to three capitalised words before ' , ' and a state's or
# province's code (or the template's "City , State")
_PLACE_AFTER = re.compile(r"(?:[ \t]+[A-Z][a-z]+\.?){1,3}\Z")
_REGION_AHEAD = re.compile(
    r"[ \t]+,[ \t]+(State|[A-Z]{2})(?![\w&])(?![ \t]+(?:University|College|Institute)\b)(?![ \t]+[a-z])"
)
_WORD = re.compile(r"\S+")
# US states and DC, Canada's provinces and territories, and the US territories that take a postal code
_REGION_CODES = frozenset(US_STATES) | frozenset(CANADIAN_PROVINCES) | {"PR", "GU", "VI"}
# words that begin a town's name of two or three words ("San Antonio", "New York", "Fort Worth") or end one
# ("Kansas City", "Palm Beach", "Colorado Springs")
_TOWN_LEAD = frozenset(
    [
        "New", "San", "Santa", "Los", "Las", "Fort", "Ft.", "Saint", "St.", "Port", "North",
        "South", "East", "West", "Lake", "Palm", "El", "La", "Le", "Grand", "Little", "Mount",
        "Mt.", "Salt", "Baton", "Des", "Corpus", "Cedar", "Sioux", "Ann", "Palo", "Long", "Glen",
        "Oak", "Rock", "Red", "Great", "Bowling", "Rapid", "Park", "Cape", "Coral", "Round", "Hot",
        "Twin", "Golden", "Upper", "Lower", "Middle", "Royal",
    ]
)  # fmt: skip
_TOWN_TAIL = frozenset(
    [
        "Beach", "Springs", "Falls", "Park", "Heights", "Hills", "Island", "Rapids", "Harbor",
        "Lake", "Valley", "Creek", "Bay", "Point", "Grove", "Haven", "Rouge", "Arbor", "Worth",
        "Vegas", "Angeles", "Francisco", "Antonio", "Diego", "Jose", "Orleans", "Paso", "Christi", "Moines",
        "Rock", "Lauderdale", "Juan", "Cruz", "Barbara", "Louis", "Paul", "Petersburg", "Augustine", "Charles",
        "Forest", "Station", "Junction", "Village",
    ]
)  # fmt: skip


_CITY_LEAD = frozenset(
    [
        "Kansas", "Jersey", "Oklahoma", "Carson", "Iowa", "Atlantic", "Lake", "Union", "Daly", "Culver",
        "Foster", "Redwood", "Traverse", "Panama", "Johnson", "Ellicott", "Garden", "Dodge", "Bay", "Quebec",
    ]
)  # fmt: skip


def _town_before_region(text: str, a: int, end: int, line_end: int) -> int | None:
    """Start of the town that ends the degree phrase text[a:end] when a state's or province's code follows it
    (' , IL'): its words as far as a town's name reads ("San Antonio", "New York", "Springfield"); the template's
    "City , State" too. None when no town can be told apart from the field."""
    r = _REGION_AHEAD.match(text, end, line_end)
    if r is None or (r.group(1) != "State" and r.group(1) not in _REGION_CODES):
        return None
    place = _PLACE_AFTER.search(text, max(a, end - 48), end)
    if place is None:
        return None
    words = [(w.start(), w.group(0)) for w in _WORD.finditer(text, place.start(), end)]
    if r.group(1) == "State":
        # the template's place holder: only its "City" is certain
        return words[-1][0] if words[-1][1] == "City" else None
    n = 1
    while n < len(words) and (
        words[-n - 1][1] in _TOWN_LEAD
        or words[-n][1] in _TOWN_TAIL
        # "Kansas City", but the template's "City" after a field: "Electrical Engineering City , IL"
        or (words[-n][1] == "City" and words[-n - 1][1] in _CITY_LEAD)
    ):
        n += 1
    if n == 3:
        return None  # three town-like words: where the field ends is unsure
    return words[-n][0]


def _degree_phrase(text: str, hit: DegreeHit) -> tuple[int, int, str | None]:
    """(start, end, field) of the degree as written on its line: "B.Tech in Computer Science",
    "BSc (Hons) Adult Nursing", "B.E. (Computer Engineering)"; a focus stated after it ("with a concentration in
    History") is part of the phrase. The field is None when not stated."""
    a, end, field = _degree_phrase_core(text, hit)
    b = _line_bounds(text, hit.start)[1]
    town_at = _town_before_region(text, a, end, b)
    if town_at is not None and town_at > hit.end:
        # "Associate of Arts : Psychology City , State", "BS : Biology San Antonio , TX": the town the job-board
        # layout writes after the field is no part of it
        town = text[town_at:end]
        end = len(text[:town_at].rstrip())
        if field is not None and field.endswith(" " + town):
            field = field[: len(field) - len(town)].rstrip() or None
        elif field == town:
            field = None
    if end <= b:
        m = _WITH_FOCUS.match(text, end, b)
        if m is not None and not INSTITUTION_RE.search(m.group(1)) and not _NOT_FIELD.search(m.group(1)):
            return a, m.end(1), field or m.group(1)
    return a, end, field


def _degree_phrase_core(text: str, hit: DegreeHit) -> tuple[int, int, str | None]:
    _a, b = _line_bounds(text, hit.start)
    end = hit.end
    field = None
    m = _HONS.match(text, end, b)
    if m and m.group(0).strip():
        end = m.end()
    m = _DEGREE_NOUN_AFTER.match(text, end, b)
    if m:
        end = m.end()
    m = _PAREN.match(text, end, b)
    if m:
        inner = m.group(1).strip()
        if _DEGREE_RE.fullmatch(inner) or _HONS.fullmatch(inner) or _initials_of(inner, hit.text):
            end = m.end()  # "Higher Secondary Certificate (HSC)", "Doctor of Medicine (MD)": an abbreviation
        elif not INSTITUTION_RE.search(inner) and inner[:1].isupper():
            return hit.start, m.end(), inner
    m = _FIELD_AFTER.match(text, end, b)
    if (
        m
        and m.group(1)
        and not INSTITUTION_RE.search(m.group(1))
        and not _DEGREE_RE.match(_DEGREE_WORD.sub("", m.group(1)))
        and not _NOT_FIELD.search(m.group(1))
        and not (m.group(0).lstrip()[:1] in {",", "-", "–"} and _is_place(text, m.start(1), m.end(1), b))
    ):
        end = _field_tail_end(text, m.end(1), b)
        tail = (
            _DANGLING_CONNECTOR.search(text, m.start(1), end) if end == b or not text[end:b].strip() else None
        )
        if tail is not None and tail.start() > m.start(1):
            # "Mechanical and" / "Aerospace Engineering": the field goes on; "Business Analytics in" / "BUSINESS":
            # a category after it, no part of the field
            cont = _WRAPPED_FIELD_REST.match(text, b) if tail.group(0).split()[-1] != "in" else None
            if cont is not None and not INSTITUTION_RE.search(cont[1]) and not _DEGREE_RE.match(cont[1]):
                end = cont.end(1)
            else:
                end = tail.start()
        elif end == b or not text[end:b].strip():
            end = _wrapped_field_end(text, m.start(1), end, b)
        field = " ".join(text[m.start(1) : end].split())
        # "Science in X": the field is X; "MBA Degree", "BS Degree in X": "Degree" is none
        field = re.sub(
            r"^(?:applied\s+)?(?:science|arts|engineering|technology|commerce)\s+in\s+", "", field, flags=re.I
        )
        field = _DEGREE_WORD.sub("", field)
        if text[end : end + 1] in {'"', "”", "'"} and text[m.start(1) - 1 : m.start(1)] in {'"', "“", "'"}:
            end += 1  # Bachelor in "Instrumentation and Control Engineering"
        return hit.start, end, field or None
    m = _FIELD_LOWER.match(text, end, b)
    if m is None and hit.text.lower().endswith(" in"):
        m = _FIELD_LOWER.match(text, end - 3, b)  # "Post graduate in commerce": the hit holds the "in"
    if (
        m
        and not _NOT_FIELD.search(m.group(1))
        and not INSTITUTION_RE.search(m.group(1))
        and not _PROSE_WORD.search(m.group(1))
    ):
        # "masters in journalism and communication", "MBA in marketing-tourism": a field after "in"
        return hit.start, m.end(1), m.group(1).strip()
    if re.fullmatch(r"[ \t.,;:]*(?:(?:in|of)[ \t]*)?", text[end:b]) or _only_dates(text[end:b]):
        # "Diploma in" / "Embedded Systems": the field continues on the next line
        nxt = _next_line_field(text, b)
        if nxt is not None:
            # "BSc (Hons)" with the field on the line below ("Information Technology")
            return hit.start, nxt[1], nxt[0]
    return hit.start, end, field


_DANGLING_CONNECTOR = re.compile(r"(?:[ \t]+(?:in|of|and|&))+[ \t]*$")
_WRAPPED_FIELD_REST = re.compile(
    r"\n[ \t]*([A-Z][A-Za-z&'/-]*(?:[ \t]+(?:[A-Z][A-Za-z&'/-]*|and|of|&)){0,3})"
    r"(?=[ \t]*(?:[,;(|]|[ \t][-–][ \t]|\d|\n|$))"
)


# the head noun that ends a field wrapped onto the next line ("Electrical" / "Engineering", "Business" /
# "Administration"), before a separator, a date or the line's end
_FIELD_HEADS = (
    "Engineering", "Administration", "Science", "Sciences", "Studies", "Technology", "Management", "Communication",
    "Communications", "Education", "Arts", "Design", "Systems", "Development",
)  # fmt: skip
# a field that ends with one of these is whole ("Computer Science" / "Education ..." is another line's);
# "Electronics & Communication" / "Engineering" goes on
_FIELD_HEADS_ALL = frozenset(h.lower() for h in _FIELD_HEADS)
_FIELD_HEADS_LOWER = frozenset(h.lower() for h in _FIELD_HEADS if not h.startswith("Communication"))
_WRAPPED_FIELD_HEAD = re.compile(
    r"\n[ \t]*(" + "|".join(_FIELD_HEADS) + r")(?=[ \t]*(?:[,;(|]|[ \t][-–][ \t]|\d|\n|$))", re.IGNORECASE
)


_WRAPPED_AND_REST = re.compile(
    r"\n[ \t]*((?:and|&)[ \t]+[A-Z][A-Za-z&'/-]*(?:[ \t]+(?:[A-Z][A-Za-z&'/-]*|and|of|&)){0,3})"
    r"(?=[ \t]*(?:[,;(|]|[ \t][-–][ \t]|\d|\n|$))"
)


def _wrapped_field_end(text: str, start: int, end: int, line_end: int) -> int:
    """End of a field that reaches its line's end and whose head noun wrapped onto the next line
    ("B.S. in Electrical" / "Engineering, State University"); `end` when it did not wrap."""
    words = text[start:end].split()
    if not words:
        return end
    # "Curriculum" / "and Instruction": the next line goes on with "and" and the rest of the field
    cont = _WRAPPED_AND_REST.match(text, line_end)
    if cont is not None and not INSTITUTION_RE.search(cont[1]) and not _DEGREE_RE.search(cont[1]):
        return cont.end(1)
    if words[-1].lower() in _FIELD_HEADS_LOWER:
        return end
    m = _WRAPPED_FIELD_HEAD.match(text, line_end)
    if m is None:
        return end
    # written as the field is: "Electronics" / "Engineering", "ELECTRONICS" / "ENGINEERING"
    head = m.group(1)
    upper = all(w.isupper() for w in words if w[:1].isalpha())
    return m.end() if (head.isupper() if upper else head[:1].isupper() and head[1:].islower()) else end


def _initials_of(abbr: str, degree: str) -> bool:
    """`abbr` ("MD", "M.D.") is written with the initials of the degree's words ("Doctor of Medicine"); a field's
    abbreviation ("CSE" after "B.E.") is not."""
    letters = abbr.replace(".", "").replace(" ", "")
    initials = {w[0] for w in degree.split() if w[:1].isupper()}
    return 2 <= len(letters) <= 6 and letters.isupper() and len(initials) >= 2 and set(letters) <= initials


def _only_dates(rest: str) -> bool:
    """The rest of a degree's line holds dates and separators only ("  May 2010", ", 2004 - 2008")."""
    if not re.search(r"\d", rest):
        return False
    dates = find_date_ranges(rest)
    for d in reversed(dates):
        rest = rest[: d.start] + rest[d.end :]
    return bool(dates) and re.fullmatch(r"[ \t.,;:|()\-–]*", rest) is not None


# lower-case words that end a capitalized field: "Computer science", "Finance and sectorial specialisation"
_FIELD_TAIL = re.compile(r"[ \t]+((?:[a-z]+[ \t]+){0,2}[a-z]+)[ \t]*(?=[,;.(|\n]|$)")
_NOT_FIELD_TAIL = re.compile(
    r"\b(?:from|at|with|in|on|for|to|the|a|an|by|is|was|expected|pursuing|completed|graduated|passed|"
    r"present|current|ongoing|honou?rs|hons)\b"
)


# the rest of a list of fields: "Clothing, Textiles and Related Arts", "Physics, Chemistry & Mathematics"
_FIELD_LIST_REST = re.compile(
    r",[ \t]*((?:[A-Z][A-Za-z]*[ \t]+){0,3}(?:and|&)[ \t]+[A-Z][A-Za-z]*(?:[ \t]+[A-Z][A-Za-z]*){0,2})"
    r"[ \t]*(?=[,;(|\n]|$)"
)


def _field_tail_end(text: str, end: int, line_end: int) -> int:
    """End of a field extended over the lower-case words that close its clause, or over the rest of a list
    of fields that ends with "and"."""
    m = _FIELD_TAIL.match(text, end, line_end)
    if m is not None and not _NOT_FIELD_TAIL.search(m.group(1)):
        return m.end(1)
    m = _FIELD_LIST_REST.match(text, end, line_end)
    if (
        m is not None
        and not INSTITUTION_RE.search(m.group(1))
        and not _is_place(text, m.start(1), m.end(1), line_end)
    ):
        return m.end(1)
    return end


# a lower-case field after "in" ("in journalism and communication"); not "in progress", "in 2012"
_FIELD_LOWER = re.compile(
    r"[ \t]+in[ \t]+(?!progress\b|the\b|a\b|an\b|\d)([a-z][a-z&\-]*(?:[ \t]+(?:[a-z][a-z&\-]*|and|&)){0,7})(?=[ \t]*(?:[,.;:()\n]|$))"
)


# words of a sentence, never of a field of study ("a masters in journalism and would like to ...")
_PROSE_WORD = re.compile(
    r"\b(?:i|my|we|our|to|would|will|want|have|has|had|am|is|are|was|were|the|a|an|for|with|from|at|by)\b"
)


# "Major: Special Education", ": Business Administration": a label before a field on its own line
_FIELD_LABEL = re.compile(
    r"[ \t]*(?:(?:majors?|speciali[sz]ation|concentration|field)[ \t]*)?[:\-–][ \t]*", re.I
)


# a word that names a field of study; "-ology", "-ics", "-istry" words ("Criminology", "Linguistics", "Chemistry")
_FIELD_WORD = re.compile(
    r"(?i)engineering|science|studies|technology|management|administration|arts|commerce|"
    r"mathematics|physics|chemistry|economics|electronics|communication|finance|marketing|"
    r"accounting|nursing|education|law|design|informatics|computing|biology|psychology|"
    r"information|business|statistics|electrical|mechanical|civil|computer|"
    r"history|english|literature|philosophy|journalism|justice|health|music|theat(?:re|er)|languages?|"
    r"geography|nutrition|agricultur|architecture|pharmacy|medicine|counsel|social|political|"
    r"humanities|media|film|sport|hospitality|tourism|kinesiology|finance|banking|fashion|"
    r"[a-z]{3}(?:ology|ics|istry)\b"
)


def _next_line_field(text: str, line_end: int) -> tuple[str, int] | None:
    """(field, end offset) when the line after a degree (one blank line may come between) is a short
    capitalized field of study, perhaps after a "Major:" label."""
    if line_end >= len(text):
        return None
    a = line_end + 1
    e = text.find("\n", a)
    e = len(text) if e < 0 else e
    if not text[a:e].strip() and e < len(text):
        a = e + 1
        e = text.find("\n", a)
        e = len(text) if e < 0 else e
    label = _FIELD_LABEL.match(text, a, e)
    line = text[label.end() : e] if label else text[a:e]
    paren = _WRAPPED_PAREN.match(text, a) if label is None else None
    if paren is not None:
        # "(Computer Science" / "Engineering)": a bracketed field that may wrap once
        inner = " ".join(paren.group(1).split())
        if _looks_like_field(inner):
            return inner, paren.end()
        return None
    # "Electronics and Communication. Sree Vidya College of Engineering.": the field ends at the sentence break;
    # "Political Science 1992", "Biology3.71 GPA": a year or grade after the field is no part of it
    cand = (
        re.split(r"[,;:(|]|\s[-–]\s|(?<=[a-z]{3})\.\s|\s*\d", line.strip(), maxsplit=1)[0].strip().rstrip(".")
    )
    if not _looks_like_field(cand):
        return None
    start = (label.end() if label else a) + line.index(cand[0])
    return cand, start + len(cand)


_WRAPPED_PAREN = re.compile(r"[ \t]*\(([A-Z][^()\n]{0,60}(?:\n[^()\n]{1,40})?)\)")


def _looks_like_field(cand: str) -> bool:
    """A short capitalized name of a field of study: no institution, degree, place, date or grade."""
    return not (
        not cand
        or len(cand.split()) > 6
        or not re.fullmatch(
            r"[A-Z][A-Za-z&'/\-]*(?:[ \t]+(?:[A-Z][A-Za-z&'/\-]*|and|of|&|in|with|for)){0,5}", cand
        )
        or INSTITUTION_RE.search(cand)
        or _DEGREE_RE.match(cand)
        or _NOT_FIELD.search(cand)
        or guess_region(cand)
        or find_date_ranges(cand)
        or not _FIELD_WORD.search(cand)
    )


_MAJOR_LINE = re.compile(
    r"^[ \t]*(?:[•·▪●◦*–-][ \t]*)?(?i:majors?|speciali[sz]ations?|concentrations?|(?:field|area)[ \t]+of[ \t]+study)"
    r"[ \t]*[:\-–][ \t]*(.+)$",
    re.MULTILINE,
)


def _labelled_field(text: str, a: int, b: int) -> str | None:
    """The field of a line labelled as one in [a, b) ("Major: Psychology", "Specializations: Computer Systems and
    Telecommunications"); a minor is no field."""
    m = _MAJOR_LINE.search(text, a, b)
    if m is None:
        return None
    cand = re.split(r"[,;(|]|\s[-–]\s|\s*\d", m.group(1).strip(), maxsplit=1)[0].strip().rstrip(".")
    return cand if _looks_like_field(cand) else None


def _is_degree_line(text: str, hit: DegreeHit, line_end: int) -> bool:
    """The line is a degree with its field of study and at most a date ("Master of Arts, Psychology, 2015")."""
    _pa, pb, fld = _degree_phrase(text, hit)
    if fld is None:
        return False
    if pb > line_end:
        # a field wrapped onto the next line ("Diploma in Business" / "Administration"): that line's rest counts;
        # a field wholly on the next line ("MBA" / "P&L Management" in a skills list) is another line's
        if text.count("\n", line_end, pb) != 1 or text.find(fld.split()[0], hit.end, line_end) < 0:
            return False
        line_end = _line_bounds(text, pb - 1)[1]
    rest = text[pb:line_end]
    dates = find_date_ranges(rest)
    for d in reversed(dates):
        rest = rest[: d.start] + rest[d.end :]
    # "Bachelor of Science, Psychology, Clinical Specialization": a second field or a specialization after the
    # field, capitalized and holding neither an institution nor a place, still leaves a degree line
    for piece in re.findall(r",[ \t]*([^,]*)", rest):
        if (
            re.fullmatch(r"[A-Z][A-Za-z&/'-]*(?:[ \t]+(?:[A-Z][A-Za-z&/'-]*|and|of|in|&)){0,4}[ \t]*", piece)
            and not INSTITUTION_RE.search(piece)
            and not guess_region(piece.strip())
        ):
            rest = rest.replace(piece, "", 1)
    return not re.search(r"[A-Za-z]", rest)


def _is_place(text: str, a: int, b: int, line_end: int) -> bool:
    """The comma piece text[a:b] names a place: a known region, or a city followed by ", <region>"."""
    if guess_region(text[a:b]):
        return True
    m = re.match(r",\s*([A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?|[A-Z]{2})\b", text[b:line_end])
    if m is None or INSTITUTION_RE.search(text[b:line_end].split(",")[1]):
        return False  # "Chemistry, Massachusetts Institute of Technology": a field before an institution
    return bool(guess_region(m.group(1)) or re.fullmatch(r"[A-Z]{2}", m.group(1)))


# towns named after a college ("College Station", "University Park")
_TOWN = re.compile(r"(?:College|University)[ \t]+(?:Station|Park|Place|Heights|City|Hill|Point)")
_VERB_BEFORE_NAME = re.compile(
    r"^(?:attended|completed|graduated(?:[ \t]+from)?|studied(?:[ \t]+at)?|passed[ \t]+out[ \t]+from)[ \t]+"
    r"(?:the[ \t]+)?(?=[A-Z])",
    re.IGNORECASE,
)
_CLAUSE_AFTER_NAME = re.compile(
    r"\s+(?:with|where|while|during|majoring|graduating|having|through|under|since)\b|"
    # "an MBA from X University and 10 years in banking": "and" before a lower-case word or a number
    r"\s+and\s+(?=[a-z0-9])"
)


# a parenthesis that belongs to the institution's name: its acronym or the university it is part of
_INST_PAREN = re.compile(
    r"[ \t]*\((?:[A-Z][A-Za-z]?[A-Z]{1,6}|[^()\n]{0,40}\b(?:University|College|Institute)\b[^()\n]{0,20})\)"
)
# stand-alone names ("B.E. from NIT", "UCLA, B.A. Psychology")
_INST_ACRONYM = re.compile(r"IIT|NIT|IIIT|IIM|BITS|SUNY|CUNY|" + _KNOWN_NAMES)
# words of a role, a committee or an award that holds an institution word, never of an institution's name
_NOT_INSTITUTION = re.compile(
    r"\b(?:professor|counsel(?:or|ling|ing)|intern|committees?|council|member|representative|cohort|publishing|"
    r"director|certificate|certified|consultation|supervision)\b|"
    # "Some College (No Degree)": a level of schooling, not a name
    r"^some[ \t]+(?:college|university)\b",
    re.IGNORECASE,
)


_HIGHER_INSTITUTION = re.compile(
    r"\b(?:university|universidad|universit[àéä]t?|institute[ \t]+of[ \t]+technology|engineering[ \t]+college|"
    r"college[ \t]+of[ \t]+engineering|iit|nit|iiit|iim)\b",
    re.IGNORECASE,
)
# a full-width hyphen (U+FF0D) whose UTF-8 bytes an exporting program read as Windows-1252, the last one lost
# ("University of X ï¼ City , State": job-board exports): a separator like " - "
_MOJIBAKE_DASH = "ï¼"
_SUB_UNIT = re.compile(r"(?:school|faculty|department|dept\.?)[ \t]+of\b", re.IGNORECASE)
_SUB_UNIT_PENALTY = 120  # characters: a piece of the same line, not a line further away


# institution words read on one line (each costs a scan of the line): a line naming more is a list, not an entry
_MAX_CANDIDATES_A_LINE = 12


def _institution_near(
    text: str,
    hit: DegreeHit,
    lo: int,
    hi: int,
    taken: frozenset[int] = frozenset(),
    *,
    above_first: bool = False,
) -> tuple[str, int, int] | None:
    """Closest institution mention to the degree within [lo, hi): same line first, then nearby lines.
    Institutions at offsets in `taken` (claimed by an earlier degree) lose to any other candidate; with
    `above_first` (entries that name the institution before the degree), so do those below the degree's line."""
    hit_line = _line_bounds(text, hit.start)
    below = hit_line[1] if above_first else len(text) + 1
    best: tuple[tuple[bool, bool, int], tuple[str, int, int]] | None = None
    line: tuple[int, int] = (-1, -1)
    on_line = 0
    for m in INSTITUTION_RE.finditer(text, lo, hi):
        if line[0] <= m.start() < line[1]:
            on_line += 1
            if on_line > _MAX_CANDIDATES_A_LINE:
                continue  # a run of names on one line ("X University, " repeated): its first ones are read
        else:
            line, on_line = _line_bounds(text, m.start()), 1
        a, b = line
        # the comma/dash piece of the line that holds the institution word
        pa = max(text.rfind(",", a, m.start()), text.rfind(" - ", a, m.start()), text.rfind("|", a, m.start()),
                 text.rfind("\t", a, m.start()), text.rfind("—", a, m.start()), text.rfind(";", a, m.start()),
                 text.rfind(": ", a, m.start()))  # fmt: skip
        en = text.rfind(" – ", a, m.start())
        pa = max(pa, en + 2 if en >= 0 else -1)
        wide = max(text.rfind(_MOJIBAKE_DASH, a, m.start()), text.rfind("－", a, m.start()))
        # a full-width hyphen, or its bytes read as Windows-1252 ("ï¼"), separates as " - " does
        if wide >= 0:
            pa = max(pa, wide + (len(_MOJIBAKE_DASH) if text.startswith(_MOJIBAKE_DASH, wide) else 1) - 1)
        pa = a if pa < 0 else pa + 1
        if hit.start <= pa < hit.end or (a <= hit.start < m.start() and pa <= hit.end):
            pa = max(pa, hit.end)
        seps = [x for x in (text.find(",", m.end(), b), text.find(" - ", m.end(), b), text.find("|", m.end(), b),
                            text.find("\t", m.end(), b), text.find("(", m.end(), b), text.find("—", m.end(), b),
                            text.find(" – ", m.end(), b), text.find(";", m.end(), b),
                            text.find(": ", m.end(), b), text.find(_MOJIBAKE_DASH, m.end(), b),
                            text.find("－", m.end(), b)) if x >= 0]  # fmt: skip
        pb = min(seps) if seps else b
        op = text.rfind("(", pa, m.start())
        if op >= 0 and ")" not in text[op : m.start()] and not INSTITUTION_RE.search(text, pa, op):
            # "Machine Learning (Stanford University)": the name in brackets after a course
            pa = op + 1
            cl = text.find(")", m.end(), b)
            pb = min(pb, cl) if cl >= 0 else pb
        # "Engineering College (Anna University)", "Manipal Institute of Technology (MIT)"
        paren = _INST_PAREN.match(text, pb, b)
        if paren:
            pb = paren.end()
        piece = text[pa:pb]
        if pa > a and text[pa - 1] == "," and _TOWN.fullmatch(piece.strip()):
            before = text[a : pa - 1].rsplit(",", 1)[-1]
            if INSTITUTION_RE.search(before) and _is_place(text, pa, pb, b):
                continue  # "Texas A&M University, College Station, TX": a town after the institution
        # "University of X, City" keeps "of X"
        cand = piece.strip(" \t-–:;,.()•")
        if cand.count("(") > cand.count(")"):
            cand += ")"
        if pa == a and INSTITUTION_RE.fullmatch(cand) and not _INST_ACRONYM.fullmatch(cand):
            pa = _wrapped_name_start(text, a)
            cand = text[pa:pb].strip(" \t-–:;,.()•")
        elif (
            pa == a and a > lo and (pre := _NAME_PREFIX_END.search(text, max(lo, a - 12), a - 1)) is not None
        ):
            pa = pre.start()  # "..., St." / "Josephs University": the name began on the line above
            cand = text[pa:pb].strip(" \t-–:;,()•")
        # "B.S. from the X Institute": the part after from/at, unless only the part before names an
        # institution ("State University of New York College at New Paltz")
        parts = re.split(r"\s(?:from|at)\s+(?:the\s+)?(?=[A-Z])", cand)
        cand = next((x for x in reversed(parts) if INSTITUTION_RE.search(x)), parts[-1])
        # "Diploma from the Institute of X": every leading "from", "at", "the" goes
        cand = re.sub(r"^(?:(?:from|at|in|the)\s+)+|^[\d\s\-–/.,:]+", "", cand, flags=re.IGNORECASE)
        # "Micro and Opto Electronics. Anna University": the institution starts after a sentence break
        sentences = re.split(r"(?<=[a-z]{3})\.\s+(?=[A-Z])", cand)
        cand = next((x for x in reversed(sentences) if INSTITUTION_RE.search(x)), sentences[-1])
        # "Harvard University with a B.A.": a clause after the name is no part of it
        cand = _CLAUSE_AFTER_NAME.split(cand, maxsplit=1)[0]
        # "Attended Bond University", "Graduated from X College": the verb is no part of the name
        cand = _VERB_BEFORE_NAME.sub("", cand)
        if (
            not cand
            or len(cand) > 90
            or (
                len(cand.split()) < 2
                and not _INST_ACRONYM.fullmatch(cand)
                and not (pb == b and _wrapped_name_end(text, cand, b) > b)  # "The University" / "of Missouri"
            )
            or (cand[:1].islower() and not (pa == a and _lowercase_name(cand)))
            or _NOT_INSTITUTION.search(cand)
        ):
            continue
        if cand[-6:].lower() == "campus" and _campus_of_named(text, cand, a, pa):
            continue  # "Hillcrest State University, Lakeside Campus": the campus of the university before it
        # a piece that also holds the degree: keep what follows the degree phrase
        cand = _institution_segment(cand)
        # "Brenwick College Bachelor of Arts": the institution ends where a degree starts
        inner = [d for d in find_degrees(cand, colon_forms=True) if d.start > 0 and d.level != "secondary"]
        if inner:
            cand = cand[: inner[0].start].rstrip(" ,.-–")
        if not cand:
            continue
        off = text.find(cand, pa, pb + 1)
        if off < 0:
            continue
        end = off + len(cand)
        month = _TRAILING_MONTH.search(cand)
        if month and month.start() > 0 and _YEAR_AHEAD.match(text, end):
            # "Lakeside University December, 2006 MBA": the date after the name is no part of it
            cand = cand[: month.start()]
            end = off + len(cand)
        if pb == b and not text[end:b].strip(" \t.,"):
            end = _wrapped_name_end(text, cand, b)
            cand = " ".join(text[off:end].split())
        if hit.level == "secondary" and _HIGHER_INSTITUTION.search(cand):
            continue  # "HSC" / "Higher Secondary" never took classes at a university or institute of technology
        if hit.text and hit.level in {"bachelor", "master", "doctorate"} and _SCHOOL_RE.search(cand):
            continue  # nor was a bachelor's or higher degree taken at a high school
        # "University of X, School of Y": the university, not a school within it, when both share the line
        dist = (
            off in taken or off > below,
            (a, b) != hit_line,  # an institution on the degree's own line first
            abs(off - hit.start) + (_SUB_UNIT_PENALTY if _SUB_UNIT.match(cand) else 0),
        )
        if best is None or dist < best[0]:
            best = (dist, (" ".join(cand.split()), off, end))
    return best[1] if best else None


_TRAILING_MONTH = re.compile(
    r"[ \t]+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$"
)
_YEAR_AHEAD = re.compile(r"[ \t]*,?[ \t]*(?:\d{1,2}(?:st|nd|rd|th)?,?[ \t]+)?(?:19|20)\d\d\b")
_COLON_GAP = re.compile(r"[ \t]*:[ \t]*")
_FIELD_PREFIX_WORD = re.compile(r"[A-Z][\w&/.'-]*|and|&|of")


def _is_field_word(word: str) -> bool:
    """A word of a field's name, plural or not ("Finance", "Communications"), or fields joined by a slash
    ("Management/Accounting")."""
    if "/" in word:
        return all(_is_field_word(p) for p in word.split("/") if p)
    m = _FIELD_WORD.match(word.lower())
    return m is not None and word[m.end() :].lower() in {"", "s"}


def _field_before_name(cand: str) -> tuple[str, str] | None:
    """(field, name) when `cand` opens with a field of study before an institution's name ("Finance University
    of Lakeview" -> "Finance", "University of Lakeview"; "HR Management WESTBROOK UNIVERSITY"): the longest run of
    capitalised words ending in a field word ("Finance", "Management", "Education") that leaves a name of two
    words or more holding an institution word."""
    words = cand.split()
    best = None
    for k in range(1, len(words) - 1):
        if not _FIELD_PREFIX_WORD.fullmatch(words[k - 1]):
            break
        rest = words[k:]
        if (
            (_is_field_word(words[k - 1]) or words[k - 1].lower() in _FIELD_HEADS_ALL)
            and rest[0][:1].isupper()
            # "Computer Science Institute" stays whole; "Computer Information" / "Systems ..." goes on
            and not _is_field_word(rest[0])
            and rest[0].lower() not in _FIELD_HEADS_ALL
            and INSTITUTION_RE.search(" ".join(rest))
        ):
            best = k
    if best is None:
        return None
    return " ".join(words[:best]), " ".join(words[best:])


def _campus_of_named(text: str, cand: str, line_start: int, piece_start: int) -> bool:
    """A campus piece ("Lakeside Campus", no other institution word) after an institution named earlier on its
    line: a part of that institution, whose name is the one to report."""
    if any(m.group(0).lower() != "campus" for m in INSTITUTION_RE.finditer(cand)):
        return False
    return any(m.group(0).lower() != "campus" for m in INSTITUTION_RE.finditer(text, line_start, piece_start))


_YEAR_SPLIT = re.compile(r"\s+(?:19|20)\d\d\b\s*")


def _institution_segment(piece: str) -> str:
    """The part of a piece that a year splits off and that holds the institution word: "Management 1994
    Pepperdine University" -> "Pepperdine University"; "Kent State University 1980" -> "Kent State University"."""
    parts = [x.strip(" ,.-–") for x in _YEAR_SPLIT.split(piece)]
    # "High School Diploma : General Studies 2012 Harlan Academy": not the part that starts with a degree
    named = [
        x
        for x in parts
        if INSTITUTION_RE.search(x) and not any(d.start == 0 for d in find_degrees(x, colon_forms=True))
    ]
    part = named[0] if named else parts[0]
    part = re.sub(r"^[\d\s\-–/.,:]+", "", part)  # "12-27 Universidad de Pamplona": a date's remains
    return re.sub(r"\s+(?:c?gpa|percentage)\b.*$", "", part, flags=re.IGNORECASE)


_TRAILING_CAPS = re.compile(r"(?:[A-Z][\w.&'-]*[ \t]+){0,4}[A-Z][\w.&'-]*[ \t]*$")


def _wrapped_name_start(text: str, line_start: int) -> int:
    """Start offset of an institution name whose last word sits alone on its line ("Michigan Technological" +
    "University"): the capitalized words that end the line above, or `line_start` when there are none."""
    if line_start == 0:
        return line_start
    pa = text.rfind("\n", 0, line_start - 1) + 1
    m = _TRAILING_CAPS.search(text, pa, line_start - 1)
    if m is None or m.start() == m.end():
        return line_start
    if any(
        _degree_phrase(text, d)[1] > m.start()
        for d in find_degrees(text, pa, line_start - 1, colon_forms=True)
    ):
        return line_start  # "Bachelor of Science" / "University": the words above are a degree, not a name
    return m.start()


# a word that starts a name and cannot end a line's phrase: "St." / "Josephs University"
_NAME_PREFIX_END = re.compile(r"(?<![\w.])(?:St|Ste|Mt|Ft)\.[ \t]*$|(?<![\w.])(?:Saint|Mount|Sainte)[ \t]*$")
_NAME_CONNECTOR_END = re.compile(r"\b(?:of|and|for|&|de|del|der|für)$", re.IGNORECASE)
# the words of a name continued on the next line; a full stop ends them ("Technology. Concentrated in ...")
_WRAPPED_HEAD = re.compile(
    r"[ \t]*((?:[A-Z][\w&'-]*(?:\.\w[\w&'-]*)*|of|and|for|&)(?:[ \t]+(?:[A-Z][\w&'-]*(?:\.\w[\w&'-]*)*|of|and|for|&)){0,5})"
)


def _wrapped_name_end(text: str, name: str, line_end: int) -> int:
    """End offset of an institution name that a line break cut ("Rochester Institute of" + "Technology",
    "Michigan Technological" + "University"): the next line's leading capitalized words join it when the name
    ends with a connector or they hold an institution word. Otherwise the line end."""
    base = len(text[:line_end].rstrip(" \t.,"))
    m = _WRAPPED_HEAD.match(text, line_end + 1) if line_end < len(text) else None
    if m is None or not m.group(1):
        return base
    starts_with_connector = (
        re.match(r"(?:of|for|&)\b", m.group(1)) is not None
    )  # "The University" + "of Missouri"
    if _NAME_CONNECTOR_END.search(name) or starts_with_connector or INSTITUTION_RE.match(m.group(1)):
        return m.end(1)
    return base


def _degree_lines_elsewhere(
    text: str, sections: list[Section], edu_has_degrees: bool
) -> list[tuple[DegreeHit, int, int]]:
    """Degree hits (with the region their entry may use) outside education sections.

    With no degree in an education section, any degree line with an institution on it, a bachelor's or higher
    in the header or summary, and a line led by a degree next to an institution or holding only the degree and
    its field. With degrees there, only the last kind, and not in work, project or skill sections (a heading
    lost under another heading: "Activities:" between two schools).
    """
    out: list[tuple[DegreeHit, int, int]] = []
    for sec in sections:
        if is_education_section(sec) or (
            edu_has_degrees and sec.kind in {"experience", "projects"} and not _undated_block(text, sec)
        ):
            continue
        loose = not edu_has_degrees and sec.kind not in {"experience", "projects", "skills"}
        for h in find_degrees(text, sec.start, sec.end):
            if edu_has_degrees and sec.kind == "skills":
                # under a skills heading only a line that is a qualification and nothing else:
                # "Diploma in Computer Applications"
                a, b = _line_bounds(text, h.start)
                if (
                    h.level != "secondary"
                    and not text[a : h.start].strip(" \t•·*-–")
                    and _is_degree_line(text, h, b)
                ):
                    out.append((h, a, b))
                continue
            a, b = _line_bounds(text, h.start)
            if (
                sec.kind == "header"
                and h.text in _STATE_CODES_DEGREE
                and _ONE_CITY_BEFORE.search(text, a, h.start)
            ):
                continue  # "Boston, MA" in the contact block
            if loose and (
                INSTITUTION_RE.search(text, a, b)
                or (
                    h.level in {"bachelor", "master", "doctorate"}
                    and sec.kind in {"header", "summary", "other"}
                )
            ):
                out.append((h, a, min(sec.end, b + 200)))
            elif h.level != "secondary" and b - a < 100 and h.start - a < 4:
                # "Grand State University, Dallas, TX" / "Master of Arts, Educational Administration, 2004":
                # a line that starts with a degree next to (or on) an institution line, or that holds
                # nothing but a degree with its field, under any heading
                pa = _prev_lines_start(text, a, 1)
                nb = _next_lines_end(text, b, 1)
                if INSTITUTION_RE.search(text, pa, nb) or _is_degree_line(text, h, b):
                    out.append((h, max(sec.start, pa), min(sec.end, nb)))
            elif not edu_has_degrees and h.level != "secondary" and _degree_from_institution(text, h, b):
                # "Done B.E. from ABC Institute of Technology, Pune" in a work or project section
                out.append((h, a, b))
    return out


def _undated_block(text: str, sec: Section) -> bool:
    """A short work or project section without a single date: a heading misread as one ("PROFESSIONAL" over
    "Higher Professional / Diploma in Business / Administration" in a skills table), not a work history."""
    return sec.end - sec.start < 400 and not find_date_ranges(text[sec.start : sec.end])


_FROM_INSTITUTION = re.compile(r"[^.;\n]{0,60}?\b(?:from|at)[ \t]+(?:the[ \t]+)?[A-Z]")


def _degree_from_institution(text: str, hit: DegreeHit, line_end: int) -> bool:
    """The degree is followed in its sentence by "from/at <Institution>"."""
    m = _FROM_INSTITUTION.match(text, hit.end, line_end)
    return m is not None and INSTITUTION_RE.search(text, m.end() - 1, line_end) is not None


_GENERIC_DEGREE = re.compile(
    r"(?:under[ \t-]?)?graduate[ \t]+degrees?|post[ \t-]?graduat(?:e|ion)(?:[ \t]+degrees?)?|"
    r"(?:bachelor|master)" + _POSSESSIVE + r"(?:[ \t]+degrees?)?|degrees?|diplomas?",
    re.IGNORECASE,
)


def _is_degree_subheading(text: str, hit: DegreeHit, nxt: DegreeHit) -> bool:
    """'UNDERGRADUATE DEGREE' alone on its line with a degree on a following line: a heading, not an entry."""
    a, b = _line_bounds(text, hit.start)
    line = text[a:b].strip(" \t:-–•")
    if not _GENERIC_DEGREE.fullmatch(line):
        return False
    return nxt.start > b and not text[b : _line_bounds(text, nxt.start)[0]].strip()


_EDUCATION_HEADING = re.compile(r"\b(?:educat\w*|academic\w*|degrees?)\b", re.IGNORECASE)


def is_education_section(sec: Section) -> bool:
    """An education section, or a combined one filed under another kind whose heading names education
    ("EDUCATION AND CERTIFICATIONS", "Education/Certifications")."""
    if sec.kind == "education":
        return True
    return sec.kind == "certifications" and bool(sec.heading and _EDUCATION_HEADING.search(sec.heading))


def _restates_degree(text: str, prev: DegreeHit, hit: DegreeHit) -> bool:
    """`hit` is part of the degree `prev` on the line where that degree is written: right after it, inside its
    phrase ("Postgraduate Academic Diploma in Law"), or its abbreviation in brackets after the phrase ("Master of
    Science in Computer Science (M.S.)"). A degree wrapped onto the next line ("Bachelor of" / "Engineering
    (B.E.)") is written up to the line its phrase ends on."""
    prev_line = _line_bounds(text, prev.start)
    hit_line = _line_bounds(text, hit.start)
    if hit_line == prev_line:
        if hit.start - prev.end < 8 and hit.level == prev.level:
            return True
    elif text.count("\n", prev_line[1], hit_line[0]) != 1:
        return False
    pe = _degree_phrase(text, prev)[1]
    if not hit_line[0] <= pe <= hit_line[1]:
        return False
    return hit.start < pe or (
        _OPEN_PAREN.fullmatch(text, pe, hit.start) is not None and text[hit.end : hit.end + 1] == ")"
    )


def extract_education(text: str, sections: list[Section]) -> list[Education]:
    """Degrees from education sections, plus the degree lines `_degree_lines_elsewhere` accepts outside them;
    institutions in education sections that no degree claimed become entries without a degree."""
    out: list[Education] = []
    edu_secs = [s for s in sections if is_education_section(s)]
    hits: list[tuple[DegreeHit, int, int]] = []  # (hit, region lo, region hi)
    for sec in edu_secs:
        for h in find_degrees(text, sec.start, sec.end, colon_forms=True):
            hits.append((h, sec.start, sec.end))
    hits.extend(_degree_lines_elsewhere(text, sections, any(h.level != "secondary" for h, _lo, _hi in hits)))
    hits.sort(key=lambda t: t[0].start)
    claimed_lines: set[tuple[int, int]] = set()
    taken_insts: set[int] = set()
    # merge hits on the same line into one (e.g. "Master of Science (M.S.)"); the line where the earlier degree
    # ends counts, for a degree wrapped over two lines ("Bachelor of" / "Engineering (B.E.)")
    kept: list[tuple[DegreeHit, int, int]] = []
    for h, lo, hi in hits:
        if kept and _restates_degree(text, kept[-1][0], h):
            continue
        kept.append((h, lo, hi))
    kept = [
        (h, lo, hi)
        for i, (h, lo, hi) in enumerate(kept)
        if not (i + 1 < len(kept) and _is_degree_subheading(text, h, kept[i + 1][0]))
    ]
    inst_first: dict[int, bool] = {}  # by region start: its entries name the institution before the degree
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
        pa, pb, fld = _degree_phrase(text, h)
        if lo not in inst_first:
            inst_first[lo] = _institution_first(text, lo, h)
        inst = _institution_near(
            text, h, win_a, max(win_b, lb), frozenset(taken_insts), above_first=inst_first[lo]
        )
        if inst is None:
            inst = _dash_place_institution(text, lb, max(win_b, lb))
        if inst is None:
            inst = _acronym_line_institution(text, lb, max(win_b, lb))
        if inst is not None and _TEMPLATE_NAME.fullmatch(inst[0]):
            inst = None  # a template's placeholder: "Name of University"
        if inst is not None and fld is None and _COLON_GAP.fullmatch(text, pb, inst[1]):
            # "Bachelor of Science : Finance University of Lakeview": the field written between the colon and
            # the name
            split = _field_before_name(inst[0])
            if split is not None:
                fld, name = split
                off = text.find(name, inst[1], inst[2])
                if off >= 0:
                    pb = text.find(fld, pb, off) + len(fld)
                    inst = (name, off, off + len(name))
        if fld is None:
            # "Major: Psychology" on a line of its own below the degree
            fld = _labelled_field(text, lb, min(eb, _next_lines_end(text, lb, 3)))
        if i > 0 and (inst is None or (inst_first[lo] and inst[1] > lb)):
            # institution-first entries: a degree with none above it shares the one above the degree before it
            inst = _shared_institution(text, out, kept[i - 1][0], h) or inst
        dates = [d for d in find_date_ranges(text[win_a : max(win_b, lb)])]
        start = end = None
        dspan = None
        if dates:
            # a date alone on its line with a colon heads the lines below it ("1979 - 1983:" / "University of
            # X" / "Bachelor of Laws"): below the degree it is the next entry's, above it this one's unless the
            # degree's own line holds a date
            labels = [d for d in dates if _date_label(text, win_a + d.start, win_a + d.end)]
            if labels:
                above = [d for d in labels if win_a + d.start < la]
                dates = [d for d in dates if d not in labels or d in above] or dates
                if above and not any(la <= win_a + d.start < lb for d in dates):
                    dates = above[-1:]
            # entries that open with the institution: a date on its line (or between it and the degree) heads
            # this entry ("2008-2009 Example University" / "MSc, Physics" / "2005-2008 Example University" /
            # "BSc, ..."); a date below the degree is the next entry's heading then
            head: list[DateRange] = []
            if inst is not None and inst_first[lo] and ea <= inst[1] and inst[2] <= la:
                # the entry's own institution, not one shared with the degree above it
                ia = _line_bounds(text, inst[1])[0]
                head = [d for d in dates if ia <= win_a + d.start < la]
            if head and not any(la <= win_a + d.start < lb for d in dates):
                dates = head
            # the date closest to the degree; after an earlier degree, the lines above it are that degree's,
            # so a date at or below this degree's line comes first when there is one
            elif i > 0 and any(win_a + d.start >= la for d in dates):
                dates = [d for d in dates if win_a + d.start >= la]
            # a date on the degree's own line belongs to it ("Bachelor of Arts, History, Boston University, 2010")
            if any(la <= win_a + d.start < lb for d in dates):
                dates = [d for d in dates if la <= win_a + d.start < lb]
            best = min(dates, key=lambda d: abs(win_a + d.start - h.start))
            if best.single:
                end = best.first
            else:
                start, end = best.first, (None if best.current else best.last)
            dspan = Span.of(text, win_a + best.start, win_a + best.end)
        conf = 0.5 + (0.25 if inst else 0) + (0.15 if dates else 0)
        if inst:
            claimed_lines.add(_line_bounds(text, inst[1]))
            claimed_lines.add(_line_bounds(text, max(inst[1], inst[2] - 1)))  # a name wrapped onto a 2nd line
            taken_insts.add(inst[1])
        out.append(
            Education(
                institution=inst[0] if inst else None,
                degree=" ".join(text[pa:pb].split()),
                level=h.level,  # type: ignore[arg-type]
                field=fld,
                start=start,
                end=end,
                institution_evidence=Span.of(text, inst[1], inst[2]) if inst else None,
                degree_evidence=Span.of(text, pa, pb),
                dates_evidence=dspan,
                evidence=Span.of(text, win_a, max(win_b, lb)),
                confidence=min(conf, 0.95),
            )
        )
    # institutions in education sections that no degree claimed: an entry without a degree
    for sec in edu_secs:
        # a training centre named on its line counts too ("Crown Agents Training Centre")
        found = [(m.start(), False) for m in INSTITUTION_RE.finditer(text, sec.start, sec.end)]
        found += [(m.start(), True) for m in _CENTRE_WORD.finditer(text, sec.start, sec.end)]
        tried: set[tuple[tuple[int, int], bool]] = set()
        for pos, centre in sorted(found):
            lbd = _line_bounds(text, pos)
            # a line is read once for each kind (its reading does not depend on which word led to it); a long
            # line is no institution's
            if lbd in claimed_lines or (lbd, centre) in tried or lbd[1] - lbd[0] > 100:
                continue
            tried.add((lbd, centre))
            if centre:
                inst = _centre_name(text, lbd[0], lbd[1])
            else:
                fake = DegreeHit("", "bachelor", lbd[0], lbd[0])
                inst = _institution_near(text, fake, lbd[0], lbd[1])
            if (
                not inst
                or not _proper_name(inst[0])
                or _TEMPLATE_NAME.fullmatch(inst[0])
                or any(
                    d.start == 0 for d in find_degrees(inst[0], colon_forms=True)
                )  # "High School Diploma :"
            ):
                continue
            claimed_lines.add(lbd)
            win_b = min(sec.end, _next_lines_end(text, lbd[1], 2))
            base = lbd[0]
            dates = find_date_ranges(text[base:win_b])
            # a date label below heads the next entry; one in the two lines above heads this one
            dates = [d for d in dates if not _date_label(text, base + d.start, base + d.end)]
            above_a = max(sec.start, _prev_lines_start(text, lbd[0], 2))
            above = [
                d
                for d in find_date_ranges(text[above_a : lbd[0]])
                if _date_label(text, above_a + d.start, above_a + d.end)
            ]
            if above:
                dates, base = above[-1:], above_a
            start = end = None
            dspan = None
            if dates:
                d0 = dates[0]
                start, end = (None, d0.first) if d0.single else (d0.first, None if d0.current else d0.last)
                dspan = Span.of(text, base + d0.start, base + d0.end)
            out.append(
                Education(
                    institution=inst[0],
                    level="secondary"
                    if _SCHOOL_RE.search(inst[0]) or _NAMED_SCHOOL.search(inst[0])
                    else None,
                    start=start,
                    end=end,
                    institution_evidence=Span.of(text, inst[1], inst[2]),
                    dates_evidence=dspan,
                    evidence=Span.of(text, lbd[0], win_b),
                    confidence=0.5,
                )
            )
    seconds = _second_institutions(text, edu_secs, out)
    out.sort(key=lambda e: e.evidence.start if e.evidence else 0)
    if seconds:  # each after the entry whose institution it stands beside
        out = [x for e in out for x in (e, *seconds.get(id(e), ()))]
    for sec in edu_secs:
        _dates_column(text, sec, out)
    return out


_NAME_COMMA = re.compile(r"[ \t]*,[ \t]*")


# a name that ends in a street word is an address ("Springfield College Road", "Vidya Nagar")
_STREET_END = re.compile(
    r"\b(?:road|rd|street|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|highway|hwy|parkway|pkwy|place|"
    r"court|ct|square|terrace|crescent|marg|nagar|salai|chowk|path)\.?\Z",
    re.IGNORECASE,
)


def _second_institutions(
    text: str, edu_secs: list[Section], entries: list[Education]
) -> dict[int, list[Education]]:
    """A second institution named on an entry's institution line, apart from it: the university a college is
    affiliated to ("Northtown College, Lakeside University"), a school within a university ("Lakeside
    University, School of Law"). Each is an entry without a degree or dates (the entry beside it has them), by
    the id of that entry."""
    spans = [e.institution_evidence for e in entries if e.institution_evidence is not None]
    taken = frozenset(sp.start for sp in spans)
    out: dict[int, list[Education]] = {}
    for e in entries:
        sp = e.institution_evidence
        if sp is None:
            continue
        if not any(sec.start <= sp.start < sec.end for sec in edu_secs):
            continue
        a, b = _line_bounds(text, sp.start)
        if b - a > 100 or sum(1 for _ in INSTITUTION_RE.finditer(text, a, b)) < 2:
            continue
        fake = DegreeHit("", "bachelor", a, a)
        inst = _institution_near(text, fake, a, b, taken)
        if (
            inst is None
            or inst[1] in taken
            # the two names stand side by side, a comma between them
            or not _NAME_COMMA.fullmatch(
                text, *((sp.end, inst[1]) if sp.end <= inst[1] else (inst[2], sp.start))
            )
            or any(o.start < inst[2] and inst[1] < o.end for o in spans)
            or inst[0].casefold() == (e.institution or "").casefold()  # a name the line repeats
            or not _proper_name(inst[0])
            or _TEMPLATE_NAME.fullmatch(inst[0])
            or find_degrees(inst[0], colon_forms=True)
            or _STREET_END.search(inst[0])  # "Springfield College Road": an address
        ):
            continue
        taken |= {inst[1]}
        spans.append(Span.of(text, inst[1], inst[2]))
        out.setdefault(id(e), []).append(
            Education(
                institution=inst[0],
                level="secondary" if _SCHOOL_RE.search(inst[0]) or _NAMED_SCHOOL.search(inst[0]) else None,
                institution_evidence=Span.of(text, inst[1], inst[2]),
                evidence=Span.of(text, a, b),
                confidence=0.4,
            )
        )
    return out


def _dates_column(text: str, sec: Section, entries: list[Education]) -> None:
    """A table's date column flattened below its rows: two or more degrees whose lines hold no date, then, within
    three lines, as many lines holding only a date ("B.A., Elementary Education, X University" / "A.A., ..., Y
    College" / "2014" / "2010"). The k-th date is the k-th degree's, in place of the nearest one each had taken."""
    rows = [
        e
        for e in entries
        if e.degree and e.degree_evidence is not None and sec.start <= e.degree_evidence.start < sec.end
    ]
    if len(rows) < 2:
        return
    pos = _line_bounds(text, rows[-1].degree_evidence.start)[1]  # type: ignore[union-attr]
    column: list[tuple[int, int, DateRange]] = []  # each date-only line's span and its date
    skipped = 0
    while pos < sec.end and len(column) <= len(rows):
        nl = text.find("\n", pos + 1, sec.end)
        end = sec.end if nl < 0 else nl
        line = text[pos + 1 : end]
        pos = end
        if not line.strip():
            continue
        dates = find_date_ranges(line)
        if len(dates) == 1 and not line[: dates[0].start].strip() and not line[dates[0].end :].strip():
            column.append((pos - len(line), pos, dates[0]))
        elif column or skipped == 3:
            break
        else:
            skipped += 1  # the last row's institution or place lines
    if len(column) != len(rows) or any(
        e.dates_evidence is not None and not any(a <= e.dates_evidence.start < b for a, b, _ in column)
        for e in rows
    ):
        return  # no column, or a row dated on its own lines
    for e, (a, _b, d) in zip(rows, column, strict=True):
        e.start, e.end = (None, d.first) if d.single else (d.first, None if d.current else d.last)
        e.dates_evidence = Span.of(text, a + d.start, a + d.end)


_CENTRE_WORD = re.compile(r"(?<![\w-])(?:Centre|Center|CENTRE|CENTER)(?![\w-])")  # not "CENTER-MANAGER"


def _date_label(text: str, a: int, b: int) -> bool:
    """The date at [a, b) stands alone on its line followed by a colon ("1979 - 1983:")."""
    la, lb = _line_bounds(text, a)
    line = text[la:lb].strip()
    return line.endswith(":") and line[:-1].strip() == text[a:b].strip(" \t:")


_PIECE_END = re.compile(r"[,|;(/]|\s[-–]\s")


# a resume template's placeholder in place of an institution: "Name of University", "College Name"
_TEMPLATE_NAME = re.compile(
    r"(?i:(?:the[ \t]+)?name[ \t]+of[ \t]+(?:the[ \t]+)?(?:university|college|institut(?:e|ion)|school)|"
    r"(?:university|college|institut(?:e|ion)|school)[ \t]+name)"
)


def _centre_name(text: str, a: int, b: int) -> tuple[str, int, int] | None:
    """A centre's name leading its line ("Crown Agents Training Centre, Nairobi"), when the line names no
    institution otherwise."""
    if INSTITUTION_RE.search(text, a, b):
        return None
    m = _BULLET_LEAD.match(text, a, b)
    start = m.end() if m else a
    cut = _PIECE_END.search(text, start, b)
    name = text[start : cut.start() if cut else b].strip(" \t.:")
    centre = _CENTRE_WORD.search(name)
    if centre is None or len(name.split()) > 7:
        return None
    # two words at least before "Centre": "Quality Center (ALM)" is a tool, "Data Center" a place of work
    if len(name[: centre.start()].split()) < 2:
        return None
    off = text.find(name, start, b)
    return name, off, off + len(name)


# "CDAC -  Kochi, Kerala", "Narsee Monji - Hyderabad, Telangana": a name, a dash, then "City, Region"
_DASH_PLACE_LINE = re.compile(
    r"[ \t]*([A-Z][\w.&'()]*(?:[ \t]+[\w.&'()]+){0,7}?)[ \t]+[-–][ \t]+"
    r"([A-Z][\w.']*(?:[ \t]+[A-Z][\w.']*){0,2},[ \t]*[A-Z][\w.']*(?:[ \t]+[A-Z][\w.']*){0,2}"
    r"(?:,[ \t]*[A-Z]{2,3})?)[ \t]*$"
)


def _next_line(text: str, line_end: int, hi: int) -> tuple[int, int] | None:
    """Bounds of the first non-blank line after the line ending at `line_end` (blank lines skipped), before `hi`."""
    a = line_end + 1
    while a < hi:
        e = text.find("\n", a, hi)
        e = hi if e < 0 else e
        if text[a:e].strip():
            return a, e
        a = e + 1
    return None


def _dash_place_institution(text: str, line_end: int, hi: int) -> tuple[str, int, int] | None:
    """The institution of a degree that names none on or around its line, from the first line below it (a blank
    line may come between) laid out as "<Name> - <City>, <Region>" (job-board exports), when the name holds no
    digit, degree or date."""
    below = _next_line(text, line_end, hi)
    if below is None:
        return None
    a, e = below
    m = _DASH_PLACE_LINE.match(text, a, e)
    if m is None:
        return None
    name = m.group(1)
    if (
        re.search(r"\d", name)
        or find_degrees(name, colon_forms=True)
        or _NOT_INSTITUTION.search(name)
        or _PROSE_WORD.search(name)
    ):
        return None
    return " ".join(name.split()), m.start(1), m.end(1)


# an institution known by its acronym alone ("GGSIPU", "VTU", "JNTU"); no roman numeral ("III")
_ACRONYM_NAME = re.compile(r"(?![IVXLC]+$)[A-Z]{3,8}")
_BULLET_LEAD = re.compile(r"[ \t]*(?:[•·▪●◦○■□♦❖➢➤►▶✓✔*–-][ \t]*)?")


def _acronym_line_institution(text: str, line_end: int, hi: int) -> tuple[str, int, int] | None:
    """The institution of a degree that names none on or around its line, from the first line below it (a blank
    line may come between) when that line is an acronym alone or before ", <Place>": "B.Tech in CSE" / "GGSIPU"
    (job-board exports). Not a degree, grade, place or other capitals word."""
    below = _next_line(text, line_end, hi)
    if below is None:
        return None
    a, e = below
    m = _BULLET_LEAD.match(text, a, e)
    b0 = m.end() if m else a
    line = text[b0:e].rstrip(" \t.")
    name, _, place = line.partition(",")
    name = name.rstrip()
    if (
        not _ACRONYM_NAME.fullmatch(name)
        or (place and not guess_region(place.strip()) and not guess_region(place.split(",")[-1].strip()))
        or _DEGREE_RE.fullmatch(name)
        or guess_region(name)
        or _NOT_FIELD.search(name)
        or _NOT_INSTITUTION.search(name)
    ):
        return None
    return name, b0, b0 + len(name)


def _institution_first(text: str, lo: int, first: DegreeHit) -> bool:
    """Entries of the region starting at `lo` name the institution first: an institution stands on a line of
    its own (no degree on it) between the region start and its first degree."""
    la = _line_bounds(text, first.start)[0]
    for m in INSTITUTION_RE.finditer(text, lo, la):
        a, b = _line_bounds(text, m.start())
        if not find_degrees(text, a, b, colon_forms=True):
            return True
    return False


def _shared_institution(
    text: str, done: list[Education], prev: DegreeHit, hit: DegreeHit
) -> tuple[str, int, int] | None:
    """The institution of the degree above when it heads both ("Stanford University" / "M.S. ..., 2012" /
    "B.S. ..., 2010"): it stands on its own line above that degree, and no other institution comes between."""
    last = done[-1] if done else None
    if last is None or last.institution_evidence is None or last.degree_evidence is None:
        return None
    ev = last.institution_evidence
    if (
        last.degree_evidence.start != prev.start
        or ev.end > prev.start
        or _line_bounds(text, prev.start) == _line_bounds(text, hit.start)
    ):
        return None
    a, b = _line_bounds(text, ev.start)
    if find_degrees(text, a, b, colon_forms=True) or INSTITUTION_RE.search(
        text, b, _line_bounds(text, hit.start)[1]
    ):
        return None
    return last.institution or "", ev.start, ev.end


_SCHOOL_RE = re.compile(
    r"\b(?:high|higher secondary|secondary|senior secondary|elementary|middle|primary|grammar|public|convent|"
    r"sixth form|matriculation)\s+school\b|\bjr\.?\s+college\b|\bjunior\s+college\b|\bvidyalaya\b|"
    r"\bsecondary\s+college\b",  # Australian state high schools ("East Marrowby Secondary College")
    re.IGNORECASE,
)
# a school named for a person or a place ("Lakeside School", "St. Xavier's School"), not a graduate or
# professional school ("Harvard Business School", "Dental School")
_NAMED_SCHOOL = re.compile(
    r"(?<!business)(?<!law)(?<!medical)(?<!graduate)(?<!divinity)(?<!management)(?<!engineering)(?<!nursing)"
    r"(?<!art)(?<!arts)(?<!design)(?<!music)(?<!film)(?<!drama)(?<!theological)(?<!dental)(?<!pharmacy)"
    r"(?<!professional)(?<!summer)(?<!technical)(?<!trade)(?<!language)(?<!new)[ \t]+school$",
    re.IGNORECASE,
)
_MINOR_WORDS = {"of", "and", "the", "for", "&", "de", "at", "in", "la", "del", "y"}


def _proper_name(s: str) -> bool:
    """A name of capitalized words ("Anna University") or one typed wholly in lower case (`_lowercase_name`)."""
    words = s.split()
    if not 2 <= len(words) <= 9:
        return False
    # "R.K Institute of technology": a subject word in lower case after "of" still reads as part of the name
    return _lowercase_name(s) or not any(
        w[:1].islower()
        and w.lower() not in _MINOR_WORDS
        and not (i > 0 and words[i - 1] in {"of", "and"} and _NAME_SUBJECT.fullmatch(w))
        for i, w in enumerate(words)
    )


_NAME_SUBJECT = re.compile(
    r"technology|engineering|science|sciences|arts|commerce|management|education|medicine|law|music|design|"
    r"business|pharmacy|nursing|agriculture|architecture"
)


_LOWER_NAME = re.compile(r"[a-z][\w.'&-]*(?:[ \t]+[a-z][\w.'&-]*){1,5}")


def _lowercase_name(s: str) -> bool:
    """An institution name typed in lower case ("chandigarh university", "narayana jr.college"): two to six
    lower-case words, the last an institution word or one after it joined by "of", and no word of a sentence."""
    if not _LOWER_NAME.fullmatch(s) or _PROSE_WORD.search(s) or re.search(r"\bin\b", s):
        return False
    return (
        re.search(r"(?:university|college|institute)(?:[ \t]+of[ \t]+[a-z]+(?:[ \t]+[a-z]+)?)?$", s)
        is not None
    )


def _prev_lines_start(text: str, line_start: int, n: int) -> int:
    """Start of the n-th non-empty line above the line starting at `line_start`."""
    pos = line_start
    seen = 0
    while seen < n and pos > 0:
        p = text.rfind("\n", 0, pos - 1)
        prev = p + 1
        if text[prev : pos - 1].strip():
            seen += 1
        pos = prev
    return pos


def _next_lines_end(text: str, line_end: int, n: int) -> int:
    """End of the n-th non-empty line below the line ending at `line_end`."""
    pos = line_end
    seen = 0
    while seen < n and pos < len(text):
        p = text.find("\n", pos + 1)
        nxt = len(text) if p < 0 else p
        if text[pos + 1 : nxt].strip():
            seen += 1
        pos = nxt
    return pos
