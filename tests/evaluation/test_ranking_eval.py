"""The ranking eval's pure parts on tiny hand-built data; the dev-set loaders when the data is present."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from evaluation import ranking_eval as E
from models import Job, Resume


def _jobs() -> list[E.EvalJob]:
    return [
        E.EvalJob(
            "Chef-1", "Chef", "CHEF", Job(id="Chef-1", title="Executive Chef", text="Executive Chef\nkitchen")
        ),
        E.EvalJob(
            "IT-1",
            "IT",
            "INFORMATION-TECHNOLOGY",
            Job(id="IT-1", title="IT Specialist", text="IT Specialist"),
        ),
    ]


def _resumes() -> list[E.EvalResume]:
    return [
        E.EvalResume("CHEF/1", "CHEF", Resume(text="chef")),
        E.EvalResume("CHEF/2", "CHEF", Resume(text="cook")),
        E.EvalResume("INFORMATION-TECHNOLOGY/3", "INFORMATION-TECHNOLOGY", Resume(text="it")),
    ]


def test_evaluate_hand_worked() -> None:
    rankings = {
        "Chef-1": ["CHEF/1", "INFORMATION-TECHNOLOGY/3", "CHEF/2"],
        "IT-1": ["INFORMATION-TECHNOLOGY/3", "CHEF/1", "CHEF/2"],
    }
    res = E.evaluate(rankings, _jobs(), _resumes())
    assert res["IT"]["ndcg@10"] == pytest.approx(1.0)
    assert res["IT"]["p@10"] == pytest.approx(0.1)
    assert res["Chef"]["map@100"] == pytest.approx((1 + 2 / 3) / 2)
    assert res["overall"]["map@100"] == pytest.approx(((1 + 2 / 3) / 2 + 1) / 2)


def test_post_split() -> None:
    """Posts 1-2 of each occupation and post 3 are scored apart (post 3: held out when choosing weights)."""
    chef3 = E.EvalJob("Chef-3", "Chef", "CHEF", Job(id="Chef-3", title="Chef", text="Chef"))
    jobs = [*_jobs(), chef3]
    perfect = ["CHEF/1", "CHEF/2", "INFORMATION-TECHNOLOGY/3"]
    rankings = {
        "sys": {
            "Chef-1": perfect,
            "IT-1": ["INFORMATION-TECHNOLOGY/3", "CHEF/1", "CHEF/2"],
            "Chef-3": perfect[::-1],
        }
    }
    split = E.post_split(rankings, jobs, _resumes())
    assert split["sys"]["posts 1-2"] == pytest.approx(1.0)
    worst = E.evaluate({"Chef-3": perfect[::-1]}, [chef3], _resumes())["overall"]["ndcg@10"]
    assert split["sys"]["post 3"] == pytest.approx(worst) and worst < 1.0


def test_order_breaks_ties_by_id() -> None:
    assert E._order(["b", "a", "c"], np.array([1.0, 1.0, 2.0])) == ["c", "a", "b"]


def test_table_and_targets() -> None:
    def res(v: float, it: float) -> dict[str, dict[str, float]]:
        return {
            "Chef": {"ndcg@10": v, "p@10": v, "map@100": v},
            "IT": {"ndcg@10": it, "p@10": it, "map@100": it},
            "overall": {"ndcg@10": (v + it) / 2, "p@10": 0, "map@100": 0},
        }

    results = {"shortlist": res(0.9, 0.7), "bm25": res(0.5, 0.5), "minilm": res(0.6, 0.6)}
    table = E.format_table(results)
    assert "overall" in table and "shortlist" in table
    ok, notes = E.check_targets(results)
    assert ok and "best baseline: minilm" in notes[0]
    results["shortlist"] = res(0.95, 0.5)
    ok, notes = E.check_targets(results)
    assert not ok and any(n.startswith("IT:") for n in notes)


def test_vector_cache(tmp_path: Path, hashing_embedder) -> None:
    cache = E.VectorCache(tmp_path, hashing_embedder)
    a = cache.encode(["alpha", "beta"])
    again = E.VectorCache(tmp_path, hashing_embedder).encode(["beta", "alpha", "gamma"])
    np.testing.assert_allclose(again[:2], a[::-1])
    assert again.shape == (3, 384)


DATA = E.shared_data_dir()


@pytest.mark.skipif(
    not (DATA / "ranking" / "job_posts_dev").is_dir(), reason="shared data (../shared/data) is not present"
)
def test_dev_job_posts_load() -> None:
    jobs = E.load_jobs(DATA)
    assert len(jobs) == 33
    assert {j.occupation for j in jobs} == set(E.OCCUPATION_CATEGORY)
    assert all((DATA / "ranking" / "livecareer_dev" / j.category).is_dir() for j in jobs)
    assert jobs[0].job.title


def test_run_needs_data(tmp_path: Path) -> None:
    from models.errors import ConfigError

    with pytest.raises(ConfigError):
        E.run(SimpleNamespace(data=str(tmp_path), limit=None, json_out=None))


def test_parse_cache_key_ignores_the_occupation_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the resume parser does not read the occupation index: rebuilding it must not force a re-parse
    (tmp_path / "parsers" / "data").mkdir(parents=True)
    (tmp_path / "parsers" / "resume.py").write_text("x = 1\n")
    (tmp_path / "parsers" / "data" / "taxonomy.json.gz").write_bytes(b"t")
    monkeypatch.setattr(E, "_REPO", tmp_path)
    key = E._parse_sources_key()
    (tmp_path / "parsers" / "occupations.py").write_text("y = 2\n")
    (tmp_path / "parsers" / "data" / "occupations.json.gz").write_bytes(b"o")
    assert E._parse_sources_key() == key
    (tmp_path / "parsers" / "data" / "taxonomy.json.gz").write_bytes(b"t2")
    assert E._parse_sources_key() != key
