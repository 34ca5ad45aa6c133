"""What a resume needs before it can be stored, worked out without the store: for `matcher.pool`, in this process
or in the parser worker processes of `Pool.add_many`.

Kept apart from the pool so a worker process imports the parsers and the profile code, not the store, the
vector index or the ranking.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from matcher.dedupe import Fingerprint, content_hash, fingerprint
from models import Resume, ShortlistError

__all__ = [
    "VALUE_VIEW_FIELDS",
    "WORKER_NICE",
    "Prepared",
    "parse_prepared",
    "parser_executor",
    "prepare",
    "ranking_inputs_version",
    "value_view",
    "value_view_json",
]


@dataclass
class Prepared:
    """One parsed resume with what storing it needs (`prepare`)."""

    resume: Resume
    source_name: str | None
    data: bytes | None
    content_hash: str
    profile: str
    blinded: str
    fingerprint: Fingerprint
    tokens: str  # `tokenize(blinded)`, space-joined (what ranking's BM25 reads)
    headline: str | None  # `resume_headline(resume, blind=True)`
    view: str  # `value_view_json(resume)`


def prepare(resume: Resume, source_name: str | None, data: bytes | None) -> Prepared:
    """Everything about one resume that needs no store: content hash, blinded text, profile, fingerprint, and
    the tokens and headline ranking reads."""
    from matcher.lexical import tokenize
    from matcher.profile import blind_text, profile_text, resume_headline

    chash = content_hash(data) if data is not None else content_hash(resume.text.encode())
    contact = resume.contact
    blinded = blind_text(resume.text, resume)
    fp = fingerprint(
        name=contact.name.value if contact.name else None,
        email=contact.email.value if contact.email else None,
        phones=[contact.phone.value if contact.phone else None],
        content_hash=chash,
        blinded_text=blinded,
    )
    return Prepared(
        resume,
        source_name,
        data,
        chash,
        profile_text(resume, blind=True),
        blinded,
        fp,
        " ".join(tokenize(blinded)),
        resume_headline(resume, blind=True),
        value_view_json(resume),
    )


# What ranking scores a candidate on before it reads the full resume of the kept top (`rank_resumes(value_views=)`):
# the values of its skills, positions and education, without text, evidence or descriptions. Decoding one costs
# about a third of decoding the full resume (measured 0.07 against 0.22 ms on livecareer resumes).
VALUE_VIEW_FIELDS: dict[str, Any] = {
    "skills": {"__all__": {"skill_id", "name", "type", "confidence", "months", "last_used"}},
    "work": {"__all__": {"title", "start", "end", "current", "months", "skill_ids", "confidence"}},
    "education": {"__all__": {"level"}},
    "total_experience_months": True,
}


def value_view(resume: Resume) -> Resume:
    """The resume's value view: a Resume with only the `VALUE_VIEW_FIELDS` of this one (empty text)."""
    return Resume.model_validate({"text": "", **resume.model_dump(include=VALUE_VIEW_FIELDS)})


def value_view_json(resume: Resume) -> str:
    """`value_view(resume)` as stored (defaults left out); `Resume.model_validate_json` reads it back."""
    return value_view(resume).model_dump_json(exclude_defaults=True)


@functools.cache
def ranking_inputs_version() -> str:
    """Names the code that derives a candidate's ranking inputs (tokens, blinded headline, value view): a digest
    of this module (which holds the value view's fields), matcher/lexical.py, matcher/profile.py and the resume
    model, so inputs stored by other code are derived again, not used."""
    import matcher.lexical
    import matcher.profile
    import models.resume

    digest = hashlib.sha256(Path(__file__).read_bytes())
    for module in (matcher.lexical, matcher.profile, models.resume):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


# Parser worker processes run at this nice value (Unix): the embedding, the one stage of an ingest that cannot be
# split, keeps its core while the workers share what is left, and bulk parsing yields to request handling. At equal
# priority the workers starved it (the batch loop waited 8-10 s of a 15 s ingest of 400 documents on embeddings,
# and the last batches were embedded on one busy core). Niced, with the last batch on every core, the ingest keeps
# more of both cores busy: 1.77-1.80 against 1.64-1.70 cores (3 alternated runs of 500 generated documents).
WORKER_NICE = 5


def _lower_priority(increment: int) -> None:
    """Worker process initializer: lower this process's priority by `increment` where the OS allows it."""
    with contextlib.suppress(AttributeError, OSError):
        os.nice(increment)


def parser_executor(workers: int) -> ProcessPoolExecutor:
    """The pool of parser processes `Pool.add_many` uses: spawned (no threads or locks inherited) and niced."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("spawn"),
        initializer=_lower_priority,
        initargs=(WORKER_NICE,),
    )


def parse_prepared(data: bytes, source_name: str | None) -> Prepared | ShortlistError:
    """Parse and prepare one document (in a worker process when there are workers); errors come back as
    values so one bad file does not stop a batch. The bytes are not sent back: the caller has them."""
    from parsers.resume import parse_resume

    try:
        prep = prepare(parse_resume(data), source_name, data)
    except ShortlistError as exc:
        return exc
    prep.data = None
    return prep
