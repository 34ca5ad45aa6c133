"""`/v1/candidates`: upload (one or many files), list, get the parsed profile, re-parse, erase."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile

from models.errors import DocumentTooLarge, ParseError, ValidationFailed
from service.deps import ApiKeyDep, AuditDep, PoolDep, SettingsDep, add_document
from service.schemas import (
    CandidateOut,
    CandidateSummary,
    FileError,
    Page,
    UploadOut,
    candidate_out,
    error_responses,
    summary_from_candidate,
)
from service.settings import Settings

log = logging.getLogger(__name__)

router = APIRouter(prefix="/candidates", tags=["candidates"])


def read_upload(upload: UploadFile, settings: Settings) -> bytes:
    """The bytes of one uploaded file, refusing more than `max_upload_bytes` without reading it all."""
    data = upload.file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise DocumentTooLarge(f"The file is over the {settings.max_upload_bytes:,} byte limit.")
    return data


def safe_name(filename: str | None) -> str | None:
    """The base name of an uploaded file, without any path a client sent."""
    if not filename:
        return None
    return filename.replace("\\", "/").rsplit("/", 1)[-1][:255] or None


def page_limit(limit: int | None, settings: Settings) -> int:
    return min(limit or settings.page_size_default, settings.page_size_max)


@router.post(
    "",
    status_code=201,
    response_model=UploadOut,
    responses=error_responses(401, 413, 415, 422),
    summary="Upload one or many resumes",
)
def upload_candidates(
    files: Annotated[list[UploadFile], File(description="PDF, DOCX, TXT, MD or HTML resumes")],
    pool: PoolDep,
    settings: SettingsDep,
    key: ApiKeyDep,
    audit: AuditDep,
) -> UploadOut:
    """Parse and add each file to the pool. The type is detected from the bytes, not the name.

    With one file, a parse failure is the response's error (413, 415 or 422). With several, the files
    that fail are listed under `errors`; if none succeeds, the first failure is the error.
    """
    if len(files) > settings.max_files_per_upload:
        raise ValidationFailed(f"At most {settings.max_files_per_upload} files per upload.")
    created: list[CandidateSummary] = []
    errors: list[FileError] = []
    first_error: ParseError | None = None
    for upload in files:
        name = safe_name(upload.filename)
        try:
            candidate = add_document(pool, read_upload(upload, settings), name, settings)
        except ParseError as exc:
            first_error = first_error or exc
            errors.append(FileError(filename=name, code=exc.code, message=exc.message))
            continue
        created.append(summary_from_candidate(candidate, blind=False))
    if not created and first_error is not None:
        raise first_error
    audit.record(
        "upload", key_id=key.id, candidate_ids=[c.id for c in created], details={"failed": len(errors)}
    )
    return UploadOut(created=created, errors=errors)


@router.get("", response_model=Page[CandidateSummary], responses=error_responses(401))
def list_candidates(
    pool: PoolDep,
    settings: SettingsDep,
    key: ApiKeyDep,
    audit: AuditDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int | None, Query(ge=1, description="page size, capped by the server")] = None,
) -> Page[CandidateSummary]:
    """The pool, oldest first, a page at a time."""
    n = page_limit(limit, settings)
    items = [summary_from_candidate(c, blind=settings.blind) for c in pool.list(offset=offset, limit=n)]
    audit.record("list", key_id=key.id, candidate_ids=[c.id for c in items], details={"offset": offset})
    return Page[CandidateSummary](items=items, total=pool.count(), offset=offset, limit=n)


@router.get("/{candidate_id}", response_model=CandidateOut, responses=error_responses(401, 404))
def get_candidate(
    candidate_id: str,
    pool: PoolDep,
    settings: SettingsDep,
    key: ApiKeyDep,
    audit: AuditDep,
    reveal: Annotated[bool, Query(description="show contact details while screening blind (logged)")] = False,
) -> CandidateOut:
    """The parsed profile, every field with its evidence span. Contact details are redacted when blind."""
    candidate = pool.get(candidate_id)
    revealed = reveal and settings.blind
    audit.record("reveal" if revealed else "view", key_id=key.id, candidate_ids=[candidate_id])
    return candidate_out(candidate, blind=settings.blind, reveal=reveal)


@router.get("/{candidate_id}/jsonresume", responses=error_responses(401, 404))
def export_candidate(candidate_id: str, pool: PoolDep, key: ApiKeyDep, audit: AuditDep) -> dict[str, object]:
    """Export the full profile in the JSON Resume schema (logged as an export)."""
    from parsers.jsonresume import to_json_resume

    candidate = pool.get(candidate_id)
    audit.record("export", key_id=key.id, candidate_ids=[candidate_id], details={"format": "jsonresume"})
    return to_json_resume(candidate.resume)


@router.post(
    "/{candidate_id}/reparse",
    response_model=CandidateSummary,
    responses=error_responses(401, 404, 413, 415, 422),
)
def reparse_candidate(
    candidate_id: str,
    pool: PoolDep,
    settings: SettingsDep,
    key: ApiKeyDep,
    audit: AuditDep,
    file: Annotated[UploadFile | None, File(description="a new version of the resume (optional)")] = None,
) -> CandidateSummary:
    """Parse the stored original again (after a parser upgrade), or replace it with a new version."""
    if file is not None:
        data = read_upload(file, settings)
    else:
        stored = pool.get_file(pool.get(candidate_id).id)
        if stored is None:
            raise ValidationFailed("The original file was not kept: upload a new version to re-parse.")
        data = stored[1]
    candidate = pool.update(candidate_id, data)
    audit.record(
        "reparse", key_id=key.id, candidate_ids=[candidate_id], details={"new_file": file is not None}
    )
    return summary_from_candidate(candidate, blind=settings.blind)


@router.delete("/{candidate_id}", status_code=204, responses=error_responses(401, 404))
def erase_candidate(candidate_id: str, pool: PoolDep, key: ApiKeyDep, audit: AuditDep) -> Response:
    """Erase the candidate everywhere: store rows, vectors, the original file, caches and feedback.

    Flagged duplicates of the same person (same email or phone, near-identical text) are erased with it.
    """
    erased = pool.erase(candidate_id)
    audit.record("erase", key_id=key.id, candidate_ids=erased)
    log.info("erased candidates %s", ",".join(erased))
    return Response(status_code=204)
