"""Work history: positions (title, employer, location, dates, bullets), total experience and gaps.

Each date range in an experience section anchors one position. The position's header is the run of short
lines just before the date (or, in "date first" layouts, just after it) plus the rest of the date's line.
Header fragments are told apart with the small lexicons of parsers.titles (title words: engineer, manager,
teacher ...; employer cues: Ltd, Inc, Technologies, University) and "City, ST" locations. Total experience is the
union of the position intervals (overlaps merged, never summed); gaps are holes of at least `min_gap` months.

Positions the text states without a date range are kept too, at low confidence (0.25-0.45) and with no
dates, so they never count towards months or gaps: labelled lines ("Position: X" / "Company: Y"), undated
headers in an experience section ("Title, Employer, City"; a lone title line), role lines inside a dated
position's block ("Product Marketer - Studio", at 0.25), and prose ("worked as a
Senior Analyst for Deloitte", "Associate Engineer at Oracle India Pvt Ltd", "experience as a record
producer", "promoted from X to Y"). Wishes ("seeking a position as ...") are not positions; a summary that
opens with a title ("Data engineer with 6 years ...") gives the headline, not a position. Such an item is
added only when it brings a title or an employer that no other position has.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from models.evidence import Span, TextField
from models.resume import Gap, PartialDate, Section, WorkItem
from parsers.contact import guess_region
from parsers.dates import (
    DateRange,
    find_date_ranges,
    find_placeholder_ranges,
    interval,
    merge_intervals,
    ordinal_to_date,
)
from parsers.sections import classify_heading
from parsers.titles import (
    KNOWN_EMPLOYERS,
    ORG_WORDS,
    TITLE_WORDS,
    is_sentence,
    is_title_word,
    looks_like_employer,
    looks_like_title,
    lower_words,
    norm_key,
    plural_head,
    respaced,
    title_of_field,
    word_set,
)

__all__ = [
    "HEADER_LINE_CONFIDENCE",
    "extract_experience",
    "find_gaps",
    "total_months",
    "without_own_name",
]


_BULLET_RE = re.compile(r"^\s*(?:[•·▪●◦○■□♦❖➢➤►▶✓✔\-*–—〓]|\d{1,2}[.)]\s|[a-z][.)]\s|o\s)")
# header separators; "－" (fullwidth) and its mojibake "ï¼" appear in PDF exports; "Company Name" is a
# template placeholder that stands where the employer goes
_SPLIT_RE = re.compile(
    r"\s+[-–—|•·▪●]\s+|\s+[-–—]$|\s*\|\s*|\t+|[ \t]{2,}|\s+@\s+|\s+at\s+(?=[A-Z])|,\s+(?=[A-Z])|;\s+|"
    r",\s+(?=(?:in|based in)\s+[A-Z])|"
    r"[ \t]+,[ \t]*(?=[A-Z])|[ \t]+/[ \t]+(?=[A-Z])|"
    r"(?<=[A-Za-z])[-–—]\s+(?=[A-Z])|(?<=[A-Za-z.)])[–—](?=[A-Z])|"
    r"\s*(?:－|ï¼)\s*|\s+â€[“”]\s+|\s+(?=Company Name\b)|(?<=\bCompany Name)\s+(?=[A-Z])"
)
_LOCATION_FRAG = re.compile(
    r"^(?:[A-Z][A-Za-z.\-]+(?:\s[A-Z][A-Za-z.\-]+){0,3},\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"(?:\s+\d{5,6})?|remote|india|usa|uk|united states|united kingdom|canada|australia)$",
    re.IGNORECASE,
)
_LEAD_NOISE = re.compile(
    r"^(?:(?:present|current|till date|to date|now|onwards)\b\s*[:\-–|,]?\s*|"
    r"(?:designation|position(?: held)?|(?:job )?title|role|company(?: name)?|organi[sz]ation|employer)\s*[:\-–]\s*|"
    r"post(?: held)?\s*:\s*)",
    re.IGNORECASE,
)


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


def _mostly_caps(s: str) -> bool:
    """Set in capitals: at least 80% of the letters upper case (a header, never a sentence)."""
    letters = [ch for ch in s if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _is_header_like(line: _Line) -> bool:
    s = line.stripped
    if not s or len(s) > 90:
        return False
    if _BULLET_RE.match(line.text):
        return False
    if s.endswith(".") and len(s.split()) > 6 and not _mostly_caps(s):
        # a sentence, unless it reads "Title, Employer, City." (some resumes end header lines with a period)
        # or is set in capitals ("ACME FOUNDRIES LIMITED, PUNE 411 001, INDIA.")
        head = s.split(",", 1)[0]
        if "," not in s or len(head.split()) > 6 or looks_like_title(head) < 1.0:
            return False
    if s[:1].islower():
        return False
    return len(s.split()) <= 12


def _anchor_ok(line: _Line, dr: DateRange, text: str) -> bool:
    """A date range that dates a position: a real range or a month-precise date, on a short line or at its edge."""
    s = line.stripped
    if dr.single:
        # a lone date dates a position only at the edge of a short header-like line ("2019  Acme Corp"),
        # never inside a sentence ("won the award in 2012")
        lead = text[line.start : dr.start]
        tail = text[dr.end : line.end]
        rest = (lead + " " + tail).strip(" \t-–|,:;()[]")
        # "Fourth Grade Teacher, Elm Elementary School, Baltimore, MD, 1976": a full header line may run longer
        full = lead.rstrip().endswith(",") and looks_like_title(rest.split(",")[0]) >= 1.0
        if len(s) > (90 if full else 70) or (lead.strip() and tail.strip(" .)")):
            return False
        if lead.strip() and not re.search(r"[|,\-–(:\t]\s*$|\s{2,}$", lead):
            return False
        if rest and (rest[:1].islower() or len(rest.split()) > (12 if full else 8) or is_sentence(rest)):
            return False
    if _BULLET_RE.match(line.text) and len(s) > 60:
        return False
    if len(s) <= 80:
        return True
    # long line: the date must sit at its start or end (a remark in brackets may follow: "(alternating terms)")
    lead = text[line.start : dr.start].strip(" ([")
    tail = re.sub(r"^\s*\([^()]*\)?\s*$", "", text[dr.end : line.end]).strip(" )].")
    return not lead or not tail


@dataclass
class _Anchor:
    line_idx: int
    dr: DateRange
    last_idx: int  # the line holding the end of the range (a range may wrap: "Mar 2008\nPresent")


_ABBREV_END = word_set("inc ltd co corp llc plc pvt bros sa ag st jr sr dept univ assn intl mfg")
# a title ends before a qualifier clause ("Special Police Officer during Panchayat elections", "Partner in the
# firm of ...", "Legal Officer under the Company Secretary")
_TITLE_QUALIFIER = re.compile(
    r"\s+(?:(?:during|while|since|till|until|under)\s+\S|(?:for|in|to|with|at)\s+the\s+\S).*$"
    # "Associate Professor, with tenure": a clause after a comma
    r"|(?-i:,\s*(?:with|without|during|while|including|under)\s+[a-z].*$)",
    re.IGNORECASE,
)
# an upper-case title runs on into lower-case prose ("PARK RANGER principally in the north")
_CAPS_THEN_LOWER = re.compile(r"^(?P<head>[A-Z][A-Z&/.'\-]*(?: [A-Z&/.'\-]+)+)\s+[a-z].*$")


# a web address after a name ("Asea Brown Boveri [http://www.abb.com]", "Acme (www.acme.com)")
_URL_TAIL = re.compile(r"\s*[\[(]?\s*(?:https?://|www\.)\S*\s*[\])]?\s*$", re.IGNORECASE)


_SEASON_TAIL = re.compile(r"(?i),?\s+(?:summers?|springs?|falls?|winters?|autumns?)$")


_AT_OR_NUMBER_LEAD = re.compile(r"^(?:at|@|with)\s+|^\d{1,2}[.)]\s+(?=[A-Z])", re.IGNORECASE)
_WS_RUN = re.compile(r"\s+")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_FOUR_DIGITS = re.compile(r"\d{4,}")
_INITIALS_OR_PUNCT = re.compile(r"[A-Z]{1,2}|\W*")


def _clean_frag(s: str) -> str:
    s = _URL_TAIL.sub("", s) if "www." in s.lower() or "://" in s else s
    s = s.strip(" \t-–—|,:;([]•*/").lstrip(
        ")]:;, "
    )  # "Deloitte (2018-2020): Consultant" leaves "): Consultant"
    while s.endswith(")") and s.count(")") > s.count("("):
        s = s[:-1].rstrip(" \t-–—|,:;([]•*")  # a closing bracket stays only when it closes one
    if looks_like_title(s) > 0 and not _duty_phrase(s):  # a duty stays whole, to be refused as a title
        s = _TITLE_QUALIFIER.sub("", s)
        caps = _CAPS_THEN_LOWER.match(s)
        if caps and looks_like_title(caps.group("head")) >= 1.0:
            s = caps.group("head")
    last = s.rsplit(" ", 1)[-1]
    if s.endswith(".") and last.count(".") == 1 and last[:-1].lower() not in _ABBREV_END:
        s = s[:-1]  # a full stop, not an abbreviation ("Lab." but "Inc.", "Co.")
    s = _LEAD_NOISE.sub("", s)
    s = _SEASON_TAIL.sub("", s)  # "Beacon Program, summer (2006)": when, not part of the name
    s = _AT_OR_NUMBER_LEAD.sub("", s)  # "at Acme", "1. Infosys Ltd"
    s = _WS_RUN.sub(" ", s)
    return s.strip()


_CONTACT_BITS = re.compile(r"\S@\S+\.\w|\(?\b\d{3}\)?[ .\-]\d{3}[ .\-]\d{4}\b")
_FIELD_LINE = re.compile(
    r"[ \t]*(?:environment|technolog(?:y|ies)|tools(?: used)?|team size|platforms?|operating systems?|"
    r"databases?|dbms|rdbms|frameworks?|ide|os|domain|languages|software|tech stack|gpa|cgpa|grade|"
    r"hours|salary|reason for leaving)[ \t]*[:|]",
    re.IGNORECASE,
)


# a firm named by its partners: "Kellow, Drayson & Penfold", "Abelard, Quiney, Hollis & Marrick" (surnames only)
_PARTNERS = re.compile(
    r"(?<![\w,] )\b(?:[A-Z][a-z'\-]+,[ \t]+){1,5}[A-Z][a-z'\-]+[ \t]+(?:&|and)[ \t]+[A-Z][a-z'\-]+\b"
)


# fields and departments named after a title ("Manager, Sales & Marketing")
_FIELD_WORDS = word_set(
    "sales marketing operations finance accounting engineering research development administration training "
    "planning analysis communications human resources design management support strategy education policy "
    "quality safety compliance legal risk business product products programs projects customer client "
    "information technology science arts media public relations affairs"
)


def _firm_of_partners(seg: str) -> tuple[int, int] | None:
    """Where `seg` names a firm by its partners' surnames ("Paralegal, Kellow, Drayson & Penfold, PA" ->
    "Kellow, Drayson & Penfold"), or None; a title, an organisation word or a field ("Director, Sales &
    Marketing") is no surname."""
    m = _PARTNERS.search(seg)
    if m is None:
        return None
    start = m.start()
    for name in m.group(0).split(","):
        if any(is_title_word(w) or w in ORG_WORDS or w in _FIELD_WORDS for w in lower_words(name)):
            if "&" in name or " and " in name:
                return None
            start = m.start() + m.group(0).index(name) + len(name) + 1
            continue
        break
    rest = seg[start : m.end()]
    if rest.count(",") < 1 or any(
        is_title_word(w) or w in ORG_WORDS or w in _FIELD_WORDS for w in lower_words(rest)
    ):
        return None
    return start + (len(rest) - len(rest.lstrip())), m.end()


def _fragments(text: str, line: _Line, cut: tuple[int, int] | None) -> list[tuple[str, int, int]]:
    """Pieces of a header line (absolute offsets), with the date range `cut` out. A field line of a project
    ("Environment: Windows, Oracle", "Team Size: 4") has none."""
    if _FIELD_LINE.match(text, line.start, line.end) or _CONTACT_BITS.search(text, line.start, line.end):
        return []  # a referee's line ("Manager | Jo Bloggs | 555.123.4567 | jo@x.com") is no header
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
    for a, b0 in pieces:
        b = min(b0, a + 300)  # header pieces are short; a bound keeps the splitting linear
        seg = text[a:b]
        pos = 0
        parts: list[tuple[int, int]] = []
        firm = _firm_of_partners(seg) if "&" in seg or " and " in seg else None
        for m in _SPLIT_RE.finditer(seg):
            if firm is not None and firm[0] < m.start() < firm[1]:
                continue  # "Kellow, Drayson & Penfold": the partners' names are one firm
            parts.append((pos, m.start()))
            pos = m.end()
        parts.append((pos, len(seg)))
        for pa, pb in parts:
            raw = seg[pa:pb]
            frag = _clean_frag(raw)
            if not frag or not _TWO_LETTERS.search(frag):
                continue
            off = a + pa + raw.find(frag.split(" ")[0]) if frag.split(" ")[0] in raw else a + pa
            out.append((frag, off, off + len(frag)))
    out = [g for f in out for h in _split_bracketed(f) for g in _split_colon_title(h)]
    joined: list[tuple[str, int, int]] = []
    for frag, a, b in out:
        if (
            joined
            and text[joined[-1][2] : a].strip() == "/"
            and looks_like_title(joined[-1][0]) > 0
            and looks_like_title(frag) > 0
        ):
            # "Project Manager / Technology Lead": one compound title, not title and employer
            pa = joined[-1][1]
            joined[-1] = (text[pa:b], pa, b)
            continue
        if joined and frag.lower().rstrip(".") in {
            "inc",
            "ltd",
            "llc",
            "llp",
            "corp",
            "co",
            "plc",
            "pvt ltd",
        }:
            pa = joined[-1][1]
            joined[-1] = (text[pa:b], pa, b)
        else:
            joined.append((frag, a, b))
    return _join_trailing_place(text, joined)


_BRACKETED = re.compile(r"^(?P<a>[^()]*?\S)\s*\((?P<b>[^()]{2,60})\)$")


def _split_bracketed(f: tuple[str, int, int]) -> list[tuple[str, int, int]]:
    """ "Police Dispatcher (NYS Dept. of Public Safety)", "Bangalore (Project Trainee)": a bracket that names
    the employer, the title or the place is a fragment of its own; a qualifier or an acronym stays ("Senior
    Consultant (Contract)", "Technology Analyst (TA)")."""
    m = _BRACKETED.match(f[0])
    if m is None:
        return [f]
    inner = m.group("b").strip()
    if not inner[:1].isupper() or (inner.isupper() and len(inner.split()) == 1):
        return [f]
    if not (looks_like_employer(inner) > 0 or _title_score(inner) >= 1.0 or _is_location(inner)):
        return [f]
    a = m.group("a")
    b0 = f[1] + m.start("b") + (len(m.group("b")) - len(m.group("b").lstrip()))
    return [(a, f[1], f[1] + len(a)), (inner, b0, b0 + len(inner))]


_COLON_CUT = re.compile(r"\s*:\s+(?=[A-Z])")


def _split_colon_title(f: tuple[str, int, int]) -> list[tuple[str, int, int]]:
    """ "Full Time Instructor: Kent State University" -> the title, then the rest (a colon after a title)."""
    m = _COLON_CUT.search(f[0])
    if m is None:
        return [f]
    head, rest = f[0][: m.start()], f[0][m.end() :]
    if _LABELLED.match(f[0]) or not rest:
        return [f]
    # "Green Valley Hospital: Staff Nurse": a name, then the title
    org_then_title = looks_like_employer(head) > 0 and _title_score(rest) >= 1.0 and _title_score(head) == 0
    if looks_like_title(head) < 1.0 and not org_then_title:
        return [f]
    return [(head, f[1], f[1] + len(head)), (rest, f[1] + m.end(), f[2])]


_STATE_CODE = re.compile(r"[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?")
# a resume template's place holder, left where the place goes ("Company Name - City , State", "City, ST")
_PLACE_HOLDER = re.compile(r"(?:city|town)(?:\s*,\s*(?:state|st|province|country|zip))?|state|country")


def _place_piece(s: str) -> bool:
    """A piece that can only be a place: a state code, a known region/state/country/city name, "Remote", or a
    template's place holder ("City", "State")."""
    if (
        _STATE_CODE.fullmatch(s)
        or s.lower() in {"remote", "onsite", "hybrid"}
        or _PLACE_HOLDER.fullmatch(s.lower())
    ):
        return True
    words = s.split()
    return (
        len(words) <= 3
        and not looks_like_employer(s)
        and not looks_like_title(s)
        and (_ends_in_place(s) or s.lower() in _REGIONS or s.lower() in _COUNTRIES)
        and all(w[:1].isupper() for w in words)
    )


def _join_trailing_place(text: str, frags: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Join a line's trailing "City, ST" / "City, Country" pieces into one location fragment."""
    if len(frags) < 2:
        return frags
    last = frags[-1]
    prev = frags[-2]
    between = text[prev[2] : last[1]].strip()
    if between == "," and prev[0] == last[0] and len(last[0].split()) <= 2 and last[0][:1].isupper():
        # "Chandigarh, Chandigarh": exports repeat the city where the state goes
        return [*frags[:-2], (text[prev[1] : last[2]], prev[1], last[2])]
    if not _place_piece(last[0]):
        return frags
    if (
        between in {",", ""}
        and len(prev[0].split()) <= 3
        and prev[0][:1].isupper()
        and not (looks_like_title(prev[0]) or looks_like_employer(prev[0]))
    ) and (
        len(frags) >= 4
        or (len(frags) == 2 and len(prev[0].split()) == 1)
        or _place_piece(prev[0])
        or _STATE_CODE.fullmatch(last[0])
        or last[0].lower() in _REGIONS
        or last[0].lower() in _COUNTRIES
    ):
        return [*frags[:-2], (text[prev[1] : last[2]], prev[1], last[2])]
    return frags


# states, provinces and countries: a piece before one of these is its city ("Reno, Nevada"), while a piece
# before a city is more often the employer ("Salvation Army, Melbourne")
_REGIONS = frozenset(
    {
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
        "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
        "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
        "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
        "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island",
        "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
        "west virginia", "wisconsin", "wyoming", "ontario", "quebec", "alberta", "british columbia",
        "manitoba", "nova scotia", "new south wales", "queensland", "victoria", "tasmania", "karnataka",
        "maharashtra", "tamil nadu", "kerala", "telangana", "andhra pradesh", "uttar pradesh", "gujarat",
        "rajasthan", "haryana", "punjab", "west bengal", "odisha", "india", "usa", "united states", "canada",
        "australia", "england", "scotland", "wales", "ireland", "united kingdom", "uk", "germany", "france",
        "spain", "italy", "netherlands", "singapore", "new zealand", "south africa", "nigeria", "kenya",
        "egypt", "uae", "china", "japan",
    }
)  # fmt: skip


# countries beyond those in _REGIONS (a place's last part)
_COUNTRIES = frozenset(
    {
        "afghanistan", "algeria", "argentina", "austria", "bahrain", "bangladesh", "belgium", "bolivia",
        "botswana", "brazil", "bulgaria", "cameroon", "chile", "colombia", "costa rica", "croatia", "cyprus",
        "czech republic", "denmark", "ecuador", "estonia", "ethiopia", "fiji", "finland", "ghana", "greece",
        "hong kong", "hungary", "iceland", "indonesia", "iran", "iraq", "israel", "jamaica", "jordan",
        "kazakhstan", "korea", "south korea", "kuwait", "latvia", "lebanon", "lithuania", "luxembourg",
        "malawi", "malaysia", "malta", "mauritius", "mexico", "morocco", "mozambique", "myanmar", "namibia",
        "nepal", "norway", "oman", "pakistan", "panama", "paraguay", "peru", "philippines", "poland",
        "portugal", "qatar", "romania", "russia", "rwanda", "saudi arabia", "senegal", "serbia", "slovakia",
        "slovenia", "sri lanka", "sudan", "sweden", "switzerland", "taiwan", "tanzania", "thailand",
        "trinidad and tobago", "tunisia", "turkey", "uganda", "ukraine", "united arab emirates", "uruguay",
        "venezuela", "vietnam", "yemen", "zambia", "zimbabwe",
    }
)  # fmt: skip


_NOISE_FRAG = re.compile(
    r"^(?:responsibilities|roles?(?: and responsibilities)?|duties|key responsibilities|environment|"
    r"description|project(?: name| title)?|client|team size|duration|technologies|achievements|tools|"
    r"location|period|place|(?:total |overall )?(?:professional |work |relevant )?experience|"
    # when, not where: "Web Developer, Summers 2009-2011", "Cashier, Part-time"
    r"(?:summers|winters|seasonal|part[- ]time|full[- ]time)|"
    # column heads of a flattened table ("Company  Designation  Duration")
    r"(?:company|designation|organi[sz]ation|employer|job title|dates?)$)\s*(?::|$)",
    re.IGNORECASE,
)


_LABELLED = re.compile(
    r"^\s*(?:[•\-*]\s*)?(?P<key>designation|position(?: held)?|title|role|job title|post(?: held)?(?=\s*:)|"
    r"(?:current|present|last) (?:designation|position|role)|"
    r"(?:(?:current|present|previous|past) )?(?:company|organi[sz]ation|employer)(?:\s*#?\d{1,2})?|"
    r"(?:company|organi[sz]ation|employer) name)\s*[:\-–|]\s*"
    r"(?P<val>\S.{1,120}?)\s*$",
    re.IGNORECASE,
)


_PAGE_RE = re.compile(r"\bpage\s+\d+|\bcontinued\b|\bcurriculum vitae\b|\bresume\b", re.IGNORECASE)


def _plausible_name(s: str) -> bool:
    """An employer or title reads like a name: short, capitalized, not a sentence, not page furniture."""
    words = s.split()
    if not words or len(words) > 8 or _PAGE_RE.search(s):
        return False
    if words[-1].lower() in {"in", "of", "for", "to", "and", "the", "at", "by", "with", "from"}:
        return False
    lower = sum(
        1 for w in words if w[:1].islower() and w.lower() not in {"of", "and", "the", "&", "for", "de"}
    )
    # "98 with Oracle Inc.": the end of a sentence wrapped from the line above ("... since Jan\n98 with ...")
    wrapped = len(words) > 1 and words[0][:1].isdigit() and words[1][:1].islower()
    return lower <= 1 and not _FOUR_DIGITS.search(s) and not wrapped


# the head noun of an institution's own name ("... Conference", "... Employment Center"): a title "of" or "to" it
# names where the holder worked ("Executive Secretary of the Northern Rail Safety Conference"), where a field
# or function after "of" does not ("Director of Nursing Services", "Manager of University Relations")
_INSTITUTION_HEADS = word_set(
    "association center centre conference commission organization organisation institute university college "
    "corporation company bank foundation society agency authority ministry hospital clinic federation"
)
_TITLE_OF_ORG = re.compile(
    r"^(?P<t>[A-Z][\w.&'/\-]*(?:[ \t]+[A-Z][\w.&'/\-]*){0,4})[ \t]+(?:of|to|for)[ \t]+(?:the[ \t]+)?"
    r"(?P<o>[A-Z][\w.&'\-]*(?:[ \t]+(?:[A-Z][\w.&'\-]*|of|and|&|for|the)){0,7})"
    r"(?P<a>[ \t]*\([A-Z][A-Za-z&./]{1,9}\))?$"
)


def _split_title_of_org(f: tuple[str, int, int]) -> list[tuple[str, int, int]] | None:
    """ "Executive Secretary of the Northern Rail Safety Conference (NRSC)" -> the title and the institution
    it serves, when the title's last word heads titles and the rest ends in an institution's head noun."""
    if " of " not in f[0] and " to " not in f[0] and " for " not in f[0]:
        return None
    m = _TITLE_OF_ORG.match(f[0])
    if m is None:
        return None
    t_words = lower_words(m.group("t"))
    o_words = lower_words(m.group("o"))
    # a lone head noun is no name ("President of the Company", "Chair of the Association")
    if len(o_words) < 2 or o_words[-1] not in _INSTITUTION_HEADS:
        return None
    if not is_title_word(t_words[-1].split("/")[-1]) or plural_head(t_words):
        return None
    a, b = m.span("t")
    oa = m.start("o")
    return [(m.group("t"), f[1] + a, f[1] + b), (f[0][oa:], f[1] + oa, f[2])]


def _split_title_prefix(f: tuple[str, int, int]) -> list[tuple[str, int, int]]:
    """ "Software Developer FXhome" -> title "Software Developer" + employer "FXhome" (a capitalized rest)."""
    of_org = _split_title_of_org(f)
    if of_org is not None:
        return of_org
    words = f[0].split()
    if len(words) < 3:
        return [f]
    last_title = -1
    for i, w in enumerate(words):
        lw = w.lower().strip(".,")
        if is_title_word(lw) or ("/" in lw and all(is_title_word(p) for p in lw.split("/"))):
            last_title = i  # "Director/Teacher Maple Grove Learning Center": titles joined by a slash
    if last_title < 0 or last_title >= len(words) - 1:
        return [f]
    head = words[last_title]
    if head.lower().strip(".,").rsplit("/", 1)[-1] not in _HEAD_TITLE_WORDS:
        return [f]
    rest_words = words[last_title + 1 :]
    if len(rest_words) == 1 and rest_words[0].lower().strip(".,") in _UNIT_WORDS:
        return [
            f
        ]  # "AT&T Developer Program", "Android Developer Group": a unit's name ends there, no employer
    if (
        not rest_words[0][:1].isupper()
        or rest_words[0].lower()
        in _MINOR_WORDS  # "DIRECTOR OF FINANCE": capitals, not a name after the title
        or not all(w[:1].isupper() or w.lower() in {"of", "and", "&"} for w in rest_words)
    ):
        return [f]
    cut = f[0].index(rest_words[0], sum(len(w) + 1 for w in words[: last_title + 1]) - 1)
    title_txt = f[0][:cut].rstrip()
    rest_txt = f[0][cut:]
    if looks_like_employer(f[0]) and (looks_like_employer(title_txt) or not looks_like_employer(rest_txt)):
        # "Special Education Teacher QRT High School" splits; "Acme Software Engineer Group" does not
        return [f]
    return [(title_txt, f[1], f[1] + len(title_txt)), (rest_txt, f[1] + cut, f[2])]


# a generic word that ends the name of a programme or a unit ("AT&T Developer Program") or that alone names no
# employer ("Systems", "Solutions")
_UNIT_WORDS = ORG_WORDS | word_set(
    "program programme team division department project unit office section lab laboratory forum club chapter"
)
# words that end a title ("... Engineer", "... Manager"); a capitalized rest after one names the employer
_HEAD_TITLE_WORDS = word_set(
    "engineer developer manager analyst consultant architect administrator designer director officer "
    "executive specialist lead intern trainee assistant coordinator supervisor editor writer teacher "
    "lecturer professor instructor technician accountant programmer tester scientist researcher"
)


def _is_known_skill(s: str) -> bool:
    """True when the taxonomy knows `s` as a skill (a header line naming a tool is not an employer)."""
    if any(w.lower() in KNOWN_EMPLOYERS for w in s.split()):
        return False
    try:
        from parsers.taxonomy import load_taxonomy

        return load_taxonomy().lookup(s) is not None
    except Exception:  # no taxonomy available: nothing is known
        return False


def _is_location(s: str) -> bool:
    """A place: "Pune, Maharashtra", "Austin, TX 78701", "Remote", "Chennai", "India", a template's "City, State"."""
    if len(s) > 45 or any(ch.isdigit() for ch in s.replace(" ", "")[:-6]):
        return False
    if _PLACE_HOLDER.fullmatch(s.lower()):
        return True
    if _LOCATION_FRAG.match(s) and re.search(r",\s*[A-Z]{2}(?:\s+\d{5,6})?$", s):
        return True
    words = s.split()
    if len(words) > 5 or looks_like_employer(s) or looks_like_title(s):
        return False
    if s.lower() in {"remote", "onsite", "on-site", "hybrid", "work from home"}:
        return True
    if not all(w[:1].isupper() or w in {"of", "-"} for w in words):
        return False
    parts = [p.strip(" .") for p in s.split(",")]
    # "London, England", "Addis Ababa, Ethiopia": a city before a known state or country; "Delhi, Delhi"
    # (exports repeat the city where the state goes)
    city_then_region = (
        len(parts) == 2
        and 1 <= len(parts[0].split()) <= 3
        and (parts[1].lower() in _REGIONS or parts[1].lower() in _COUNTRIES or parts[0] == parts[1])
    )
    return city_then_region or _ends_in_place(s)


_PLACE_MODIFIERS = word_set(
    "new north south east west central upper lower greater navi old port san santa saint st remote"
)
# a country after a name more often names a firm's branch ("Air India", "Oracle India") than a city's country
_COUNTRY_WORDS = frozenset(
    {c for c in _COUNTRIES if " " not in c}
    | {"india", "usa", "canada", "australia", "england", "scotland", "wales", "ireland", "uk", "germany", "france",
       "spain", "italy", "netherlands", "singapore", "nigeria", "kenya", "egypt", "uae", "china", "japan"}
)  # fmt: skip


def _ends_in_place(s: str) -> bool:
    """The text ends in a known place name ("Chennai", "New York", "Pune, Maharashtra"); a name that only holds
    one ("Texas Instruments", "Tandem Australia Development") does not."""
    words = s.replace(",", " ").split()
    if not words:
        return False
    if guess_region(words[-1]) is not None:
        # "Air India", "Air Canada": a name that ends in a place, unless what comes before is a place too
        # ("Bangalore Karnataka") or a part of its name ("New Delhi", "Navi Mumbai", "North Goa")
        return (
            "," in s
            or len(words) == 1
            or guess_region(words[-2]) is not None
            or words[-2].lower() in _PLACE_MODIFIERS
            or words[-1].lower() not in _COUNTRY_WORDS  # "Secunderabad Telangana": a city before its state
        )
    # a two-word place ("New York", "Tamil Nadu"): the cue is the pair, not the first word alone
    return (
        len(words) >= 2 and guess_region(" ".join(words[-2:])) is not None and guess_region(words[-2]) is None
    )


def _title_score(s: str) -> float:
    """looks_like_title, except that a name ending in a firm noun ("Neurology Associates", "Acme Partners")
    is an employer."""
    ws = lower_words(s)
    if ws and ws[-1] in ORG_WORDS and ws[-1] not in TITLE_WORDS and not title_of_field(ws):
        return 0.0
    if _duty_phrase(s) or plural_head(ws):
        return 0.0
    return looks_like_title(s)


def _ends_in_title_word(s: str) -> bool:
    """The last word is a title word and no organisation word ("Senior Financial Analyst", not "Neurology
    Associates" or "Acme Consultancy"), and nothing else names a firm: no legal form ("Harbour LLC Caregiver")
    or known employer ("Google Assistant", a product)."""
    ws = lower_words(s)
    return (
        bool(ws)
        and is_title_word(ws[-1])
        and ws[-1] not in ORG_WORDS
        and not plural_head(ws)
        and not any(w in _LEGAL_FORMS or w in KNOWN_EMPLOYERS for w in ws)
    )


_MINOR_WORDS = word_set("of and the for to in on at with a an by from")


def _duty_phrase(s: str) -> bool:
    """A duty, not a title: led by a verb form and running on in lower case ("Trained programmers in the
    support team", "Training and overseeing performance of staff"); "Marketing content writer" is a title."""
    words = s.split()
    if len(words) < 4:
        return False
    first = words[0].lower()
    if not (first.endswith(("ed", "ing")) and len(first) > 4):
        return False
    return sum(1 for w in words[1:] if w[:1].islower() and w.lower() not in _MINOR_WORDS) >= 3


def _before_place(f: tuple[str, int, int], location: tuple[str, int, int] | None) -> bool:
    """The fragment sits right before the line's place ("MongoDB -  Gurgaon, Haryana"): an employer slot,
    even when its name is also a product."""
    return location is not None and 0 <= location[1] - f[2] <= 6


_OPENING_TITLE = re.compile(r"[ \t]*(?P<t>[A-Z][\w/&'\- ]{2,60}?)\.[ \t]+[A-Z]")


def _title_opening(text: str, body: list[_Line]) -> tuple[str, int, int] | None:
    """A description paragraph that opens with the title as its own sentence ("Senior Paralegal. Drafted
    motions ...")."""
    starts = [ln for i, ln in enumerate(body) if ln.stripped and (i == 0 or not body[i - 1].stripped)]
    for ln in starts:
        m = _OPENING_TITLE.match(text, ln.start, ln.end)
        if m is None:
            continue
        t = m.group("t")
        if looks_like_title(t) >= 1.0 and _trim_title(t) == t and _lone_title_ok(t):
            return (t, m.start("t"), m.end("t"))
    return None


def _slot_title(
    text: str, header: list[_Line], employer: tuple[str, int, int]
) -> tuple[str, int, int] | None:
    """The line right above the employer's line, in a "Title / Employer - City / dates" header, when it reads
    as a name though no title word says so ("Enterprise IT Support")."""
    at = next((i for i, ln in enumerate(header) if ln.start <= employer[1] <= ln.end), -1)
    if at < 1 or not header[at].text.rstrip().endswith(" -"):
        return None  # only the export layout whose employer line ends with a dash ("Acme -  Pune, MH -")
    ln = header[at - 1]
    s = ln.stripped.rstrip(" -–")
    if (
        len(s.split()) > 6
        or any(ch.isdigit() for ch in s)
        or not _plausible_name(s)
        or _NOISE_FRAG.match(s)
        or _LABELLED.match(s)
        or looks_like_employer(s) > 0
        or _is_location(s)
        or _is_known_skill(s)
    ):
        return None
    a = text.find(s, ln.start, ln.end + 1)
    return (s, a, a + len(s))


def _lower_start(s: str) -> bool:
    """Starts in lower case like prose; a camel-case brand ("eBay", "iGate", "eClerx", "i2") does not count."""
    return s[:1].islower() and not s[1:2].isupper() and not s[1:2].isdigit()  # "i2 Technologies"


_COUNT_LEAD = re.compile(r"\d+\s*\(")  # "10 (Manager, 2 leads)": a head count, not a title


_SCHOOL = re.compile(r"(?i)\b(?:school|elementary|academy)\b")
_DISTRICT = re.compile(r"(?i)\b(?:public schools|school district|schools|unified|board of education)\b")


# the label a header line opens with ("Position held:", "Company:"), read from the text before a fragment
_FRAG_LABEL = re.compile(
    r"[ \t]*(?:[•\-*][ \t]*)?(?:(?P<t>designation|position(?: held)?|(?:job )?title|role|post(?: held)?)|"
    r"(?P<e>company(?: name)?|organi[sz]ation|employer(?:'s)?(?: name)?))[ \t]*[:\-–][ \t]*",
    re.IGNORECASE,
)


def _frag_label(text: str, f: tuple[str, int, int]) -> str | None:
    """ "title" or "employer" when the fragment's line labels it so ("Position held: Legal Director")."""
    ls = text.rfind("\n", 0, f[1]) + 1
    if f[1] - ls > 40:
        return None
    m = _FRAG_LABEL.fullmatch(text, ls, f[1])
    if m is None:
        return None
    return "title" if m.group("t") else "employer"


def _assign(
    frags: list[tuple[str, int, int]], text: str | None = None
) -> tuple[tuple[str, int, int] | None, tuple[str, int, int] | None, tuple[str, int, int] | None, float]:
    """(title, employer, location, confidence) from header fragments. With `text`, a fragment its line labels
    ("Position held: Director for Legal Services", "Company: Grupo Odinsa S.A.") takes that field whatever
    its words suggest."""
    if text is not None:
        labels = [_frag_label(text, f) for f in frags]
        lt = next((f for f, lab in zip(frags, labels, strict=True) if lab == "title"), None)
        le = next((f for f, lab in zip(frags, labels, strict=True) if lab == "employer"), None)
        if lt is not None or le is not None:
            got_t, got_e, got_loc, got_c = _assign(frags)
            if le is not None and (le is got_loc or _is_location(le[0]) or _place_piece(le[0])):
                # "Company Name - City , State": a placeholder name, then the place; no label makes a place an employer
                le = None
                if lt is None:
                    return got_t, got_e, got_loc, got_c
            got_t = lt or (got_t if got_t is not le else None)
            got_e = le or (got_e if got_e is not lt else None)
            return got_t, got_e, got_loc, (0.8 if got_t and got_e else got_c)
    title = employer = location = None
    rest: list[tuple[str, int, int]] = []
    for f in frags:
        if _NOISE_FRAG.match(f[0]) or len(f[0]) > 80 or is_sentence(f[0]) or _lower_start(f[0]):
            continue
        if _is_location(f[0]) or _place_piece(f[0]):
            location = location or f  # a second place ("Fayetteville, North Carolina") is no employer either
            continue
        rest.append(f)
    rest = [g for f in rest for g in _split_title_prefix(f)]
    scored = [(_title_score(f[0]), looks_like_employer(f[0]), f) for f in rest]
    for t, e, f in scored:
        if title is None and t > 0 and t >= e and not _COUNT_LEAD.match(f[0]) and not _verb_then_object(f[0]):
            title = f
    scored = [
        (t, e, f)
        for t, e, f in scored
        if f is title
        or (
            _plausible_name(f[0])
            # "Managed budget", "Installed and customised X": a duty ("Self-employed in ..." is no verb)
            and not (_verb_then_object(f[0]) and "-" not in f[0].split(" ", 1)[0])
            and (e > 0 or _before_place(f, location) or not _is_known_skill(f[0]))
        )
    ]
    for t, e, f in scored:
        if employer is None and f is not title and e > 0 and not (t >= 1.0 and _ends_in_title_word(f[0])):
            # "Freelance Software Developer", "Department Manager": an organisation word inside a title is no name
            employer = f
    if employer is not None and _SCHOOL.search(employer[0]):
        # "Principal, Ansel Brook High School, Dunmore County Public Schools, MD": the district employs
        employer = next(
            (f for _t, _e, f in scored if f[1] > employer[1] and _DISTRICT.search(f[0])), employer
        )
    others = [
        f
        for t, _e, f in scored
        if f is not title
        and f is not employer
        and not _INITIALS_OR_PUNCT.fullmatch(f[0])
        and not (title is not None and t >= 1.0)  # a second title ("Manager / Team Lead") is no employer
    ]
    conf = 0.8 if title and employer else 0.6
    if title is not None:
        # "Designer at Northstar Brands": the piece right after the title comes first
        t_end = title[2]
        others.sort(key=lambda f: 0 if 0 <= f[1] - t_end <= 5 else 1)
    # a title needs a title word; an unknown fragment is more often the employer
    if employer is None and others:
        employer = others[0]
        others = others[1:]
        conf = 0.65
    if location is None and employer is not None:
        # "Acme Corp, Detroit": a short capitalized piece right after the employer is its place
        for f in others:
            if (
                f[1] > employer[2]
                and len(f[0].split()) <= 3
                and f[0][:1].isupper()
                and not looks_like_title(f[0])
                and not looks_like_employer(f[0])  # "Children Toys, Inc." names a firm, not a place
            ):
                location = f
                break
    return title, employer, location, conf


_HEADLINE_CUT = re.compile(r"\s+[-–—|@]\s+|\s+at\s+(?=[A-Z])|,\s+|\s{2,}|\t|\s*:\s+|\s+:|\s*[•·▪●]\s*")
# "Sales Representative Resume": the document's label, not part of the title
_DOC_LABEL = re.compile(r"\s+(?:resume|résumé|cv|curriculum vitae)(?:\s+(?:template|sample|example))?$", re.I)


# the confidence of a headline read from a header line (one read from summary prose is lower)
HEADER_LINE_CONFIDENCE = 0.7


def find_headline(text: str, sections: list[Section], name_end: int | None = None) -> TextField | None:
    """The title line under the name ("Senior Data Engineer", "Software Engineer - Acme"), if any.

    Looks at the first lines of the header (after the name when known); the line, cut at its first
    separator, must read as a job title (a title word) and be short. Failing that, the title a summary opens
    with ("Data engineer with 6 years of experience"), at lower confidence.
    """
    if not sections or sections[0].kind != "header":
        return None
    start = name_end if name_end is not None else 0
    end = min(sections[0].end, start + 400)
    seen = 0
    for ln in _lines(text, start, end):
        s = ln.stripped
        if not s:
            continue
        seen += 1
        if seen > 4:
            break
        if "@" in s or any(ch.isdigit() for ch in s[:3]) or _BULLET_RE.match(ln.text) or s.endswith(":"):
            continue  # contact lines, list items, labels ("Education and Professional Qualification:")
        head = _DOC_LABEL.sub("", _HEADLINE_CUT.split(s, maxsplit=1)[0].strip(" -–|,("))
        if not head or len(head.split()) > 7 or head[:1].islower() or is_sentence(head):
            continue
        if _WISH.search(head):
            continue  # "Desire the Position of School Administrator"
        if looks_like_title(head) > 0 and looks_like_title(head) >= looks_like_employer(head):
            a = text.find(head, ln.start, ln.end + 1)
            return TextField(
                value=head, evidence=Span.of(text, a, a + len(head)), confidence=HEADER_LINE_CONFIDENCE
            )
    return _summary_title(text, sections)


def _summary_title(text: str, sections: list[Section]) -> TextField | None:
    """The title a summary opens with ("Senior software engineer with 9 years of experience ..."): the
    candidate's own label, so a headline (not a position: it names no employer or period)."""
    for sec in sections[:4]:
        if sec.kind not in {"summary", "header"}:
            continue
        for m in _TITLE_YEARS_RE.finditer(text, sec.start, min(sec.end, sec.start + 600)):
            title = _trim_title(m.group("title"))
            if title and title == m.group("title").strip() and _lone_title_ok(title, prose=True):
                a = m.start("title")
                return TextField(
                    value=_single_spaced(title), evidence=Span.of(text, a, a + len(title)), confidence=0.5
                )
    for sec in sections[:4]:
        if sec.kind != "summary":
            continue
        found = _praised_title(text, sec)
        if found is not None:
            return found
    return None


# a summary's first sentence that praises the candidate as a title: "Confident and capable Intervention Specialist
# with experience in ...", "Demonstrated software architect with ...", "Experienced high school coach who ..."
_PRAISED_TITLE_RE = re.compile(
    r"(?P<lead>(?:[A-Za-z][\w\-]*,?[ \t]+){0,6}?)(?P<title>(?:[A-Za-z][\w/\-]*[ \t]+){0,3}[A-Za-z][\w\-]*)"
    r",?[ \t]+(?:with|who|having|able|specializing|specialising|offering|bringing|skilled)\b"
)
_PRAISE_WORDS = word_set(
    "a an and highly very proven demonstrated accomplished experienced seasoned versatile dedicated motivated "
    "confident capable competent energetic trusted dynamic innovative creative passionate skilled talented "
    "enthusiastic committed driven organized organised reliable hardworking hard-working results-oriented "
    "detail-oriented results-driven self-motivated successful knowledgeable strategic dependable "
    "professional certified licensed qualified award-winning bilingual resourceful i am"
)


def _praised_title(text: str, sec: Section) -> TextField | None:
    lines = _lines(text, sec.start, min(sec.end, sec.start + 400))
    if sec.heading and lines:
        lines = lines[1:]
    lines = [ln for ln in lines if any(ch.isalpha() for ch in ln.text)]
    for ln in lines[:2]:
        body = _BULLET_RE.sub("", ln.text, count=1) if _BULLET_RE.match(ln.text) else ln.text
        off = ln.start + (len(ln.text) - len(body))
        m = _PRAISED_TITLE_RE.match(body.lstrip())
        if m is None:
            continue
        off += len(body) - len(body.lstrip())
        lead = m.group("lead").replace(",", " ").split()
        if any(w.lower() not in _PRAISE_WORDS for w in lead):
            continue
        runs = list(_WORD_RUN.finditer(m.group("title")))
        while runs and runs[0].group().lower().strip(",") in _PRAISE_WORDS:
            runs = runs[1:]  # "and capable Intervention Specialist": the praise runs on
        words = [w.group() for w in runs]
        title = " ".join(words)
        if not words or looks_like_title(title) < 1.0 or not is_title_word(words[-1].lower()):
            continue
        if plural_head(words) or not _lone_title_ok(title, prose=True) or "," in title:
            continue
        # the evidence spans the words as written ("Intervention  Specialist"), the value reads single-spaced
        a, b = off + m.start("title") + runs[0].start(), off + m.start("title") + runs[-1].end()
        return TextField(value=title, evidence=Span.of(text, a, b), confidence=0.4)
    return None


def extract_experience(text: str, sections: list[Section], *, today: date | None = None) -> list[WorkItem]:
    """Positions from every experience section, in document order, plus positions stated in prose
    ("worked as a Software Engineer with Acme Ltd from 2015 to 2017") that no section entry already has."""
    today = today or date.today()
    items: list[WorkItem] = []
    for sec in sections:
        if sec.kind != "experience":
            continue
        items.extend(_section_positions(text, sec, today))
    # a position set out under another heading (a dated entry with a clear title in an education section, where
    # a two-column layout or a missed heading put it): weaker evidence, kept when it adds a title or an employer
    for sec in sections:
        if sec.kind != "education" or not _names_a_title(text, sec.start, sec.end):
            continue  # (the cheap check first: most education sections name no title at all)
        held = [w for w in _section_positions(text, sec, today) if _held_elsewhere(text, w)]
        for w in held:
            if _title_of_next(w, held):
                continue
            if w.employer and (
                _is_location(w.employer)
                or _title_score(w.employer) > 0
                or " " not in w.employer
                or _DEGREE_WORDS.search(w.employer) is not None
            ):
                # "Tuscaloosa", "University", "High School Diploma": no employer's name
                w.employer, w.employer_evidence = None, None
            w.confidence = round(w.confidence * 0.5, 3)
            if _adds_something(w, items):
                items.append(w)
    for w in _prose_positions(text, sections, today):
        key = (norm_key(w.title), norm_key(w.employer))
        same = next(
            (x for x in items if _sentence_dates_untitled(x, w) and norm_key(x.employer) == key[1]), None
        )
        if same is not None:
            # "Working as Senior Analyst at Genpact since March 2016.": the dated entry read from this sentence
            # found the employer; the sentence names the title too
            same.title, same.title_evidence = w.title, w.title_evidence
            continue
        if not any(
            norm_key(x.employer) == key[1] and (not key[0] or not x.title or norm_key(x.title) == key[0])
            for x in items
        ):
            items.append(w)
    # positions stated without dates (labelled lines, undated headers, "experience as X", further roles named
    # on a position's header line): weaker evidence, kept only when they add a title or an employer that no
    # dated position has
    for w in [
        *_co_roles(text, items),
        *_co_employers(text, items),
        *_undated_positions(text, sections, items),
    ]:
        if _adds_something(w, items):
            items.append(w)
    for w in items:
        if w.title:
            # "Director ofNursing Services" -> "Director of Nursing Services". PDF extraction keeps such spaces
            # since 211b2e5; this backstop still repairs 2 of every 3rd livecareer PDF's titles (425) and text
            # pasted from other extractors
            w.title = respaced(w.title)
    return items


# title words an education section holds for other reasons ("Associate of Arts", "Dean's List", "Senior year")
_EDUCATION_WORDS = word_set(
    "associate dean senior junior jr sr member fellow professional staff head lead chair"
)
_HELD_WORDS = frozenset(TITLE_WORDS - _EDUCATION_WORDS)
_ALPHA_RUN = re.compile(r"[A-Za-z]{2,}")
# a line about a course or a credential ("Certified Nursing Assistant", "Paralegal Certificate Program")
_STUDIED = re.compile(
    r"(?i)\b(?:certif\w*|degree|diploma|bachelor\w*|masters?|associates?|licen[sc]\w*|course\w*|program\w*|"
    r"studies|coursework|major|minor|b\.?[as]c?|m\.?[as]c?|ph\.?d|mba|gpa|graduated?|student)\b"
)


def _names_a_title(text: str, start: int, end: int) -> bool:
    """Some short line of text[start:end] holds a title word (a cheap check before reading positions there)."""
    for line in text[start:end].split("\n"):
        if len(line) <= 100:
            for w in _ALPHA_RUN.findall(line):
                lw = w.lower()
                if lw in _HELD_WORDS or (lw[-1] == "s" and lw[:-1] in _HELD_WORDS):
                    if _STUDIED.search(line) is None:
                        return True
                    break
    return False


def _title_of_next(w: WorkItem, items: list[WorkItem]) -> bool:
    """The title was read from below w's dates, and the next entry has it above or beside its own dates: it
    heads that entry ("BA in Music, 2012 - 2016" / "Director of Merchandising, Northwind, 2016 - 2018")."""
    te, de = w.title_evidence, w.dates_evidence
    if te is None or de is None or te.start <= de.end:
        return False
    return any(
        x is not w
        and x.title_evidence == te
        and x.dates_evidence is not None
        and te.start <= x.dates_evidence.end
        for x in items
    )


_CREDENTIAL_LEAD = word_set(
    "certificate certification certified endorsement endorsements license licensed diploma"
)
_DEGREE_WORDS = re.compile(r"(?i)\b(?:degree|diploma|bachelor\w*|master'?s|certificate|gpa)\b")
_AWARD_WORDS = word_set("award awards recognition honor honors honour honours prize scholarship scholar")
_HONOUR_HEADS = word_set("member members fellow fellows")


def _held_elsewhere(text: str, w: WorkItem) -> bool:
    """A dated entry outside an experience section that reads as a position held: a clear title that is no
    degree ("Director of Merchandising, Marketing Department" under EDUCATION)."""
    from parsers.education import find_degrees

    if not w.title or w.title_evidence is None or _title_score(w.title) < 1.0:
        return False
    ws = lower_words(w.title)
    if (
        ws[0] in _CREDENTIAL_LEAD
        or (ws[: ws.index("of", 1)] if "of" in ws[1:] else ws)[-1] in _HONOUR_HEADS
        or any(x in _AWARD_WORDS for x in ws)
    ):
        # "Certificate for Reading Recovery Teacher Leader", "Member of the Bar", "Elected Fellow", "Special
        # Recognition Award for Outstanding Yearbook Editor"
        return False
    ls = text.rfind("\n", 0, w.title_evidence.start) + 1
    le = text.find("\n", w.title_evidence.end)
    return not find_degrees(text, ls, le if le >= 0 else len(text))


# titles held at once inside one title: "Paralegal/Bookkeeper/Office Manager", "Trainer and Consultant"
_COMPOUND_CUT = re.compile(r"\s*/\s*|\s+(?:and|&)\s+", re.IGNORECASE)


def _co_roles(text: str, items: list[WorkItem]) -> list[WorkItem]:
    """Further roles a dated position's header line names beside its title: the parts of a compound title
    ("Paralegal/Bookkeeper/Office Manager", "Owner and Manager"; at least two parts read as titles) and other
    title pieces of the line ("Marketing Specialist – Hardware Programs Lead", "Product Owner, Architect,
    Consultant"). Each is a role held in the same position; kept undated at 0.25, as a role line inside a
    block, so months and title matching are unchanged."""
    out: list[WorkItem] = []
    for w in items:
        ev = w.title_evidence
        if not w.title or ev is None or w.dates_evidence is None:
            continue
        found: list[tuple[str, int]] = []
        pos = 0
        pieces: list[tuple[str, int]] = []
        for m in [*_COMPOUND_CUT.finditer(w.title), None]:
            end = m.start() if m else len(w.title)
            pieces.append((w.title[pos:end], ev.start + pos))
            pos = m.end() if m else pos
        if len(pieces) >= 2:
            titled = [(p, a) for p, a in pieces if _co_role_ok(p)]
            if len(titled) >= 2:
                found.extend(titled[1:] if titled[0][1] == ev.start else titled)
        ls = text.rfind("\n", 0, ev.start) + 1
        le = text.find("\n", ev.start)
        line = _Line(ls, le if le >= 0 else len(text), text[ls : le if le >= 0 else len(text)])
        d = w.dates_evidence
        cut = (d.start, min(d.end, line.end)) if line.start <= d.start <= line.end else None
        emp = w.employer_evidence.start if w.employer_evidence else -1
        for frag, a, b in _fragments(text, line, cut):
            if ev.start <= a < ev.end or a <= ev.start < b or a == emp or not _co_role_ok(frag):
                continue
            found.append((frag, a))
        for t, a in found:
            out.append(_item(text, (t.strip(), a), None, 0.25))
    return out


# an employer's name: capitalized words, joined by minor words, with its legal form after a comma
_NAME = r"[A-Z][\w.&'\-]*(?:[ \t]+(?:[A-Z0-9][\w.&'\-]*|of|and|&|for|the|de))*(?:,?[ \t]+(?:Inc|Ltd|LLC|Corp|Co|PLC)\.?)?"
# one employer under two names: a former or later name, or the group that owns it ("Bluefin Studio, Inc.
# (became Harborlight, Inc.)", "Northwind Ltd (formerly Contoso Ltd)", "ABC Group, an IBM company")
_TWO_NAMES = re.compile(
    rf"(?P<a>{_NAME})[ \t]*(?:\([ \t]*(?:now|formerly|previously|later|became|renamed|acquired by|merged (?:with|into)|"
    rf"(?:a )?(?:division|subsidiary|unit|part) of|an?)[ \t]+(?P<b>{_NAME})(?:[ \t]+company)?[ \t]*\)|"
    rf",[ \t]+an?[ \t]+(?P<c>{_NAME})[ \t]+(?i:company|subsidiary)\b)"
)
_TWO_NAMES_MAX_LINE = 300  # a header line; the pattern backtracks over a long run of capitalised words
# "Kestrel Services/Marlow Group": two employers named on one line, a slash between them
_SLASHED_NAMES = re.compile(rf"^(?P<a>{_NAME})[ \t]*/[ \t]*(?P<b>{_NAME})$")
_SLASH_NAME_AFTER = re.compile(rf"[ \t]*/[ \t]*(?P<b>{_NAME})")


def _co_employers(text: str, items: list[WorkItem]) -> list[WorkItem]:
    """The second name of a dated position's employer, when its line names it under two: a former or later name
    or its owner in brackets ("Bluefin Studio, Inc. (became Harborlight, Inc.)", "Acme (now Contoso Ltd)"), "X, a
    Y company", or two names joined by a slash ("Kestrel Optics / Marlow Coating Lab."). The position keeps the
    first name as its employer; the second is an undated position of its own at 0.25, as a further role is."""
    out: list[WorkItem] = []
    for w in items:
        ev = w.employer_evidence
        if not w.employer or ev is None or w.dates_evidence is None:
            continue
        if "/" in w.employer:
            m = _SLASHED_NAMES.match(w.employer)
            if m is None:
                continue
            first, second = m.group("a").rstrip(" ,"), m.group("b").rstrip(" ,")
            if not all(_co_employer_ok(x) and " " in x for x in (first, second)):
                continue  # "Acme/BCD", "NORTH PACIFIC/XYZ": one name written with a slash
            w.employer = first
            w.employer_evidence = Span.of(text, ev.start, ev.start + len(first))
            out.append(_item(text, None, (second, ev.start + m.start("b")), 0.25))
            continue
        after = _SLASH_NAME_AFTER.match(text, ev.end)
        if after is not None:
            second = after.group("b").rstrip(" ,")
            if all(_co_employer_ok(x) and " " in x for x in (w.employer, second)):
                out.append(_item(text, None, (second, after.start("b")), 0.25))
                if w.location == second:
                    w.location = None  # the second name, read as the place
            continue
        ls = text.rfind("\n", 0, ev.start) + 1
        le = text.find("\n", ev.start)
        le = le if le >= 0 else len(text)
        if le - ls > _TWO_NAMES_MAX_LINE or ("(" not in text[ls:le] and " compan" not in text[ls:le].lower()):
            continue
        for m in _TWO_NAMES.finditer(text, ls, le):
            a0 = m.start("a")
            b_group = "b" if m.group("b") else "c"
            b0, b1 = m.span(b_group)
            if not (a0 <= ev.start < b1 or ev.start <= a0 < ev.end):
                continue  # another piece of the line
            first, second = m.group("a").rstrip(" ,"), m.group(b_group).rstrip(" ,")
            if not all(_co_employer_ok(x) for x in (first, second)):
                continue
            w.employer = first
            w.employer_evidence = Span.of(text, a0, a0 + len(first))
            out.append(_item(text, None, (second, b0), 0.25))
            break
    return out


def _co_employer_ok(s: str) -> bool:
    """One of two names of an employer: a capitalized name, no title, place, skill, department or single
    generic word ("Information Assurance/Network Security", "Sales Department/Data Entry" name no employers)."""
    return (
        _plausible_name(s)
        and _title_score(s) == 0
        and not _is_location(s)
        and not (len(s.split()) == 1 and s.lower() in _UNIT_WORDS)
        and s.split()[-1].lower() not in _DEPARTMENT_WORDS
        and not _is_known_skill(s)
    )


_DEPARTMENT_WORDS = word_set(
    "department dept dept. division team unit section office program programme project"
)


def _co_role_ok(s: str) -> bool:
    """A further role as written on a header line: a clear, capitalized title that names no organisation."""
    words = s.split()
    return (
        bool(words)
        and _title_score(s) >= 1.0
        and looks_like_employer(s) == 0
        and _lone_title_ok(s)
        and all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _MINOR_WORDS for w in words)
        and not _verb_led(words)
        and not is_sentence(s)
    )


def _sentence_dates_untitled(x: WorkItem, prose: WorkItem) -> bool:
    """x is an untitled position dated inside the sentence the prose mention was read from."""
    d, ev = x.dates_evidence, prose.evidence
    return x.title is None and d is not None and ev is not None and ev.start <= d.start < ev.end


def _adds_something(w: WorkItem, items: list[WorkItem]) -> bool:
    titles = {norm_key(x.title) for x in items if x.title}
    employers = {norm_key(x.employer) for x in items if x.employer}
    new_title = bool(w.title) and norm_key(w.title) not in titles
    new_employer = bool(w.employer) and norm_key(w.employer) not in employers
    return new_title or new_employer


_ORG = r"(?P<org>[A-Z][\w.&'\-]*(?:[ \t]+(?:[A-Z][\w.&'\-]*|of|and|&|for|the)){0,7})"
_TITLE = r"(?P<title>[A-Za-z][\w.&/\-]*(?:[ \t]+[A-Za-z][\w.&/\-]*){0,5})"
_PROSE_RE = re.compile(
    r"\b(?i:work(?:ed|ing)|serv(?:ed|ing)|employed|join(?:ed|ing)?|associated|engaged|been)\s+"
    r"(?:"
    rf"(?i:as)\s+(?:an?\s+|the\s+)?{_TITLE}\s+(?i:at|with|in|for)\s+(?:the\s+)?{_ORG}"
    r"|"
    rf"(?:at|with|in|for)\s+(?:the\s+)?{_ORG.replace('?P<org>', '?P<org2>')}\s*,?\s+as\s+(?:an?\s+|the\s+)?"
    rf"{_TITLE.replace('?P<title>', '?P<title2>')}(?=[\s.,;(]|$)"
    r")",
)
_ORG_TAIL = re.compile(r"(?:[ \t]+(?:of|and|&|for|the))+$")


def _prose_positions(text: str, sections: list[Section], today: date) -> list[WorkItem]:
    out: list[WorkItem] = []
    for sec in sections:
        if sec.kind not in {"experience", "summary", "header"}:
            continue
        for m in _PROSE_RE.finditer(text, sec.start, sec.end):
            title_g = "title" if m.group("title") else "title2"
            org_g = "org" if m.group("org") else "org2"
            title = m.group(title_g)
            org = _org_cut(_ORG_TAIL.sub("", m.group(org_g) or ""))
            if not title or not org or looks_like_title(title) == 0 or not _good_org(org):
                continue
            if not _org_ends_cleanly(text, m.start(org_g) + len(org)):
                continue
            if re.match(r"\s+(?:team|group|department|division|unit)\b", text[m.start(org_g) + len(org) :]):
                continue
            # the title ends at its last title word ("Software Engineer" of "Software Engineer since")
            words = list(_WORD_RUN.finditer(title))
            while words and not is_title_word(words[-1].group().lower()):
                words.pop()
            if not words:
                continue
            title = title[: words[-1].end()]  # as written: the evidence covers it ("Sales  Manager")
            t_start = m.start(title_g)
            o_start = m.start(org_g)
            tail = max(t_start + len(title), o_start + len(org))
            sent_end = min(
                [x for x in (text.find(". ", tail, sec.end), text.find("\n", tail, sec.end)) if x >= 0]
                or [min(sec.end, tail + 120)]
            )
            ranges = find_date_ranges(text[tail:sent_end])
            dr = next((r for r in ranges if not r.single), ranges[0] if ranges else None)
            item = WorkItem(
                title=_single_spaced(title),
                employer=org,
                title_evidence=Span.of(text, t_start, t_start + len(title)),
                employer_evidence=Span.of(text, o_start, o_start + len(org)),
                evidence=Span.of(text, m.start(), max(sent_end, tail)),
                confidence=0.45,
            )
            if dr is not None and not dr.single:
                item.start, item.end, item.current = dr.first, (None if dr.current else dr.last), dr.current
                item.dates_evidence = Span.of(text, tail + dr.start, tail + dr.end)
                iv = interval(dr.first, dr.last, dr.current, today=today)
                item.months = (iv[1] - iv[0]) if iv else None
            out.append(item)
    return out


def _section_positions(text: str, sec: Section, today: date) -> list[WorkItem]:
    lines = _lines(text, sec.start, sec.end)
    if sec.heading and lines:
        lines = lines[1:]  # the heading line itself
    if not lines:
        return []
    body_start = lines[0].start
    line_starts = [ln.start for ln in lines]

    def line_of(pos: int) -> int:
        return max(0, bisect.bisect_right(line_starts, pos) - 1)

    anchors: list[_Anchor] = []
    taken: set[int] = set()
    body = text[body_start : sec.end]
    # template dates ("July 20XX to Present") place a position as real ones do, without giving its dates
    found = sorted([*find_date_ranges(body), *find_placeholder_ranges(body)], key=lambda d: d.start)
    for dr in found:
        dr_abs = DateRange(
            dr.first, dr.last, dr.current, body_start + dr.start, body_start + dr.end, dr.single
        )
        i = line_of(dr_abs.start)
        if i in taken or (anchors and i <= anchors[-1].last_idx):
            continue
        if _anchor_ok(lines[i], dr_abs, text):
            anchors.append(_Anchor(i, dr_abs, line_of(max(dr_abs.end - 1, dr_abs.start))))
            taken.add(i)
    if not anchors:
        return []

    # Layout: do header lines come before the date (most resumes) or after it ("2004-2007\nAcme\nEditor")?
    first = anchors[0].line_idx
    before_first = [ln for ln in lines[:first] if ln.stripped]
    date_first = (
        not any(_is_header_like(ln) for ln in before_first[-3:])
        and not (before_first and _bullet_header(text, before_first[-1]))
        and not _rest_of_line(text, lines[first], anchors[0].dr)
    )

    headers: list[list[int]] = []
    afters: list[list[int]] = []
    header_starts: list[int] = []
    used_until = 0
    for k, anc in enumerate(anchors):
        idx = anc.line_idx
        nxt = anchors[k + 1].line_idx if k + 1 < len(anchors) else len(lines)
        hdr: list[int] = []
        if not date_first:
            j = idx - 1
            while j >= used_until and len(hdr) < 4:
                ln = lines[j]
                if not re.search(r"\w", ln.stripped):
                    j -= 1
                    continue
                if _indented_under(ln, lines[idx], anc.dr):
                    break  # set in the column right of a date that opens its line: the entry above's line
                if not (_is_header_like(ln) or _LABELLED.match(ln.text)) or _continues_above(lines, j):
                    head = _header_before_remark(ln)
                    if head is None and not hdr and _bullet_header(text, ln):
                        hdr.insert(
                            0, j
                        )  # "• Staff Accountant, Morgan & Finch LLP, Chicago, IL" over "2015 - 2019"
                        break
                    if head is None:
                        break
                    lines[j] = ln = head
                hdr.insert(0, j)
                j -= 1
        aft: list[int] = []
        j = anc.last_idx + 1
        while j < nxt and len(aft) < 2:
            ln = lines[j]
            if not re.search(r"\w", ln.stripped):
                j += 1
                continue
            if not _is_header_like(ln):
                break
            aft.append(j)
            j += 1
        headers.append(hdr)
        afters.append(aft)
        header_starts.append(min([idx, *hdr]))
        used_until = anc.last_idx + 1

    items: list[WorkItem] = []
    for k, anc in enumerate(anchors):
        idx = anc.line_idx
        frags: list[tuple[str, int, int]] = []
        labelled: list[int] = []
        for h in headers[k]:
            if _LABELLED.match(lines[h].text):
                labelled.append(h)
            else:
                frags.extend(_fragments(text, lines[h], None))
        first_ln, last_ln = lines[idx], lines[anc.last_idx]
        own = _fragments(text, first_ln, (anc.dr.start, min(anc.dr.end, first_ln.end)))
        frags.extend(own)
        if anc.last_idx != idx:
            frags.extend(_fragments(text, last_ln, (last_ln.start, anc.dr.end)))
        after_frags: list[tuple[str, int, int]] = []
        for h in afters[k]:
            after_frags.extend(_fragments(text, lines[h], None))
        title, employer, location, conf = _assign(frags, text)
        title = _own_line_title(own, title, employer)
        employer = _own_line_employer(own, title, employer)
        used_after = 0
        named = (
            _named_below(text, lines[afters[k][0]], own, title, employer)
            if afters[k] and location is None and not date_first
            else None
        )
        if named is not None:
            employer, used_after = named, 1
        if date_first or title is None or employer is None:
            t2, e2, l2, c2 = _assign(frags + after_frags, text)
            if date_first or not frags:  # nothing above or beside the date: this block reads date first
                title, employer, location, conf = t2, e2, l2, c2
            else:
                # only lexicon-backed fields from the lines after the date
                if title is None and t2 is not None and looks_like_title(t2[0]) > 0:
                    title = t2
                if (
                    employer is None
                    and e2 is not None
                    and e2 is not title
                    # an organisation word, or a name set before its place on the line under the date
                    # ("Wendle Machine and Tool, Ferndell, NJ")
                    and (
                        looks_like_employer(e2[0]) > 0
                        or (
                            _before_place(e2, l2)
                            and bool(afters[k])
                            and lines[afters[k][0]].start <= e2[1] <= lines[afters[k][0]].end
                        )
                    )
                    and _title_score(e2[0]) < 1.0  # "Financial Planning Analyst" heads the next position
                ):
                    employer = e2
                if location is None:
                    location = l2
            used_after = max(
                (
                    i + 1
                    for i, h in enumerate(afters[k])
                    if any(
                        f is not None and lines[h].start <= f[1] < lines[h].end + 1
                        for f in (title, employer, location)
                    )
                ),
                default=0,
            )
        below = _registered_below(text, lines, afters[k], employer) if not date_first else None
        if below is not None:
            employer, used_after = below, max(used_after, 1)
        if title is None and employer is not None and not date_first:
            title = _slot_title(text, [lines[h] for h in headers[k]], employer)
        block_end_idx = header_starts[k + 1] if k + 1 < len(anchors) else len(lines)
        body_from = (afters[k][used_after - 1] + 1) if used_after else anc.last_idx + 1
        # labelled lines in the header or the block ("Designation: X", "Company: Y") say it outright
        for ln in [lines[h] for h in labelled] + lines[body_from:block_end_idx]:
            lm = _LABELLED.match(ln.text)
            if not lm:
                continue
            key = lm.group("key").lower()
            val = lm.group("val").strip()
            off = ln.start + lm.start("val")
            if key in _TITLE_KEYS:
                if key == "role":
                    val, off = _first_listed_title(val, off)
                weak = title is None or looks_like_title(title[0]) < 1.0 <= looks_like_title(val)
                if (weak or key != "role") and looks_like_title(val) > 0:
                    title = (val, off, off + len(val))
                    conf = max(conf, 0.8)
            elif employer is None or ln.start < lines[idx].start:
                parts = _join_trailing_place(text, _fragments(text, _Line(off, off + len(val), val), None))
                if len(parts) == 1 and _is_location(parts[0][0]):
                    # "Company Name - City, ST", "Company 1 -  Bengaluru, Karnataka -": a placeholder, then the place
                    location = location or parts[0]
                    continue
                if len(parts) == 1 and _ends_in_title_word(val) and looks_like_employer(val) == 0:
                    # "Company Name - Sales Associate": a placeholder, then the title
                    if title is None:
                        title = (val, off, off + len(val))
                    continue
                if len(parts) >= 2 and _place_piece(parts[-1][0].split(",")[-1].strip()):
                    location = location or parts[-1]
                    employer = parts[0]
                else:
                    employer = (val, off, off + len(val))
                conf = max(conf, 0.8)
        desc: list[str] = []
        for ln in lines[body_from:block_end_idx]:
            st = ln.stripped
            if st:
                desc.append(_BULLET_RE.sub("", st, count=1).strip() if _BULLET_RE.match(ln.text) else st)
        if title is None:
            title = _title_opening(text, lines[body_from:block_end_idx])
        block_start_idx = header_starts[k]
        bstart = lines[block_start_idx].start
        bend = lines[block_end_idx - 1].end if block_end_idx - 1 >= block_start_idx else lines[idx].end
        dr = anc.dr
        if title is not None:
            title = _tidy_title(title)
        place_below = bool(afters[k]) and _is_location(lines[afters[k][0]].stripped.rstrip(" .,-"))
        if (
            dr.single
            and title is None
            and not labelled
            # a name over its place ("McDonald's Fast Food Restaurant (2007)" / "Philadelphia, PA") is where one
            # worked
            and not (employer and (_has_legal_form(employer[0]) or (place_below and employer[1] < dr.start)))
        ):
            # a lone year beside a name, with no title, lists a course, an award or a client more often
            # than an employer ("2009 Shaikh Holdings", "Operating Systems (1998)")
            employer = None
        if employer is None and title is not None and items and k > 0:
            employer = _group_employer(lines, items[-1], [lines[h] for h in headers[k]], title)
        if employer is not None:
            employer = _wrapped_employer(text, employer)
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


def _group_employer(
    lines: list[_Line],
    prev: WorkItem,
    header: list[_Line],
    title: tuple[str, int, int],
) -> tuple[str, int, int] | None:
    """ "NORTHWIND TRADERS" / "Regional Sales Manager" / dates / "Sales Representative" / dates: an employer on a
    line of its own above the previous position's title heads the titles under it, until a new one is named.
    Only when this position's header is its title line alone."""
    ev = prev.employer_evidence
    if ev is None or prev.title_evidence is None or ev.start >= prev.title_evidence.start:
        return None
    own = next((ln for ln in lines if ln.start <= ev.start < ln.end + 1), None)
    if own is None or own.stripped != (prev.employer or ""):
        return None
    if any(not (ln.start <= title[1] <= ln.end) for ln in header):
        return None
    return (prev.employer or "", ev.start, ev.end)


def _registered_below(
    text: str, lines: list[_Line], after: list[int], employer: tuple[str, int, int] | None
) -> tuple[str, int, int] | None:
    """A registered company name right under the dates ("Hewlett-Packard Corporation, Palo Alto") that should
    replace an unregistered name read from above ("Network Programming"), or None."""
    if employer is None or not after or _has_legal_form(employer[0]):
        return None
    below = _fragments(text, lines[after[0]], None)
    if below and _has_legal_form(below[0][0]) and _plausible_name(below[0][0]):
        return below[0]
    return None


def _first_listed_title(val: str, off: int) -> tuple[str, int]:
    """ "Role: Business Analyst, Testing and Bug Fixing": the first title of the list, with its offset."""
    pieces = re.split(r",\s+|\s+[-–|]\s+", val.rstrip(" ."))
    first = next((p for p in pieces if looks_like_title(p) > 0), "")
    return first, off + max(val.find(first), 0)


def _own_line_title(
    own: list[tuple[str, int, int]],
    title: tuple[str, int, int] | None,
    employer: tuple[str, int, int] | None,
) -> tuple[str, int, int] | None:
    """A clear title on the date's own line ("Company Name  Nov 1994 to Jan 2007  Fitness Instructor") heads the
    position, before one read from the lines above (often the last line of the previous description). A title
    cut from a fragment of that line ("Executive Secretary" of "Executive Secretary of the X Conference") stays."""
    if title is None or title in own or any(f[1] <= title[1] and title[2] <= f[2] for f in own):
        return title
    for f in own:
        if (
            f != employer
            and _title_score(f[0]) >= 1.0
            and looks_like_employer(f[0]) == 0
            and _plausible_name(f[0])
        ):
            return f
    return title


def _named_below(
    text: str,
    line: _Line,
    own: list[tuple[str, int, int]],
    title: tuple[str, int, int] | None,
    employer: tuple[str, int, int] | None,
) -> tuple[str, int, int] | None:
    """ "Managed budget" / "English Teacher Aug 2012 to Oct 2013" / "Northwind Traders - Reno, NV": when the title
    stands on the date's line and the employer was only guessed from a line above it (no organisation word, no
    place beside it; often the last line of the entry above or of a skills list), a name set before its place on
    the line under the date is the employer."""
    if (
        title is None
        or employer is None
        or employer[1] >= title[1]
        or looks_like_employer(employer[0]) > 0
        or not any(f[1] <= title[1] and title[2] <= f[2] for f in own)
    ):
        return None
    t2, e2, l2, _c = _assign(_fragments(text, line, None), text)
    if e2 is None or e2 is t2 or not _before_place(e2, l2) or _title_score(e2[0]) > 0:
        return None
    return e2


def _bullet_header(text: str, ln: _Line) -> bool:
    """A list item right above a date that reads as a whole header: a clear title, and an organisation or a
    place ("• Staff Accountant, Morgan & Finch LLP, Chicago, IL")."""
    if not _BULLET_RE.match(ln.text) or len(ln.stripped) > 90 or ln.stripped.endswith("."):
        return False
    frags = _fragments(text, ln, None)
    if not frags or _title_score(frags[0][0]) < 1.0 or len(frags) < 2:
        return False
    return any(looks_like_employer(f[0]) > 0 or _is_location(f[0]) for f in frags[1:])


def _indent(s: str) -> int:
    return len(s.expandtabs(8)) - len(s.expandtabs(8).lstrip())


def _indented_under(ln: _Line, anchor: _Line, dr: DateRange) -> bool:
    """ "2016 - 2019    Front Desk Manager" / "               Fabrikam Hotels": when the dates open their line, a
    line indented past the date column continues the entry above it."""
    if anchor.text[: max(0, dr.start - anchor.start)].strip():
        return False
    return _indent(ln.text) >= _indent(anchor.text) + 4


_REMARK_DASH = re.compile(r"\s+(?:—|--|–)\s+")


def _header_before_remark(ln: _Line) -> _Line | None:
    """A header line that runs on into a remark after a long dash ("XYZ ASSOCIATES, Sometown, NY — PR firm
    serving small businesses"): the part before the dash, when it reads "Employer, City, ST"."""
    m = _REMARK_DASH.search(ln.text)
    if m is None:
        return None
    head = _Line(ln.start, ln.start + m.start(), ln.text[: m.start()])
    parts = [p.strip() for p in head.text.split(",")]
    if len(parts) < 2 or not _is_header_like(head) or not _is_location(", ".join(parts[-2:]).strip()):
        return None
    return head


def _own_line_employer(
    own: list[tuple[str, int, int]],
    title: tuple[str, int, int] | None,
    employer: tuple[str, int, int] | None,
) -> tuple[str, int, int] | None:
    """When the date's own line holds the title, an organisation named there too is the employer ("English
    Teacher, Orrin High School, Orrin, Nebraska, 1995-1998"), before one read from the lines above (often the
    last line of the previous description: "Led the Winter Arts Night for Calder Middle School")."""
    if title is None or title not in own or employer is None or employer in own:
        return employer
    for f in own:
        if f is not title and looks_like_employer(f[0]) > 0 and _title_score(f[0]) < 1.0 and _good_org(f[0]):
            return f
    return employer


# a line that stops on a joining word ("Office of the Wisconsin Commissioner of", "attorneys Wendel &") runs on
_JOINER_END = re.compile(r"(?:(?<=\s)(?:of|and|for|the|de)|&)[ \t]*$")
# what separates the pieces of a header line (the last piece follows the last of them)
_PIECE_SEP = re.compile(r"[,;:)\t]|\s[-–—|/]\s|[ \t]{2}")
_CAPS_RUN = re.compile(
    r"[A-Z][A-Z&'\-]+(?:[ \t]+(?:[A-Z][A-Z.&'\-]*|\([A-Z]{2,8}\)))*(?=[ \t]*(?:\.[ \t]|[.,]?$|[,(]))"
)
_NAME_RUN = re.compile(r"[A-Z][\w.&'\-]*(?:[ \t]+(?:[A-Z][\w.&'\-]*|of|and|&|for|the)){0,4}")


def _wrapped_employer(text: str, emp: tuple[str, int, int]) -> tuple[str, int, int]:
    """An employer's name that a PDF wrapped onto two lines, whole again: "Blasil" / "Systems, Aberdeen, MO",
    "Office of the Wisconsin Commissioner of" / "Securities, Madison", "Freelance developer / International" /
    "Partouche Technologies". Joined only where one side cannot stand alone: a line that stops on a joining
    word, or a generic organisation word read as the name ("Systems", "International")."""
    name, a, b = emp
    ls = text.rfind("\n", 0, a) + 1
    lone_word = " " not in name and name.lower().rstrip(".") in ORG_WORDS
    if ls >= 2 and not text[ls:a].strip() and text[ls - 2] != "\n":
        above_start = text.rfind("\n", 0, ls - 1) + 1
        above = text[above_start : ls - 1].rstrip()
        joiner = _JOINER_END.search(above) is not None
        cut = max((m.end() for m in _PIECE_SEP.finditer(above)), default=0) if joiner or lone_word else -1
        piece = above[cut:].strip() if cut >= 0 else ""
        if (
            piece
            and len(piece) <= 60
            and (joiner or _NAME_RUN.fullmatch(piece))
            and piece[:1].isalpha()
            and not _is_location(piece)
            and _title_score(piece) == 0
            and not _FOUR_DIGITS.search(piece)
        ):
            start = above_start + above.index(piece, cut)
            return (f"{piece} {name}", start, b)
    le = text.find("\n", b)
    if le < 0 or text[b:le].strip() or _has_legal_form(name):
        return emp
    ne = text.find("\n", le + 1)
    below = text[le + 1 : ne if ne >= 0 else len(text)]
    if lone_word or _JOINER_END.search(name):
        m2 = _NAME_RUN.match(below)
        if m2 and looks_like_employer(m2.group(0)) > 0 and not _is_location(m2.group(0)):
            return (f"{name} {m2.group(0)}", a, le + 1 + m2.end())
    elif name.isupper():
        # a capitals header wrapped in the name ("LEGAL OFFICER, VICTORIAN" / "EQUAL OPPORTUNITY BOARD. My ...",
        # "PRINCIPAL LEGAL OFFICER, NATIVE TITLE SERVICES" / "VICTORIA LTD (NTSV)"): capitals that open the next
        # line and end there or at a full stop go on with it, unless they read as a title or a place
        m3 = _CAPS_RUN.match(below)
        if (
            m3
            # the name alone names no organisation, or what follows ends one
            and (looks_like_employer(name) == 0 or _has_legal_form(m3.group(0)))
            and _title_score(m3.group(0)) == 0
            and classify_heading(below) is None
            and not _is_location(m3.group(0))
        ):
            return (f"{name} {m3.group(0)}", a, le + 1 + m3.end())
    return emp


def _continues_above(lines: list[_Line], j: int) -> bool:
    """Line j ends a sentence wrapped from the line above ("• Worked on tools (Task\nManager, Analyzer)."):
    the line above is a long bullet or sentence left open, and line j closes it."""
    if j == 0 or not lines[j - 1].stripped:
        return False
    above, s = lines[j - 1], lines[j].stripped
    open_above = not above.stripped.endswith((".", ":", ";")) and (
        bool(_BULLET_RE.match(above.text)) or len(above.stripped) > 60
    )
    return open_above and s.endswith((".", ")", ").", ","))


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


def _intervals(items: list[WorkItem], today: date, *, lenient: bool = False) -> list[tuple[int, int]]:
    out = []
    for w in items:
        end = w.end
        if lenient and end is not None and end.month is None:
            # a year-only end may mean December: for gaps, give it the benefit of the doubt
            end = PartialDate(year=end.year, month=12)
        iv = interval(w.start, end, w.current, today=today)
        if iv:
            out.append(iv)
    return out


def without_own_name(
    items: list[WorkItem], name: str | None, *, name_at: int | None = None
) -> list[WorkItem]:
    """Positions without the candidate's own name read as an employer (a page header such as "Jane Doe /
    Tel: ..." over a position): the employer is cleared; the position keeps its title and dates. `name_at`, where
    the name was read: an employer read at that very place stays, since there the name reader took the employer's
    line for a name ("Harbourline Retail – City , State" under a dated title in a resume with no name)."""
    key = norm_key(name)
    if not key or not any(norm_key(w.employer) == key for w in items):
        return items
    return [
        w.model_copy(update={"employer": None, "employer_evidence": None})
        if norm_key(w.employer) == key
        and (name_at is None or w.employer_evidence is None or w.employer_evidence.start != name_at)
        else w
        for w in items
    ]


def total_months(items: list[WorkItem], *, today: date | None = None) -> int:
    """Months covered by the positions, overlaps merged (never summed)."""
    merged = merge_intervals(_intervals(items, today or date.today()))
    return sum(b - a for a, b in merged)


def find_gaps(items: list[WorkItem], *, today: date | None = None, min_gap: int = 3) -> list[Gap]:
    """Holes of at least `min_gap` months between positions (after merging overlaps)."""
    merged = merge_intervals(_intervals(items, today or date.today(), lenient=True))
    gaps: list[Gap] = []
    for (_a1, b1), (a2, _b2) in itertools.pairwise(merged):
        if a2 - b1 >= min_gap:
            gaps.append(Gap(start=ordinal_to_date(b1), end=ordinal_to_date(a2 - 1), months=a2 - b1))
    return gaps


_PROSE_SECTIONS = {"experience", "summary", "header"}
_TITLE_TAIL = r"(?P<title>(?:[A-Z][\w.&/\-]*[ \t]+){0,4}[A-Z][\w.&/\-]*)"
# "Associate Software Engineer at Oracle India Pvt Ltd", "Senior Analyst with Deloitte"
# Each prose pattern opens with a lookahead on the characters it can start with (case folding included:
# "ſ" folds to "s", "İ" and "ı" to "i"): the scan then skips other positions fast; the matches are the same.
_TITLE_AT_RE = re.compile(
    rf"(?=[A-Za])(?<![\w.])(?:(?i:as)\s+(?:an?\s+|the\s+)?)?{_TITLE_TAIL}\s+(?P<prep>at|with|@|in)\s+(?:the\s+)?{_ORG}"
)
# "5 years of experience as a record producer", "career as an Administrator and Educator"
_EXP_AS_RE = re.compile(
    r"(?=[EeCcPpRrSsſTtWwHhJj\d])\b(?i:experience|career|positions?|roles?|stint|tenure|work(?:ed|ing)|serv(?:ed|ing)|employed|hired|joined|"
    r"practi[cs](?:e|ed|ing)|\d+\+?\s+(?:years?|yrs)|expertise|success)\s+(?i:as)\s+(?:an?\s+|the\s+)?"
    r"(?P<title>[A-Za-z][\w.&/\-]*(?:[ \t]+[A-Za-z][\w.&/\-]*){0,4})"
)
# "Promoted from Software Engineer Trainee to Software Developer", "promoted to Team Leader"
_WORDS5 = r"[A-Za-z][\w.&/\-]*(?:[ \t]+[A-Za-z][\w.&/\-]*){0,4}"
_PROMOTED_RE = re.compile(
    rf"\b(?i:promoted)\s+(?:(?i:from)\s+(?:(?i:an?|the)\s+)?(?P<a>{_WORDS5})\s+)?(?i:to)\s+"
    rf"(?:(?i:the\s+(?:position|role|post)\s+of)\s+|(?i:an?|the)\s+)?(?P<b>{_WORDS5})"
)
# "worked for / at / with ORG", "experience in / at ORG" (a title may follow: "... as Phone Banker")
_WORKED_AT_RE = re.compile(
    rf"(?=[WwEeSsſIiİı])\b(?i:work(?:ed|ing)|employed|serv(?:ed|ing)|experience|internship|interned)\s+(?i:for|at|with|in)\s+"
    rf"(?:the\s+)?{_ORG}"
)
# a summary that opens with the title: "Consultant with 5.8 years of experience", "A Marketing professional with
# 5+ years in ..."
_TITLE_YEARS_RE = re.compile(
    r"(?m)^[ \t•\-*]*(?:(?i:an?)\s+)?(?P<title>[A-Za-z][\w.&/\-]*(?:[ \t]+[A-Za-z][\w.&/\-]*){0,4})\s+(?i:with)\s+"
    r"(?i:(?:over|more than|around|about|nearly|almost|close to)\s+)?\d[\d.]*\s*\+?\s*(?i:years?|yrs)"
)
# "Past Organization: Tata Consultancy Services as SAP CRM functional consultant"
_ORG_AS_RE = re.compile(
    rf"(?i:organi[sz]ations?|company|employer)\s*:\s*{_ORG}\s*,?\s+(?i:as)\s+(?:an?\s+|the\s+)?{_TITLE}"
)
_TITLE_KEYS = {
    "designation",
    "position",
    "position held",
    "post",
    "post held",
    "title",
    "job title",
    "role",
    *(f"{w} {k}" for w in ("current", "present", "last") for k in ("designation", "position", "role")),
}


_WORD_RUN = re.compile(r"\S+")


def _trim_title(title: str) -> str | None:
    """The title up to its last title word ("Software Engineer" of "Software Engineer since"), or None. It is cut
    out of `title` as written (the gaps between its words kept), so callers find it there at its first word."""
    words = list(_WORD_RUN.finditer(title))
    while words and not is_title_word((w := words[-1].group().lower()).strip(".,")) and w not in TITLE_WORDS:
        words.pop()
    if not words or len(words) > 6:
        return None
    return title[words[0].start() : words[-1].end()].rstrip(".,;:")


_WIDE_GAP = re.compile(r"[ \t]*\t[ \t]*| {2,}")


def _single_spaced(s: str) -> str:
    """`s` with each run of spaces or tabs between its words read as one space ("Sales  Manager")."""
    return _WIDE_GAP.sub(" ", s) if "  " in s or "\t" in s else s


_LEGAL_FORMS = word_set("inc inc. corp corp. corporation ltd ltd. llc llp plc pvt limited gmbh co co.")


def _has_legal_form(s: str) -> bool:
    """ "Minolta Corporation", "Acme Tools, Inc.": a registered company name ("Denver, CO" is Colorado)."""
    if _STATE_AFTER_COMMA.search(s):
        return False
    return any(w.lower().strip(",") in _LEGAL_FORMS for w in s.split()[1:])


_STATE_AFTER_COMMA = re.compile(r",\s*[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?$")


_COURSE_CODE = re.compile(r"\b[A-Z]{2,5}[ \t]?\d{3,4}[A-Z]?\b")
_PAREN_TAIL = re.compile(r"\s*\([^()]*\)?\s*$")


def _tidy_title(t: tuple[str, int, int]) -> tuple[str, int, int]:
    """A title without a trailing qualifier in brackets ("Special Education Teacher (Summer Program)",
    "Senior Consultant (Houston"); a one-word abbreviation stays ("Shift Manager (OCSM)"). Dates written into
    the title ("Dealer Operations Manager, 1996 to 1997") are cut off."""
    code = _COURSE_CODE.search(t[0])
    if code and code.start() > 0 and looks_like_title(t[0][: code.start()].rstrip(" ,;:-–(")) >= 1.0:
        # "Instructor, COMP 1120 Composition": the course taught, not the title
        head = t[0][: code.start()].rstrip(" ,;:-–(")
        t = (head, t[1], t[1] + len(head))
    ranges = find_date_ranges(t[0])
    if ranges and ranges[0].start > 0:
        head = t[0][: ranges[0].start].rstrip(" ,;:-–(")
        if looks_like_title(head) > 0:
            t = (head, t[1], t[1] + len(head))
    m = _PAREN_TAIL.search(t[0])
    if m is None or m.start() == 0:
        return t
    head = t[0][: m.start()].rstrip()
    inner = t[0][m.start() :].strip(" ()")
    if looks_like_title(head) < 1.0 or (inner.isupper() and len(inner.split()) == 1):
        return t
    return (head, t[1], t[1] + len(head))


def _item(
    text: str, title: tuple[str, int] | None, employer: tuple[str, int] | None, conf: float
) -> WorkItem:
    if title is not None:
        tidy = _tidy_title((title[0], title[1], title[1] + len(title[0])))
        title = (tidy[0], tidy[1])
    spans = [(f[1], f[1] + len(f[0])) for f in (title, employer) if f]
    lo = min(a for a, _ in spans)
    hi = max(b for _, b in spans)
    return WorkItem(
        title=_single_spaced(title[0]) if title else None,
        employer=employer[0] if employer else None,
        title_evidence=Span.of(text, title[1], title[1] + len(title[0])) if title else None,
        employer_evidence=Span.of(text, employer[1], employer[1] + len(employer[0])) if employer else None,
        evidence=Span.of(text, lo, hi),
        confidence=conf,
    )


_DATEISH = re.compile(r"\b(?:19|20)(?:\d\d|XX)\b|\[year|\bpresent\b|\d{3,}", re.IGNORECASE)
# a wish, not a position held ("Seeking a position as a Web Developer at ...")
_WISH = re.compile(
    r"\b(?:seek(?:s|ing)?|obtain|looking|look for|desire|aspire|aspiring|want|wish|apply|applying|objective|"
    r"targeting|interested in|search(?:ing)? for|in search of|"  # the wishes parsers.objectives reads too
    r"to get|to work|to secure|to join|to be|to become)\b[^.\n]{0,80}$",
    re.IGNORECASE,
)


def _org_cut(org: str) -> str:
    """An organisation name ends at a sentence break ("Walrus Systems. Knowledgeable of ...")."""
    m = re.search(r"(?<=[a-z]{3})\.\s+(?P<w>[A-Z][a-z]+)", org)
    if m and m.group("w").lower() not in ORG_WORDS:
        org = org[: m.start()]
    return org.rstrip(" .,;:")


def _is_wish(text: str, pos: int) -> bool:
    line_start = max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos), pos - 120)
    return _WISH.search(text[max(0, line_start) : pos]) is not None


def _org_ends_cleanly(text: str, end: int) -> bool:
    """The organisation match was not cut short: "Fortune 500", "Form:Media" are not "Fortune", "Form"."""
    return not re.match(r"\s*\d|:\w|-\w", text[end : end + 3])


def _good_org(org: str) -> bool:
    return (
        len(org) >= 2
        and not _DATEISH.search(org)
        and not _NOISE_FRAG.match(org)
        and not org.endswith("-")
        and not re.search(r"\w-\s", org)  # "CFO- and CIO-level": a suspended hyphen, not a name
        and _plausible_name(org)
        and not _is_location(org)
        and (looks_like_title(org) == 0 or looks_like_employer(org) > 0)
        and not _is_known_skill(org)
    )


def _undated_positions(text: str, sections: list[Section], dated: list[WorkItem]) -> list[WorkItem]:
    """Positions the text states without a date range: labelled "Designation:" / "Company:" lines, undated
    "Title, Employer" headers in an experience section, and prose ("experience as a Web Developer",
    "Associate Engineer at Oracle India"). Confidence 0.3-0.45 (0.25 for a role line inside a dated block): no
    dates, and prose may describe a wish."""
    out: list[WorkItem] = []
    covered = [(w.evidence.start, w.evidence.end) for w in dated if w.evidence and w.dates_evidence]
    # the lines a dated position was read from (its title, employer and dates)
    read = [ev.start for w in dated for ev in (w.title_evidence, w.employer_evidence, w.dates_evidence) if ev]

    def inside(pos: int) -> bool:
        return any(a <= pos < b for a, b in covered)

    for sec in sections:
        if sec.kind not in _PROSE_SECTIONS:
            continue
        lines = _lines(text, sec.start, sec.end)
        # labelled lines: a title label and an employer label within a few lines make one position
        pending_title: tuple[str, int] | None = None
        pending_emp: tuple[str, int] | None = None
        last_idx = -10
        for i, ln in enumerate(lines):
            lm = _LABELLED.match(ln.text)
            if not lm or inside(ln.start):
                continue
            key = lm.group("key").lower()
            val = _clean_frag(lm.group("val"))
            off = text.find(val, ln.start, ln.end + 1) if val else -1
            if off < 0:
                continue
            if i - last_idx > 4 and (pending_title or pending_emp):
                out.append(_item(text, pending_title, pending_emp, 0.4))
                pending_title = pending_emp = None
            if key in _TITLE_KEYS:
                # "Role: Architect, Lead Developer Flash/PHP": the first title of a list
                val = next((p for p in re.split(r",\s+|\s+[-–|]\s+", val) if looks_like_title(p) > 0), "")
                # "Role: Sole Android developer within a larger team": the title, not the clause
                val = re.split(r"\s+(?:within|with|for|in|at|on|to)\s+(?=[a-z])", val)[0]
                if not val or pending_title:
                    continue
                pending_title = (val, off)
            else:
                val = _SPLIT_RE.split(val, maxsplit=1)[0].strip()
                if pending_emp or not _good_org(val):
                    continue
                pending_emp = (val, off)
            last_idx = i
        if pending_title or pending_emp:
            out.append(_item(text, pending_title, pending_emp, 0.4))
        if sec.kind == "experience":
            out.extend(_undated_headers(text, lines, inside, read))
        out.extend(_prose_mentions(text, sec))
    return out


def _undated_headers(
    text: str, lines: list[_Line], inside: Callable[[int], bool], read: list[int] | None = None
) -> list[WorkItem]:
    """Header lines of an experience section that no dated position took: "Title, Employer, City" on one
    line, or a title line followed by an "Employer - City" line (Indeed exports). Inside a dated position's
    block, a line that opens with a clear title is a further role held there ("Product Marketer - Studio",
    "Lecturer in Law, Acme University"), unless the position was read from that line."""
    out: list[WorkItem] = []
    nonblank = [ln for ln in lines if ln.stripped]
    skip: set[int] = set()
    for k, ln in enumerate(nonblank):
        if k in skip or not _is_header_like(ln) or _LABELLED.match(ln.text):
            continue
        if inside(ln.start):
            if any(ln.start <= p <= ln.end for p in read or ()):
                continue
            if not any(is_title_word(w.strip("-'&")) for w in lower_words(ln.text)):
                emp = _sub_employer(text, ln)
                if emp is not None:
                    out.append(_item(text, None, emp, 0.25))
                continue
            out.extend(_sub_role(text, ln))
            continue
        ws = lower_words(ln.text)
        # cheap test first: a header names a title (every undated item needs one)
        if not any(is_title_word(w) for w in ws) or find_date_ranges(ln.text):
            continue
        frags = _fragments(text, ln, None)
        title, employer, _loc, _conf = _assign(frags)
        if title and looks_like_title(title[0]) < 1.0:
            title = None
        if employer and not _good_org(employer[0]):
            employer = None
        if employer and looks_like_employer(employer[0]) == 0:
            # without an organisation word, only the fragment right after a clear title is its employer
            nxt_frag = next((f for f in frags if f[1] > (title[1] if title else len(text))), None)
            if nxt_frag is None or nxt_frag[1] != employer[1]:
                employer = None
        if title and employer:
            out.append(_item(text, (title[0], title[1]), (employer[0], employer[1]), 0.35))
            continue
        if title and len(frags) == 1 and k + 1 < len(nonblank):
            nxt = nonblank[k + 1]
            # Indeed: "Title" then "Employer - City, State -" (the trailing dash is the export's)
            if _is_header_like(nxt) and re.search(r"\s[-–]\s*$|\s[-–]\s+[A-Z]", nxt.text):
                f2 = _fragments(text, nxt, None)
                if f2 and _good_org(f2[0][0]) and not _is_location(f2[0][0]):
                    out.append(_item(text, (title[0], title[1]), (f2[0][0], f2[0][1]), 0.35))
                    skip.add(k + 1)
                    continue
        if title and len(frags) == 1 and title[0] == ln.stripped and _lone_title_ok(title[0]):
            # a line that is only a title ("Student Teacher") heads an undated position; an "Employer, City, ST"
            # line right above it names where ("Teach for America, Miami, FL" / "English Teacher")
            above = (
                _employer_place_line(text, nonblank[k - 1])
                if k > 0 and not inside(nonblank[k - 1].start)
                else None
            )
            out.append(_item(text, (title[0], title[1]), above, 0.3 if above is None else 0.35))
    return out


def _employer_place_line(text: str, ln: _Line) -> tuple[str, int] | None:
    """The employer of a line that reads "Employer, City, ST" (or "Employer - City, Country"): a name, then a
    place, and nothing else."""
    if not _is_header_like(ln) or _LABELLED.match(ln.text) or find_date_ranges(ln.text):
        return None
    frags = _fragments(text, ln, None)
    if len(frags) != 2 or not (_is_location(frags[1][0]) or _place_piece(frags[1][0])):
        return None
    name = frags[0]
    if not _good_org(name[0]) or _title_score(name[0]) > 0 or _is_location(name[0]):
        return None
    return (name[0], name[1])


_YEAR_TAIL = re.compile(r"\s*\(?\s*(?:19|20)\d\d\s*\)?\s*$")


def _sub_employer(text: str, ln: _Line) -> tuple[str, int] | None:
    """An employer line inside a position's block that no position was read from: a registered name alone
    ("Automatic Data Processing, Inc.", "Children Toys, Inc. (2005)"), with no title word; never a sentence or
    a field line."""
    s = ln.stripped
    if ":" in s or s.endswith((";", ",")) or _BULLET_RE.match(ln.text):
        return None
    name = _YEAR_TAIL.sub("", s).rstrip(" ,")
    if not name or len(name.split()) > 7 or not _has_legal_form(name) or not _good_org(name):
        return None
    if is_sentence(name) or any(w[:1].islower() and w not in _MINOR_WORDS for w in name.split()):
        return None
    return (name, text.find(name, ln.start, ln.end + 1))


def _sub_role(text: str, ln: _Line) -> list[WorkItem]:
    """A role line inside a position's block: it opens with a clear title, and may name where ("Product
    Marketer - GoCD Studio", "Senior Consultant, Risk Unit") or a second role ("Business Analyst - Channel
    Support Specialist"); never a sentence or a long list."""
    s = ln.stripped
    if s.endswith((".", ";", ":", "/", ",")) or ":" in s:
        return []  # a sentence, a field line ("Server : IIS") or a wrapped list
    frags = _fragments(text, ln, None)
    if not frags or len(frags) > 4 or frags[0][1] - ln.start > len(ln.text) - len(ln.text.lstrip()):
        return []
    first = frags[0]
    words = first[0].split()
    if (
        len(words) < 2  # a lone word ("Programmer") inside a block is as often a column or a topic
        # set as a heading: every word capitalized ("Natural leader", "Skilled negotiator" are strengths)
        or not all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _MINOR_WORDS for w in words)
        # led by a verb: "Reported to Vice President", "Promoted to Executive Assistant", "Oversaw Staff"
        or _verb_led(words)
        or _title_score(first[0]) < 1.0
        or not _lone_title_ok(first[0])
        or is_sentence(first[0])
        or find_date_ranges(s)
    ):
        return []
    title, employer, _loc, _conf = _assign(frags)
    if title is None or title[1] != first[1]:
        return []
    # the employer must be the line's second fragment (a title split from its institution gives one fragment)
    if employer is not None and (not _good_org(employer[0]) or len(frags) < 2 or employer[1] != frags[1][1]):
        employer = None
    # 0.25: a role named inside another position's block, without dates of its own, is the weakest evidence of
    # what the candidate does (ranking may leave such roles out of title matching)
    out = [_item(text, (title[0], title[1]), (employer[0], employer[1]) if employer else None, 0.25)]
    if employer is None and len(frags) == 2 and _co_role_ok(frags[1][0]):
        out.append(_item(text, (frags[1][0], frags[1][1]), None, 0.25))
    return out


# participles that open titles ("Licensed Practical Nurse", "Certified Nursing Assistant")
_TITLE_PARTICIPLES = word_set(
    "licensed certified registered qualified chartered accredited advanced appointed elected acting"
)


def _verb_led(words: list[str]) -> bool:
    """The phrase opens with a verb: a past form ("Promoted", "Oversaw") or "Report(s) to"."""
    first = words[0].lower().strip(".,")
    if len(words) > 1 and words[1].lower() == "to":
        return True
    return (first.endswith("ed") and first not in _TITLE_PARTICIPLES) or first in _PAST_VERBS


def _verb_then_object(s: str) -> bool:
    """A duty, not a title: a past verb, then a lower-case word ("Supervised duties of Certified Nursing
    Assistants", "Reported to Assistant Controller"); "Embedded Developer", "Licensed practical nurse" are
    titles."""
    words = s.split(" ", 2)
    if len(words) < 2 or not words[1][:1].islower():
        return False
    first = words[0].lower()
    return (
        len(first) > 4 and first.endswith("ed") and first not in _TITLE_PARTICIPLES
    ) or first in _PAST_VERBS


_PAST_VERBS = word_set("oversaw led ran built made wrote taught drove won grew")


# words that are titles only with a qualifier ("IT Professional", "Staff Nurse"); alone they are headings
_GENERIC_TITLE_WORDS = word_set(
    "professional professionals member members staff expert experts worker workers engineers developers "
    "employee employees "
    "internship head lead leader senior junior sr jr executive partner"
)


def _lone_title_ok(title: str, *, prose: bool = False) -> bool:
    """A title that can stand alone: short, no digits, not a bare generic word; outside prose, capitalized."""
    words = title.split()
    if len(words) > 5 or any(ch.isdigit() for ch in title) or not (prose or _plausible_name(title)):
        return False
    if len(words) == 1:
        return not title.isupper() and title.lower() not in _GENERIC_TITLE_WORDS
    return True


def _prose_mentions(text: str, sec: Section) -> list[WorkItem]:
    out: list[WorkItem] = []
    for m in _TITLE_AT_RE.finditer(text, sec.start, sec.end):
        title = _trim_title(m.group("title"))
        org = _org_cut(_ORG_TAIL.sub("", m.group("org") or ""))
        if (
            not title
            or not title.split()[-1][:1].isupper()
            or not _good_org(org)
            or not _lone_title_ok(title)
            or not _org_ends_cleanly(text, m.start("org") + len(org))
        ):
            continue
        if _is_wish(text, m.start()) or re.match(
            r"\s+(?:team|group|department|division|unit)\b", text[m.end("org") :]
        ):
            continue
        if m.group("prep") == "in" and looks_like_employer(org) == 0:
            continue
        t_start = m.start("title") + m.group("title").index(title)
        out.append(_item(text, (title, t_start), (org, m.start("org")), 0.4))
    low = text[sec.start : sec.end].lower()
    org_label = ":" in low and ("compan" in low or "employer" in low or "organi" in low)
    for m in _ORG_AS_RE.finditer(text, sec.start, sec.end) if org_label else ():
        title = _trim_title(m.group("title"))
        org = _ORG_TAIL.sub("", m.group("org") or "")
        if title and _good_org(org) and _org_ends_cleanly(text, m.start("org") + len(org)):
            out.append(_item(text, (title, m.start("title")), (org, m.start("org")), 0.4))
    for m in _WORKED_AT_RE.finditer(text, sec.start, sec.end):
        # "Worked for National Informatics Centre from Apr 2014", "experience in ADFC as Phone Banker"
        org = _org_cut(_ORG_TAIL.sub("", m.group("org") or ""))
        if (
            not _good_org(org)
            or _is_wish(text, m.start())
            or not _org_ends_cleanly(text, m.start("org") + len(org))
        ):
            continue
        after = text[m.start("org") + len(org) : m.start("org") + len(org) + 60]
        if re.match(r"\s+(?:team|group|department|division|unit|project|domain|field|area)\b", after, re.I):
            continue
        tm = re.match(rf"\s*,?\s+(?i:as)\s+(?:an?\s+|the\s+)?{_TITLE}", after)
        title = _trim_title(tm.group("title")) if tm else None
        dated = re.match(
            r"\s*(?:,\s*[A-Z][A-Za-z .]{1,30}?)?\s*(?:,\s*)?(?i:since|from|till|until|between|during|in\s+(?:19|20)\d\d)\b",
            after,
        )
        if title is None and not (looks_like_employer(org) > 0 or dated):
            continue
        if title is None and re.match(r"(?i)experience\s+(?:in|with)", m.group(0)):
            continue  # "experience in Shared Services", "experience with Microsoft BI": a field or a tool
        t = (title, m.start("org") + len(org) + tm.start("title")) if tm and title else None
        out.append(_item(text, t, (org, m.start("org")), 0.35))
    for m in _EXP_AS_RE.finditer(text, sec.start, sec.end):
        title = _prose_title(m.group("title"))
        if title and not _is_wish(text, m.start()):
            out.append(_item(text, (title, m.start("title")), None, 0.3))
    for m in _PROMOTED_RE.finditer(text, sec.start, sec.end) if "promoted" in low else ():
        for g in ("a", "b"):
            title = _prose_title(m.group(g) or "")
            if title:
                out.append(_item(text, (title, m.start(g)), None, 0.3))
    return out


def _prose_title(raw: str) -> str | None:
    """The title a prose mention names, or None: it ends before a clause ("a team member performing cashier
    duties", "Software Developer in March 2010") and must read as a title."""
    title = _trim_title(re.sub(r"(?<=\S)\s+(?:[a-z]+ing|between|for|to|with|on|in|from|at)\b.*$", "", raw))
    if title and looks_like_title(title) > 0 and _lone_title_ok(title, prose=True):
        return title
    return None
