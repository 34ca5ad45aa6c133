"""Session-wide fixtures: the real MiniLM embedder (loaded once) and the hashing fake."""

from __future__ import annotations

import pytest

from matcher.embedder import HashingEmbedder, SentenceTransformerEmbedder, get_default_embedder


@pytest.fixture(scope="session")
def minilm_embedder() -> SentenceTransformerEmbedder:
    """The packaged all-MiniLM-L6-v2 (or $SHORTLIST_MODEL_PATH), loaded once per test session."""
    return get_default_embedder()


@pytest.fixture(scope="session")
def hashing_embedder() -> HashingEmbedder:
    """A fast deterministic fake embedder."""
    return HashingEmbedder(dim=384)
