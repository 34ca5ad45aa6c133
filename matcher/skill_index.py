"""Skill inverted index over the talent pool: skill id -> candidates (with months of use), plus search facets.

Built from the store's skill postings (no resume JSON is parsed), then kept in step by the pool on every add,
update and erase. Compact: candidates are numbered rows, skills interned to ints, and the postings one CSR
(per skill: sorted int32 rows, int16 months) plus flat buffers of recent additions (10 bytes a posting),
merged into the CSR at the next query once they pass `COMPACT_AFTER` postings, and during adds once they
outgrow the CSR (so bulk adds stay amortized O(1)); erased rows are masked out and dropped at the next merge. About 10 bytes per candidate for facts and 6 per skill held, beside the
id-to-row map. Answers "who has all of / any of these skills, with at least N years of X", and the skill
recall that keeps an exact skill match from being lost to embedding noise in `matcher.retrieval`.
"""

from __future__ import annotations

import logging
import threading
from array import array
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat

import numpy as np

from matcher.store import CandidateStore

log = logging.getLogger(__name__)


COMPACT_AFTER = 2048  # recent additions kept in dicts before a query merges them into the arrays
_MONTHS_MAX = int(np.iinfo(np.int16).max)


def resolve_skill(term: str) -> str:
    """A skill id for what a user typed: the taxonomy's canonical id when it knows the term, else the term
    itself lower-cased (ids pass through unchanged)."""
    term = term.strip()
    if not term:
        return term
    try:
        from parsers.taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
    except Exception:  # the taxonomy is optional here: without it, terms are matched as ids
        return term.lower()
    if taxonomy.get(term) is not None:
        return term
    entry = taxonomy.lookup(term)
    return entry.id if entry is not None else term.lower()


def _most_first(counts: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k largest counts, largest first, ties by position: the first k of
    `np.lexsort((positions, -counts))`, taken count by count (there are as many counts as skills asked) instead
    of sorting every holder."""
    if counts.size <= k or counts.size <= 4096:
        return np.lexsort((np.arange(counts.size), -counts))[:k]
    picked: list[np.ndarray] = []
    left = k
    for c in np.unique(counts)[::-1]:
        if left <= 0:
            break
        at = np.flatnonzero(counts == c)[:left]  # ascending positions
        picked.append(at)
        left -= at.size
    return np.concatenate(picked) if picked else np.zeros(0, np.int64)


class SkillIndex:
    """Skill postings and search facets over numbered candidate rows (see the module docstring). Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._row: dict[str, int] = {}  # live candidates only
        self._cids: list[str | None] = []  # row -> candidate id (None once erased)
        self._n = 0
        self._live = np.zeros(0, dtype=bool)
        self._dup = np.zeros(0, dtype=bool)
        self._total = np.zeros(0, dtype=np.int32)
        self._loc = np.zeros(0, dtype=np.int32)  # index into _locations, -1 when unknown
        self._dup_of: dict[int, str] = {}
        self._locations: list[str] = []
        self._loc_id: dict[str, int] = {}
        self._sid: dict[str, int] = {}
        self._skill_names: list[str] = []
        # merged postings: skill s holds rows _prow[_ptr[s]:_ptr[s + 1]] (ascending) with months _pmon[...]
        self._ptr = np.zeros(1, dtype=np.int64)
        self._prow = np.zeros(0, dtype=np.int32)
        self._pmon = np.zeros(0, dtype=np.int16)
        self._dead = 0  # erased rows still in the merged postings
        # recent additions, rows above every merged one, in row order: (row, skill, months) per posting
        self._drow = array("i")
        self._dsid = array("i")
        self._dmon = array("h")

    @classmethod
    def from_store(cls, store: CandidateStore) -> SkillIndex:
        """Build from the store's postings and facts."""
        index = cls()
        facts = store.candidate_facts()
        index._grow(len(facts))
        for fact in facts:
            index._new_row(fact.candidate_id, fact.total_months, fact.location, fact.duplicate_of)
        rows, sids, months = [], [], []
        for cid, skill, m in store.skill_postings():
            row = index._row.get(cid)
            if row is not None:
                rows.append(row)
                sids.append(index._skill(skill))
                months.append(m)
        index._merge(np.asarray(rows, np.int64), np.asarray(sids, np.int64), np.asarray(months, np.int64))
        log.info("skill index built: %s candidates, %s skills", len(index), len(index._skill_names))
        return index

    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, candidate_id: object) -> bool:
        return candidate_id in self._row

    def nbytes(self) -> int:
        """Bytes held by the arrays (the id map and the id strings come on top)."""
        arrays = (self._live, self._dup, self._total, self._loc, self._ptr, self._prow, self._pmon)
        recent = (self._drow, self._dsid, self._dmon)
        return int(sum(a.nbytes for a in arrays) + sum(len(a) * a.itemsize for a in recent))

    # -- internals -----------------------------------------------------------------------------------------------

    def _grow(self, extra: int) -> None:
        need = self._n + extra
        if need <= len(self._live):
            return
        cap = max(need, 2 * len(self._live), 1024)
        for name in ("_live", "_dup", "_total", "_loc"):
            old = getattr(self, name)
            new = np.zeros(cap, dtype=old.dtype)
            new[: self._n] = old[: self._n]
            setattr(self, name, new)

    def _skill(self, skill_id: str) -> int:
        sid = self._sid.get(skill_id)
        if sid is None:
            sid = self._sid[skill_id] = len(self._skill_names)
            self._skill_names.append(skill_id)
        return sid

    def _new_row(
        self, candidate_id: str, total_months: int, location: str | None, duplicate_of: str | None
    ) -> int:
        self._grow(1)
        row = self._n
        self._n += 1
        self._row[candidate_id] = row
        self._cids.append(candidate_id)
        self._live[row] = True
        self._total[row] = int(total_months or 0)
        if location:
            lid = self._loc_id.get(location)
            if lid is None:
                lid = self._loc_id[location] = len(self._locations)
                self._locations.append(location)
            self._loc[row] = lid
        else:
            self._loc[row] = -1
        self._dup[row] = bool(duplicate_of)
        if duplicate_of:
            self._dup_of[row] = duplicate_of
        return row

    def _merge(self, rows: np.ndarray, sids: np.ndarray, months: np.ndarray) -> None:
        """Rebuild the CSR postings from the live merged ones plus (rows, sids, months)."""
        if rows.size > 1 and bool(np.any(np.diff(rows) < 0)):  # the store's postings come in any order
            by_row = np.argsort(rows, kind="stable")
            rows, sids, months = rows[by_row], sids[by_row], months[by_row]
        counts = np.diff(self._ptr)
        old_sids = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
        keep = self._live[self._prow]
        all_rows = np.concatenate([self._prow[keep].astype(np.int64), rows])
        all_sids = np.concatenate([old_sids[keep], sids])
        all_months = np.concatenate([self._pmon[keep].astype(np.int64), months])
        # merged postings are (skill, row)-sorted and new rows are above them, in row order: a stable sort by
        # skill keeps every posting's rows ascending
        key = all_sids.astype(np.uint16) if len(self._skill_names) <= 1 << 16 else all_sids
        order = np.argsort(key, kind="stable")  # radix sort for 16-bit keys
        self._prow = all_rows[order].astype(np.int32)
        self._pmon = np.clip(all_months[order], 0, _MONTHS_MAX).astype(np.int16)
        per_skill = np.bincount(all_sids, minlength=len(self._skill_names))
        self._ptr = np.zeros(len(per_skill) + 1, dtype=np.int64)
        np.cumsum(per_skill, out=self._ptr[1:])
        self._dead = 0

    def _recent(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Copies of the recent-addition buffers as int64 arrays (rows, skills, months)."""
        # frombuffer reads the buffers in place; astype copies, so no view pins them (they must stay growable)
        return (
            np.frombuffer(self._drow, dtype=np.int32).astype(np.int64),
            np.frombuffer(self._dsid, dtype=np.int32).astype(np.int64),
            np.frombuffer(self._dmon, dtype=np.int16).astype(np.int64),
        )

    def _flush(self) -> None:
        rows, sids, months = self._recent()
        keep = self._live[rows]
        self._drow, self._dsid, self._dmon = array("i"), array("i"), array("h")
        self._merge(rows[keep], sids[keep], months[keep])

    def compact(self) -> None:
        """Merge the recent additions into the arrays and drop erased rows now (queries do it once enough
        of them pile up). `from_store` builds an index merged already."""
        self._flush()

    def _ready(self) -> None:
        """Merge the recent additions (and drop erased rows) once there are enough of them."""
        if len(self._drow) > COMPACT_AFTER or self._dead > max(COMPACT_AFTER, len(self._row) // 8):
            self._flush()

    def _posting(self, sid: int | None) -> tuple[np.ndarray, np.ndarray]:
        """Live (rows ascending, months) of one skill."""
        if sid is None:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        if sid + 1 < len(self._ptr):
            lo, hi = int(self._ptr[sid]), int(self._ptr[sid + 1])
            rows, months = self._prow[lo:hi].astype(np.int64), self._pmon[lo:hi].astype(np.int64)
            if self._dead:
                keep = self._live[rows]
                rows, months = rows[keep], months[keep]
        else:
            rows, months = np.zeros(0, np.int64), np.zeros(0, np.int64)
        if len(self._drow):  # rows above every merged one, in row order
            d_rows, d_sids, d_months = self._recent()
            hit = (d_sids == sid) & self._live[d_rows]
            rows = np.concatenate([rows, d_rows[hit]])
            months = np.concatenate([months, d_months[hit]])
        return rows, months

    def _posting_rows(self, sid: int | None) -> np.ndarray:
        """The live rows of one skill, ascending: a view of the merged postings when nothing is erased or
        pending (no copy of a long posting per query), else `_posting`'s rows."""
        if sid is not None and not self._dead and not len(self._drow) and sid + 1 < len(self._ptr):
            return self._prow[int(self._ptr[sid]) : int(self._ptr[sid + 1])]
        return self._posting(sid)[0]

    def _rows_of(self, candidate_ids: Sequence[str]) -> np.ndarray:
        return np.fromiter(map(self._row.get, candidate_ids, repeat(-1)), np.int64, len(candidate_ids))

    def _ids(self, rows: np.ndarray) -> list[str]:
        cids = self._cids
        return [cids[int(r)] or "" for r in rows]

    def _tally(self, skill_ids: Iterable[str]) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
        """How many of the skills each row holds: with many postings a count per row of the index (one
        bincount pass; sorting half a million postings per query was the cost of skill recall at 1M),
        otherwise (rows ascending, counts) of the holders (np.unique of the few postings)."""
        parts = [self._posting_rows(self._sid.get(s)) for s in dict.fromkeys(skill_ids)]
        if not parts:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        rows = np.concatenate(parts)
        if rows.size * 16 >= self._n:
            return np.bincount(rows, minlength=self._n)
        found, counts = np.unique(rows, return_counts=True)
        return found.astype(np.int64), counts

    def _count_rows(
        self, tally: np.ndarray | tuple[np.ndarray, np.ndarray], include_duplicates: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """(rows ascending, counts) of the holders in a `_tally`, duplicates left out unless asked for."""
        if isinstance(tally, np.ndarray):
            rows = np.flatnonzero(tally)
            counts = tally[rows]
        else:
            rows, counts = tally
        if not include_duplicates and len(rows):
            keep = ~self._dup[rows]
            rows, counts = rows[keep], counts[keep]
        return rows, counts

    # -- updates -------------------------------------------------------------------------------------------------

    def add(
        self,
        candidate_id: str,
        skills: Mapping[str, int],
        *,
        total_months: int = 0,
        location: str | None = None,
        duplicate_of: str | None = None,
    ) -> None:
        """Add or replace one candidate (a replaced one moves to the end of the insertion order)."""
        with self._lock:
            self.remove(candidate_id)
            row = self._new_row(candidate_id, total_months, location, duplicate_of)
            for skill, months in skills.items():
                self._drow.append(row)
                self._dsid.append(self._skill(skill))
                self._dmon.append(min(max(int(months or 0), 0), _MONTHS_MAX))
            # geometric: amortized O(1) per add (the first query after a bulk load merges the rest, about
            # 0.1 s per million postings)
            if len(self._drow) > max(COMPACT_AFTER, len(self._prow)):
                self._flush()

    def remove(self, candidate_id: str) -> None:
        with self._lock:
            row = self._row.pop(candidate_id, None)
            if row is None:
                return
            self._cids[row] = None
            self._live[row] = False
            self._dup[row] = False
            self._dup_of.pop(row, None)
            self._dead += 1

    def set_duplicate_of(self, candidate_id: str, duplicate_of: str | None) -> None:
        with self._lock:
            row = self._row.get(candidate_id)
            if row is not None:
                self._dup[row] = bool(duplicate_of)
                if duplicate_of:
                    self._dup_of[row] = duplicate_of
                else:
                    self._dup_of.pop(row, None)

    # -- queries -------------------------------------------------------------------------------------------------

    def skills_of(self, candidate_id: str) -> dict[str, int]:
        """{skill id: months} of one candidate."""
        with self._lock:
            row = self._row.get(candidate_id)
            if row is None:
                return {}
            names = self._skill_names
            if len(self._drow) and row >= self._drow[0]:
                d_rows, d_sids, d_months = self._recent()
                hit = d_rows == row
                return {names[int(s)]: int(m) for s, m in zip(d_sids[hit], d_months[hit], strict=True)}
            pos = np.flatnonzero(self._prow == row)
            sids = np.searchsorted(self._ptr, pos, side="right") - 1
            return {names[int(s)]: int(self._pmon[p]) for s, p in zip(sids, pos, strict=True)}

    def holders(self, skill_id: str) -> dict[str, int]:
        """{candidate id: months} of the candidates with a skill."""
        with self._lock:
            self._ready()
            rows, months = self._posting(self._sid.get(skill_id))
            return dict(zip(self._ids(rows), (int(m) for m in months), strict=True))

    def is_duplicate(self, candidate_id: str) -> bool:
        row = self._row.get(candidate_id)
        return row is not None and bool(self._dup[row])

    def count_any(self, skill_ids: Iterable[str], *, include_duplicates: bool = False) -> dict[str, int]:
        """{candidate id: how many of the skills it has} for every candidate with at least one of them."""
        with self._lock:
            self._ready()
            rows, counts = self._count_rows(self._tally(skill_ids), include_duplicates)
            return dict(zip(self._ids(rows), (int(c) for c in counts), strict=True))

    def top_holders(
        self, skill_ids: Iterable[str], k: int, *, include_duplicates: bool = False
    ) -> dict[str, int]:
        """`count_any` cut to the k candidates with the most of the skills (ties in insertion order), in
        that order; counted over arrays, so only k ids become Python strings."""
        with self._lock:
            self._ready()
            tally = self._tally(skill_ids)
            if not isinstance(tally, np.ndarray):  # few holders: sort them
                rows, counts = self._count_rows(tally, include_duplicates)
                order = _most_first(counts, max(0, k))
                rows, counts = rows[order], counts[order]
            else:  # a count per row: read the rows count by count, most first, rows ascending within one
                if not include_duplicates:
                    tally[self._dup[: tally.size]] = 0
                picked: list[np.ndarray] = []
                left = max(0, k)
                for c in range(int(tally.max(initial=0)), 0, -1):
                    if left <= 0:
                        break
                    at = np.flatnonzero(tally == c)[:left]
                    picked.append(at)
                    left -= at.size
                rows = np.concatenate(picked) if picked else np.zeros(0, np.int64)
                counts = tally[rows]
            return dict(zip(self._ids(rows), (int(c) for c in counts), strict=True))

    def held_counts(self, candidate_ids: Sequence[str], skill_ids: Sequence[str]) -> np.ndarray:
        """How many of `skill_ids` each candidate holds (int32, rows align with `candidate_ids`)."""
        with self._lock:
            self._ready()
            rows = self._rows_of(candidate_ids)
            out = np.zeros(len(rows), dtype=np.int32)
            for skill in dict.fromkeys(skill_ids):
                held = self._posting_rows(self._sid.get(skill))  # in row order: a binary search per candidate
                if len(held):
                    look = rows.astype(held.dtype)  # -1 (unknown) finds nothing
                    out += held[np.minimum(np.searchsorted(held, look), len(held) - 1)] == look
            return out

    def months_held(self, candidate_ids: Sequence[str], skill_ids: Sequence[str]) -> np.ndarray:
        """Months of each skill per candidate (int32, shape len(candidate_ids) x len(skill_ids)); -1 where
        the candidate does not hold the skill."""
        with self._lock:
            self._ready()
            rows = self._rows_of(candidate_ids)
            out = np.full((len(rows), len(skill_ids)), -1, dtype=np.int32)
            for j, skill in enumerate(skill_ids):
                held, months = self._posting(self._sid.get(skill))
                if not len(held):
                    continue
                pos = np.minimum(np.searchsorted(held, rows), len(held) - 1)
                hit = held[pos] == rows
                out[hit, j] = months[pos[hit]]
            return out

    def match(
        self,
        *,
        all_of: Sequence[str] = (),
        any_of: Sequence[str] = (),
        min_months: Mapping[str, int] | None = None,
        min_total_months: int | None = None,
        location: str | None = None,
        include_duplicates: bool = False,
    ) -> list[str]:
        """Candidates with every skill of `all_of`, at least one of `any_of` (when given), at least
        `min_months[skill]` months of each listed skill, `min_total_months` of experience in all, and a
        location containing `location` (case-insensitive). Ids in insertion order."""
        min_months = dict(min_months or {})
        required = list(dict.fromkeys([*all_of, *min_months]))
        with self._lock:
            self._ready()
            rows: np.ndarray | None = None
            for skill in required:
                held, months = self._posting(self._sid.get(skill))
                if skill in min_months:
                    held = held[months >= min_months[skill]]
                rows = held if rows is None else np.intersect1d(rows, held, assume_unique=True)
            if rows is None:
                rows = np.flatnonzero(self._live[: self._n])
            if not include_duplicates:
                rows = rows[~self._dup[rows]]
            if any_of:
                wanted = [self._posting(self._sid.get(s))[0] for s in dict.fromkeys(any_of)]
                rows = rows[np.isin(rows, np.concatenate(wanted))]
            if min_total_months is not None:
                rows = rows[self._total[rows] >= min_total_months]
            loc = location.casefold().strip() if location else None
            if loc:
                places = [i for i, name in enumerate(self._locations) if loc in name.casefold()]
                rows = rows[np.isin(self._loc[rows], np.asarray(places, dtype=np.int32))]
            return self._ids(rows)
