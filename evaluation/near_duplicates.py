"""Near-duplicate documents in a labelled set, found by word shingles; pure functions.

Public resume sets hold copies of one resume under different invented names (the annotators' anonymisation swaps
the name, e-mail and phone and leaves the rest). A copy matters twice for evaluation: a copy of a development
resume in the held-out half is not unseen, and two copies labelled apart show how far the labels agree with
themselves (evaluation.label_agreement).

Two documents are near-duplicates when at least `threshold` of the smaller one's word 5-grams also occur in the
other (containment, so a copy with a section cut off or added still counts); a document of fewer than
`MIN_SHINGLES` 5-grams pairs with none, since a few lines are contained in many unrelated texts. Copies are then
grouped transitively. On the labelled resume set the copies stand apart: every pair at or above 0.8 is a copy (the
lowest is 0.85), and the next pair holds 0.61. Where both texts must be the same resume as a whole (the labels'
agreement), `jaccard` is the measure: shared 5-grams over all 5-grams of the two.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

__all__ = [
    "DEFAULT_THRESHOLD",
    "MIN_SHINGLES",
    "containment",
    "duplicate_groups",
    "jaccard",
    "near_duplicate_pairs",
    "shingles",
]

DEFAULT_THRESHOLD = 0.8
MIN_SHINGLES = 50
_WORD_RE = re.compile(r"\w+")


def shingles(text: str, n: int = 5) -> frozenset[str]:
    """The document's lower-cased word n-grams; a text shorter than n words gives none."""
    words = _WORD_RE.findall(text.lower())
    return frozenset(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller shingle set found in the other; 0 when either is empty."""
    if not a or not b:
        return 0.0
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & big) / len(small)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared shingles over all shingles of the two; 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def near_duplicate_pairs(
    texts: Mapping[str, str],
    threshold: float = DEFAULT_THRESHOLD,
    *,
    measure: Callable[[frozenset[str], frozenset[str]], float] = containment,
) -> list[tuple[str, str, float]]:
    """(id a, id b, measure) for every pair at or above the threshold, in the mapping's order; documents with
    fewer than MIN_SHINGLES shingles are left out."""
    ids = list(texts)
    sets = [shingles(texts[i]) for i in ids]
    out = []
    for x in range(len(ids)):
        if len(sets[x]) < MIN_SHINGLES:
            continue
        for y in range(x + 1, len(ids)):
            if len(sets[y]) < MIN_SHINGLES:
                continue
            c = measure(sets[x], sets[y])
            if c >= threshold:
                out.append((ids[x], ids[y], c))
    return out


def duplicate_groups(pairs: Iterable[tuple[str, str, float]]) -> list[set[str]]:
    """Transitive groups of the paired ids (each group has two or more members)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for x in parent:
        groups.setdefault(root(x), set()).add(x)
    return [g for g in groups.values() if len(g) > 1]
