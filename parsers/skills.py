"""Find taxonomy skills in resume or job text, with context rules for ambiguous names.

Matching is a token trie over the text (leftmost-longest, word boundaries by construction, so "React" never
matches inside "reactive" and "C++", "C#", ".NET", "Node.js", "CI/CD" are single skills). Ambiguous aliases
("C", "R", "Go", "Oracle", "Excel", "Word", "Access", "Spring", "Swift", common words such as "sales") carry a
guard rule from the taxonomy and are kept only in the context it names:

- "list": the mention is in a skills section, or on a list-like line ("Languages: Java, C, Python",
  "Excel, Word, PowerPoint");
- "neighbor": another unambiguous skill of a named group is on the same line within 60 characters
  ("C/C++", "Oracle and MySQL", "React and Redux");
- "follow"/"precede": the next/previous word confirms it ("Go (golang)", "R programming", "fluent Spanish");
- reject_follow/reject_precede words rule a mention out in any context ("excel at", "at Oracle",
  "Oracle India Pvt Ltd", "Spring 2019", "swift response");
- case: "C", "R" must be capitals; "Excel", "Word", "Oracle" must start with a capital.
"""

from __future__ import annotations

import bisect
import re
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.evidence import Span
from models.resume import Section, SkillMention
from parsers.occupations import occupation_words
from parsers.places import CANADIAN_PROVINCES, US_STATES
from parsers.taxonomy import (
    GLUED_DIGIT_RE,
    GLUED_VERSION_RE,
    HARD_BREAK_RE,
    VERSION_TOKEN_RE,
    Taxonomy,
    load_taxonomy,
    tokenize,
)

_NEIGHBOR_WINDOW = 60
# Anchors of URLs and e-mail addresses; the whitespace-delimited chunk around each anchor is not skill text.
_URL_ANCHOR_RE = re.compile(r"@|://|(?i:\bhttps?:|www\.)|\.(?:com|org|io|edu|gov)\b")
# A bibliographic reference names topics, not the author's skills: "Journal of Educational Technology, Vol. 3".
_CITATION_RE = re.compile(
    r"\b(?:Vol\.|No\.\s*\d|pp\.|et al\.?|Journal\b|Proceedings\b|doi:|ISBN\b|Quarterly\b)|"
    r"(?:\b[A-Z][a-z]+,\s(?:[A-Z]\.\s?){1,3}[,&(]).*(?:\b[A-Z][a-z]+,\s(?:[A-Z]\.\s?){1,3})"
)
# A line that starts with a label naming a list of skills: "Languages: ...", "Tools & Technologies - ...".
# The head of a label naming a list of skills: "Languages", "Tools & Technologies", "Technical Skills".
_LIST_LABEL_HEAD = (
    r"^\W*(?:[A-Za-z/&+.\- ]{0,40}?)(?:skills?|languages?|technolog(?:y|ies)|tools?|software|frameworks?|libraries|"
    r"databases?|platforms?|environments?|operating systems?|os|ides?|packages?|applications?|expertise|"
    r"proficien(?:cy|t)|competenc(?:y|ies)|technical|programming|web|scripting|cloud|devops|testing|methodolog(?:y|ies)|"
    r"keywords|strengths|areas|knowledge|familiar with|tech stack|stack|certifications?)\s*"
)
# A line that starts with such a label: "Languages: ...", "Tools & Technologies - ...".
_LIST_LABEL_RE = re.compile(_LIST_LABEL_HEAD + r"[:\-–|]", re.IGNORECASE)
_LIST_SEPARATORS = re.compile(r"[,;|•·▪●◦/\u2022]")
_END = ""  # trie key of a terminal (never a token)
# ESCO's long tail (verb phrases such as "solve problems", fields such as "computer science") is precise only
# where the text lists skills.
_ESCO_RULE: dict[str, Any] = {"case": None, "allow": ["list"]}
# A degree line names fields of study, not skills: "B.Tech in Computer Science", "Master of Education".
_DEGREE_LINE_RE = re.compile(
    r"\b(?:B\.\s?(?:Tech|E|Sc|S|A|Com)\b|BTech|BSc|BCom|BCA|BBA|M\.\s?(?:Tech|E|Sc|S|A|Com)\b|MTech|MSc|MCA|MBA|"
    r"Ph\.?\s?D)|(?i:\b(?:bachelor'?s?|master'?s?|degree|diploma|doctorate|associate'?s? (?:of|in)|"
    r"major(?:ed)? in|minor in|university|college|school|institute|cgpa|gpa|hsc|ssc|cbse|graduat\w*|coursework)\b)"
)
_DEGREE_LINE_MAX = 160  # degree lines are short; a long paragraph that mentions a school is not one
_NON_SKILL_SECTIONS = {"education", "interests", "references", "header"}
_NO_SKILL_SECTIONS = {"publications"}
# "Sales Manager", "Software Development Director": a role named after a field, not a claimed skill.
_ROLE_WORDS = frozenset(
    [
        "manager",
        "managers",
        "director",
        "directors",
        "engineer",
        "engineers",
        "developer",
        "developers",
        "analyst",
        "analysts",
        "specialist",
        "consultant",
        "consultants",
        "lead",
        "leads",
        "intern",
        "trainee",
        "executive",
        "executives",
        "officer",
        "officers",
        "assistant",
        "associate",
        "associates",
        "coordinator",
        "administrator",
        "architect",
        "tester",
        "head",
        "representative",
        "representatives",
        "supervisor",
        "department",
        "team",
        "teams",
        "division",
        "unit",
        "rep",
        "reps",
        "professional",
        "professionals",
        "student",
        "students",
        "clerk",
    ]
)
_COORD_GAP_RE = re.compile(r"^[\s,;/&|+]*(?:(?:and|or|&)\b)?[\s,;/&|+]*$", re.IGNORECASE)
# "Hobbies: cooking, photography": pastimes, not professional skills
_HOBBY_LINE_RE = re.compile(
    r"[^\w\n]*(?:personal\s+)?(?:interests?|hobbies|hobby|pastimes|leisure|extra[- ]?curricular\s+activities|"
    r"activities)\s*[:\-–]",
    re.IGNORECASE,
)
_COORD_MARK_RE = re.compile(r"[,;/&|+]|\b(?:and|or)\b", re.IGNORECASE)
_ITEM_SPLIT_RE = re.compile(r"[,;|•·▪●◦\u2022]|\s/\s|\band\b|:|\s[-–]\s")
_PAREN_RE = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")
_TOKEN_AFTER_RE = re.compile(r"[ \t]+([A-Za-z]+)")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


@dataclass
class _Hit:
    skill_id: str
    alias: str
    start: int  # char offsets
    end: int
    first_tok: int
    last_tok: int
    guard: dict[str, Any] | None


class _Matcher:
    """Token trie of every alias, built once per taxonomy."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.trie: dict[str, Any] = {}
        self.guards: dict[str, dict[str, Any]] = dict(taxonomy.guards)
        self.esco: set[str] = set()
        for alias, skill_id in taxonomy.alias_items():
            node = self.trie
            for tok in alias.split(" "):
                node = node.setdefault(tok, {})
            node[_END] = (skill_id, alias)
            kind = taxonomy.kind(skill_id)
            if kind is not None and kind[1] == "esco" and kind[0] != "language":
                self.esco.add(skill_id)
        self.technology = {
            sid for _, sid in taxonomy.alias_items() if (taxonomy.kind(sid) or ("",))[0] == "technology"
        }
        self.skill_groups: dict[str, frozenset[str]] = {}
        self._alias_words: frozenset[str] | None = None
        # one-word names of spoken languages ("english", "spanish"): an item holding one rates a language
        self.language_words = frozenset(
            alias
            for alias, sid in taxonomy.alias_items()
            if " " not in alias and (taxonomy.kind(sid) or ("",))[0] == "language"
        )

    def alias_words(self) -> frozenset[str]:
        """Every word of the multi-word aliases ("studio" of "visual studio", "managing" of "managing staff"):
        alone, such a word is a fragment or an everyday word, not the name of a tool."""
        if self._alias_words is None:
            counts: dict[str, int] = {}
            for alias, _ in self.taxonomy.alias_items():
                if " " in alias:
                    for tok in set(alias.split(" ")):
                        counts[tok] = counts.get(tok, 0) + 1
            self._alias_words = frozenset(t for t, n in counts.items() if n >= _ALIAS_WORD_MIN)
        return self._alias_words

    def groups_of(self, skill_id: str) -> frozenset[str]:
        found = self.skill_groups.get(skill_id)
        if found is None:
            entry = self.taxonomy.get(skill_id)
            found = frozenset(entry.parents) | {skill_id} if entry else frozenset({skill_id})
            self.skill_groups[skill_id] = found
        return found


_matchers: weakref.WeakKeyDictionary[Taxonomy, _Matcher] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _matcher(taxonomy: Taxonomy | None = None) -> _Matcher:
    tx = taxonomy or load_taxonomy()
    with _lock:
        m = _matchers.get(tx)
        if m is None:
            m = _Matcher(tx)
            _matchers[tx] = m
        return m


def _masked_ranges(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _URL_ANCHOR_RE.finditer(text):
        if out and m.start() < out[-1][1]:
            continue
        a = m.start()
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        b = m.end()
        while b < len(text) and not text[b].isspace():
            b += 1
        out.append((a, b))
    return out


def _unglued(
    text: str, tokens: list[tuple[str, int, int]], trie: dict[str, Any]
) -> list[tuple[str, int, int]]:
    """The tokens with a version written on to a name set apart ("WebLogic8.1", "Oracle9i", "Crystal Reports9.0":
    the skill is the name before it), unless the whole token starts an alias ("html5")."""
    digits = [d.start() for d in GLUED_DIGIT_RE.finditer(text)]  # a digit after three letters: few, or none
    if not digits:
        return tokens
    starts = [t[1] for t in tokens]
    splits: dict[int, int] = {}  # token index -> length of its name
    for pos in digits:
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0 or k in splits or tokens[k][2] <= pos:
            continue
        t = tokens[k][0]
        g = GLUED_VERSION_RE.fullmatch(t)
        if g and t not in trie and VERSION_TOKEN_RE.fullmatch(g.group(2)):
            splits[k] = len(g.group(1))
    if not splits:
        return tokens
    out = list(tokens)
    for k in sorted(splits, reverse=True):
        t, a, b = tokens[k]
        cut = splits[k]
        out[k : k + 1] = [(t[:cut], a, a + cut), (t[cut:], a + cut, b)]
    return out


def _raw_hits(text: str, m: _Matcher) -> tuple[list[_Hit], list[tuple[str, int, int]]]:
    tokens = _unglued(text, tokenize(text), m.trie)
    masked = _masked_ranges(text)
    if masked:
        kept_tokens = []
        k = 0
        for t in tokens:
            while k < len(masked) and masked[k][1] <= t[1]:
                k += 1
            if k < len(masked) and masked[k][0] <= t[1]:
                continue
            kept_tokens.append(t)
        tokens = kept_tokens
    n = len(tokens)

    def hard(j: int) -> bool:
        """A list separator or blank line lies between token j-1 and token j."""
        gap_start, gap_end = tokens[j - 1][2], tokens[j][1]
        return gap_end > gap_start and HARD_BREAK_RE.search(text, gap_start, gap_end) is not None

    hits: list[_Hit] = []
    trie = m.trie
    i = 0
    while i < n:
        node = trie.get(tokens[i][0])
        if node is None:
            i += 1
            continue
        best: tuple[int, tuple[str, str]] | None = None
        j = i
        while True:
            if _END in node:
                best = (j, node[_END])
            j += 1
            if j >= n:
                break
            nxt = node.get(tokens[j][0])
            if nxt is None or hard(j):
                break
            node = nxt
        if best is None:
            i += 1
            continue
        last, (skill_id, alias) = best
        start, end = tokens[i][1], tokens[last][2]
        # ".net" must start a word: not "example.net"; "c" must not be the tail of "objective-c"-like words
        if tokens[i][0] in {".", "+", "#", "/", "&"} and i > 0 and tokens[i - 1][2] == start:
            i += 1
            continue
        # a match must end at a word boundary: "C" in "C++" only when no "++" alias exists, never "R" of "R&D"
        if last + 1 < n and tokens[last + 1][1] == end and tokens[last + 1][0] in {"+", "#", "&"}:
            i += 1
            continue
        guard = m.guards.get(alias)
        if guard is None and skill_id in m.esco:
            guard = _ESCO_RULE
        hits.append(_Hit(skill_id, alias, start, end, i, last, guard))
        i = last + 1
    return hits, tokens


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def _is_list_line(line: str) -> bool:
    if _LIST_LABEL_RE.match(line):
        return True
    seps = len(_LIST_SEPARATORS.findall(line))
    if seps >= 2:
        items = [s for s in _LIST_SEPARATORS.split(line) if s.strip()]
        words = sum(len(s.split()) for s in items)
        return bool(items) and words / len(items) <= 4
    return False


def _is_whole_item(text: str, hit: _Hit) -> bool:
    """Is the mention a whole item of its list ("Databases: Oracle, MySQL"), not part of a phrase?"""
    a, b = _line_bounds(text, hit.start)
    left = text[a : hit.start]
    right = text[hit.end : b]
    left_parts = _ITEM_SPLIT_RE.split(_PAREN_RE.sub(" ", left))
    right_parts = _ITEM_SPLIT_RE.split(_PAREN_RE.sub(" ", right))
    before = left_parts[-1] if left_parts else ""
    after = right_parts[0] if right_parts else ""
    # allow bullets, "MS"-like prefixes already inside the alias, and version numbers after
    if any(c.isalpha() for c in before):
        return False
    return not any(c.isalpha() for c in re.sub(r"\b(?:v(?:er(?:sion)?)?\.?\s*)?[\d.x+]+\b", " ", after))


def _coordinated(text: str, hit: _Hit, accepted: list[_Hit], near: set[str], m: _Matcher) -> bool:
    """Another accepted skill right beside it, joined only by a separator or and/or ("sales and marketing")."""
    for other in accepted:
        if other is hit:
            continue
        if other.end <= hit.start and hit.start - other.end <= 8:
            gap = text[other.end : hit.start]
        elif other.start >= hit.end and other.start - hit.end <= 8:
            gap = text[hit.end : other.start]
        else:
            continue
        if "\n" in gap.strip(" ,;") or not _COORD_GAP_RE.match(gap) or not _COORD_MARK_RE.search(gap):
            continue
        if "any" in near or near & m.groups_of(other.skill_id):
            return True
    return False


def _joined_to_tech(text: str, hit: _Hit, accepted: list[_Hit], m: _Matcher) -> bool:
    """An accepted technology ends right before the mention, joined by and/or/&: "Unix and Windows"."""
    for other in accepted:
        if other.skill_id not in m.technology or other.end > hit.start or hit.start - other.end > 6:
            continue
        gap = text[other.end : hit.start]
        if "\n" not in gap and re.fullmatch(r"\s*(?:and|or|&)\s*", gap, re.IGNORECASE):
            return True
    return False


def _near_on_line(text: str, hit: _Hit, accepted: list[_Hit], m: _Matcher, near: set[str]) -> bool:
    a, b = _line_bounds(text, hit.start)
    lo, hi = max(a, hit.start - _NEIGHBOR_WINDOW), min(b, hit.end + _NEIGHBOR_WINDOW)
    for other in accepted:
        if other is hit or other.end <= lo or other.start >= hi:
            continue
        if (
            "any" in near
            or ("tech" in near and other.skill_id in m.technology)
            or near & m.groups_of(other.skill_id)
        ):
            return True
    return False


def _lowercase_list_item(
    text: str,
    hit: _Hit,
    accepted: list[_Hit],
    m: _Matcher,
    sections: Sequence[Section] | None,
    list_lines: dict[int, bool],
    g: dict[str, Any],
) -> bool:
    """'skills: java, c, c++, excel': a lower-case ambiguous name still counts as a whole list item beside its kin."""
    if not _is_whole_item(text, hit):
        return False
    a, b = _line_bounds(text, hit.start)
    if a not in list_lines:
        list_lines[a] = _is_list_line(text[a:b])
    if not (list_lines[a] or _in_sections(hit.start, sections, {"skills"})):
        return False
    return _near_on_line(text, hit, accepted, m, set(g.get("near", ())))


def _case_ok(surface: str, rule: str | None) -> bool:
    letters = [c for c in surface if c.isalpha()]
    if not letters or rule is None:
        return True
    if rule == "upper":
        return all(c.isupper() for c in letters)
    if rule == "title":
        return letters[0].isupper()
    if rule == "upper_or_title":
        return letters[0].isupper()
    return True


_CONTACT_BLOCK_LINES = 8


def _past_contact_block(text: str, hit: _Hit, sections: Sequence[Section] | None) -> bool:
    """The mention lies in a header section past its first lines, or on a list line among them ("Project
    Management | Strategic Planning"): summary text whose heading went unrecognised, not the name, title or
    contact lines. (Sentences among the first lines are left out: measured, they cost eval ranking.)"""
    for sec in sections or ():
        if sec.kind == "header" and sec.start <= hit.start < sec.end:
            lines = [ln for ln in text[sec.start : hit.start].split("\n") if ln.strip()]
            if len(lines) > _CONTACT_BLOCK_LINES:
                return True
            a, b = _line_bounds(text, hit.start)
            line = text[a:b]
            # a list of skills is summary text, not the name, title or contact lines
            return _is_list_line(line) and not _URL_ANCHOR_RE.search(line)
    return False


def _in_sections(pos: int, sections: Sequence[Section] | None, kinds: set[str]) -> bool:
    # a plain loop, not any(<generator>): this runs for most mentions and list lines (60k calls on 120 resumes)
    for s in sections or ():  # noqa: SIM110
        if s.start <= pos < s.end and s.kind in kinds:
            return True
    return False


def _guard_ok(
    hit: _Hit,
    text: str,
    tokens: list[tuple[str, int, int]],
    accepted: list[_Hit],
    m: _Matcher,
    sections: Sequence[Section] | None,
    list_lines: dict[int, bool],
    all_hits: list[_Hit] | None = None,
) -> bool:
    g = hit.guard or {}
    surface = text[hit.start : hit.end]
    if not _case_ok(surface, g.get("case")) and not _lowercase_list_item(
        text, hit, accepted, m, sections, list_lines, g
    ):
        return False
    prev_tok = tokens[hit.first_tok - 1][0] if hit.first_tok > 0 else ""
    next_tok = tokens[hit.last_tok + 1][0] if hit.last_tok + 1 < len(tokens) else ""
    # previous/next words must be on the same line and not across a separator to count
    if prev_tok and "\n" in text[tokens[hit.first_tok - 1][2] : hit.start]:
        prev_tok = ""
    if next_tok and "\n" in text[hit.end : tokens[hit.last_tok + 1][1]]:
        next_tok = ""
    if (
        prev_tok in g.get("reject_precede", ()) and not _joined_to_tech(text, hit, accepted, m)
    ) or next_tok in g.get("reject_follow", ()):
        return False
    if g.get("reject_year") and _YEAR_RE.match(next_tok or ""):
        return False
    if " " not in hit.alias and text[hit.end : hit.end + 1] == ":" and not _RATED_RE.match(text, hit.end):
        return False  # "Project: ASSESS", "Word: ..." are labels ("Word: Advanced" is rated)
    if len(surface) == 1:
        # initials ("Carpenter, C., Bryant"), "C/o", codes like "13-C-0028"
        nxt = text[hit.end : hit.end + 2]
        prv = text[hit.start - 1 : hit.start] if hit.start else ""
        if nxt[:1] == "." and not nxt[1:2].isalnum():
            return False
        if nxt.lower() == "/o" or nxt[:1] == "-" or prv == "-":
            return False
    allow = g.get("allow", ())
    if "always" in allow:
        return True
    if "follow" in allow and next_tok and next_tok in g.get("follow", ()):
        return True
    if "precede" in allow and prev_tok and prev_tok in g.get("precede", ()):
        return True
    if "list" in allow:
        if _in_sections(hit.start, sections, {"skills"}) and _is_whole_item(text, hit):
            return True
        a, b = _line_bounds(text, hit.start)
        if a not in list_lines:
            list_lines[a] = _is_list_line(text[a:b])
        if list_lines[a] and _is_whole_item(text, hit):
            return True
    if "coord" in allow and _coordinated(text, hit, all_hits or accepted, set(g.get("near", ())), m):
        return True
    return "neighbor" in allow and _near_on_line(text, hit, accepted, m, set(g.get("near", ())))


# "Excel : Advanced, pivot tables", "Access: Basic user.": a skill rated at a level, not the label of a list
_RATED_RE = re.compile(
    r"[ \t]*[:\-–][ \t]*(?:very[ \t]+|highly[ \t]+)?(?:advanced|basic|beginner|intermediate|expert|proficient|"
    r"fluent|novice|competent)(?:[ \t]+(?:user|level))?[ \t]*(?:[,;.()]|$)",
    re.IGNORECASE | re.MULTILINE,
)


def _is_list_label(text: str, hit: _Hit) -> bool:
    """'Operating Systems: Windows, Linux': the heading of a list, not a mention ('Excel: Advanced' rates one)."""
    after = text[hit.end : hit.end + 4].lstrip(" \t")
    if not (after.startswith(":") or after[:2] in {"- ", "– "}) or _RATED_RE.match(text, hit.end):
        return False
    a = text.rfind("\n", 0, hit.start) + 1
    return not any(c.isalnum() for c in text[a : hit.start])


# technology names that are also the heading of a list of tools ("Operating Systems Windows 7, Linux")
_CATEGORY_LABEL_RE = re.compile(
    r"operating[ \t]+systems?|os|databases?|rdbms|(?:web|application)[ \t]+servers?|ides?|version[ \t]+control|"
    r"(?:programming|scripting)[ \t]+languages?|web[ \t]+technolog(?:y|ies)|cloud(?:[ \t]+platforms?)?",
    re.IGNORECASE,
)
_LABEL_GAP_RE = re.compile(r"^[ \t]*[•·:\-–|]?[ \t]*$")


def _labels_next(text: str, hit: _Hit, nxt: _Hit, m: _Matcher) -> bool:
    """'Operating Systems Windows 7', 'Databases SQL': a field name at the start of a line heading a tool list."""
    if nxt.skill_id not in m.technology:
        return False
    a = text.rfind("\n", 0, hit.start) + 1
    if any(c.isalnum() for c in text[a : hit.start]):
        return False
    gap = text[hit.end : nxt.start]
    if "\n" in gap:
        # "Operating systems" alone on its line, the tools listed on the next line
        first, _, rest = gap.partition("\n")
        return (
            _LABEL_GAP_RE.match(first) is not None
            and "\n" not in rest.strip(" \t")
            and _LABEL_GAP_RE.match(rest) is not None
        )
    return _LABEL_GAP_RE.match(gap) is not None


def _on_heading_line(text: str, hit: _Hit, sections: Sequence[Section] | None) -> bool:
    """The mention is in a section's heading line ("Customer Service Experience", "Test / Project Management")."""
    for sec in sections or ():
        if sec.heading and sec.start <= hit.start < sec.end:
            line_end = text.find("\n", sec.start)
            return hit.start < (sec.end if line_end < 0 else min(line_end, sec.end))
    return False


# US state and Canadian province codes: not MS, which names Microsoft in lists ("MS Access, MS"), and of the
# provinces only those whose codes read as no word or skill (not NS, PE, SK, NL ...); the names of all
_STATE_CODES = "|".join(sorted(set(US_STATES) - {"MS"} | {"ON", "QC", "BC", "AB"}))
_STATE_NAMES = "|".join(
    re.escape(n) for n in sorted([*US_STATES.values(), *CANADIAN_PROVINCES.values()], key=len, reverse=True)
)
# ", CA", ", California 94301", ", TX | 2010": a state that ends a place, so the words before it name a town
_STATE_AFTER_RE = re.compile(
    rf",[ \t]*(?:{_STATE_CODES}|{_STATE_NAMES})"
    r"(?=[ \t]*(?:$|\d|[|(]|,[ \t]*(?:USA|US|U\.S\.|United States|Canada)\b)|[ \t]+[–—-])",
    re.MULTILINE,
)
_STATE_CODE_RE = re.compile(_STATE_CODES)
_TOWN_BEFORE_RE = re.compile(r"[A-Z][a-z]+,[ \t]*$")
_CODE_END_RE = re.compile(r"[ \t]*(?:$|\d|,|\))", re.MULTILINE)


def _names_place(text: str, hit: _Hit) -> bool:
    """Is the capitalised mention a town before its state ("Palo Alto, CA", "Hudson, TX", "Cypress, California")
    or a state code after its town ("Montreal, QC"), rather than the skill its alias names?"""
    if not text[hit.start : hit.start + 1].isupper():
        return False
    if text[hit.end : hit.end + 1] == "," and _STATE_AFTER_RE.match(text, hit.end):
        return True
    if (
        hit.end - hit.start == 2
        and _STATE_CODE_RE.fullmatch(text, hit.start, hit.end)
        and _CODE_END_RE.match(text, hit.end)
    ):
        a = text.rfind("\n", 0, hit.start) + 1
        return _TOWN_BEFORE_RE.search(text, max(a, hit.start - 40), hit.start) is not None
    return False


def _context_drops(
    text: str, hits: list[_Hit], sections: Sequence[Section] | None, m: _Matcher
) -> list[_Hit]:
    """Drop list headings, and non-technology mentions on degree lines or in education/interests sections."""
    out = []
    degree_lines: dict[int, bool] = {}
    citation_lines: dict[int, bool] = {}
    for idx, h in enumerate(hits):
        if _is_list_label(text, h):
            continue
        if (
            (h.skill_id not in m.technology or _CATEGORY_LABEL_RE.fullmatch(text, h.start, h.end))
            and idx + 1 < len(hits)
            and _labels_next(text, h, hits[idx + 1], m)
        ):
            if _CATEGORY_LABEL_RE.fullmatch(text, h.start, h.end):
                hits[idx + 1].guard = None  # "Operating System Windows Family": the label says what it is
            continue
        if _in_sections(h.start, sections, _NO_SKILL_SECTIONS):
            continue
        if _names_place(text, h):
            continue  # "Palo Alto, CA", "Hudson, TX", "Montreal, QC": a town or its state, not a skill
        a, b = _line_bounds(text, h.start)
        if a not in citation_lines:
            citation_lines[a] = _CITATION_RE.search(text, a, b) is not None
        if citation_lines[a]:
            continue
        if h.skill_id not in m.technology:
            if (
                _in_sections(h.start, sections, _NON_SKILL_SECTIONS)
                and not _past_contact_block(text, h, sections)
            ) or _on_heading_line(text, h, sections):
                continue
            if _HOBBY_LINE_RE.match(text, _line_bounds(text, h.start)[0]):
                continue
            nxt = _TOKEN_AFTER_RE.match(text, h.end)
            if nxt and nxt.group(1).lower() in _ROLE_WORDS:
                continue
            a, b = _line_bounds(text, h.start)
            if a not in degree_lines:
                degree_lines[a] = b - a <= _DEGREE_LINE_MAX and _DEGREE_LINE_RE.search(text, a, b) is not None
            if degree_lines[a]:
                continue
        out.append(h)
    return out


def _find(text: str, sections: Sequence[Section] | None, taxonomy: Taxonomy | None) -> list[_Hit]:
    m = _matcher(taxonomy)
    hits, tokens = _raw_hits(text, m)
    hits = _context_drops(text, hits, sections, m)
    accepted = [h for h in hits if h.guard is None]
    pending = [h for h in hits if h.guard is not None]
    list_lines: dict[int, bool] = {}
    # Guarded mentions licensed by unambiguous ones first, then by each other ("Spanish and French"),
    # until nothing changes.
    while pending:
        newly = [h for h in pending if _guard_ok(h, text, tokens, accepted, m, sections, list_lines, hits)]
        if not newly:
            break
        accepted.extend(newly)
        done = {id(h) for h in newly}
        pending = [h for h in pending if id(h) not in done]
    accepted.sort(key=lambda h: h.start)
    return accepted


def find_skill_spans(text: str, *, taxonomy: Taxonomy | None = None) -> list[tuple[str, Span]]:
    """Every skill mention in `text` as (skill_id, span), in text order."""
    return [(h.skill_id, Span.of(text, h.start, h.end)) for h in _find(text, None, taxonomy)]


# Nouns that end a job title: a skill right before one is part of the title ("HVAC Technician", "Special Education
# Teacher", "Java Developer"), and a skill alias ending in one names a role ("business analyst", "web developer").
# ("Office Professional", "Certified Associate" name a product edition or a credential: not title heads here)
_TITLE_HEAD_WORDS = (
    _ROLE_WORDS
    - {"department", "team", "teams", "division", "unit", "student", "students", "professional", "professionals"}
    - {"associate", "associates"}
) | {
    "technician", "technicians", "teacher", "teachers", "counselor", "counselors", "counsellor", "counsellors",
    "programmer", "programmers", "nurse", "nurses", "therapist", "therapists", "instructor", "instructors",
    "tutor", "tutors", "trainer", "trainers", "adviser", "advisers", "advisor", "advisors", "aide", "aides",
    "worker", "workers", "educator", "educators", "designer", "designers", "specialists", "coordinators",
    "administrators", "architects", "supervisors", "assistants",
}  # fmt: skip


def _names_job_title(
    text: str, hit: _Hit, skill_type: str, sections: Sequence[Section] | None, list_cache: dict[int, bool]
) -> bool:
    """Is the mention part of a job title ("HVAC Technician", "Special Education Teacher", "as a business
    analyst")? Never in a skills section or on a list line, where "Project Manager" may name a practice; a
    technology's alias that ends in a role word names a product ("FedEx Ship Manager", "Altium Designer")."""
    nxt = _TOKEN_AFTER_RE.match(text, hit.end)
    if not (
        (nxt is not None and nxt.group(1).lower() in _TITLE_HEAD_WORDS)
        or (
            skill_type != "technology"
            and " " in hit.alias
            and hit.alias.rsplit(" ", 1)[1] in _TITLE_HEAD_WORDS
        )
    ):
        return False
    if _in_sections(hit.start, sections, {"skills"}):
        return False
    a, b = _line_bounds(text, hit.start)
    if a not in list_cache:
        list_cache[a] = _is_list_line(text[a:b])
    return not list_cache[a]


def extract_skills(
    text: str, sections: list[Section] | None = None, *, taxonomy: Taxonomy | None = None
) -> list[SkillMention]:
    """One SkillMention per canonical skill, every mention as evidence, in order of first mention.

    Confidence is higher for mentions in a skills section or a skill list, for several mentions, and for
    multi-word or unambiguous aliases; lower for guarded (ambiguous) aliases. A skill named only in the work
    history, either once for a field, practice or soft skill or only in lower case in running prose for any
    skill, gets `WEAK_CONFIDENCE`, below the unlisted list items; so does a skill named only as part of job
    titles ("HVAC Technician") and a field or practice named only in a certifications section ("CPR").
    """
    tx = taxonomy or load_taxonomy()
    hits = _find(text, sections, tx)
    order: list[str] = []
    by_skill: dict[str, list[_Hit]] = {}
    for h in hits:
        if h.skill_id not in by_skill:
            by_skill[h.skill_id] = []
            order.append(h.skill_id)
        by_skill[h.skill_id].append(h)
    list_cache: dict[int, bool] = {}
    out: list[SkillMention] = []
    unlisted = _unlisted_items(text, hits, sections, tx)
    for skill_id in order:
        entry = tx.get(skill_id)
        if entry is None:
            continue
        mentions = by_skill[skill_id]
        kinds: list[str] = []
        best = 0.0
        in_passing = True  # every mention lower case in running prose ("built email campaigns")
        in_titles = 0  # mentions that are part of a job title ("HVAC Technician", "web developer")
        for h in mentions:
            for s in sections or ():
                if s.start <= h.start < s.end and s.kind not in kinds:
                    kinds.append(s.kind)
            if _names_job_title(text, h, entry.type, sections, list_cache):
                in_titles += 1
                continue
            conf = 0.6 if h.guard is not None else (0.8 if " " in h.alias else 0.7)
            a, b = _line_bounds(text, h.start)
            if a not in list_cache:
                list_cache[a] = _is_list_line(text[a:b])
            if _in_sections(h.start, sections, {"skills"}) or list_cache[a]:
                conf += 0.15
                in_passing = False
            else:
                in_passing = in_passing and text[h.start].islower()
                if entry.type != "technology":
                    conf -= 0.1  # a field or practice named in passing in prose is the weakest evidence
            best = max(best, conf)
        confidence = min(0.99, best + 0.05 * (len(mentions) - 1))
        if kinds == ["experience"] and (in_passing or (len(mentions) == 1 and entry.type != "technology")):
            # named only in the work history, and that once for a field or practice ("classroom management
            # training", "business requirements") or in lower case in running prose for any skill ("revamped
            # email marketing campaigns"): the text tells what the job was about, not what the candidate claims
            confidence = WEAK_CONFIDENCE
        if entry.type != "technology" and kinds == ["certifications"]:
            # a field or practice named only in a certifications section names what a certificate or course
            # covers ("CPR / First Aid", "Lean Six Sigma Green Belt"), read there by parsers.certifications
            confidence = WEAK_CONFIDENCE
        if in_titles == len(mentions):
            # named only as part of job titles: the text says what the candidate was called, the title fields
            # hold it ("Mental Health Technician", "worked as a web developer"), not a skill the candidate claims
            confidence = WEAK_CONFIDENCE
        out.append(
            SkillMention(
                skill_id=skill_id,
                name=entry.name,
                type=entry.type,
                evidence=[Span.of(text, h.start, h.end) for h in mentions],
                sections=kinds,
                confidence=round(confidence, 3),
            )
        )
    out.extend(unlisted)
    return out


# Below the "unlisted" items' confidence: a skill named only in passing in the work history (see extract_skills). Such
# mentions stay in Resume.skills (ranking reads them); a consumer that wants claimed skills only keeps
# mentions above this (see evaluation/skills_eval.py).
WEAK_CONFIDENCE = 0.3
UNLISTED_PREFIX = "unlisted:"  # ids of tool- and skill-list items the taxonomy does not name
UNLISTED_TYPE = "unlisted"
_UNLISTED_CONFIDENCE = 0.4
_ALIAS_WORD_MIN = 3  # a word of this many multi-word aliases is an everyday word ("managing"), not a brand
_TOOL_LINE_MIN = 2  # taxonomy skills (not soft skills, languages) a list must hold for its other items
_ITEM_SEP_RE = re.compile(r"[,;|•·▪●◦\u2022]|\s/\s|\s[-–]\s|\s(?:and|or)\s")
_ITEM_TRIM_RE = re.compile(r"\((?:[^()]*)\)|\[[^\]]*\]")
_VERSION_TAIL_RE = re.compile(r"(?:\s+(?:v(?:er(?:sion)?)?\.?\s*)?[\d.x+]+(?:/[\d.x+]+)*)+$", re.IGNORECASE)
# the same run of versions right after an item's name, kept in its evidence: "IBM RAD 6/7", "SSH 3.2.9"
_VERSION_AFTER_RE = re.compile(
    r"(?:[ \t]+(?:v(?:er(?:sion)?)?\.?[ \t]*)?\d[\dx.+]*(?:/\d[\dx.+]*)*)+", re.IGNORECASE
)
_ITEM_OK_RE = re.compile(r"[A-Za-z][\w.+#&'/ -]*[\w+#]|[A-Za-z]")
_LABEL_PREFIX_RE = re.compile(r"^[^:\n]{0,40}:\s*")
# "IDEs - Eclipse, CodeWarrior", "Tools | Git, Jira": a list label before a dash or bar, never an item
_DASH_LABEL_RE = re.compile(_LIST_LABEL_HEAD + r"[\-–|]\s", re.IGNORECASE)
_NOT_ITEM_WORDS = frozenset(
    {"etc", "and", "or", "others", "other", "basics", "basic", "knowledge", "good", "familiar", "exposure",
     "years", "year", "months", "less", "than", "with", "the", "of", "in", "on", "for", "to", "using", "tools",
     "experience", "working", "worked", "hands", "concepts", "skills", "technologies", "technical", "about"}
)  # fmt: skip


_PAST_VERBS = frozenset(
    {"led", "ran", "built", "made", "wrote", "taught", "drove", "oversaw", "grew", "won", "began"}
)
_PRONOUNS = frozenset({"i", "we", "my", "our", "he", "she", "they"})


def _duty_item(words: list[str]) -> bool:
    """A list item that opens with a pronoun, or with a past verb alone or before a lower-case word ("Created",
    "Taught writing"); "Embedded Systems", "Distributed Computing" name skills."""
    first = words[0].lower()
    if first in _PRONOUNS:
        return True
    if not (first in _PAST_VERBS or (first.endswith("ed") and first.isalpha())):
        return False
    return len(words) == 1 or words[1][:1].islower()


# Words that name a category of tools, not a product: "Databases Oracle", "Tomcat application servers".
_CATEGORY_WORDS = frozenset(
    {"database", "databases", "platform", "platforms", "operating", "system", "systems", "programming", "language",
     "languages", "framework", "frameworks", "ide", "ides", "tool", "tools", "environment", "environments",
     "technology", "technologies", "scripting", "web", "server", "servers", "application", "applications",
     "internet", "designing"}
)  # fmt: skip


def _names_more_than(text: str, start: int, end: int, inside: list[_Hit]) -> bool:
    """Does the capitalised item text[start:end] name more than the taxonomy skills inside it ("SharePoint
    Designer", "Azure Service Bus", "Cross Functional Marketing")? Not when a skill runs past the item, the
    item has a lower-case word, the other words are versions or category words ("Databases Oracle"), a verb
    opens it ("Utilized JavaScript") or a word names a role ("Web Developer")."""
    if any(h.start < start or h.end > end for h in inside):
        return False
    item = text[start:end]
    if not all(w[:1].isupper() for w in item.split() if w[:1].isalpha()):
        return False
    rest = item
    for h in sorted(inside, key=lambda h: -h.start):
        rest = rest[: h.start - start] + " " + rest[h.end - start :]
    extra = [w.lower() for w in re.findall(r"[A-Za-z][\w+#]*", rest)]
    extra = [w for w in extra if not VERSION_TOKEN_RE.fullmatch(w)]
    if not extra or all(w in _CATEGORY_WORDS for w in extra):
        return False
    words = re.findall(r"[a-z][a-z0-9+#]*", item.lower())
    if words[0] in extra and words[0].endswith(("ed", "ing")):
        return False  # "Utilized JavaScript", "Guiding Strategic Planning": a verb before the skill
    return not any(w in _ROLE_WORDS for w in words)  # "Web Developer/Help Desk Technician"


# a label naming a list of tools, not of skills in general: "Debugging tools:", "Environment:", "Databases -"
_TOOL_LABEL_RE = re.compile(
    r"^\W*[A-Za-z/&+.\- ]{0,40}?(?:tools?|software|technolog(?:y|ies)|environments?|platforms?|frameworks?|"
    r"libraries|databases?|ides?|operating systems?|languages?|packages?|utilities)\s*[:\-–|]",
    re.IGNORECASE,
)
_NAME_TAIL_WORDS = frozenset({"library", "libraries", "domain", "domains", "platform", "platforms", "forms"})


def _product_name(item: str) -> str:
    """The name in an item that adds lower-case or category words after it: "TestFlight distribution" ->
    "TestFlight", "DOJO Library" -> "DOJO"; the item itself when no capitalised name leads it."""
    words = item.split()
    k = len(words)
    while k > 1 and (words[k - 1].islower() or words[k - 1].lower() in _NAME_TAIL_WORDS):
        k -= 1
    if k == len(words) or not all(w[:1].isupper() or any(c.isupper() for c in w) for w in words[:k]):
        return item
    return " ".join(words[:k])


_NOT_LIST_EVIDENCE_TYPES = frozenset(
    {"soft", "language"}
)  # "Teamwork, English": no sign of a tool or skill list


def _names_a_tool_or_skill(hit: _Hit, tx: Taxonomy) -> bool:
    kind = tx.kind(hit.skill_id)
    return kind is not None and kind[0] not in _NOT_LIST_EVIDENCE_TYPES


def _unlisted_items(
    text: str, hits: list[_Hit], sections: Sequence[Section] | None, tx: Taxonomy
) -> list[SkillMention]:
    """Items of a tool or skill list that the taxonomy does not name ("Saucelabs", "LogiXML", "Grant
    Reporting"), one mention per item.

    A line counts as such a list when it reads as a list (or lies in a skills section) and holds at least
    two taxonomy skills other than soft skills and languages (technologies, practices, fields), one when a
    list label opens it ("Tools: Eclipse, CodeWarrior"); a list wrapped over lines that end in a comma counts
    the skills of all its lines. Items are split at separators and at "and"/"or"; each item of one to four
    words, not all lower case and not a duty ("Created", "Led design"), becomes an "unlisted:" skill of type
    "unlisted" at low confidence. Left out: items the taxonomy names (a guard ruled them out here), items
    holding a taxonomy skill unless they name more than it ("SharePoint Designer" yes, "Databases Oracle"
    no; see `_names_more_than`), items with a role or filler word ("Senior Engineer", "basics of C"), and
    single words that are part of 3+ multi-word aliases ("Studio", "Managing") or name an occupation
    ("Accountant"). The ids name no taxonomy entry: `Taxonomy.get` returns None for them and
    `Taxonomy.related` an empty dict.
    """
    m = _matcher(tx)
    by_line: dict[int, list[_Hit]] = {}
    # line start -> hits begun on an earlier line ("Crystal\nReports 9.0")
    runs_in: dict[int, list[_Hit]] = {}
    for h in hits:
        a = _line_bounds(text, h.start)[0]
        by_line.setdefault(a, []).append(h)
        nl = text.rfind("\n", h.start, h.end)
        if nl >= 0:
            runs_in.setdefault(nl + 1, []).append(h)
    found: dict[str, SkillMention] = {}
    tech = {a: sum(1 for h in hs if _names_a_tool_or_skill(h, tx)) for a, hs in by_line.items()}
    blocks: dict[int, int] = {}  # line start -> technologies of its wrapped list (lines ending in a comma)
    for a in sorted(by_line):
        if a in blocks:
            continue
        starts = [a]
        while starts[0] > 0 and text[: starts[0] - 1].rstrip(" \t").endswith(","):
            prev = _line_bounds(text, starts[0] - 1)[0]
            if prev == starts[0]:
                break
            starts.insert(0, prev)
        while True:
            end = _line_bounds(text, starts[-1])[1]
            if end >= len(text) or not text[starts[-1] : end].rstrip(" \t").endswith(","):
                break
            starts.append(end + 1)
        total = sum(tech.get(x, 0) for x in starts)
        for x in starts:
            blocks[x] = max(blocks.get(x, 0), total)
    for a in sorted(blocks):
        line_hits = by_line.get(a, []) + runs_in.get(a, [])
        b = _line_bounds(text, a)[1]
        line = text[a:b]
        need = _TOOL_LINE_MIN - (1 if _LIST_LABEL_RE.match(line) else 0)
        if blocks[a] < need:
            continue
        if not (_is_list_line(line) or _in_sections(a, sections, {"skills"})):
            continue
        if _in_sections(a, sections, {"certifications"}):
            continue  # "CCNA, MCSE, ITIL Foundation": certificates, read by parsers.certifications
        label = _LABEL_PREFIX_RE.match(line) or _DASH_LABEL_RE.match(line)
        pos = a + (label.end() if label else 0)
        for part in _ITEM_SEP_RE.split(text[pos:b]):
            start = text.find(part, pos, b)
            if start < 0:
                continue
            pos = start + len(part)
            item = _VERSION_TAIL_RE.sub("", _ITEM_TRIM_RE.sub(" ", part).strip()).strip(" \t.:*-")
            item = " ".join(item.split())
            if not item or len(item) > 40 or not _ITEM_OK_RE.fullmatch(item):
                continue
            if ". " in item:
                continue  # "HTTPS. IP": two sentences run together, not one name
            # "logging (Less than 1 year), SQL (2 years)": a job board's skills list rates each item in years, so
            # its items are skills however they are written
            rated = _YEARS_RATED_RE.search(part) is not None
            if item.islower() and not _TOOL_LABEL_RE.match(line) and not rated:
                continue  # "meetings, policies": everyday words in a list; tools are named in capitals
                # (after a label naming tools, "Tools: gdb, putty", lower-case items are tools all the same)
            if not _plain_name(item, m, rated=rated):
                continue
            i0 = text.find(item.split()[0], start, pos)
            if i0 < 0:
                continue
            j = text.find(item.split()[-1], i0, pos)
            span_end = j + len(item.split()[-1])
            ver = _VERSION_AFTER_RE.match(text, span_end, pos)
            ev_end = ver.end() if ver else span_end
            inside = [h for h in line_hits if h.start < span_end and i0 < h.end]
            if inside and not _names_more_than(text, i0, span_end, inside):
                continue
            if tx.lookup(item) is not None:
                continue  # a taxonomy skill its guard ruled out here ("Excel at ...")
            _add_unlisted(found, _product_name(item), Span.of(text, i0, ev_end), sections)
    _vertical_list_items(text, by_line, sections, tx, found)
    return list(found.values())


_NOT_NAME_WORDS = _NOT_ITEM_WORDS | _ROLE_WORDS
# Words of a proficiency level: "Very Proficient", "Expert", "Intermediate" head or rate the skills of a table
# ("Skill: level" lines, level columns), they name none.
_LEVEL_WORDS = frozenset(
    {"very", "highly", "proficient", "proficiency", "expert", "advanced", "intermediate", "beginner", "novice",
     "experienced", "familiar", "fluent", "competent", "moderate", "excellent", "strong", "level"}
)  # fmt: skip


_YEARS_RATED_RE = re.compile(r"\((?:less than )?\d+\+? years?\)", re.IGNORECASE)


def _plain_name(item: str, m: _Matcher, *, rated: bool = False) -> bool:
    """Could this list item name a tool or skill? Not with over four words, a role or filler word ("Senior
    Engineer", "basics of C"), as a duty ("Created", "Led design"), made of proficiency levels only ("Very
    Proficient"), with a spoken language's name ("Fluent English"), or as a single word naming an occupation
    ("Accountant") or taken from 3+ multi-word aliases ("Studio" of "Visual Studio", "Managing"), unless the list
    rates the item in years of use (`rated`)."""
    words = item.lower().split()
    if len(words) > 4 or not _NOT_NAME_WORDS.isdisjoint(words) or _LEVEL_WORDS.issuperset(words):
        return False
    if _duty_item(item.split()):
        return False
    if not m.language_words.isdisjoint(words):
        return False  # "Fluent English", "Spanish - Beginners level": a spoken language and its level
    if rated:  # an item rated in years of use ("security (2 years)") is a skill, whatever else its word names
        return True
    return not (len(words) == 1 and (words[0] in occupation_words() or words[0] in m.alias_words()))


def _add_unlisted(
    found: dict[str, SkillMention], name: str, ev: Span, sections: Sequence[Section] | None
) -> None:
    key = UNLISTED_PREFIX + "-".join(re.findall(r"[a-z0-9+#]+", name.lower()))
    if key in found:
        found[key].evidence.append(ev)
        return
    kinds: list[str] = [s.kind for s in sections or () if s.start <= ev.start < s.end]
    found[key] = SkillMention(
        skill_id=key,
        name=name,
        type=UNLISTED_TYPE,
        evidence=[ev],
        sections=kinds[:1],
        confidence=_UNLISTED_CONFIDENCE,
    )


_BULLET_LEAD_RE = re.compile(r"[\s•●◦▪·*➢\uf0a7\uf0b7~>-]*")
_VERTICAL_LINE_MAX = (
    60  # characters of a line, bullets and spaces included, that can hold a 40-character item
)
_VERTICAL_RUN_MIN = 3  # lines in a run of short lines that makes a vertical list
_VERTICAL_TAX_SHARE = 3  # at least one line in this many of the run holds a taxonomy skill
_YEAR_IN_RE = re.compile(r"\b(?:19|20)\d\d\b")


def _vertical_list_items(
    text: str,
    by_line: dict[int, list[_Hit]],
    sections: Sequence[Section] | None,
    tx: Taxonomy,
    found: dict[str, SkillMention],
) -> None:
    """Items of a vertical list in a skills section, one per line ("Data cleaning" / "SQL" / "Tableau"),
    that the taxonomy does not name. A run of at least three short lines (one to four words, no comma or
    colon; blank lines between them, as in double-spaced lists, are skipped; the section's heading line is
    none of them) is such a list when at least a third of its lines hold a taxonomy skill; each line of it
    without one, capitalised, holding no year or link and passing the same word rules as list items
    (`_plain_name`), is an "unlisted" skill."""
    m = _matcher(tx)
    for sec in sections or ():
        if sec.kind != "skills":
            continue
        rows: list[tuple[int, str, bool, bool]] = []  # (item start, item, short, holds a taxonomy skill)
        a = sec.start
        if sec.heading:  # the heading line names the list, it is no item of it
            nl = text.find("\n", a, sec.end)
            a = sec.end if nl < 0 else nl + 1
        while a < sec.end:
            b = text.find("\n", a, sec.end)
            b = sec.end if b < 0 else b
            if b == a or text[a:b].isspace():  # a blank line between items (a double-spaced list) ends no run
                a = b + 1
                continue
            if b - a > _VERTICAL_LINE_MAX:  # a long line is no item: skip the work below
                rows.append((a, "", False, a in by_line))
                a = b + 1
                continue
            lead = _BULLET_LEAD_RE.match(text, a, b)
            i0 = lead.end() if lead else a
            item = text[i0:b].strip().rstrip(".;")
            short = 0 < len(item) <= 40 and len(item.split()) <= 4 and "," not in item and ":" not in item
            rows.append((i0, item, short, a in by_line))
            a = b + 1
        k = 0
        while k < len(rows):
            if not rows[k][2]:
                k += 1
                continue
            end = k
            while end < len(rows) and rows[end][2]:
                end += 1
            run = rows[k:end]
            held = sum(1 for r in run if r[3])
            k = end
            if len(run) < _VERTICAL_RUN_MIN or held * _VERTICAL_TAX_SHARE < len(run):
                continue
            for i0, item, _short, has_skill in run:
                if has_skill or not item[:1].isupper() or not _ITEM_OK_RE.fullmatch(item):
                    continue
                if _YEAR_IN_RE.search(item) or _URL_ANCHOR_RE.search(item):
                    continue  # "June 2008 - Present", "Portfolio - www.example.com": a date or link, no skill
                if not _plain_name(item, m) or tx.lookup(item) is not None:
                    continue
                _add_unlisted(found, item, Span.of(text, i0, i0 + len(item)), sections)
