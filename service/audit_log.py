"""Append-only access log: which key viewed, ranked, exported or erased what, and when.

One JSON object per line with ids only (never resume text, names or contact details). Each line carries
the SHA-256 of the previous line's hash and its own content, so an edited or deleted line breaks the
chain and `verify()` finds it. Appends take an exclusive file lock, so the server and the CLI can share it.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = ["ACTIONS", "AuditLog"]

ACTIONS = frozenset(
    {
        "upload",
        "list",
        "view",
        "reveal",
        "export",
        "reparse",
        "erase",
        "create_job",
        "view_job",
        "update_weights",
        "rank",
        "search",
        "feedback",
        "learn_weights",
        "bias_audit",
        "create_key",
        "revoke_key",
        "read_audit_log",
        "ingest",
    }
)
_GENESIS = "0" * 64
_SCALAR = (str, int, float, bool)


def _entry_hash(prev: str, body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256((prev + canonical).encode("ascii")).hexdigest()


class AuditLog:
    """The access log file, `audit.jsonl` under the data directory."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def record(
        self,
        action: str,
        *,
        key_id: str | None,
        candidate_ids: Iterable[str] = (),
        job_id: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Append one entry. `details` holds small scalars only (counts, top, decision), never free text."""
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        clean: dict[str, Any] = {}
        for k, v in (details or {}).items():
            if isinstance(v, _SCALAR) or v is None:
                clean[str(k)] = v
        body: dict[str, Any] = {
            "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "key_id": key_id,
            "action": action,
            "candidate_ids": [str(c) for c in candidate_ids],
            "job_id": job_id,
            "details": clean,
        }
        with self._lock, open(self.path, "a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                prev, seq = self._tail(fh)
                body["seq"] = seq + 1
                body["prev"] = prev
                body["hash"] = _entry_hash(prev, body)
                fh.seek(0, os.SEEK_END)
                fh.write((json.dumps(body, sort_keys=True, ensure_ascii=True) + "\n").encode("ascii"))
                fh.flush()
                os.fsync(fh.fileno())
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        return body

    @staticmethod
    def _tail(fh: Any) -> tuple[str, int]:
        """The last entry's hash and sequence number (genesis when empty)."""
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return _GENESIS, 0
        chunk = 4096
        while True:
            start = max(0, size - chunk)
            fh.seek(start)
            lines = fh.read(size - start).splitlines()
            if len(lines) >= 2 or start == 0:
                last = json.loads(lines[-1])
                return str(last["hash"]), int(last["seq"])
            chunk *= 4

    def entries(self) -> Iterator[dict[str, Any]]:
        """Every entry, oldest first."""
        if not self.path.exists():
            return
        with open(self.path, encoding="ascii") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)

    def page(self, offset: int = 0, limit: int = 50, newest_first: bool = True) -> tuple[list[dict], int]:
        """A page of entries and the total count."""
        items = list(self.entries())
        if newest_first:
            items.reverse()
        return items[offset : offset + limit], len(items)

    def verify(self) -> tuple[bool, int]:
        """Check the hash chain; returns (intact, number of entries checked before any break)."""
        prev = _GENESIS
        n = 0
        for entry in self.entries():
            body = {k: v for k, v in entry.items() if k != "hash"}
            if entry.get("prev") != prev or _entry_hash(prev, body) != entry.get("hash"):
                return False, n
            prev = entry["hash"]
            n += 1
        return True, n
