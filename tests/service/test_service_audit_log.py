"""The append-only access log: ids only, hash-chained, tamper-evident."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.audit_log import AuditLog


def test_entries_chain_and_verify(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    log.record("upload", key_id="k1", candidate_ids=["c_1", "c_2"])
    log.record("rank", key_id="k1", job_id="j_1", candidate_ids=["c_2"], details={"top": 10})
    log.record("erase", key_id="k2", candidate_ids=["c_1"])
    entries = list(log.entries())
    assert [e["seq"] for e in entries] == [1, 2, 3]
    assert entries[1]["prev"] == entries[0]["hash"]
    assert entries[2]["action"] == "erase" and entries[2]["candidate_ids"] == ["c_1"]
    assert log.verify() == (True, 3)
    page, total = log.page(0, 2)
    assert total == 3 and [e["seq"] for e in page] == [3, 2]


def test_editing_or_dropping_a_line_breaks_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path)
    for i in range(4):
        log.record("view", key_id="k", candidate_ids=[f"c_{i}"])
    lines = path.read_text().splitlines()
    edited = json.loads(lines[1])
    edited["candidate_ids"] = ["c_other"]
    path.write_text("\n".join([lines[0], json.dumps(edited), *lines[2:]]) + "\n")
    assert log.verify() == (False, 1)
    path.write_text("\n".join([lines[0], *lines[2:]]) + "\n")
    assert log.verify() == (False, 1)


def test_details_keep_scalars_only_and_actions_are_known(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    entry = log.record("search", key_id="k", details={"n": 3, "text": {"nested": "resume text"}})
    assert entry["details"] == {"n": 3}
    with pytest.raises(ValueError):
        log.record("bogus", key_id="k")


def test_a_new_instance_continues_the_chain(tmp_path: Path) -> None:
    AuditLog(tmp_path / "audit.jsonl").record("view", key_id="k", candidate_ids=["c_1"])
    log = AuditLog(tmp_path / "audit.jsonl")
    assert log.record("view", key_id="k", candidate_ids=["c_2"])["seq"] == 2
    assert log.verify() == (True, 2)
