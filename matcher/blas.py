"""OpenBLAS thread count for small products on a request's path (ranking, retrieval's pre-score)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["one_blas_thread"]

_BLAS_LOCK = threading.Lock()
_blas_state: dict[str, Any] = {"users": 0, "libs": None, "before": []}


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the block with the BLAS libraries on one thread (restored when the last concurrent caller leaves).

    A ranking or a retrieval pre-score multiplies matrices of a few hundred rows, where a BLAS thread team costs
    more than it saves whenever other work holds the cores (measured on 2 busy cores: the 200 x 200 neighbour
    similarities p95 9.9 ms on 2 threads, 0.45 ms on one), and its second thread spins on after the product
    (measured at 100k stored candidates: process CPU 196 ms a shortlist against 129 ms on one thread, for the
    same wall time). The setting is process-wide in OpenBLAS, so concurrent callers share one count of users
    and the first in / last out set and restore it. Only OpenBLAS (numpy's, FAISS's) is
    touched, not the embedding model's threads. Without threadpoolctl it does nothing.
    """
    with _BLAS_LOCK:
        if _blas_state["libs"] is None:
            try:
                from threadpoolctl import ThreadpoolController

                ctl = ThreadpoolController()
                _blas_state["libs"] = [c for c in ctl.lib_controllers if c.internal_api == "openblas"]
            except Exception:  # not installed, or a library it cannot drive: leave the threads alone
                _blas_state["libs"] = []
        if _blas_state["users"] == 0:
            libs = _blas_state["libs"]
            _blas_state["before"] = [c.num_threads for c in libs]
            for c in libs:
                c.set_num_threads(1)
        _blas_state["users"] += 1
    try:
        yield
    finally:
        with _BLAS_LOCK:
            _blas_state["users"] -= 1
            if _blas_state["users"] == 0:
                for c, n in zip(_blas_state["libs"], _blas_state["before"], strict=True):
                    c.set_num_threads(n)
