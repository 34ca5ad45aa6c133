"""Near-duplicate documents in a labelled set, found by word shingles; pure functions.

Public resume sets hold copies of one resume under different invented names (the annotators' anonymisation swaps
the name, e-mail and phone and leaves the rest). A copy matters twice for evaluation: a copy of a development
resume in the held-out half is not unseen, and two copies labelled apart show how far the labels agree with
themselves (evaluation.label_agreement).

Two documents are near-duplicates when at least `threshold` of the smaller one's word 5-grams also occur in the
other (containment, so a copy with a section cut off still counts). Copies are then grouped transitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["DEFAULT_THRESHOLD", "containment", "duplicate_groups", "near_duplicate_pairs", "shingles"]

DEFAULT_THRESHOLD = 0.9
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


def near_duplicate_pairs(
    texts: Mapping[str, str], threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[str, str, float]]:
    """(id a, id b, containment) for every pair at or above the threshold, in the mapping's order."""
    ids = list(texts)
    sets = [shingles(texts[i]) for i in ids]
    out = []
    for x in range(len(ids)):
        for y in range(x + 1, len(ids)):
            c = containment(sets[x], sets[y])
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
