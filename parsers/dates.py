"""Dates and date ranges as resumes write them, and month arithmetic over them.

Handled: "Jan 2019 - Present", "January 2019 – Current", "03/2018 - 2020", "2017 to date", "Summer 2016",
"2015 - 2018", "2019", "Sept. 2017 onwards", "since 2018", "1979-92", "May '18 – Jun '19", "2018-03 to 2019-07",
ranges whose dash the PDF text lost ("20132015", "2016present"), month names with two-digit years in a range
("Jun 06 - Jul 11", "Aug ‘09 to Present"), and two months sharing one year ("September to November 2005",
also with the dash lost to a line break: "September\nNovember 2005").
A range's end is inclusive of its month: "Jan 2019 - Dec 2019" is 12 months. A year-only end counts up to the
start of that year ("2015 - 2018" is 36 months) unless it equals the start year (a whole year, 12 months).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from models.resume import PartialDate

__all__ = [
    "MONTHS",
    "DateRange",
    "find_date_ranges",
    "find_dates",
    "find_placeholder_ranges",
    "interval",
    "merge_intervals",
    "month_diff",
    "parse_date",
]

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "febr": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:r?uary|r)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"
_YEAR4 = r"(?:19[5-9]\d|20[0-4]\d)"
_YEAR = rf"(?:{_YEAR4}|['’‘`]\d\d)"

# one date: named month + year, season + year, mm/yyyy, yyyy-mm, or a bare year
_DATE = (
    rf"(?:(?P<mon>{_MONTH_RE})\.?,?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?P<my>{_YEAR})"
    rf"|(?P<season>{_SEASON_RE})\s*,?\s*(?P<sy>{_YEAR4})"
    rf"|(?P<dm>0?[1-9]|1[0-2])/(?P<dd>0?[1-9]|[12]\d|3[01])/(?P<dy>{_YEAR4})"
    rf"|(?P<nm>0?[1-9]|1[0-2])(?:\s*[/\-]\s*(?P<ny>{_YEAR4}|\d\d(?![\d/.]))|\.(?P<ny2>{_YEAR4}))"
    rf"|(?P<iy>{_YEAR4})[-/.](?P<im>0[1-9]|1[0-2])(?![\d])"
    rf"|(?P<y>{_YEAR4}))"
)
_PRESENT = (
    r"(?:present|current(?:ly)?|now|ongoing|today|till\s+(?:date|now)|to\s+date|until\s+now|"
    r"date|continuing|running|tilldate|onwards)"
)
# hyphen-minus, en and em dash, and the Unicode hyphens and minus that word processors put in their place
_DASH = "[-–—‐‑‒−]"
# "Since: May 2014 Until: Currently" (labelled ends) reads as "since May 2014 until currently"
_SEP = rf"(?:\s*(?:{_DASH}|~|to:?|until:?|till:?|through|thru)\s*|[ \t]+|[ \t]*\n[ \t]*)"

_DATE_RE = re.compile(rf"(?<![\w/.\-]){_DATE}(?![\w/])", re.IGNORECASE)
# a lookahead on the characters a date can start with (month, season, "since"/"from", a digit; "ſ" folds to
# "s") lets the scan skip other positions fast; it changes no match
_DATE_START = r"(?=[SsſFfJjMmAaOoNnDdWw\d])"
_RANGE_RE = re.compile(
    rf"{_DATE_START}(?<![\w/.\-])(?P<since>(?:since|from):?\s+)?(?P<a>{_DATE.replace('?P<', '?P<a_')})"
    rf"(?:(?P<sep>{_SEP})(?:(?P<b>{_DATE.replace('?P<', '?P<b_')})|(?P<present>{_PRESENT}))"
    rf"|\s*(?P<onwards>onwards|on\s?wards|-\s*(?:present|now)|till\s+date|to\s+date)"
    rf"|(?P<short>\s*{_DASH}\s*(?P<yy>\d\d)))?(?![\w/])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateRange:
    """A date range (or single date) found in text; `start`/`end` are character offsets of the whole match."""

    first: PartialDate | None
    last: PartialDate | None
    current: bool
    start: int
    end: int
    single: bool = False  # one date, no range; ``last`` equals ``first``


def _year(s: str) -> int | None:
    s = s.strip().lstrip("'’‘`")
    if not s.isdigit():
        return None
    y = int(s)
    if len(s) == 2:
        y += 2000 if y <= 40 else 1900
    return y if 1950 <= y <= 2049 else None


def _from_groups(g: dict[str, str | None], prefix: str = "") -> PartialDate | None:
    def get(k: str) -> str | None:
        return g.get(prefix + k)

    if get("mon") and get("my"):
        y = _year(get("my") or "")
        m = MONTHS.get((get("mon") or "").lower().rstrip("."))
        if m is None:
            key = (get("mon") or "").lower()[:3]
            m = MONTHS.get(key)
        return PartialDate(year=y, month=m) if y else None
    if get("season") and get("sy"):
        y = _year(get("sy") or "")
        return PartialDate(year=y, month=SEASONS[(get("season") or "").lower()]) if y else None
    if get("nm") and (get("ny") or get("ny2")):
        y = _year(get("ny") or get("ny2") or "")
        return PartialDate(year=y, month=int(get("nm") or 0)) if y else None
    if get("dm") and get("dy"):
        y = _year(get("dy") or "")
        return PartialDate(year=y, month=int(get("dm") or 0)) if y else None
    if get("iy") and get("im"):
        y = _year(get("iy") or "")
        return PartialDate(year=y, month=int(get("im") or 0)) if y else None
    if get("y"):
        y = _year(get("y") or "")
        return PartialDate(year=y) if y else None
    return None


def parse_date(text: str) -> PartialDate | None:
    """The first date in `text` ("Sept. 2017", "03/2018", "Summer 2016", "2019"), or None."""
    m = _DATE_RE.search(text)
    return _from_groups(m.groupdict()) if m else None


def find_dates(text: str) -> list[tuple[PartialDate, int, int]]:
    """Every single date in `text` with its offsets."""
    out = []
    for m in _DATE_RE.finditer(text):
        d = _from_groups(m.groupdict())
        if d:
            out.append((d, m.start(), m.end()))
    return out


def find_date_ranges(text: str, *, today: date | None = None) -> list[DateRange]:
    """Every date range or single date in `text`, left to right.

    "since 2018" and "2018 onwards" are current ranges; a bare second date joined only by whitespace counts as
    the end when it is not earlier than the first.
    """
    out: list[DateRange] = []
    pos = 0
    while True:
        m = _RANGE_RE.search(text, pos)
        if m is None:
            break
        pos = m.end()
        g = m.groupdict()
        first = _from_groups(g, "a_")
        if first is None:
            pos = m.end("a")
            continue
        if g.get("a_ny") and len(g["a_ny"] or "") == 2 and _grade_span(text, m):
            # the end of a rejected range goes with it ("levels 3-12 - 5-14"); a date after mere whitespace or a
            # line break ("grades 7-12\n2010 - 2014") is read on its own
            pos = m.end("a") if g.get("b") and not (g.get("sep") or "").strip() else m.end()
            continue
        start, end = m.start(), m.end()
        if g.get("b"):
            last = _from_groups(g, "b_")
            sep = g.get("sep") or ""
            if (
                last is None
                or last.ordinal() < first.ordinal()
                or (not sep.strip() and last.year - first.year > 50)
            ):
                out.append(DateRange(first, first, False, m.start("a"), m.end("a"), single=True))
                pos = m.end("a")
                continue
            out.append(DateRange(first, last, False, start, end))
        elif g.get("present") or g.get("onwards"):
            sep = (g.get("sep") or "").strip()
            word = (g.get("present") or g.get("onwards") or "").lower()
            if word == "date" and not sep:
                out.append(DateRange(first, first, False, m.start("a"), m.end("a"), single=True))
                pos = m.end("a")
                continue
            out.append(DateRange(first, None, True, start, end))
        elif g.get("short") and g.get("yy"):
            yy = int(g["yy"] or 0)
            century = first.year - first.year % 100
            y2 = century + yy
            if y2 < first.year:
                y2 += 100
            if y2 - first.year > 40:
                out.append(DateRange(first, first, False, m.start("a"), m.end("a"), single=True))
                pos = m.end("a")
                continue
            out.append(DateRange(first, PartialDate(year=y2), False, start, end))
        elif g.get("since"):
            out.append(DateRange(first, None, True, start, end))
        else:
            out.append(DateRange(first, first, False, start, end, single=True))
    # the three rarer forms are scanned for only where a cheap test on the lower-cased text finds their shape
    # (the test drops the patterns' edge assertions, so it never misses one; "ı" and "ſ", which case-folding
    # matches to "i" and "s" but lower() keeps, send the text to the full scans)
    low = text.lower()
    exact = "ı" in text or "ſ" in text
    found = [
        *(_glued_ranges(text) if exact or _GLUED_GATE.search(low) else ()),
        *(_short_year_ranges(text) if exact or _SHORT_YEAR_GATE.search(low) else ()),
        *(_shared_year_ranges(text) if exact or _SHARED_YEAR_GATE.search(low) else ()),
    ]
    extra = [
        r
        for r in found
        if not any(o.start < r.end and r.start < o.end and not _inside_single(o, r) for o in out)
    ]
    if extra:
        kept = [o for o in out if not any(_inside_single(o, r) for r in extra)]
        out = sorted([*kept, *extra], key=lambda r: r.start)
    return out


# "grades 7-12", "Teaching endorsements: 7-12 Biology", "ages 6-12", "6-12 years": a span of school grades or ages
# written as month-year ("7-12" read as July 2012). The word stands right before the number on its line: a word
# on the line above ("Total Experience: 5 years" / "06-12 to 08-15") or a count of years before a range ("Cashier
# 3 years 06-12 - 08-15") leaves the date alone
_GRADE_BEFORE = re.compile(
    r"\b(?:grades?|ages?|levels?|classes|endorsements?|std|standards?)[ \t]*[:.]?[ \t]*\Z", re.I
)
_GRADE_AFTER = re.compile(r"[ \t]*(?:years?\b|yrs?\b|grades?\b|(?:st|nd|rd|th)\b)", re.I)


def _grade_span(text: str, m: re.Match[str]) -> bool:
    """The numeric "M-YY" date of m names school grades or ages, not a month and year."""
    return bool(_GRADE_BEFORE.search(text, max(0, m.start("a") - 16), m.start("a"))) or bool(
        _GRADE_AFTER.match(text, m.end("a"))
    )


def _inside_single(o: DateRange, r: DateRange) -> bool:
    """`o` is a lone date within the wider range `r` ("November 2005" of "September to November 2005")."""
    return o.single and r.start <= o.start and o.end <= r.end


# "September to November 2005": two months sharing the year written once (or a month, a line break where the PDF
# text lost the dash, and "November 2005")
_SHARED_YEAR_RE = re.compile(
    rf"(?<![\w/.\-])(?P<am>{_MONTH_RE})\.?(?:\s*(?:{_DASH}|to|till|until)\s*|[ \t]*\n[ \t]*)"
    rf"(?P<bm>{_MONTH_RE})\.?,?\s*(?P<by>{_YEAR4})"
    rf"(?![\w/])",
    re.IGNORECASE,
)


_SHARED_YEAR_GATE = re.compile(
    rf"{_MONTH_RE}\.?(?:\s*(?:{_DASH}|to|till|until)\s*|[ \t]*\n[ \t]*){_MONTH_RE}\.?,?\s*{_YEAR4}"
)


def _shared_year_ranges(text: str) -> list[DateRange]:
    out: list[DateRange] = []
    for m in _SHARED_YEAR_RE.finditer(text):
        y = _year(m.group("by"))
        a, b = _month_of(m.group("am")), _month_of(m.group("bm"))
        if y is None or a is None or b is None:
            continue
        first = PartialDate(year=y if a <= b else y - 1, month=a)
        out.append(DateRange(first, PartialDate(year=y, month=b), False, m.start(), m.end()))
    return out


# "Jun 06 - Jul 11", "Sept 13 Till Date": month names with two-digit years, only as a range (a lone "May 12"
# is more often a day); not when a full year follows ("Jan 15 - Jan 20, 2019" are days)
_SHORT_YEAR_RE = re.compile(
    rf"(?<![\w/.\-])(?P<am>{_MONTH_RE})\.?[ \t]*(?P<ay>\d\d)"
    rf"(?:\s*(?:{_DASH}|to|till|until)\s*|[ \t]*\n[ \t]*)"
    rf"(?:(?P<bm>{_MONTH_RE})\.?[ \t]*(?P<by>\d\d)|(?P<p>{_PRESENT}))(?![\w/])(?!,?\s*(?:19|20)\d\d)",
    re.IGNORECASE,
)


_SHORT_YEAR_GATE = re.compile(
    rf"{_MONTH_RE}\.?[ \t]*\d\d(?:\s*(?:{_DASH}|to|till|until)\s*|[ \t]*\n[ \t]*)"
    rf"(?:{_MONTH_RE}\.?[ \t]*\d\d|{_PRESENT})"
)


def _month_of(name: str) -> int | None:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS.get(key[:3])


def _short_year_ranges(text: str) -> list[DateRange]:
    out: list[DateRange] = []
    for m in _SHORT_YEAR_RE.finditer(text):
        y1 = _year(m.group("ay"))
        first = PartialDate(year=y1, month=_month_of(m.group("am"))) if y1 else None
        if first is None:
            continue
        if m.group("p"):
            out.append(DateRange(first, None, True, m.start(), m.end()))
            continue
        y2 = _year(m.group("by"))
        last = PartialDate(year=y2, month=_month_of(m.group("bm"))) if y2 else None
        if last is not None and 0 <= last.ordinal() - first.ordinal() <= 40 * 12:
            out.append(DateRange(first, last, False, m.start(), m.end()))
    return out


# "20132015", "2016present": PDF text that lost the dash between the two ends of a range
_GLUED_RE = re.compile(
    rf"(?<![\w/.\-])(?P<a>{_YEAR4})(?:(?P<b>{_YEAR4})|(?P<p>present|current))(?![\w/])", re.I
)


_GLUED_GATE = re.compile(r"(?:19|20)\d\d(?:19|20|p|c)")


def _glued_ranges(text: str) -> list[DateRange]:
    out: list[DateRange] = []
    for m in _GLUED_RE.finditer(text):
        a = int(m.group("a"))
        if m.group("b"):
            b = int(m.group("b"))
            if not 0 <= b - a <= 40:
                continue
            out.append(DateRange(PartialDate(year=a), PartialDate(year=b), False, m.start(), m.end()))
        else:
            out.append(DateRange(PartialDate(year=a), None, True, m.start(), m.end()))
    return out


def month_diff(a: PartialDate, b: PartialDate) -> int:
    """Whole months from a to b (b - a), months missing counted as January."""
    return b.ordinal() - a.ordinal()


def _today_ord(today: date) -> int:
    return today.year * 12 + today.month - 1


def interval(
    first: PartialDate | None, last: PartialDate | None, current: bool, *, today: date
) -> tuple[int, int] | None:
    """Half-open month interval [a, b) for a range, or None when it cannot be placed.

    A month-precise end includes that month; a year-only end stops at the start of that year, except when it
    equals the start year (then the whole year). "Current" ends after the month of `today`.
    """
    if first is None:
        return None
    a = first.ordinal()
    if current:
        b = _today_ord(today) + 1
    elif last is None:
        return None
    elif last.month is not None:
        b = last.ordinal() + 1
    elif last.year == first.year:
        b = (last.year + 1) * 12 if first.month is None else max(a + 1, last.year * 12 + 12)
    else:
        b = last.year * 12
    b = min(b, _today_ord(today) + 1)
    return (a, b) if b > a else None


def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of half-open intervals, sorted; touching intervals are joined."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def ordinal_to_date(o: int) -> PartialDate:
    """The PartialDate (year and month) of a month ordinal."""
    return PartialDate(year=o // 12, month=o % 12 + 1)


# template placeholders for a year ("July 20XX", "19xx-20xx", "Summer 20XX to Present", "May [year]"): sample
# resumes hide their years this way
_PH_DATE = rf"(?:(?:{_MONTH_RE}|{_SEASON_RE})\.?,?[ \t]*)?(?:(?:19|20)[xX]{{2}}(?![\w])|\[year\])"
_PLACEHOLDER_RE = re.compile(
    rf"(?i)(?<![\w/]){_PH_DATE}(?:(?:\s*(?:{_DASH}|to|until|till|through)\s*|[ \t]*\n[ \t]*)"
    rf"(?:(?P<b>{_PH_DATE})|(?P<present>{_PRESENT})\b))?"
)


def find_placeholder_ranges(text: str) -> list[DateRange]:
    """Date ranges whose years a template left as placeholders ("July 20XX to Present", "19xx-20xx", "March 20XX"
    over "May 20XX" on the next line). They place a position in the text but give no dates: `first` and `last`
    are None (`current` when the range runs to the present); a lone placeholder date is `single`."""
    low = text.lower()
    if "xx" not in low and "[year]" not in low:
        return []  # every placeholder holds one or the other: a cheap test before the scan
    return [
        DateRange(None, None, bool(m.group("present")), m.start(), m.end(), single=not m.lastgroup)
        for m in _PLACEHOLDER_RE.finditer(text)
    ]
