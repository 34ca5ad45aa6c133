"""Runner: openresume-parser (PyPI, AGPL-3.0; a Python port of the OpenResume parser) on the exported dotin PDFs.

Install it in its own venv, never the repo's, and run it there (inputs from
``python -m evaluation.parsing_baselines --export /tmp/s6d/inputs``)::

    python3.11 -m venv /tmp/s6d/venv-openresume
    /tmp/s6d/venv-openresume/bin/pip install openresume-parser==0.1.6
    /tmp/s6d/venv-openresume/bin/python evaluation/baseline_openresume.py /tmp/s6d/inputs /tmp/s6d/pred-openresume.json

It runs its rule-based ("manual") parser: no OCR and no AI options are passed, so nothing leaves the machine.
What it reports and how that maps to the eval's fields: full_name -> name, email -> email, each work-history
entry's title -> designation and company -> companies, the one education entry it keeps (its first) ->
degree_course as degree and passing_year as graduation year, skills -> skills. It reports no college.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.parsing_baselines import runner_main

FIELDS = ("name", "email", "designation", "companies", "degree", "graduation_year", "skills")


def parse_file(path: Path) -> dict[str, Any]:
    from openresume import parse_resume_from_pdf

    result = parse_resume_from_pdf(str(path))
    if not result.get("ok"):
        raise RuntimeError(result.get("error", {}).get("code", "parse failed"))
    r = result["resume"]
    history = r.get("experience", {}).get("work_history", [])
    edu = r.get("education", {})
    return {
        "name": r.get("full_name"),
        "email": r.get("email"),
        "designation": [h.get("title") for h in history],
        "companies": [h.get("company") for h in history],
        "degree": edu.get("degree_course"),
        "graduation_year": edu.get("passing_year"),
        "skills": r.get("skills"),
    }


def _version() -> str:
    from importlib.metadata import version

    return version("openresume-parser")


if __name__ == "__main__":
    sys.exit(runner_main("openresume-parser", _version(), FIELDS, parse_file))
