"""Candidate store: the `CandidateStore` Protocol and its embedded SQLite backend.

The store keeps candidates (resume JSON, bookkeeping, duplicate flag), their embeddings (float32 blobs per model),
optional original files, jobs and recruiter feedback. Every candidate also gets a stable int64 number (never
reused, SQLite AUTOINCREMENT) that the vector index uses as its id. A server database can replace `SqliteStore`
by implementing the same Protocol; `tests/matcher/test_store.py` is the contract every backend must pass.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

import numpy as np

from matcher.dedupe import Fingerprint
from models import Candidate, Job, NotFound, Resume, ValidationFailed

log = logging.getLogger(__name__)

Decision = Literal["advance", "reject"]
DECISIONS: tuple[str, ...] = ("advance", "reject")


@dataclass(frozen=True)
class Feedback:
    """One recruiter decision about a candidate for a job."""

    id: int
    job_id: str
    candidate_id: str
    decision: str
    ts: datetime


@dataclass(frozen=True)
class CandidateFacts:
    """Per-candidate facts that search filters on without loading the resume."""

    candidate_id: str
    num: int
    total_months: int
    location: str | None
    duplicate_of: str | None


@dataclass(frozen=True)
class EmbeddingMatrix:
    """Every stored embedding of one model: candidate ids, their int64 numbers and the float32 matrix (rows align)."""

    ids: list[str]
    nums: np.ndarray
    vectors: np.ndarray


class StoredResume:
    """A stored candidate's resume, parsed from its JSON on first read (`resume`), with the columns a
    shortlist reads beside it. Parsing costs ~0.4 ms a resume; a shortlist reads only those it scores."""

    __slots__ = ("_json", "_resume", "content_hash", "id", "source_name")

    def __init__(
        self, candidate_id: str, source_name: str | None, content_hash: str | None, resume_json: str
    ):
        self.id = candidate_id
        self.source_name = source_name
        self.content_hash = content_hash
        self._json = resume_json
        self._resume: Resume | None = None

    @property
    def resume(self) -> Resume:
        if self._resume is None:
            self._resume = Resume.model_validate_json(self._json)
        return self._resume


# (candidate id, content hash, version, space-joined tokens, headline, value view JSON): what ranking reads of a
# candidate besides its vectors, derived from its stored content by the code that `version` names
RankingInputs = tuple[str, str | None, str, str, str | None, str]


@runtime_checkable
class CandidateStore(Protocol):
    """Persistence for candidates, embeddings, files, jobs and feedback."""

    # candidates
    def put_candidate(
        self,
        candidate: Candidate,
        *,
        fingerprint: Fingerprint | None = None,
        profile: str | None = None,
        lexical: str | None = None,
    ) -> int:
        """Insert or replace a candidate (by id); returns its int64 number, stable across updates.

        `fingerprint` replaces the duplicate-detection keys; `profile` is the blinded profile text kept for
        lexical recall; `lexical` the blinded full text that lexical scoring reads (saves re-blinding)."""
        ...

    def lexical_texts(self, candidate_ids: Sequence[str]) -> dict[str, str]:
        """The stored blinded full texts of the candidates that have one."""
        ...

    def put_ranking_inputs(self, items: Sequence[RankingInputs]) -> int:
        """Keep (id, content hash, version, space-joined tokens, headline, value view JSON) where the content
        hash still holds."""
        ...

    def ranking_inputs(
        self, candidate_ids: Sequence[str], version: str
    ) -> dict[str, tuple[str, str | None, str]]:
        """(space-joined tokens, headline, value view JSON) kept for the candidates among the ids by `version`."""
        ...

    def profiles(self) -> list[tuple[str, str]]:
        """(candidate_id, blinded profile text) of every candidate stored with one."""
        ...

    def get_candidate(self, candidate_id: str) -> Candidate:
        """The candidate; raises NotFound."""
        ...

    def get_candidates(self, candidate_ids: Sequence[str]) -> dict[str, Candidate]:
        """The candidates that exist among the ids."""
        ...

    def get_stored_resumes(self, candidate_ids: Sequence[str]) -> dict[str, StoredResume]:
        """The resumes of the candidates that exist among the ids, each parsed only when read."""
        ...

    def has_candidate(self, candidate_id: str) -> bool: ...

    def delete_candidate(self, candidate_id: str) -> bool:
        """Remove the candidate and everything attached (embeddings, keys, skills, file, feedback)."""
        ...

    def list_candidates(self, offset: int = 0, limit: int = 50) -> list[Candidate]:
        """Candidates in insertion order."""
        ...

    def count_candidates(self) -> int: ...

    def candidate_ids(self) -> list[str]: ...

    def nums_for(self, candidate_ids: Sequence[str]) -> dict[str, int]: ...

    def ids_for(self, nums: Iterable[int]) -> dict[int, str]: ...

    def set_duplicate_of(self, candidate_id: str, duplicate_of: str | None) -> None: ...

    def duplicates_of(self, candidate_id: str) -> list[str]:
        """Candidates flagged as duplicates of this one, oldest first."""
        ...

    def find_by_keys(self, keys: Sequence[tuple[str, str]]) -> list[str]:
        """Candidates sharing at least one fingerprint key, oldest first."""
        ...

    def get_signatures(self, candidate_ids: Sequence[str]) -> dict[str, np.ndarray]: ...

    def keys_of(self, candidate_ids: Sequence[str], kind: str) -> dict[str, set[str]]:
        """Fingerprint key values of one kind per candidate (candidates without any are left out)."""
        ...

    def find_by_content_hash(self, content_hash: str) -> list[str]: ...

    def candidate_facts(self) -> list[CandidateFacts]: ...

    def skill_postings(self) -> list[tuple[str, str, int]]:
        """(candidate_id, skill_id, months) for every stored skill mention."""
        ...

    # embeddings
    def put_embedding(self, candidate_id: str, model: str, vector: np.ndarray) -> None: ...

    def get_embeddings(self, candidate_ids: Sequence[str], model: str) -> dict[str, np.ndarray]: ...

    def load_embeddings(self, model: str) -> EmbeddingMatrix: ...

    def embedding_nums(self, model: str) -> np.ndarray:
        """Sorted int64 numbers of the candidates that have an embedding for the model."""
        ...

    def missing_embeddings(self, model: str) -> list[str]: ...

    def put_embeddings(self, items: Sequence[tuple[str, np.ndarray]], model: str) -> None: ...

    def put_embeddings_if_current(
        self, items: Sequence[tuple[str, str | None, np.ndarray]], model: str
    ) -> int:
        """Store (candidate id, content hash, vector) rows only where the candidate still has that content hash."""
        ...

    def pending_views(
        self, model: str, *, after_num: int = 0, limit: int = 32
    ) -> list[tuple[int, str, str | None, str | None]]:
        """(num, id, content hash, blinded text or None) of the next `limit` candidates after `after_num`, by
        number, that have no `model` embedding."""
        ...

    def delete_embedding(self, candidate_id: str, model: str) -> None: ...

    # files
    def put_file(self, candidate_id: str, name: str, data: bytes) -> None: ...

    def get_file(self, candidate_id: str) -> tuple[str, bytes] | None: ...

    # jobs
    def put_job(self, job: Job) -> None: ...

    def get_job(self, job_id: str) -> Job: ...

    def list_jobs(self, offset: int = 0, limit: int = 50) -> list[Job]: ...

    def count_jobs(self) -> int: ...

    def delete_job(self, job_id: str) -> bool: ...

    # feedback
    def add_feedback(
        self, job_id: str, candidate_id: str, decision: str, ts: datetime | None = None
    ) -> Feedback: ...

    def list_feedback(self, job_id: str | None = None) -> list[Feedback]: ...

    def data_version(self) -> int:
        """A number that changes when another connection or process commits (for refreshing caches)."""
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """A context manager: the writes inside commit together or not at all."""
        ...

    def close(self) -> None: ...


# ----------------------------------------------------------------------------------------------------------------
# schema

SCHEMA_VERSION = 4


MMAP_BYTES = 1 << 31  # of the database file read through a memory map (the OS page cache, not process heap)


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT first; run statement by statement inside the migration's transaction
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _migrate_v1(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE candidates(
            num INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            source_name TEXT,
            content_hash TEXT,
            duplicate_of TEXT REFERENCES candidates(id) ON DELETE SET NULL,
            resume_json TEXT NOT NULL,
            tags_json TEXT NOT NULL DEFAULT '[]',
            total_months INTEGER NOT NULL DEFAULT 0,
            location TEXT,
            profile TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX candidates_content_hash ON candidates(content_hash);
        CREATE INDEX candidates_duplicate_of ON candidates(duplicate_of);
        CREATE TABLE candidate_keys(
            candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY(candidate_id, kind, value)
        );
        CREATE INDEX candidate_keys_lookup ON candidate_keys(kind, value);
        CREATE TABLE signatures(
            candidate_id TEXT PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        );
        CREATE TABLE candidate_skills(
            candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
            skill_id TEXT NOT NULL,
            months INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(candidate_id, skill_id)
        );
        CREATE INDEX candidate_skills_skill ON candidate_skills(skill_id);
        CREATE TABLE embeddings(
            candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY(candidate_id, model)
        );
        CREATE TABLE files(
            candidate_id TEXT PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            path TEXT,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            data BLOB
        );
        CREATE TABLE jobs(
            id TEXT PRIMARY KEY,
            title TEXT,
            text TEXT NOT NULL,
            job_json TEXT NOT NULL,
            weights_json TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE feedback(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
            decision TEXT NOT NULL CHECK(decision IN ('advance', 'reject')),
            ts TEXT NOT NULL
        );
        CREATE INDEX feedback_job ON feedback(job_id);
        CREATE INDEX feedback_candidate ON feedback(candidate_id);
        """,
    )


def _migrate_v2(conn: sqlite3.Connection) -> None:
    # the blinded full text, so ranking does not re-blind every recalled resume per shortlist
    conn.execute("ALTER TABLE candidates ADD COLUMN lexical TEXT")


def _migrate_v3(conn: sqlite3.Connection) -> None:
    # what ranking derives from a candidate's stored text (tokens, blinded headline), kept per candidate so a
    # shortlist need not derive it again; `version` names the code that derived it (rows of other code are unused)
    _run_script(
        conn,
        """
        CREATE TABLE ranking_inputs(
            candidate_id TEXT PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            tokens TEXT NOT NULL,
            headline TEXT
        )
        """,
    )


def _migrate_v4(conn: sqlite3.Connection) -> None:
    # the candidate's value view (`matcher.pool.value_view`: skills, positions and education levels without text
    # or evidence) that ranking scores on; rows kept before it have none and are derived again when read
    conn.execute("ALTER TABLE ranking_inputs ADD COLUMN value_view TEXT")


# Each entry upgrades the schema from version i to i + 1; append, never edit a released one.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_v1, _migrate_v2, _migrate_v3, _migrate_v4]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to SCHEMA_VERSION (PRAGMA user_version), each step in its own transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        from models import ConfigError

        raise ConfigError(f"database schema version {version} is newer than this code ({len(MIGRATIONS)})")
    for step in range(version, len(MIGRATIONS)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[step](conn)
            conn.execute(f"PRAGMA user_version = {step + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        log.info("store schema migrated to version %s", step + 1)
    return len(MIGRATIONS)


# ----------------------------------------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(ts: datetime) -> str:
    return ts.isoformat()


def _safe_name(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ".bin"


def _vector_blob(vector: np.ndarray) -> tuple[int, bytes]:
    arr = np.ascontiguousarray(np.asarray(vector, dtype=np.float32).reshape(-1))
    return arr.shape[0], arr.tobytes()


class SqliteStore:
    """`CandidateStore` on one SQLite file (WAL, foreign keys, secure delete); ':memory:' for tests.

    One connection shared by threads behind a re-entrant lock. Original files go to `files_dir`
    (default: `files/` beside the database file) or, for an in-memory store, into the database itself.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, files_dir: str | os.PathLike[str] | None = None
    ) -> None:
        self.path = str(path)
        self._memory = self.path == ":memory:"
        if files_dir is not None:
            self.files_dir: Path | None = Path(files_dir)
        elif self._memory:
            self.files_dir = None
        else:
            self.files_dir = Path(self.path).resolve().parent / "files"
        if not self._memory:
            Path(self.path).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not Path(self.path).exists():  # resumes are personal data: owner-only (the WAL follows suit)
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        self._lock = threading.RLock()
        self._depth = 0
        self._pending_unlinks: list[Path] = []
        self._new_files: list[Path] = []  # files created inside the open transaction (removed on rollback)
        self._closed = False
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30.0)
        self._conn.execute("PRAGMA foreign_keys = ON")
        # Erased rows must not linger in free pages: overwrite deleted content with zeros.
        self._conn.execute("PRAGMA secure_delete = ON")
        if not self._memory:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            # reads through a memory map instead of a read() copy per page: a shortlist reads ~1,500 rows at
            # random (vectors of the recalled candidates, resumes, ranking inputs), and on a 100k pool that took
            # 6.9 instead of 12.6 ms of CPU for the 1,300 vectors (SQLite caps the map at its build's limit,
            # 2 GiB here; pages beyond it are read as before)
            self._conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        migrate(self._conn)

    # -- plumbing ------------------------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Writes inside commit together; nested use joins the outer transaction."""
        with self._lock:
            outer = self._depth == 0
            if outer:
                self._conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if outer:
                    self._conn.execute("ROLLBACK")
                    self._pending_unlinks.clear()
                    for path in self._new_files:
                        path.unlink(missing_ok=True)
                    self._new_files.clear()
                raise
            self._depth -= 1
            if outer:
                self._conn.execute("COMMIT")
                for path in self._pending_unlinks:
                    path.unlink(missing_ok=True)
                self._pending_unlinks.clear()
                self._new_files.clear()

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._conn.execute(sql, params).fetchall())

    _IN_CHUNK = 500  # values bound per "IN (...)" (older SQLite builds allow 999 parameters a statement)

    def _query_in(self, sql: str, values: Sequence[object], *params: object) -> Iterator[sqlite3.Row]:
        """Rows of `sql`, whose "{marks}" is the "IN (...)" list, over `values` a chunk at a time; `params`
        bind the placeholders before the list."""
        for start in range(0, len(values), self._IN_CHUNK):
            chunk = values[start : start + self._IN_CHUNK]
            yield from self._query(sql.format(marks=",".join("?" * len(chunk))), [*params, *chunk])

    def checkpoint(self) -> None:
        """Fold the WAL into the main file and truncate it, so erased pages leave no copy in the WAL."""
        if not self._memory:
            with self._lock:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Fold the WAL and close (idempotent)."""
        with self._lock:
            if self._closed:
                return
            self.checkpoint()
            self._conn.close()
            self._closed = True

    def data_version(self) -> int:
        return int(self._query("PRAGMA data_version")[0][0])

    def schema_version(self) -> int:
        return int(self._query("PRAGMA user_version")[0][0])

    # -- candidates ----------------------------------------------------------------------------------------------

    def put_candidate(
        self,
        candidate: Candidate,
        *,
        fingerprint: Fingerprint | None = None,
        profile: str | None = None,
        lexical: str | None = None,
    ) -> int:
        now = _now()
        resume = candidate.resume
        location = resume.contact.location.value if resume.contact.location else None
        with self.transaction():
            row = self._conn.execute(
                "SELECT num, created_at FROM candidates WHERE id = ?", (candidate.id,)
            ).fetchone()
            created = candidate.created_at or (datetime.fromisoformat(row[1]) if row else now)
            values = (
                candidate.source_name,
                candidate.content_hash,
                candidate.duplicate_of,
                resume.model_dump_json(),
                json.dumps(candidate.tags),
                int(resume.total_experience_months or 0),
                location,
                profile,
                lexical,
                _iso(created),
                _iso(candidate.updated_at or now),
            )
            if row is None:
                cur = self._conn.execute(
                    "INSERT INTO candidates(source_name, content_hash, duplicate_of, resume_json, tags_json,"
                    " total_months, location, profile, lexical, created_at, updated_at, id)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (*values, candidate.id),
                )
                num = int(cur.lastrowid or 0)
            else:
                num = int(row[0])
                # what was derived from the old content goes with it
                self._conn.execute("DELETE FROM ranking_inputs WHERE candidate_id = ?", (candidate.id,))
                self._conn.execute(
                    "UPDATE candidates SET source_name=?, content_hash=?, duplicate_of=?, resume_json=?, tags_json=?,"
                    " total_months=?, location=?, profile=?, lexical=?, created_at=?, updated_at=? WHERE id=?",
                    (*values, candidate.id),
                )
            self._conn.execute("DELETE FROM candidate_skills WHERE candidate_id = ?", (candidate.id,))
            self._conn.executemany(
                "INSERT OR REPLACE INTO candidate_skills(candidate_id, skill_id, months) VALUES (?,?,?)",
                [(candidate.id, s.skill_id, int(s.months or 0)) for s in resume.skills],
            )
            if fingerprint is not None:
                self._conn.execute("DELETE FROM candidate_keys WHERE candidate_id = ?", (candidate.id,))
                self._conn.executemany(
                    "INSERT OR IGNORE INTO candidate_keys(candidate_id, kind, value) VALUES (?,?,?)",
                    [(candidate.id, kind, value) for kind, value in fingerprint.all_keys()],
                )
                self._conn.execute("DELETE FROM signatures WHERE candidate_id = ?", (candidate.id,))
                if fingerprint.signature is not None:
                    self._conn.execute(
                        "INSERT INTO signatures(candidate_id, signature) VALUES (?, ?)",
                        (candidate.id, np.asarray(fingerprint.signature, dtype=np.uint32).tobytes()),
                    )
        return num

    @staticmethod
    def _candidate(row: sqlite3.Row | tuple[object, ...]) -> Candidate:
        cid, source_name, chash, dup, resume_json, tags_json, created, updated = row
        return Candidate(
            id=str(cid),
            resume=Resume.model_validate_json(str(resume_json)),
            source_name=source_name,  # type: ignore[arg-type]
            content_hash=chash,  # type: ignore[arg-type]
            duplicate_of=dup,  # type: ignore[arg-type]
            tags=json.loads(str(tags_json)),
            created_at=datetime.fromisoformat(str(created)),
            updated_at=datetime.fromisoformat(str(updated)),
        )

    _CANDIDATE_COLUMNS = (
        "id, source_name, content_hash, duplicate_of, resume_json, tags_json, created_at, updated_at"
    )

    def get_candidate(self, candidate_id: str) -> Candidate:
        rows = self._query(f"SELECT {self._CANDIDATE_COLUMNS} FROM candidates WHERE id = ?", (candidate_id,))
        if not rows:
            raise NotFound(f"no candidate {candidate_id}")
        return self._candidate(rows[0])

    def get_candidates(self, candidate_ids: Sequence[str]) -> dict[str, Candidate]:
        out: dict[str, Candidate] = {}
        ids = list(dict.fromkeys(candidate_ids))
        for row in self._query_in(
            f"SELECT {self._CANDIDATE_COLUMNS} FROM candidates WHERE id IN ({{marks}})", ids
        ):
            cand = self._candidate(row)
            out[cand.id] = cand
        return {cid: out[cid] for cid in ids if cid in out}

    def get_stored_resumes(self, candidate_ids: Sequence[str]) -> dict[str, StoredResume]:
        out: dict[str, StoredResume] = {}
        ids = list(dict.fromkeys(candidate_ids))
        for cid, source_name, chash, resume_json in self._query_in(
            "SELECT id, source_name, content_hash, resume_json FROM candidates WHERE id IN ({marks})", ids
        ):
            out[str(cid)] = StoredResume(str(cid), source_name, chash, str(resume_json))
        return {cid: out[cid] for cid in ids if cid in out}

    def has_candidate(self, candidate_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM candidates WHERE id = ?", (candidate_id,)))

    def delete_candidate(self, candidate_id: str) -> bool:
        with self.transaction():
            rows = self._conn.execute(
                "SELECT path FROM files WHERE candidate_id = ?", (candidate_id,)
            ).fetchall()
            cur = self._conn.execute("DELETE FROM candidates WHERE id = ?", (candidate_id,))
            if self.files_dir is not None:
                self._pending_unlinks.extend(self.files_dir / str(r[0]) for r in rows if r[0])
        if cur.rowcount:
            log.info("candidate %s deleted from the store", candidate_id)
        return bool(cur.rowcount)

    def list_candidates(self, offset: int = 0, limit: int = 50) -> list[Candidate]:
        rows = self._query(
            f"SELECT {self._CANDIDATE_COLUMNS} FROM candidates ORDER BY num LIMIT ? OFFSET ?",
            (max(0, int(limit)), max(0, int(offset))),
        )
        return [self._candidate(r) for r in rows]

    def count_candidates(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM candidates")[0][0])

    def candidate_ids(self) -> list[str]:
        return [str(r[0]) for r in self._query("SELECT id FROM candidates ORDER BY num")]

    def nums_for(self, candidate_ids: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        out.update(
            (str(r[0]), int(r[1]))
            for r in self._query_in(
                "SELECT id, num FROM candidates WHERE id IN ({marks})", list(candidate_ids)
            )
        )
        return out

    def ids_for(self, nums: Iterable[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        out.update(
            (int(r[0]), str(r[1]))
            for r in self._query_in(
                "SELECT num, id FROM candidates WHERE num IN ({marks})", [int(n) for n in nums]
            )
        )
        return out

    def set_duplicate_of(self, candidate_id: str, duplicate_of: str | None) -> None:
        with self.transaction():
            cur = self._conn.execute(
                "UPDATE candidates SET duplicate_of = ?, updated_at = ? WHERE id = ?",
                (duplicate_of, _iso(_now()), candidate_id),
            )
        if not cur.rowcount:
            raise NotFound(f"no candidate {candidate_id}")

    def duplicates_of(self, candidate_id: str) -> list[str]:
        return [
            str(r[0])
            for r in self._query(
                "SELECT id FROM candidates WHERE duplicate_of = ? ORDER BY num", (candidate_id,)
            )
        ]

    def find_by_keys(self, keys: Sequence[tuple[str, str]]) -> list[str]:
        if not keys:
            return []
        clause = " OR ".join("(k.kind = ? AND k.value = ?)" for _ in keys)
        params = [v for key in keys for v in key]
        rows = self._query(
            f"SELECT DISTINCT c.id, c.num FROM candidate_keys k JOIN candidates c ON c.id = k.candidate_id"
            f" WHERE {clause} ORDER BY c.num",
            params,
        )
        return [str(r[0]) for r in rows]

    def find_by_content_hash(self, content_hash: str) -> list[str]:
        rows = self._query("SELECT id FROM candidates WHERE content_hash = ? ORDER BY num", (content_hash,))
        return [str(r[0]) for r in rows]

    def get_signatures(self, candidate_ids: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for cid, blob in self._query_in(
            "SELECT candidate_id, signature FROM signatures WHERE candidate_id IN ({marks})",
            list(candidate_ids),
        ):
            out[str(cid)] = np.frombuffer(blob, dtype=np.uint32).copy()
        return out

    def keys_of(self, candidate_ids: Sequence[str], kind: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for cid, value in self._query_in(
            "SELECT candidate_id, value FROM candidate_keys WHERE kind = ? AND candidate_id IN ({marks})",
            list(candidate_ids),
            kind,
        ):
            out.setdefault(str(cid), set()).add(str(value))
        return out

    def candidate_facts(self) -> list[CandidateFacts]:
        rows = self._query(
            "SELECT id, num, total_months, location, duplicate_of FROM candidates ORDER BY num"
        )
        return [CandidateFacts(str(r[0]), int(r[1]), int(r[2]), r[3], r[4]) for r in rows]

    def put_ranking_inputs(self, items: Sequence[RankingInputs]) -> int:
        """Keep (candidate id, content hash, version, space-joined tokens, headline, value view JSON) rows for
        candidates still stored with that content hash (others are skipped); returns how many were kept."""
        kept = 0
        with self.transaction():
            for cid, chash, version, tokens, headline, view in items:
                cur = self._conn.execute(
                    "INSERT OR REPLACE INTO ranking_inputs(candidate_id, version, tokens, headline, value_view)"
                    " SELECT ?, ?, ?, ?, ? WHERE EXISTS"
                    " (SELECT 1 FROM candidates WHERE id = ? AND content_hash IS ?)",
                    (cid, version, tokens, headline, view, cid, chash),
                )
                kept += cur.rowcount
        return kept

    def ranking_inputs(
        self, candidate_ids: Sequence[str], version: str
    ) -> dict[str, tuple[str, str | None, str]]:
        """(space-joined tokens, headline, value view JSON) kept for the candidates among the ids, derived by
        `version` (rows kept before value views were stored are left out: they are derived again)."""
        out: dict[str, tuple[str, str | None, str]] = {}
        for cid, tokens, headline, view in self._query_in(
            "SELECT candidate_id, tokens, headline, value_view FROM ranking_inputs"
            " WHERE version = ? AND value_view IS NOT NULL AND candidate_id IN ({marks})",
            list(candidate_ids),
            version,
        ):
            out[str(cid)] = (str(tokens), headline, str(view))
        return out

    def lexical_texts(self, candidate_ids: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for cid, text in self._query_in(
            "SELECT id, lexical FROM candidates WHERE lexical IS NOT NULL AND id IN ({marks})",
            list(candidate_ids),
        ):
            out[str(cid)] = str(text)
        return out

    def profiles(self) -> list[tuple[str, str]]:
        rows = self._query("SELECT id, profile FROM candidates WHERE profile IS NOT NULL ORDER BY num")
        return [(str(r[0]), str(r[1])) for r in rows]

    def skill_postings(self) -> list[tuple[str, str, int]]:
        return [
            (str(r[0]), str(r[1]), int(r[2]))
            for r in self._query("SELECT candidate_id, skill_id, months FROM candidate_skills")
        ]

    # -- embeddings ----------------------------------------------------------------------------------------------

    def put_embedding(self, candidate_id: str, model: str, vector: np.ndarray) -> None:
        self.put_embeddings([(candidate_id, vector)], model)

    def put_embeddings(self, items: Sequence[tuple[str, np.ndarray]], model: str) -> None:
        """Store several embeddings of one model in one transaction."""
        rows = []
        for cid, vec in items:
            dim, blob = _vector_blob(vec)
            rows.append((cid, model, dim, blob))
        try:
            with self.transaction():
                self._conn.executemany(
                    "INSERT OR REPLACE INTO embeddings(candidate_id, model, dim, vector) VALUES (?,?,?,?)",
                    rows,
                )
        except sqlite3.IntegrityError as exc:
            raise NotFound("embedding for a candidate that is not stored") from exc

    def get_embeddings(self, candidate_ids: Sequence[str], model: str) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for cid, blob in self._query_in(
            "SELECT candidate_id, vector FROM embeddings WHERE model = ? AND candidate_id IN ({marks})",
            list(candidate_ids),
            model,
        ):
            out[str(cid)] = np.frombuffer(blob, dtype=np.float32).copy()
        return out

    def put_embeddings_if_current(
        self, items: Sequence[tuple[str, str | None, np.ndarray]], model: str
    ) -> int:
        """Store embeddings computed from a candidate's content only for candidates still stored with that
        content hash (an erased or replaced candidate gets nothing), in one transaction; returns how many."""
        if not items:
            return 0
        with self.transaction():
            current: dict[str, str | None] = {}
            ids = list(dict.fromkeys(cid for cid, _, _ in items))
            current.update(
                (str(r[0]), r[1])
                for r in self._query_in("SELECT id, content_hash FROM candidates WHERE id IN ({marks})", ids)
            )
            rows = []
            for cid, chash, vec in items:
                if cid in current and current[cid] == chash:
                    dim, blob = _vector_blob(vec)
                    rows.append((cid, model, dim, blob))
            self._conn.executemany(
                "INSERT OR REPLACE INTO embeddings(candidate_id, model, dim, vector) VALUES (?,?,?,?)", rows
            )
        return len(rows)

    def pending_views(
        self, model: str, *, after_num: int = 0, limit: int = 32
    ) -> list[tuple[int, str, str | None, str | None]]:
        """The next `limit` candidates after number `after_num` (by number) that have no embedding of `model`:
        (num, id, content hash, stored blinded text or None). The scan reads no resume or text column."""
        rows = self._query(
            "SELECT c.num, c.id, c.content_hash FROM candidates c WHERE c.num > ? AND NOT EXISTS"
            " (SELECT 1 FROM embeddings e WHERE e.candidate_id = c.id AND e.model = ?) ORDER BY c.num LIMIT ?",
            (int(after_num), model, max(1, int(limit))),
        )
        texts = self.lexical_texts([str(r[1]) for r in rows])
        return [(int(r[0]), str(r[1]), r[2], texts.get(str(r[1]))) for r in rows]

    def delete_embedding(self, candidate_id: str, model: str) -> None:
        """Drop one candidate's embedding of one model (e.g. a view made stale by a new document)."""
        with self.transaction():
            self._conn.execute(
                "DELETE FROM embeddings WHERE candidate_id = ? AND model = ?", (candidate_id, model)
            )

    def load_embeddings(self, model: str) -> EmbeddingMatrix:
        rows = self._query(
            "SELECT c.id, c.num, e.dim, e.vector FROM embeddings e JOIN candidates c ON c.id = e.candidate_id"
            " WHERE e.model = ? ORDER BY c.num",
            (model,),
        )
        if not rows:
            return EmbeddingMatrix([], np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32))
        dim = int(rows[0][2])
        matrix = np.empty((len(rows), dim), dtype=np.float32)
        for i, row in enumerate(rows):
            matrix[i] = np.frombuffer(row[3], dtype=np.float32)
        return EmbeddingMatrix(
            [str(r[0]) for r in rows], np.array([int(r[1]) for r in rows], dtype=np.int64), matrix
        )

    def embedding_nums(self, model: str) -> np.ndarray:
        rows = self._query(
            "SELECT c.num FROM embeddings e JOIN candidates c ON c.id = e.candidate_id WHERE e.model = ? ORDER BY c.num",
            (model,),
        )
        return np.array([int(r[0]) for r in rows], dtype=np.int64)

    def missing_embeddings(self, model: str) -> list[str]:
        rows = self._query(
            "SELECT c.id FROM candidates c LEFT JOIN embeddings e ON e.candidate_id = c.id AND e.model = ?"
            " WHERE e.candidate_id IS NULL ORDER BY c.num",
            (model,),
        )
        return [str(r[0]) for r in rows]

    def delete_embeddings(self, model: str | None = None) -> None:
        """Drop stored embeddings (of one model, or all), e.g. before re-embedding with another model."""
        with self.transaction():
            if model is None:
                self._conn.execute("DELETE FROM embeddings")
            else:
                self._conn.execute("DELETE FROM embeddings WHERE model = ?", (model,))

    # -- files ---------------------------------------------------------------------------------------------------

    def put_file(self, candidate_id: str, name: str, data: bytes) -> None:
        digest = hashlib.sha256(data).hexdigest()
        rel: str | None = None
        blob: bytes | None = data
        with self.transaction():
            if not self._conn.execute("SELECT 1 FROM candidates WHERE id = ?", (candidate_id,)).fetchone():
                raise NotFound(f"no candidate {candidate_id}")
            old = self._conn.execute(
                "SELECT path FROM files WHERE candidate_id = ?", (candidate_id,)
            ).fetchone()
            if self.files_dir is not None:
                rel = f"{candidate_id}{_safe_name(name)}"
                blob = None
                self.files_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
                target = self.files_dir / rel
                tmp = target.with_name(target.name + ".tmp")
                tmp.write_bytes(data)
                if not target.exists():
                    self._new_files.append(target)
                os.replace(tmp, target)
                if old and old[0] and old[0] != rel:
                    self._pending_unlinks.append(self.files_dir / str(old[0]))
            self._conn.execute(
                "INSERT OR REPLACE INTO files(candidate_id, name, path, size, sha256, data) VALUES (?,?,?,?,?,?)",
                (candidate_id, name, rel, len(data), digest, blob),
            )

    def get_file(self, candidate_id: str) -> tuple[str, bytes] | None:
        rows = self._query("SELECT name, path, data FROM files WHERE candidate_id = ?", (candidate_id,))
        if not rows:
            return None
        name, rel, data = rows[0]
        if rel is not None and self.files_dir is not None:
            path = self.files_dir / str(rel)
            return (str(name), path.read_bytes()) if path.exists() else None
        return (str(name), bytes(data)) if data is not None else None

    # -- jobs ----------------------------------------------------------------------------------------------------

    def put_job(self, job: Job) -> None:
        if not job.id:
            raise ValidationFailed("a stored job needs an id")
        now = _iso(_now())
        with self.transaction():
            row = self._conn.execute("SELECT created_at FROM jobs WHERE id = ?", (job.id,)).fetchone()
            self._conn.execute(
                "INSERT OR REPLACE INTO jobs(id, title, text, job_json, weights_json, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?)",
                (
                    job.id,
                    job.title,
                    job.text,
                    job.model_dump_json(),
                    json.dumps(job.weights),
                    row[0] if row else now,
                    now,
                ),
            )

    def get_job(self, job_id: str) -> Job:
        rows = self._query("SELECT job_json FROM jobs WHERE id = ?", (job_id,))
        if not rows:
            raise NotFound(f"no job {job_id}")
        return Job.model_validate_json(str(rows[0][0]))

    def list_jobs(self, offset: int = 0, limit: int = 50) -> list[Job]:
        rows = self._query(
            "SELECT job_json FROM jobs ORDER BY created_at, id LIMIT ? OFFSET ?",
            (max(0, limit), max(0, offset)),
        )
        return [Job.model_validate_json(str(r[0])) for r in rows]

    def count_jobs(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM jobs")[0][0])

    def delete_job(self, job_id: str) -> bool:
        with self.transaction():
            cur = self._conn.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
        return bool(cur.rowcount)

    # -- feedback ------------------------------------------------------------------------------------------------

    def add_feedback(
        self, job_id: str, candidate_id: str, decision: str, ts: datetime | None = None
    ) -> Feedback:
        if decision not in DECISIONS:
            raise ValidationFailed(f"decision must be one of {', '.join(DECISIONS)}")
        ts = ts or _now()
        with self.transaction():
            if not self._conn.execute("SELECT 1 FROM jobs WHERE id = ?", (job_id,)).fetchone():
                raise NotFound(f"no job {job_id}")
            if not self._conn.execute("SELECT 1 FROM candidates WHERE id = ?", (candidate_id,)).fetchone():
                raise NotFound(f"no candidate {candidate_id}")
            cur = self._conn.execute(
                "INSERT INTO feedback(job_id, candidate_id, decision, ts) VALUES (?,?,?,?)",
                (job_id, candidate_id, decision, _iso(ts)),
            )
        return Feedback(int(cur.lastrowid or 0), job_id, candidate_id, decision, ts)

    def list_feedback(self, job_id: str | None = None) -> list[Feedback]:
        if job_id is None:
            rows = self._query("SELECT id, job_id, candidate_id, decision, ts FROM feedback ORDER BY id")
        else:
            rows = self._query(
                "SELECT id, job_id, candidate_id, decision, ts FROM feedback WHERE job_id = ? ORDER BY id",
                (job_id,),
            )
        return [
            Feedback(int(r[0]), str(r[1]), str(r[2]), str(r[3]), datetime.fromisoformat(str(r[4])))
            for r in rows
        ]
