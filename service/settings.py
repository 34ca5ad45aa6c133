"""One `Settings` object for the service and the CLI, read from `SHORTLIST_*` environment variables."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    """Service configuration. Every field can be set as `SHORTLIST_<FIELD>` (e.g. `SHORTLIST_DATA_DIR`)."""

    model_config = SettingsConfigDict(env_prefix="SHORTLIST_", extra="ignore")

    data_dir: Path = Path("data")
    model_path: str | None = None  # a sentence-transformers model directory; default: packaged MiniLM
    embedder: Literal["minilm", "hashing"] = "minilm"
    blind: bool = True  # keep names, contact details and age proxies out of scoring and shortlists
    approximate_index_threshold: int = Field(default=50_000, ge=1)

    # Untrusted input limits.
    max_upload_bytes: int = Field(default=10_000_000, ge=1)  # per file
    max_files_per_upload: int = Field(default=50, ge=1)
    max_pages: int = Field(default=30, ge=1)
    max_job_chars: int = Field(default=50_000, ge=100)
    page_size_default: int = Field(default=20, ge=1)
    page_size_max: int = Field(default=100, ge=1)
    shortlist_max: int = Field(default=200, ge=1)

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)

    # Optional secret mixed into API-key hashes (HMAC-SHA256). Changing it invalidates every stored key.
    key_pepper: SecretStr | None = None
    cookie_secure: bool = False  # set when served behind HTTPS so the web session cookie is Secure

    @property
    def max_request_bytes(self) -> int:
        """Largest request body accepted: a full batch of maximum-size files plus multipart overhead."""
        return self.max_upload_bytes * self.max_files_per_upload + 1_000_000


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings from the environment (tests build their own `Settings` instead)."""
    return Settings()
