"""rank_resumes end to end with the hashing fake, and once with the real MiniLM."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pytest

from matcher.embedder import HashingEmbedder, SentenceTransformerEmbedder
from matcher.features import FEATURES
from matcher.ranking import (
    embed_job,
    embed_job_text,
    embed_resume_texts,
    embed_resumes,
    feature_matrix,
    lexical_text,
    peer_means,
    rank_resumes,
    resume_headline,
)
from models import (
    ContactInfo,
    Education,
    Job,
    JobSkill,
    PartialDate,
    Resume,
    SkillMention,
    Span,
    TextField,
    WorkItem,
)
from models.errors import ValidationFailed

TODAY = date(2024, 6, 1)
JOB = Job(
    id="job-1",
    title="Data Engineer",
    text="Data Engineer\nBuild data pipelines with Python, SQL and Apache Spark. Airflow preferred. 3+ years.",
    required_skills=[
        JobSkill(skill_id="python", name="Python"),
        JobSkill(skill_id="sql", name="SQL"),
        JobSkill(skill_id="spark", name="Apache Spark"),
    ],
    preferred_skills=[JobSkill(skill_id="airflow", name="Airflow", required=False)],
    min_years=3,
    degree_level="bachelor",
)


def _resume(title: str, body: str, skills: list[str], years: int, name: str = "Alex Kim") -> Resume:
    text = f"{name}\n{title}\n{body}"
    mentions = []
    for sid in skills:
        at = text.lower().find(sid)
        ev = [Span.of(text, at, at + len(sid))] if at >= 0 else []
        mentions.append(
            SkillMention(skill_id=sid, name=sid.title(), evidence=ev, last_used=PartialDate(year=2024))
        )
    return Resume(
        text=text,
        contact=ContactInfo(name=TextField(value=name)),
        work=[WorkItem(title=title, start=PartialDate(year=2024 - years), current=True, skill_ids=skills)],
        skills=mentions,
        education=[Education(level="bachelor")],
    )


POOL = [
    (
        "c-strong",
        _resume(
            "Data Engineer",
            "Built Spark pipelines in python and sql, airflow.",
            ["python", "sql", "spark", "airflow"],
            5,
        ),
    ),
    ("c-mid", _resume("Software Developer", "Wrote python services with sql.", ["python", "sql"], 2)),
    ("c-none", _resume("Pastry Chef", "Baked bread and cakes for a hotel.", [], 8)),
]


def test_order_and_explanations(hashing_embedder: HashingEmbedder) -> None:
    matches = rank_resumes(JOB, POOL, embedder=hashing_embedder, related=None, today=TODAY)
    assert [m.candidate_id for m in matches] == ["c-strong", "c-mid", "c-none"]
    assert [m.rank for m in matches] == [1, 2, 3]
    assert all(m.job_id == "job-1" for m in matches)
    for m in matches:
        assert m.explanation.total() == pytest.approx(m.score)
        assert {c.feature for c in m.explanation.contributions} <= set(FEATURES)
        assert 0.0 <= m.score <= 1.0
    strong = matches[0].explanation
    assert [s.name for s in strong.matched_skills] == ["Python", "SQL", "Apache Spark", "Airflow"]
    assert strong.matched_skills[0].evidence[0].text == "python"
    assert [s.name for s in matches[2].explanation.missing_skills] == [
        "Python",
        "SQL",
        "Apache Spark",
        "Airflow",
    ]
    req = next(c for c in strong.contributions if c.feature == "required_skill_coverage")
    assert req.value == 1.0 and req.evidence


def test_top_and_ties_by_id(hashing_embedder: HashingEmbedder) -> None:
    twins = [("b", POOL[1][1]), ("a", POOL[1][1]), ("c", POOL[1][1])]
    matches = rank_resumes(JOB, twins, embedder=hashing_embedder, related=None, today=TODAY, top=2)
    assert [m.candidate_id for m in matches] == ["a", "b"]
    assert rank_resumes(JOB, [], embedder=hashing_embedder, related=None) == []


def test_weights_override_and_job_weights(hashing_embedder: HashingEmbedder) -> None:
    only_exp = dict.fromkeys(FEATURES, 0.0) | {"relevant_experience": 1.0}
    matches = rank_resumes(JOB, POOL, embedder=hashing_embedder, related=None, today=TODAY, weights=only_exp)
    # the chef has 8 years but none relevant; the strong one 5 relevant years of 3 asked
    assert matches[0].candidate_id == "c-strong" and matches[0].score == pytest.approx(1.0)
    job = JOB.model_copy(update={"weights": only_exp})
    again = rank_resumes(job, POOL, embedder=hashing_embedder, related=None, today=TODAY)
    assert [m.score for m in again] == pytest.approx([m.score for m in matches])
    with pytest.raises(ValidationFailed):
        rank_resumes(JOB, POOL, embedder=hashing_embedder, weights={"age": 1.0})


def test_precomputed_vectors_match(hashing_embedder: HashingEmbedder) -> None:
    rv = embed_resumes([r for _, r in POOL], hashing_embedder)
    jv = embed_job(JOB, hashing_embedder)
    tv = embed_resume_texts([r for _, r in POOL], hashing_embedder)
    jt = embed_job_text(JOB, hashing_embedder)
    a = rank_resumes(
        JOB,
        POOL,
        embedder=None,
        resume_vectors=rv,
        job_vector=jv,
        text_vectors=tv,
        job_text_vector=jt,
        related=None,
        today=TODAY,
    )
    b = rank_resumes(JOB, POOL, embedder=hashing_embedder, related=None, today=TODAY)
    assert [(m.candidate_id, m.score) for m in a] == [(m.candidate_id, pytest.approx(m.score)) for m in b]
    # stored profile vectors alone: the semantic match reads the profile view only
    c = rank_resumes(JOB, POOL, embedder=None, resume_vectors=rv, job_vector=jv, related=None, today=TODAY)
    cos = (rv @ jv) / np.linalg.norm(rv, axis=1) / np.linalg.norm(jv)
    by_id = {m.candidate_id: m for m in c}
    for (cid, _), value in zip(POOL, cos, strict=True):
        sem = next(x for x in by_id[cid].explanation.contributions if x.feature == "semantic_similarity")
        assert sem.note == f"embedding cosine {value:.2f}"
    with pytest.raises(ValidationFailed):  # text vectors without the job's text vector nor an embedder
        rank_resumes(
            JOB, POOL, embedder=None, resume_vectors=rv, job_vector=jv, text_vectors=tv, related=None
        )
    with pytest.raises(ValidationFailed):
        rank_resumes(JOB, POOL, embedder=None, related=None)
    with pytest.raises(ValidationFailed):
        rank_resumes(JOB, POOL, embedder=None, resume_vectors=rv[:2], job_vector=jv, related=None)


def test_blind_ranking_ignores_names(hashing_embedder: HashingEmbedder) -> None:
    """Renaming candidates (and their pronouns) changes nothing when blind."""
    one = _resume(
        "Data Engineer", "She built Spark pipelines with her team.", ["spark"], 4, name="Emily Walsh"
    )
    two = _resume(
        "Data Engineer", "He built Spark pipelines with his team.", ["spark"], 4, name="Jamal Jones"
    )
    m1 = rank_resumes(JOB, [("x", one), POOL[1]], embedder=hashing_embedder, related=None, today=TODAY)
    m2 = rank_resumes(JOB, [("x", two), POOL[1]], embedder=hashing_embedder, related=None, today=TODAY)
    assert [m.score for m in m1] == pytest.approx([m.score for m in m2])


def test_feature_matrix(hashing_embedder: HashingEmbedder) -> None:
    ids, names, x = feature_matrix(JOB, POOL, embedder=hashing_embedder, related=None, today=TODAY)
    assert ids == [cid for cid, _ in POOL]
    assert names == FEATURES
    assert x.shape == (3, len(FEATURES))
    assert ((x >= 0) & (x <= 1)).all()
    assert x[0, FEATURES.index("required_skill_coverage")] == 1.0


def test_headline_is_blinded() -> None:
    r = _resume("Data Engineer", "x", [], 1, name="Alex Kim")
    assert resume_headline(r) == "Data Engineer"
    # a name the parser missed is never taken for a headline: it names no role
    assert (
        resume_headline(Resume(text="Alex Kim\nalex@x.org\nSENIOR ACCOUNTANT\n..."), blind=False)
        == "SENIOR ACCOUNTANT"
    )
    assert resume_headline(Resume(text="Alex Kim\nSummary\nI like numbers.")) is None


def test_with_real_minilm(minilm_embedder: SentenceTransformerEmbedder) -> None:
    matches = rank_resumes(JOB, POOL, embedder=minilm_embedder, related=None, today=TODAY)
    assert matches[0].candidate_id == "c-strong"
    assert matches[-1].candidate_id == "c-none"
    sem = {
        m.candidate_id: next(
            c.value for c in m.explanation.contributions if c.feature == "semantic_similarity"
        )
        for m in matches
    }
    assert sem["c-strong"] > sem["c-none"]
    assert np.isfinite([m.score for m in matches]).all()


def test_job_vector_combines_profile_and_title(hashing_embedder: HashingEmbedder) -> None:
    from matcher.ranking import combine_job_vectors, job_embedding_texts

    texts = job_embedding_texts(JOB)
    assert len(texts) == 2 and texts[1] == "Data Engineer"
    assert job_embedding_texts(JOB.model_copy(update={"title": None})) == texts[:1]
    v = embed_job(JOB, hashing_embedder)
    assert v.shape == (384,) and float(np.linalg.norm(v)) == pytest.approx(1.0, abs=1e-5)
    assert combine_job_vectors(np.array([[1.0, 0.0], [0.0, 1.0]])) == pytest.approx([2**-0.5, 2**-0.5])


def test_peer_means_brute_force() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(57, 8)).astype(np.float32)
    values = rng.uniform(size=57)
    got = peer_means(x, values, k=4, block=10)  # blocks smaller than the set
    unit = x / np.linalg.norm(x, axis=1, keepdims=True)
    for i in range(57):
        sims = [(float(unit[i] @ unit[j]), j) for j in range(57) if j != i]
        nn = [j for _, j in sorted(sims, key=lambda t: (-t[0], t[1]))[:4]]
        assert got[i] == pytest.approx(float(np.mean(values[nn])))
    assert peer_means(x[:1], values[:1]).tolist() == [0.0]


def test_peer_support_in_large_sets_only(hashing_embedder: HashingEmbedder) -> None:
    small = rank_resumes(JOB, POOL, embedder=hashing_embedder, related=None, today=TODAY)
    assert all(c.feature != "peer_support" for m in small for c in m.explanation.contributions)
    big_pool = [(f"{cid}-{i}", r) for i in range(11) for cid, r in POOL]  # 33 candidates, 11 copies each
    big = rank_resumes(JOB, big_pool, embedder=hashing_embedder, related=None, today=TODAY)
    for m in big:
        peer = [c for c in m.explanation.contributions if c.feature == "peer_support"]
        assert len(peer) == 1 and 0.0 <= peer[0].value <= 1.0
        assert m.score == pytest.approx(sum(c.contribution for c in m.explanation.contributions))
    # copies of one resume are each other's nearest neighbours: peer support equals their own semantic match
    for m in big:
        contrib = {c.feature: c for c in m.explanation.contributions}
        assert contrib["peer_support"].value == pytest.approx(contrib["semantic_similarity"].value)


def test_fast_order_falls_back_to_full_scoring(
    hashing_embedder: HashingEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Contributions are built for the kept top only; a fast score that disagrees with score_candidate
    makes every candidate scored in full, so the result never depends on the shortcut."""
    import matcher.ranking as ranking

    kwargs = {"embedder": hashing_embedder, "related": None, "today": TODAY, "top": 2}
    expected = rank_resumes(JOB, POOL, **kwargs)  # type: ignore[arg-type]
    monkeypatch.setattr(ranking, "_score_value", lambda features, weights: -len(features))
    got = rank_resumes(JOB, POOL, **kwargs)  # type: ignore[arg-type]
    assert [(m.candidate_id, m.score) for m in got] == [(m.candidate_id, m.score) for m in expected]
    assert [m.explanation for m in got] == [m.explanation for m in expected]


def test_precomputed_headlines_give_the_same_ranking(hashing_embedder: HashingEmbedder) -> None:
    heads = [resume_headline(r, blind=True) for _, r in POOL]
    assert any(h for h in heads)  # the fixture has headlines, so the argument is exercised
    a = rank_resumes(JOB, POOL, embedder=hashing_embedder, related=None, today=TODAY, headlines=heads)
    b = rank_resumes(JOB, POOL, embedder=hashing_embedder, related=None, today=TODAY)
    assert [m.model_dump() for m in a] == [m.model_dump() for m in b]
    with pytest.raises(ValidationFailed):
        rank_resumes(JOB, POOL, embedder=hashing_embedder, related=None, headlines=heads[:1])


def _random_pool(seed: int, n: int) -> list[tuple[str, Resume]]:
    import random

    rng = random.Random(seed)
    titles = ["Data Engineer", "Software Developer", "Pastry Chef", "Data Analyst", "Nurse", "ETL Developer"]
    words = [
        "built",
        "spark",
        "pipelines",
        "python",
        "sql",
        "airflow",
        "baked",
        "bread",
        "reports",
        "dashboards",
        "patients",
        "care",
    ]
    skills = ["python", "sql", "spark", "airflow", "excel"]
    return [
        (
            f"c{i:03d}",
            _resume(
                rng.choice(titles),
                " ".join(rng.choice(words) for _ in range(rng.randint(3, 12))),
                rng.sample(skills, rng.randint(0, 4)),
                rng.randint(0, 10),
            ),
        )
        for i in range(n)
    ]


@pytest.mark.parametrize(
    ("seed", "size", "copies"), [(1, 60, 1), (2, 60, 1), (3, 20, 4), (4, 130, 1), (5, 45, 3)]
)
def test_pruned_top_equals_the_full_ranking_cut(
    hashing_embedder: HashingEmbedder, seed: int, size: int, copies: int
) -> None:
    """Asking for the top k skips candidates that cannot reach it (by the cheap bounds, then by the bounds
    with the basic features, then by the best actual scores met so far); what comes back is exactly the
    first k of the full ranking, explanations included, under default and skewed weights, with and without
    the taxonomy's related skills, and when copies of one resume tie (ties go by candidate id)."""
    pool = [(f"{cid}-{k}", r) for cid, r in _random_pool(seed, size) for k in range(copies)]
    skewed = (
        None,
        {"relevant_experience": 5.0, "semantic_similarity": 0.1},
        {"peer_support": 3.0},
        {"related_skill_credit": 2.0, "occupation_match": 2.0, "title_similarity": 0.0},  # the last stage
    )
    for weights in skewed:
        for related in ({"related": None}, {}):  # none, then the shipped taxonomy's related skills
            opts = {"embedder": hashing_embedder, "weights": weights, "today": TODAY, **related}
            full = rank_resumes(JOB, pool, **opts)  # type: ignore[arg-type]
            for k in (1, 5, 25):
                cut = rank_resumes(JOB, pool, top=k, **opts)  # type: ignore[arg-type]
                assert [m.model_dump() for m in cut] == [m.model_dump() for m in full[:k]], (weights, k)


def test_reachable_bounds() -> None:
    from matcher.ranking import _reachable

    cheap = {"semantic_similarity": np.array([0.9, 0.8, 0.1, 0.0])}
    both = ["semantic_similarity", "title_similarity"]
    # equal weights: score ranges [0.45, 0.95], [0.4, 0.9], [0.05, 0.55], [0, 0.5]; the best floor is 0.45
    even = {"semantic_similarity": 1.0, "title_similarity": 1.0}
    assert _reachable(both, cheap, even, top=1).tolist() == [True, True, True, True]
    # 3:1 weights: ranges [0.675, 0.925], [0.6, 0.85], [0.075, 0.325], [0, 0.25]
    skewed = {"semantic_similarity": 3.0, "title_similarity": 1.0}
    assert _reachable(both, cheap, skewed, top=1).tolist() == [True, True, False, False]
    assert _reachable(both, cheap, skewed, top=3).tolist() == [True, True, True, True]
    # only cheap features apply: exactly the best (ties kept)
    assert _reachable(["semantic_similarity"], cheap, even, top=1).tolist() == [True, False, False, False]


@pytest.mark.parametrize("seed", range(6))
def test_nearest_equals_the_stable_sort(seed: int) -> None:
    """peer_means' partition picks exactly the first k of a stable argsort, ties (by column) included."""
    from matcher.ranking import _nearest

    rng = np.random.default_rng(seed)
    for _ in range(200):
        rows, cols = int(rng.integers(1, 25)), int(rng.integers(1, 30))
        k = int(rng.integers(1, cols + 1))
        # few distinct values: many ties at the k-th place; some infinities and NaNs
        dist = rng.integers(0, 4, (rows, cols)).astype(float) if seed % 2 else rng.normal(size=(rows, cols))
        dist[rng.random((rows, cols)) < 0.05] = np.inf
        dist[rng.random((rows, cols)) < 0.02] = np.nan
        assert np.array_equal(_nearest(dist, k), np.argsort(dist, axis=1, kind="stable")[:, :k])


def test_ranking_leaves_the_blas_threads_as_it_found_them(hashing_embedder: HashingEmbedder) -> None:
    threadpoolctl = pytest.importorskip("threadpoolctl")
    import matcher.blas as blas
    import matcher.ranking as ranking

    before = [(c.prefix, c.num_threads) for c in threadpoolctl.ThreadpoolController().lib_controllers]
    seen: list[int] = []
    real = ranking.peer_means

    def spy(*args: object, **kwargs: object) -> np.ndarray:
        seen.extend(c.num_threads for c in blas._blas_state["libs"])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    big_pool = [(f"{cid}-{i}", r) for i in range(11) for cid, r in POOL]
    try:
        ranking.peer_means = spy  # type: ignore[assignment]
        rank_resumes(JOB, big_pool, embedder=hashing_embedder, related=None, today=TODAY)
    finally:
        ranking.peer_means = real
    assert seen and set(seen) == {1}  # OpenBLAS ran on one thread inside the ranking
    after = [(c.prefix, c.num_threads) for c in threadpoolctl.ThreadpoolController().lib_controllers]
    assert after == before and blas._blas_state["users"] == 0


def test_warm_up_freezes_the_long_lived_heap() -> None:
    import gc

    from matcher.ranking import warm_up

    gc.unfreeze()
    warm_up(freeze=False)
    assert gc.get_freeze_count() == 0
    try:
        warm_up()
        assert gc.get_freeze_count() > 10_000  # the taxonomy and occupation tables, among the rest
    finally:
        gc.unfreeze()


def test_ranking_pauses_the_cyclic_collector_and_restores_it(hashing_embedder: HashingEmbedder) -> None:
    import gc

    import matcher.ranking as ranking

    seen: list[bool] = []
    real = ranking._all_features

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    try:
        ranking._all_features = spy  # type: ignore[assignment]
        assert gc.isenabled()
        rank_resumes(JOB, POOL, embedder=hashing_embedder, related=None, today=TODAY)
        assert gc.isenabled() and seen == [False]
        gc.disable()  # a caller that runs without the collector keeps it off
        rank_resumes(JOB, POOL, embedder=hashing_embedder, related=None, today=TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable()
        ranking._all_features = real
    assert ranking._gc_state["users"] == 0


class _CountingResumes(Sequence[tuple[str, Resume]]):
    """A sequence that records which positions are read (as the pool's lazily parsed stored resumes)."""

    def __init__(self, pairs: list[tuple[str, Resume]]) -> None:
        self.pairs = pairs
        self.read: set[int] = set()

    def __len__(self) -> int:
        return len(self.pairs)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):
            raise AssertionError("the ranking should read resumes one at a time")
        self.read.add(i % len(self.pairs))
        return self.pairs[i]

    def __iter__(self):  # type: ignore[no-untyped-def]
        raise AssertionError("the ranking should not walk every resume when vectors are given")


def test_top_k_reads_only_the_resumes_it_scores(hashing_embedder: HashingEmbedder) -> None:
    """With vectors given, pruned candidates' resumes are never read, and the result is the same."""
    from matcher.lexical import tokenize

    pool = _random_pool(7, 130)
    plain = [r for _, r in pool]
    vectors = embed_resumes(plain, hashing_embedder)
    kwargs = {
        "embedder": hashing_embedder,
        "related": None,
        "today": TODAY,
        "top": 5,
        "resume_vectors": vectors,
        "job_vector": embed_job(JOB, hashing_embedder),
        "lexical_tokens": [tokenize(lexical_text(r)) for r in plain],
        "headlines": [None] * len(plain),
    }
    eager = rank_resumes(JOB, pool, **kwargs)  # type: ignore[arg-type]
    lazy = _CountingResumes(pool)
    got = rank_resumes(JOB, lazy, **kwargs)  # type: ignore[arg-type]
    assert [m.model_dump() for m in got] == [m.model_dump() for m in eager]
    assert 5 <= len(lazy.read) < len(pool)


def _value_view(resume: Resume) -> Resume:
    """The resume with the values ranking scores on and nothing else: no text, evidence or descriptions."""
    from models.resume import Education

    return Resume(
        text="",
        skills=[s.model_copy(update={"evidence": [], "sections": []}) for s in resume.skills],
        work=[
            w.model_copy(
                update={
                    "title_evidence": None,
                    "employer_evidence": None,
                    "dates_evidence": None,
                    "evidence": None,
                    "description": [],
                }
            )
            for w in resume.work
        ],
        education=[Education(level=e.level) for e in resume.education],
    )


@pytest.mark.parametrize("seed", [8, 9])
def test_value_views_score_and_resumes_explain(hashing_embedder: HashingEmbedder, seed: int) -> None:
    """Scored on value views (no text or evidence), a top-k shortlist is the one scored on the resumes,
    explanations (with their evidence) included: the kept candidates are read from their resumes, and only
    those."""
    from matcher.lexical import tokenize

    pool = [(f"{cid}-{k}", r) for cid, r in _random_pool(seed, 70) for k in range(2)]
    plain = [r for _, r in pool]
    views = [_value_view(r) for r in plain]
    kwargs = {
        "embedder": hashing_embedder,
        "today": TODAY,
        "resume_vectors": embed_resumes(plain, hashing_embedder),
        "job_vector": embed_job(JOB, hashing_embedder),
        "lexical_tokens": [tokenize(lexical_text(r)) for r in plain],
    }
    heads = [resume_headline(r) for r in plain]
    for k in (1, 10, 40):
        want = rank_resumes(JOB, pool, top=k, **kwargs)  # type: ignore[arg-type]
        lazy = _CountingResumes(pool)
        got = rank_resumes(JOB, lazy, top=k, value_views=views, headlines=heads, **kwargs)  # type: ignore[arg-type]
        assert [m.model_dump() for m in got] == [m.model_dump() for m in want]
        assert len(lazy.read) < len(pool)  # the candidates scored on their views alone are never read
        assert any(c.evidence for m in got for c in m.explanation.contributions)  # type: ignore[union-attr]
    with pytest.raises(ValidationFailed):
        rank_resumes(JOB, pool, top=5, value_views=views[:-1], **kwargs)  # type: ignore[arg-type]


def test_semantic_match_mixes_the_profile_and_text_views() -> None:
    from matcher.features import SEMANTIC_HI, SEMANTIC_LO
    from matcher.ranking import PROFILE_VIEW_SHARE

    # the profile view matches the job exactly (cosine 1), the text view not at all (cosine 0)
    job_vec, other = np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])
    pool = POOL[:1]
    _, names, x = feature_matrix(
        JOB,
        pool,
        embedder=None,
        resume_vectors=np.array([job_vec]),
        job_vector=job_vec,
        text_vectors=np.array([other]),
        job_text_vector=np.array([0.0, 0.0, 1.0]),
        related=None,
        today=TODAY,
    )
    cosine = PROFILE_VIEW_SHARE * 1.0 + (1 - PROFILE_VIEW_SHARE) * 0.0
    expected = (cosine - SEMANTIC_LO) / (SEMANTIC_HI - SEMANTIC_LO)
    assert x[0, names.index("semantic_similarity")] == pytest.approx(expected, abs=1e-6)
