"""Export a `Resume` as a JSON Resume document (https://jsonresume.org/schema).

Standard keys: basics (name, label, email, phone, url, summary, location, profiles), work, education,
skills, certificates, languages. Everything the schema has no place for (confidences, evidence offsets,
sections, total experience, gaps, warnings, parse metadata) goes under ``meta.shortlist``. Fields the
resume does not state are left out, never invented. The schema itself ships as
parsers/data/jsonresume_schema.json (MIT, see its "$comment").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from models.evidence import Span
from models.resume import Link, PartialDate, Resume

__all__ = ["SCHEMA_PATH", "load_schema", "to_json_resume", "validate_json_resume"]

SCHEMA_PATH = Path(__file__).resolve().parent / "data" / "jsonresume_schema.json"
_US_STATE = re.compile(r"^[A-Z]{2}$")


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON Resume schema (draft-04) shipped with the package."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def validate_json_resume(doc: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when `doc` does not follow the JSON Resume schema."""
    import jsonschema

    jsonschema.Draft4Validator(load_schema()).validate(doc)


def _date(d: PartialDate | None) -> str | None:
    return d.iso() if d else None


def _span(s: Span | None) -> list[int] | None:
    return [s.start, s.end] if s else None


def _url(u: str) -> str:
    return u if re.match(r"^[a-z][a-z0-9+.\-]*://", u, re.IGNORECASE) else f"https://{u}"


def _profile(link: Link) -> dict[str, str]:
    network = {"linkedin": "LinkedIn", "github": "GitHub"}.get(link.kind, "")
    url = _url(link.url)
    out = {"url": url}
    if network:
        out["network"] = network
        m = re.search(r"(?:linkedin\.com/in|github\.com)/([^/?#\s]+)", url, re.IGNORECASE)
        if m:
            out["username"] = m.group(1)
    return out


def _location(value: str) -> dict[str, str]:
    loc: dict[str, str] = {"address": value}
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if len(parts) >= 2:
        loc["city"] = parts[0]
        loc["region"] = parts[1].split()[0] if _US_STATE.match(parts[1].split()[0]) else parts[1]
    elif parts:
        loc["city"] = parts[0]
    return loc


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def to_json_resume(resume: Resume) -> dict[str, Any]:
    """The resume as a JSON Resume dict (validates against parsers/data/jsonresume_schema.json)."""
    c = resume.contact
    basics: dict[str, Any] = {
        "name": c.name.value if c.name else None,
        "label": resume.headline.value if resume.headline else None,
        "email": c.email.value if c.email else None,
        "phone": c.phone.value if c.phone else None,
        "summary": resume.summary.value if resume.summary else None,
        "location": _location(c.location.value) if c.location else None,
        "profiles": [_profile(link) for link in c.links if link.kind in {"linkedin", "github"}],
    }
    portfolio = next((link for link in c.links if link.kind == "portfolio"), None)
    if portfolio:
        basics["url"] = _url(portfolio.url)

    work = [
        _clean(
            {
                "name": w.employer,
                "position": w.title,
                "location": w.location,
                "startDate": _date(w.start),
                "endDate": None if w.current else _date(w.end),
                "highlights": list(w.description),
            }
        )
        for w in resume.work
    ]
    education = [
        _clean(
            {
                "institution": e.institution,
                "area": e.field,
                "studyType": e.degree,
                "startDate": _date(e.start),
                "endDate": _date(e.end),
            }
        )
        for e in resume.education
    ]
    skills = []
    for s in resume.skills:
        keywords: list[str] = []
        for ev in s.evidence:
            kw = ev.text.strip()
            if kw and kw.lower() != s.name.lower() and kw not in keywords:
                keywords.append(kw)
        skills.append(_clean({"name": s.name, "keywords": keywords}))
    certificates = [
        _clean({"name": cert.name, "issuer": cert.issuer, "date": _date(cert.date)})
        for cert in resume.certifications
    ]
    languages = [
        _clean({"language": lang.name, "fluency": lang.level or (lang.cefr if lang.cefr else None)})
        for lang in resume.languages
    ]
    extras: dict[str, Any] = {
        "source_format": resume.source_format,
        "total_experience_months": resume.total_experience_months,
        "gaps": [{"start": g.start.iso(), "end": g.end.iso(), "months": g.months} for g in resume.gaps],
        "sections": [
            {"kind": s.kind, "heading": s.heading, "start": s.start, "end": s.end} for s in resume.sections
        ],
        "confidence": _clean(
            {
                "name": c.name.confidence if c.name else None,
                "email": c.email.confidence if c.email else None,
                "phone": c.phone.confidence if c.phone else None,
                "location": c.location.confidence if c.location else None,
                "headline": resume.headline.confidence if resume.headline else None,
            }
        ),
        "evidence": _clean(
            {
                "name": _span(c.name.evidence) if c.name else None,
                "email": _span(c.email.evidence) if c.email else None,
                "phone": _span(c.phone.evidence) if c.phone else None,
                "location": _span(c.location.evidence) if c.location else None,
                "work": [
                    _clean(
                        {
                            "title": _span(w.title_evidence),
                            "employer": _span(w.employer_evidence),
                            "dates": _span(w.dates_evidence),
                            "block": _span(w.evidence),
                            "confidence": w.confidence,
                        }
                    )
                    for w in resume.work
                ],
                "education": [
                    _clean(
                        {
                            "institution": _span(e.institution_evidence),
                            "degree": _span(e.degree_evidence),
                            "dates": _span(e.dates_evidence),
                            "confidence": e.confidence,
                        }
                    )
                    for e in resume.education
                ],
            }
        ),
        "work_extra": [
            _clean({"current": w.current, "months": w.months, "skill_ids": w.skill_ids}) for w in resume.work
        ],
        "education_levels": [e.level for e in resume.education],
        "skills_extra": [
            _clean(
                {
                    "skill_id": s.skill_id,
                    "type": s.type,
                    "months": s.months,
                    "last_used": _date(s.last_used),
                    "confidence": s.confidence,
                }
            )
            for s in resume.skills
        ],
        "languages_cefr": [lang.cefr for lang in resume.languages],
        "warnings": list(resume.warnings),
        "parse": dict(resume.meta),
    }
    doc: dict[str, Any] = {
        "basics": _clean(basics),
        "work": work,
        "education": education,
        "skills": skills,
        "certificates": certificates,
        "languages": languages,
        "meta": {"version": "v1.0.0", "shortlist": extras},
    }
    return doc
