"""Smoke test of the `shortlist bench` harness on tiny sizes with the hashing embedder (structure, not timings)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from evaluation import bench
from evaluation.bench import BenchConfig, format_table, run_bench


def _tiny(tmp_path: Path) -> BenchConfig:
    empty = tmp_path / "no-pdfs"
    empty.mkdir()
    return BenchConfig(
        quick=True,
        parse_pdfs=2,
        parse_generated=2,
        embed_texts=3,
        ingest_docs=4,
        ingest_workers=1,
        shortlist_sizes=(300,),
        memory_sizes=(300,),
        templates=4,
        queries=2,
        recall_queries=4,
        clusters=4,
        embedder="hashing",
        isolate=False,
        approximate_above=100,  # the served index is HNSW even at this size
        pdf_dir=str(empty),
    )


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return run_bench(["parse", "embed", "ingest", "shortlist", "memory"], _tiny(tmp_path_factory.mktemp("b")))


def test_rows_have_value_baseline_and_ratio(result: dict) -> None:
    rows = result["rows"]
    assert {r["part"] for r in rows} == {"parse", "embed", "ingest", "shortlist", "memory"}
    for r in rows:
        assert set(r) >= {"part", "metric", "value", "unit", "baseline", "ratio", "target", "status", "note"}
        assert r["status"] in ("PASS", "MISS", "")
        assert (r["status"] == "") == (r["target"] == "")
        if r["baseline"]:
            assert r["ratio"] == pytest.approx(r["value"] / r["baseline"])
    # every part but the ingested pool's own shortlist row is measured against a baseline
    assert all(r["baseline"] for r in rows if "Pool.shortlist" not in r["metric"])


def test_parts_report_what_the_issue_asks(result: dict) -> None:
    metrics = [r["metric"] for r in result["rows"]]
    assert any(m.startswith("DOCX generated median") for m in metrics)
    assert any(m.startswith("TXT generated median") for m in metrics)
    assert any("no PDFs under" in n for n in result["notes"])  # the livecareer row is skipped with a note
    assert any(m.startswith("recall@50 faiss-hnsw vs exact @0k") for m in metrics)
    (size,) = result["shortlist_sizes"]
    assert size["n"] == 300 and size["index_kind"] == "faiss-hnsw"
    assert 0.0 <= size["recall_at_50"] <= 1.0
    assert any(m.startswith("bytes/candidate") for m in metrics)
    ingest = next(r for r in result["rows"] if r["part"] == "ingest" and r["target"])
    assert ingest["target"] == ">= 40/s" and "0 failed" in ingest["note"]


def test_large_pools_serve_ivf_like_the_pool(tmp_path: Path) -> None:
    from dataclasses import asdict

    cfg = _tiny(tmp_path)
    cfg.ivf_above = 300  # stands in for the pool's 500k
    size = bench.shortlist_size(asdict(cfg), 400, True)
    assert size["index_kind"] == size["approximate_kind"] == "faiss-ivf"
    assert 0.0 <= size["recall_at_50"] <= 1.0 and size["index_bytes"] >= 0


def test_table_and_json_from_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench, "config_for", lambda quick: _tiny(tmp_path))
    out = tmp_path / "bench.json"
    args = argparse.Namespace(only="embed,shortlist", quick=True, json_out=str(out))
    assert bench.run(args) == 0
    data = json.loads(out.read_text())
    assert data["parts"] == ["embed", "shortlist"]
    table = format_table(data)
    assert "ratio" in table.splitlines()[0]
    assert any(line.startswith("embed") for line in table.splitlines())
    assert sum(line.startswith("shortlist") for line in table.splitlines()) == 3


def test_unknown_part_is_refused() -> None:
    from models.errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        bench.run(argparse.Namespace(only="parse,warp", quick=True, json_out=None))
