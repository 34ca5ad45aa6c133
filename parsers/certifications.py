"""Certifications and licences: name, issuer and date where stated.

Lines of a certifications section are entries. Elsewhere only lines that say "Certified ..." or
"... Certification/Certificate" count. The issuer comes from "by/from/- Issuer" or a known issuer name.
"""

from __future__ import annotations

import re

from models.evidence import Span
from models.resume import Certification, Section
from parsers.dates import find_dates
from parsers.education import INSTITUTION_RE, find_degrees

__all__ = ["extract_certifications"]

_ISSUERS = (
    "Amazon Web Services", "AWS", "Microsoft", "Google Cloud", "Google", "Oracle", "Cisco", "CompTIA", "PMI",
    "Project Management Institute", "Scrum Alliance", "Scrum.org", "ISACA", "(ISC)²", "ISC2", "Red Hat",
    "Salesforce", "SAP", "IBM", "Coursera", "Udemy", "edX", "LinkedIn Learning", "Linux Foundation", "CNCF",
    "HashiCorp", "VMware", "Databricks", "Snowflake", "Tableau", "ITIL", "Axelos", "AICPA", "CFA Institute",
    "NASM", "ACE", "American Red Cross", "Red Cross", "NPTEL", "Infosys", "Juniper", "Adobe", "Autodesk",
    "Six Sigma", "IIBA", "SHRM", "HubSpot", "Meta", "Kubernetes",
)  # fmt: skip
_ISSUER_RE = re.compile(r"(?<![\w])(" + "|".join(re.escape(i) for i in _ISSUERS) + r")(?![\w])")
_BY_RE = re.compile(
    r"\s(?:by|from|issued by|through|via)\s+([A-Z][\w.&()'\- ]{1,60})$|(?:\s[-–|]|\s?,)\s+([A-Z][\w.&()'\- ]{1,60})$"
)
_LEVEL_WORDS = {
    "associate",
    "professional",
    "expert",
    "practitioner",
    "foundation",
    "specialty",
    "advanced",
    "basic",
}
_CERT_LINE_RE = re.compile(r"\b(?:certified|certification|certificate|licen[cs]e[d]?)\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[•·▪●◦○■□♦❖➢➤►▶✓✔\-*–—〓]|\d{1,2}[.)])\s*")
# a separator between items written on one line, never inside a name
_ITEM_SEPARATOR = re.compile(r"[ \t]+[~•●▪■◆♦❖][ \t]+")
_DATE_TAIL = re.compile(r"[\s,(\-–|]*(?:issued|obtained|completed|awarded)?[\s:]*$", re.IGNORECASE)


_META_TAIL = re.compile(
    r"(?:[ \t]*[|,;][ \t]*|[ \t]+[-–][ \t]+)(?i:issued|expires?|expiry|expiration|exp\.|valid[ \t]+(?:until|through|thru)|"
    r"credential[ \t]+id|licen[cs]e[ \t]*(?:no\b|number|#)|lic\.?[ \t]*#|#[ \t]*\d)"
)


_STATUS_TAIL = re.compile(
    r"[ \t,;-]*\((?i:provisional|pending|in[ \t]+progress|active|inactive|expired|lapsed|current|ongoing|"
    r"candidate|renewed|temporary)\)$"
)


_ISSUED_BY = re.compile(
    r"[ \t|,;–-]*(?i:issued)[ \t]+(?i:by)[ \t]+([A-Z][\w.&()' -]{1,60}?)[ \t]*(?=[,|;(]|\d|$)"
)


def _trimmed(name: str) -> str:
    """The name without separators and brackets that open or close nothing at its ends: "(PMP)" -> "PMP",
    "Planner (" -> "Planner", "CFP)" -> "CFP"; "Planner (CFP)" keeps its own."""
    name = name.strip(" ,;:-–|")
    while name.endswith("("):
        name = name[:-1].rstrip(" ,;:-–|")
    if name.startswith("(") and name.endswith(")") and name.count("(") == 1 and name.count(")") == 1:
        name = name[1:-1].strip()
    if name.startswith("(") and name.count("(") > name.count(")"):
        name = name[1:].lstrip(" ,;:-–|")
    if name.endswith(")") and name.count(")") > name.count("("):
        name = name[:-1].rstrip(" ,;:-–|")
    return name


def _closed(name: str, body: str) -> str:
    """A name whose bracket a date or an issuer cut off ("Certified Financial Planner (CFP" of "... (CFP, 2010)")
    regains the closing bracket that the line writes after it."""
    if name.count("(") > name.count(")"):
        at = body.find(name)
        if at >= 0 and ")" in body[at + len(name) :]:
            return name + ")"
    return name


# "Licensure: IL Professional Educator License", "A valid Teacher's License", "2005: ...": a label, an article or
# a year before the name
_NAME_LABEL = re.compile(
    r"(?:(?:19|20)\d\d[ \t]*:[ \t]*)?"
    r"(?:(?i:licen[cs]ure|licen[cs]es?|certifications?|certificates?(?:[ \t]+held)?|credentials?)[ \t]*:[ \t]*)?"
    r"(?:(?:(?i:an?|the)[ \t]+)?(?i:valid|current)(?:[ \t]+(?:and|&)[ \t]+(?i:valid|current))?[ \t]+)?"
)
# a personal detail, not a credential: "Driving license: Yes"
_YES_NO_FIELD = re.compile(r"[^:\n]{1,40}:[ \t]*(?i:yes|no|held|available|valid)[ \t.]*$")
# a sub-heading made of generic words: "ADDITIONAL CERTIFIED TRAINING", "Licenses and Certifications"
_GENERIC_WORDS = frozenset({
    "additional", "certified", "certifications", "certification", "certificates", "certificate", "licenses",
    "licences", "license", "licence", "licensure", "training", "trainings", "courses", "course", "professional",
    "development", "and", "&", "other", "relevant",
})  # fmt: skip
# outside a certifications section, a sentence about oneself ("I have been licensed as ..."): prose, not a name
_FIRST_PERSON = re.compile(r"(?<![\w.])I(?:[ \t]+(?:have|am|was|hold|had)\b|')")
_PLACEHOLDER = re.compile(r"[xX]{3,}")
_SENTENCE_STOP = re.compile(r"(?<![\w.])[A-Za-z][a-z]{3,}\.$")


def _not_a_name(body: str) -> bool:
    """A line that is no credential's name: a personal detail ("Driving license: Yes") or a sub-heading made of
    generic words ("ADDITIONAL CERTIFIED TRAINING")."""
    if _YES_NO_FIELD.fullmatch(body):
        return True
    words = body.rstrip(" :").lower().split()
    return bool(words) and all(w in _GENERIC_WORDS for w in words)


def _school_certificate(line: str) -> bool:
    """Outside a certifications section: a school-level qualification ("Certificate (Std XII)", "Kenya Certificate
    of Education (KCE) 'O Level"), which the education parser reads."""
    return any(d.level == "secondary" for d in find_degrees(line))


def _entry(text: str, a: int, b: int, conf: float) -> Certification | None:
    line = text[a:b]
    m = _BULLET.match(line)
    off = a + (m.end() if m else 0)
    lab = _NAME_LABEL.match(text, off, b)
    year_label = None
    if lab is not None and lab.end() < b and text[lab.end()].isalnum():
        year_label = find_dates(text[off : lab.end()])
        off = lab.end()
    body = text[off:b].rstrip()
    if (
        len(body) < 3
        or len(body) > 160
        or not re.search(r"[A-Za-z]{2}", body)
        or _PLACEHOLDER.fullmatch(body)
        or _not_a_name(body)
    ):
        return None
    date = year_label[0][0] if year_label else None
    # "| Issued Jan 2020 | Expires Jan 2023", ", License #123456, exp. 2025": record keeping, not the name
    meta = _META_TAIL.search(body)
    meta_issuer = None
    if meta is not None:
        issued = re.search(r"(?i)\bissued\b", body[meta.start() :])
        when = find_dates(body[meta.start() + issued.end() :]) if issued else []
        date = when[0][0] if when else None
        by = _ISSUED_BY.match(body, meta.start())
        meta_issuer = by.group(1).strip() if by else None
        body = body[: meta.start()].rstrip()
    dates = find_dates(body)
    name_end = len(body)
    if dates:
        d, ds, de = dates[-1]
        date = d
        if de >= len(body.rstrip(" )")) - 1:
            name_end = ds
    name = _trimmed(_DATE_TAIL.sub("", body[:name_end]))
    issuer = None
    bm = _BY_RE.search(name)
    if bm:
        issuer = (bm.group(1) or bm.group(2)).strip()
        # "(Query, Retrieve DB, Functions And)": the end of a bracketed list, not an issuer
        if (
            len(issuer.split()) <= 6
            and issuer.lower() not in _LEVEL_WORDS
            and issuer.count(")") <= issuer.count("(")
        ):
            name = name[: bm.start()].strip(" ,;:-–|")
        else:
            issuer = None
    if issuer is None:
        issuer = meta_issuer
    if issuer is None:
        im = _ISSUER_RE.search(name)
        if im:
            issuer = im.group(1)
    name = " ".join(_closed(name, body).split())
    # "School Counselor (Provisional)", "... (in progress)": the credential's status, not its name
    name = _STATUS_TAIL.sub("", name)
    # "A valid Teacher's License." ends a sentence; "Co." or "Ph.D." keep theirs
    if _SENTENCE_STOP.search(name):
        name = name[:-1]
    if not name or len(name) < 3:
        return None
    start = text.find(name, off, b)
    ev = Span.of(text, start, start + len(name)) if start >= 0 else Span.of(text, off, b)
    return Certification(name=name, issuer=issuer, date=date, evidence=ev, confidence=conf)


# the rest of a name on the next line: led by a connector ("in Financial Accounting"), or, after "... Certified",
# a level title ("Application Associate")
_CONTINUATION = re.compile(r"(?:in|of|for|and|&|on|with)[ \t]+[A-Z(]")
_LEVEL_TITLE = re.compile(
    r"(?:[A-Z][\w+.&/-]*[ \t]+){0,3}(?:Associate|Professional|Expert|Specialist|Developer|Administrator|Engineer|"
    r"Architect|Consultant|Practitioner|Analyst)"
)


def _wrapped_end(text: str, a: int, b: int, hi: int) -> int:
    """End of a certification's lines: the next line's end when it goes on with the name begun on this one
    ("SAP Certified Application" / "in Financial Accounting", "SAP Business Certified" / "Application Associate"),
    else `b`."""
    if b + 1 >= hi:
        return b
    ne = text.find("\n", b + 1, hi)
    ne = hi if ne < 0 else ne
    nxt = text[b + 1 : ne].strip()
    if not nxt or _CERT_LINE_RE.search(nxt):
        return b
    if _CONTINUATION.match(nxt):
        return ne
    if text[a:b].rstrip().lower().endswith("certified") and _LEVEL_TITLE.fullmatch(nxt):
        return ne
    return b


def _education_line(text: str, a: int, b: int) -> bool:
    """The line holds a degree at its start ("Bachelor of Science in Nursing", "MBA, 2012") or only an
    institution's name and place ("University of Michigan, Ann Arbor"), and no certification word."""
    m = _BULLET.match(text, a, b)
    body = text[m.end() if m else a : b].strip()
    if not body or _CERT_LINE_RE.search(body):
        return False
    degrees = [
        d for d in find_degrees(body) if d.level != "associate" or not d.text.lower().startswith("dipl")
    ]
    if degrees and degrees[0].start == 0:
        return True
    # the name leads the line; "Sociology of Children: Monash University" is a course taken there
    head = re.split(r"[,:;|(]|\s[-–]\s|\s(?:from|by|at)\s", body, maxsplit=1)[0]
    return bool(INSTITUTION_RE.search(head)) and len(head.split()) <= 8 and not re.search(r"\d{3}", body)


def extract_certifications(text: str, sections: list[Section]) -> list[Certification]:
    """Certifications from certifications sections, plus "Certified ..." lines elsewhere."""
    out: list[Certification] = []
    seen: set[str] = set()
    for sec in sections:
        in_section = sec.kind == "certifications"
        if not in_section and sec.kind not in {"summary", "skills", "other", "awards", "education", "header"}:
            continue
        pos = sec.start
        first = True
        while pos < sec.end:
            nl = text.find("\n", pos, sec.end)
            e = sec.end if nl < 0 else nl
            line = text[pos:e]
            is_heading_line = first and sec.heading is not None
            first = False
            if line.strip() and not is_heading_line:
                if in_section and _education_line(text, pos, e):
                    c = None  # "EDUCATION AND CERTIFICATIONS": the degree and school lines are education
                elif in_section:
                    # "PMP ~ Certified Information Systems Auditor (CISA)": several items on the line
                    pieces = _ITEM_SEPARATOR.split(line)
                    c = None
                    if len(pieces) == 1:
                        e2 = _wrapped_end(text, pos, e, sec.end)  # a name wrapped onto the next line
                        c = _entry(text, pos, e2, 0.75) if e2 > e else None
                        if c is None:
                            c = _entry(text, pos, e, 0.75)
                        else:
                            e = e2
                    a = pos
                    for piece in pieces if len(pieces) > 1 else ():
                        a = text.index(piece, a)
                        ci = _entry(text, a, a + len(piece), 0.75)
                        a += len(piece)
                        if ci and ci.name.lower() not in seen:
                            seen.add(ci.name.lower())
                            out.append(ci)
                elif (
                    _CERT_LINE_RE.search(line)
                    and len(line.strip()) <= 120
                    and not line.strip().endswith(":")
                    and not _FIRST_PERSON.search(line)
                    and not _school_certificate(line)
                ):
                    c = _entry(text, pos, e, 0.5)
                else:
                    c = None
                if c and c.name.lower() not in seen:
                    seen.add(c.name.lower())
                    out.append(c)
            elif is_heading_line and in_section and sec.heading:
                # inline heading: "Certifications: AWS SA, PMP"
                rest = line.split(":", 1)[1] if ":" in line else ""
                if rest.strip():
                    base = pos + line.index(rest)
                    for part in re.finditer(r"[^,;]+", rest):
                        c = _entry(text, base + part.start(), base + part.end(), 0.7)
                        if c and c.name.lower() not in seen:
                            seen.add(c.name.lower())
                            out.append(c)
            pos = e + 1
    return out
