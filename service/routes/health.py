"""`GET /health`: the only route open without an API key."""

from __future__ import annotations

from fastapi import APIRouter

from service.schemas import HealthOut

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthOut)
def health() -> HealthOut:
    """Liveness: the process answers. Says nothing about the pool."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("shortlist")
    except PackageNotFoundError:
        v = "dev"
    return HealthOut(version=v)
