"""Dates and ranges as resumes write them; month arithmetic worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from models.resume import PartialDate
from parsers.dates import find_date_ranges, find_placeholder_ranges, interval, merge_intervals, parse_date

TODAY = date(2024, 6, 15)


def _one(text: str) -> tuple[str | None, str | None, bool]:
    ranges = find_date_ranges(text)
    assert len(ranges) == 1, ranges
    r = ranges[0]
    return (r.first.iso() if r.first else None, r.last.iso() if r.last else None, r.current)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 2019 - Present", ("2019-01", None, True)),
        ("January 2019 – Current", ("2019-01", None, True)),
        ("03/2018 - 2020", ("2018-03", "2020", False)),
        ("2017 to date", ("2017", None, True)),
        ("Summer 2016", ("2016-06", "2016-06", False)),
        ("2015 - 2018", ("2015", "2018", False)),
        ("2019", ("2019", "2019", False)),
        ("Sept. 2017 onwards", ("2017-09", None, True)),
        ("since 2018", ("2018", None, True)),
        ("1979-92", ("1979", "1992", False)),
        ("September 2014 to Present", ("2014-09", None, True)),
        ("May '18 – Jun '19", ("2018-05", "2019-06", False)),
        ("2018-03 to 2019-07", ("2018-03", "2019-07", False)),
        ("2/1/2012 - Current", ("2012-02", None, True)),
        ("June 2016 - till date", ("2016-06", None, True)),
        ("Mar 2008\nPresent", ("2008-03", None, True)),
        # labelled ends
        ("Since: October 1st 2012 Until: August 31st 2014", ("2012-10", "2014-08", False)),
        ("Since: September 1st 2014 Until: Currently", ("2014-09", None, True)),
        ("From: Jan 2010 To: Mar 2012", ("2010-01", "2012-03", False)),
    ],
)
def test_range_formats(text: str, expected: tuple[str | None, str | None, bool]) -> None:
    assert _one(text) == expected


def test_span_offsets_cover_the_range() -> None:
    text = "Engineer, Acme | Jan 2019 - Present | Pune"
    (r,) = find_date_ranges(text)
    assert text[r.start : r.end] == "Jan 2019 - Present"


def test_an_earlier_second_date_is_not_an_end() -> None:
    ranges = find_date_ranges("August 2009  May 2009")
    assert [(r.first.iso() if r.first else None, r.single) for r in ranges] == [
        ("2009-08", True),
        ("2009-05", True),
    ]


def test_phone_numbers_and_versions_are_not_dates() -> None:
    assert find_date_ranges("call 123-345-7890") == []
    assert find_date_ranges("Python 3.11 and Java 17") == []


def test_parse_date() -> None:
    assert parse_date("Sept. 2017") == PartialDate(year=2017, month=9)
    assert parse_date("graduated 2015") == PartialDate(year=2015)
    assert parse_date("no date here") is None


def test_interval_month_precise_end_is_inclusive() -> None:
    # Jan 2019 .. Dec 2019 inclusive = 12 months
    iv = interval(PartialDate(year=2019, month=1), PartialDate(year=2019, month=12), False, today=TODAY)
    assert iv is not None and iv[1] - iv[0] == 12


def test_interval_year_only() -> None:
    iv = interval(PartialDate(year=2015), PartialDate(year=2018), False, today=TODAY)
    assert iv is not None and iv[1] - iv[0] == 36  # Jan 2015 up to the start of 2018
    iv = interval(PartialDate(year=2019), PartialDate(year=2019), False, today=TODAY)
    assert iv is not None and iv[1] - iv[0] == 12  # a single year is the whole year


def test_interval_current_ends_at_today() -> None:
    iv = interval(PartialDate(year=2023, month=7), None, True, today=TODAY)
    assert iv is not None and iv[1] - iv[0] == 12  # Jul 2023 .. Jun 2024


def test_merge_intervals() -> None:
    assert merge_intervals([(10, 20), (15, 25), (30, 40), (25, 27)]) == [(10, 27), (30, 40)]
    assert merge_intervals([]) == []


def test_ranges_that_lost_their_dash() -> None:
    assert _one("20132015") == ("2013", "2015", False)
    assert _one("2016present") == ("2016", None, True)
    assert find_date_ranges("20152010") == []  # an end before the start is no range
    assert find_date_ranges("ID 123420152016") == []  # digits glued to more digits are no date


def test_month_names_with_two_digit_years_in_a_range() -> None:
    assert _one("Mar 14 to Present") == ("2014-03", None, True)
    assert _one("( Feb 05 - Nov 09)") == ("2005-02", "2009-11", False)
    assert _one("Oct 16\nTill Date") == ("2016-10", None, True)
    assert find_date_ranges("May 12 - June 3") == []  # days, not years
    assert [r.single for r in find_date_ranges("Jan 15 - Jan 20, 2019")] == [True]


def test_left_quote_before_a_two_digit_year() -> None:
    assert _one("Aug ‘09 to Present") == ("2009-08", None, True)


def test_two_months_sharing_one_year() -> None:
    assert _one("March to July 2011") == ("2011-03", "2011-07", False)
    assert _one("Nov - Feb 2010") == ("2009-11", "2010-02", False)  # the year turned in between


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September\nDecember 2010", ("2010-09", "2010-12", False)),  # the dash lost to a line break
        ("November\nFebruary 2011", ("2010-11", "2011-02", False)),  # across the turn of the year
        ("Oct.\n  Dec. 2019", ("2019-10", "2019-12", False)),
    ],
)
def test_two_months_sharing_a_year_across_a_line_break(text: str, expected: tuple[str, str, bool]) -> None:
    assert _one(text) == expected


def test_a_lone_month_line_before_a_dated_line_with_words_is_no_range() -> None:
    ranges = find_date_ranges("Available in May\nStarted June 2012")
    assert [(r.first.iso() if r.first else None, r.single) for r in ranges] == [("2012-06", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2010\u2010current", ("2010", None, True)),  # U+2010 hyphen
        ("2005\u20112008", ("2005", "2008", False)),  # U+2011 non-breaking hyphen
        ("Jan 2019 \u2212 Mar 2020", ("2019-01", "2020-03", False)),  # U+2212 minus
        ("1979\u201292", ("1979", "1992", False)),  # U+2012 figure dash, two-digit end
        ("May\u2010June 2019", ("2019-05", "2019-06", False)),
    ],
)
def test_unicode_hyphens_join_a_range(text: str, expected: tuple[str | None, str | None, bool]) -> None:
    assert _one(text) == expected


def test_placeholder_years_of_templates_give_ranges_without_dates() -> None:
    text = "Administrative Assistant, July 20XX to Present\nMarch 20XX\nMay 20XX\n19xx-20xx\nMay, 19xx\n2019"
    got = [
        (text[d.start : d.end], d.first, d.last, d.current, d.single) for d in find_placeholder_ranges(text)
    ]
    assert got == [
        ("July 20XX to Present", None, None, True, False),
        ("March 20XX\nMay 20XX", None, None, False, False),
        ("19xx-20xx", None, None, False, False),
        ("May, 19xx", None, None, False, True),
    ]
    assert find_date_ranges("July 20XX to Present") == []  # real dates never come from a placeholder


def test_bracketed_year_placeholders() -> None:
    text = "September [year] - Present\nMay [year]-August [year]\nSpring [year]"
    got = [(text[d.start : d.end], d.current, d.single) for d in find_placeholder_ranges(text)]
    assert got == [
        ("September [year] - Present", True, False),
        ("May [year]-August [year]", False, False),
        ("Spring [year]", False, True),
    ]


def test_rare_range_forms_are_found_in_any_case_and_beside_other_text() -> None:
    text = "Analyst JUN 06 - JUL 11; Clerk September to November 2005; Intern 20132015; Aide 2016Present"
    got = [
        (r.first.iso() if r.first else None, r.last.iso() if r.last else None) for r in find_date_ranges(text)
    ]
    assert ("2006-06", "2011-07") in got
    assert ("2005-09", "2005-11") in got
    assert ("2013", "2015") in got
    assert ("2016", None) in got


@pytest.mark.parametrize(
    "text",
    [
        "Teaching endorsements: 7-12 Biology",
        "taught grades 7-12 mathematics",
        "led day trips for campers ages 8-11",
        "for 6-12 years",
        "Civil service band, Grade: 11/12",
    ],
)
def test_a_span_of_grades_or_ages_is_no_month_and_year(text: str) -> None:
    assert find_date_ranges(text) == []


def test_a_numeric_month_and_short_year_elsewhere_is_still_a_date() -> None:
    got = [
        (r.first.iso() if r.first else None, r.last.iso() if r.last else None)
        for r in find_date_ranges("7-12 to 3-15")
    ]
    assert got == [("2012-07", "2015-03")]


def _pairs(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (r.first.iso() if r.first else None, r.last.iso() if r.last else None) for r in find_date_ranges(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a grade or years word on the line above, or a count of years before the range, is no grade span
        ("Total Experience: 5 years\n06-12 to 08-15 Sales Clerk", [("2012-06", "2015-08")]),
        ("Cashier 3 years 06-12 - 08-15", [("2012-06", "2015-08")]),
        ("Spanish: all levels\n03-12 - 05-14 Tutor", [("2012-03", "2014-05")]),
        ("Ages 6-12\n03-12 - 05-14 Camp Leader", [("2012-03", "2014-05")]),
        ("Pages 6-11", [("2011-06", "2011-06")]),
        # a rejected start takes its end with it, not left behind as a lone date
        ("Spanish, all levels 03-12 - 05-14", []),
        # a date on the next line after a grade span is still read
        ("Grades 7-12\n2010 - 2014 Teacher", [("2010", "2014")]),
    ],
)
def test_a_grade_word_reaches_only_the_number_right_after_it(
    text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert _pairs(text) == expected
