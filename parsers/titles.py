"""What a job title and an organisation name look like: the title and employer lexicon of the work-history,
contact, referee and objective readers, and where a short phrase's whole job title stands.

`looks_like_title` and `looks_like_employer` score a phrase 0..1 from small word lists (title words: engineer,
manager, teacher ...; organisation words: Ltd, Inc, Technologies, University ...); `lower_words` reads a phrase's
words with the spaces a PDF lost put back ("Sr.Consultant", "Director ofNursing"); `title_span` finds the whole
title in a phrase ("Leader Developer" of "Leader Developer Flash").
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "KNOWN_EMPLOYERS",
    "ORG_WORDS",
    "TITLE_WORDS",
    "is_sentence",
    "is_title_word",
    "looks_like_employer",
    "looks_like_title",
    "lower_words",
    "norm_key",
    "plural_head",
    "respaced",
    "title_of_field",
    "title_span",
    "word_set",
]


def norm_key(s: str | None) -> str:
    """A title's or employer's comparison key: lower case, runs of other characters as one space."""
    return re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).strip()


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list, as a set."""
    return frozenset(words.split())


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z.&'\-]*")

TITLE_WORDS = word_set(
    """
    accountant actuary admin administrator adviser advisor agent aide ambassador analyst apprentice
    architect archivist artist assistant associate attendant attorney auditor banker barista bartender
    bookkeeper broker buyer cadet captain caregiver carpenter cashier ceo cfo chancellor chef chief
    clerk co-founder coach commander concierge consul consultancy consultant contractor controller coo
    cook coordinator counsellor counselor courier cto curator dba dean dentist designer developer
    developers devops dietitian diplomat director dispatcher doctor drafter draftsman driver economist
    editor electrician engineer engineers estimator executive expert fellow fitter foreman founder
    freelance freelancer guard handler head headmaster helper host hostess housekeeper hr hygienist
    inspector instructor intern internship interpreter investigator janitor journalist jr junior laborer
    labourer lawyer lead leader lecturer librarian lieutenant machinist manager marketer mason
    mathematician mechanic member merchandiser midwife minister mts nanny nurse nutritionist officer
    operator optometrist owner packer painter paralegal paramedic partner pastor pathologist pharmacist
    phlebotomist photographer physician pilot planner plumber pm porter postdoc president priest
    principal producer professional professor programmer provost psychiatrist psychologist qa
    radiologist receptionist recruiter registrar reporter representative researcher rigger roofer
    salesman salesperson scheduler scientist sde sdet secretary senior sergeant server sme smts soldier
    sonographer specialist sr staff statistician steward stewardess storekeeper strategist stylist
    superintendent supervisor surgeon surveyor swe teacher technician technologist teller tester
    therapist tl trainee trainer translator treasurer tutor underwriter usher valet veterinarian vice
    volunteer vp waiter welder worker writer
    rep reps advertiser practitioner counsel solicitor barrister ranger mentor sitter babysitter waitress
    adjunct chair chairman chairperson chairwoman educator reviewer negotiator detective facilitator
    judge magistrate notary lifeguard leadman adjuster examiner copywriter
    advocate collector interviewer keyholder
    stocker installer caretaker videographer organizer organiser detailer journeyman cna lpn
    """
)

ORG_WORDS = word_set(
    """
    academy ag agency airlines airways associates authority bank bureau bv capital center centre clinic co co. college
    dept dept.
    communications companies company consultants consulting corp corp. corporation council department
    electronics enterprises financial foundation global gmbh government group healthcare holdings
    hospital hotel hotels inc inc. incorporated industries infosystems infotech institute insurance
    international laboratories labs limited llc llp logistics ltd ltd. media ministry motors network
    networks ngo nv organisation organization partners pharma pharmaceuticals plc private pty pvt pvt.
    resorts restaurant retail sa school services society software solutions studio studios systems
    technologies technology telecom trust university ventures
    """
)

KNOWN_EMPLOYERS = word_set(
    """
    accenture adobe amazon apple capgemini cisco cognizant deloitte disney facebook google hcl ibm
    infosys intel meta microsoft mindtree mphasis oracle sap target tcs walmart wipro
    """
)

_DOT_JOIN = re.compile(r"(?<=[a-z])\.(?=[A-Z][a-z])")  # "Sr.Consultant": a space lost after a dot

# spaces a PDF lost before a capital: "Director ofCareer Services", "StaffNurse" (a title word glued to the word
# before it; "SharePoint", "InfoTech" stay whole)
_OF_JOIN = re.compile(r"\bof(?=[A-Z])")

_GLUED = re.compile(r"\b([A-Z][a-z]+)([A-Z][a-z]+)\b")


def _unglue(m: re.Match[str]) -> str:
    tail = m.group(2).lower()
    return (
        f"{m.group(1)} {m.group(2)}" if tail in TITLE_WORDS or tail.rstrip("s") in TITLE_WORDS else m.group(0)
    )


@functools.lru_cache(maxsize=16384)
def lower_words(s: str) -> tuple[str, ...]:
    """The lower-case words of `s` (cached: header fragments are scored many times over)."""
    if "." in s:
        s = _DOT_JOIN.sub(". ", s)
    if "of" in s:
        s = _OF_JOIN.sub("of ", s)
    s = _GLUED.sub(_unglue, s)
    return tuple(w.lower().strip(".") for w in _WORD_RE.findall(s))


@functools.lru_cache(maxsize=65536)
def is_title_word(w: str) -> bool:
    if w in TITLE_WORDS or w.rstrip("s") in TITLE_WORDS or _agent_noun_ist(w.rstrip("s")):
        return True
    if "-" in w:
        # "co-teacher", "vice-president", "sous-chef", "co-ordinator": a title word after a prefix or a hyphen
        # the PDF set inside it
        head = w.rsplit("-", 1)[1]
        return (len(head) >= 3 and is_title_word(head)) or w.replace("-", "") in TITLE_WORDS
    return False


# "-ist" agent nouns name practitioners ("conservationist", "hygienist", "epidemiologist"); these "-ist" words
# do not
_NOT_AGENT_IST = word_set(
    "checklist playlist wishlist shortlist blacklist whitelist waitlist booklist tourist finalist semifinalist "
    "persist consist"
)


def _agent_noun_ist(w: str) -> bool:
    return len(w) >= 7 and w.endswith("ist") and w.isalpha() and w not in _NOT_AGENT_IST


_ACRONYM_TAIL = re.compile(r"\s*\(\s*[A-Z][A-Za-z&./]{0,9}\s*\)?\s*$")


@functools.lru_cache(maxsize=16384)
def looks_like_title(s: str) -> float:
    """How much `s` reads as a job title, 0..1: 1.0 when it ends in a title word, or when its head before
    "of" does ("Director of Field Operations", "Manager of Services"); 0.7 with a title word elsewhere.
    A trailing abbreviation in brackets may be left out ("Technology Analyst (TA)")."""
    trimmed = _ACRONYM_TAIL.sub("", s)
    return max(
        _title_words_score(lower_words(s)), _title_words_score(lower_words(trimmed)) if trimmed else 0.0
    )


_LEVELS = frozenset({"i", "ii", "iii", "iv"})


def _title_words_score(ws: tuple[str, ...]) -> float:
    if len(ws) > 1 and ws[-1] in _LEVELS:
        ws = ws[:-1]  # "Business Systems Analyst II": a grade after the title word
    if not ws or len(ws) > 9 or not any(is_title_word(w) for w in ws):
        return 0.0
    return 1.0 if is_title_word(ws[-1]) or title_of_field(ws) else 0.7


def title_of_field(ws: tuple[str, ...]) -> bool:
    """ "director of field operations": a title word right before the first "of"."""
    head = ws[: ws.index("of")] if "of" in ws else []
    return bool(head) and is_title_word(head[-1])


@functools.lru_cache(maxsize=16384)
def looks_like_employer(s: str) -> float:
    """How much `s` reads as an organisation name, 0..1."""
    ws = lower_words(s)
    if not ws or len(ws) > 10:
        return 0.0
    if any(w in ORG_WORDS for w in ws):
        return 1.0
    if any(w in KNOWN_EMPLOYERS for w in ws):
        return 0.9
    return 0.0


def plural_head(ws: tuple[str, ...] | list[str]) -> bool:
    """The title word heading the phrase is plural ("WHW Architects", "Directors of Student Teaching"): a firm,
    a team or a list, not one person's title."""
    head = ws[: ws.index("of")] if "of" in ws[1:] else ws
    w = head[-1] if head else ""
    return w.endswith("s") and not w.endswith("ss") and w not in TITLE_WORDS and is_title_word(w[:-1])


# sentence-like fragments are not titles or employers ("for excellence in delivery", "to Apr 2014")
_SENTENCE_START = re.compile(
    r"^(?:for|as|to|and|or|in|on|of|with|by|from|have|has|had|was|were|is|are|worked|working|"
    r"responsible|handling|managing|delivering|involved|currently|presently|since|till|until|during)\b",
    re.IGNORECASE,
)


def is_sentence(s: str) -> bool:
    """A fragment that opens like a sentence; "Managing Director", "Managing Partner" are titles."""
    if not _SENTENCE_START.match(s):
        return False
    return not (s.lower().startswith("managing ") and len(s.split()) <= 4 and looks_like_title(s) >= 1.0)


def respaced(title: str) -> str:
    """A title with the spaces a PDF lost before a capital put back ("Director ofNursing Services" -> "Director of
    Nursing Services", "StaffNurse" -> "Staff Nurse"; see lower_words); the title itself when none was lost."""
    if "of" not in title and not _GLUED.search(title):
        return title
    return _GLUED.sub(_unglue, _OF_JOIN.sub("of ", title))


_PIECE_WORD = re.compile(r"[A-Za-z][\w.&'\-]*")
_MINOR = ("of", "and", "for", "the")
MAX_TITLE_WORDS = 5


# words that open a noun phrase, not a function ("Manager of a busy family restaurant")
_DETERMINERS = word_set("a an the my your our their his her its this that these those all any some every")
OPEN_TAIL_WORDS = 2


def _short_function(tail: list[re.Match[str]]) -> bool:
    """A lower-case function of a word or two after "of" ("Director of operations"), not a described place."""
    return 0 < len(tail) <= OPEN_TAIL_WORDS and not any(w.group(0).lower() in _DETERMINERS for w in tail)


def title_span(
    piece: str, *, skip: frozenset[str] = frozenset(), open_tail: bool = False
) -> tuple[int, int] | None:
    """The span of `piece`'s whole title: from its first word not in `skip` (lower case) to its last title word.

    A function after the title word stays: after "of" or "for", when every later word is capitalised or minor
    ("Head of Marketing", "Director for Sales"); with `open_tail` (a phrase already cut at its clause's end),
    after "of" also a lower-case function of a word or two ("Director of operations"), never a phrase opening
    with an article ("Manager of a busy family restaurant" keeps "Manager"). None when no whole title is there: more than five words, not
    ending in a title word, a plural head, reading more as an organisation than a title, or holding a digit."""
    words = list(_PIECE_WORD.finditer(piece))
    while words and words[0].group(0).lower() in skip:
        words.pop(0)
    end = len(words)
    while end and not is_title_word(words[end - 1].group(0).lower().strip(".,")):
        end -= 1
    if end and end < len(words):
        nxt = words[end].group(0).lower()
        capitalised_tail = all(
            w.group(0)[:1].isupper() or w.group(0).lower() in _MINOR for w in words[end + 1 :]
        )
        if (open_tail and nxt == "of" and (capitalised_tail or _short_function(words[end + 1 :]))) or (
            not open_tail and nxt in ("of", "for") and capitalised_tail
        ):
            end = len(words)
    words = words[:end]
    if not words or len(words) > MAX_TITLE_WORDS:
        return None
    a, b = words[0].start(), words[-1].end()
    title = piece[a:b]
    if (
        looks_like_title(title) < 1.0
        or plural_head(lower_words(title))
        or looks_like_employer(title) > looks_like_title(title)
        or any(ch.isdigit() for ch in title)
    ):
        return None
    return a, b
