"""HTTP routes: `/health` open, everything under `/v1` behind an API key."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from service.deps import require_api_key
from service.routes import audits, candidates, health, jobs, search

__all__ = ["api_router", "health_router"]

health_router = health.router

api_router = APIRouter(prefix="/v1", dependencies=[Depends(require_api_key)])
api_router.include_router(candidates.router)
api_router.include_router(jobs.router)
api_router.include_router(search.router)
api_router.include_router(audits.router)
