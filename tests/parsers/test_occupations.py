"""Job titles to occupations: normalization, the lookup's rules on a small hand-made index, the shipped index."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from models.errors import ConfigError
from parsers.occupations import (
    OccupationIndex,
    OccupationMatch,
    isco_level,
    load_occupations,
    normalize_title_key,
    occupation_words,
    title_parts,
)

# A made-up index: labels are keys as the build writes them (normalized), occupations are (label, ISCO).
TOY = {
    "occupations": [
        ["pastry cook", "3434"],  # 0
        ["line cook", "5120"],  # 1
        ["ICT help desk agent", "4222"],  # 2
        ["ICT support technician", "3512"],  # 3
        ["bridge engineer", "2142"],  # 4
        ["engine designer", "2144"],  # 5
        ["road engineer", "2142"],  # 6
        ["boat engineer", "2144"],  # 7
        ["tax consultant", "2411"],  # 8
        ["garden consultant", "6113"],  # 9
        ["ward nurse", "2221"],  # 10
        ["night nurse", "2221"],  # 11
        ["school nurse", "2221"],  # 12
        ["clinic nurse", "3221"],  # 13
        ["chef", "3434"],  # 14
        ["kitchen porter", "9412"],  # 15
    ],
    "labels": {
        "pastry cook": [0],
        "dessert cook": [0],
        "line cook": [1],
        "cook": [1, 0],
        "ict help desk agent": [2],
        "ict support technician": [3],
        "bridge engineer": [4],
        "engine designer": [5],
        "road engineer": [6],
        "boat engineer": [7],
        "engineer": [7],
        "tax consultant": [8],
        "garden consultant": [9],
        "ward nurse": [10],
        "night nurse": [11],
        "school nurse": [12],
        "clinic nurse": [13],
        "chef": [15, 14],  # kitchen porter's alternative label and chef's own name
        "kitchen porter": [15],
    },
}


@pytest.fixture(scope="module")
def toy() -> OccupationIndex:
    return OccupationIndex(TOY)


def test_normalize_title_key() -> None:
    assert normalize_title_key("Sr. IT Specialists") == "ict specialist"
    assert normalize_title_key("Information Technology Manager II") == "ict manager"
    assert normalize_title_key("Head of Pastry & Desserts") == "head pastry dessert"
    assert normalize_title_key("Senior Associate") == "associate"  # a grade word that ends a title is kept
    assert normalize_title_key("Associate Tax Consultant") == "tax consultant"
    assert normalize_title_key("  ") == ""
    assert normalize_title_key("Director ofOperations") == normalize_title_key("Director of Operations")
    assert normalize_title_key("Officer") == "officer"  # "of" is split off only when glued to a capital


def test_title_parts() -> None:
    assert title_parts("Buyer/Planner") == ["Buyer/Planner", "Buyer", "Planner"]
    assert title_parts("Cook - Night Shift (Remote)") == [
        "Cook - Night Shift (Remote)",
        "Cook",
        "Night Shift",
        "Remote",
    ]
    assert title_parts("Line Cook") == ["Line Cook"]


def test_isco_level() -> None:
    assert isco_level("2142", "2142") == 4
    assert isco_level("2142", "2144") == 3
    assert isco_level("2142", "2511") == 1
    assert isco_level("2142", "3512") == 0
    assert isco_level("21", "2144") == 2  # a broad code shares at most its own digits


def test_exact_label(toy: OccupationIndex) -> None:
    m = toy.lookup("Senior Dessert Cooks")
    assert m == OccupationMatch("3434", "pastry cook", "Senior Dessert Cooks", "exact")
    assert toy.lookup("I.T. Help Desk Agent") is not None
    assert toy.lookup("IT Help Desk Agent").isco == "4222"  # type: ignore[union-attr]


def test_own_label_wins_over_alternative(toy: OccupationIndex) -> None:
    m = toy.lookup("Chef")
    assert m is not None and (m.isco, m.label, m.method) == ("3434", "chef", "exact")


def test_shared_label_without_owner_is_cut_to_common_digits(toy: OccupationIndex) -> None:
    # "cook" names line cook (5120) and pastry cook (3434), and four labels end in it: 3 of 5 codes are 3434
    m = toy.lookup("Cook")
    assert m is not None and m.isco == "3434" and m.method == "tokens"


def test_token_fallback_picks_best_overlap(toy: OccupationIndex) -> None:
    m = toy.lookup("Highway Bridge Engineer")
    assert m is not None and m.method == "tokens" and m.isco == "2142"
    assert m.label == "bridge engineer"


def test_generic_head_gives_broad_group(toy: OccupationIndex) -> None:
    # "engineer" is boat engineer's alternative label, but four labels end in it: the broad group they share
    m = toy.lookup("Engineer")
    assert m is not None and m.isco == "214" and m.label == "engineer"
    m = toy.lookup("Nurse")
    assert m is not None and m.isco == "2221"  # three of four labels ending in "nurse" are 2221


def test_unrelated_head_is_none(toy: OccupationIndex) -> None:
    assert toy.lookup("Astronaut") is None
    assert toy.lookup("") is None
    assert toy.lookup("   ") is None


def test_parts_role_first(toy: OccupationIndex) -> None:
    m = toy.lookup("Tax Consultant - Garden Centre")
    assert m is not None and m.isco == "2411" and m.title == "Tax Consultant"
    m = toy.lookup("Night Nurse / Ward Nurse")
    assert m is not None and m.isco == "2221"
    m = toy.lookup("Pastry Cook - Associate")  # the grade part is not read as a role
    assert m is not None and m.isco == "3434"


def test_lookup_is_cached(toy: OccupationIndex) -> None:
    assert toy.lookup("Road Engineer") is toy.lookup("Road Engineer")


def test_load_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_occupations(tmp_path / "missing.json.gz")
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(ConfigError):
        load_occupations(bad)
    good = tmp_path / "toy.json.gz"
    with gzip.open(good, "wt", encoding="utf-8") as fh:
        json.dump(TOY, fh)
    assert load_occupations(good).lookup("Boat Engineer").isco == "2144"  # type: ignore[union-attr]


# ---------------------------------------------------------------- the shipped index


@pytest.fixture(scope="module")
def shipped() -> OccupationIndex:
    return load_occupations()


def test_shipped_index_meta(shipped: OccupationIndex) -> None:
    assert load_occupations() is shipped
    assert len(shipped) > 2500
    assert any("ESCO" in s and "CC BY 4.0" in s for s in shipped.meta["sources"])
    for key in list(shipped.labels())[:2000]:
        assert key == normalize_title_key(key)
        for _, code in shipped.occupations_for(key):
            assert len(code) == 4 and code.isdigit()


def test_occupation_words_without_the_index_are_the_index_words(shipped: OccupationIndex) -> None:
    occupation_words.cache_clear()
    try:
        words = occupation_words()  # the index is loaded here, so read through it
        assert words == shipped.words()
        import parsers.occupations as occupations

        with occupations._lock:
            loaded = dict(occupations._loaded)
            occupations._loaded.clear()
        occupation_words.cache_clear()
        try:
            assert occupation_words() == words  # read from the labels alone
        finally:
            with occupations._lock:
                occupations._loaded.update(loaded)
    finally:
        occupation_words.cache_clear()


@pytest.mark.parametrize(
    ("title", "prefix"),
    [
        ("Executive Chef", "3434"),
        ("Sous Chef", "3434"),
        ("Software Engineer", "2512"),
        ("Sr. Web Developer", "2513"),
        ("Special Education Teacher", "2352"),
        ("Financial Analyst", "2413"),
        ("Personal Trainer", "3423"),
        ("Aircraft Maintenance Technician", "7232"),
        ("Cashier / Crew Leader", "5230"),
        ("Mechanical Engineer - Aircraft", "2144"),
        ("Registered Nurse", "222"),
        ("Project Manager", "1"),
    ],
)
def test_shipped_lookups(shipped: OccupationIndex, title: str, prefix: str) -> None:
    m = shipped.lookup(title)
    assert m is not None and m.isco.startswith(prefix), m


def test_shipped_never_names_gendered_labels(shipped: OccupationIndex) -> None:
    assert not any(k.split(" ")[-1] in {"woman", "man", "waitress", "actress"} for k in shipped.labels())
