"""Response helpers of service.schemas that read a resume."""

from __future__ import annotations

from models.resume import PartialDate, Resume, WorkItem
from service.schemas import headline


def _resume(*work: WorkItem) -> Resume:
    return Resume(text="", source_format="txt", work=list(work))


def test_headline_is_the_current_or_latest_dated_title() -> None:
    old = WorkItem(title="Analyst", start=PartialDate(year=2015), end=PartialDate(year=2018))
    new = WorkItem(title="Senior Analyst", start=PartialDate(year=2018), end=PartialDate(year=2021))
    now = WorkItem(title="Lead Analyst", start=PartialDate(year=2021), current=True)
    assert headline(_resume(old, new)) == "Senior Analyst"
    assert headline(_resume(old, now, new)) == "Lead Analyst"
    assert headline(_resume()) is None


def test_roles_read_in_passing_are_no_headline() -> None:
    side = WorkItem(title="Developer", confidence=0.2)  # a project role: undated, below the matcher's bar
    undated = WorkItem(title="Office Manager", confidence=0.5)  # an undated position read from a header
    assert headline(_resume(side)) is None
    assert headline(_resume(side, undated)) == "Office Manager"
