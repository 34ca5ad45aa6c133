"""Open-source baseline scoring: hand-made predictions scored with parsing_eval's rules, the runner helper, the
PDF inputs and the command line. No baseline package is needed: predictions are written by hand here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.datasets import dotin_dir, load_dotin_file
from evaluation.parsing_baselines import (
    load_predictions,
    main,
    prediction_resume,
    render_pdf,
    run_baseline,
    score_predictions,
)

XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<cv>
<label type="Name">Jane Doe</label>
<label type="Email Address">jane.doe@example.com</label>

WORK EXPERIENCE

<label type="Designation">Data Analyst</label>

<label type="Companies worked at">Acme Analytics Pvt Ltd</label> - Pune, Maharashtra

January 2019 to Present

<label type="Designation">Junior Statistician</label>

<label type="Companies worked at">Zenith Research</label>

EDUCATION

<label type="Degree">B.Sc. in Statistics</label>

<label type="College Name">University of Pune</label>

<label type="Graduation Year">2018</label>

SKILLS

<label type="Tech Tools">Python</label>, <label type="Tech Tools">Zorblax Studio</label>
</cv>
"""


def _docs() -> list:
    return [load_dotin_file(XML, doc_id="2"), load_dotin_file(XML, doc_id="3")]


# the two documents are copies, which the eval would put in one split; these tests score one per split
SPLIT_APART = {"2": "dev", "3": "holdout"}


def _preds(docs: dict, fields: list[str] | None = None) -> dict:
    return {"parser": "hand", "version": "0", "input": "pdf", "fields": fields or [], "docs": docs}


def test_perfect_and_partial_predictions_are_scored_with_the_eval_rules() -> None:
    perfect = {
        "name": ["Jane Doe"],
        "email": ["jane.doe@example.com"],
        "designation": ["Data Analyst", "Junior Statistician"],
        # the legal suffix is dropped on both sides, as in the eval
        "companies": ["Acme Analytics", "Zenith Research Ltd."],
        "degree": ["B.Sc. in Statistics"],
        "college": ["University of Pune"],
        "graduation_year": ["2018"],
        "skills": ["python", "Zorblax Studio"],
    }
    partial = {
        "name": ["Jane"],  # Dice 2/3 < 0.8: no match
        "email": ["jane.doe@example.com"],
        "designation": ["Data Analyst", "Data Analyst Intern", "Developer"],  # one-to-one: one match
        "companies": [],
        "degree": ["B.Sc. in Statistics", "SSC"],  # SSC rated secondary by the parser's rule: left out
        "college": ["University of Pune", "St. Mary's High School"],  # a school: left out
        "graduation_year": ["June 2018", "2014"],
        "skills": ["Python 3", "teamwork"],  # "Python 3" -> the python id; teamwork is soft: out of canonical
    }
    data = load_predictions_dict(_preds({"2": perfect, "3": partial}, list(perfect)))
    scores = score_predictions(data, _docs(), SPLIT_APART)
    dev, hold = scores["dev"], scores["holdout"]
    for fld in ("Name", "Email Address", "Designation", "Companies worked at", "Degree", "College Name"):
        assert dev[fld].tp == dev[fld].n_gold == dev[fld].n_pred, fld
    assert dev["Graduation Year"].tp == 1
    assert dev["skills (canonical)"].tp == 2 and dev["skills (canonical)"].n_gold == 2

    assert (hold["Name"].tp, hold["Name"].n_pred) == (0, 1)
    assert hold["Email Address"].tp == 1
    assert (hold["Designation"].tp, hold["Designation"].n_pred, hold["Designation"].n_gold) == (1, 3, 2)
    assert (hold["Companies worked at"].tp, hold["Companies worked at"].n_pred) == (0, 0)
    assert (hold["Degree"].tp, hold["Degree"].n_pred) == (1, 1)
    assert (hold["College Name"].tp, hold["College Name"].n_pred) == (1, 1)
    assert (hold["Graduation Year"].tp, hold["Graduation Year"].n_pred) == (1, 2)
    canonical = hold["skills (canonical)"]
    assert (canonical.tp, canonical.n_pred, canonical.n_gold) == (1, 1, 2)
    assert hold["skills (surface)"].n_pred == 2  # the surface row counts every predicted skill
    assert scores["all"]["Designation"].tp == 3


def load_predictions_dict(data: dict, tmp: Path | None = None) -> dict:
    """Round-trip through load_predictions, as the command line does."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "pred.json"
        p.write_text(json.dumps(data))
        return load_predictions(p)


def test_missing_document_predicts_nothing_and_unknown_fields_are_refused(tmp_path: Path) -> None:
    data = load_predictions_dict(_preds({"2": {"name": ["Jane Doe"]}}, ["name"]))
    scores = score_predictions(data, _docs(), SPLIT_APART)
    assert scores["all"]["Name"].tp == 1 and scores["all"]["Name"].n_pred == 1
    assert scores["all"]["Name"].n_gold == 2
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_preds({}, ["name", "hobbies"])))
    with pytest.raises(ValueError, match="hobbies"):
        load_predictions(bad)


def test_prediction_resume_carries_levels_and_skill_ids() -> None:
    from parsers.taxonomy import load_taxonomy

    lookup = load_taxonomy().lookup
    r = prediction_resume(
        {
            "degree": ["HSC", "MBA"],
            "college": ["Delhi Public School", "IIT Bombay"],
            "skills": ["Java", "Qwzx"],
        },
        lookup,
    )
    assert [e.level for e in r.education] == ["secondary", "master", "secondary", None]
    java = lookup("Java")
    assert java is not None
    assert r.skills[0].skill_id == java.id and r.skills[1].skill_id == "raw:qwzx"


def test_run_baseline_writes_predictions_and_records_errors(tmp_path: Path) -> None:
    (tmp_path / "pdf").mkdir()
    for i in (1, 2, 10):
        (tmp_path / "pdf" / f"{i}.pdf").write_bytes(b"%PDF-1.4 stand-in")
    seen: list[str] = []

    def parse_file(path: Path) -> dict:
        seen.append(path.stem)
        if path.stem == "2":
            raise ValueError("cannot read")
        return {"name": ["  Jane   Doe "], "email": None, "skills": ["Python", "Python", ""], "hobby": ["x"]}

    out = tmp_path / "pred.json"
    payload = run_baseline("toy", "1.0", ["name", "email", "skills"], parse_file, tmp_path, out)
    assert seen == ["1", "2", "10"]  # numeric order
    saved = json.loads(out.read_text())
    assert saved == payload
    assert saved["docs"]["1"] == {"name": ["Jane Doe"], "email": [], "skills": ["Python"]}
    assert set(saved["docs"]) == {"1", "10"}
    assert saved["errors"]["2"].startswith("ValueError: cannot read")
    assert set(saved["cpu_ms"]) == {"1", "2", "10"}
    with pytest.raises(FileNotFoundError):
        run_baseline("toy", "1.0", ["name"], parse_file, tmp_path / "empty", out)


def test_rendered_pdf_reads_back_in_shortlist() -> None:
    from parsers.resume import parse_resume

    text = load_dotin_file(XML, doc_id="2").text + "\n" + "long line " * 40 + "\nCafé — naïve ☃"
    pdf = render_pdf(text)
    assert pdf.startswith(b"%PDF")
    resume = parse_resume(pdf)
    assert resume.contact.email is not None and resume.contact.email.value == "jane.doe@example.com"
    assert resume.contact.name is not None and resume.contact.name.value == "Jane Doe"


def test_command_line_on_a_small_dotin_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "dotin"
    data.mkdir()
    (data / "2.xml").write_bytes(XML)
    (data / "3.xml").write_bytes(XML)
    inputs = tmp_path / "inputs"
    assert main(["--data", str(data), "--export", str(inputs)]) == 0
    assert sorted(p.name for p in (inputs / "pdf").iterdir()) == ["2.pdf", "3.pdf"]
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(_preds({"2": {"name": ["Jane Doe"]}}, ["name"]) | {"inputs": str(inputs)}))
    out = tmp_path / "table.json"
    assert main([str(pred), "--data", str(data), "--json-out", str(out)]) == 0
    table = capsys.readouterr().out
    assert "Shortlist (text)" in table and "Shortlist (PDF)" in table and "hand 0 (pdf)" in table
    rows = json.loads(out.read_text())["rows"]
    assert rows["hand 0 (pdf)"]["splits"]["all"]["Name"]["tp"] == 1
    assert rows["hand 0 (pdf)"]["fields"] == ["name"]
    # Shortlist reads this resume's name and e-mail from the text and from the PDF alike
    for label in ("Shortlist (text)", "Shortlist (PDF)"):
        assert rows[label]["splits"]["all"]["Email Address"]["tp"] == 2, label


def test_command_line_without_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", "/nonexistent/dotin"]) == 2
    assert "dotin data not found" in capsys.readouterr().out


@pytest.mark.skipif(dotin_dir() is None, reason="../shared/data/parsing/dotin_train not found")
def test_scoring_on_shared_dotin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A predictions file holding the gold values of the first four resumes scores 1.0 on the fields it has."""
    from evaluation.datasets import iter_dotin

    docs = list(iter_dotin(limit=4))
    gold = {
        d.doc_id: {
            "name": d.values("Name"),
            "email": d.values("Email Address"),
            "designation": d.values("Designation"),
        }
        for d in docs
    }
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(_preds(gold, ["name", "email", "designation"])))
    out = tmp_path / "table.json"
    assert main([str(pred), "--limit", "4", "--json-out", str(out)]) == 0
    row = json.loads(out.read_text())["rows"]["hand 0 (pdf)"]["splits"]["all"]
    for fld in ("Name", "Email Address"):
        assert row[fld]["support"] > 0 and row[fld]["f1"] == 1.0, fld
    assert row["Designation"]["recall"] == 1.0
