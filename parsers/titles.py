"""Where a short phrase's whole job title stands ("Leader Developer" of "Leader Developer Flash", "Head of
Marketing" of "a suitable Head of Marketing"): shared by the readers of roles outside the work history."""

from __future__ import annotations

import re

from parsers.experience import is_title_word, looks_like_employer, looks_like_title, lower_words, plural_head

__all__ = ["title_span"]

_WORD = re.compile(r"[A-Za-z][\w.&'\-]*")
_MINOR = ("of", "and", "for", "the")
MAX_TITLE_WORDS = 5


def title_span(
    piece: str, *, skip: frozenset[str] = frozenset(), open_tail: bool = False
) -> tuple[int, int] | None:
    """The span of `piece`'s whole title: from its first word not in `skip` (lower case) to its last title word.

    A function after the title word stays: after "of" or "for", when every later word is capitalised or minor
    ("Head of Marketing", "Director for Sales"); with `open_tail` (a phrase already cut at its clause's end),
    everything after "of" ("Director of I.T."). None when no whole title is there: more than five words, not
    ending in a title word, a plural head, reading more as an organisation than a title, or holding a digit."""
    words = list(_WORD.finditer(piece))
    while words and words[0].group(0).lower() in skip:
        words.pop(0)
    end = len(words)
    while end and not is_title_word(words[end - 1].group(0).lower().strip(".,")):
        end -= 1
    if end and end < len(words):
        nxt = words[end].group(0).lower()
        capitalised_tail = all(
            w.group(0)[:1].isupper() or w.group(0).lower() in _MINOR for w in words[end + 1 :]
        )
        if (open_tail and nxt == "of") or (not open_tail and nxt in ("of", "for") and capitalised_tail):
            end = len(words)
    words = words[:end]
    if not words or len(words) > MAX_TITLE_WORDS:
        return None
    a, b = words[0].start(), words[-1].end()
    title = piece[a:b]
    if (
        looks_like_title(title) < 1.0
        or plural_head(lower_words(title))
        or looks_like_employer(title) > looks_like_title(title)
        or any(ch.isdigit() for ch in title)
    ):
        return None
    return a, b
