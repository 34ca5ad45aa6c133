"""Resume parsing: bytes -> text (parsers.extract) -> sections -> fields -> `Resume`.

Every field keeps its evidence (a Span into `Resume.text`) and a confidence; a field the text does not state
stays None. Skill months: for each skill, the merged months of the positions whose block mentions it;
last_used: the latest end (or `today` for a current position) among those positions.
"""

from __future__ import annotations

import logging
import time
from datetime import date
from typing import Any

from models.errors import EmptyDocument
from models.resume import Resume, SkillMention, WorkItem
from parsers.certifications import extract_certifications
from parsers.contact import extract_contact
from parsers.dates import interval, merge_intervals, ordinal_to_date
from parsers.education import extract_education
from parsers.experience import extract_experience, find_gaps, find_headline, total_months, without_own_name
from parsers.languages import extract_languages
from parsers.objectives import target_titles
from parsers.referees import extract_referees
from parsers.sections import split_sections
from parsers.side_positions import side_positions
from parsers.text import fold_ligatures

__all__ = ["PARSER_VERSION", "parse_resume", "parse_resume_text"]

# stored with each parse (Resume.meta): raised when the Resume gains or changes a field (0.2: target_titles)
PARSER_VERSION = "fields-0.2"
log = logging.getLogger(__name__)


def parse_resume(
    data: bytes, *, limits: Any = None, today: date | None = None, pdf_engine: str | None = None
) -> Resume:
    """Parse resume bytes (PDF, DOCX, HTML, Markdown or text) into a `Resume`.

    Raises a `ParseError` subclass for unreadable, empty, oversized or hostile input.
    """
    from parsers.extract import extract_document

    t0 = time.perf_counter()
    doc = extract_document(data, limits=limits, pdf_engine=pdf_engine)
    extract_ms = (time.perf_counter() - t0) * 1000
    meta: dict[str, object] = {"pages": doc.pages, "engine": doc.engine, "extract_ms": round(extract_ms, 2)}
    resume = parse_resume_text(doc.text, source_format=doc.format, today=today, meta=meta)
    if doc.warnings:
        resume.warnings = [*doc.warnings, *resume.warnings]
    return resume


def _normalize_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return fold_ligatures(text.replace("\u00a0", " ").replace("\u200b", ""))


def _skills(text: str, sections: list[Any], warnings: list[str]) -> list[SkillMention]:
    try:
        from parsers.skills import extract_skills
    except ImportError:
        warnings.append("skills: parsers.skills is not available; no skills extracted")
        return []
    return list(extract_skills(text, sections))


def _link_skills(skills: list[SkillMention], work: list[WorkItem], today: date) -> None:
    """Fill WorkItem.skill_ids and SkillMention.months / last_used from the position blocks."""
    for w in work:
        if w.evidence is None:
            continue
        a, b = w.evidence.start, w.evidence.end
        ids = [s.skill_id for s in skills if any(a <= e.start < b for e in s.evidence)]
        w.skill_ids = sorted(set(ids))
    for s in skills:
        ivs: list[tuple[int, int]] = []
        last: int | None = None
        for w in work:
            if s.skill_id not in w.skill_ids:
                continue
            iv = interval(w.start, w.end, w.current, today=today)
            if iv is None:
                continue
            ivs.append(iv)
            end_ord = iv[1] - 1
            last = end_ord if last is None else max(last, end_ord)
        if ivs:
            s.months = sum(b - a for a, b in merge_intervals(ivs))
            s.last_used = ordinal_to_date(last) if last is not None else None


def parse_resume_text(
    text: str,
    *,
    source_format: str = "txt",
    today: date | None = None,
    meta: dict[str, object] | None = None,
) -> Resume:
    """Parse already-extracted resume text into a `Resume` (spans index into the normalized text).

    Raises EmptyDocument when the text has no letters at all.
    """
    t0 = time.perf_counter()
    today = today or date.today()
    text = _normalize_text(text)
    if not any(ch.isalpha() for ch in text):
        raise EmptyDocument("the resume has no text")
    warnings: list[str] = []
    sections = split_sections(text)
    contact = extract_contact(text, sections)
    work = without_own_name(
        extract_experience(text, sections, today=today),
        contact.name.value if contact.name else None,
        name_at=contact.name.evidence.start if contact.name and contact.name.evidence else None,
    )
    education = extract_education(text, sections)
    certifications = extract_certifications(text, sections)
    languages = extract_languages(text, sections)
    referees = extract_referees(text, sections)
    skills = _skills(text, sections, warnings)
    _link_skills(skills, work, today)
    summary = _summary(text, sections)
    name_end = contact.name.evidence.end if contact.name and contact.name.evidence else None
    headline = find_headline(text, sections, name_end)
    if not work:
        warnings.append("experience: no dated positions found")
    # roles stated outside the work history (labelled project roles, the headline's further titles): undated
    work.extend(side_positions(text, sections, work, headline))
    resume = Resume(
        text=text,
        source_format=source_format if source_format in {"pdf", "docx", "txt", "md", "html"} else "txt",  # type: ignore[arg-type]
        sections=sections,
        contact=contact,
        headline=headline,
        summary=summary,
        work=work,
        education=education,
        skills=skills,
        certifications=certifications,
        languages=languages,
        referees=referees,
        target_titles=target_titles(text, sections),
        total_experience_months=total_months(work, today=today),
        gaps=find_gaps(work, today=today),
        warnings=warnings,
    )
    out_meta: dict[str, object] = {"pages": 1, "engine": "text"}
    out_meta.update(meta or {})
    out_meta["parser_version"] = PARSER_VERSION
    out_meta["today"] = today.isoformat()
    out_meta["parse_ms"] = round((time.perf_counter() - t0) * 1000, 2)
    resume.meta = out_meta
    log.debug("parsed resume: %d sections, %d positions", len(sections), len(work))
    return resume


def _summary(text: str, sections: list[Any]) -> Any:
    from models.evidence import Span, TextField

    for s in sections:
        if s.kind == "summary":
            nl = text.find("\n", s.start, s.end) if s.heading else s.start - 1
            body_start = s.start if nl < 0 else nl + 1
            body = text[body_start : s.end]
            stripped = body.strip()
            if not stripped:
                continue
            a = body_start + body.index(stripped[0])
            return TextField(value=stripped, evidence=Span.of(text, a, a + len(stripped)), confidence=0.8)
    return None
