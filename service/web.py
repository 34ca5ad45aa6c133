"""Server-rendered web pages (Jinja2) on the same app: upload, jobs, shortlists, search, feedback.

The API key is entered once on /login and kept in an HttpOnly, SameSite=Strict cookie; every form that
changes something also carries a CSRF token derived from the key. Pages call the same pool and the same
shortlist/search helpers as the API, and the same access log records what was viewed.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from models.errors import ParseError, PermissionDenied, ShortlistError, Unauthorized, ValidationFailed
from models.evidence import Span
from models.resume import Resume
from service.auth import ApiKey
from service.deps import PoolDep, ServicesDep, SettingsDep, add_document
from service.routes.candidates import read_upload, safe_name
from service.routes.jobs import build_shortlist, check_job_text, check_weights, default_weights
from service.routes.search import parse_min_years, run_search, split_list
from service.schemas import (
    SearchRequest,
    blind_text,
    candidate_label,
    experience_years,
    headline,
    job_summary,
    summary_from_candidate,
)

if TYPE_CHECKING:
    from models.candidate import Candidate

__all__ = ["COOKIE", "render_error", "router"]

COOKIE = "shortlist_key"
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))

router = APIRouter(include_in_schema=False)


# ---- session ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WebSession:
    key: ApiKey
    csrf: str


def csrf_token(plain_key: str) -> str:
    """A per-key token for forms: only a page served to the key's holder knows it."""
    return hmac.new(plain_key.encode("utf-8"), b"shortlist-web-csrf", hashlib.sha256).hexdigest()[:40]


def web_session(request: Request, services: ServicesDep) -> WebSession:
    plain = request.cookies.get(COOKIE)
    key = services.keys.verify(plain)  # Unauthorized -> render_error redirects to /login
    return WebSession(key=key, csrf=csrf_token(plain or ""))


SessionDep = Annotated[WebSession, Depends(web_session)]


def check_csrf(session: WebSession, token: str) -> None:
    if not hmac.compare_digest(session.csrf, token or ""):
        raise PermissionDenied("The form is out of date; reload the page and try again.")


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)


def render_error(request: Request, status: int, code: str, message: str) -> Response:
    """Error page for web requests; a missing or bad key sends the browser to /login."""
    if status == 401 and request.url.path != "/login":
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    return render(request, "error.html", {"status": status, "code": code, "message": message}, status)


# ---- presentation helpers -----------------------------------------------------------------------


def feature_label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def snippet(text: str, span: Span, width: int = 60) -> dict[str, str]:
    """The evidence with some context either side, for highlighting."""
    start, end = max(0, span.start), min(len(text), span.end)
    lo, hi = max(0, start - width), min(len(text), end + width)
    before = text[lo:start].split("\n")[-1]
    after = text[end:hi].split("\n")[0]
    return {
        "before": ("…" if lo > 0 and len(before) == start - lo else "") + before,
        "mark": text[start:end],
        "after": after + ("…" if hi < len(text) and len(after) == hi - end else ""),
    }


def highlighted_segments(text: str, spans: list[tuple[Span, str]]) -> list[tuple[str, str | None]]:
    """Split `text` into (piece, css class or None) around non-overlapping spans."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    for span, cls in sorted(spans, key=lambda p: (p[0].start, -p[0].end)):
        if span.start < pos or span.end > len(text) or span.end <= span.start:
            continue
        out.append((text[pos : span.start], None))
        out.append((text[span.start : span.end], cls))
        pos = span.end
    out.append((text[pos:], None))
    return [p for p in out if p[0]]


def weights_from_query(params: Any) -> dict[str, float] | None:
    """`w_<feature>=<value>` query or form fields as a weights mapping (None when there are none)."""
    weights: dict[str, float] = {}
    for name, value in params.items():
        if name.startswith("w_"):
            try:
                weights[name[2:]] = float(value)
            except ValueError as exc:
                raise ValidationFailed(f"Weight {name[2:]} is not a number.") from exc
    return check_weights(weights) if weights else None


def _candidate_view(c: Candidate, text: str) -> dict[str, Any]:
    r = c.resume
    return {
        "id": c.id,
        "label": candidate_label(c.id),
        "headline": headline(r),
        "years": experience_years(r),
        "resume": r,
        "text": text,
    }


# ---- login --------------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login")
def login(
    request: Request,
    services: ServicesDep,
    settings: SettingsDep,
    key: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    try:
        services.keys.verify(key.strip())
    except Unauthorized:
        return render(
            request, "login.html", {"next": _safe_next(next), "error": "That key is not valid."}, 401
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        COOKIE, key.strip(), httponly=True, samesite="strict", secure=settings.cookie_secure, path="/"
    )
    return response


@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


# ---- dashboard, uploads, jobs -------------------------------------------------------------------


def _dashboard(
    request: Request, pool: Any, settings: Any, session: WebSession, offset: int = 0, **extra: Any
) -> HTMLResponse:
    status_code = extra.pop("status_code", 200)
    n = settings.page_size_default
    candidates = [summary_from_candidate(c, blind=settings.blind) for c in pool.list(offset=offset, limit=n)]
    jobs = [job_summary(j) for j in pool.list_jobs()]
    context = {
        "csrf": session.csrf,
        "key": session.key,
        "count": pool.count(),
        "candidates": candidates,
        "jobs": jobs,
        "offset": offset,
        "page_size": n,
        "uploaded": [],
        "failed": [],
        "job_error": None,
        **extra,
    }
    return render(request, "index.html", context, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    session: SessionDep,
    pool: PoolDep,
    settings: SettingsDep,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    return _dashboard(request, pool, settings, session, offset)


@router.post("/ui/candidates", response_class=HTMLResponse)
def upload(
    request: Request,
    session: SessionDep,
    pool: PoolDep,
    settings: SettingsDep,
    services: ServicesDep,
    files: Annotated[list[UploadFile], File()],
    csrf: Annotated[str, Form()] = "",
) -> HTMLResponse:
    check_csrf(session, csrf)
    uploaded, failed = [], []
    for f in files[: settings.max_files_per_upload]:
        name = safe_name(f.filename)
        if not name and f.size == 0:
            continue
        try:
            candidate = add_document(pool, read_upload(f, settings), name, settings)
            uploaded.append(summary_from_candidate(candidate, blind=False))
        except ParseError as exc:
            failed.append({"filename": name, "message": exc.message})
    services.audit.record(
        "upload",
        key_id=session.key.id,
        candidate_ids=[c.id for c in uploaded],
        details={"failed": len(failed)},
    )
    return _dashboard(request, pool, settings, session, uploaded=uploaded, failed=failed)


@router.post("/ui/jobs")
def create_job(
    request: Request,
    session: SessionDep,
    pool: PoolDep,
    settings: SettingsDep,
    services: ServicesDep,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form(max_length=200)] = "",
    file: Annotated[UploadFile | None, File()] = None,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(session, csrf)
    try:
        if file is not None and file.filename:
            from parsers.extract import extract_document
            from parsers.limits import Limits

            limits = Limits(max_bytes=settings.max_upload_bytes, max_pages=settings.max_pages)
            text = extract_document(read_upload(file, settings), limits=limits).text
        job = pool.create_job(check_job_text(text, settings), title=title.strip() or None)
    except ShortlistError as exc:
        return _dashboard(request, pool, settings, session, job_error=exc.message, status_code=exc.status)
    services.audit.record("create_job", key_id=session.key.id, job_id=job.id)
    return RedirectResponse(f"/jobs/{quote(job.id or '')}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(
    request: Request,
    session: SessionDep,
    job_id: str,
    pool: PoolDep,
    settings: SettingsDep,
    services: ServicesDep,
    top: Annotated[int, Query(ge=1, le=100)] = 10,
    partial: bool = False,
) -> HTMLResponse:
    job = pool.get_job(job_id)
    weights = weights_from_query(request.query_params)
    out = build_shortlist(pool, job_id, top=top, weights=weights, settings=settings)
    services.audit.record(
        "rank", key_id=session.key.id, job_id=job_id, candidate_ids=[i.candidate_id for i in out.items]
    )
    texts = {}
    for item in out.items:
        c = pool.get(item.candidate_id)
        texts[item.candidate_id] = blind_text(c.resume) if settings.blind else c.resume.text
    features = list(default_weights())
    max_weight = max([c.weight for i in out.items for c in i.contributions] + [1e-9])
    query = {k: v for k, v in request.query_params.items() if k != "partial"}
    context = {
        "csrf": session.csrf,
        "key": session.key,
        "job": job,
        "shortlist": out,
        "features": features,
        "feature_index": {f: i for i, f in enumerate(features)},
        "feature_label": feature_label,
        "max_weight": max_weight,
        "texts": texts,
        "snippet": snippet,
        "top": top,
        "back": f"/jobs/{quote(job_id)}" + (f"?{urlencode(query)}" if query else ""),
        "weights_changed": weights is not None,
    }
    return render(request, "_shortlist.html" if partial else "job.html", context)


@router.post("/ui/jobs/{job_id}/weights")
async def save_weights(
    request: Request, session: SessionDep, job_id: str, pool: PoolDep, services: ServicesDep
) -> Response:
    form = await request.form()
    check_csrf(session, str(form.get("csrf", "")))
    weights = weights_from_query(form) or {}
    await run_in_threadpool(pool.update_job_weights, job_id, weights)
    services.audit.record("update_weights", key_id=session.key.id, job_id=job_id)
    return RedirectResponse(f"/jobs/{quote(job_id)}", status_code=303)


@router.post("/ui/jobs/{job_id}/feedback")
def feedback(
    session: SessionDep,
    job_id: str,
    pool: PoolDep,
    services: ServicesDep,
    candidate_id: Annotated[str, Form()],
    decision: Annotated[str, Form(pattern="^(advance|reject)$")],
    back: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(session, csrf)
    pool.get_job(job_id)
    pool.get(candidate_id)
    pool.record_feedback(job_id, candidate_id, decision)
    services.audit.record(
        "feedback",
        key_id=session.key.id,
        job_id=job_id,
        candidate_ids=[candidate_id],
        details={"decision": decision},
    )
    target = _safe_next(back) if back.startswith(f"/jobs/{quote(job_id)}") else f"/jobs/{quote(job_id)}"
    return RedirectResponse(f"{target}#c-{candidate_id}", status_code=303)


@router.post("/ui/jobs/{job_id}/learn")
def learn(
    session: SessionDep,
    job_id: str,
    pool: PoolDep,
    services: ServicesDep,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(session, csrf)
    pool.update_job_weights(job_id, pool.learn_weights(job_id))
    services.audit.record("learn_weights", key_id=session.key.id, job_id=job_id)
    return RedirectResponse(f"/jobs/{quote(job_id)}", status_code=303)


# ---- candidates and search ----------------------------------------------------------------------


@router.get("/candidates/{candidate_id}", response_class=HTMLResponse)
def candidate_page(
    request: Request,
    session: SessionDep,
    candidate_id: str,
    pool: PoolDep,
    settings: SettingsDep,
    services: ServicesDep,
    job: str | None = None,
) -> HTMLResponse:
    c = pool.get(candidate_id)
    services.audit.record("view", key_id=session.key.id, candidate_ids=[candidate_id], job_id=job)
    resume: Resume = c.resume
    text = blind_text(resume) if settings.blind else resume.text
    wanted: set[str] = set()
    job_obj = None
    if job:
        job_obj = pool.get_job(job)
        wanted = {s.skill_id for s in job_obj.all_skills()}
    spans = [
        (span, "hit" if mention.skill_id in wanted else "skill")
        for mention in resume.skills
        for span in mention.evidence
    ]
    context = {
        "csrf": session.csrf,
        "key": session.key,
        "c": _candidate_view(c, text),
        "segments": highlighted_segments(text, spans),
        "job": job_obj,
        "wanted": wanted,
        "blind": settings.blind,
    }
    return render(request, "candidate.html", context)


@router.post("/ui/candidates/{candidate_id}/erase")
def erase(
    session: SessionDep,
    candidate_id: str,
    pool: PoolDep,
    services: ServicesDep,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(session, csrf)
    erased = pool.erase(candidate_id)
    services.audit.record("erase", key_id=session.key.id, candidate_ids=erased)
    return RedirectResponse("/", status_code=303)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    session: SessionDep,
    pool: PoolDep,
    settings: SettingsDep,
    services: ServicesDep,
    skills: str = "",
    any: str = "",
    min_years: str = "",
    query: str = "",
) -> HTMLResponse:
    form = {"skills": skills, "any": any, "min_years": min_years, "query": query}
    results = None
    error = None
    if any or skills or min_years or query:
        try:
            req = SearchRequest(
                all_of=split_list([skills]),
                any_of=split_list([any]),
                min_years=parse_min_years([min_years]),
                query=query,
                top=50,
            )
            results = run_search(pool, req, settings)
            services.audit.record(
                "search", key_id=session.key.id, candidate_ids=[h.candidate_id for h in results.items]
            )
        except ValidationFailed as exc:
            error = exc.message
    return render(
        request,
        "search.html",
        {"key": session.key, "csrf": session.csrf, "form": form, "results": results, "error": error},
    )
