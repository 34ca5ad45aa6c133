"""The parsers' per-process caches of text they have read, and how to drop them.

Some parser functions keep their answers per line or phrase (`functools.lru_cache`), and a line can be a
candidate's name or contact line. `clear_text_caches` empties them, so erasing a candidate leaves no copy of its
text in them; they refill from the next parse.
"""

from __future__ import annotations

__all__ = ["clear_text_caches"]


def clear_text_caches() -> None:
    """Empty every parser cache keyed by resume text (lines, phrases, titles)."""
    from parsers import occupations, sections, titles

    for cached in (
        sections.classify_heading,
        titles.lower_words,
        titles.is_title_word,
        titles.looks_like_title,
        titles.looks_like_employer,
        occupations.normalize_title_key,
    ):
        cached.cache_clear()
    occupations.clear_lookup_caches()
