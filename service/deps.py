"""Shared service objects and the `Annotated[..., Depends()]` aliases routes use.

`Services` holds what one app instance shares: settings, the talent pool (built on first use, so the
embedding model loads once), the API key store and the access log.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from models.errors import ConfigError
from service.audit_log import AuditLog
from service.auth import ApiKey, KeyStore
from service.settings import Settings

if TYPE_CHECKING:
    from matcher.embedder import Embedder
    from matcher.pool import Pool
    from models.candidate import Candidate

__all__ = [
    "ApiKeyDep",
    "AuditDep",
    "PoolDep",
    "Services",
    "ServicesDep",
    "SettingsDep",
    "add_document",
    "build_embedder",
    "build_pool",
    "require_api_key",
]

KEYS_FILE = "service_keys.sqlite"
AUDIT_FILE = "audit.jsonl"


def build_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for: the real MiniLM model, or the hashing fake for tests."""
    from matcher import embedder as emb

    if settings.embedder == "hashing":
        return emb.HashingEmbedder()
    if settings.model_path:
        return emb.SentenceTransformerEmbedder(settings.model_path)
    return emb.get_default_embedder()


def build_pool(settings: Settings, embedder: Embedder | None = None) -> Pool:
    """Open the talent pool in `settings.data_dir`."""
    from matcher.pool import Pool

    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"Cannot use data directory {settings.data_dir}: {exc.strerror}") from exc
    return Pool(
        settings.data_dir,
        embedder=embedder or build_embedder(settings),
        approximate_above=settings.approximate_index_threshold,
    )


def add_document(pool: Pool, data: bytes, source_name: str | None, settings: Settings) -> Candidate:
    """Parse uploaded bytes under the configured limits and add them to the pool (type detected from bytes)."""
    from parsers.limits import Limits
    from parsers.resume import parse_resume

    resume = parse_resume(
        data, limits=Limits(max_bytes=settings.max_upload_bytes, max_pages=settings.max_pages)
    )
    return pool.add_resume(resume, source_name, data=data)


class Services:
    """Everything one app instance shares."""

    def __init__(self, settings: Settings, *, pool_factory: Callable[[Settings], Pool] | None = None) -> None:
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        pepper = settings.key_pepper.get_secret_value().encode() if settings.key_pepper else None
        self.keys = KeyStore(settings.data_dir / KEYS_FILE, pepper=pepper)
        self.audit = AuditLog(settings.data_dir / AUDIT_FILE)
        self._pool_factory = pool_factory or build_pool
        self._pool: Pool | None = None
        self._pool_lock = threading.RLock()

    @property
    def pool(self) -> Pool:
        """The talent pool, opened on first use (the Pool itself is safe to share between threads)."""
        with self._pool_lock:
            if self._pool is None:
                self._pool = self._pool_factory(self.settings)
            return self._pool

    @property
    def pool_loaded(self) -> bool:
        return self._pool is not None


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_settings_dep(services: ServicesDep) -> Settings:
    return services.settings


def get_pool(services: ServicesDep) -> Pool:
    return services.pool


def get_audit(services: ServicesDep) -> AuditLog:
    return services.audit


_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="An API key.")
_bearer = HTTPBearer(auto_error=False, description="The API key as a bearer token.")


def require_api_key(
    services: ServicesDep,
    x_api_key: Annotated[str | None, Security(_api_key_header)] = None,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)] = None,
) -> ApiKey:
    """The caller's key record, from `X-API-Key` or `Authorization: Bearer`; 401 otherwise."""
    presented = x_api_key or (bearer.credentials if bearer else None)
    return services.keys.verify(presented)


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
if TYPE_CHECKING:
    PoolDep = Annotated[Pool, Depends(get_pool)]
else:  # the matcher is imported only when the pool is first used
    PoolDep = Annotated[Any, Depends(get_pool)]
AuditDep = Annotated[AuditLog, Depends(get_audit)]
ApiKeyDep = Annotated[ApiKey, Depends(require_api_key)]
