"""The pool's second candidate view: blinded-text vectors embedded in the background after writes (or at ingest,
or at shortlist time), kept, refreshed on update, and never left behind by an erasure."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from matcher.embedder import HashingEmbedder
from matcher.pool import VIEW_IDLE_S, Pool
from matcher.ranking import embed_resume_texts, lexical_text, rank_resumes
from models import ContactInfo, Job, Resume, TextField, WorkItem

EMB = HashingEmbedder(64)


def _resume(title: str, body: str, name: str) -> Resume:
    return Resume(
        text=f"{name}\n{title}\n{body}",
        contact=ContactInfo(name=TextField(value=name)),
        work=[WorkItem(title=title, description=[body])],
    )


RESUMES = [
    _resume("Pastry Chef", "Ran the pastry section of a busy kitchen; menus, costing.", "Ana Lima"),
    _resume("Line Cook", "Grill and saute stations, prep lists, food safety.", "Bo Chen"),
    _resume("Accountant", "Month-end close, reconciliations, audits.", "Cy Dorn"),
]
JOB = Job(id="j1", title="Chef", text="Chef\nLead the kitchen: menus, costing, food safety.")


class GatedEmbedder:
    """HashingEmbedder whose encode of the listed texts blocks until `release` is set (to hold the background
    worker between reading a batch and writing its vectors)."""

    def __init__(self, gated: Sequence[str]) -> None:
        self.inner = HashingEmbedder(64)
        self.dim, self.name = self.inner.dim, self.inner.name
        self.gated = set(gated)
        self.entered = threading.Event()
        self.release = threading.Event()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self.gated & set(texts):
            self.entered.set()
            assert self.release.wait(10)
        return self.inner.encode(texts)


def _all_embeddings(pool: Pool, cid: str) -> list[str]:
    """The models of every stored embedding row of a candidate (any view)."""
    rows = pool.store._query("SELECT model FROM embeddings WHERE candidate_id = ?", (cid,))
    return sorted(str(r[0]) for r in rows)


def test_text_view_on_first_shortlist_and_refreshed(tmp_path: Path) -> None:
    with Pool(tmp_path / "data", embedder=EMB, text_views="shortlist") as pool:
        ids = [pool.add_resume(r).id for r in RESUMES]
        assert pool.store.get_embeddings(ids, pool.text_model) == {}
        matches = pool.shortlist(JOB, top=3)
        stored = pool.store.get_embeddings(ids, pool.text_model)
        assert set(stored) == set(ids)
        expected = embed_resume_texts(RESUMES, EMB)
        for cid, row in zip(ids, expected, strict=True):
            assert np.allclose(stored[cid], row)
        # the pool ranks exactly like the stateless ranker given both views
        alone = rank_resumes(JOB, list(zip(ids, RESUMES, strict=True)), embedder=EMB, top=3)
        assert [(m.candidate_id, m.score) for m in matches] == [
            (m.candidate_id, pytest.approx(m.score)) for m in alone
        ]
        # an update drops the old text view; the next shortlist embeds the new text
        new = _resume("Sous Chef", "Kitchen lead on weekends.", "Ana Lima")
        pool.update(ids[0], new.text.encode())
        assert ids[0] not in pool.store.get_embeddings([ids[0]], pool.text_model)
        pool.shortlist(JOB, top=3)
        fresh = pool.store.get_embeddings([ids[0]], pool.text_model)[ids[0]]
        resume = pool.get(ids[0]).resume
        assert np.allclose(fresh, embed_resume_texts([resume], EMB)[0])


@pytest.mark.parametrize("mode", ["background", "ingest"])
def test_text_views_ready_before_the_first_shortlist(tmp_path: Path, mode: str) -> None:
    docs = [(r.text.encode(), f"r{i}.txt") for i, r in enumerate(RESUMES)]
    with Pool(tmp_path / mode, embedder=EMB, text_views=mode) as pool:  # type: ignore[arg-type]
        results = pool.add_many(docs, batch_size=2)
        assert pool.wait_for_text_views(10)
        ids = [r.candidate.id for r in results if r.candidate is not None]
        stored = pool.store.get_embeddings(ids, pool.text_model)
        assert set(stored) == set(ids)
        for cid in ids:
            resume = pool.get(cid).resume
            assert np.allclose(stored[cid], EMB.encode([lexical_text(resume)])[0])
        matches = pool.shortlist(JOB, top=3)
    # the same ranking as a pool that embeds them at shortlist time
    with Pool(tmp_path / "lazy", embedder=EMB, text_views="shortlist") as lazy:
        lazy.add_many(docs, batch_size=2)
        expected = lazy.shortlist(JOB, top=3)
    assert [(m.source_name, m.score) for m in matches] == [
        (m.source_name, pytest.approx(m.score)) for m in expected
    ]


def test_background_waits_for_foreground_work(tmp_path: Path) -> None:
    with Pool(tmp_path / "data", embedder=EMB) as pool:
        with pool._foreground():
            ids = [pool.add_resume(r).id for r in RESUMES]
            time.sleep(3 * VIEW_IDLE_S)
            assert pool.store.get_embeddings(ids, pool.text_model) == {}  # nothing while the caller works
        assert pool.wait_for_text_views(10)
        assert set(pool.store.get_embeddings(ids, pool.text_model)) == set(ids)


def test_erased_while_embedding_leaves_no_vector(tmp_path: Path) -> None:
    gated = GatedEmbedder([lexical_text(RESUMES[0])])
    pool = Pool(tmp_path / "data", embedder=gated)
    ids = [pool.add_resume(r).id for r in RESUMES]
    assert gated.entered.wait(10)  # the worker holds the first batch's texts
    assert pool.erase(ids[0]) == [ids[0]]
    gated.release.set()
    assert pool.wait_for_text_views(10)
    assert _all_embeddings(pool, ids[0]) == []
    assert set(pool.store.get_embeddings(ids[1:], pool.text_model)) == set(ids[1:])
    pool.close()


def test_replaced_while_embedding_keeps_only_the_new_text(tmp_path: Path) -> None:
    gated = GatedEmbedder([lexical_text(RESUMES[0])])
    pool = Pool(tmp_path / "data", embedder=gated)
    cid = pool.add_resume(RESUMES[0]).id
    assert gated.entered.wait(10)
    new = _resume("Sous Chef", "Kitchen lead on weekends.", "Ana Lima")
    pool.update(cid, new.text.encode())
    gated.release.set()
    assert pool.wait_for_text_views(10)
    stored = pool.store.get_embeddings([cid], pool.text_model)[cid]
    assert np.allclose(stored, EMB.encode([lexical_text(pool.get(cid).resume)])[0])
    assert not np.allclose(stored, EMB.encode([lexical_text(RESUMES[0])])[0])
    pool.close()


def test_close_stops_the_worker_and_writes_nothing_after(tmp_path: Path) -> None:
    gated = GatedEmbedder([lexical_text(RESUMES[0])])
    pool = Pool(tmp_path / "data", embedder=gated)
    cid = pool.add_resume(RESUMES[0]).id
    assert gated.entered.wait(10)
    worker = pool._views_thread
    assert worker is not None and worker.is_alive()
    closer = threading.Thread(target=pool.close)
    closer.start()
    time.sleep(0.2)
    gated.release.set()
    closer.join(10)
    assert not closer.is_alive() and not worker.is_alive()
    with Pool(tmp_path / "data", embedder=EMB, text_views="shortlist") as again:
        assert again.store.get_embeddings([cid], again.text_model) == {}
        assert again.count() == 1


def test_views_of_an_older_store_are_filled_after_a_shortlist(tmp_path: Path) -> None:
    with Pool(tmp_path / "data", embedder=EMB, text_views="shortlist") as old:
        ids = [old.add_resume(r).id for r in RESUMES]
    with Pool(tmp_path / "data", embedder=EMB) as pool:
        pool.shortlist(JOB, top=1)  # embeds what it recalls, then the rest in the background
        assert pool.wait_for_text_views(10)
        assert set(pool.store.get_embeddings(ids, pool.text_model)) == set(ids)
