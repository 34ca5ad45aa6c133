"""Retrieval: dense + skill (+ lexical) recall merged, so an exact skill match survives embedding noise."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from matcher.embedder import HashingEmbedder, SentenceTransformerEmbedder
from matcher.index import NumpyIndex
from matcher.pool import Pool
from matcher.retrieval import (
    LexicalRecall,
    Retrieved,
    dense_recall,
    merge_recall,
    prescore,
    recall_skills,
    retrieve,
    select_for_rerank,
    skill_coverage,
)
from matcher.scoring import DEFAULT_WEIGHTS
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


def _two_skill_job() -> Job:
    return Job(
        text="x",
        required_skills=[JobSkill(skill_id="py", name="Python"), JobSkill(skill_id="sql", name="SQL")],
        preferred_skills=[JobSkill(skill_id="go", name="Go")],
    )


def test_prescore_hand_worked() -> None:
    skills = SkillIndex()
    skills.add("a", {"py": 1, "sql": 1, "go": 1})
    skills.add("b", {"py": 1})
    skills.add("c", {})
    job = _two_skill_job()
    assert [list(x) for x in skill_coverage(job, skills, ["a", "b", "c", "zz"])] == [
        [1.0, 0.5, 0.0, 0.0],
        [1.0, 0.0, 0.0, 0.0],
    ]
    recalled = [
        Retrieved("a", dense_score=0.2),
        Retrieved("b", lexical_score=4.0),
        Retrieved("c", dense_score=0.6),
    ]
    weights = dict.fromkeys(DEFAULT_WEIGHTS, 0.0) | {
        "semantic_similarity": 0.3,
        "peer_support": 0.1,  # follows the embedding: counted with dense
        "required_skill_coverage": 0.4,
        "preferred_skill_coverage": 0.1,
        "lexical_match": 0.1,
    }
    # dense 0.4, required 0.4, preferred 0.1, lexical 0.1; b has no dense score: the lowest recalled (0.2)
    got = prescore(job, recalled, skill_index=skills, weights=weights)
    assert got == pytest.approx([0.4 * 0.2 + 0.4 + 0.1, 0.4 * 0.2 + 0.2 + 0.1, 0.4 * 0.6])
    assert recalled[0].prescore == pytest.approx(0.58)
    exact = prescore(job, recalled, skill_index=skills, dense=np.array([0.2, 0.0, 0.6]), weights=weights)
    assert exact[1] == pytest.approx(0.3)


def test_select_for_rerank_reserves_skill_holders() -> None:
    skills = SkillIndex()
    for i in range(10):
        skills.add(f"d{i}", {})
    skills.add("h", {"py": 1, "sql": 1})
    job = _two_skill_job()
    recalled = [Retrieved(f"d{i}") for i in range(10)] + [Retrieved("h")]
    scores = np.array([1.0 - i / 100 for i in range(10)] + [0.0])  # the holder pre-scores last
    kept = select_for_rerank(job, recalled, scores, 4, skill_index=skills)
    assert [r.candidate_id for r in kept] == ["d0", "d1", "d2", "h"]  # one reserved place (4 x 0.25)
    assert select_for_rerank(job, recalled, scores, 20, skill_index=skills) == recalled
    assert select_for_rerank(job, recalled, scores, 0, skill_index=skills) == []
    no_skills = Job(text="x")
    kept = select_for_rerank(no_skills, recalled, scores, 4, skill_index=skills)
    assert [r.candidate_id for r in kept] == ["d0", "d1", "d2", "d3"]


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
        # the two-stage cut keeps it too, with the default weights and a single reserved place
        cut = retrieve(
            job,
            pool.job_vector(job),
            index=pool.index,
            skill_index=pool.skill_index,
            ids_for=pool.store.ids_for,
            dense_k=5,
            rerank_k=4,
        )
        assert len(cut) == 4 and holder in {r.candidate_id for r in cut}
        # the real ranking sees the holder: with skill recall off it cannot, whatever the weights
        focus = {"required_skill_coverage": 10.0}
        matches = pool.shortlist("j1", top=3, weights=focus)
        assert matches[0].candidate_id == holder
        assert [s.skill_id for s in matches[0].explanation.matched_skills] == ["kubernetes"]
        assert matches[0].explanation.total() == pytest.approx(matches[0].score)
        assert holder in {m.candidate_id for m in pool.shortlist("j1", top=40)}
        pool.skill_k = 0
        assert holder not in {m.candidate_id for m in pool.shortlist("j1", top=1, weights=focus)}


_SKILLS = ["Python", "SQL", "Docker", "Kubernetes", "Excel", "Java", "React", "Terraform", "Spark", "Go"]
_TITLES = ["Backend Developer", "Data Engineer", "Platform Engineer", "Accountant", "Frontend Developer"]


def _random_resume(rng: random.Random) -> Resume:
    title, skills, months = rng.choice(_TITLES), rng.sample(_SKILLS, rng.randint(1, 5)), rng.randint(6, 120)
    duties = f"{title} work with {' and '.join(skills)} for {rng.randint(1, 9)} teams."
    return Resume(
        text=f"{title}\n\n{duties}\n\nSkills: {', '.join(skills)}",
        contact=ContactInfo(),
        work=[WorkItem(title=title, description=[duties], months=months)],
        skills=[SkillMention(skill_id=s.lower(), name=s, months=months) for s in skills],
        total_experience_months=months,
    )


def test_two_stage_shortlist_agrees_with_full_ranking(tmp_path: Path) -> None:
    """The pre-score cut (40 of ~110 recalled) keeps the full ranking's top 10. Their order may differ: peer
    support and BM25 IDF are computed over the ranked set, so scores shift a little with the set."""
    rng = random.Random(3)
    with Pool(tmp_path / "d", embedder=EMB, dense_k=10, lexical_k=20, rerank_k=None) as pool:
        for _ in range(120):
            pool.add_resume(_random_resume(rng))
        pool.add_job(
            Job(
                id="j",
                title="Data Engineer",
                text="Data Engineer building pipelines with Python, SQL and Spark.",
                required_skills=[
                    JobSkill(skill_id="python", name="Python"),
                    JobSkill(skill_id="sql", name="SQL"),
                ],
                preferred_skills=[JobSkill(skill_id="spark", name="Spark")],
            )
        )
        full = pool.shortlist("j", top=10)
        pool.rerank_k = 40
        two = pool.shortlist("j", top=10)
        assert {m.candidate_id for m in two} == {m.candidate_id for m in full}
        assert all(m.explanation.total() == pytest.approx(m.score) for m in two)


def test_lexical_recall_matches_brute_force_bm25() -> None:
    """Top-k of the compact BM25 (column slices, argpartition) = a full stable sort of `BM25.scores`."""
    from matcher.lexical import BM25, tokenize

    rng = random.Random(7)
    words = [f"w{i}" for i in range(300)]
    docs = [
        [rng.choice(words[: rng.choice([20, 300])]) for _ in range(rng.randint(1, 30))] for _ in range(400)
    ]
    docs.append([])  # an empty profile scores nothing
    ids = [f"c{i}" for i in range(len(docs))]
    lexical = LexicalRecall(ids, docs)
    ref_bm25 = BM25(docs)
    for _ in range(30):
        query = " ".join([*rng.sample(words[:40], 4), "unknownword"])
        ref = ref_bm25.scores(tokenize(query))
        for k in (1, 10, 50):
            want = [(ids[i], ref[i]) for i in np.argsort(-ref, kind="stable")[:k] if ref[i] > 0]
            got = lexical.search(query, k)
            assert [s for _, s in got] == pytest.approx([s for _, s in want], rel=1e-5)
            # ids: the same up to float32 rounding between near-equal scores
            assert [ref[ids.index(c)] for c, _ in got] == pytest.approx([s for _, s in want], rel=1e-5)
    assert lexical.search("unknownword", 5) == [] and lexical.search("w1", 0) == []
    assert LexicalRecall([], []).search("w1", 3) == []
    assert (
        lexical.nbytes() < 12 * sum(len(set(d)) for d in docs) + 8 * len(docs) + 4 * len(lexical.vocab) + 64
    )


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


def _retrieve_one_by_one(job: Job, qv: np.ndarray, **kw: object) -> list[Retrieved]:
    """retrieve's rule composed of the public steps: every recalled candidate a Retrieved, merged, pre-scored
    and cut (what retrieve did before it worked over arrays)."""
    index, skills, lexical = kw["index"], kw["skill_index"], kw["lexical"]
    assert isinstance(skills, SkillIndex)
    exclude = None if kw.get("include_duplicates") else skills.is_duplicate
    dense = dense_recall(index, qv, kw["dense_k"], kw["ids_for"], exclude=exclude)  # type: ignore[arg-type]
    skill = skills.top_holders(
        recall_skills(job), kw["skill_k"], include_duplicates=bool(kw.get("include_duplicates"))
    )  # type: ignore[arg-type]
    lex = [(c, s) for c, s in lexical(job.text, kw["lexical_k"]) if not (exclude and exclude(c))]  # type: ignore[operator]
    merged = merge_recall(dense, skill, lex, skill_k=kw["skill_k"])  # type: ignore[arg-type]
    rerank_k = kw["rerank_k"]
    if rerank_k is None or len(merged) <= rerank_k:  # type: ignore[operator]
        return merged
    vectors_for = kw.get("vectors_for")
    dense_scores = None
    if vectors_for is not None:
        dense_scores = np.asarray(vectors_for([r.candidate_id for r in merged]), np.float32) @ qv  # type: ignore[operator]
    coverage = skill_coverage(job, skills, [r.candidate_id for r in merged])
    scores = prescore(
        job, merged, skill_index=skills, dense=dense_scores, weights=kw.get("weights"), coverage=coverage
    )  # type: ignore[arg-type]
    return select_for_rerank(job, merged, scores, rerank_k, skill_index=skills, coverage=coverage)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", range(3))
def test_retrieve_over_arrays_equals_the_step_by_step_rule(seed: int) -> None:
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    n, dim = 400, 16
    vecs = nrng.normal(size=(n, dim)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    index = NumpyIndex(dim)
    index.add(np.arange(n), vecs)
    skill_ids = [f"s{i}" for i in range(8)]
    words = ["python", "sql", "spark", "nurse", "care", "bread", "sales", "excel", "cloud", "audit"]
    skills = SkillIndex()
    docs = []
    for i in range(n):
        held = rng.sample(skill_ids, rng.randint(0, 4))
        skills.add(f"c{i}", dict.fromkeys(held, 12), duplicate_of="c0" if rng.random() < 0.05 else None)
        docs.append([rng.choice(words) for _ in range(rng.randint(1, 12))])
    lexical = LexicalRecall([f"c{i}" for i in range(n)], docs)

    def ids_for(nums: object) -> dict[int, str]:
        return {int(x): f"c{int(x)}" for x in nums}  # type: ignore[attr-defined]

    def vectors_for(cids: list[str]) -> np.ndarray:
        return vecs[[int(c[1:]) for c in cids]]

    for _ in range(12):
        wanted = rng.sample(skill_ids, rng.randint(0, 4))
        cut = rng.randint(0, len(wanted))
        job = Job(
            text=" ".join(rng.choice(words) for _ in range(6)),
            required_skills=[JobSkill(skill_id=s, name=s) for s in wanted[:cut]],
            preferred_skills=[JobSkill(skill_id=s, name=s, required=False) for s in wanted[cut:]],
        )
        qv = vecs[rng.randrange(n)] + nrng.normal(scale=0.3, size=dim).astype(np.float32)
        kw: dict[str, object] = {
            "index": index,
            "skill_index": skills,
            "ids_for": ids_for,
            "lexical": lexical.search,
            "dense_k": rng.choice([5, 40]),
            "skill_k": rng.choice([0, 10, 1000]),
            "lexical_k": rng.choice([0, 20]),
            "include_duplicates": rng.random() < 0.3,
            "rerank_k": rng.choice([None, 8, 30, 500]),
            "vectors_for": rng.choice([None, vectors_for]),
            "weights": rng.choice([None, {"lexical_match": 0.5}]),
        }
        got = retrieve(job, qv, **kw)  # type: ignore[arg-type]
        assert got == _retrieve_one_by_one(job, qv, **kw), kw


@pytest.mark.parametrize("kernel", [True, False])
def test_lexical_search_equals_a_stable_sort_of_its_scores(
    kernel: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The column-by-column sums equal the sliced matrix product bit for bit, and the partitioned top k is the
    first k of a stable sort (ties, many of them with repeated documents, by row); with scipy's kernel and
    without it."""
    import matcher.retrieval as retrieval
    from matcher.lexical import tokenize

    if not kernel:
        monkeypatch.setattr(retrieval, "_csc_matvec", None)
    rng = random.Random(11)
    words = [f"w{i}" for i in range(60)]
    base = [[rng.choice(words) for _ in range(rng.randint(1, 15))] for _ in range(30)]
    docs = [list(base[rng.randrange(30)]) for _ in range(500)]  # repeats: tied scores
    ids = [f"c{i}" for i in range(len(docs))]
    lexical = LexicalRecall(ids, docs)
    for _ in range(25):
        query = " ".join(rng.sample(words, rng.randint(1, 8)))
        cols = sorted({lexical.vocab[t] for t in tokenize(query) if t in lexical.vocab})
        sliced = np.asarray(lexical._tf[:, cols] @ lexical.idf[cols]).ravel()
        rows, scores = lexical.scores(tokenize(query))
        assert np.array_equal(rows, np.flatnonzero(sliced > 0)) and np.array_equal(scores, sliced[rows])
        for k in (1, 7, 100, 600):
            order = np.argsort(-scores, kind="stable")[:k]
            assert lexical.search(query, k) == [(ids[int(rows[i])], float(scores[i])) for i in order]
