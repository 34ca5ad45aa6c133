"""The shipped-data helpers: reproducible gzipped JSON and a clear error for a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import ConfigError
from parsers.packaged import read_gzip_json, write_gzip_json


def test_round_trip_is_byte_for_byte_reproducible(tmp_path: Path) -> None:
    doc = {"skills": [["python", "Python", ["py"]]], "note": "café"}
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    write_gzip_json(doc, a)
    write_gzip_json(doc, b)
    assert a.read_bytes() == b.read_bytes()
    assert read_gzip_json(a, "test data") == doc


@pytest.mark.parametrize("content", [None, b"not gzip", b"\x1f\x8b\x08garbage"])
def test_missing_or_corrupt_file_is_a_config_error(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "x.json.gz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ConfigError, match="cannot read the test data"):
        read_gzip_json(path, "test data")


def test_truncated_and_non_json_files_are_config_errors(tmp_path: Path) -> None:
    path = tmp_path / "x.json.gz"
    write_gzip_json({"a": list(range(1000))}, path)
    path.write_bytes(path.read_bytes()[:-20])  # cut before the end-of-stream marker
    with pytest.raises(ConfigError):
        read_gzip_json(path, "test data")
    import gzip

    path.write_bytes(gzip.compress(b"{not json"))
    with pytest.raises(ConfigError):
        read_gzip_json(path, "test data")
