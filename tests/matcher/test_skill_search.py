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


def test_top_holders_months_and_counts(index: SkillIndex) -> None:
    assert index.top_holders(["python", "aws"], 2) == {"a": 2, "b": 1}  # ties in insertion order
    assert list(index.top_holders(["kafka", "python", "aws"], 10)) == ["a", "c", "b"]
    assert index.top_holders(["python"], 0) == {} and index.top_holders([], 3) == {}
    got = index.months_held(["c", "a", "zz"], ["python", "aws", "cobol"])
    assert got.tolist() == [[-1, 48, -1], [60, 24, -1], [-1, -1, -1]]
    assert index.held_counts(["a", "b", "zz"], ["python", "aws"]).tolist() == [2, 1, 0]
    assert 0 < index.nbytes() < 100_000


@pytest.mark.parametrize("compact_after", [0, 3, 10_000])
def test_matches_a_dict_model_under_random_updates(
    monkeypatch: pytest.MonkeyPatch, compact_after: int
) -> None:
    """Adds, replacements, erasures and duplicate flags in random order, with merges into the arrays early,
    sometimes or never (and on `compact`): every query agrees with plain dicts."""
    import random

    import matcher.skill_index as skill_index

    monkeypatch.setattr(skill_index, "COMPACT_AFTER", compact_after)
    rng = random.Random(compact_after)
    skills = ["s0", "s1", "s2", "s3", "s4"]
    places = ["Porto", "Austin, TX", None]
    ix = SkillIndex()
    model: dict[str, tuple[dict[str, int], int, str | None, bool]] = {}  # insertion order = dict order
    for step in range(300):
        op = rng.random()
        cid = f"c{rng.randint(0, 40)}"
        if op < 0.6:
            held = {s: rng.randint(0, 80) for s in rng.sample(skills, rng.randint(0, 4))}
            facts = (rng.randint(0, 120), rng.choice(places), rng.random() < 0.2)
            ix.add(
                cid, held, total_months=facts[0], location=facts[1], duplicate_of="x" if facts[2] else None
            )
            model.pop(cid, None)
            model[cid] = (held, *facts)
        elif op < 0.8:
            ix.remove(cid)
            model.pop(cid, None)
        elif cid in model:
            dup = rng.random() < 0.5
            ix.set_duplicate_of(cid, "x" if dup else None)
            model[cid] = (*model[cid][:3], dup)
        if step % 11 == 0:
            ix.compact()  # merged on demand as well as by queries
        if step % 7:
            continue
        a, b = rng.sample(skills, 2)
        live = [c for c, v in model.items() if not v[3]]
        assert len(ix) == len(model) and all(c in ix for c in model)
        assert ix.holders(a) == {c: v[0][a] for c, v in model.items() if a in v[0]}
        assert ix.count_any([a, b]) == {c: n for c in live if (n := sum(s in model[c][0] for s in (a, b)))}
        assert ix.match(all_of=[a], min_months={b: 20}) == [
            c for c in live if a in model[c][0] and model[c][0].get(b, -1) >= 20
        ]
        assert ix.match(any_of=[a, b], min_total_months=30, location="tx") == [
            c
            for c in live
            if {a, b} & set(model[c][0]) and model[c][1] >= 30 and "tx" in (model[c][2] or "").casefold()
        ]
        assert ix.match(include_duplicates=True) == list(model)
        counts = {c: n for c in live if (n := sum(s in model[c][0] for s in (a, b)))}
        k = rng.randint(0, 12)
        assert list(ix.top_holders([a, b], k).items()) == [
            (c, counts[c]) for c in sorted(counts, key=lambda c: -counts[c])[:k]
        ]
        some = rng.sample([*model, "nobody"], min(5, len(model) + 1))
        assert ix.held_counts(some, [a, b]).tolist() == [
            sum(s in model.get(c, ({},))[0] for s in (a, b)) for c in some
        ]
        for c in some:
            assert ix.skills_of(c) == (model[c][0] if c in model else {})
            assert ix.is_duplicate(c) == (c in model and model[c][3])


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
    assert list(index.holders("python")) == ["a", "c"]  # postings sorted by row whatever the store's order
    assert index.match(all_of=["python"]) == ["a"] and index.match(location="porto") == ["a", "b"]
    index.add("e", {"python": 2})
    assert index.match(all_of=["python"]) == ["a", "e"] and index.skills_of("a") == {"python": 5}
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


def test_top_holders_of_a_large_pool_agree_with_a_full_sort() -> None:
    """Past a few thousand holders the counts are read count by count, and many postings are tallied in
    one pass instead of sorted: the same holders in the same order as a full sort."""
    import random

    import numpy as np

    from matcher.skill_index import _most_first

    rng = np.random.default_rng(3)
    for size in (0, 5, 4096, 5000, 12_000):
        counts = rng.integers(1, 6, size)
        for k in (0, 1, 100, 4097, size + 3):
            want = np.lexsort((np.arange(size), -counts))[:k]
            assert np.array_equal(_most_first(counts, k), want)
    pick = random.Random(4)
    ix = SkillIndex()
    held: dict[str, set[str]] = {}
    for i in range(6000):
        skills = set(pick.sample(["a", "b", "c", "d"], pick.randint(0, 3))) | (
            {"rare"} if i % 600 == 7 else set()
        )
        ix.add(f"c{i}", dict.fromkeys(skills, 12))
        held[f"c{i}"] = skills
    for ask in (["a"], ["a", "b", "c"], ["d", "zz"], ["rare"]):  # "rare": few postings, sorted
        counts = {c: n for c, s in held.items() if (n := len(s & set(ask)))}
        for k in (10, 5000):
            want = sorted(counts, key=lambda c: -counts[c])[:k]
            assert list(ix.top_holders(ask, k)) == want
        assert ix.count_any(ask) == counts
