"""The roles a resume's objective says the candidate seeks: "Seeking a position as a Web Developer", "To obtain
a full-time position as a Systems Engineer", "Desire the Position of Museum Administrator - Gallery Floor
Supervisor", "Looking for a suitable payroll analyst position".

A wish is no position held, so these are not work items: `Resume.target_titles` keeps them apart (the work
history's prose readers skip wishes for the same reason). Only the summary and header sections are read, where
objectives stand; each title must read as a whole job title ("a challenging career", "an entry level
Professional position" name none).
"""

from __future__ import annotations

import re

from models.evidence import Span, TextField
from models.resume import Section
from parsers.titles import lower_words, title_span, word_set

__all__ = ["TARGET_CONFIDENCE", "target_titles"]


# the text states the wish plainly, but the title is cut from a sentence by rule
TARGET_CONFIDENCE = 0.5

_OBJECTIVE_SECTIONS = frozenset({"summary", "header"})

# a wish and the rest of its clause: "Seeking a position as ...", "To obtain an ... position", "Desire the ..."
_WISH = re.compile(
    r"(?=[SsLlOoTtDdAaWwIi])\b(?i:seek(?:s|ing)?|looking\s+for|(?:to\s+)?obtain|(?:to\s+)?secure|desire[sd]?|"
    r"targeting|apply(?:ing)?\s+for|search(?:ing)?\s+for|in\s+search\s+of|interested\s+in|"
    r"to\s+(?P<as>(?:work|serve)\s+as|become))\b"
    r"(?P<rest>(?:[^.;:\n!?]|\.(?=\w)){1,160})"  # "I.S." stays in the clause
)
# "to become" names someone else's goal after a verb of helping or training others and its object ("mentored two
# cashiers to become Shift Supervisor"); right after such a verb ("training to become a nurse"), after any other
# verb ("studying to become", "combine both skills to become") or with a first-person object ("helped me to
# become") it is the candidate's own
_OTHERS_BECOME = re.compile(
    r"(?i)\b(?:mentor|train|coach|help|prepar|groom|guid|encourag|enabl|assist|motivat|inspir|promot|support|"
    r"empower|push|advis|counsel|teach|taught|recruit|hir|select|nominat)(?:e|es|s|ed|ing|ered|ering)?\b"
    r"(?P<obj>(?:\s+[\w'\-]+)+?)\s*$"
)
_FIRST_PERSON = re.compile(r"(?i)\b(?:me|my|myself|us|our)\b")
# "... position as a Web Developer", "... the Position of Tenancy Representative"
_POSITION_AS = re.compile(
    r"(?i)\b(?:position|role|job|post|career|opportunity|employment|work|assignments?)\s+(?:as|of)\s+"
    r"(?:an?\s+|the\s+)?(?P<t>[A-Za-z].*)"
)
# "... an Account Manager role", "... a suitable payroll analyst position"; right after the wish, the article may be
# left out ("seeking Night Desk Supervisor position")
_TITLE_POSITION = re.compile(
    r"(?i)(?:\b(?P<art>an?|the)\s+|^\s*(?!(?:an?|the)\s))(?P<t>(?:[\w&'/\-]+\s+){0,5}?[\w&'/\-]+)\s+(?:position|role|job|post|opening)s?\b"
    # "seeking Software Engineer job candidates": a noun after "job" names people or postings, not the wish
    r"(?!\s+(?:candidates?|applicants?|seekers?|hunters?|holders?|offers?|postings?|fairs?|descriptions?|"
    r"boards?|ads?|adverts?|listings?|openings?\s+for)\b)"
)
# "to work as an Art Editor in ...": the title right after the verb
_ARTICLE_TITLE = re.compile(r"(?i)\s*(?:an?\s+|the\s+)?(?P<t>[A-Za-z].*)")
# where a title stops in the clause: a preposition, a relative clause, a participle, a number, a bracket or a comma
_CLAUSE_END = re.compile(
    r"\s+\d|\s+(?i:in|with|at|where|to|for|that|which|within|whereby|who|on|from|utilizing|utilising|using|"
    r"leveraging|allowing|offering|and\s+(?:to|use|utilize|gain|grow|develop))\b|\s*[,(]"
)
# pieces of a title list: "Administrative Specialist/Office Manager", "X - Y", "fashion designer or art director"
_PIECE_SEP = re.compile(r"\s*/\s*|\s+[-–]\s+|\s+or\s+")
# words that qualify the wish, not the title ("a suitable payroll analyst position", "a full-time position as")
_WISH_WORDS = word_set(
    "suitable challenging full-time part-time full part time permanent temporary reputable rewarding good new "
    "entry-level entry level senior-level mid-level long-term responsible dynamic exciting meaningful very "
    "outstanding top-level"
)
# heads that alone name no job ("an entry level Professional post", "an executive management position")
_GENERIC = word_set("professional executive internship member staff employee worker")
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


def target_titles(text: str, sections: list[Section]) -> list[TextField]:
    """The titles the objective sentences of the summary and header sections seek, each once."""
    out: list[TextField] = []
    seen: set[str] = set()
    for sec in sections:
        if sec.kind not in _OBJECTIVE_SECTIONS:
            continue
        for m in _WISH.finditer(text, sec.start, sec.end):
            if m.group("as") and m.group("as")[:1] in "bB" and _others_goal(text, sec.start, m.start()):
                continue
            for a, b in _wished(m):
                key = " ".join(lower_words(text[a:b]))
                if key not in seen:
                    seen.add(key)
                    out.append(
                        TextField(value=text[a:b], evidence=Span.of(text, a, b), confidence=TARGET_CONFIDENCE)
                    )
    return out


def _others_goal(text: str, start: int, at: int) -> bool:
    """Does the "to become" at `at` follow a verb of helping or training others and their object?"""
    before = text[max(start, text.rfind("\n", 0, at) + 1, at - 100) : at]
    before = re.split(r"[.;:!?•*]", before)[-1]
    found = _OTHERS_BECOME.search(before)
    return found is not None and _FIRST_PERSON.search(found.group("obj")) is None


def _wished(m: re.Match[str]) -> list[tuple[int, int]]:
    """Where the titles of one wish stand: after "position as/of", before "position", or after "work as"."""
    rest, base = m.group("rest"), m.start("rest")
    found = _POSITION_AS.search(rest)
    if found is None and m.group("as"):
        found = _ARTICLE_TITLE.match(rest)
    if found is not None:
        return _titles(rest, base, found.start("t"))
    for found in _TITLE_POSITION.finditer(rest):
        if found.group("art") is None and not all(w[:1].isupper() for w in found.group("t").split()):
            continue  # without an article only a capitalised title: "secure server job scheduling" names none
        got = _titles(rest[: found.end("t")], base, found.start("t"))
        if got:
            return got
    return []


def _titles(rest: str, base: int, start: int) -> list[tuple[int, int]]:
    """The whole titles of the phrase from `start` to the end of its clause, split at '/', ' - ' and 'or'."""
    cut = _CLAUSE_END.search(rest, start)
    end = cut.start() if cut is not None else len(rest)
    out: list[tuple[int, int]] = []
    pos = start
    for sep in [*_PIECE_SEP.finditer(rest, start, end), None]:
        stop = sep.start() if sep is not None else end
        found = _title_in(rest[pos:stop])
        if found is not None:
            out.append((base + pos + found[0], base + pos + found[1]))
        if sep is not None:
            pos = sep.end()
    return out


def _title_in(piece: str) -> tuple[int, int] | None:
    """Where the title of a piece stands: from its first word that is no wish word to its last title word (a
    function after the title stays: "Director of Marketing"); None when the piece names no whole title."""
    span = title_span(piece, skip=_WISH_WORDS, open_tail=True)  # the clause already ended: "Director of I.S."
    if span is None:
        return None
    ws = lower_words(piece[span[0] : span[1]])
    if ws[-1] in _GENERIC and (len(ws) == 1 or _OF_AFTER.match(piece, span[1])):
        return None  # "a valued member of a design team": a membership, not a title
    return span
