"""The FastAPI application: `/health`, the `/v1` API (OpenAPI at `/docs`) and the web pages."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from service.deps import Services
from service.errors import error_body, install_error_handlers
from service.settings import Settings, get_settings

log = logging.getLogger(__name__)

__all__ = ["create_app"]

STATIC_DIR = Path(__file__).parent / "static"

_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def _version() -> str:
    try:
        return version("shortlist")
    except PackageNotFoundError:
        return "dev"


def create_app(settings: Settings | None = None, *, services: Services | None = None) -> FastAPI:
    """Build the app for `settings` (default: from the environment)."""
    from service import web
    from service.routes import api_router, health_router

    settings = settings or get_settings()
    app = FastAPI(
        title="Shortlist",
        version=_version(),
        summary="Resume parsing and explainable candidate matching.",
        description=(
            "Every `/v1` route needs an API key in `X-API-Key` or `Authorization: Bearer`. "
            'Errors are `{"error": {"code", "message"}}` with the status code that fits.'
        ),
        docs_url=None,  # served below from the packaged Swagger UI, so /docs works with no internet
    )
    app.state.services = services or Services(settings)
    install_error_handlers(app, html_renderer=web.render_error)

    @app.middleware("http")
    async def limit_body_and_secure(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        # Refuse an oversized body before anything reads it; per-file limits are checked again later.
        length = request.headers.get("content-length")
        limit = settings.max_request_bytes
        if length is not None and (not length.isdigit() or int(length) > limit):
            return JSONResponse(
                error_body("document_too_large", f"The request body is over the {limit:,} byte limit."),
                status_code=413,
            )
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        path = request.url.path
        if not path.startswith(("/docs", "/redoc", "/openapi")):
            response.headers.setdefault("Content-Security-Policy", _CSP)
            response.headers.setdefault("X-Frame-Options", "DENY")
        if not path.startswith("/static"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    app.include_router(health_router)
    app.include_router(api_router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _install_docs(app)
    return app


def _install_docs(app: FastAPI) -> None:
    """Serve Swagger UI at /docs from the `swagger-ui-bundle` package's files instead of a CDN."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.responses import HTMLResponse
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )
