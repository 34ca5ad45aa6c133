"""Skill inverted index over the talent pool: skill id -> candidates (with months of use), plus search facets.

Built from the store's skill postings (no resume JSON is parsed), then kept in step by the pool on every add,
update and erase. Answers "who has all of / any of these skills, with at least N years of X", and the skill
recall that keeps an exact skill match from being lost to embedding noise in `matcher.retrieval`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from matcher.store import CandidateStore

log = logging.getLogger(__name__)


@dataclass
class _Facts:
    total_months: int = 0
    location: str | None = None
    duplicate_of: str | None = None


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


class SkillIndex:
    """In-memory postings: skill id -> {candidate id: months}; candidate id -> facts. Thread-safe."""

    def __init__(self) -> None:
        self._postings: dict[str, dict[str, int]] = {}
        self._skills: dict[str, dict[str, int]] = {}  # candidate -> {skill: months}
        self._facts: dict[str, _Facts] = {}
        self._lock = threading.RLock()

    @classmethod
    def from_store(cls, store: CandidateStore) -> SkillIndex:
        """Build from the store's postings and facts."""
        index = cls()
        for fact in store.candidate_facts():
            index._facts[fact.candidate_id] = _Facts(fact.total_months, fact.location, fact.duplicate_of)
            index._skills[fact.candidate_id] = {}
        for cid, skill, months in store.skill_postings():
            index._postings.setdefault(skill, {})[cid] = months
            index._skills.setdefault(cid, {})[skill] = months
        log.info("skill index built: %s candidates, %s skills", len(index._facts), len(index._postings))
        return index

    def __len__(self) -> int:
        return len(self._facts)

    def __contains__(self, candidate_id: object) -> bool:
        return candidate_id in self._facts

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
        """Add or replace one candidate."""
        with self._lock:
            self.remove(candidate_id)
            self._facts[candidate_id] = _Facts(int(total_months), location, duplicate_of)
            self._skills[candidate_id] = {s: int(m or 0) for s, m in skills.items()}
            for skill, months in self._skills[candidate_id].items():
                self._postings.setdefault(skill, {})[candidate_id] = months

    def remove(self, candidate_id: str) -> None:
        with self._lock:
            for skill in self._skills.pop(candidate_id, {}):
                posting = self._postings.get(skill)
                if posting is not None:
                    posting.pop(candidate_id, None)
                    if not posting:
                        del self._postings[skill]
            self._facts.pop(candidate_id, None)

    def set_duplicate_of(self, candidate_id: str, duplicate_of: str | None) -> None:
        with self._lock:
            if candidate_id in self._facts:
                self._facts[candidate_id].duplicate_of = duplicate_of

    # -- queries -------------------------------------------------------------------------------------------------

    def skills_of(self, candidate_id: str) -> dict[str, int]:
        """{skill id: months} of one candidate."""
        return dict(self._skills.get(candidate_id, {}))

    def holders(self, skill_id: str) -> dict[str, int]:
        """{candidate id: months} of the candidates with a skill."""
        return dict(self._postings.get(skill_id, {}))

    def is_duplicate(self, candidate_id: str) -> bool:
        fact = self._facts.get(candidate_id)
        return bool(fact and fact.duplicate_of)

    def held_counts(self, candidate_ids: Sequence[str], skill_ids: Sequence[str]) -> np.ndarray:
        """How many of `skill_ids` each candidate holds (int32, rows align with `candidate_ids`)."""
        wanted = list(dict.fromkeys(skill_ids))
        with self._lock:
            return np.fromiter(
                (sum(s in held for s in wanted) for held in (self._skills.get(c, {}) for c in candidate_ids)),
                np.int32,
                len(candidate_ids),
            )

    def count_any(self, skill_ids: Iterable[str], *, include_duplicates: bool = False) -> dict[str, int]:
        """{candidate id: how many of the skills it has} for every candidate with at least one of them."""
        counts: dict[str, int] = {}
        with self._lock:
            for skill in dict.fromkeys(skill_ids):
                for cid in self._postings.get(skill, {}):
                    counts[cid] = counts.get(cid, 0) + 1
            if not include_duplicates:
                counts = {c: n for c, n in counts.items() if not self.is_duplicate(c)}
        return counts

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
            if required:
                postings = [self._postings.get(s, {}) for s in required]
                postings.sort(key=len)
                pool: Iterable[str] = [cid for cid in postings[0] if all(cid in p for p in postings[1:])]
            else:
                pool = list(self._facts)
            wanted_any = set(any_of)
            loc = location.casefold().strip() if location else None
            out = []
            for cid in pool:
                fact = self._facts.get(cid)
                if fact is None or (fact.duplicate_of and not include_duplicates):
                    continue
                skills = self._skills.get(cid, {})
                if wanted_any and not wanted_any.intersection(skills):
                    continue
                if any(skills.get(s, 0) < m for s, m in min_months.items()):
                    continue
                if min_total_months is not None and fact.total_months < min_total_months:
                    continue
                if loc and loc not in (fact.location or "").casefold():
                    continue
                out.append(cid)
        order = {cid: i for i, cid in enumerate(self._facts)}
        return sorted(out, key=lambda c: order.get(c, 0))
