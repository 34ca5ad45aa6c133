"""Skill inverted index: postings, facets, duplicates, building from the store, term resolution."""

from __future__ import annotations

import pytest

from matcher.skill_index import SkillIndex, resolve_skill
from matcher.store import SqliteStore
from models import Candidate, ContactInfo, Resume, SkillMention, TextField


@pytest.fixture
def index() -> SkillIndex:
    ix = SkillIndex()
    ix.add("a", {"python": 60, "aws": 24}, total_months=96, location="Lisbon, Portugal")
    ix.add("b", {"python": 12}, total_months=24, location="Austin, TX")
    ix.add("c", {"aws": 48, "kafka": 6}, total_months=48)
    ix.add("d", {"python": 70}, total_months=100, duplicate_of="a")
    return ix


def test_match_all_any_years_facets(index: SkillIndex) -> None:
    assert index.match(all_of=["python"]) == ["a", "b"]
    assert index.match(all_of=["python"], include_duplicates=True) == ["a", "b", "d"]
    assert index.match(all_of=["python", "aws"]) == ["a"]
    assert index.match(any_of=["kafka", "python"]) == ["a", "b", "c"]
    assert index.match(all_of=["aws"], any_of=["kafka"]) == ["c"]
    assert index.match(min_months={"python": 36}) == ["a"]
    assert index.match(min_months={"aws": 24}) == ["a", "c"]
    assert index.match(min_total_months=48) == ["a", "c"]
    assert index.match(location="TX") == ["b"]
    assert index.match(all_of=["cobol"]) == []
    assert index.match() == ["a", "b", "c"]


def test_count_any_and_holders(index: SkillIndex) -> None:
    assert index.count_any(["python", "aws", "python"]) == {"a": 2, "b": 1, "c": 1}
    assert index.count_any(["python"], include_duplicates=True)["d"] == 1
    assert index.holders("aws") == {"a": 24, "c": 48}
    assert index.skills_of("c") == {"aws": 48, "kafka": 6}
    assert index.count_any([]) == {}


def test_update_remove_and_duplicate_flag(index: SkillIndex) -> None:
    index.add("b", {"go": 30}, total_months=30)  # replace
    assert index.holders("python") == {"a": 60, "d": 70} and index.match(all_of=["go"]) == ["b"]
    index.remove("c")
    assert "c" not in index and index.holders("kafka") == {} and len(index) == 3
    index.set_duplicate_of("d", None)
    assert index.match(all_of=["python"]) == ["a", "d"]
    index.remove("nobody")  # no error


def test_from_store() -> None:
    store = SqliteStore(":memory:")
    for cid, skills, dup in (("a", {"python": 5}, None), ("b", {}, None), ("c", {"python": 1}, "a")):
        resume = Resume(
            text=cid,
            contact=ContactInfo(location=TextField(value="Porto")),
            skills=[SkillMention(skill_id=s, name=s, months=m) for s, m in skills.items()],
            total_experience_months=12,
        )
        store.put_candidate(Candidate(id=cid, resume=resume, duplicate_of=dup))
    index = SkillIndex.from_store(store)
    assert len(index) == 3 and index.holders("python") == {"a": 5, "c": 1}
    assert index.match(all_of=["python"]) == ["a"] and index.match(location="porto") == ["a", "b"]
    store.close()


def test_resolve_skill() -> None:
    assert resolve_skill("  ") == ""
    got = resolve_skill("Python")
    assert got  # the taxonomy id when the taxonomy is there, else the term lower-cased
    try:
        from parsers.taxonomy import load_taxonomy

        entry = load_taxonomy().lookup("Python")
    except ImportError:
        entry = None
    assert got == (entry.id if entry is not None else "python")
    assert resolve_skill("zzzz-unknown-skill") == "zzzz-unknown-skill"
