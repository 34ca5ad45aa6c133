"""Contract tests run against every VectorIndex backend, checked against brute force on random data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from matcher.index import (
    FaissIndex,
    FaissIvfIndex,
    NumpyIndex,
    VectorIndex,
    ids_checksum,
    load_index,
    measure_recall,
    open_index,
    recall_at_k,
    sidecar_path,
    top_k,
)

DIM = 32

BACKENDS: dict[str, Callable[[], VectorIndex]] = {
    "numpy": lambda: NumpyIndex(DIM),
    "faiss-exact": lambda: FaissIndex(DIM, approximate_above=None),
    "faiss-hnsw": lambda: FaissIndex(DIM, approximate_above=0, ef_search=400),
    "faiss-switching": lambda: FaissIndex(DIM, approximate_above=150, ef_search=400),
    "faiss-ivf": lambda: FaissIvfIndex(DIM),
}


def unit(rng: np.random.Generator, n: int, dim: int = DIM) -> np.ndarray:
    x = rng.standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def brute(vectors: dict[int, np.ndarray], queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    ids = np.array(sorted(vectors), dtype=np.int64)
    mat = np.stack([vectors[i] for i in ids]) if len(ids) else np.zeros((0, DIM), np.float32)
    return top_k(queries @ mat.T, ids, k)


@pytest.fixture(params=sorted(BACKENDS))
def make(request: pytest.FixtureRequest) -> Callable[[], VectorIndex]:
    return BACKENDS[request.param]


def score_tol(index: VectorIndex) -> float:
    """How far a returned score may be from the true inner product (IVF-SQ8 scores decoded 8-bit vectors)."""
    return 0.05 if index.kind == "faiss-ivf" else 1e-5


def is_exact(index: VectorIndex) -> bool:
    return index.kind in ("numpy", "faiss-flat")


def check_against_brute(
    index: VectorIndex, truth: dict[int, np.ndarray], queries: np.ndarray, k: int
) -> None:
    scores, ids = index.search(queries, k)
    t_scores, t_ids = brute(truth, queries, k)
    assert scores.shape == ids.shape == (queries.shape[0], k)
    assert ids.dtype == np.int64
    if is_exact(index):
        np.testing.assert_array_equal(ids, t_ids)
        np.testing.assert_allclose(scores, t_scores, rtol=1e-5, atol=1e-5)
    else:
        assert recall_at_k(ids, t_ids) >= 0.95
        # whatever it returns, the scores are the true inner products of the returned ids (IVF-SQ8: of the
        # 8-bit decoded vectors, so within quantization error)
        tol = score_tol(index)
        for row in range(queries.shape[0]):
            for s, i in zip(scores[row], ids[row], strict=True):
                if i >= 0:
                    assert s == pytest.approx(float(truth[int(i)] @ queries[row]), abs=tol)


def test_protocol(make: Callable[[], VectorIndex]) -> None:
    assert isinstance(make(), VectorIndex)


def test_empty_search_pads(make: Callable[[], VectorIndex]) -> None:
    index = make()
    scores, ids = index.search(unit(np.random.default_rng(0), 2), 5)
    assert len(index) == 0
    assert (ids == -1).all() and np.isneginf(scores).all()


def test_search_matches_brute_force(make: Callable[[], VectorIndex]) -> None:
    rng = np.random.default_rng(1)
    vecs = unit(rng, 300)
    ids = rng.choice(10_000, size=300, replace=False).astype(np.int64)
    index = make()
    index.add(ids[:100], vecs[:100])
    index.add(ids[100:], vecs[100:])
    truth = {int(i): v for i, v in zip(ids, vecs, strict=True)}
    assert len(index) == 300
    assert set(index.ids().tolist()) == set(truth)
    check_against_brute(index, truth, unit(rng, 20), 10)
    # k larger than the index pads with -1
    small = make()
    small.add(ids[:3], vecs[:3])
    scores, found = small.search(vecs[:1], 5)
    assert found[0, 0] == ids[0] and scores[0, 0] == pytest.approx(1.0, abs=score_tol(small))
    assert (found[0, 3:] == -1).all()


def test_update_and_remove(make: Callable[[], VectorIndex]) -> None:
    rng = np.random.default_rng(2)
    vecs = unit(rng, 200)
    ids = np.arange(200, dtype=np.int64) + 1000
    index = make()
    index.add(ids, vecs)
    truth = {int(i): v for i, v in zip(ids, vecs, strict=True)}
    # update: same id, new vector, no duplicate entry
    new = unit(rng, 5)
    index.add(ids[:5], new)
    truth.update({int(i): v for i, v in zip(ids[:5], new, strict=True)})
    assert len(index) == 200
    # remove some (unknown ids ignored)
    assert index.remove([int(ids[10]), int(ids[11]), 999_999]) == 2
    del truth[int(ids[10])], truth[int(ids[11])]
    assert len(index) == 198
    assert int(ids[10]) not in index and int(ids[12]) in index
    check_against_brute(index, truth, unit(rng, 15), 8)
    _, found = index.search(vecs[10:11], 198)
    assert int(ids[10]) not in set(found[0].tolist())
    # remove most: HNSW compacts, the switching backend goes back to exact
    gone = [i for i in list(truth)[:150]]
    assert index.remove(gone) == 150
    for i in gone:
        del truth[i]
    assert len(index) == 48
    check_against_brute(index, truth, unit(rng, 10), 5)


def test_rejects_bad_input(make: Callable[[], VectorIndex]) -> None:
    from models import ValidationFailed

    index = make()
    with pytest.raises(ValidationFailed):
        index.add([1], np.zeros((1, DIM + 1), np.float32))
    with pytest.raises(ValidationFailed):
        index.add([1, 1], np.zeros((2, DIM), np.float32))
    with pytest.raises(ValidationFailed):
        index.add([1, 2], np.zeros((1, DIM), np.float32))


def test_save_load_roundtrip(make: Callable[[], VectorIndex], tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    vecs = unit(rng, 120)
    ids = np.arange(120, dtype=np.int64) * 7
    index = make()
    index.add(ids, vecs)
    index.remove([0, 7])
    path = tmp_path / "vectors.idx"
    index.save(path)
    assert sidecar_path(path).exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    loaded = load_index(path)
    assert type(loaded) is type(index) and loaded.kind == index.kind and len(loaded) == 118
    q = unit(rng, 5)
    np.testing.assert_array_equal(loaded.search(q, 7)[1], index.search(q, 7)[1])
    assert open_index(path, dim=DIM, expected_ids=index.ids()) is not None


def test_open_index_detects_damage(tmp_path: Path) -> None:
    rng = np.random.default_rng(4)
    index = FaissIndex(DIM)
    index.add(np.arange(50), unit(rng, 50))
    path = tmp_path / "v.idx"
    index.save(path)
    assert open_index(path, expected_ids=np.arange(50)) is not None
    # out of step with the store
    assert open_index(path, expected_ids=np.arange(49)) is None
    # wrong dimension
    assert open_index(path, dim=DIM * 2) is None
    # corrupt bytes
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert open_index(path) is None
    # truncated / garbage with a regenerated sidecar checksum still fails to load cleanly
    index.save(path)
    path.write_bytes(b"not an index")
    assert open_index(path) is None
    # missing sidecar
    index.save(path)
    sidecar_path(path).unlink()
    assert open_index(path) is None
    # missing file
    assert open_index(tmp_path / "absent.idx") is None


def test_hnsw_erase_zeroes_stored_vector(tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    vecs = unit(rng, 40)
    index = FaissIndex(DIM, approximate_above=0)
    index.add(np.arange(40), vecs)
    index.remove([3])
    path = tmp_path / "h.idx"
    index.save(path)
    needle = vecs[3].tobytes()
    assert needle not in path.read_bytes()
    assert vecs[4].tobytes() in path.read_bytes()  # the search of the needle is meaningful


def test_ids_checksum_is_order_free() -> None:
    assert ids_checksum([3, 1, 2]) == ids_checksum(np.array([1, 2, 3]))
    assert ids_checksum([1, 2]) != ids_checksum([1, 2, 3])


def test_recall_at_k_hand_worked() -> None:
    truth = np.array([[1, 2, 3, 4], [5, 6, -1, -1]])
    found = np.array([[4, 9, 1, 8], [6, 5, 7, -1]])
    assert recall_at_k(found, truth) == pytest.approx((2 / 4 + 2 / 2) / 2)


def test_measure_recall_small() -> None:
    result = measure_recall(n=2000, dim=DIM, k=10, n_queries=20, seed=1)
    assert 0.9 <= result["recall"] <= 1.0
    assert result["approx_build_s"] >= 0


def test_configure_moves_a_loaded_index_to_hnsw(tmp_path: Path) -> None:
    rng = np.random.default_rng(6)
    index = FaissIndex(DIM, approximate_above=None)
    index.add(np.arange(40), unit(rng, 40))
    index.configure(approximate_above=1000)
    assert index.kind == "faiss-flat"
    index.configure(approximate_above=10, ef_search=200)
    assert index.kind == "faiss-hnsw" and len(index) == 40 and index.ef_search == 200
    index.save(tmp_path / "c.idx")
    assert load_index(tmp_path / "c.idx").kind == "faiss-hnsw"


def test_hnsw_widens_the_search_past_tombstones() -> None:
    rng = np.random.default_rng(7)
    index = FaissIndex(DIM, approximate_above=0, ef_search=16)
    index.add(np.arange(200), unit(rng, 200))
    removed = set(range(0, 80, 2))  # 40 tombstones: under the compaction share
    index.remove(sorted(removed))
    assert index.kind == "faiss-hnsw" and len(index) == 160
    _, ids = index.search(unit(rng, 3), 160)
    for row in ids:
        got = [int(i) for i in row if i >= 0]
        assert len(got) == len(set(got)) >= 150 and not removed & set(got)


@pytest.mark.parametrize("name", ["faiss-exact", "faiss-hnsw", "faiss-ivf"])
def test_single_query_runs_on_one_thread_and_restores(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """One query searches on one OpenMP thread; the caller's setting is back afterwards, and a batch of
    queries keeps it (the same hits either way)."""
    import faiss

    index = BACKENDS[name]()
    rng = np.random.default_rng(5)
    vecs = unit(rng, 300)
    index.add(np.arange(300), vecs)
    faiss.omp_set_num_threads(2)
    seen: list[int] = []
    real = faiss.omp_set_num_threads
    monkeypatch.setattr(faiss, "omp_set_num_threads", lambda n: (seen.append(n), real(n)))
    one = index.search(vecs[:1], 10)
    assert seen == [1, 2] and faiss.omp_get_max_threads() == 2
    seen.clear()
    batch = index.search(vecs[:8], 10)
    assert seen == [] and np.array_equal(batch[1][:1], one[1])


@pytest.mark.parametrize("name", ["numpy", "faiss-exact", "faiss-hnsw", "faiss-switching"])
def test_vectors_are_the_ones_added(name: str) -> None:
    """The lossless backends give back each id's vector exactly as last added, through updates, erasures and
    the switch between exact and HNSW; an unknown or erased id is a KeyError."""
    rng = np.random.default_rng(5)
    index = BACKENDS[name]()
    ids = np.arange(300, dtype=np.int64) * 7
    vecs = unit(rng, 300)
    index.add(ids, vecs)
    new = unit(rng, 4)
    index.add(ids[:4], new)  # updates
    assert index.remove([int(ids[9]), int(ids[20])]) == 2
    truth = {int(i): v for i, v in zip(ids, vecs, strict=True)} | {
        int(i): v for i, v in zip(ids[:4], new, strict=True)
    }
    del truth[int(ids[9])], truth[int(ids[20])]
    ask = [int(ids[3]), int(ids[250]), int(ids[0]), int(ids[10])]
    got = index.vectors(ask)  # type: ignore[attr-defined]
    assert got.dtype == np.float32 and got.shape == (4, DIM)
    assert np.array_equal(got, np.stack([truth[i] for i in ask]))
    assert index.vectors([]).shape == (0, DIM)  # type: ignore[attr-defined]
    for gone in (int(ids[9]), 123_456):
        with pytest.raises(KeyError):
            index.vectors([int(ids[1]), gone])  # type: ignore[attr-defined]
