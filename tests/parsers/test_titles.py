"""Where a phrase's whole job title stands (parsers.titles.title_span)."""

from __future__ import annotations

from parsers.titles import title_span


def _title(piece: str, **kw: object) -> str | None:
    span = title_span(piece, **kw)  # type: ignore[arg-type]
    return None if span is None else piece[span[0] : span[1]]


def test_the_title_ends_at_its_last_title_word() -> None:
    assert _title("Leader Developer Flash") == "Leader Developer"
    assert _title("and Tester", skip=frozenset({"and"})) == "Tester"
    assert _title("suitable Data Analyst", skip=frozenset({"suitable"})) == "Data Analyst"


def test_a_function_after_the_title_word() -> None:
    assert _title("Head of Marketing") == "Head of Marketing"
    assert _title("Director of marketing campaigns") == "Director"  # lower case: not part of the title
    assert _title("Director of I.T.", open_tail=True) == "Director of I.T."
    assert _title("Director for sales", open_tail=True) == "Director"  # the open tail follows "of" only
    # the open tail: a lower-case function of a word or two, never a place described with an article
    assert _title("Director of operations", open_tail=True) == "Director of operations"
    assert _title("Director of operations and planning", open_tail=True) == "Director"
    assert _title("Manager of a busy family restaurant", open_tail=True) == "Manager"


def test_no_whole_title() -> None:
    assert _title("fetching data") is None
    assert _title("Testing and Bug Fixing") is None
    assert _title("Senior Assistant Vice Regional Sales Manager") is None  # more than five words
    assert _title("Directors of Nursing") is None  # a plural head names a group
    assert _title("Level 2 Engineer") is None
    assert _title("Northwind Solutions Ltd") is None


def test_respaced_puts_back_the_spaces_a_pdf_lost() -> None:
    from parsers.titles import respaced

    assert respaced("Director ofNursing Services") == "Director of Nursing Services"
    assert respaced("StaffNurse") == "Staff Nurse"
    assert respaced("SharePoint Developer") == "SharePoint Developer"  # a product name stays whole
    assert respaced("Office Manager") == "Office Manager"
