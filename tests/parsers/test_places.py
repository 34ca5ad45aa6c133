"""The state and province tables the place readers share."""

from __future__ import annotations

from parsers.places import CANADIAN_PROVINCES, US_STATES


def test_fifty_states_and_the_district() -> None:
    assert len(US_STATES) == 51
    assert US_STATES["TX"] == "Texas"
    assert US_STATES["DC"] == "District of Columbia"


def test_ten_provinces_and_three_territories() -> None:
    assert len(CANADIAN_PROVINCES) == 13
    assert CANADIAN_PROVINCES["QC"] == "Quebec"


def test_codes_are_two_capitals_and_no_code_names_two_places() -> None:
    codes = [*US_STATES, *CANADIAN_PROVINCES]
    assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in codes)
    assert len(set(codes)) == len(codes)
    names = [*US_STATES.values(), *CANADIAN_PROVINCES.values()]
    assert len(set(names)) == len(names)
