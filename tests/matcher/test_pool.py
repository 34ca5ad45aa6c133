"""The Pool facade: add, dedupe, erase everywhere, index rebuild, jobs, feedback, shortlist, search, threads."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pytest

from matcher.embedder import HashingEmbedder
from matcher.index import open_index, sidecar_path
from matcher.pool import Pool
from matcher.prepare import WORKER_NICE, parser_executor
from models import (
    ContactInfo,
    EmptyDocument,
    Explanation,
    Job,
    JobSkill,
    Match,
    NotFound,
    Resume,
    SkillMention,
    Span,
    TextField,
    ValidationFailed,
    WorkItem,
)

EMB = HashingEmbedder(64)


def make_resume(
    text: str,
    skills: dict[str, int] | None = None,
    *,
    email: str | None = None,
    phone: str | None = None,
    name: str | None = None,
    location: str | None = "Lisbon, Portugal",
    title: str = "Software Engineer",
    months: int = 60,
) -> Resume:
    mentions = []
    for sid, m in (skills or {}).items():
        at = text.lower().find(sid)
        ev = [Span.of(text, at, at + len(sid))] if at >= 0 else []
        mentions.append(SkillMention(skill_id=sid, name=sid.title(), months=m, evidence=ev))
    return Resume(
        text=text,
        contact=ContactInfo(
            name=TextField(value=name) if name else None,
            email=TextField(value=email) if email else None,
            phone=TextField(value=phone) if phone else None,
            location=TextField(value=location) if location else None,
        ),
        work=[WorkItem(title=title, description=[text[:80]])],
        skills=mentions,
        total_experience_months=months,
    )


def stub_rank(
    job: Job,
    resumes: Sequence[tuple[str, Resume]],
    *,
    embedder: Any,
    weights: dict[str, float] | None = None,
    blind: bool = True,
    top: int | None = None,
    resume_vectors: np.ndarray | None = None,
    job_vector: np.ndarray | None = None,
    lexical_tokens: Sequence[Sequence[str]] | None = None,
    headlines: Sequence[str | None] | None = None,
) -> list[Match]:
    """Stand-in for matcher.ranking.rank_resumes: required-skill coverage, then vector similarity."""
    stub_rank.calls.append(  # type: ignore[attr-defined]
        {
            "n": len(resumes),
            "vectors": resume_vectors,
            "weights": weights,
            "blind": blind,
            "tokens": lexical_tokens,
            "headlines": headlines,
            "resumes": resumes,
        }
    )
    req = {s.skill_id for s in job.required_skills}
    scored = []
    for i, (cid, res) in enumerate(resumes):
        cover = len(req & res.skill_ids()) / len(req) if req else 0.0
        sim = (
            float(resume_vectors[i] @ job_vector)
            if resume_vectors is not None and job_vector is not None
            else 0.0
        )
        scored.append((cover + 0.01 * sim, cid))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [
        Match(candidate_id=c, score=s, rank=r, explanation=Explanation())
        for r, (s, c) in enumerate(scored[:top], 1)
    ]


stub_rank.calls = []  # type: ignore[attr-defined]


@pytest.fixture
def pool(tmp_path: Path) -> Iterator[Pool]:
    p = Pool(tmp_path / "data", embedder=EMB, ranker=stub_rank)
    yield p
    p.close()


def text_for(i: int, extra: str = "") -> str:
    return f"Engineer number {i} working on distributed systems project {i * 7} with teams in region {i}. {extra}"


def test_add_get_list_count(pool: Pool) -> None:
    a = pool.add_resume(make_resume(text_for(1), {"python": 24}), "a.pdf")
    b = pool.add_resume(make_resume(text_for(2), {"go": 12}), "b.pdf")
    assert pool.count() == 2 and [c.id for c in pool.list()] == [a.id, b.id]
    assert pool.get(a.id).source_name == "a.pdf" and pool.get(a.id).content_hash
    assert len(pool.index) == 2
    # the same content again is not stored twice
    again = pool.add_resume(make_resume(text_for(1), {"python": 24}), "a-copy.pdf")
    assert again.id == a.id and pool.count() == 2
    with pytest.raises(NotFound):
        pool.get("c_missing")


def test_duplicates_are_flagged_and_hidden(pool: Pool) -> None:
    body = " ".join(
        f"Delivered feature {i} for the billing platform using python and kafka." for i in range(30)
    )
    a = pool.add_resume(make_resume(body, {"python": 36}, email="Jane.Doe@example.com"), "jane.pdf")
    # same email, different text
    b = pool.add_resume(
        make_resume("Completely different " + text_for(9), {"python": 6}, email="jane.doe+cv@example.com")
    )
    # near-identical text, no contact in common
    c = pool.add_resume(
        make_resume(body.replace("feature 3 ", "feature three "), {"python": 36}, email="other@example.org")
    )
    # unrelated person
    d = pool.add_resume(make_resume(text_for(5), {"python": 12}, email="d@example.org"))
    assert b.duplicate_of == a.id and c.duplicate_of == a.id and d.duplicate_of is None
    assert pool.count() == 4
    hits = pool.search(all_of=["python"])
    assert {m.candidate_id for m in hits} == {a.id, d.id}
    pool.add_job(
        Job(id="j1", text="python engineer", required_skills=[JobSkill(skill_id="python", name="Python")])
    )
    assert {m.candidate_id for m in pool.shortlist("j1", top=10)} == {a.id, d.id}
    assert {m.candidate_id for m in pool.shortlist("j1", top=10, include_duplicates=True)} == {
        a.id,
        b.id,
        c.id,
        d.id,
    }


def test_shared_agency_contact_does_not_merge_different_people(pool: Pool) -> None:
    mail, tel = "talent@agency.example", "+44 20 7946 0000"
    a = pool.add_resume(make_resume(text_for(1), name="Ana Lima", email=mail, phone=tel))
    b = pool.add_resume(make_resume(text_for(2), name="Bruno Costa", email=mail, phone=tel))
    c = pool.add_resume(make_resume(text_for(3), name="Lima, Ana", phone=tel))  # same person, name reordered
    d = pool.add_resume(make_resume(text_for(4), email=mail))  # no name parsed: contact decides
    assert b.duplicate_of is None
    assert c.duplicate_of == a.id and d.duplicate_of == a.id


def raw_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def test_erase_leaves_nothing_behind(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    pool = Pool(data_dir, embedder=EMB, ranker=stub_rank)
    secret_text = "Quintessa Brightwater qb@example.net built telemetry pipelines in rust and python " * 3
    doc = secret_text.encode()
    keep = pool.add_resume(make_resume(text_for(3), {"python": 12}), "keep.txt", data=b"keep me")
    gone = pool.add_resume(
        make_resume(secret_text, {"rust": 24, "python": 24}, email="qb@example.net"), "qb.txt", data=doc
    )
    dup = pool.add_resume(
        make_resume("Another text " + text_for(8), {"rust": 2}, email="qb@example.net"), "qb2.txt"
    )
    assert dup.duplicate_of == gone.id
    pool.add_job(Job(id="j1", text="rust"))
    pool.record_feedback("j1", gone.id, "advance")
    gone_num = pool.store.nums_for([gone.id])[gone.id]
    vector = pool.store.get_embeddings([gone.id], pool.model)[gone.id]
    pool.flush()
    assert b"Quintessa" in raw_bytes(data_dir)
    from matcher import profile

    assert profile._personal_pattern.cache_info().currsize > 0  # blinding at ingest kept the contact terms

    erased = pool.erase(gone.id)
    assert set(erased) == {gone.id, dup.id}
    # the store
    assert pool.count() == 1 and pool.list_feedback() == []
    for cid in erased:
        with pytest.raises(NotFound):
            pool.get(cid)
    # the vector index, in memory and on disk
    assert gone_num not in pool.index and len(pool.index) == 1
    reopened = open_index(pool.index_path)
    assert reopened is not None and gone_num not in set(reopened.ids().tolist())
    # the skill index and search
    assert pool.skill_index.holders("rust") == {}
    assert pool.search(all_of=["rust"]) == []
    # the process's caches of names, contact details and text lines
    from parsers import sections, titles

    assert profile._name_parts.cache_info().currsize == 0
    assert profile._personal_pattern.cache_info().currsize == 0
    assert sections.classify_heading.cache_info().currsize == 0
    assert titles.lower_words.cache_info().currsize == 0 and titles.is_title_word.cache_info().currsize == 0
    # every byte under the data directory: database, WAL, files, index
    pool.close()
    blob = raw_bytes(data_dir)
    assert b"Quintessa" not in blob and b"qb@example.net" not in blob
    assert vector.tobytes() not in blob
    assert not any("qb" in p.name for p in (data_dir / "files").iterdir())
    with Pool(data_dir, embedder=EMB, ranker=stub_rank) as again:
        assert again.count() == 1 and again.get(keep.id) and len(again.index) == 1
        with pytest.raises(NotFound):
            again.erase(gone.id)
    again.close()  # closing twice is harmless


def test_erase_one_promotes_the_next_duplicate(pool: Pool) -> None:
    a = pool.add_resume(make_resume(text_for(1), email="x@example.com"))
    b = pool.add_resume(make_resume(text_for(2), email="x@example.com"))
    c = pool.add_resume(make_resume(text_for(3), email="x@example.com"))
    assert pool.erase(a.id, include_duplicates=False) == [a.id]
    assert pool.get(b.id).duplicate_of is None and pool.get(c.id).duplicate_of == b.id


@pytest.mark.parametrize("damage", ["delete", "corrupt", "sidecar", "stale"])
def test_index_rebuilt_when_missing_or_inconsistent(tmp_path: Path, damage: str) -> None:
    data_dir = tmp_path / "d"
    pool = Pool(data_dir, embedder=EMB, ranker=stub_rank)
    ids = [pool.add_resume(make_resume(text_for(i), {"python": i})).id for i in range(6)]
    path = pool.index_path
    expected = set(pool.store.nums_for(ids).values())
    if damage == "stale":  # a write the index never saw (crash between store and index save)
        pool.autosave = False
        pool.add_resume(make_resume(text_for(99)))
        expected = set(pool.store.embedding_nums(pool.model).tolist())
        pool.store.close()
    else:
        pool.close()
    if damage == "delete":
        path.unlink()
    elif damage == "corrupt":
        data = bytearray(path.read_bytes())
        data[len(data) // 3 : len(data) // 3 + 64] = b"\0" * 64
        path.write_bytes(bytes(data))
    elif damage == "sidecar":
        sidecar_path(path).unlink()
    with Pool(data_dir, embedder=EMB, ranker=stub_rank) as again:
        assert set(again.index.ids().tolist()) == expected
        q = again.store.get_embeddings([ids[2]], again.model)[ids[2]]
        _, found = again.index.search(q, 1)
        assert found[0, 0] == again.store.nums_for([ids[2]])[ids[2]]
    assert open_index(path, expected_ids=np.array(sorted(expected))) is not None


def test_other_embedder_reembeds_from_store(tmp_path: Path) -> None:
    data_dir = tmp_path / "d"
    with Pool(data_dir, embedder=EMB, ranker=stub_rank) as pool:
        pool.add_resume(make_resume(text_for(1)))
        pool.add_resume(make_resume(text_for(2)))
    with Pool(data_dir, embedder=HashingEmbedder(32), ranker=stub_rank, index_backend="numpy") as pool:
        assert len(pool.index) == 2 and pool.index.dim == 32 and pool.index.kind == "numpy"


def test_add_file_update_and_files(pool: Pool) -> None:
    doc = (
        b"Sam Poe\nsam@example.com\n\nExperience\nData Engineer, Foo Ltd, 2018 - 2022\n- Pipelines in SQL.\n"
    )
    cand = pool.add_file(doc, "sam.txt")
    assert pool.get_file(cand.id) == ("sam.txt", doc)
    assert pool.add_file(doc, "sam-again.txt").id == cand.id and pool.count() == 1
    new_doc = doc + b"- Also dashboards.\n"
    updated = pool.update(cand.id, new_doc)
    assert updated.id == cand.id and "dashboards" in updated.resume.text
    assert updated.duplicate_of is None and pool.get_file(cand.id) == ("sam.txt", new_doc)
    assert len(pool.index) == 1 and pool.count() == 1
    with pytest.raises(EmptyDocument):
        pool.add_file(b"", "empty.txt")
    with pytest.raises(NotFound):
        pool.update("c_nope", doc)


def test_add_many_batches_and_reports(pool: Pool) -> None:
    docs = [
        (f"Person {i}\n\nExperience\nAnalyst {i}, Org {i}, 2015 - 2020\n- Report {i}.\n".encode(), f"{i}.txt")
        for i in range(5)
    ]
    docs.append((b"", "empty.txt"))
    docs.append(docs[0])
    seen: list[tuple[int, int]] = []
    results = pool.add_many(docs, batch_size=3, progress=lambda d, t: seen.append((d, t)))
    statuses = [r.status for r in results]
    assert statuses[:5] == ["added"] * 5 and statuses[5] == "failed" and statuses[6] == "existing"
    assert results[5].error_code == "empty_document"
    assert results[6].candidate is not None and results[6].candidate.id == results[0].candidate.id  # type: ignore[union-attr]
    assert seen[-1] == (7, 7) and pool.count() == 5 and len(pool.index) == 5


def test_added_candidates_are_returned_as_stored(pool: Pool) -> None:
    docs = [
        (f"Pat {i}\n\nExperience\nWelder {i}, Yard, 2011 - 2019\n".encode(), f"{i}.txt") for i in range(3)
    ]
    results = pool.add_many(docs, batch_size=2)
    single = pool.add_file(b"Kim Ray\n\nExperience\nBaker, Bakery, 2015 - 2021\n", "k.txt")
    for cand in [r.candidate for r in results] + [single]:
        assert cand is not None and cand == pool.get(cand.id)
    updated = pool.update(single.id, b"Kim Ray\n\nExperience\nHead Baker, Bakery, 2015 - 2023\n")
    assert updated == pool.get(single.id) and updated.created_at == single.created_at


def test_a_batch_that_fails_to_store_leaves_nothing_half_written(
    pool: Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = pool.add_file(b"Ada Poe\n\nExperience\nPilot, Air, 2010 - 2020\n", "first.txt")
    docs = [
        (f"Lee {i}\n\nExperience\nMason {i}, Stone, 2012 - 2018\n".encode(), f"m{i}.txt") for i in range(3)
    ]
    calls = []
    real = pool._index_skills

    def failing(cand: Any) -> None:
        calls.append(cand.id)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        real(cand)

    monkeypatch.setattr(pool, "_index_skills", failing)
    with pytest.raises(RuntimeError):
        pool.add_many(docs, batch_size=3)
    monkeypatch.undo()
    assert pool.list() == [pool.get(first.id)]
    assert set(pool.index.ids().tolist()) == set(pool.store.nums_for([first.id]).values())
    assert len(pool.skill_index) == 1 and first.id in pool.skill_index  # rebuilt from the store
    assert sorted(f.name for f in (pool.data_dir / "files").iterdir()) == [f"{first.id}.txt"]


def test_add_many_repeat_in_the_next_batch(pool: Pool) -> None:
    """A batch is screened while the one before it is still being embedded: a repeat is caught at storing."""
    doc = (b"Sam Lee\n\nExperience\nChef, Bistro, 2012 - 2020\n", "a.txt")
    results = pool.add_many([doc, (doc[0], "again.txt")], batch_size=1)
    assert [r.status for r in results] == ["added", "existing"]
    assert results[1].candidate is not None and results[1].candidate.id == results[0].candidate.id  # type: ignore[union-attr]
    assert pool.count() == 1 and len(pool.index) == 1


def test_add_many_with_worker_processes(pool: Pool) -> None:
    docs = [
        (f"Worker {i}\n\nExperience\nNurse {i}, Hospital, 2010 - 2020\n".encode(), f"w{i}.txt")
        for i in range(3)
    ]
    docs.insert(1, (b"", "empty.txt"))
    docs.append(docs[0])
    results = pool.add_many(docs, workers=2, batch_size=2)  # workers parse ahead across batches
    assert [r.status for r in results] == ["added", "failed", "added", "added", "existing"]
    assert [r.source_name for r in results] == [name for _, name in docs]
    assert results[4].candidate is not None and results[4].candidate.id == results[0].candidate.id  # type: ignore[union-attr]
    assert pool.count() == 3 and len(pool.index) == 3
    assert pool.get_file(results[2].candidate.id) == ("w1.txt", docs[2][0])  # type: ignore[union-attr]


@pytest.mark.skipif(not hasattr(os, "nice"), reason="process priorities are a Unix feature")
def test_parser_workers_run_at_lower_priority() -> None:
    """The embedding in the calling process keeps its core; the parser workers take what is left."""
    with parser_executor(1) as executor:
        assert executor.submit(os.nice, 0).result() == min(19, os.nice(0) + WORKER_NICE)


def test_jobs_and_weights(pool: Pool) -> None:
    job = pool.add_job(Job(text="Python developer", title="Dev"))
    assert job.id and pool.get_job(job.id).title == "Dev"
    assert [j.id for j in pool.list_jobs()] == [job.id]
    updated = pool.update_job_weights(job.id, {"semantic_similarity": 2.0})
    assert updated.weights == {"semantic_similarity": 2.0} and pool.get_job(job.id).weights == {
        "semantic_similarity": 2.0
    }
    for bad in (
        {"semantic_similarity": -1},
        {"semantic_similarity": float("nan")},
        {"semantic_similarity": "x"},
    ):
        with pytest.raises(ValidationFailed):
            pool.update_job_weights(job.id, bad)  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        pool.get_job("j_nope")
    assert pool.delete_job(job.id)


def test_create_job_parses_text(pool: Pool) -> None:
    pytest.importorskip("parsers.job", reason="parsers.job not written yet")
    job = pool.create_job(
        "Senior Python Engineer\n\nRequirements: 5+ years of Python and AWS.", title="Senior Python Engineer"
    )
    assert job.id and pool.get_job(job.id).text.startswith("Senior")
    with pytest.raises(ValidationFailed):
        pool.create_job("   ")


def test_feedback(pool: Pool) -> None:
    c = pool.add_resume(make_resume(text_for(1)))
    job = pool.add_job(Job(text="x"))
    assert job.id
    pool.record_feedback(job.id, c.id, "advance")
    pool.record_feedback(job.id, c.id, "reject")
    assert [f.decision for f in pool.list_feedback(job.id)] == ["advance", "reject"]
    with pytest.raises(ValidationFailed):
        pool.record_feedback(job.id, c.id, "meh")


def test_shortlist_passes_stored_vectors(pool: Pool) -> None:
    ids = [
        pool.add_resume(make_resume(text_for(i), {"python": 12} if i % 2 else {"java": 12})).id
        for i in range(6)
    ]
    job = pool.add_job(
        Job(
            text="python",
            required_skills=[JobSkill(skill_id="python", name="Python")],
            weights={"required_skill_coverage": 3.0},
        )
    )
    stub_rank.calls.clear()  # type: ignore[attr-defined]
    matches = pool.shortlist(job, top=2)
    call = stub_rank.calls[-1]  # type: ignore[attr-defined]
    assert call["vectors"] is not None and call["vectors"].shape == (call["n"], EMB.dim)
    assert call["weights"] == {"required_skill_coverage": 3.0}
    # the stored blinded text gives exactly the tokens ranking would compute itself
    from matcher.lexical import tokenize
    from matcher.ranking import lexical_text

    assert call["tokens"] == [tokenize(lexical_text(r, blind=True)) for _, r in call["resumes"]]
    assert len(matches) == 2 and all(m.candidate_id in ids[1::2] for m in matches)
    assert all(m.job_id == job.id for m in matches)
    pool.shortlist(job, top=2, blind=False, weights={"semantic_similarity": 1.0})
    call = stub_rank.calls[-1]  # type: ignore[attr-defined]
    assert (
        call["vectors"] is None
        and call["tokens"] is None
        and call["blind"] is False
        and call["weights"] == {"semantic_similarity": 1.0}
    )
    with pytest.raises(ValidationFailed):
        pool.shortlist(job, top=0)
    with pytest.raises(NotFound):
        pool.shortlist("j_missing")


def test_job_vectors_are_kept_per_job_content(tmp_path: Path) -> None:
    class Counting(HashingEmbedder):
        def __init__(self, dim: int) -> None:
            super().__init__(dim)
            self.texts: list[str] = []

        def encode(self, texts: Sequence[str]) -> np.ndarray:
            self.texts.extend(texts)
            return super().encode(texts)

    emb = Counting(64)
    with Pool(tmp_path / "data", embedder=emb) as p:
        p.add_resume(make_resume(text_for(1), {"python": 12}))
        job = p.add_job(Job(text="Python engineer", title="Engineer"))
        first = p.job_vector(job)
        emb.texts.clear()
        np.testing.assert_array_equal(p.job_vector(job), first)
        p.shortlist(job, top=1)
        assert "Engineer" not in emb.texts  # the job profile and title were not embedded again
        edited = job.model_copy(update={"title": "Data engineer"})
        assert not np.array_equal(p.job_vector(edited), first) and "Data engineer" in emb.texts


def test_lexical_tokens_kept_until_replaced_or_erased(pool: Pool, monkeypatch: pytest.MonkeyPatch) -> None:
    import matcher.lexical

    ids = [pool.add_resume(make_resume(text_for(i), {"python": 12})).id for i in range(4)]
    job = pool.add_job(Job(text="python engineer"))
    pool.shortlist(job, top=2)
    first = stub_rank.calls[-1]["tokens"]  # type: ignore[attr-defined]
    first_headlines = stub_rank.calls[-1]["headlines"]  # type: ignore[attr-defined]
    assert first_headlines is not None and len(first_headlines) == len(first)
    calls: list[str] = []
    real = matcher.lexical.tokenize
    monkeypatch.setattr(
        matcher.lexical, "tokenize", lambda text, **kw: calls.append(text) or real(text, **kw)
    )
    pool.shortlist(job, top=2)
    resumes_tokenized = lambda: [t for t in calls if t != job.text]  # noqa: E731 (the query is tokenized too)
    assert resumes_tokenized() == [] and stub_rank.calls[-1]["tokens"] == first  # type: ignore[attr-defined]
    assert stub_rank.calls[-1]["headlines"] == first_headlines  # type: ignore[attr-defined]
    pool.erase(ids[0])
    assert all(key[0] != ids[0] for key in pool._tokens)
    pool.update(ids[1], b"Engineer\n\nExperience\nPython developer, Org, 2015 - 2020\n", "new.txt")
    assert all(key[0] != ids[1] for key in pool._tokens)
    pool.shortlist(job, top=2)
    new_hash = pool.get(ids[1]).content_hash
    assert (
        ids[1],
        new_hash,
    ) in pool._tokens  # the replaced document is tokenized again, under its new content


def _developer_docs(n: int) -> list[tuple[bytes, str]]:
    """n small text resumes of Python developers, alike but not the same (for ranking-input tests)."""
    return [
        (
            f"Person {i}\n\nExperience\nPython developer {i}, Org {i % 3}, 2012 - 2020\n- Built APIs in python"
            f" and {'sql' if i % 2 else 'aws'} for team {i}.\n\nSkills\nPython, SQL, AWS\n".encode(),
            f"{i}.txt",
        )
        for i in range(n)
    ]


def test_kept_tokens_beyond_the_cache_size_rank_as_with_room(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shortlist recalling more candidates than the token cache holds still gets every candidate's tokens
    (the cache once dropped an entry of the same shortlist before reading it: KeyError)."""
    import matcher.pool

    docs = _developer_docs(10)
    job = Job(id="j1", title="Python developer", text="Python developer\nPython, SQL and AWS for our APIs.")
    other = Job(id="j2", title="Data engineer", text="Data engineer\nSQL and AWS pipelines.")
    with Pool(tmp_path / "data", embedder=EMB) as roomy:
        roomy.add_many(docs, batch_size=4)
        want = [roomy.shortlist(j, top=4) for j in (job, other, job)]
    monkeypatch.setattr(matcher.pool, "TOKENS_KEPT", 3)
    with Pool(tmp_path / "data", embedder=EMB) as tight:
        assert [tight.shortlist(j, top=4) for j in (job, other, job)] == want
        assert len(tight._tokens) == 3


def test_value_views_give_the_shortlist_of_full_resumes(tmp_path: Path) -> None:
    """Scoring stored candidates on their value views (stored at ingest, or derived when missing) gives the
    shortlist, scores and explanations that scoring the full resumes gives; only the kept top is parsed."""
    import matcher.pool
    from evaluation.synthetic import generate_specs, render_text

    docs = [(render_text(spec).encode(), f"{i}.txt") for i, spec in enumerate(generate_specs(40, seed=3))]
    jobs = [
        Job(
            id="j1",
            title="Software Engineer",
            text="Software Engineer\nPython, SQL and AWS. Bachelor degree.",
        ),
        Job(id="j2", title="Accountant", text="Accountant\nMonth-end close, audits, Excel. 3+ years."),
        Job(id="j3", title="Registered Nurse", text="Registered Nurse\nPatient care, BLS. Master preferred."),
    ]
    with Pool(tmp_path / "data", embedder=EMB, text_views="ingest", value_views=False) as full:
        full.add_many(docs, batch_size=16)
        want = [full.shortlist(j, top=8) for j in jobs]
    assert all(len(m) == 8 for m in want)
    parsed: list[set[str]] = []  # per shortlist, the candidates whose full resume was read
    real = matcher.pool.StoredResume.resume

    def counting(self: Any) -> Resume:
        parsed[-1].add(self.id)
        return real.fget(self)  # type: ignore[attr-defined,no-any-return]

    with Pool(tmp_path / "data", embedder=EMB) as light:
        got = []
        try:
            matcher.pool.StoredResume.resume = property(counting)  # type: ignore[method-assign,assignment]
            for j in jobs:
                parsed.append(set())
                got.append(light.shortlist(j, top=8))
        finally:
            matcher.pool.StoredResume.resume = real  # type: ignore[method-assign]
        assert got == want
        # the kept top and the first candidate of each ranking (all 40 are read without value views)
        assert all(0 < len(ids) <= 8 + 1 for ids in parsed)
        with light.store.transaction():  # stored before value views: derived from the resumes, then stored
            light.store._conn.execute("UPDATE ranking_inputs SET value_view = NULL")
        light._tokens.clear()
        assert [light.shortlist(j, top=8) for j in jobs] == want
        light._tokens.clear()
        assert [light.shortlist(j, top=8) for j in jobs] == want


@pytest.mark.parametrize("backend", ["numpy", "faiss"])
def test_recalled_vectors_read_from_the_index_rank_as_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: Literal["numpy", "faiss"]
) -> None:
    """Retrieval's pre-score reads the recalled candidates' vectors from an index that keeps exact copies
    instead of the store, with the same shortlist; an index without them (IVF codes) leaves the store read."""
    from evaluation.synthetic import generate_specs, render_text

    docs = [(render_text(spec).encode(), f"{i}.txt") for i, spec in enumerate(generate_specs(30, seed=5))]
    jobs = [
        Job(id="j1", title="Software Engineer", text="Software Engineer\nPython, SQL and AWS."),
        Job(id="j2", title="Accountant", text="Accountant\nMonth-end close, audits, Excel."),
    ]
    with Pool(tmp_path / "data", embedder=EMB, index_backend=backend, rerank_k=12) as pool:
        pool.add_many(docs, batch_size=16)
        read: list[int] = []
        real = pool.store.get_embeddings

        def counting(ids: Sequence[str], model: str) -> dict[str, np.ndarray]:
            if model == pool.model:
                read.append(len(ids))
            return real(ids, model)

        monkeypatch.setattr(pool.store, "get_embeddings", counting)
        from_index = [pool.shortlist(j, top=3) for j in jobs]
        assert read == []  # the profile vectors came from the index
        monkeypatch.delattr(type(pool._index), "vectors")  # an index without exact copies (as IVF-SQ8)
        assert [pool.shortlist(j, top=3) for j in jobs] == from_index
        assert read and max(read) > 12  # every recalled candidate's vector from the store


def test_kept_and_stored_ranking_inputs_rank_as_freshly_derived(tmp_path: Path) -> None:
    """Kept tokens, stored ranking inputs and text views give the same shortlist as a pool that derives all."""
    docs = _developer_docs(12)
    job = Job(id="j1", title="Python developer", text="Python developer\nPython, SQL and AWS for our APIs.")
    with Pool(tmp_path / "warm", embedder=EMB) as warm:
        warm.add_many(docs, batch_size=5)
        first = warm.shortlist(job, top=5)
        again = warm.shortlist(job, top=5)
    assert again == first
    with Pool(tmp_path / "warm", embedder=EMB) as cold:  # nothing kept in memory: inputs read from the store
        assert cold.shortlist(job, top=5) == first
    with Pool(
        tmp_path / "warm", embedder=EMB
    ) as bare:  # nothing stored either: derived from the blinded texts
        with bare.store.transaction():
            bare.store._conn.execute("DELETE FROM ranking_inputs")
        assert bare.shortlist(job, top=5) == first


def test_ranking_inputs_stored_at_ingest_match_the_derived_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import matcher.pool
    import matcher.prepare
    from matcher.lexical import tokenize
    from matcher.profile import blind_text, resume_headline

    docs = [
        (
            f"Alex Doe {i}\n\nSenior Accountant\n\nExperience\nAccountant, Firm {i}, 2014 - 2022\n- Month-end close.\n".encode(),
            f"{i}.txt",
        )
        for i in range(4)
    ]
    version = matcher.pool.ranking_inputs_version()
    with Pool(tmp_path / "data", embedder=EMB, text_views="shortlist") as pool:
        results = pool.add_many(docs, batch_size=3)
        ids = [r.candidate.id for r in results if r.candidate is not None]
        stored = pool.store.ranking_inputs(ids, version)
        for cid in ids:
            resume = pool.get(cid).resume
            assert stored[cid] == (
                " ".join(tokenize(blind_text(resume.text, resume))),
                resume_headline(resume),
                matcher.prepare.value_view_json(resume),
            )
            view = Resume.model_validate_json(stored[cid][2])
            assert view.skills and [s.skill_id for s in view.skills] == [s.skill_id for s in resume.skills]
            assert [(w.title, w.start, w.months) for w in view.work] == [
                (w.title, w.start, w.months) for w in resume.work
            ]
            assert view.text == "" and all(not s.evidence for s in view.skills)
        job = Job(id="j", title="Accountant", text="Accountant\nMonth-end close and audits.")
        from_store = pool.shortlist(job, top=3)
        # other code derived them: the stored rows are not used, the inputs are derived again and stored
        monkeypatch.setattr(matcher.pool, "ranking_inputs_version", lambda: "other-code")
        pool._tokens.clear()
        assert pool.shortlist(job, top=3) == from_store
        assert set(pool.store.ranking_inputs(ids, "other-code")) == set(ids)
        monkeypatch.undo()
        # replaced and erased candidates keep no rows
        pool.update(ids[0], b"Alex Doe\n\nChef\n\nExperience\nChef, Bistro, 2010 - 2020\n")
        assert pool.store.ranking_inputs([ids[0]], "other-code") == {}
        assert "chef" in pool.store.ranking_inputs([ids[0]], version)[ids[0]][0].split()
        pool.erase(ids[1])
        rows = pool.store._query("SELECT candidate_id FROM ranking_inputs WHERE candidate_id = ?", (ids[1],))
        assert rows == []


def test_shortlists_follow_writes_made_through_the_store(pool: Pool) -> None:
    a = pool.add_resume(make_resume(text_for(1), {"python": 12}), "a.txt")
    b = pool.add_resume(make_resume(text_for(2), {"python": 24}), "b.txt")
    job = pool.add_job(
        Job(text="python engineer", required_skills=[JobSkill(skill_id="python", name="Python")])
    )
    pool.shortlist(job, top=2)
    # the same connection writes: no data_version change, yet the pool must not serve the old resume
    changed = make_resume(text_for(1) + " Now a rust engineer.", {"rust": 12}, location="Porto, Portugal")
    pool.store.put_candidate(a.model_copy(update={"resume": changed, "content_hash": "new"}))
    pool.store.set_duplicate_of(b.id, a.id)
    pool.shortlist(job, top=2, include_duplicates=True)
    resumes = dict(stub_rank.calls[-1]["resumes"])  # type: ignore[attr-defined]
    assert resumes[a.id].skill_ids() == {"rust"}
    pool.erase(a.id)
    assert all(key[0] not in (a.id, b.id) for key in pool._tokens)


def test_search_filters_and_scores(pool: Pool) -> None:
    a = pool.add_resume(
        make_resume(
            "python aws kafka payments " + text_for(1), {"python": 60, "aws": 24, "kafka": 12}, months=96
        )
    )
    b = pool.add_resume(
        make_resume("python only " + text_for(2), {"python": 12}, location="Austin, TX", months=24)
    )
    c = pool.add_resume(make_resume("aws sre " + text_for(3), {"aws": 48}, months=48))
    got = lambda ms: [m.candidate_id for m in ms]  # noqa: E731
    assert set(got(pool.search(all_of=["python"]))) == {a.id, b.id}
    assert got(pool.search(all_of=["python", "aws"])) == [a.id]
    assert got(pool.search(any_of=["kafka", "aws"])) == [a.id, c.id]  # a holds both
    assert got(pool.search(all_of=["python"], min_years={"python": 3})) == [a.id]
    assert got(pool.search(min_years={"aws": 3})) == [c.id]
    assert got(pool.search(all_of=["python"], location="austin")) == [b.id]
    assert got(pool.search(min_total_years=5)) == [a.id]
    assert got(pool.search(all_of=["cobol"])) == []
    ranked = pool.search(all_of=["python"], query="python aws kafka payments")
    assert ranked[0].candidate_id == a.id
    for m in ranked:
        assert m.explanation.total() == pytest.approx(m.score)
        assert [s.skill_id for s in m.explanation.matched_skills] == ["python"]
        assert m.explanation.matched_skills[0].evidence
    free = pool.search(query="aws sre", top=1)
    assert got(free) == [c.id]
    with pytest.raises(ValidationFailed):
        pool.search()
    with pytest.raises(ValidationFailed):
        pool.search(all_of=["python"], top=0)


@pytest.mark.parametrize("approximate_above", [None, 8])
def test_concurrent_writes_keep_store_and_index_in_step(
    tmp_path: Path, approximate_above: int | None
) -> None:
    pool = Pool(tmp_path / "c", embedder=EMB, ranker=stub_rank, approximate_above=approximate_above)
    errors: list[BaseException] = []

    def work(t: int) -> None:
        try:
            for i in range(5):
                pool.add_resume(make_resume(text_for(100 * t + i)))
            pool.search(query="engineer")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert pool.wait_for_index_build(timeout=60)
    assert pool.count() == 20 and len(pool.index) == 20
    assert set(pool.index.ids().tolist()) == set(pool.store.nums_for(pool.store.candidate_ids()).values())
    assert pool.index.kind == ("faiss-flat" if approximate_above is None else "faiss-hnsw")
    pool.close()


def test_learn_weights_from_feedback(pool: Pool) -> None:
    job = pool.add_job(Job(text="rust developer", required_skills=[JobSkill(skill_id="rust", name="Rust")]))
    assert job.id
    with pytest.raises(ValidationFailed):
        pool.learn_weights(job.id)
    for i in range(8):
        has = i % 2 == 0
        c = pool.add_resume(
            make_resume(text_for(i) + (" rust" if has else " php"), {"rust": 24} if has else {"php": 24})
        )
        pool.record_feedback(job.id, c.id, "reject")  # the latest decision counts
        pool.record_feedback(job.id, c.id, "advance" if has else "reject")
    weights = pool.learn_weights(job.id)
    assert sum(weights.values()) == pytest.approx(1.0)
    assert all(v >= 0 for v in weights.values())
    assert weights["required_skill_coverage"] == max(weights.values())
    assert pool.learn_weights() == pytest.approx(weights)
    stored = pool.update_job_weights(job.id, weights)
    assert stored.weights == pytest.approx(weights)
    with pytest.raises(NotFound):
        pool.learn_weights("j_missing")


def test_pool_follows_writes_from_another_process(tmp_path: Path) -> None:
    """A server's pool sees what a CLI ingest (another connection) added or erased meanwhile."""
    data_dir = tmp_path / "shared"
    with Pool(data_dir, embedder=EMB, ranker=stub_rank) as server:
        first = server.add_resume(make_resume(text_for(1), {"python": 12}))
        assert len(server.index) == 1 and server.search(all_of=["python"])
        with Pool(data_dir, embedder=EMB, ranker=stub_rank) as cli:
            added = cli.add_resume(make_resume("golang services " + text_for(2), {"go": 24}))
            cli.erase(first.id)
        assert [m.candidate_id for m in server.search(all_of=["go"])] == [added.id]
        assert server.search(all_of=["python"]) == []
        assert set(server.index.ids().tolist()) == set(server.store.nums_for([added.id]).values())
        assert [c for c, _ in server._lexical("golang", 5)] == [added.id]


def test_closing_a_stale_pool_does_not_write_back_erased_vectors(tmp_path: Path) -> None:
    data_dir = tmp_path / "shared"
    server = Pool(data_dir, embedder=EMB, ranker=stub_rank)
    gone = server.add_resume(make_resume(text_for(1)))
    num = server.store.nums_for([gone.id])[gone.id]
    with Pool(data_dir, embedder=EMB, ranker=stub_rank) as cli:
        cli.erase(gone.id)
    server.close()  # the server never looked again before closing
    saved = open_index(server.index_path)
    assert saved is not None and num not in set(saved.ids().tolist())


def test_approximate_index_built_in_background_and_swapped_in(tmp_path: Path) -> None:
    data_dir = tmp_path / "big"
    with Pool(data_dir, embedder=EMB, ranker=stub_rank, approximate_above=5) as pool:
        ids = [pool.add_resume(make_resume(text_for(i), {"python": i})).id for i in range(12)]
        assert pool.wait_for_index_build(timeout=60)
        pool.add_resume(make_resume(text_for(50)))  # a write after the swap goes to the HNSW index
        assert pool.index.kind == "faiss-hnsw"
        assert set(pool.index.ids().tolist()) == set(pool.store.embedding_nums(pool.model).tolist())
        target = pool.store.get_embeddings([ids[3]], pool.model)[ids[3]]
        assert pool.index.search(target, 1)[1][0, 0] == pool.store.nums_for([ids[3]])[ids[3]]
        pool.erase(ids[3])
        assert len(pool.index) == 12
    with Pool(data_dir, embedder=EMB, ranker=stub_rank, approximate_above=5) as again:
        assert again.index.kind == "faiss-hnsw" and len(again.index) == 12


def test_ivf_index_above_its_threshold(tmp_path: Path) -> None:
    """Over `ivf_above` the background build makes an IVF-SQ8 index: kept up to date, erased from, reopened."""
    data_dir = tmp_path / "ivf"
    with Pool(data_dir, embedder=EMB, ranker=stub_rank, approximate_above=5, ivf_above=0) as pool:
        ids = [pool.add_resume(make_resume(text_for(i), {"python": i})).id for i in range(12)]
        assert pool.wait_for_index_build(timeout=60)
        pool.add_resume(make_resume(text_for(50)))
        assert pool.index.kind == "faiss-ivf"
        assert set(pool.index.ids().tolist()) == set(pool.store.embedding_nums(pool.model).tolist())
        target = pool.store.get_embeddings([ids[3]], pool.model)[ids[3]]
        assert pool.index.search(target, 1)[1][0, 0] == pool.store.nums_for([ids[3]])[ids[3]]
        pool.erase(ids[3])
        assert len(pool.index) == 12 and pool.store.nums_for([ids[4]])[ids[4]] in pool.index
        assert ids[3] not in {m.candidate_id for m in pool.search(query=text_for(3), top=5)}
    with Pool(data_dir, embedder=EMB, ranker=stub_rank, approximate_above=5, ivf_above=0) as again:
        assert again.index.kind == "faiss-ivf" and len(again.index) == 12


def test_concurrent_identical_uploads_store_one_candidate(pool: Pool) -> None:
    got: list[str] = []
    resume = make_resume(text_for(7), {"python": 3})

    def upload() -> None:
        got.append(pool.add_resume(resume.model_copy(deep=True), "same.txt", data=b"same bytes").id)

    threads = [threading.Thread(target=upload) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(set(got)) == 1 and pool.count() == 1 and len(pool.index) == 1
