"""The pool's second candidate view: blinded-text vectors embedded at shortlist time, kept, refreshed on update."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from matcher.embedder import HashingEmbedder
from matcher.pool import Pool
from matcher.ranking import embed_resume_texts, rank_resumes
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


def test_text_view_stored_and_refreshed(tmp_path: Path) -> None:
    with Pool(tmp_path / "data", embedder=EMB) as pool:
        ids = [pool.add_resume(r).id for r in RESUMES]
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
        # an update makes the old text view stale; the next shortlist embeds the new text
        new = _resume("Sous Chef", "Kitchen lead on weekends.", "Ana Lima")
        pool.update(ids[0], new.text.encode())
        assert not np.any(pool.store.get_embeddings([ids[0]], pool.text_model)[ids[0]])
        pool.shortlist(JOB, top=3)
        fresh = pool.store.get_embeddings([ids[0]], pool.text_model)[ids[0]]
        resume = pool.get(ids[0]).resume
        assert np.allclose(fresh, embed_resume_texts([resume], EMB)[0])
