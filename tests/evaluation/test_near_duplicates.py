"""Near-duplicate detection: shingles, containment, pairs and groups on invented texts."""

from __future__ import annotations

from evaluation.near_duplicates import (
    MIN_SHINGLES,
    containment,
    duplicate_groups,
    jaccard,
    near_duplicate_pairs,
    shingles,
)

BODY = (
    "Experience Senior Analyst at Harbourline Retail from 2015 to 2019 building weekly sales forecasts "
    "for forty stores and training six junior analysts in SQL and Excel reporting. Led the quarterly stock "
    "review with the regional managers and cut overstock by a fifth across the northern stores. Built the "
    "first shared dashboard for store managers and taught them to read it. Education Bachelor of "
    "Commerce, Eastfield University, 2014. Skills forecasting, SQL, Excel, Tableau, stakeholder reporting."
)


def test_shingles_and_containment() -> None:
    assert shingles("one two three four") == frozenset()
    assert shingles("One two three four five six") == {"one two three four five", "two three four five six"}
    a = shingles(BODY)
    assert containment(a, a) == 1.0
    assert containment(a, frozenset()) == 0.0
    # a copy with its last sentence cut off is contained in the whole
    cut = shingles(BODY.rsplit(" Skills", 1)[0])
    assert containment(cut, a) == 1.0 and len(cut) < len(a)


def test_copies_under_other_names_pair_and_group() -> None:
    texts = {
        "2": "Mara Quill\n" + BODY,
        "3": "Tobias Fenwick\n" + BODY,
        "4": "Ines Carrow\n" + BODY.rsplit(" Skills", 1)[0],  # its skills line cut off
        "5": "Other Person\nExperience Nurse at Lakeside Clinic 2010 to 2020, wound care and triage, "
        "Education Diploma in Nursing 2009, Skills triage, wound care, patient records, scheduling. "
        + BODY.split(". ", 1)[1][:120],  # a sentence shared with the others is no copy
    }
    pairs = near_duplicate_pairs(texts)
    assert {(a, b) for a, b, _ in pairs} == {("2", "3"), ("2", "4"), ("3", "4")}
    assert all(c >= 0.9 for _, _, c in pairs)
    assert duplicate_groups(pairs) == [{"2", "3", "4"}]
    assert near_duplicate_pairs(texts, threshold=1.01) == []
    # as a whole, the copy with its skills line cut off is further from the others
    by_jaccard = near_duplicate_pairs(texts, threshold=0.9, measure=jaccard)
    assert [(a, b) for a, b, _ in by_jaccard] == [("2", "3")]


def test_short_texts_pair_with_nothing() -> None:
    short = "Sales assistant at a corner shop, evenings and weekends, 2012 to 2014."
    assert len(shingles(short)) < MIN_SHINGLES
    # contained whole in both long texts, which are no copies of each other: no chain through it
    texts = {"1": short, "2": BODY + " " + short, "3": "Unrelated text about gardens. " * 30 + short}
    assert near_duplicate_pairs(texts) == []


def test_jaccard() -> None:
    a, b = frozenset({"x", "y"}), frozenset({"y", "z"})
    assert jaccard(a, b) == 1 / 3 and jaccard(a, a) == 1.0 and jaccard(a, frozenset()) == 0.0


def test_groups_join_transitively() -> None:
    groups = duplicate_groups([("a", "b", 1.0), ("c", "d", 0.95), ("b", "c", 0.92), ("x", "y", 0.9)])
    assert sorted(sorted(g) for g in groups) == [["a", "b", "c", "d"], ["x", "y"]]
