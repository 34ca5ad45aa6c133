"""Label agreement between copies: hand-made labelled copies whose agreement is known."""

from __future__ import annotations

import argparse

import pytest

from evaluation.datasets import DotinDoc, load_dotin_file, shared_data_dir
from evaluation.label_agreement import agreement, format_agreement, run
from evaluation.near_duplicates import near_duplicate_pairs
from evaluation.parsing_eval import assign_splits

STORY = (
    "EXPERIENCE\n{title} at {employer}, 2015 - 2019\nBuilt weekly sales forecasts for forty stores, trained six "
    "junior analysts in reporting and ran the quarterly stock review with the regional managers. Cut overstock "
    "by a fifth across the northern stores, built the first shared dashboard for store managers and taught "
    "them to read it every Monday morning before the buying meeting.\nEDUCATION\n"
    '<label type="Degree">Bachelor of Commerce</label>, <label type="College Name">Eastfield University</label>'
    ', <label type="Graduation Year">2014</label>\n'
)


def _copy(name: str, title: str, employer: str, doc_id: str) -> DotinDoc:
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<cv>\n<label type="Name">{name}</label>\n{STORY}</cv>\n'
    return load_dotin_file(xml.format(title=title, employer=employer).encode(), doc_id=doc_id)


def test_agreement_of_two_copies_labelled_apart() -> None:
    a = _copy(
        "Mara Quill",
        '<label type="Designation">Senior Analyst</label>',
        '<label type="Companies worked at">Harbourline Retail</label>',
        "2",
    )
    # the second copy's annotator labelled the title only
    b = _copy("Tobias Fenwick", '<label type="Designation">Senior Analyst</label>', "Harbourline Retail", "3")
    docs = [a, b]
    pairs = near_duplicate_pairs({d.doc_id: d.text for d in docs})
    assert [(x, y) for x, y, _ in pairs] == [("2", "3")]
    scores = agreement(docs, pairs)
    assert scores["Designation"].f1 == 1.0
    assert (scores["Companies worked at"].tp, scores["Companies worked at"].n_pred) == (0, 1)
    assert scores["Companies worked at"].f1 == 0.0
    assert scores["Degree"].f1 == scores["College Name"].f1 == scores["Graduation Year"].f1 == 1.0
    assert scores["skills (canonical)"].docs == 0  # neither copy is annotated for skills
    table = format_agreement(scores)
    assert "Designation" in table and "1.000" in table
    # a copy of a dev file (even id) is dev
    assert assign_splits(docs) == {"2": "dev", "3": "dev"}


def test_run_without_data_fails_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argparse.Namespace(data="/nonexistent", limit=None)) == 2
    assert "dotin data not found" in capsys.readouterr().err


@pytest.mark.skipif(
    shared_data_dir() is None, reason="shared data not found; skipping the labelled-copies run"
)
def test_run_on_shared_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argparse.Namespace(data=None, limit=None)) == 0
    out = capsys.readouterr().out
    assert "pairs of copies among 310 labelled resumes" in out
    assert "Companies worked at" in out and "parser F1 on the copies" in out
