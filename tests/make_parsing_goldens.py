"""Regenerate the parsing golden files: tests/data/parsing/NAME.txt -> NAME.expected.json.

Run explicitly after an intended parser change, then review the diff:
    .venv/bin/python tests/make_parsing_goldens.py
The tests never write these files.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLDEN_DIR = ROOT / "tests" / "data" / "parsing"
TODAY = date(2024, 6, 1)


def golden_view(resume: Any) -> dict[str, Any]:
    """The stable, reviewable part of a parsed resume (skills are left out: they follow the taxonomy)."""
    c = resume.contact

    def tf(field: Any) -> str | None:
        return field.value if field is not None else None

    def d(x: Any) -> str | None:
        return x.iso() if x is not None else None

    return {
        "sections": [s.kind for s in resume.sections],
        "contact": {
            "name": tf(c.name),
            "email": tf(c.email),
            "phone": tf(c.phone),
            "location": tf(c.location),
            "links": [[link.kind, link.url] for link in c.links],
        },
        "headline": tf(resume.headline),
        "work": [
            {
                "title": w.title,
                "employer": w.employer,
                "location": w.location,
                "start": d(w.start),
                "end": d(w.end),
                "current": w.current,
                "months": w.months,
                "bullets": len(w.description),
            }
            for w in resume.work
        ],
        "education": [
            {
                "degree": e.degree,
                "level": e.level,
                "field": e.field,
                "institution": e.institution,
                "start": d(e.start),
                "end": d(e.end),
            }
            for e in resume.education
        ],
        "certifications": [[x.name, x.issuer, d(x.date)] for x in resume.certifications],
        "languages": [[x.name, x.level, x.cefr] for x in resume.languages],
        "total_experience_months": resume.total_experience_months,
        "gaps": [[g.start.iso(), g.end.iso(), g.months] for g in resume.gaps],
    }


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from parsers.resume import parse_resume_text

    for src in sorted(GOLDEN_DIR.glob("*.txt")):
        resume = parse_resume_text(src.read_text(encoding="utf-8"), today=TODAY)
        out = src.with_suffix(".expected.json")
        out.write_text(json.dumps(golden_view(resume), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
