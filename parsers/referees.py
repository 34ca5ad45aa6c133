"""Referees: the people a candidate names in a references section, each with title and employer.

A referee is not work history: the title ("Principal", "Account Manager") and the employer ("Hillside Primary
School") are the referee's own, so they never become positions, dates or months. Layouts read:

  Bob Dibbert, Account Manager, SYSTIME, London. Phone: ...      one line: name, title, employer
  Kristine Kihn / Chief Advertising Manager / Violet Advertisers     a block: name line, title line, employer line
  Portfolio Manager (Nedbank) - Mrs. Christel Roux                   title first, the employer in brackets
  Dr Alpha Nina Wisoky Lecturer, Department of Marketing             an honorific, the name, then the title
  Demarcus Ledner, product manager at ExaServe                       "title at employer"

Contact lines (phones, e-mail, addresses) and "available on request" notes are skipped; only the title is
required, the name and the employer are kept when the text states them next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.evidence import Span, TextField
from models.resume import Referee, Section
from parsers.titles import looks_like_employer, looks_like_title, word_set

__all__ = ["extract_referees"]

# pieces of a referee line: "Name, Title at Employer", "Title (Employer) - Name", "Head: Strategy"
_SEPARATOR = re.compile(r"\s*(?:[,;|()\[\]–—]|:\s|\s-\s|\sat\s)\s*")
# "Dr", "Prof.", "Professor Jane Doe" (not "Professor of Education", a title)
_HONORIFIC = re.compile(r"^(?:(?i:mr|mrs|ms|miss|dr|prof|sir|rev)\.?|(?i:professor)(?=\s+[A-Z][a-z]))\s+")
_NUMBERING = re.compile(r"^(?:\d{1,2}[.)]|referee\s*\d*\s*:?|[•\-*])\s*", re.IGNORECASE)
# a piece that holds contact details or an address, never a title: digits runs, e-mail, web, labels
_CONTACT = re.compile(
    r"@|\d{3}|https?://|www\.|\.(?:com|org|net|edu)\b|"
    r"\b(?:phone|tel|telephone|cell|mobile|email|e-mail|fax|ph|contact|address|p\.?o\.? box)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z.'\-]*")


# words a title piece never holds: a sentence ("capacity to relate to staff", "i.e. if waitress")
_PROSE_WORDS = word_set("to if i.e. e.g. is are was were will can my me i you your able who which that")
_MINOR = word_set("of and the for in & de")


@dataclass
class _Piece:
    text: str
    start: int
    end: int


def _pieces(text: str, start: int, end: int) -> list[_Piece]:
    out: list[_Piece] = []
    pos = start
    for m in [*_SEPARATOR.finditer(text, start, end), None]:
        stop = m.start() if m else end
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip(" \t.•*\u200b-"))
        s = raw.strip(" \t.•*\u200b-")
        if s:
            out.append(_Piece(s, pos + lead, pos + lead + len(s)))
        pos = m.end() if m else end
    return out


def _person_name(s: str) -> bool:
    """ "Kristine Kihn", "Alpha Nina Wisoky", "J. Smith": two to four capitalized words, none a title or
    organisation word."""
    words = s.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in s):
        return False
    if not all(w[:1].isupper() and _WORD.fullmatch(w) for w in words):
        return False
    return looks_like_title(s) == 0 and looks_like_employer(s) == 0


def _title_of(piece: _Piece) -> tuple[_Piece, _Piece | None] | None:
    """The title a piece names, and a name after it on the same piece ("Manager Lush Cosmetics") as its
    employer, or None."""
    s = piece.text
    lead = 0
    m = _HONORIFIC.match(s)
    if m:
        # "Dr Alpha Nina Wisoky Lecturer": after an honorific a name comes first; the title starts at its
        # first title word
        spans = list(re.finditer(r"\S+", s))
        first = next((w for w in spans[1:] if looks_like_title(w.group(0)) >= 1.0), None)
        if first is None or first is spans[1]:
            return None
        lead = first.start()
        s = s[lead:]
    words = s.split()
    if not words or len(words) > 7 or any(w.lower() in _PROSE_WORDS for w in words):
        return None
    if words[-1].lower() in _MINOR:
        return None  # "Head of": a title cut off
    if s[:1].islower() and len(words) > 3:
        return None
    score = looks_like_title(s)
    # "Violet Advertisers": a plural head names a firm or a group, not one person's post
    if score >= 1.0 and looks_like_employer(s) == 0 and not (len(words) > 1 and _plural(words[-1])):
        if len(words) == 1 and (s.isupper() or s.lower() in {"head", "lead", "senior", "member", "staff"}):
            return None
        a = piece.start + lead
        return _Piece(s, a, a + len(s)), None
    # "Manager Lush Cosmetics", "Former Chairperson Gunditj Mirring Traditional Owners": a title, then a name
    for i in range(len(words) - 1, 0, -1):
        head = " ".join(words[:i])
        rest = " ".join(words[i:])
        if head.split()[-1].lower() in _MINOR or _plural(head.split()[-1]) or not rest[:1].isupper():
            continue
        # the rest names a firm: no title word, or a plural one ("Gunditj Mirring Traditional Owners")
        if looks_like_title(head) >= 1.0 and (looks_like_title(rest) == 0 or _plural(rest.split()[-1])):
            a = piece.start + lead
            r = piece.text.find(rest, lead + len(head))
            return _Piece(head, a, a + len(head)), _Piece(rest, piece.start + r, piece.start + r + len(rest))
    return None


def _plural(word: str) -> bool:
    w = word.lower()
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


def _field(text: str, p: _Piece, confidence: float) -> TextField:
    return TextField(value=p.text, evidence=Span.of(text, p.start, p.end), confidence=confidence)


def extract_referees(text: str, sections: list[Section]) -> list[Referee]:
    """Referees named in the references sections, in document order."""
    out: list[Referee] = []
    for sec in sections:
        if sec.kind != "references":
            continue
        lines: list[tuple[int, int]] = []
        pos = sec.start
        while pos < sec.end:
            nl = text.find("\n", pos, sec.end)
            e = sec.end if nl < 0 else nl
            if text[pos:e].strip():
                lines.append((pos, e))
            pos = e + 1
        for li, (a, b) in enumerate(lines):
            line = text[a:b]
            if len(line) > 160:
                continue
            lead = _NUMBERING.match(line.lstrip())
            a2 = a + (len(line) - len(line.lstrip())) + (lead.end() if lead else 0)
            pieces = [p for p in _pieces(text, a2, b) if not _CONTACT.search(p.text)]
            for k, p in enumerate(pieces):
                found = _title_of(p)
                if found is None:
                    continue
                title, employer = found
                if employer is None and k + 1 < len(pieces) and looks_like_employer(pieces[k + 1].text) > 0:
                    employer = pieces[k + 1]
                if employer is None and k + 1 == len(pieces) and li + 1 < len(lines):
                    nxt = _pieces(text, *lines[li + 1])
                    if nxt and looks_like_employer(nxt[0].text) > 0 and _title_of(nxt[0]) is None:
                        employer = nxt[0]
                if title.text[:1].islower() and k == 0:
                    continue  # a lower-case title only after the referee's name ("Ann Lee, product manager")
                name = None
                if k > 0 and _person_name(_HONORIFIC.sub("", pieces[k - 1].text)):
                    name = pieces[k - 1]
                elif k == 0 and li > 0:
                    prev = _pieces(text, *lines[li - 1])
                    if len(prev) == 1 and _person_name(_HONORIFIC.sub("", prev[0].text)):
                        name = prev[0]
                out.append(
                    Referee(
                        name=_field(text, name, 0.5) if name else None,
                        title=_field(text, title, 0.5),
                        employer=_field(text, employer, 0.4) if employer else None,
                    )
                )
    return out
