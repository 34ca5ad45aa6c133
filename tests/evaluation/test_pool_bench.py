"""The stored-pool shortlist bench on a tiny pool: it builds real SQLite rows, times both paths and writes
its figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.pool_bench import main


def test_pool_bench_times_both_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "figures.json"
    args = ["--n", "60", "--templates", "6", "--jobs", "2", "--embedder", "hashing", "--compare"]
    assert main([*args, "--data-dir", str(tmp_path / "pool"), "--json", str(out)]) == 0
    got = json.loads(out.read_text())
    assert got["n"] == 60 and got["jobs"] == 2
    timed = [v for v in got.values() if isinstance(v, dict)]
    assert len(timed) == 2  # value views, and the full-resume path beside it
    for figures in timed:
        assert 0 < figures["cpu_p50_ms"] <= figures["cpu_p95_ms"]
        assert 0 < figures["wall_p50_ms"] <= figures["wall_p95_ms"]
    assert "Pool.shortlist top-50, 60 stored candidates, 2 new jobs" in capsys.readouterr().out
