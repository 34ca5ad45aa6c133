"""Embedder contract, run against every backend; the real MiniLM is loaded once per session."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.embedder import (
    Embedder,
    HashingEmbedder,
    SentenceTransformerEmbedder,
    cosine_matrix,
    get_default_embedder,
    native_bfloat16,
    resolve_dtype,
    resolve_model_dir,
    torch_threads,
)
from models.errors import ConfigError

TEXTS = ["Senior Python developer, Django and PostgreSQL", "Executive chef, menu planning", ""]


@pytest.fixture(params=["hashing", "minilm"])
def embedder(request: pytest.FixtureRequest) -> Embedder:
    return request.getfixturevalue(f"{request.param}_embedder")


class TestEmbedderContract:
    def test_is_embedder(self, embedder: Embedder) -> None:
        assert isinstance(embedder, Embedder)
        assert embedder.dim == 384
        assert embedder.name

    def test_shape_dtype_normalized(self, embedder: Embedder) -> None:
        v = embedder.encode(TEXTS[:2])
        assert v.shape == (2, 384)
        assert v.dtype == np.float32
        assert np.linalg.norm(v, axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)

    def test_empty_list(self, embedder: Embedder) -> None:
        assert embedder.encode([]).shape == (0, 384)

    def test_empty_text_is_finite(self, embedder: Embedder) -> None:
        assert np.isfinite(embedder.encode([""])).all()

    def test_deterministic(self, embedder: Embedder) -> None:
        np.testing.assert_allclose(embedder.encode(TEXTS[:1]), embedder.encode(TEXTS[:1]), atol=1e-5)

    def test_batching_matches_single(self, embedder: Embedder) -> None:
        both = embedder.encode(TEXTS[:2])
        np.testing.assert_allclose(both[1], embedder.encode(TEXTS[1:2])[0], atol=1e-4)


def test_minilm_meaning(minilm_embedder: SentenceTransformerEmbedder) -> None:
    v = minilm_embedder.encode(["software engineer", "python programmer", "pastry chef"])
    sims = v @ v.T
    assert sims[0, 1] > sims[0, 2]
    assert minilm_embedder.name == "all-MiniLM-L6-v2"


def test_default_embedder_is_cached() -> None:
    assert get_default_embedder() is get_default_embedder()


def test_shorter_token_limit_shares_the_model(minilm_embedder: SentenceTransformerEmbedder) -> None:
    short = SentenceTransformerEmbedder(max_seq_length=128)
    assert short._model is minilm_embedder._model
    assert short.name.endswith("@128")
    assert short.encode(["hello world"]).shape == (1, 384)
    assert minilm_embedder._model.max_seq_length == 256  # restored after encoding


def test_hashing_similar_texts() -> None:
    e = HashingEmbedder(dim=64)
    v = e.encode(["python developer", "python developer senior", "chef"])
    assert v[0] @ v[1] > 0.5 > abs(float(v[0] @ v[2]))


def test_hashing_rejects_bad_dim() -> None:
    with pytest.raises(ValueError):
        HashingEmbedder(dim=0)


def test_missing_model_dir_is_config_error(tmp_path) -> None:
    with pytest.raises(ConfigError):
        resolve_model_dir(tmp_path / "nope")


def test_env_model_dir(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("SHORTLIST_MODEL_PATH", str(tmp_path))
    assert resolve_model_dir() == tmp_path


def test_cosine_matrix() -> None:
    a = np.array([[3.0, 4.0], [1.0, 0.0]])
    b = np.array([[0.0, 2.0]])
    assert cosine_matrix(a, b)[:, 0] == pytest.approx([0.8, 0.0])


def test_dtype_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHORTLIST_EMBED_DTYPE", raising=False)
    assert resolve_dtype("float32") == "float32"
    assert resolve_dtype("BFloat16") == "bfloat16"
    assert resolve_dtype() == ("bfloat16" if native_bfloat16() else "float32")
    assert resolve_dtype("auto", device="cuda") == "float32"
    monkeypatch.setenv("SHORTLIST_EMBED_DTYPE", "float32")
    assert resolve_dtype() == "float32"
    with pytest.raises(ConfigError):
        resolve_dtype("int4")


def test_bfloat16_agrees_with_float32(minilm_embedder: SentenceTransformerEmbedder) -> None:
    """Both weight types give the same vectors up to rounding, so stored vectors serve either."""
    texts = [*TEXTS[:2], "Registered nurse, intensive care, patient assessment and charting"]
    full = SentenceTransformerEmbedder(dtype="float32")
    half = SentenceTransformerEmbedder(dtype="bfloat16")
    assert full.name == half.name == minilm_embedder.name
    cos = (full.encode(texts) * half.encode(texts)).sum(axis=1)
    assert cos.min() > 0.999


def test_torch_threads_restores(minilm_embedder: SentenceTransformerEmbedder) -> None:
    import torch

    before = torch.get_num_threads()
    with torch_threads(1):
        assert torch.get_num_threads() == 1
        assert minilm_embedder.encode(["hello"]).shape == (1, 384)
    assert torch.get_num_threads() == before


def test_pass_size_does_not_change_vectors(minilm_embedder: SentenceTransformerEmbedder) -> None:
    """Texts of mixed lengths give the same vectors whether passes hold one text or all of them (padding is
    masked), so the pass size is a speed setting only."""
    texts = [("python developer " * n).strip() for n in (1, 3, 9, 27, 2, 5)]
    one = SentenceTransformerEmbedder(batch_size=1).encode(texts)
    many = SentenceTransformerEmbedder(batch_size=len(texts)).encode(texts)
    assert ((one * many).sum(axis=1)).min() > 0.999
