"""Parsers: bytes -> text with layout -> Resume; job text -> Job.

The public names below are imported lazily (on first use), so `import parsers` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parsers.extract import extract_document
    from parsers.job import parse_job
    from parsers.jsonresume import to_json_resume
    from parsers.limits import Limits
    from parsers.resume import parse_resume, parse_resume_text

__all__ = ["Limits", "extract_document", "parse_job", "parse_resume", "parse_resume_text", "to_json_resume"]

_WHERE = {
    "Limits": "parsers.limits",
    "extract_document": "parsers.extract",
    "parse_job": "parsers.job",
    "parse_resume": "parsers.resume",
    "parse_resume_text": "parsers.resume",
    "to_json_resume": "parsers.jsonresume",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'parsers' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
