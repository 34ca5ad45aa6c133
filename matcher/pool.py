"""The talent pool: one facade over the store, the vector index, the skill index and ranking.

    pool = Pool(Path("data"))                      # SQLite + FAISS index under data/
    cand = pool.add_file(pdf_bytes, "cv.pdf")      # parse, embed the blinded profile, store, index
    job = pool.create_job(job_text, title="Backend engineer")
    matches = pool.shortlist(job.id, top=10)       # dense + skill recall, then rank_resumes
    hits = pool.search(all_of=["python"], min_years={"python": 3}, query="payments")
    pool.erase(cand.id)                            # rows, vectors, files, caches: every copy

Duplicates (see `matcher.dedupe`): identical bytes return the stored candidate; the same email/phone or a
near-identical blinded text is stored but flagged `duplicate_of` the group's canonical candidate and left out of
shortlists and search. `erase` removes the whole group by default (it is the same person's data).

Data directory layout: `shortlist.sqlite3` (+ WAL), `files/` (original uploads), `index/<model>.npz` (+ sidecar).
The vector index is rebuilt from the stored embeddings whenever it is missing or out of step with the store.
Writes hold one lock, so a FastAPI app may share a Pool between request threads.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import os
import re
import sys
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, overload

import numpy as np

from matcher.dedupe import NEAR_DUPLICATE_JACCARD, Fingerprint, content_hash, estimate_jaccard
from matcher.embedder import Embedder, torch_threads
from matcher.index import (
    DEFAULT_APPROXIMATE_ABOVE,
    DEFAULT_IVF_ABOVE,
    FaissIndex,
    FaissIvfIndex,
    NumpyIndex,
    VectorIndex,
    open_index,
    sync_index_files,
)
from matcher.prepare import (
    Prepared,
    parse_prepared,
    parser_executor,
    prepare,
    ranking_inputs_version,
    value_view,
)
from matcher.profile import clear_text_caches
from matcher.retrieval import (
    DEFAULT_DENSE_K,
    DEFAULT_LEXICAL_K,
    DEFAULT_RERANK_K,
    DEFAULT_SKILL_K,
    LexicalRecall,
    retrieve,
)
from matcher.skill_index import SkillIndex, resolve_skill
from matcher.store import Feedback, SqliteStore, StoredResume
from models import (
    Candidate,
    Contribution,
    Explanation,
    Job,
    Match,
    NotFound,
    Resume,
    ShortlistError,
    SkillMatch,
    ValidationFailed,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Ranker = Callable[..., list[Match]]
DB_NAME = "shortlist.sqlite3"
SAVE_EVERY_WRITE_BELOW_BYTES = 2_000_000  # index files up to this size are saved after every write
JOB_VECTORS_KEPT = 256  # job vectors kept between shortlists (least recently used dropped)
TOKENS_KEPT = 4096  # candidates whose blinded-text tokens are kept between shortlists
VIEW_BATCH = 8  # text views embedded per step in the background (a shortlist waits for at most one step)
VIEW_IDLE_S = 0.3  # the background embedding waits this long after the last foreground call
TextViews = Literal["background", "ingest", "shortlist"]


@dataclass
class IngestResult:
    """What happened to one document given to `add_many`."""

    source_name: str
    status: Literal["added", "duplicate", "existing", "failed"]
    candidate: Candidate | None = None
    error_code: str | None = None
    error: str | None = None


_Vectors = tuple[np.ndarray, np.ndarray | None]  # profile vectors, text view vectors (or None)


@dataclass
class _Screened:
    out: list[IngestResult | None]  # results known before storing (failed, existing), by position
    todo: list[tuple[int, Prepared]]  # (position, prepared) of the documents to embed and store


def _new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:16]}"


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("._") or "model"


class _LazyViews(Sequence[Resume]):
    """Value views parsed from their stored JSON when the ranker first reads each one."""

    def __init__(self, views: Sequence[str | Resume]) -> None:
        self._views = list(views)

    def __len__(self) -> int:
        return len(self._views)

    @overload
    def __getitem__(self, i: int) -> Resume: ...

    @overload
    def __getitem__(self, i: slice) -> list[Resume]: ...

    def __getitem__(self, i: int | slice) -> Resume | list[Resume]:
        if isinstance(i, slice):
            return [self[j] for j in range(len(self))[i]]
        view = self._views[i]
        if isinstance(view, str):
            view = self._views[i] = Resume.model_validate_json(view)
        return view


class _LazyResumes(Sequence[tuple[str, Resume]]):
    """`(candidate id, resume)` pairs whose resume is parsed from the store's JSON when the ranker reads it."""

    def __init__(self, ids: Sequence[str], stored: Mapping[str, StoredResume]) -> None:
        self._ids = list(ids)
        self._stored = stored

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, i: int) -> tuple[str, Resume]: ...

    @overload
    def __getitem__(self, i: slice) -> list[tuple[str, Resume]]: ...

    def __getitem__(self, i: int | slice) -> tuple[str, Resume] | list[tuple[str, Resume]]:
        if isinstance(i, slice):
            return [(c, self._stored[c].resume) for c in self._ids[i]]
        c = self._ids[i]
        return c, self._stored[c].resume


class Pool:
    """The talent pool facade. See the module docstring.

    Args:
        data_dir: where the database, files and index live (created when missing).
        embedder: default `get_default_embedder()` (loaded on first use).
        ranker: default `matcher.ranking.rank_resumes`.
        index_backend: "faiss" (default) or "numpy".
        approximate_above: above this many vectors an HNSW index is built in a background thread and swapped
            in (None: always exact).
        keep_files: store the original uploads under data_dir/files.
        autosave: save the vector index after writes: every write while it is under
            `SAVE_EVERY_WRITE_BELOW_BYTES` (about 1,300 vectors of 384 floats), then at most every
            `autosave_interval_s` seconds (erase and close always save; a crash in
            between only costs a rebuild from the store, which stays the source of truth).
        dense_k, skill_k, lexical_k: recall sizes (`matcher.retrieval`).
        rerank_k: how many recalled candidates get the full explained ranking after the cheap pre-score
            (at least 4 x top; None: all of them).
        ivf_above: the background approximate index is IVF-SQ8 (`FaissIvfIndex`, about 400 bytes a vector)
            instead of HNSW (about 2,000) when it is built over more than this many vectors (None: never).
        text_views: when each candidate's second view (its blinded whole text, embedded; see `matcher.ranking`)
            is embedded: "background" (default: a thread embeds the candidates that lack it after writes and
            shortlists, pausing while the pool serves or ingests, so the first shortlists find them ready),
            "ingest" (with the profile, before the candidate is stored: about 1.5x the embedding work of an
            ingest) or "shortlist" (on first sight, inside the shortlist that recalls the candidate). A
            shortlist embeds any still missing in every mode.
        value_views: the default ranker scores stored candidates on their value views (`value_view`: skills,
            positions and education without text or evidence, stored at ingest) and reads the full resumes of
            the kept top only; False reads the full resume of every candidate it scores (the same shortlist,
            slower; kept for comparison).
    """

    def __init__(
        self,
        data_dir: str | Path,
        *,
        embedder: Embedder | None = None,
        ranker: Ranker | None = None,
        index_backend: Literal["faiss", "numpy"] = "faiss",
        approximate_above: int | None = DEFAULT_APPROXIMATE_ABOVE,
        keep_files: bool = True,
        autosave: bool = True,
        autosave_interval_s: float = 30.0,
        dense_k: int = DEFAULT_DENSE_K,
        skill_k: int = DEFAULT_SKILL_K,
        lexical_k: int = DEFAULT_LEXICAL_K,
        rerank_k: int | None = DEFAULT_RERANK_K,
        ivf_above: int | None = DEFAULT_IVF_ABOVE,
        text_views: TextViews = "background",
        value_views: bool = True,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.store = SqliteStore(self.data_dir / DB_NAME, files_dir=self.data_dir / "files")
        self._embedder = embedder
        self._ranker = ranker
        self.index_backend = index_backend
        self.approximate_above = approximate_above
        self.keep_files = keep_files
        self.autosave = autosave
        self.autosave_interval_s = autosave_interval_s
        self._last_save = 0.0
        self.dense_k, self.skill_k, self.lexical_k = dense_k, skill_k, lexical_k
        self.rerank_k = rerank_k
        self.ivf_above = ivf_above
        self._lock = threading.RLock()
        self._index: VectorIndex | None = None
        self._skills: SkillIndex | None = None
        self._bm25: LexicalRecall | None = None
        self._closed = False
        self._data_version: int | None = None
        self._builder: threading.Thread | None = None
        self._dirty: set[int] | None = None  # numbers (re)written while the HNSW index is being built
        self._job_vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        # tokens of blinded texts, blinded headlines and value views (JSON) by (candidate id, content hash), for
        # ranking's BM25, title features and scoring; dropped on erasure
        self._tokens: OrderedDict[tuple[str, str], tuple[list[str], str | None, str]] = OrderedDict()
        if text_views not in ("background", "ingest", "shortlist"):
            raise ValueError(f"unknown text_views {text_views!r}")
        self.text_views: TextViews = text_views
        self.value_views = value_views
        # background text views: a worker thread, woken by `_kick_views`, pausing while foreground calls run
        self._views_cond = threading.Condition()
        self._views_thread: threading.Thread | None = None
        self._views_requested = False
        self._views_running = False
        self._views_stop = False
        self._fg_active = 0
        self._fg_last = 0.0
        self._views_behind = False  # a shortlist met candidates without a text view

    # -- lazily built parts --------------------------------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from matcher.embedder import get_default_embedder

            self._embedder = get_default_embedder()
        return self._embedder

    @property
    def model(self) -> str:
        return self.embedder.name

    @property
    def index_path(self) -> Path:
        return self.data_dir / "index" / f"{_slug(self.model)}.npz"

    def _new_index(self) -> VectorIndex:
        if self.index_backend == "numpy":
            return NumpyIndex(self.embedder.dim)
        # exact; the pool moves it to HNSW in the background (`_maybe_upgrade`) instead of inside a write
        return FaissIndex(self.embedder.dim, approximate_above=None)

    @property
    def index(self) -> VectorIndex:
        """The vector index, opened from disk or rebuilt from the store when missing or inconsistent."""
        with self._lock:
            self._follow_other_writers()
            if self._index is None:
                self._index = self._open_index()
                self._maybe_upgrade()
            return self._index

    # -- approximate index, built in the background ----------------------------------------------------------

    def _maybe_upgrade(self) -> None:
        """Start building the HNSW index in a thread once the exact one is over `approximate_above`; searches
        and writes go on against the exact index meanwhile, and the new index is brought up to date and swapped
        in under the lock."""
        index = self._index
        if (
            self.approximate_above is None
            or self._closed
            or not isinstance(index, FaissIndex)
            or index.approximate
            or len(index) <= self.approximate_above
            or (self._builder is not None and self._builder.is_alive())
        ):
            return
        self._dirty = set()
        self._builder = threading.Thread(
            target=self._build_approximate, args=(index,), name="shortlist-hnsw-build", daemon=True
        )
        self._builder.start()

    def _build_approximate(self, old: FaissIndex) -> None:
        try:
            with self._lock:
                if self._closed:
                    return
                matrix = self.store.load_embeddings(self.model)
            started = time.perf_counter()
            new: VectorIndex
            if self.ivf_above is not None and len(matrix.nums) > self.ivf_above:
                new = FaissIvfIndex(self.embedder.dim)  # trained on the whole matrix, then kept up to date
                new.add(matrix.nums, matrix.vectors)
            else:
                hnsw = FaissIndex(self.embedder.dim, approximate_above=0)
                hnsw.add(matrix.nums, matrix.vectors)
                hnsw.configure(approximate_above=None)  # stays HNSW; compaction rebuilds HNSW
                new = hnsw
            with self._lock:
                if self._closed or self._index is not old:
                    return
                expected = self.store.embedding_nums(self.model)
                extra = np.setdiff1d(new.ids(), expected)
                if extra.size:
                    new.remove(extra)
                stale = np.union1d(
                    np.setdiff1d(expected, new.ids()), np.array(sorted(self._dirty or ()), np.int64)
                )
                stale = np.intersect1d(stale, expected)
                if stale.size:
                    names = self.store.ids_for(stale.tolist())
                    vectors = self.store.get_embeddings(builtins.list(names.values()), self.model)
                    nums = [n for n, c in names.items() if c in vectors]
                    if nums:
                        new.add(np.array(nums, dtype=np.int64), np.stack([vectors[names[n]] for n in nums]))
                self._index = new
                self._dirty = None
                self._save_index(force=True)
                log.info(
                    "approximate index ready: %s vectors in %.1f s", len(new), time.perf_counter() - started
                )
        except Exception:  # a background failure must not kill the process; the exact index keeps serving
            log.exception("building the approximate index failed")
        finally:
            self._dirty = None

    def wait_for_index_build(self, timeout: float | None = None) -> bool:
        """Wait for a background HNSW build; True when none is running afterwards."""
        builder = self._builder
        if builder is not None:
            builder.join(timeout)
            return not builder.is_alive()
        return True

    def _follow_other_writers(self) -> None:
        """Bring the in-memory indexes up to date when another process (a CLI ingest beside a running
        server) committed to the database since we last looked."""
        version = self.store.data_version()
        if version == self._data_version:
            return
        first = self._data_version is None
        self._data_version = version
        if first:
            return
        log.info("database changed by another writer; refreshing the indexes")
        self._skills = None
        self._bm25 = None
        self._tokens.clear()  # erasures elsewhere must not leave text behind here
        if self._index is not None:
            self._embed_missing()
            expected = self.store.embedding_nums(self.model)
            current = self._index.ids()
            extra = np.setdiff1d(current, expected)
            missing = np.setdiff1d(expected, current)
            if extra.size:
                self._index.remove(extra)
            if missing.size:
                names = self.store.ids_for(missing.tolist())
                vectors = self.store.get_embeddings(builtins.list(names.values()), self.model)
                nums = [n for n, c in names.items() if c in vectors]
                if nums:
                    self._index.add(
                        np.array(nums, dtype=np.int64), np.stack([vectors[names[n]] for n in nums])
                    )
            self._data_version = self.store.data_version()

    def _open_index(self, progress: Progress | None = None) -> VectorIndex:
        self._embed_missing(progress)
        expected = self.store.embedding_nums(self.model)
        index = open_index(self.index_path, dim=self.embedder.dim, expected_ids=expected)
        if index is not None and index.kind.startswith(self.index_backend):
            if isinstance(index, FaissIndex):
                index.configure(approximate_above=None)  # no switch inside a call; see _maybe_upgrade
            return index
        return self._rebuild(progress)

    def _rebuild(self, progress: Progress | None = None) -> VectorIndex:
        matrix = self.store.load_embeddings(self.model)
        index = self._new_index()
        step = 10_000
        total = len(matrix.ids)
        for start in range(0, total, step):
            index.add(matrix.nums[start : start + step], matrix.vectors[start : start + step])
            if progress:
                progress(min(total, start + step), total)
        index.save(self.index_path)
        log.info("vector index rebuilt from the store: %s vectors", total)
        return index

    def rebuild_index(self, progress: Progress | None = None) -> int:
        """Rebuild the vector index from the stored embeddings (embedding any candidate that lacks one).

        The rebuilt index is exact; above `approximate_above` the HNSW index follows in the background."""
        with self._lock:
            self._embed_missing(progress)
            self._index = self._rebuild(progress)
            self._maybe_upgrade()
            return len(self._index)

    def _embed_missing(self, progress: Progress | None = None, batch: int = 64) -> None:
        missing = self.store.missing_embeddings(self.model)
        if not missing:
            return
        from matcher.profile import profile_text

        log.info("embedding %s stored candidates for model %s", len(missing), self.model)
        for start in range(0, len(missing), batch):
            chunk = self.store.get_candidates(missing[start : start + batch])
            texts = [profile_text(c.resume, blind=True) for c in chunk.values()]
            vectors = self.embedder.encode(texts)
            self.store.put_embeddings(list(zip(chunk, vectors, strict=True)), self.model)
            if progress:
                progress(min(len(missing), start + batch), len(missing))

    @property
    def skill_index(self) -> SkillIndex:
        with self._lock:
            self._follow_other_writers()
            if self._skills is None:
                self._skills = SkillIndex.from_store(self.store)
            return self._skills

    def _lexical(self, query: str, k: int) -> list[tuple[str, float]]:
        from matcher.lexical import tokenize

        with self._lock:
            self._follow_other_writers()
            if self._bm25 is None:
                rows = self.store.profiles()
                self._bm25 = LexicalRecall([cid for cid, _ in rows], [tokenize(text) for _, text in rows])
            bm25 = self._bm25
        return bm25.search(query, k)

    def _save_index(self, force: bool = False) -> None:
        if self._index is None:
            return
        # never write back a vector another process erased meanwhile
        self._follow_other_writers()
        small = len(self._index) * self._index.dim * 4 <= SAVE_EVERY_WRITE_BELOW_BYTES
        due = time.monotonic() - self._last_save >= self.autosave_interval_s
        if force or (self.autosave and (small or due)):
            self._index.save(self.index_path)
            self._last_save = time.monotonic()

    def flush(self) -> None:
        """Save the vector index and fold the database WAL."""
        with self._lock:
            self._save_index(force=True)
            self.store.checkpoint()

    def close(self) -> None:
        """Stop the background embedding, save the index and close the database (idempotent)."""
        with self._views_cond:
            self._views_stop = True
            self._views_cond.notify_all()
        worker = self._views_thread
        if worker is not None and worker is not threading.current_thread():
            worker.join()  # it finishes at most one step (VIEW_BATCH texts) and writes nothing after the stop
        with self._lock:
            if self._closed:
                return
            if self._index is not None:
                self._save_index(force=True)
            self.store.close()
            self._closed = True

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- text views in the background ------------------------------------------------------------------------

    @contextlib.contextmanager
    def _foreground(self) -> Iterator[None]:
        """Mark a caller's work (ingest, shortlist, search): the background embedding pauses meanwhile and for
        VIEW_IDLE_S after."""
        with self._views_cond:
            self._fg_active += 1
        try:
            yield
        finally:
            with self._views_cond:
                self._fg_active -= 1
                self._fg_last = time.monotonic()

    def _kick_views(self) -> None:
        """Ask the background worker (started on first use) to embed the text views that are missing."""
        if self.text_views != "background" or not self._default_ranker():
            return
        with self._views_cond:
            if self._views_stop:
                return
            self._views_requested = True
            self._views_cond.notify_all()
            if self._views_thread is None or not self._views_thread.is_alive():
                self._views_thread = threading.Thread(
                    target=self._views_loop, name="shortlist-text-views", daemon=True
                )
                self._views_thread.start()

    def wait_for_text_views(self, timeout: float | None = None) -> bool:
        """Wait until the background worker has no text view left to embed; True when it is idle."""
        with self._views_cond:
            return self._views_cond.wait_for(
                lambda: self._views_stop or not (self._views_requested or self._views_running), timeout
            )

    def _views_loop(self) -> None:
        while True:
            with self._views_cond:
                while not self._views_requested and not self._views_stop:
                    self._views_cond.wait()
                if self._views_stop:
                    return
                self._views_requested = False
                self._views_running = True
            try:
                self._drain_views()
            except Exception:  # the shortlist embeds what is missing; never kill the process
                log.exception("embedding text views in the background failed")
            finally:
                with self._views_cond:
                    self._views_running = False
                    self._views_cond.notify_all()

    def _yield_to_foreground(self) -> bool:
        """Wait while foreground calls run (and VIEW_IDLE_S after the last); False once the pool closes."""
        with self._views_cond:
            while not self._views_stop:
                idle = time.monotonic() - self._fg_last
                if self._fg_active == 0 and idle >= VIEW_IDLE_S:
                    return True
                self._views_cond.wait(VIEW_IDLE_S if self._fg_active else VIEW_IDLE_S - idle)
            return False

    def _drain_views(self) -> None:
        """One pass over the store by candidate number: embed the blinded texts of candidates without a text
        view (or with a stale zero one), VIEW_BATCH at a time, between foreground calls. A candidate erased or
        replaced while its batch was embedded gets nothing (`put_embeddings_if_current`); the texts and vectors
        of a batch are dropped after it."""
        after = 0
        while self._yield_to_foreground():
            with self._lock:
                if self._views_stop:
                    return
                rows = self.store.pending_views(self.text_model, after_num=after, limit=VIEW_BATCH)
            if not rows:
                return
            after = rows[-1][0]
            todo = [(cid, chash, text) for _, cid, chash, text in rows if text is not None]
            if not todo:
                continue
            vectors = self.embedder.encode([text for _, _, text in todo])
            with self._lock:
                if self._views_stop:
                    return
                self.store.put_embeddings_if_current(
                    [(cid, chash, v) for (cid, chash, _), v in zip(todo, vectors, strict=True)],
                    self.text_model,
                )
            del rows, todo, vectors

    # -- adding --------------------------------------------------------------------------------------------------

    def _canonical(self, candidate_id: str) -> str:
        seen = {candidate_id}
        current = self.store.get_candidate(candidate_id)
        while current.duplicate_of and current.duplicate_of not in seen:
            seen.add(current.duplicate_of)
            try:
                current = self.store.get_candidate(current.duplicate_of)
            except NotFound:
                break
        return current.id

    def find_duplicate(self, fp: Fingerprint, *, exclude: Iterable[str] = ()) -> str | None:
        """The canonical candidate this fingerprint duplicates, or None: same email or phone (and the same
        name when both have one), or blinded-text Jaccard at or above the threshold."""
        skip = set(exclude)
        contact = [k for k in fp.keys if k[0] in ("email", "phone")]
        names = {v for k, v in fp.keys if k == "name"}
        hits = [c for c in self.store.find_by_keys(contact) if c not in skip]
        if hits:
            their_names = self.store.keys_of(hits, "name")
            for cid in hits:
                theirs = their_names.get(cid)
                if not names or not theirs or names & theirs:
                    return self._canonical(cid)
        if fp.signature is not None:
            near = [c for c in self.store.find_by_keys(fp.lsh_keys()) if c not in skip]
            signatures = self.store.get_signatures(near)
            for cid in near:
                sig = signatures.get(cid)
                if sig is not None and estimate_jaccard(sig, fp.signature) >= NEAR_DUPLICATE_JACCARD:
                    return self._canonical(cid)
        return None

    def _existing(self, chash: str) -> Candidate | None:
        found = self.store.find_by_content_hash(chash)
        return self.store.get_candidate(found[0]) if found else None

    def _store_prepared(
        self,
        prep: Prepared,
        vector: np.ndarray,
        candidate_id: str | None = None,
        text_vector: np.ndarray | None = None,
    ) -> Candidate:
        """Write one candidate (new, or replacing `candidate_id`) to the store and the indexes; lock held.

        Returns the candidate as stored (built here, not read back: the same fields `get` returns)."""
        cid = candidate_id or _new_id("c")
        skip = {cid, *self.store.duplicates_of(cid)} if candidate_id else {cid}
        dup_of = self.find_duplicate(prep.fingerprint, exclude=skip)
        now = datetime.now(UTC)
        created = now
        if candidate_id:
            old = self.store.get_candidate(candidate_id)
            created = old.created_at or now
        cand = Candidate(
            id=cid,
            resume=prep.resume,
            source_name=prep.source_name,
            content_hash=prep.content_hash,
            duplicate_of=dup_of,
            created_at=created,
            updated_at=now,
        )
        with self.store.transaction():
            num = self.store.put_candidate(
                cand, fingerprint=prep.fingerprint, profile=prep.profile, lexical=prep.blinded
            )
            self.store.put_ranking_inputs(
                [(cid, prep.content_hash, ranking_inputs_version(), prep.tokens, prep.headline, prep.view)]
            )
            self.store.put_embedding(cid, self.model, vector)
            if text_vector is not None:
                self.store.put_embedding(cid, self.text_model, text_vector)
            elif candidate_id:  # the old resume's text view is stale: gone until it is embedded again
                self.store.delete_embedding(cid, self.text_model)
            if self.keep_files and prep.data is not None:
                self.store.put_file(cid, prep.source_name or "upload", prep.data)
        self.index.add(np.array([num], dtype=np.int64), np.asarray(vector, dtype=np.float32).reshape(1, -1))
        if self._dirty is not None:
            self._dirty.add(num)
        self._maybe_upgrade()
        self._index_skills(cand)
        self._bm25 = None
        if candidate_id:  # the replaced document's tokens go now, not when they fall out of the cache
            for key in [k for k in self._tokens if k[0] == candidate_id]:
                del self._tokens[key]
        if dup_of:
            log.info("candidate %s flagged as duplicate of %s", cid, dup_of)
        return cand

    def _index_skills(self, cand: Candidate) -> None:
        resume = cand.resume
        self.skill_index.add(
            cand.id,
            {s.skill_id: int(s.months or 0) for s in resume.skills},
            total_months=resume.total_experience_months,
            location=resume.contact.location.value if resume.contact.location else None,
            duplicate_of=cand.duplicate_of,
        )

    def add_resume(
        self, resume: Resume, source_name: str | None = None, *, data: bytes | None = None
    ) -> Candidate:
        """Store an already parsed resume (returns the stored candidate when the same content is there)."""
        with self._foreground():
            prep = prepare(resume, source_name, data)
            if (existing := self._existing(prep.content_hash)) is not None:
                return existing
            vector, text_vector = self._encode_prepared(
                [prep]
            )  # outside the lock: embedding is the slow part
            with self._lock:
                if (existing := self._existing(prep.content_hash)) is not None:  # a concurrent upload won
                    return existing
                cand = self._store_prepared(
                    prep, vector[0], text_vector=None if text_vector is None else text_vector[0]
                )
                self._save_index()
        self._kick_views()
        return cand

    def add_file(self, data: bytes, source_name: str | None = None) -> Candidate:
        """Parse a document (bytes), embed its blinded profile, store and index it.

        Raises:
            ParseError: the document cannot be parsed (nothing is stored).
        """
        chash = content_hash(data)
        with self._lock:
            existing = self._existing(chash)
        if existing is not None:
            return existing
        from parsers.resume import parse_resume

        with self._foreground():
            resume = parse_resume(data)  # outside the lock: parsing is the slow part
        return self.add_resume(resume, source_name, data=data)

    def add_many(
        self,
        items: Iterable[tuple[bytes, str]],
        *,
        workers: int = 1,
        batch_size: int = 32,
        progress: Progress | None = None,
    ) -> list[IngestResult]:
        """Add many documents: parse (in `workers` processes when > 1), embed in batches, store, index once.

        With workers the stages overlap: the workers parse and prepare the next documents while this process
        embeds one batch (in a helper thread, on one torch thread, so the cores go to the workers rather than
        to idle thread barriers) and stores the batch before it. A document that fails to parse gives a
        "failed" result; the rest go on. Worker processes are spawned, so a calling script needs the
        `if __name__ == "__main__":` guard (without it parsing falls back to this process).
        """
        docs = builtins.list(items)
        results: list[IngestResult] = []
        total = len(docs)
        executor = parser_executor(workers) if workers > 1 and total > 1 else None
        ahead = 2 * batch_size + workers  # documents handed to the workers beyond the batch being stored
        pending: dict[int, Future[Prepared | ShortlistError]] = {}
        submitted = 0

        def refill(upto: int) -> None:
            nonlocal submitted
            while executor is not None and submitted < min(upto, total):
                data, name = docs[submitted]
                pending[submitted] = executor.submit(parse_prepared, data, name)
                submitted += 1

        embedding = ThreadPoolExecutor(max_workers=1, thread_name_prefix="shortlist-embed")
        waiting: tuple[int, Sequence[tuple[bytes, str]], _Screened, Future[_Vectors]] | None = None

        def store_waiting() -> None:
            if waiting is not None:
                start, batch, screened, vectors = waiting
                results.extend(self._store_screened(batch, screened, vectors.result()))
                if progress:
                    progress(start + len(batch), total)

        try:
            with self._foreground(), torch_threads(1) if executor is not None else contextlib.nullcontext():
                for start in range(0, total, batch_size):
                    batch = docs[start : start + batch_size]
                    parsed: list[Prepared | ShortlistError] = []
                    if executor is not None:
                        try:
                            refill(start + len(batch) + ahead)
                            parsed = [pending.pop(start + i).result() for i in range(len(batch))]
                        except BrokenProcessPool:
                            # e.g. a script without the `if __name__ == "__main__":` guard that spawn needs
                            log.warning("parser worker processes failed; parsing in this process instead")
                            executor.shutdown(cancel_futures=True)
                            executor = None
                            pending.clear()
                    if executor is None:
                        parsed = [parse_prepared(d, n) for d, n in batch]
                    screened = self._screen(batch, parsed)
                    # this batch is embedded while the one before it is stored; the last one, with no parsing
                    # left beside it, on every core
                    vectors = embedding.submit(
                        self._encode_prepared,
                        [p for _, p in screened.todo],
                        (os.cpu_count() or 1) if executor is not None and start + batch_size >= total else 0,
                    )
                    store_waiting()
                    waiting = (start, batch, screened, vectors)
                store_waiting()
                waiting = None
        finally:
            embedding.shutdown(wait=True)
            if executor is not None:
                executor.shutdown(cancel_futures=True)
            with self._lock:
                self._save_index()
        self._kick_views()
        return results

    def _encode_prepared(self, preps: Sequence[Prepared], threads: int = 0) -> _Vectors:
        """The profile vectors of prepared documents and, when text views are embedded at ingest, their text
        view vectors (None otherwise); on `threads` torch threads when given."""
        if threads:
            with torch_threads(threads):
                return self._encode_prepared(preps)
        if not preps:
            return np.zeros((0, self.embedder.dim), dtype=np.float32), None
        if self.text_views != "ingest" or not self._default_ranker():
            return self.embedder.encode([p.profile for p in preps]), None
        both = self.embedder.encode([p.profile for p in preps] + [p.blinded for p in preps])
        return both[: len(preps)], both[len(preps) :]

    def _screen(
        self, batch: Sequence[tuple[bytes, str]], parsed: Sequence[Prepared | ShortlistError]
    ) -> _Screened:
        """Sort a parsed batch into failures, documents already stored (or repeated in the batch) and new ones."""
        screened = _Screened([None] * len(batch), [])
        seen: set[str] = set()
        with self._lock:
            for i, ((data, name), res) in enumerate(zip(batch, parsed, strict=True)):
                if isinstance(res, ShortlistError):
                    screened.out[i] = IngestResult(name, "failed", error_code=res.code, error=res.message)
                    continue
                res.data = data
                if res.content_hash in seen or self._existing(res.content_hash) is not None:
                    screened.out[i] = IngestResult(name, "existing")
                    continue
                seen.add(res.content_hash)
                screened.todo.append((i, res))
        return screened

    def _store_screened(
        self, batch: Sequence[tuple[bytes, str]], screened: _Screened, vectors: _Vectors
    ) -> list[IngestResult]:
        """Store a screened batch with its vectors in one transaction; a document stored meanwhile (an earlier
        batch or another writer) counts as existing."""
        out = screened.out
        profiles, texts = vectors
        with self._lock:
            try:
                with self.store.transaction():
                    for j, (i, prep) in enumerate(screened.todo):
                        if self._existing(prep.content_hash) is not None:
                            out[i] = IngestResult(prep.source_name or "", "existing")
                            continue
                        cand = self._store_prepared(
                            prep, profiles[j], text_vector=None if texts is None else texts[j]
                        )
                        out[i] = IngestResult(
                            prep.source_name or "", "duplicate" if cand.duplicate_of else "added", cand
                        )
            except BaseException:
                # the batch was rolled back: the in-memory indexes may hold some of it, so they are rebuilt
                # from the store when next needed
                self._index = None
                self._skills = None
                self._bm25 = None
                raise
            for i, r in enumerate(out):
                if r is not None and r.status == "existing" and r.candidate is None:
                    r.candidate = self._existing(content_hash(batch[i][0]))
        return [r for r in out if r is not None]

    def update(self, candidate_id: str, data: bytes, source_name: str | None = None) -> Candidate:
        """Replace a candidate's document: re-parse, re-embed, re-index; the id stays.

        Raises:
            NotFound: no such candidate. ParseError: the new document cannot be parsed.
        """
        from parsers.resume import parse_resume

        with self._lock:
            old = self.store.get_candidate(candidate_id)
        with self._foreground():
            resume = parse_resume(data)
            prep = prepare(resume, source_name or old.source_name, data)
            vector, text_vector = self._encode_prepared([prep])
            with self._lock:
                cand = self._store_prepared(
                    prep,
                    vector[0],
                    candidate_id=candidate_id,
                    text_vector=None if text_vector is None else text_vector[0],
                )
                self._save_index()
        self._kick_views()
        return cand

    # -- erasing -------------------------------------------------------------------------------------------------

    def erase(self, candidate_id: str, *, include_duplicates: bool = True) -> list[str]:
        """Erase a candidate everywhere: rows, embeddings, feedback, original file, vector index (memory and
        disk), skill index, lexical cache and the process's caches of resume text. With `include_duplicates` (default) its whole duplicate group goes.

        Returns the erased ids. Raises NotFound for an unknown id.
        """
        with self._lock:
            if not self.store.has_candidate(candidate_id):
                raise NotFound(f"no candidate {candidate_id}")
            if include_duplicates:
                root = self._canonical(candidate_id)
                group = [root, *self.store.duplicates_of(root)]
                if candidate_id not in group:
                    group.append(candidate_id)
            else:
                group = [candidate_id]
                heirs = self.store.duplicates_of(candidate_id)
                if heirs:  # the oldest duplicate becomes the group's canonical candidate
                    new_root = heirs[0]
                    self.store.set_duplicate_of(new_root, None)
                    self.skill_index.set_duplicate_of(new_root, None)
                    for other in heirs[1:]:
                        self.store.set_duplicate_of(other, new_root)
                        self.skill_index.set_duplicate_of(other, new_root)
            nums = self.store.nums_for(group)
            with self.store.transaction():
                for cid in group:
                    self.store.delete_candidate(cid)
            index = self.index
            index.remove(np.array(builtins.list(nums.values()), dtype=np.int64))
            for cid in group:
                self.skill_index.remove(cid)
            self._bm25 = None
            for key in [k for k in self._tokens if k[0] in group]:
                del self._tokens[key]
            clear_text_caches()  # name, contact and text fragments the profile code and parsers keep
            self._save_index(force=True)
            sync_index_files(self.index_path)
            self.store.checkpoint()
            log.info("erased candidates %s", ",".join(group))
            return group

    # -- reading -------------------------------------------------------------------------------------------------

    def get(self, candidate_id: str) -> Candidate:
        """The stored candidate; raises NotFound."""
        return self.store.get_candidate(candidate_id)

    def get_file(self, candidate_id: str) -> tuple[str, bytes] | None:
        """(file name, original bytes) when the upload was kept."""
        return self.store.get_file(candidate_id)

    def list(self, offset: int = 0, limit: int = 50) -> list[Candidate]:
        """Candidates in insertion order."""
        return self.store.list_candidates(offset, limit)

    def count(self) -> int:
        return self.store.count_candidates()

    # -- jobs ----------------------------------------------------------------------------------------------------

    @staticmethod
    def _check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
        """Known feature names, finite values >= 0 (`matcher.scoring.validate_weights`); raises ValidationFailed."""
        if not weights:
            return {}
        from matcher.scoring import validate_weights

        return validate_weights(weights)

    def create_job(
        self,
        text: str,
        title: str | None = None,
        weights: Mapping[str, float] | None = None,
        *,
        job_id: str | None = None,
    ) -> Job:
        """Parse and store a job description."""
        if not text or not text.strip():
            raise ValidationFailed("the job text is empty")
        from parsers.job import parse_job

        checked = self._check_weights(weights)
        job = parse_job(text, title=title, job_id=job_id or _new_id("j"))
        job.weights = checked
        self.store.put_job(job)
        return job

    def add_job(self, job: Job) -> Job:
        """Store an already parsed job (an id is given when it has none)."""
        job = job.model_copy(
            update={"id": job.id or _new_id("j"), "weights": self._check_weights(job.weights)}
        )
        self.store.put_job(job)
        return job

    def get_job(self, job_id: str) -> Job:
        return self.store.get_job(job_id)

    def list_jobs(self, offset: int = 0, limit: int = 50) -> builtins.list[Job]:
        return self.store.list_jobs(offset, limit)

    def update_job_weights(self, job_id: str, weights: Mapping[str, float]) -> Job:
        """Replace a job's feature-weight overrides (an empty mapping restores the defaults)."""
        job = self.store.get_job(job_id)
        job.weights = self._check_weights(weights)
        self.store.put_job(job)
        return job

    def delete_job(self, job_id: str) -> bool:
        return self.store.delete_job(job_id)

    # -- ranking -------------------------------------------------------------------------------------------------

    @property
    def ranker(self) -> Ranker:
        if self._ranker is None:
            from matcher.ranking import rank_resumes

            self._ranker = rank_resumes
        return self._ranker

    @property
    def text_model(self) -> str:
        """The store key of the second candidate view: the blinded resume text embedded (see matcher.ranking)."""
        return f"{self.model}#text"

    def _default_ranker(self) -> bool:
        from matcher.ranking import rank_resumes

        return self._ranker is None or self._ranker is rank_resumes

    def _text_view(
        self, job: Job, ids: Sequence[str], candidates: Mapping[str, StoredResume]
    ) -> dict[str, Any]:
        """`text_vectors` and `job_text_vector` for the default ranker: stored text vectors, the missing ones
        embedded now (outside the lock) from the stored blinded text and kept for next time (unless the
        candidate was erased or replaced meanwhile)."""
        from matcher.ranking import embed_job_text

        if not self._default_ranker():
            return {}  # a custom ranker may not take the second view
        with self._lock:
            stored = self.store.get_embeddings(ids, self.text_model)
        missing = [c for c in ids if c not in stored or not np.any(stored[c])]
        if missing:
            self._views_behind = True
            with self._lock:
                blinded = self.store.lexical_texts(missing)
            if len(blinded) < len(missing):  # erased meanwhile: rank without the second view
                return {}
            fresh = self.embedder.encode([blinded[c] for c in missing])
            stored.update(zip(missing, fresh, strict=True))
            with self._lock:
                self.store.put_embeddings_if_current(
                    [(c, candidates[c].content_hash, v) for c, v in zip(missing, fresh, strict=True)],
                    self.text_model,
                )
        return {
            "text_vectors": np.stack([np.asarray(stored[c], dtype=np.float32) for c in ids]),
            "job_text_vector": self._job_cached("text", job, embed_job_text),
        }

    def _job_cached(self, view: str, job: Job, embed: Callable[[Job, Embedder], np.ndarray]) -> np.ndarray:
        """A job view's vector, kept for the next shortlists of the same job (keyed by the job's content, so an
        edited job is embedded again); embedding the job is most of a warm shortlist's time."""
        key = (view, job.model_dump_json(exclude={"id", "weights"}))
        with self._lock:
            hit = self._job_vectors.get(key)
            if hit is not None:
                self._job_vectors.move_to_end(key)
                return hit.copy()
        vec = np.asarray(embed(job, self.embedder), dtype=np.float32)
        with self._lock:
            self._job_vectors[key] = vec.copy()
            while len(self._job_vectors) > JOB_VECTORS_KEPT:
                self._job_vectors.popitem(last=False)
        return vec

    def _index_vectors(self, cids: Sequence[str]) -> dict[str, np.ndarray]:
        """The candidates' stored profile vectors read from the vector index when it keeps exact copies of them
        and hands them out (`vectors(ids)`: the numpy and FAISS flat / HNSW indexes; IVF-SQ8 keeps 8-bit codes
        and has none), instead of one SQLite row each (~10 us a row on a 100k pool); {} when it cannot or lacks
        any of them (the store is read then). Lock held."""
        get = getattr(self._index, "vectors", None)
        if not cids or get is None:
            return {}
        nums = self.store.nums_for(cids)
        if len(nums) < len(cids):
            return {}
        try:
            rows = np.asarray(get(np.array([nums[c] for c in cids], dtype=np.int64)), dtype=np.float32)
        except KeyError:  # not in the index (yet): read from the store
            return {}
        return dict(zip(cids, rows, strict=True))

    def _ranking_inputs(
        self, ids: Sequence[str], candidates: Mapping[str, StoredResume]
    ) -> (
        tuple[builtins.list[builtins.list[str]], builtins.list[str | None], builtins.list[str | Resume]]
        | None
    ):
        """`tokenize` of each candidate's stored blinded text, its blinded `resume_headline` and its value view
        (the JSON, or the view itself where it was derived now), kept between shortlists (LRU, TOKENS_KEPT) under
        (id, content hash), so a replaced document is read again; tokens are interned (shared strings). Those not
        in memory come from the store's ranking inputs (derived at ingest, under `ranking_inputs_version`), else
        are derived from the stored resume and blinded text and stored. None when a candidate has no stored
        blinded text (the ranker then blinds and tokenizes itself). Lock held."""
        from matcher.lexical import tokenize
        from matcher.profile import resume_headline

        version = ranking_inputs_version()
        with self._lock:
            # what is kept is taken first, and only then are new entries added and the oldest dropped: adding
            # while reading could drop an entry of this very shortlist before it is read
            got: dict[str, tuple[builtins.list[str], str | None, str]] = {}
            fresh: dict[str, Resume] = {}  # value views derived now
            for c in ids:
                key = (c, candidates[c].content_hash or "")
                kept = self._tokens.get(key)
                if kept is not None:
                    self._tokens.move_to_end(key)
                    got[c] = kept
            unseen = [c for c in ids if c not in got]
            stored = self.store.ranking_inputs(unseen, version) if unseen else {}
            underived = [c for c in unseen if c not in stored]
            texts = self.store.lexical_texts(underived) if underived else {}
            if len(texts) < len(underived):
                return None
            derived = []
            for c in unseen:
                if c in stored:
                    joined, headline, view = stored[c]
                    kept = ([sys.intern(t) for t in joined.split()], headline, view)
                else:  # stored before ranking inputs were kept, or by other code: derived and kept now
                    resume = candidates[c].resume
                    fresh[c] = value_view(resume)
                    kept = (
                        [sys.intern(t) for t in tokenize(texts[c])],
                        resume_headline(resume, blind=True),
                        fresh[c].model_dump_json(exclude_defaults=True),
                    )
                    derived.append((c, candidates[c].content_hash, version, " ".join(kept[0]), *kept[1:]))
                got[c] = kept
                self._tokens[(c, candidates[c].content_hash or "")] = kept
            while len(self._tokens) > TOKENS_KEPT:
                self._tokens.popitem(last=False)
            if derived:
                self.store.put_ranking_inputs(derived)
        return (
            [got[c][0] for c in ids],
            [got[c][1] for c in ids],
            [fresh[c] if c in fresh else got[c][2] for c in ids],
        )

    def job_vector(self, job: Job) -> np.ndarray:
        """The job's vector, embedded exactly as ranking embeds it (`matcher.ranking.embed_job`)."""
        from matcher.ranking import embed_job

        return self._job_cached("profile", job, embed_job)

    def shortlist(
        self,
        job: Job | str,
        top: int = 10,
        weights: Mapping[str, float] | None = None,
        blind: bool = True,
        *,
        lexical: bool = True,
        include_duplicates: bool = False,
    ) -> builtins.list[Match]:
        """Rank the pool for a job (a Job or a stored job id): dense + skill (+ BM25) recall, then ranking.

        Weights: the argument, else the job's stored overrides, else the defaults.
        """
        with self._foreground():
            matches = self._shortlist(job, top, weights, blind, lexical, include_duplicates)
        if self._views_behind:  # e.g. a store written before text views, or by another process
            self._views_behind = False
            self._kick_views()
        return matches

    def _shortlist(
        self,
        job: Job | str,
        top: int,
        weights: Mapping[str, float] | None,
        blind: bool,
        lexical: bool,
        include_duplicates: bool,
    ) -> builtins.list[Match]:
        if isinstance(job, str):
            job = self.store.get_job(job)
        if top <= 0:
            raise ValidationFailed("top must be positive")
        chosen = self._check_weights(weights) if weights else (dict(job.weights) or None)
        job_vec = self.job_vector(job)
        stored: dict[str, np.ndarray] = {}

        def vectors_for(cids: Sequence[str]) -> np.ndarray:
            stored.update(self._index_vectors(cids))
            rest = [c for c in cids if c not in stored]
            if rest:
                stored.update(self.store.get_embeddings(rest, self.model))
            zero = np.zeros(self.embedder.dim, dtype=np.float32)
            return np.stack([stored.get(c, zero) for c in cids]) if cids else zero.reshape(0, -1)

        with self._lock:
            recalled = retrieve(
                job,
                job_vec,
                index=self.index,
                skill_index=self.skill_index,
                ids_for=self.store.ids_for,
                lexical=self._lexical if lexical else None,
                dense_k=max(self.dense_k, 5 * top),
                skill_k=self.skill_k,
                lexical_k=self.lexical_k,
                include_duplicates=include_duplicates,
                rerank_k=None if self.rerank_k is None else max(self.rerank_k, 4 * top),
                vectors_for=vectors_for,
                weights=chosen,
            )
            ids = [r.candidate_id for r in recalled]
            # parsed on every shortlist, and only where read: keeping parsed resumes (~1,000 Python objects each)
            # made every full garbage collection walk them, which cost more than the parsing saved (STATUS.md,
            # session 3); the ranking reads the resumes of the candidates it does not prune
            candidates = self.store.get_stored_resumes(ids)
            ids = [c for c in ids if c in candidates]
            if blind and stored:
                vectors = {c: stored[c] for c in ids if c in stored}
            else:
                vectors = self.store.get_embeddings(ids, self.model) if blind else {}
            inputs = self._ranking_inputs(ids, candidates) if blind and ids else None
        if not ids:
            return []
        kwargs: dict[str, Any] = {"embedder": self.embedder, "weights": chosen, "blind": blind, "top": top}
        if blind and all(c in vectors for c in ids):
            # stored vectors embed the blinded profile, so they are only valid for blind ranking
            kwargs["resume_vectors"] = np.stack([vectors[c] for c in ids])
            kwargs["job_vector"] = job_vec
        if inputs is not None:
            kwargs["lexical_tokens"], kwargs["headlines"], views = inputs
            if self.value_views and self._default_ranker():
                # candidates are scored on their value views; the full resumes of the kept top are parsed
                kwargs["value_views"] = _LazyViews(views)
            if "resume_vectors" in kwargs:
                kwargs.update(self._text_view(job, ids, candidates))
        matches = self.ranker(job, _LazyResumes(ids, candidates), **kwargs)
        return [
            m.model_copy(update={"job_id": job.id, "source_name": candidates[m.candidate_id].source_name})
            for m in matches
        ]

    # -- search --------------------------------------------------------------------------------------------------

    def search(
        self,
        all_of: Sequence[str] = (),
        any_of: Sequence[str] = (),
        min_years: Mapping[str, float] | None = None,
        query: str = "",
        top: int = 20,
        *,
        location: str | None = None,
        min_total_years: float | None = None,
        include_duplicates: bool = False,
    ) -> builtins.list[Match]:
        """Search the pool by skills (ids or names the taxonomy knows), years per skill, free text and facets.

        Score = weighted sum of the present parts, renormalized: query similarity (0.5), share of `any_of`
        skills held (0.3), experience in the named skills (0.2, full at 5 years). Contributions sum to it.
        """
        with self._foreground():
            return self._search(
                all_of, any_of, min_years, query, top, location, min_total_years, include_duplicates
            )

    def _search(
        self,
        all_of: Sequence[str],
        any_of: Sequence[str],
        min_years: Mapping[str, float] | None,
        query: str,
        top: int,
        location: str | None,
        min_total_years: float | None,
        include_duplicates: bool,
    ) -> builtins.list[Match]:
        if top <= 0:
            raise ValidationFailed("top must be positive")
        all_ids = [resolve_skill(s) for s in all_of if s.strip()]
        any_ids = [resolve_skill(s) for s in any_of if s.strip()]
        min_months = {resolve_skill(s): round(float(y) * 12) for s, y in (min_years or {}).items()}
        if any(m < 0 for m in min_months.values()):
            raise ValidationFailed("min_years must be >= 0")
        filtered = bool(all_ids or any_ids or min_months or location or min_total_years is not None)
        query = query.strip()
        if not filtered and not query:
            raise ValidationFailed("give skills, a filter or a query")
        qvec = np.asarray(self.embedder.encode([query])[0], dtype=np.float32) if query else None
        with self._lock:
            skills = self.skill_index
            if filtered:
                pool = skills.match(
                    all_of=all_ids,
                    any_of=any_ids,
                    min_months=min_months,
                    min_total_months=None if min_total_years is None else round(min_total_years * 12),
                    location=location,
                    include_duplicates=include_duplicates,
                )
                sims = {}
                if qvec is not None and pool:
                    vecs = self.store.get_embeddings(pool, self.model)
                    sims = {c: float(v @ qvec) for c, v in vecs.items()}
            else:
                exclude = None if include_duplicates else skills.is_duplicate
                from matcher.retrieval import dense_recall

                assert qvec is not None
                hits = dense_recall(self.index, qvec, max(top * 5, 50), self.store.ids_for, exclude=exclude)
                pool = [c for c, _ in hits]
                sims = dict(hits)
            named = list(dict.fromkeys([*all_ids, *any_ids, *min_months]))
            parts = {"query": 0.5 if qvec is not None else 0.0, "skills": 0.3 if any_ids else 0.0}
            parts["experience"] = 0.2 if named else 0.0
            norm = sum(parts.values()) or 1.0
            weights = {k: v / norm for k, v in parts.items() if v > 0}
            # months of every named skill per candidate in one array pass (-1: not held)
            months = skills.months_held(pool, named)
            wanted = [named.index(s) for s in dict.fromkeys(any_ids)]
            share = (months[:, wanted] >= 0).mean(axis=1) if wanted else np.zeros(len(pool))
            used = (
                np.minimum(np.maximum(months, 0) / 60.0, 1.0).mean(axis=1) if named else np.zeros(len(pool))
            )
            scored = []
            for i, cid in enumerate(pool):
                values = {
                    "query": max(0.0, min(1.0, sims.get(cid, 0.0))),
                    "skills": float(share[i]),
                    "experience": float(used[i]),
                }
                score = sum(weights[k] * values[k] for k in weights)
                scored.append((score, cid, values))
            scored.sort(key=lambda t: (-t[0], t[1]))
            scored = scored[:top]
            candidates = self.store.get_candidates([cid for _, cid, _ in scored])
        out = []
        for rank, (score, cid, values) in enumerate(scored, start=1):
            cand = candidates.get(cid)
            if cand is None:
                continue
            out.append(
                Match(
                    candidate_id=cid,
                    score=score,
                    rank=rank,
                    source_name=cand.source_name,
                    explanation=self._search_explanation(
                        cand.resume, weights, values, named, any_ids, all_ids
                    ),
                )
            )
        return out

    @staticmethod
    def _search_explanation(
        resume: Resume,
        weights: Mapping[str, float],
        values: Mapping[str, float],
        named: Sequence[str],
        any_ids: Sequence[str],
        all_ids: Sequence[str],
    ) -> Explanation:
        mentions = {s.skill_id: s for s in resume.skills}
        notes = {
            "query": "similarity of the profile to the query",
            "skills": f"{sum(1 for s in set(any_ids) if s in mentions)} of {len(set(any_ids))} optional skills",
            "experience": "months of use of the named skills (full credit at 5 years)",
        }
        evidence = [sp for s in named if s in mentions for sp in mentions[s].evidence[:2]]
        contributions = [
            Contribution(
                feature=k,
                value=values[k],
                weight=w,
                contribution=w * values[k],
                note=notes[k],
                evidence=evidence if k != "query" else [],
            )
            for k, w in weights.items()
        ]
        required = set(all_ids)
        matched = [
            SkillMatch(
                skill_id=s,
                name=mentions[s].name,
                required=s in required,
                kind="exact",
                evidence=mentions[s].evidence[:3],
            )
            for s in named
            if s in mentions
        ]
        missing = [
            SkillMatch(skill_id=s, name=s, required=False, kind="missing") for s in named if s not in mentions
        ]
        return Explanation(contributions=contributions, matched_skills=matched, missing_skills=missing)

    # -- feedback ------------------------------------------------------------------------------------------------

    def record_feedback(self, job_id: str, candidate_id: str, decision: str) -> Feedback:
        """Record a recruiter decision ("advance" or "reject")."""
        return self.store.add_feedback(job_id, candidate_id, decision)

    def list_feedback(self, job_id: str | None = None) -> builtins.list[Feedback]:
        return self.store.list_feedback(job_id)

    def learn_weights(self, job_id: str | None = None, *, blind: bool = True) -> dict[str, float]:
        """Feature weights fitted to recorded feedback with `matcher.learning` (non-negative, summing to 1).

        With a job id, that job's decisions; without, every job's decisions pooled (features are computed per
        job, then stacked). A candidate's latest decision for a job counts. The weights are returned, not
        saved: `update_job_weights` stores them for a job.

        Raises:
            NotFound: unknown job. ValidationFailed: too few advances or rejects to fit.
        """
        from matcher.learning import decisions_to_labels
        from matcher.learning import learn_weights as fit
        from matcher.ranking import feature_matrix

        jobs = [self.store.get_job(job_id)] if job_id is not None else self.store.list_jobs(0, 1_000_000)
        rows: builtins.list[np.ndarray] = []
        labels: builtins.list[np.ndarray] = []
        names: tuple[str, ...] | None = None
        for job in jobs:
            latest: dict[str, str] = {}
            for fb in sorted(self.store.list_feedback(job.id), key=lambda f: (f.ts, f.id)):
                latest[fb.candidate_id] = fb.decision
            if not latest:
                continue
            with self._lock:
                candidates = self.store.get_candidates(builtins.list(latest))
                vectors = self.store.get_embeddings(builtins.list(candidates), self.model) if blind else {}
            ids = builtins.list(candidates)
            kwargs: dict[str, Any] = {"embedder": self.embedder, "blind": blind}
            if blind and ids and all(c in vectors for c in ids):
                kwargs["resume_vectors"] = np.stack([vectors[c] for c in ids])
                kwargs["job_vector"] = self.job_vector(job)
            got_ids, names, x = feature_matrix(job, [(c, candidates[c].resume) for c in ids], **kwargs)
            rows.append(x)
            labels.append(decisions_to_labels([latest[c] for c in got_ids]))
        if not rows or names is None:
            raise ValidationFailed("no feedback recorded yet to learn weights from")
        return fit(np.vstack(rows), np.concatenate(labels), feature_names=names)
