"""The LL144 outcome audit on small samples worked out by hand."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from evaluation.audit.names import load_names, names_by_group
from evaluation.audit.outcome import Cutoff, Demographics, outcome_audit, parse_demographics_csv
from models.errors import ValidationFailed


def _rows(audit, cutoff: str, category: str):
    cut = next(c for c in audit.cutoffs if c.name == cutoff)
    cat = next(c for c in cut.categories if c.category == category)
    return cat, {r.group: r for r in cat.rows}


def test_ties_at_the_cutoff_are_shared() -> None:
    ids = [f"c{i}" for i in range(6)]
    scores = [3, 3, 2, 2, 1, 1]
    demo = {
        cid: Demographics(sex="female" if i % 2 == 0 else "male", race="white") for i, cid in enumerate(ids)
    }
    audit = outcome_audit(
        ids, demo, scores=scores, cutoffs=[Cutoff("top-3", k=3)], n_boot=50, n_perm=50, categories=["sex"]
    )
    cat, rows = _rows(audit, "top-3", "sex")
    # 3s are in, the two 2s share the last place: each sex has 1 + 0.5 of 3
    assert rows["female"].selected == pytest.approx(1.5)
    assert rows["female"].rate == pytest.approx(0.5)
    assert rows["female"].impact_ratio == pytest.approx(1.0)
    assert cat.min_impact_ratio == pytest.approx(1.0)
    assert cat.unknown == 0


def test_impact_ratio_unknowns_and_bounds() -> None:
    ids = [f"c{i}" for i in range(7)]
    scores = [3, 3, 2, 2, 1, 1, 0]
    demo = {f"c{i}": Demographics(sex="female" if i % 2 == 0 else "male") for i in range(6)}
    audit = outcome_audit(ids, demo, scores=scores, cutoffs=[Cutoff("top-2", k=2)], n_boot=50, n_perm=50)
    cat, rows = _rows(audit, "top-2", "sex")
    assert cat.unknown == 1
    assert rows["female"].rate == pytest.approx(1 / 3)
    # worst case: the unselected unknown joins female -> 1/4 vs male 1/3
    assert rows["female"].worst_case_ratio == pytest.approx(0.75)
    assert rows["female"].best_case_ratio == pytest.approx(1.0)
    # race is unknown for everybody
    race, _ = _rows(audit, "top-2", "race")
    assert race.unknown == 7 and race.rows == []


def test_selection_gap_is_tested_and_corrected() -> None:
    ids = [f"c{i}" for i in range(40)]
    scores = list(range(40))
    demo = {cid: Demographics(sex="male" if i >= 20 else "female", race="white") for i, cid in enumerate(ids)}
    audit = outcome_audit(ids, demo, scores=scores, n_boot=200, n_perm=200)
    _, rows = _rows(audit, "top-10", "sex")
    assert rows["female"].rate == 0 and rows["male"].rate == pytest.approx(0.5)
    assert rows["female"].impact_ratio == 0
    assert rows["female"].test == "chi2"  # every expected cell is 5: chi-square
    assert rows["female"].p_adjusted >= rows["female"].p_value
    assert rows["female"].p_value < 0.01
    assert rows["female"].null_p < 0.05  # chance rarely gives a ratio this low
    assert rows["male"].test == "reference"
    _, scoring = _rows(audit, "scoring rate (above median)", "sex")
    assert scoring["female"].rate == 0 and scoring["male"].rate == 1
    assert audit.min_impact_ratio() == 0
    data = audit.to_dict()
    assert data["cutoffs"][0]["categories"][0]["rows"][1]["p_value"] is None  # nan -> null in JSON


def test_small_groups_do_not_set_the_highest_rate() -> None:
    ids = [f"c{i}" for i in range(60)]
    scores = [float(i % 2) for i in range(60)]
    demo = {cid: Demographics(sex="female" if i % 2 else "male", race="white") for i, cid in enumerate(ids)}
    demo["c59"] = Demographics(sex="female", race="asian")  # 1 of 60 < 2%, selected
    audit = outcome_audit(
        ids, demo, scores=scores, cutoffs=[Cutoff("half", fraction=0.5)], n_boot=20, n_perm=20
    )
    cat, rows = _rows(audit, "half", "race")
    assert cat.excluded_small == ["asian"]
    assert rows["asian"].excluded_small and rows["asian"].impact_ratio == pytest.approx(
        59 / 29
    )  # white: 29 of 59
    assert cat.min_impact_ratio == pytest.approx(1.0)


def test_decisions_audit_and_bad_input() -> None:
    ids = ["a", "b", "c", "d"]
    demo = {
        "a": Demographics("female"),
        "b": Demographics("female"),
        "c": Demographics("male"),
        "d": Demographics("male"),
    }
    audit = outcome_audit(ids, demo, selected=[1, 0, 1, 1], n_boot=20, n_perm=20, categories=["sex"])
    _, rows = _rows(audit, "decisions", "sex")
    assert rows["female"].impact_ratio == pytest.approx(0.5)
    with pytest.raises(ValidationFailed):
        outcome_audit(ids, demo)
    with pytest.raises(ValidationFailed):
        outcome_audit(ids, demo, scores=[1, 2])


def test_parse_demographics_csv() -> None:
    demo = parse_demographics_csv("candidate_id,sex,race\nc1,Female,Black\nc2,,declined\n")
    assert demo["c1"] == Demographics("female", "black")
    assert demo["c2"] == Demographics(None, None)
    assert demo["c1"].label("sex_race") == "black_female" and demo["c2"].label("sex_race") is None
    with pytest.raises(ValidationFailed):
        parse_demographics_csv("id,sex\nx,f\n")


def test_name_list_has_twenty_per_group_with_sources() -> None:
    groups = names_by_group()
    assert set(groups) == {"black_female", "black_male", "white_female", "white_male"}
    assert all(len(v) >= 20 for v in groups.values())
    assert all(n.source for n in load_names())
    shared = Path(
        os.environ.get(
            "SHORTLIST_SHARED_DATA", Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
        )
    )
    bm = shared / "bias" / "names_bertrand_mullainathan_2004.csv"
    if not bm.exists():
        pytest.skip(f"shared data absent: {bm}")
    ours = {(n.first_name, n.sex, n.race) for n in load_names()}
    with open(bm, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            assert (row["first_name"], row["sex"], row["race"]) in ours
