"""Dataset loaders: dotin XML -> text + gold spans (hand-made XML here; the shared data when present)."""

from __future__ import annotations

import pytest

from evaluation.datasets import (
    JOB_POST_CATEGORIES,
    dotin_dir,
    iter_dotin,
    list_livecareer_pdfs,
    load_dotin_file,
    load_job_posts,
    shared_data_dir,
)

LINED = b"""<?xml version="1.0" encoding="UTF-8"?>
<cv>
<label type="Name">Jane Doe</label>
<label type="Designation">Data Analyst</label> - <label type="Companies worked at">Acme</label>

Email: <label type="Email Address">jane@x.com</label> &amp; more
</cv>
"""

FLAT = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<cv>\n"<label type="Name">Jane Doe</label>  Phone: 123  '
    b'Education  <label type="Degree">B.Sc.</label> \\xe2\\x80\\xa2 Physics    Skills  '
    b'<label type="Tech Tools">Python</label>"\n</cv>\n'
)


def test_lined_file_keeps_text_and_offsets() -> None:
    doc = load_dotin_file(LINED, doc_id="1")
    assert doc.text.startswith("Jane Doe\nData Analyst - Acme\n")
    assert "& more" in doc.text
    assert [(s.label, s.text) for s in doc.spans] == [
        ("Name", "Jane Doe"),
        ("Designation", "Data Analyst"),
        ("Companies worked at", "Acme"),
        ("Email Address", "jane@x.com"),
    ]
    for s in doc.spans:
        assert doc.text[s.start : s.end] == s.text


def test_flat_file_gets_its_line_breaks_back() -> None:
    doc = load_dotin_file(FLAT, doc_id="200")
    assert doc.text == "Jane Doe\nPhone: 123\nEducation\nB.Sc. • Physics\n\nSkills\nPython\n"
    assert doc.values("Degree") == ["B.Sc."]
    for s in doc.spans:
        assert doc.text[s.start : s.end] == s.text


def test_restore_can_be_turned_off() -> None:
    doc = load_dotin_file(FLAT, restore_layout=False)
    assert "\\xe2" in doc.text and "\n" not in doc.text.rstrip("\n")


def test_missing_folder() -> None:
    assert dotin_dir("/nonexistent/folder") is None
    with pytest.raises(FileNotFoundError):
        list(iter_dotin("/nonexistent/folder"))


def test_job_post_categories_map_to_livecareer_names() -> None:
    assert JOB_POST_CATEGORIES["IT"] == "INFORMATION-TECHNOLOGY"
    assert len(JOB_POST_CATEGORIES) == 11


SHARED = shared_data_dir()
needs_data = pytest.mark.skipif(
    SHARED is None, reason="shared data not found (../shared/data or $SHORTLIST_SHARED_DATA); skipping"
)


@needs_data
def test_shared_dotin() -> None:
    docs = list(iter_dotin())
    assert len(docs) == 310
    assert [d.doc_id for d in docs[:3]] == ["1", "2", "3"]
    for d in docs:
        for s in d.spans:
            assert d.text[s.start : s.end] == s.text
    # byte escapes are decoded (one file has a stray escaped backslash in its source)
    assert sum("\\x" in d.text for d in docs) <= 1


@needs_data
def test_shared_livecareer_and_job_posts() -> None:
    pdfs = list_livecareer_pdfs()
    assert len(pdfs) == 1275 and all(p.suffix == ".pdf" for _c, p in pdfs)
    posts = load_job_posts()
    assert len(posts) == 33
    assert {p.category for p in posts} == set(JOB_POST_CATEGORIES.values())
    assert posts[0].post_id.endswith("-1") and posts[0].text
