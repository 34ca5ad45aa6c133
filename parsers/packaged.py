"""The data files the parsers ship (skills taxonomy, occupation index): gzipped JSON, written byte for byte
reproducibly by their build scripts and read once by the parsers. The builds read ../shared/data."""

from __future__ import annotations

import gzip
import json
import os
import zlib
from pathlib import Path
from typing import Any

from models.errors import ConfigError

REPO = Path(__file__).resolve().parent.parent


def default_data_dir() -> Path:
    """Where the build scripts find the source data: $SHORTLIST_SHARED_DATA, else ../shared/data."""
    env = os.environ.get("SHORTLIST_SHARED_DATA")
    return Path(env) if env else REPO / ".." / "shared" / "data"


def read_gzip_json(path: Path, what: str) -> Any:
    """The JSON document in a gzipped file; ConfigError naming `what` when it is missing or unreadable."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, EOFError, ValueError, zlib.error) as exc:  # missing, not gzip, truncated, not JSON
        raise ConfigError(f"cannot read the {what} at {path}: {exc}") from exc


def write_gzip_json(document: Any, out: Path) -> None:
    """Write `document` as compact gzipped JSON with no timestamp, so a rebuild from the same data gives the
    same bytes."""
    raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with (
        out.open("wb") as fh,
        gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(raw)
