"""One place that maps errors to HTTP responses: `{"error": {"code", "message"}}` with the error's status.

`models.errors.ShortlistError` subclasses carry their own `code` and `status`; FastAPI's validation errors
become 422 `validation_failed`; Starlette HTTP errors keep their status; anything else is a 500 whose
details stay in the log. Requests for web pages (not under /v1, not /health) get an HTML error page instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from models.errors import ShortlistError

log = logging.getLogger(__name__)

__all__ = ["error_body", "install_error_handlers"]

HtmlRenderer = Callable[[Request, int, str, str], Response]

_STATUS_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    413: "document_too_large",
    415: "unsupported_format",
    422: "validation_failed",
    429: "too_many_requests",
}


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    """The JSON body of every error response."""
    return {"error": {"code": code, "message": message}}


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/v1") or path in ("/health", "/openapi.json", "/docs")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI, html_renderer: HtmlRenderer | None = None) -> None:
    """Register the handlers on `app`; `html_renderer` draws errors for web-page requests."""

    def respond(request: Request, status: int, code: str, message: str) -> Response:
        if html_renderer is not None and not _is_api(request):
            return html_renderer(request, status, code, message)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(error_body(code, message), status_code=status, headers=headers)

    @app.exception_handler(ShortlistError)
    async def _shortlist_error(request: Request, exc: ShortlistError) -> Response:
        if exc.status >= 500:
            log.error("%s on %s %s", exc.code, request.method, request.url.path)
        return respond(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 422, "validation_failed", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        status = exc.status_code
        code = _STATUS_CODES.get(status, "error")
        detail: Any = exc.detail
        message = detail if isinstance(detail, str) else HTTPStatus(status).phrase
        return respond(request, status, code, message)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled %s on %s %s", type(exc).__name__, request.method, request.url.path)
        return respond(request, 500, "internal_error", "Internal server error.")
