"""API keys: random, shown once, hashed at rest, revocable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.errors import NotFound, Unauthorized, ValidationFailed
from service.auth import KeyStore, hash_key


def test_key_is_hashed_at_rest_and_verifies(tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "keys.sqlite")
    record, plain = store.create("ci")
    assert plain.startswith(f"slk_{record.id}_") and len(plain) > 50
    assert store.verify(plain).id == record.id
    raw = (tmp_path / "keys.sqlite").read_bytes()
    assert plain.encode() not in raw and plain.split("_", 2)[2].encode() not in raw
    with sqlite3.connect(tmp_path / "keys.sqlite") as con:
        (stored,) = con.execute("SELECT key_hash FROM api_keys").fetchone()
    assert stored == hash_key(plain)


@pytest.mark.parametrize("bad", [None, "", "nope", "slk_abc", "slk_deadbeef0000_wrong", "x" * 500])
def test_bad_keys_are_refused(tmp_path: Path, bad: str | None) -> None:
    store = KeyStore(tmp_path / "keys.sqlite")
    store.create("ci")
    with pytest.raises(Unauthorized):
        store.verify(bad)


def test_wrong_secret_for_a_real_id_is_refused(tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "keys.sqlite")
    _, plain = store.create("ci")
    with pytest.raises(Unauthorized):
        store.verify(plain[:-2] + ("A" if plain[-2] != "A" else "B") + plain[-1])


def test_revoked_key_stops_working(tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "keys.sqlite")
    record, plain = store.create("ci")
    assert store.revoke(record.id).revoked_at
    with pytest.raises(Unauthorized):
        store.verify(plain)
    assert store.count_active() == 0
    with pytest.raises(NotFound):
        store.revoke("missing")


def test_pepper_changes_the_hash(tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "keys.sqlite", pepper=b"server-secret")
    _, plain = store.create("ci")
    assert store.verify(plain)
    with pytest.raises(Unauthorized):
        KeyStore(tmp_path / "keys.sqlite").verify(plain)


def test_key_names_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed):
        KeyStore(tmp_path / "keys.sqlite").create("  ")
