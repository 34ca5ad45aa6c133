"""Evidence: where in the extracted text a value came from, and how sure the parser is."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Span(BaseModel):
    """A character span [start, end) in a document's extracted text, with the text it covers."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """Build a span over `source[start:end]`."""
        return cls(start=start, end=end, text=source[start:end])


class TextField(BaseModel):
    """An extracted string value with its evidence and confidence in [0, 1]."""

    value: str
    evidence: Span | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
