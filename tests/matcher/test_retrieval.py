"""Retrieval: dense + skill (+ lexical) recall merged, so an exact skill match survives embedding noise."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from matcher.embedder import HashingEmbedder, SentenceTransformerEmbedder
from matcher.index import NumpyIndex
from matcher.pool import Pool
from matcher.retrieval import Retrieved, dense_recall, merge_recall, recall_skills, retrieve
from matcher.skill_index import SkillIndex
from models import ContactInfo, Job, JobSkill, Resume, SkillMention, WorkItem

EMB = HashingEmbedder(64)


def test_merge_recall_hand_worked() -> None:
    merged = merge_recall(
        [("a", 0.9), ("b", 0.8)],
        {"c": 1, "b": 2, "d": 3},
        [("e", 5.0), ("a", 2.0)],
        skill_k=2,
    )
    assert [r.candidate_id for r in merged] == ["a", "b", "d", "e"]  # c cut by skill_k (fewest skills)
    by_id = {r.candidate_id: r for r in merged}
    assert by_id["a"] == Retrieved("a", {"dense", "lexical"}, 0.9, 0, 2.0)
    assert by_id["b"].sources == {"dense", "skill"} and by_id["b"].skill_hits == 2
    assert by_id["d"].sources == {"skill"} and by_id["d"].dense_score is None
    assert merge_recall([], {}) == []


def test_recall_skills_prefers_required() -> None:
    req = Job(
        text="x",
        required_skills=[JobSkill(skill_id="a", name="A")],
        preferred_skills=[JobSkill(skill_id="b", name="B")],
    )
    pref = Job(
        text="x", preferred_skills=[JobSkill(skill_id="b", name="B"), JobSkill(skill_id="b", name="B")]
    )
    assert recall_skills(req) == ["a"] and recall_skills(pref) == ["b"] and recall_skills(Job(text="x")) == []


def test_dense_recall_overfetches_past_excluded() -> None:
    index = NumpyIndex(2)
    index.add([1, 2, 3, 4], np.array([[1, 0], [0.9, 0.1], [0.8, 0.2], [0, 1]], dtype=np.float32))
    names = {1: "a", 2: "b", 3: "c", 4: "d"}

    def ids_for(nums: object) -> dict[int, str]:
        return {int(n): names[int(n)] for n in nums}  # type: ignore[attr-defined]

    got = dense_recall(index, np.array([1, 0], np.float32), 2, ids_for, exclude=lambda c: c in ("a", "b"))
    assert [c for c, _ in got] == ["c", "d"]
    assert dense_recall(NumpyIndex(2), np.array([1, 0], np.float32), 3, ids_for) == []


def test_retrieve_unions_sources() -> None:
    index = NumpyIndex(2)
    index.add([1, 2], np.array([[1, 0], [0, 1]], dtype=np.float32))
    skills = SkillIndex()
    skills.add("a", {"py": 1})
    skills.add("b", {})
    skills.add("c", {"py": 5}, duplicate_of="a")
    skills.add("z", {"py": 3})
    job = Job(text="python", required_skills=[JobSkill(skill_id="py", name="Python")])
    out = retrieve(
        job,
        np.array([1, 0], np.float32),
        index=index,
        skill_index=skills,
        ids_for=lambda nums: {n: {1: "a", 2: "b"}[int(n)] for n in nums},
        lexical=lambda q, k: [("q", 1.0)],
        dense_k=1,
    )
    assert {r.candidate_id for r in out} == {"a", "z", "q"}  # c is a flagged duplicate


def profile_resume(title: str, skills: list[str], duties: str) -> Resume:
    text = f"{title}\n\n{duties}\n\nSkills: {', '.join(skills)}"
    return Resume(
        text=text,
        contact=ContactInfo(),
        work=[WorkItem(title=title, description=[duties], months=48)],
        skills=[SkillMention(skill_id=s.lower(), name=s, months=48) for s in skills],
        total_experience_months=48,
    )


@pytest.fixture
def decoy_pool(tmp_path: Path) -> tuple[Pool, str, Job]:
    """Many profiles worded like the job but without its skill, and one holder of the skill worded unlike it."""
    pool = Pool(tmp_path / "d", embedder=EMB, dense_k=5, lexical_k=0)
    job = Job(
        id="j1",
        title="Platform Engineer",
        text="Platform Engineer to build internal developer platform tooling, deployment pipelines and observability.",
        required_skills=[JobSkill(skill_id="kubernetes", name="Kubernetes")],
    )
    for i in range(30):
        pool.add_resume(
            profile_resume(
                "Platform Engineer",
                ["Terraform", "Jenkins"],
                f"Build internal developer platform tooling, deployment pipelines and observability dashboards, team {i}.",
            )
        )
    holder = pool.add_resume(
        profile_resume(
            "Cluster Operator", ["Kubernetes"], "Ran container orchestration for a logistics firm."
        )
    )
    pool.add_job(job)
    return pool, holder.id, job


def test_exact_skill_match_survives_embedding_noise(decoy_pool: tuple[Pool, str, Job]) -> None:
    pool, holder, job = decoy_pool
    with pool:
        # precondition: dense recall alone misses the holder
        dense = dense_recall(pool.index, pool.job_vector(job), 5, pool.store.ids_for)
        assert holder not in {c for c, _ in dense}
        recalled = retrieve(
            job,
            pool.job_vector(job),
            index=pool.index,
            skill_index=pool.skill_index,
            ids_for=pool.store.ids_for,
            dense_k=5,
        )
        assert holder in {r.candidate_id for r in recalled}
        # the real ranking sees the holder: with skill recall off it cannot, whatever the weights
        focus = {"required_skill_coverage": 10.0}
        matches = pool.shortlist("j1", top=3, weights=focus)
        assert matches[0].candidate_id == holder
        assert [s.skill_id for s in matches[0].explanation.matched_skills] == ["kubernetes"]
        assert matches[0].explanation.total() == pytest.approx(matches[0].score)
        assert holder in {m.candidate_id for m in pool.shortlist("j1", top=40)}
        pool.skill_k = 0
        assert holder not in {m.candidate_id for m in pool.shortlist("j1", top=1, weights=focus)}


def test_lexical_recall_finds_rare_terms(tmp_path: Path) -> None:
    with Pool(tmp_path / "d", embedder=EMB, dense_k=1, lexical_k=3) as pool:
        ids = [
            pool.add_resume(
                profile_resume("Accountant", ["Excel"], f"Monthly close and reconciliations, ledger {i}.")
            ).id
            for i in range(8)
        ]
        rare = pool.add_resume(
            profile_resume("Accountant", ["Excel"], "Implemented Xbrlfilings taxonomy mapping.")
        )
        hits = pool._lexical("xbrlfilings reporting", 3)
        assert hits[0][0] == rare.id and all(c in {rare.id, *ids} for c, _ in hits)
        # erasing drops it from the lexical cache too
        pool.erase(rare.id)
        assert all(c != rare.id for c, _ in pool._lexical("xbrlfilings", 3))


@pytest.mark.slow
def test_pool_end_to_end_with_the_real_model(
    tmp_path: Path, minilm_embedder: SentenceTransformerEmbedder
) -> None:
    """The packaged MiniLM through the pool: stored vectors, dense search and a shortlist agree with meaning."""
    model = minilm_embedder
    with Pool(tmp_path / "d", embedder=model) as pool:
        chef = pool.add_resume(
            profile_resume(
                "Sous Chef", ["Food Safety"], "Ran the line of a busy restaurant kitchen, plated desserts."
            )
        )
        pool.add_resume(profile_resume("Accountant", ["Excel"], "Monthly close, reconciliations and audits."))
        pool.add_resume(
            profile_resume("Backend Developer", ["Python"], "Built REST APIs and data pipelines.")
        )
        assert pool.index.dim == model.dim == 384
        hits = pool.search(query="cook preparing meals in a restaurant", top=1)
        assert hits[0].candidate_id == chef.id
        job = pool.add_job(
            Job(title="Line Cook", text="Line cook for a restaurant kitchen: prep, grill, plating.")
        )
        assert pool.shortlist(job, top=1)[0].candidate_id == chef.id
