"""The headline read after the name, or from the name's whole line when the name reader took a title."""

from __future__ import annotations

import pytest

from models.evidence import Span, TextField
from parsers.headline import read_headline
from parsers.sections import split_sections


def _name(text: str, value: str) -> TextField:
    a = text.index(value)
    return TextField(value=value, evidence=Span.of(text, a, a + len(value)), confidence=0.6)


def _headline(text: str, name: str | None) -> str | None:
    h = read_headline(text, split_sections(text), _name(text, name) if name else None)
    return h.value if h else None


@pytest.mark.parametrize(
    ("first_line", "name", "expected"),
    [
        # a title taken for a name: the whole line is the headline, not its last word
        (
            "FAMILY SUPPORT ADVOCATE SUPERVISOR",
            "FAMILY SUPPORT ADVOCATE",
            "FAMILY SUPPORT ADVOCATE SUPERVISOR",
        ),
        ("RN STAFF NURSE", "RN STAFF", "RN STAFF NURSE"),
        (
            "CLIENT ADVOCATE /ESCALATION SPECIALIST",
            "CLIENT ADVOCATE",
            "CLIENT ADVOCATE /ESCALATION SPECIALIST",
        ),
    ],
)
def test_the_name_line(first_line: str, name: str, expected: str) -> None:
    text = f"{first_line}\nSummary\nCaring professional with ten years in family services.\n"
    assert _headline(text, name) == expected


def test_the_title_line_under_a_name() -> None:
    text = "Dana Whitlock\nStaff Accountant\ndana@example.com\n\nEXPERIENCE\nStaff Accountant, 2019 - 2021\n"
    assert _headline(text, "Dana Whitlock") == "Staff Accountant"


def test_without_a_name_the_header_is_read_from_its_start() -> None:
    text = "Senior Data Engineer\nOakridge, TX\n\nEXPERIENCE\nData Engineer, 2019 - 2021\n"
    assert _headline(text, None) == "Senior Data Engineer"
