"""Vector index: the `VectorIndex` Protocol, a FAISS backend (exact, approximate above a size) and a NumPy one.

Vectors are float32 rows, L2-normalized by the embedder, so inner product is cosine similarity. Ids are int64
(the store's candidate numbers). `search` returns `(scores, ids)` of shape (n_queries, k), best first, padded with
(-inf, -1) when fewer than k vectors are stored.

Persistence: `save(path)` writes one `.npz` container atomically (temporary file, `os.replace`) and then a
JSON sidecar `path + '.json'` recording the backend, dimension, count, a checksum of the ids and a checksum of the
file. `open_index` refuses (returns None for) a file whose sidecar is missing or disagrees, so the caller rebuilds
it from the store's embeddings; `ids_checksum` lets the caller compare the index with the store.

Approximate search: `FaissIndex` keeps an exact `IndexIDMap2(IndexFlatIP)` until it holds more than
`approximate_above` vectors, then moves to HNSW (`IndexHNSWFlat`, inner product). HNSW cannot delete, so removed
vectors are tombstoned: their label is dropped and their stored coordinates are overwritten with zeros (an erased
candidate's embedding does not survive in memory or in the saved file); the graph is rebuilt once tombstones pass
a quarter of the nodes. `measure_recall` reports recall@k of the approximate index against exact search.

Large pools: `FaissIvfIndex` is an inverted-file index with 8-bit scalar quantization (`IVF{nlist},SQ8`, inner
product; about 400 bytes per 384-d vector instead of about 2,000 for HNSW, and built in a fraction of the
time). It trains its coarse quantizer on the first vectors added (`nlist` about sqrt(n)), so it is meant to be
built in bulk; deletes remove the codes from the inverted lists. Its scores are inner products of the decoded
(quantized) vectors, within a few hundredths of the true ones. The pool builds it instead of HNSW above `ivf_above`.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, Self, runtime_checkable

import numpy as np

log = logging.getLogger(__name__)

DEFAULT_APPROXIMATE_ABOVE = 200_000
DEFAULT_IVF_ABOVE = 500_000  # the pool's approximate index is IVF-SQ8 instead of HNSW above this many vectors
DEFAULT_NPROBE = 16
# IVF training sample per list: k-means cost grows with sample x lists, and FAISS's bundled BLAS can run a
# generic kernel (measured: 1M vectors x 4,000 lists did not finish training in 20 min on 2 cores)
TRAIN_PER_LIST = 64
_FORMAT_VERSION = 1
# Searches of at most this many queries run FAISS on one OpenMP thread: one query is milliseconds of work, and
# waking a team of threads for it costs more than it saves whenever other work holds the cores (measured on
# 2 busy cores: exact search of 20k vectors p50 24 ms on 2 threads, 1.7 ms on one)
ONE_THREAD_QUERIES = 4


@runtime_checkable
class VectorIndex(Protocol):
    """Nearest-neighbour search by inner product over int64-labelled float32 vectors."""

    @property
    def dim(self) -> int: ...

    @property
    def kind(self) -> str:
        """The backend in use, e.g. 'numpy', 'faiss-flat', 'faiss-hnsw'."""
        ...

    def add(self, ids: np.ndarray | list[int], vectors: np.ndarray) -> None:
        """Add vectors; an id already present is replaced (update)."""
        ...

    def remove(self, ids: np.ndarray | list[int]) -> int:
        """Remove ids (unknown ids are ignored); returns how many were removed."""
        ...

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores float32, ids int64) per query row, best first, padded with (-inf, -1)."""
        ...

    def ids(self) -> np.ndarray:
        """Every stored id (int64), in no particular order."""
        ...

    def __len__(self) -> int: ...

    def __contains__(self, item: object) -> bool: ...

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index and its sidecar atomically."""
        ...

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Self:
        """Read an index written by `save` (no sidecar check; see `open_index`)."""
        ...


# ----------------------------------------------------------------------------------------------------------------
# helpers


def _as_ids(ids: np.ndarray | list[int]) -> np.ndarray:
    arr = np.asarray(ids, dtype=np.int64).reshape(-1)
    if arr.size and arr.min() < 0:
        from models import ValidationFailed

        raise ValidationFailed("vector ids must be non-negative")
    return arr


def _as_vectors(vectors: np.ndarray, dim: int) -> np.ndarray:
    arr = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32))
    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    if arr.ndim != 2 or arr.shape[1] != dim:
        from models import ValidationFailed

        raise ValidationFailed(f"vectors must have shape (n, {dim}), got {tuple(arr.shape)}")
    return arr


def _check_add(ids: np.ndarray, vectors: np.ndarray) -> None:
    from models import ValidationFailed

    if ids.shape[0] != vectors.shape[0]:
        raise ValidationFailed("ids and vectors differ in length")
    if np.unique(ids).shape[0] != ids.shape[0]:
        raise ValidationFailed("duplicate ids in one add")


def ids_checksum(ids: np.ndarray | list[int]) -> str:
    """SHA-256 of the sorted int64 ids: equal sets of ids give equal checksums."""
    arr = np.sort(np.asarray(ids, dtype=np.int64).reshape(-1))
    return hashlib.sha256(arr.astype("<i8").tobytes()).hexdigest()


def top_k(scores: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact top-k of a (n_queries, n) score matrix whose columns are labelled by `ids`; padded with (-inf, -1)."""
    nq, n = scores.shape
    out_s = np.full((nq, k), -np.inf, dtype=np.float32)
    out_i = np.full((nq, k), -1, dtype=np.int64)
    if n == 0 or k <= 0:
        return out_s, out_i
    kk = min(k, n)
    part = np.argpartition(-scores, kk - 1, axis=1)[:, :kk] if kk < n else np.tile(np.arange(n), (nq, 1))
    part_scores = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-part_scores, axis=1, kind="stable")
    best = np.take_along_axis(part, order, axis=1)
    out_s[:, :kk] = np.take_along_axis(scores, best, axis=1)
    out_i[:, :kk] = ids[best]
    return out_s, out_i


def _empty_hits(nq: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(scores, ids) of shape (nq, k) with no hits yet: -inf scores and -1 ids."""
    k = max(k, 0)
    return np.full((nq, k), -np.inf, dtype=np.float32), np.full((nq, k), -1, dtype=np.int64)


def _fill_hits(
    out_s: np.ndarray, out_i: np.ndarray, scores: np.ndarray, ids: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Copy a FAISS result into the first columns of (out_s, out_i); a -1 id gets a -inf score."""
    kk = ids.shape[1]
    out_s[:, :kk] = scores
    out_i[:, :kk] = ids
    out_s[out_i < 0] = -np.inf
    return out_s, out_i


@contextmanager
def _search_threads(faiss: Any, n_queries: int) -> Iterator[None]:
    """One OpenMP thread for a small batch of queries (`ONE_THREAD_QUERIES`); the setting is the calling
    thread's own (OpenMP keeps it per thread), so concurrent searches and index builds are not affected."""
    if n_queries > ONE_THREAD_QUERIES:
        yield
        return
    before = int(faiss.omp_get_max_threads())
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def _atomic_write(path: Path, data: bytes) -> None:
    # No fsync: the store is the durable copy, and a file a crash leaves short or stale fails its sidecar
    # check and is rebuilt. `sync_index_files` makes an erasure durable at once.
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def sync_index_files(path: str | os.PathLike[str]) -> None:
    """fsync an index file, its sidecar and their directory (after an erasure)."""
    for target in (Path(path), sidecar_path(path)):
        if target.exists():
            with open(target, "rb") as fh:
                os.fsync(fh.fileno())
    try:
        fd = os.open(Path(path).parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some filesystems refuse fsync on a directory
        pass
    finally:
        os.close(fd)


def sidecar_path(path: str | os.PathLike[str]) -> Path:
    """Where the sidecar of an index file lives."""
    return Path(f"{os.fspath(path)}.json")


def _save_container(
    path: str | os.PathLike[str], index: VectorIndex, arrays: dict[str, np.ndarray], meta: dict[str, Any]
) -> None:
    buf = io.BytesIO()
    header = {"format": _FORMAT_VERSION, "kind": index.kind, "dim": index.dim, **meta}
    np.savez(buf, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8), **arrays)  # type: ignore[arg-type]
    data = buf.getvalue()
    ids = index.ids()
    _atomic_write(Path(path), data)
    sidecar = {
        "format": _FORMAT_VERSION,
        "kind": index.kind,
        "dim": index.dim,
        "count": len(index),
        "ids_sha256": ids_checksum(ids),
        "file_sha256": hashlib.sha256(data).hexdigest(),
        "saved_at": time.time(),
    }
    _atomic_write(sidecar_path(path), json.dumps(sidecar).encode())


def _load_container(path: str | os.PathLike[str]) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    with np.load(os.fspath(path), allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    header = json.loads(arrays.pop("header").tobytes().decode())
    return header, arrays


def read_sidecar(path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The sidecar of an index file, or None when missing or unreadable."""
    try:
        return dict(json.loads(sidecar_path(path).read_text()))
    except (OSError, ValueError):
        return None


# ----------------------------------------------------------------------------------------------------------------
# NumPy backend


class NumpyIndex:
    """Brute-force inner product with NumPy: exact, simple, the reference the FAISS backend is tested against."""

    def __init__(self, dim: int) -> None:
        self._dim = int(dim)
        self._ids = np.zeros(0, dtype=np.int64)
        self._vecs = np.zeros((0, self._dim), dtype=np.float32)
        self._pos: dict[int, int] = {}

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def kind(self) -> str:
        return "numpy"

    def __len__(self) -> int:
        return int(self._ids.shape[0])

    def __contains__(self, item: object) -> bool:
        return isinstance(item, int | np.integer) and int(item) in self._pos

    def ids(self) -> np.ndarray:
        return self._ids.copy()

    def _reindex(self) -> None:
        self._pos = {int(v): i for i, v in enumerate(self._ids)}

    def add(self, ids: np.ndarray | list[int], vectors: np.ndarray) -> None:
        arr_ids = _as_ids(ids)
        vecs = _as_vectors(vectors, self._dim)
        _check_add(arr_ids, vecs)
        self.remove(arr_ids)
        self._ids = np.concatenate([self._ids, arr_ids])
        self._vecs = np.concatenate([self._vecs, vecs])
        self._reindex()

    def remove(self, ids: np.ndarray | list[int]) -> int:
        arr_ids = _as_ids(ids)
        present = [self._pos[int(i)] for i in arr_ids if int(i) in self._pos]
        if not present:
            return 0
        keep = np.ones(len(self), dtype=bool)
        keep[present] = False
        self._ids = self._ids[keep]
        self._vecs = np.ascontiguousarray(self._vecs[keep])
        self._reindex()
        return len(set(present))

    def vectors(self, ids: np.ndarray | list[int]) -> np.ndarray:
        """Stored vectors of the ids (KeyError for an unknown id)."""
        return self._vecs[[self._pos[int(i)] for i in _as_ids(ids)]]

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        q = _as_vectors(queries, self._dim)
        return top_k(q @ self._vecs.T, self._ids, int(k))

    def save(self, path: str | os.PathLike[str]) -> None:
        _save_container(path, self, {"ids": self._ids, "vectors": self._vecs}, {})

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Self:
        header, arrays = _load_container(path)
        if header.get("kind") != "numpy":
            raise ValueError(f"not a numpy index: {header.get('kind')}")
        index = cls(int(header["dim"]))
        index._ids = arrays["ids"].astype(np.int64)
        index._vecs = np.ascontiguousarray(arrays["vectors"].astype(np.float32))
        index._reindex()
        return index


# ----------------------------------------------------------------------------------------------------------------
# FAISS backend


class FaissIndex:
    """FAISS inner-product index: exact `IndexIDMap2(IndexFlatIP)` up to `approximate_above` vectors, HNSW beyond.

    Args:
        dim: vector dimension.
        approximate_above: switch to HNSW when more vectors than this are stored (0: approximate from the start;
            None: always exact). Falls back to exact when compaction leaves fewer than half of it.
        hnsw_m: HNSW graph degree. ef_construction / ef_search: HNSW beam widths at build and query time
            (the query beam is at least 2k).
    """

    def __init__(
        self,
        dim: int,
        *,
        approximate_above: int | None = DEFAULT_APPROXIMATE_ABOVE,
        hnsw_m: int = 32,
        ef_construction: int = 80,
        ef_search: int = 128,
    ) -> None:
        import faiss

        self._faiss: Any = faiss
        self._dim = int(dim)
        self.approximate_above = approximate_above
        self.hnsw_m = int(hnsw_m)
        self.ef_construction = int(ef_construction)
        self.ef_search = int(ef_search)
        self._exact: Any = faiss.IndexIDMap2(faiss.IndexFlatIP(self._dim))
        self._hnsw: Any = None
        self._labels = np.zeros(0, dtype=np.int64)  # HNSW node -> id, -1 once removed
        self._pos: dict[int, int] = {}  # id -> HNSW node
        if approximate_above == 0:
            self._to_hnsw(np.zeros(0, dtype=np.int64), np.zeros((0, self._dim), dtype=np.float32))

    # -- state ---------------------------------------------------------------------------------------------------

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def kind(self) -> str:
        return "faiss-hnsw" if self._hnsw is not None else "faiss-flat"

    @property
    def approximate(self) -> bool:
        return self._hnsw is not None

    def __len__(self) -> int:
        return len(self._pos) if self._hnsw is not None else int(self._exact.ntotal)

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, int | np.integer):
            return False
        if self._hnsw is not None:
            return int(item) in self._pos
        return bool(np.any(self._exact_ids() == int(item)))

    def _exact_ids(self) -> np.ndarray:
        return self._faiss.vector_to_array(self._exact.id_map).astype(np.int64)

    def ids(self) -> np.ndarray:
        if self._hnsw is not None:
            return self._labels[self._labels >= 0].copy()
        return self._exact_ids()

    def _flat_view(self, flat: Any, n: int) -> np.ndarray:
        flat = self._faiss.downcast_index(flat)
        if n == 0:
            return np.zeros((0, self._dim), dtype=np.float32)
        return self._faiss.rev_swig_ptr(flat.get_xb(), n * self._dim).reshape(n, self._dim)

    def vectors(self, ids: np.ndarray | list[int]) -> np.ndarray:
        """Stored vectors of the ids, as added (float32 rows, copied; KeyError for an unknown id)."""
        arr = _as_ids(ids)
        if self._hnsw is not None:
            rows = [self._pos[int(i)] for i in arr]
            return self._flat_view(self._hnsw.storage, int(self._hnsw.ntotal))[rows]  # indexing copies
        if len(arr) == 0:
            return np.zeros((0, self._dim), dtype=np.float32)
        try:
            return np.asarray(self._exact.reconstruct_batch(arr), dtype=np.float32)
        except RuntimeError:  # FAISS reports an unknown id this way
            known = set(self._exact_ids().tolist())
            missing = next(int(i) for i in arr if int(i) not in known)
            raise KeyError(missing) from None

    def _all(self) -> tuple[np.ndarray, np.ndarray]:
        """(ids, vectors) of every live entry, copied."""
        if self._hnsw is not None:
            live = np.nonzero(self._labels >= 0)[0]
            view = self._flat_view(self._hnsw.storage, int(self._hnsw.ntotal))
            return self._labels[live].copy(), view[live].copy()
        n = int(self._exact.ntotal)
        return self._exact_ids(), self._flat_view(self._exact.index, n).copy()

    # -- modes ---------------------------------------------------------------------------------------------------

    def _to_hnsw(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        faiss = self._faiss
        started = time.perf_counter()
        hnsw = faiss.IndexHNSWFlat(self._dim, self.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = self.ef_construction
        if len(ids):
            hnsw.add(np.ascontiguousarray(vectors, dtype=np.float32))
        self._hnsw = hnsw
        self._labels = np.asarray(ids, dtype=np.int64).copy()
        self._pos = {int(v): i for i, v in enumerate(self._labels)}
        self._exact = faiss.IndexIDMap2(faiss.IndexFlatIP(self._dim))
        log.info(
            "vector index moved to HNSW with %s vectors in %.1f s", len(ids), time.perf_counter() - started
        )

    def _to_exact(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        faiss = self._faiss
        self._exact = faiss.IndexIDMap2(faiss.IndexFlatIP(self._dim))
        if len(ids):
            self._exact.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64))
        self._hnsw = None
        self._labels = np.zeros(0, dtype=np.int64)
        self._pos = {}

    def _maybe_switch(self) -> None:
        limit = self.approximate_above
        if self._hnsw is None and limit is not None and len(self) > limit:
            self._to_hnsw(*self._all())
        elif self._hnsw is not None:
            dead = int(self._hnsw.ntotal) - len(self._pos)
            if dead and dead * 4 > int(self._hnsw.ntotal):
                self.compact()

    def configure(self, *, approximate_above: int | None, ef_search: int | None = None) -> None:
        """Apply new settings to a loaded index (moving to HNSW at once when it is now over the threshold)."""
        self.approximate_above = approximate_above
        if ef_search is not None:
            self.ef_search = int(ef_search)
        self._maybe_switch()

    def compact(self) -> None:
        """Rebuild the HNSW graph without tombstones (or go back to exact when the index got small)."""
        if self._hnsw is None:
            return
        ids, vectors = self._all()
        limit = self.approximate_above
        if limit is not None and limit > 0 and len(ids) < limit // 2:
            self._to_exact(ids, vectors)
        else:
            self._to_hnsw(ids, vectors)

    # -- operations ----------------------------------------------------------------------------------------------

    def add(self, ids: np.ndarray | list[int], vectors: np.ndarray) -> None:
        arr_ids = _as_ids(ids)
        vecs = _as_vectors(vectors, self._dim)
        _check_add(arr_ids, vecs)
        if not arr_ids.size:
            return
        self.remove(arr_ids)
        if self._hnsw is not None:
            self._hnsw.hnsw.efConstruction = self.ef_construction
            start = int(self._hnsw.ntotal)
            self._hnsw.add(vecs)
            self._labels = np.concatenate([self._labels, arr_ids])
            self._pos.update((int(v), start + i) for i, v in enumerate(arr_ids))
        else:
            self._exact.add_with_ids(vecs, arr_ids)
        self._maybe_switch()

    def remove(self, ids: np.ndarray | list[int]) -> int:
        arr_ids = _as_ids(ids)
        if not arr_ids.size:
            return 0
        if self._hnsw is None:
            removed = int(self._exact.remove_ids(self._faiss.IDSelectorBatch(np.unique(arr_ids))))
            return removed
        nodes = [self._pos.pop(int(i)) for i in np.unique(arr_ids) if int(i) in self._pos]
        if not nodes:
            return 0
        self._labels[nodes] = -1
        view = self._flat_view(self._hnsw.storage, int(self._hnsw.ntotal))
        view[nodes] = 0.0  # the erased embedding does not survive in memory or in a saved file
        self._maybe_switch()
        return len(nodes)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        q = _as_vectors(queries, self._dim)
        k = int(k)
        out_s, out_i = _empty_hits(q.shape[0], k)
        n = len(self)
        if k <= 0 or n == 0 or q.shape[0] == 0:
            return out_s, out_i
        if self._hnsw is None:
            with _search_threads(self._faiss, q.shape[0]):
                return _fill_hits(out_s, out_i, *self._exact.search(q, min(k, n)))
        total = int(self._hnsw.ntotal)
        want = min(k, n)
        # over-fetch for the tombstones expected among the hits; widen for rows that still come up short
        fetch = min(total, k + int(2 * k * (total - n) / total) + 8)
        pending = np.arange(q.shape[0])
        while pending.size:
            params = self._faiss.SearchParametersHNSW()
            params.efSearch = max(self.ef_search, 2 * fetch)
            with _search_threads(self._faiss, pending.size):
                scores, nodes = self._hnsw.search(q[pending], fetch, params=params)
            short = []
            for j, row in enumerate(pending):
                valid = nodes[j] >= 0
                labels = np.full(nodes.shape[1], -1, dtype=np.int64)
                labels[valid] = self._labels[nodes[j][valid]]
                keep = labels >= 0
                got_ids = labels[keep][:k]
                out_i[row, : got_ids.shape[0]] = got_ids
                out_s[row, : got_ids.shape[0]] = scores[j][keep][:k]
                if got_ids.shape[0] < want and fetch < total:
                    short.append(row)
            pending = np.array(short, dtype=np.int64)
            fetch = min(total, fetch * 4)
        return out_s, out_i

    # -- persistence ---------------------------------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        faiss = self._faiss
        if self._hnsw is not None:
            arrays = {"faiss": faiss.serialize_index(self._hnsw), "labels": self._labels}
        else:
            arrays = {"faiss": faiss.serialize_index(self._exact)}
        meta = {
            "approximate_above": self.approximate_above,
            "hnsw_m": self.hnsw_m,
            "ef_construction": self.ef_construction,
            "ef_search": self.ef_search,
        }
        _save_container(path, self, arrays, meta)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Self:
        import faiss

        header, arrays = _load_container(path)
        kind = header.get("kind")
        if kind not in ("faiss-flat", "faiss-hnsw"):
            raise ValueError(f"not a faiss index: {kind}")
        index = cls(
            int(header["dim"]),
            approximate_above=header.get("approximate_above"),
            hnsw_m=int(header.get("hnsw_m", 32)),
            ef_construction=int(header.get("ef_construction", 80)),
            ef_search=int(header.get("ef_search", 128)),
        )
        loaded = faiss.deserialize_index(arrays["faiss"])
        if kind == "faiss-hnsw" and not isinstance(loaded, faiss.IndexHNSWFlat):
            raise ValueError("unexpected faiss index type")
        if loaded.d != index.dim:
            raise ValueError("dimension mismatch in the index file")
        if kind == "faiss-hnsw":
            index._hnsw = loaded
            index._labels = arrays["labels"].astype(np.int64)
            if index._labels.shape[0] != loaded.ntotal:
                raise ValueError("label count does not match the HNSW graph")
            index._pos = {int(v): i for i, v in enumerate(index._labels) if v >= 0}
            index._exact = faiss.IndexIDMap2(faiss.IndexFlatIP(index.dim))
        else:
            # keep the very wrapper that owns the C++ object: a downcast copy would not keep it alive
            if not isinstance(loaded, faiss.IndexIDMap2):
                raise ValueError("unexpected faiss index type")
            index._exact = loaded
            index._hnsw = None
        return index


class FaissIvfIndex:
    """FAISS `IVF{nlist},SQ8` inner-product index over int64 ids (see the module docstring).

    Args:
        dim: vector dimension.
        nlist: inverted lists; None: about sqrt(n) of the first batch added (at most n / 39, so each list
            gets enough training points); k-means trains on at most TRAIN_PER_LIST points a list.
        nprobe: lists visited per query (at least 1, at most nlist).
    """

    def __init__(self, dim: int, *, nlist: int | None = None, nprobe: int = DEFAULT_NPROBE) -> None:
        import faiss

        self._faiss: Any = faiss
        self._dim = int(dim)
        self.nlist = nlist
        self.nprobe = int(nprobe)
        self._ivf: Any = None
        self._ids = np.zeros(0, dtype=np.int64)  # sorted live ids

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def kind(self) -> str:
        return "faiss-ivf"

    @property
    def approximate(self) -> bool:
        return True

    def __len__(self) -> int:
        return int(self._ids.size)

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, int | np.integer):
            return False
        pos = int(np.searchsorted(self._ids, int(item)))
        return pos < self._ids.size and int(self._ids[pos]) == int(item)

    def ids(self) -> np.ndarray:
        return self._ids.copy()

    def _train(self, vectors: np.ndarray) -> None:
        n = vectors.shape[0]
        nlist = self.nlist or int(np.sqrt(n) + 0.5)
        nlist = max(1, min(nlist, n // 39 if n >= 39 else 1))
        faiss = self._faiss
        # keep the factory's wrapper: it owns the C++ object (a downcast view alone would not keep it alive)
        ivf = faiss.index_factory(self._dim, f"IVF{nlist},SQ8", faiss.METRIC_INNER_PRODUCT)
        # widen the trained per-dimension ranges by 10% each side: vectors added after training that fall
        # outside them would be clipped (on small samples that cost about 5 points of recall@10)
        faiss.downcast_index(ivf).sq.rangestat_arg = 0.1
        started = time.perf_counter()
        sample = vectors
        if n > TRAIN_PER_LIST * nlist:  # k-means needs no more than some tens of points per list
            pick = np.random.default_rng(0).choice(n, TRAIN_PER_LIST * nlist, replace=False)
            sample = vectors[np.sort(pick)]
        ivf.train(np.ascontiguousarray(sample, dtype=np.float32))
        self.nlist = nlist
        self._ivf = ivf
        log.info(
            "IVF-SQ8 index trained: %s lists on %s vectors in %.1f s", nlist, n, time.perf_counter() - started
        )

    def add(self, ids: np.ndarray | list[int], vectors: np.ndarray) -> None:
        arr_ids = _as_ids(ids)
        vecs = _as_vectors(vectors, self._dim)
        _check_add(arr_ids, vecs)
        if not arr_ids.size:
            return
        if self._ivf is None:
            self._train(vecs)
        self.remove(arr_ids)
        self._ivf.add_with_ids(vecs, arr_ids)
        self._ids = np.union1d(self._ids, arr_ids)

    def remove(self, ids: np.ndarray | list[int]) -> int:
        arr_ids = np.unique(_as_ids(ids))
        if not arr_ids.size or self._ivf is None:
            return 0
        present = arr_ids[np.isin(arr_ids, self._ids, assume_unique=True)]
        if not present.size:
            return 0
        removed = int(self._ivf.remove_ids(self._faiss.IDSelectorBatch(present)))
        self._ids = np.setdiff1d(self._ids, present, assume_unique=True)
        return removed

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        q = _as_vectors(queries, self._dim)
        k = int(k)
        out_s, out_i = _empty_hits(q.shape[0], k)
        n = len(self)
        if k <= 0 or n == 0 or q.shape[0] == 0:
            return out_s, out_i
        params = self._faiss.SearchParametersIVF()
        params.nprobe = max(1, min(self.nprobe, int(self._ivf.nlist)))
        with _search_threads(self._faiss, q.shape[0]):
            return _fill_hits(out_s, out_i, *self._ivf.search(q, min(k, n), params=params))

    def save(self, path: str | os.PathLike[str]) -> None:
        arrays = {"ids": self._ids}
        if self._ivf is not None:
            arrays["faiss"] = self._faiss.serialize_index(self._ivf)
        _save_container(path, self, arrays, {"nlist": self.nlist, "nprobe": self.nprobe})

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Self:
        import faiss

        header, arrays = _load_container(path)
        if header.get("kind") != "faiss-ivf":
            raise ValueError(f"not an IVF index: {header.get('kind')}")
        index = cls(
            int(header["dim"]), nlist=header.get("nlist"), nprobe=int(header.get("nprobe", DEFAULT_NPROBE))
        )
        index._ids = arrays["ids"].astype(np.int64)
        if "faiss" in arrays:
            loaded = faiss.deserialize_index(arrays["faiss"])
            if loaded.d != index.dim:
                raise ValueError("dimension mismatch in the index file")
            if int(loaded.ntotal) != index._ids.size:
                raise ValueError("id count does not match the IVF index")
            index._ivf = loaded
        elif index._ids.size:
            raise ValueError("ids without an IVF index")
        return index


# ----------------------------------------------------------------------------------------------------------------
# opening, recall


def load_index(path: str | os.PathLike[str]) -> VectorIndex:
    """Read any index written by `save`, dispatching on the backend recorded in the file."""
    header, _ = _load_container(path)
    kind = header.get("kind")
    if kind == "numpy":
        return NumpyIndex.load(path)
    if kind in ("faiss-flat", "faiss-hnsw"):
        return FaissIndex.load(path)
    if kind == "faiss-ivf":
        return FaissIvfIndex.load(path)
    raise ValueError(f"unknown index kind {kind!r}")


def open_index(
    path: str | os.PathLike[str], *, dim: int | None = None, expected_ids: np.ndarray | None = None
) -> VectorIndex | None:
    """Load an index only when it is intact and (given `expected_ids`) holds exactly those ids; else None.

    Checks: sidecar present, file checksum equal, loaded count and id checksum equal to the sidecar's, dimension
    as expected, and the ids equal to `expected_ids` (the store's). Any failure is logged and returns None so the
    caller rebuilds from the store.
    """
    path = Path(path)
    sidecar = read_sidecar(path)
    if sidecar is None or not path.exists():
        log.info("vector index %s missing or without sidecar", path.name)
        return None
    try:
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sidecar.get("file_sha256"):
            log.warning("vector index %s does not match its sidecar checksum", path.name)
            return None
        index = load_index(path)
    except Exception as exc:  # a corrupt file can raise anything from numpy/faiss
        log.warning("vector index %s unreadable (%s)", path.name, type(exc).__name__)
        return None
    ids = index.ids()
    if len(index) != sidecar.get("count") or ids_checksum(ids) != sidecar.get("ids_sha256"):
        log.warning("vector index %s inconsistent with its sidecar", path.name)
        return None
    if dim is not None and index.dim != dim:
        log.info("vector index %s has dimension %s, expected %s", path.name, index.dim, dim)
        return None
    if expected_ids is not None and ids_checksum(ids) != ids_checksum(expected_ids):
        log.warning("vector index %s out of step with the store", path.name)
        return None
    return index


def recall_at_k(found: np.ndarray, truth: np.ndarray) -> float:
    """Mean over query rows of |found ∩ truth| / |truth| (ids; -1 padding ignored)."""
    found = np.atleast_2d(found)
    truth = np.atleast_2d(truth)
    total = 0.0
    for f, t in zip(found, truth, strict=True):
        t_set = {int(x) for x in t if x >= 0}
        if not t_set:
            total += 1.0
            continue
        total += len(t_set & {int(x) for x in f if x >= 0}) / len(t_set)
    return total / max(1, found.shape[0])


def measure_recall(
    n: int = 100_000,
    dim: int = 384,
    k: int = 50,
    n_queries: int = 200,
    *,
    seed: int = 0,
    clustered: bool = False,
    hnsw_m: int = 32,
    ef_construction: int = 80,
    ef_search: int = 128,
    ivf: bool = False,
    nprobe: int = DEFAULT_NPROBE,
) -> dict[str, float]:
    """Recall@k and timings of the approximate FaissIndex (HNSW; `ivf=True`: FaissIvfIndex with `nprobe`)
    against exact search on random unit vectors.

    `clustered=True` draws from 200 Gaussian clusters (closer to real embeddings) instead of uniform directions,
    the hardest case for any approximate index.
    """
    rng = np.random.default_rng(seed)
    if clustered:
        centres = rng.standard_normal((200, dim)).astype(np.float32)
        base = centres[rng.integers(0, 200, n + n_queries)] + 0.6 * rng.standard_normal(
            (n + n_queries, dim)
        ).astype(np.float32)
    else:
        base = rng.standard_normal((n + n_queries, dim)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    data, queries = base[:n], base[n:]
    ids = np.arange(n, dtype=np.int64) * 3 + 7  # ids that are not positions

    exact = FaissIndex(dim, approximate_above=None)
    t0 = time.perf_counter()
    exact.add(ids, data)
    t1 = time.perf_counter()
    approx: VectorIndex
    if ivf:
        approx = FaissIvfIndex(dim, nprobe=nprobe)
    else:
        approx = FaissIndex(
            dim, approximate_above=0, hnsw_m=hnsw_m, ef_construction=ef_construction, ef_search=ef_search
        )
    approx.add(ids, data)
    t2 = time.perf_counter()
    _, truth = exact.search(queries, k)
    t3 = time.perf_counter()
    _, found = approx.search(queries, k)
    t4 = time.perf_counter()
    return {
        "n": float(n),
        "dim": float(dim),
        "k": float(k),
        "recall": recall_at_k(found, truth),
        "exact_build_s": t1 - t0,
        "approx_build_s": t2 - t1,
        "exact_ms_per_query": 1000 * (t3 - t2) / n_queries,
        "approx_ms_per_query": 1000 * (t4 - t3) / n_queries,
    }
