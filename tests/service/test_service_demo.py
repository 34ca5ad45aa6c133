"""The shipped demo talent pool, its loader, and `shortlist serve --demo` (without binding a port)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from service import demo
from service.cli import main
from service.settings import get_settings


def test_shipped_demo_pool_is_varied_and_small() -> None:
    files = demo.demo_files()
    assert len(files) >= 200
    suffixes = {p.suffix for p in files}
    assert suffixes == {".pdf", ".docx"}
    assert any("two-column" in p.name for p in files) and any("sidebar" in p.name for p in files)
    manifest = json.loads((demo.DEMO_DIR / "manifest.json").read_text())
    assert len({r["occupation"] for r in manifest["resumes"]}) >= 5
    assert [r["file"] for r in manifest["resumes"]] == [f"resumes/{p.name}" for p in files]
    total = sum(p.stat().st_size for p in demo.DEMO_DIR.rglob("*") if p.is_file())
    assert total < 6_000_000
    jobs = sorted((demo.DEMO_DIR / "jobs").glob("job-*.txt"))
    assert len(jobs) >= 3 and len(jobs) == len(demo.DEMO_JOBS)


def test_build_demo_regenerates_deterministically(tmp_path: Path) -> None:
    a = demo.build_demo(tmp_path / "a", n=8, seed=5)
    b = demo.build_demo(tmp_path / "b", n=8, seed=5)
    assert a == b and len(a["resumes"]) == 8
    assert {r["format"] for r in a["resumes"]} == {"pdf", "docx"}
    assert sorted(p.name for p in (tmp_path / "a" / "resumes").iterdir()) == sorted(
        Path(r["file"]).name for r in a["resumes"]
    )


@pytest.fixture
def small_demo(tmp_path: Path) -> Path:
    """A copy of a few shipped demo files (both formats, every layout) and the jobs."""
    src = demo.DEMO_DIR
    dst = tmp_path / "demo"
    (dst / "resumes").mkdir(parents=True)
    picked = demo.demo_files()[:8]
    for p in picked:
        shutil.copy(p, dst / "resumes" / p.name)
    shutil.copytree(src / "jobs", dst / "jobs")
    return dst


def test_load_demo_only_fills_an_empty_pool(small_demo: Path, tmp_path: Path) -> None:
    from matcher.embedder import HashingEmbedder
    from matcher.pool import Pool

    pool = Pool(tmp_path / "data", embedder=HashingEmbedder())
    counts = demo.load_demo(pool, demo_dir=small_demo, workers=1)
    assert counts["added"] + counts["duplicates"] == 8 and counts["failed"] == 0
    assert counts["jobs"] == len(demo.DEMO_JOBS) == len(pool.list_jobs())
    again = demo.load_demo(pool, demo_dir=small_demo, workers=1)
    assert again["added"] == 0 and again["jobs"] == 0 and again["skipped"] == 8
    job = pool.list_jobs()[0]
    assert pool.shortlist(job.id, top=3)


def test_serve_demo_loads_the_pool_and_prints_a_key(
    small_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    served: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    monkeypatch.setattr(demo, "DEMO_DIR", small_demo)
    original = demo.load_demo
    monkeypatch.setattr(demo, "load_demo", lambda pool, **kw: original(pool, **{**kw, "workers": 1}))
    monkeypatch.setenv("SHORTLIST_EMBEDDER", "hashing")
    get_settings.cache_clear()
    try:
        assert main(["serve", "--demo", "--db", str(tmp_path / "data"), "--port", "8123"]) == 0
    finally:
        get_settings.cache_clear()
    err = capsys.readouterr().err
    assert "http://127.0.0.1:8123/" in err
    key = next(w for w in err.split() if w.startswith("slk_"))
    assert served["host"] == "127.0.0.1" and served["port"] == 8123

    from fastapi.testclient import TestClient

    with TestClient(served["app"]) as client:  # type: ignore[arg-type]
        jobs = client.get("/v1/jobs", headers={"X-API-Key": key}).json()
        assert jobs["total"] == len(demo.DEMO_JOBS)
        shortlist = client.get(
            f"/v1/jobs/{jobs['items'][0]['id']}/shortlist?top=3", headers={"X-API-Key": key}
        )
        assert shortlist.status_code == 200 and shortlist.json()["items"]
