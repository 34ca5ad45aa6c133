"""Resource limits applied while turning untrusted bytes into text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Upper bounds on one input document; anything over them raises DocumentTooLarge or UnsafeDocument.

    max_bytes: size of the uploaded file. max_pages: PDF pages. max_chars: characters of extracted text.
    max_unzipped_bytes / max_zip_ratio / max_zip_entries: DOCX container checks (zip bombs).
    """

    max_bytes: int = 10_000_000
    max_pages: int = 30
    max_chars: int = 300_000
    max_unzipped_bytes: int = 60_000_000
    max_zip_ratio: int = 200
    max_zip_entries: int = 2000


DEFAULT_LIMITS = Limits()
