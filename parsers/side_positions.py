"""Positions a resume states outside its experience sections: the further titles of the headline line
("Program Manager, Product Manager, Product Owner") and roles labelled in project, summary and other sections
("Key Role: UI designer/Developer", "Role: Architect, Leader Developer Flash/PHP").

Each is an undated `WorkItem` at `SIDE_CONFIDENCE` (0.2): the text says the candidate held the role, but gives no
period or employer, and the matcher counts an undated title only from confidence 0.3 (`matcher.profile.title_counts`),
so ranking reads these roles no more than a role line inside another position's block. An item is kept only when
its title is one that no position of the work history (and no earlier item) has. The work-history reader
(parsers.experience) takes the first role of a labelled list in summary and header sections; the others, and the
labelled roles of every other section but the work history and the references (a referee's position is not the
candidate's), come from here.
"""

from __future__ import annotations

import re

from models.evidence import Span, TextField
from models.resume import Section, WorkItem
from parsers.experience import HEADER_LINE_CONFIDENCE
from parsers.titles import is_sentence, norm_key, title_span

__all__ = ["SIDE_CONFIDENCE", "side_positions"]

SIDE_CONFIDENCE = 0.2

# "Role: Developer", "Key Role: UI designer/Developer.", "Designation - Team Lead" at the start of a line
_ROLE_LABEL = re.compile(
    r"(?im)^[ \t]*(?:[•·▪●◦■♦➢➤►\-*][ \t]*)?(?:(?:key|my|primary|project)[ \t]+)?"
    r"(?:roles?|designation|position(?:[ \t]+held)?)[ \t]*(?::|[ \t][-–][ \t])[ \t]*(?P<val>\S[^\n]{0,150})"
)
# a piece of a list of roles: "Architect, Leader Developer", "UI designer/Developer"
_LIST_PIECE = re.compile(r"(?:(?!\s(?:and|&)\s)[^,/;\n])+")
# where a labelled value stops being a list of roles: a sentence ("Developer. Worked with ..."), a bracket
# (a full stop after an abbreviation is none: "Role: Sr. Developer")
_VALUE_END = re.compile(r"(?<!\bSr)(?<!\bJr)(?<!\bSnr)(?<!\bAsst)(?<!\bMgr)\.(?:\s|$)|\(|\s[-–—]\s")


def side_positions(
    text: str, sections: list[Section], work: list[WorkItem], headline: TextField | None = None
) -> list[WorkItem]:
    """Undated roles stated outside the experience sections whose titles neither `work` nor the headline has."""
    seen = {norm_key(w.title) for w in work if w.title}
    if headline is not None:
        seen.add(norm_key(headline.value))
    out: list[WorkItem] = []
    for item in [*_headline_roles(text, headline), *_labelled_roles(text, sections)]:
        key = norm_key(item.title or "")
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


# the pieces of a headline line that lists roles: "Program Manager, Product Manager, Product Owner, BI /"
_HEADLINE_PIECE = re.compile(r"[^,;|•·\n]+")


def _headline_roles(text: str, headline: TextField | None) -> list[WorkItem]:
    """The further roles the headline's line lists beside the headline title, each a whole title ("Product
    Manager" and "Product Owner" of "Program Manager, Product Manager, Product Owner, BI / Datawarehouse")."""
    ev = headline.evidence if headline is not None else None
    if ev is None or headline is None or headline.confidence < HEADER_LINE_CONFIDENCE:
        return []  # a title read from summary prose: its line is a sentence, not a list
    ls = text.rfind("\n", 0, ev.start) + 1
    le = text.find("\n", ev.end)
    le = len(text) if le < 0 else le
    out: list[WorkItem] = []
    for piece in _HEADLINE_PIECE.finditer(text, ls, le):
        if piece.start() < ev.end and ev.start < piece.end():
            continue  # the headline itself
        found = _role_title(piece.group(0))
        if found is not None and piece.group(0)[found[1] :].strip(" /-") == "":
            a, b = piece.start() + found[0], piece.start() + found[1]
            out.append(_title_item(text, a, b))
    return out


# the work history (read by parsers.experience) and referees' positions (parsers.referees) are not side roles
_NOT_OWN_ROLES = frozenset({"experience", "references"})


def _labelled_roles(text: str, sections: list[Section]) -> list[WorkItem]:
    """Roles labelled in any section but the work history's ("Role: Architect, Leader Developer Flash/PHP")."""
    out: list[WorkItem] = []
    for sec in sections:
        if sec.kind in _NOT_OWN_ROLES:
            continue
        for m in _ROLE_LABEL.finditer(text, sec.start, sec.end):
            val = m.group("val")
            cut = _VALUE_END.search(val)
            end = m.start("val") + (cut.start() if cut is not None else len(val))
            for piece in _LIST_PIECE.finditer(text, m.start("val"), end):
                found = _role_title(piece.group(0))
                if found is not None:
                    a, b = piece.start() + found[0], piece.start() + found[1]
                    out.append(_title_item(text, a, b))
    return out


_AND = frozenset({"and"})


def _role_title(piece: str) -> tuple[int, int] | None:
    """Where in a list piece its title stands, up to its last title word ("Leader Developer" of "Leader Developer
    Flash"); None when the piece names no role ("fetching data", "Testing and Bug Fixing")."""
    span = title_span(piece, skip=_AND)  # "Developer and Tester": the piece "and Tester"
    return None if span is None or is_sentence(piece[span[0] : span[1]]) else span


def _title_item(text: str, start: int, end: int) -> WorkItem:
    ev = Span.of(text, start, end)
    return WorkItem(title=ev.text, title_evidence=ev, evidence=ev, confidence=SIDE_CONFIDENCE)
