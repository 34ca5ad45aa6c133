"""Skills eval: metric arithmetic on hand-worked cases, CoNLL reading, and a small run on the shared data."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from evaluation.skills_eval import (
    Counts,
    SpanScore,
    evaluate_dotin,
    load_conll_sentences,
    run,
    score_resume,
    set_counts,
)


def test_set_counts_hand_worked() -> None:
    c = set_counts({"python", "sql", "java"}, {"python", "sql", "excel", "git"})
    assert (c.tp, c.fp, c.fn) == (2, 2, 1)
    assert c.precision == pytest.approx(0.5)
    assert c.recall == pytest.approx(2 / 3)
    assert c.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_empty_counts_are_zero_not_errors() -> None:
    c = Counts()
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)


def test_span_score_overlap() -> None:
    s = SpanScore()
    s.add(gold=[(0, 6), (10, 20)], pred=[(2, 4), (30, 35)])
    assert s.precision == pytest.approx(0.5)  # (2,4) overlaps gold, (30,35) does not
    assert s.recall == pytest.approx(0.5)  # (0,6) found, (10,20) missed
    assert s.f1 == pytest.approx(0.5)


def test_score_resume_maps_gold_and_skips_unnameable_gold() -> None:
    text = "Skills: Python, MySQL, frobnication engineering\nI excel at teamwork."
    gold = [
        (text.index("Python"), text.index("Python") + 6, "Python"),
        (text.index("MySQL"), text.index("MySQL") + 5, "MySQL"),
        (
            text.index("frob"),
            text.index("frob") + len("frobnication engineering"),
            "frobnication engineering",
        ),
    ]
    res = score_resume(text, gold)
    assert res.gold_spans == 3 and res.gold_mapped == 2
    assert (res.ids.tp, res.ids.fn) == (2, 0)
    assert "excel" not in res.extra


def test_load_conll(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    f.write_text(
        "sentence_id,word,pos,tag\n1,Know,VB,O\n1,Python,NNP,B-Skill\n1,and,CC,O\n1,data,NN,B-Skill\n"
        "1,analysis,NN,I-Skill\n2,Hi,UH,O\n",
        encoding="utf-8",
    )
    sents = load_conll_sentences(f)
    assert sents[0][0] == "Know Python and data analysis"
    text, spans = sents[0]
    assert [text[a:b] for a, b in spans] == ["Python", "data analysis"]
    assert sents[1] == ("Hi", [])


def _shared_data() -> Path | None:
    env = os.environ.get("SHORTLIST_SHARED_DATA")
    root = Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
    return root if (root / "parsing" / "dotin_train").is_dir() else None


def test_run_on_shared_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = _shared_data()
    if root is None:
        pytest.skip("shared data (../shared/data/parsing/dotin_train) not available")
    out = tmp_path / "skills.json"
    args = argparse.Namespace(data=str(root), limit=20, json_out=str(out))
    assert run(args) == 0
    printed = capsys.readouterr().out
    assert "canonical ids (micro)" in printed and "span overlap" in printed
    assert out.is_file()


def test_resumes_without_any_skill_label_are_left_out_unless_asked(tmp_path: Path) -> None:
    folder = tmp_path / "dotin_train"
    folder.mkdir()
    labelled = '<cv>Skills\n<label type="Tech Tools">Python</label>, Kubernetes and Terraform\n</cv>'
    unlabelled = "<cv>Skills\nPython, Kubernetes and Terraform\n</cv>"
    (folder / "2.xml").write_text(labelled, encoding="utf-8")
    (folder / "4.xml").write_text(unlabelled, encoding="utf-8")
    annotated = evaluate_dotin(str(folder), with_sections=True)
    everything = evaluate_dotin(str(folder), with_sections=True, annotated_only=False)
    assert (annotated["docs"], annotated["skipped_unannotated"]) == (1, 1)
    assert (everything["docs"], everything["skipped_unannotated"]) == (2, 0)
    # the same predictions in the unlabelled resume count only as false positives
    assert everything["ids"]["dev"]["fp"] > annotated["ids"]["dev"]["fp"]
    assert everything["ids"]["dev"]["tp"] == annotated["ids"]["dev"]["tp"] == 1
