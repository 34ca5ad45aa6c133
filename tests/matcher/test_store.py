"""Contract tests for CandidateStore, run against every backend (SQLite file and in-memory)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from matcher.dedupe import fingerprint
from matcher.store import MIGRATIONS, SCHEMA_VERSION, CandidateStore, SqliteStore, migrate
from models import (
    Candidate,
    ContactInfo,
    Job,
    JobSkill,
    NotFound,
    Resume,
    SkillMention,
    TextField,
    ValidationFailed,
)


def resume(text: str, skills: dict[str, int] | None = None, email: str | None = None) -> Resume:
    return Resume(
        text=text,
        contact=ContactInfo(
            email=TextField(value=email) if email else None, location=TextField(value="Lisbon, Portugal")
        ),
        skills=[SkillMention(skill_id=s, name=s.title(), months=m) for s, m in (skills or {}).items()],
        total_experience_months=60,
    )


def cand(cid: str, text: str = "Backend engineer", **kw: object) -> Candidate:
    return Candidate(id=cid, resume=resume(text, **kw), source_name=f"{cid}.pdf")  # type: ignore[arg-type]


@pytest.fixture(params=["file", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqliteStore]:
    s = (
        SqliteStore(tmp_path / "db" / "shortlist.sqlite3")
        if request.param == "file"
        else SqliteStore(":memory:")
    )
    yield s
    s.close()


def test_protocol_and_schema(store: SqliteStore) -> None:
    assert isinstance(store, CandidateStore)
    assert store.schema_version() == SCHEMA_VERSION


def test_candidate_roundtrip(store: SqliteStore) -> None:
    c = cand("c1", skills={"python": 24, "aws": 0}, email="a@example.com")
    num = store.put_candidate(c)
    got = store.get_candidate("c1")
    assert got.resume == c.resume and got.source_name == "c1.pdf"
    assert got.created_at is not None and got.updated_at is not None
    assert store.has_candidate("c1") and not store.has_candidate("nope")
    assert store.count_candidates() == 1 and store.candidate_ids() == ["c1"]
    assert store.nums_for(["c1", "x"]) == {"c1": num}
    assert store.ids_for([num, 12345]) == {num: "c1"}
    # update keeps the number and creation time
    c2 = cand("c1", "Data engineer", skills={"sql": 12})
    assert store.put_candidate(c2) == num
    again = store.get_candidate("c1")
    assert again.resume.text == "Data engineer" and again.created_at == got.created_at
    assert sorted(store.skill_postings()) == [("c1", "sql", 12)]
    facts = store.candidate_facts()
    assert facts[0].total_months == 60 and facts[0].location == "Lisbon, Portugal" and facts[0].num == num
    with pytest.raises(NotFound):
        store.get_candidate("missing")


def test_numbers_are_never_reused(store: SqliteStore) -> None:
    a = store.put_candidate(cand("a"))
    b = store.put_candidate(cand("b"))
    store.delete_candidate("b")
    c = store.put_candidate(cand("c"))
    assert len({a, b, c}) == 3 and c > b


def test_list_and_get_many(store: SqliteStore) -> None:
    for i in range(7):
        store.put_candidate(cand(f"c{i}"))
    assert [c.id for c in store.list_candidates(offset=2, limit=3)] == ["c2", "c3", "c4"]
    got = store.get_candidates(["c5", "zz", "c1"])
    assert list(got) == ["c5", "c1"]


def test_embeddings(store: SqliteStore) -> None:
    store.put_candidate(cand("a"))
    store.put_candidate(cand("b"))
    va = np.arange(4, dtype=np.float32)
    store.put_embedding("a", "m1", va)
    store.put_embedding("a", "m2", va * 2)
    assert store.missing_embeddings("m1") == ["b"]
    np.testing.assert_array_equal(store.get_embeddings(["a", "b"], "m1")["a"], va)
    m = store.load_embeddings("m2")
    assert m.ids == ["a"] and m.vectors.shape == (1, 4) and m.vectors.dtype == np.float32
    assert m.nums.tolist() == [store.nums_for(["a"])["a"]]
    assert store.embedding_nums("m1").tolist() == m.nums.tolist()
    assert store.load_embeddings("none").vectors.shape[0] == 0
    with pytest.raises(NotFound):
        store.put_embedding("ghost", "m1", va)


def test_views_pending_and_kept_only_for_current_content(store: SqliteStore) -> None:
    for cid, chash in (("a", "h1"), ("b", "h2"), ("c", None)):
        c = cand(cid).model_copy(update={"content_hash": chash})
        store.put_candidate(c, lexical=None if cid == "c" else f"blinded {cid}")
    v = np.ones(4, dtype=np.float32)
    store.put_embedding("b", "m#text", v)
    rows = store.pending_views("m#text")
    assert [(r[1], r[2], r[3]) for r in rows] == [("a", "h1", "blinded a"), ("c", None, None)]
    assert [r[1] for r in store.pending_views("m#text", after_num=rows[0][0])] == ["c"]
    assert [r[1] for r in store.pending_views("m#text", limit=1)] == ["a"]
    # a vector computed from old content (or for an erased candidate) is not kept
    kept = store.put_embeddings_if_current(
        [("a", "old", v), ("b", "h2", v * 2), ("ghost", "h9", v), ("c", None, v * 3)], "m#text"
    )
    assert kept == 2
    got = store.get_embeddings(["a", "b", "c"], "m#text")
    assert set(got) == {"b", "c"} and np.allclose(got["b"], v * 2)
    store.delete_embedding("b", "m#text")
    assert set(store.get_embeddings(["a", "b", "c"], "m#text")) == {"c"}
    assert [r[1] for r in store.pending_views("m#text")] == ["a", "b"]


def test_ranking_inputs_follow_the_content(store: SqliteStore) -> None:
    store.put_candidate(cand("a").model_copy(update={"content_hash": "h1"}))
    rows = [
        ("a", "h1", "v1", "python sql", "Data Engineer", '{"text":""}'),
        ("a", "old", "v1", "stale", None, "{}"),
    ]
    assert store.put_ranking_inputs(rows[:1]) == 1 and store.put_ranking_inputs(rows[1:]) == 0
    assert store.put_ranking_inputs([("ghost", None, "v1", "x", None, "{}")]) == 0
    assert store.ranking_inputs(["a", "ghost"], "v1") == {"a": ("python sql", "Data Engineer", '{"text":""}')}
    assert store.ranking_inputs(["a"], "v2") == {}
    store.put_candidate(
        cand("a", "Chef").model_copy(update={"content_hash": "h2"})
    )  # replaced: derived rows go
    assert store.ranking_inputs(["a"], "v1") == {}
    store.put_ranking_inputs([("a", "h2", "v1", "chef", None, "{}")])
    store.delete_candidate("a")
    assert store._query("SELECT COUNT(*) FROM ranking_inputs")[0][0] == 0


def test_files(store: SqliteStore) -> None:
    store.put_candidate(cand("a"))
    store.put_file("a", "CV Jane.pdf", b"%PDF-1.4 bytes")
    assert store.get_file("a") == ("CV Jane.pdf", b"%PDF-1.4 bytes")
    assert store.get_file("b") is None
    with pytest.raises(NotFound):
        store.put_file("ghost", "x.pdf", b"x")


def test_delete_cascades(store: SqliteStore) -> None:
    c = cand("a", skills={"python": 10}, email="x@example.com")
    store.put_candidate(
        c, fingerprint=fingerprint(email="x@example.com", blinded_text="some words here " * 5)
    )
    store.put_embedding("a", "m", np.ones(3, np.float32))
    store.put_file("a", "a.docx", b"docx")
    store.put_job(Job(id="j1", text="job"))
    store.add_feedback("j1", "a", "advance")
    assert store.delete_candidate("a")
    assert not store.delete_candidate("a")
    assert store.count_candidates() == 0
    assert store.skill_postings() == [] and store.list_feedback() == []
    assert store.load_embeddings("m").ids == [] and store.get_file("a") is None
    assert store.find_by_keys(fingerprint(email="x@example.com").keys) == []
    assert store.get_signatures(["a"]) == {}


def test_fingerprint_keys_and_duplicates(store: SqliteStore) -> None:
    fp = fingerprint(
        email="Jane.Doe+jobs@Example.com",
        phones=["+1 (555) 010-9999"],
        content_hash="h1",
        blinded_text="alpha beta gamma delta epsilon zeta",
    )
    store.put_candidate(cand("a"), fingerprint=fp)
    store.put_candidate(cand("b"), fingerprint=fingerprint(phones=["555 010 9999"]))
    assert store.find_by_keys(fingerprint(email="jane.doe@example.com").keys) == ["a"]
    assert store.find_by_keys(fingerprint(phones=["5550109999"]).keys) == ["a", "b"]
    assert store.find_by_keys([]) == []
    assert fp.signature is not None
    np.testing.assert_array_equal(store.get_signatures(["a"])["a"], fp.signature)
    assert store.keys_of(["a", "b"], "email") == {"a": {fp.keys[0][1]}}
    assert set(store.keys_of(["a", "b"], "phone")) == {"a", "b"} and store.keys_of([], "phone") == {}
    store.set_duplicate_of("b", "a")
    assert store.duplicates_of("a") == ["b"] and store.get_candidate("b").duplicate_of == "a"
    store.set_duplicate_of("b", None)
    assert store.duplicates_of("a") == []
    with pytest.raises(NotFound):
        store.set_duplicate_of("ghost", "a")


def test_content_hash_lookup(store: SqliteStore) -> None:
    c = cand("a")
    c.content_hash = "abc"
    store.put_candidate(c)
    assert store.find_by_content_hash("abc") == ["a"] and store.find_by_content_hash("zzz") == []


def test_jobs(store: SqliteStore) -> None:
    job = Job(
        id="j1",
        title="Engineer",
        text="Python engineer",
        required_skills=[JobSkill(skill_id="python", name="Python")],
    )
    store.put_job(job)
    assert store.get_job("j1") == job
    job.weights = {"skills": 2.0}
    store.put_job(job)
    assert store.get_job("j1").weights == {"skills": 2.0}
    store.put_job(Job(id="j2", text="other"))
    assert [j.id for j in store.list_jobs()] == ["j1", "j2"] and store.count_jobs() == 2
    assert store.delete_job("j2") and not store.delete_job("j2")
    with pytest.raises(NotFound):
        store.get_job("j2")
    with pytest.raises(ValidationFailed):
        store.put_job(Job(text="no id"))


def test_feedback(store: SqliteStore) -> None:
    store.put_candidate(cand("a"))
    store.put_job(Job(id="j1", text="job"))
    store.put_job(Job(id="j2", text="job"))
    ts = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    fb = store.add_feedback("j1", "a", "advance", ts)
    store.add_feedback("j2", "a", "reject")
    assert fb.ts == ts
    assert [f.decision for f in store.list_feedback("j1")] == ["advance"]
    assert len(store.list_feedback()) == 2
    with pytest.raises(ValidationFailed):
        store.add_feedback("j1", "a", "maybe")
    with pytest.raises(NotFound):
        store.add_feedback("j1", "ghost", "reject")
    with pytest.raises(NotFound):
        store.add_feedback("nojob", "a", "reject")


def test_transaction_rolls_back(store: SqliteStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.put_candidate(cand("a"))
        store.put_candidate(cand("b"))
        raise RuntimeError("boom")
    assert store.count_candidates() == 0


def test_rolled_back_transaction_removes_the_files_it_wrote(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite3")
    store.put_candidate(cand("a"))
    store.put_file("a", "a.pdf", b"kept")
    with pytest.raises(RuntimeError), store.transaction():
        store.put_candidate(cand("b"))
        store.put_file("b", "b.pdf", b"personal data")
        raise RuntimeError("boom")
    assert sorted(p.name for p in (tmp_path / "files").iterdir()) == ["a.pdf"]
    assert store.get_file("a") == ("a.pdf", b"kept")
    store.close()


def test_file_store_persists_and_erases_without_trace(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = SqliteStore(path)
    secret = "Zebulon Quartermaine zq@example.org"
    store.put_candidate(cand("a", f"{secret} senior engineer", email="zq@example.org"))
    store.put_file("a", "cv.pdf", secret.encode())
    store.put_candidate(cand("b"))
    store.close()
    assert path.stat().st_mode & 0o077 == 0 and (tmp_path / "files").stat().st_mode & 0o077 == 0
    store = SqliteStore(path)
    assert store.get_candidate("a").resume.text.startswith(secret)
    assert (tmp_path / "files").exists() and any((tmp_path / "files").iterdir())
    store.delete_candidate("a")
    store.checkpoint()
    blobs = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"Zebulon" not in blobs and b"zq@example.org" not in blobs
    assert store.get_candidate("b")
    store.close()


def test_migrate_is_idempotent_and_refuses_newer(tmp_path: Path) -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    assert migrate(conn) == SCHEMA_VERSION
    assert migrate(conn) == SCHEMA_VERSION
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    from models import ConfigError

    with pytest.raises(ConfigError):
        migrate(conn)


def test_data_version_sees_other_connections(tmp_path: Path) -> None:
    a = SqliteStore(tmp_path / "s.sqlite3")
    b = SqliteStore(tmp_path / "s.sqlite3")
    before = a.data_version()
    a.put_candidate(cand("x"))
    assert a.data_version() == before  # its own commits do not count
    b.put_candidate(cand("y"))
    assert a.data_version() != before and a.count_candidates() == 2
    a.close()
    b.close()


def test_upgrade_from_version_1_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO candidates(id, resume_json, created_at, updated_at) VALUES (?,?,?,?)",
        (
            "old",
            Resume(text="old resume").model_dump_json(),
            "2026-01-01T00:00:00+00:00",
            "2026-01-01T00:00:00+00:00",
        ),
    )
    conn.close()
    store = SqliteStore(path)
    assert store.schema_version() == SCHEMA_VERSION == 4
    assert store.get_candidate("old").resume.text == "old resume"
    assert store.lexical_texts(["old"]) == {}
    store.put_candidate(cand("new"), lexical="blinded words", profile="profile words")
    assert store.lexical_texts(["old", "new"]) == {"new": "blinded words"}
    assert store.profiles() == [("new", "profile words")]
    store.close()


def test_ranking_inputs_kept_before_value_views_are_left_out(tmp_path: Path) -> None:
    """A version-3 store's ranking inputs (no value view) are not read after the upgrade: the pool derives them
    again, value view included."""
    path = tmp_path / "v3.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for step in MIGRATIONS[:3]:
        step(conn)
    conn.execute("PRAGMA user_version = 3")
    conn.execute(
        "INSERT INTO candidates(id, content_hash, resume_json, created_at, updated_at) VALUES (?,?,?,?,?)",
        (
            "old",
            "h",
            Resume(text="old").model_dump_json(),
            "2026-01-01T00:00:00+00:00",
            "2026-01-01T00:00:00+00:00",
        ),
    )
    conn.execute(
        "INSERT INTO ranking_inputs(candidate_id, version, tokens, headline) VALUES ('old', 'v', 'old', NULL)"
    )
    conn.close()
    store = SqliteStore(path)
    assert store.schema_version() == 4
    assert store.ranking_inputs(["old"], "v") == {}
    assert store.put_ranking_inputs([("old", "h", "v", "old", None, '{"text":""}')]) == 1
    assert store.ranking_inputs(["old"], "v") == {"old": ("old", None, '{"text":""}')}
    store.close()


def test_stored_resumes_parse_when_read(store: SqliteStore) -> None:
    for i in range(3):
        store.put_candidate(
            cand(f"c{i}", f"Engineer number {i}").model_copy(update={"content_hash": f"h{i}"})
        )
    got = store.get_stored_resumes(["c2", "zz", "c0"])
    assert list(got) == ["c2", "c0"]  # asked order, missing ids left out
    first = got["c2"]
    assert (first.id, first.content_hash, first.source_name) == ("c2", "h2", "c2.pdf")
    assert first._resume is None  # nothing parsed until read
    assert first.resume == store.get_candidate("c2").resume
    assert first.resume is first.resume  # parsed once


def test_lookups_by_many_ids_span_chunks(store: SqliteStore) -> None:
    store._IN_CHUNK = 3  # type: ignore[misc]  # several "IN (...)" statements for a handful of ids
    for i in range(8):
        store.put_candidate(cand(f"c{i}"))
        store.put_embedding(f"c{i}", "m", np.full(4, i, dtype=np.float32))
    ids = [f"c{i}" for i in (7, 0, 5, 3, 1, 6, 2)] + ["zz"]
    assert list(store.get_candidates(ids)) == ids[:-1]
    assert list(store.get_stored_resumes(ids)) == ids[:-1]
    nums = store.nums_for(ids)
    assert set(nums) == set(ids[:-1])
    assert store.ids_for(nums.values()) == {n: c for c, n in nums.items()}
    vectors = store.get_embeddings(ids, "m")
    assert {c: float(v[0]) for c, v in vectors.items()} == {c: float(c[1:]) for c in ids[:-1]}
