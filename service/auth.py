"""API keys: random, shown once, stored only as an HMAC-SHA256 hash.

A key reads `slk_<id>_<secret>`: the id (public, used in the audit log and to revoke) finds the row, and
the hash of the whole key is compared in constant time. The secret has 256 bits of entropy, so a fast hash
is enough; `Settings.key_pepper` adds a server-side secret to the hash when set.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from models.errors import NotFound, Unauthorized, ValidationFailed

__all__ = ["KEY_PREFIX", "ApiKey", "KeyStore", "hash_key"]

KEY_PREFIX = "slk"
_DEFAULT_PEPPER = b"shortlist-api-key-v1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
)
"""


@dataclass(frozen=True)
class ApiKey:
    """A stored key's public record (never the key itself)."""

    id: str
    name: str
    created_at: str
    revoked_at: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def hash_key(key: str, pepper: bytes | None = None) -> str:
    """HMAC-SHA256 of the full key, hex."""
    return hmac.new(pepper or _DEFAULT_PEPPER, key.encode("utf-8"), hashlib.sha256).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class KeyStore:
    """API keys in a small SQLite file under the data directory."""

    def __init__(self, path: Path, *, pepper: bytes | None = None) -> None:
        self.path = Path(path)
        self._pepper = pepper
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            con.execute(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        con = sqlite3.connect(self.path, timeout=10)
        try:
            with con:
                yield con
        finally:
            con.close()

    def create(self, name: str = "default") -> tuple[ApiKey, str]:
        """Create a key; returns its record and the plain key, which is never stored or shown again."""
        name = name.strip()
        if not name or len(name) > 100:
            raise ValidationFailed("A key name must be 1 to 100 characters.")
        key_id = secrets.token_hex(6)
        plain = f"{KEY_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
        record = ApiKey(id=key_id, name=name, created_at=_now())
        with self._connect() as con:
            con.execute(
                "INSERT INTO api_keys (id, name, key_hash, created_at) VALUES (?, ?, ?, ?)",
                (record.id, record.name, hash_key(plain, self._pepper), record.created_at),
            )
        return record, plain

    def list(self) -> list[ApiKey]:
        """Every key record, oldest first."""
        with self._connect() as con:
            rows = con.execute(
                "SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY created_at, id"
            ).fetchall()
        return [ApiKey(*row) for row in rows]

    def count_active(self) -> int:
        with self._connect() as con:
            (n,) = con.execute("SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NULL").fetchone()
        return int(n)

    def revoke(self, key_id: str) -> ApiKey:
        """Revoke a key by id; raises NotFound for an unknown id."""
        with self._connect() as con:
            con.execute(
                "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", (_now(), key_id)
            )
            row = con.execute(
                "SELECT id, name, created_at, revoked_at FROM api_keys WHERE id = ?", (key_id,)
            ).fetchone()
        if row is None:
            raise NotFound(f"No API key with id {key_id!r}.")
        return ApiKey(*row)

    def verify(self, key: str | None) -> ApiKey:
        """The active key record for a presented key; raises Unauthorized otherwise."""
        if not key:
            raise Unauthorized("An API key is required (X-API-Key header or Authorization: Bearer).")
        parts = key.strip().split("_", 2)
        if len(parts) != 3 or parts[0] != KEY_PREFIX or len(key) > 200:
            raise Unauthorized("The API key is not valid.")
        with self._connect() as con:
            row = con.execute(
                "SELECT id, name, created_at, revoked_at, key_hash FROM api_keys WHERE id = ?", (parts[1],)
            ).fetchone()
        expected = row[4] if row else hash_key("missing", self._pepper)
        ok = hmac.compare_digest(expected, hash_key(key.strip(), self._pepper))
        if row is None or not ok or row[3] is not None:
            raise Unauthorized("The API key is not valid.")
        return ApiKey(*row[:4])
