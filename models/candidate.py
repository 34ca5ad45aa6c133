"""A candidate in the talent pool."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from models.resume import Resume


class Candidate(BaseModel):
    """A stored candidate: an id, the parsed resume and bookkeeping. Demographics are never stored here."""

    id: str
    resume: Resume
    source_name: str | None = None  # original file name, for the recruiter
    content_hash: str | None = None  # sha256 of the original bytes
    duplicate_of: str | None = None  # set when flagged as a near-duplicate of another candidate
    created_at: datetime | None = None
    updated_at: datetime | None = None
    tags: list[str] = Field(default_factory=list)
