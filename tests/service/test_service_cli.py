"""The CLI through service.cli.main: exit codes, JSON output, one-line errors for bad input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_fixtures import JOB_TEXT, resume_text

from service.cli import main
from service.settings import get_settings


@pytest.fixture(autouse=True)
def hashing_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("SHORTLIST_EMBEDDER", "hashing")
    monkeypatch.setenv("SHORTLIST_DATA_DIR", str(tmp_path / "envdata"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / "ada.txt").write_bytes(resume_text(name="Ada One", email="a1@example.com"))
    (folder / "bo.md").write_bytes(
        resume_text(name="Bo Two", email="b2@example.com", title="Java Developer", skills=("Java", "Kafka"))
    )
    (folder / "notes.bin").write_bytes(b"\x00" * 10)  # not a resume suffix: ignored in folders
    job = tmp_path / "job.txt"
    job.write_text(JOB_TEXT)
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(bytes(range(256)) * 4)
    return {"folder": folder, "job": job, "junk": junk, "ada": folder / "ada.txt"}


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith("shortlist: error:")
    return err[0]


def test_parse_prints_json(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(files["ada"])]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["source_format"] == "txt" and out["contact"]["email"]["value"] == "a1@example.com"
    assert out["work"][0]["title"] == "Senior Software Engineer"


def test_parse_json_resume(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("parsers.jsonresume")
    assert main(["parse", str(files["ada"]), "--format", "jsonresume"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["basics"]["email"] == "a1@example.com" and out["work"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["parse", "missing.pdf"], "no such file"),
        (["parse", "JUNK"], "unsupported_format"),
        (["parse", "FOLDER"], "is a directory"),
        (["rank", "JOB", "missing-folder"], "no such file"),
        (["rank", "JOB", "FOLDER", "--weights", "{bad"], "not valid JSON"),
        (["rank", "JOB", "FOLDER", "--weights", '{"shoe_size": 1}'], "shoe_size"),
        (["rank", "JOB", "FOLDER", "--top", "0"], "--top"),
        (["rank", "JUNK", "FOLDER"], "unsupported_format"),
        (["search", "--db", "DB", "--min-years", "python"], "min_years"),
        (["search", "--db", "DB"], "at least one"),
        (["keys", "revoke", "--db", "DB"], "--id"),
        (["keys", "revoke", "--db", "DB", "--id", "nope"], "not_found"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    args: list[str], needle: str, files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = {
        "JUNK": str(files["junk"]),
        "FOLDER": str(files["folder"]),
        "JOB": str(files["job"]),
        "DB": str(tmp_path / "db"),
    }
    assert main([mapping.get(a, a) for a in args]) == 2
    assert needle in one_error_line(capsys)


def test_rank_json_and_table(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rank", str(files["job"]), str(files["folder"]), "--format", "json"]) == 0
    ranked = json.loads(capsys.readouterr().out)
    assert [r["rank"] for r in ranked] == [1, 2]
    assert ranked[0]["candidate_id"].endswith("ada.txt")
    for r in ranked:
        assert sum(c["contribution"] for c in r["contributions"]) == pytest.approx(r["score"], abs=1e-3)
    assert main(["rank", str(files["job"]), str(files["ada"]), "--top", "1"]) == 0
    table = capsys.readouterr().out
    assert table.lstrip().startswith("1") and "matched:" in table and "missing:" in table


def test_rank_skips_bad_files_with_a_warning(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rank", str(files["job"]), str(files["ada"]), str(files["junk"]), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 1
    assert "warning: skipped" in captured.err and "junk.pdf" in captured.err


def test_ingest_shortlist_search(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "db")
    assert main(["ingest", str(files["folder"]), "--db", db]) == 0
    assert "Added 2 resumes" in capsys.readouterr().out
    assert main(["ingest", str(files["junk"]), "--db", db]) == 1  # some files failed
    assert "junk.pdf" in capsys.readouterr().err

    assert main(["shortlist", str(files["job"]), "--db", db, "--format", "json", "--top", "5"]) == 0
    ranked = json.loads(capsys.readouterr().out)
    assert len(ranked) == 2 and ranked[0]["candidate"].endswith("Senior Software Engineer")
    assert "Ada" not in json.dumps(ranked)  # blind by default

    assert main(["search", "--skills", "python", "--db", db]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "Senior Software Engineer" in out[0]
    assert main(["search", "--any", "java,kafka", "--db", db, "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["items"]) == 1


def test_shortlist_on_an_empty_pool_is_an_error(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["shortlist", str(files["job"]), "--db", str(tmp_path / "empty")]) == 2
    assert "empty" in one_error_line(capsys)


def test_keys_create_list_revoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "db")
    assert main(["keys", "create", "--name", "ci", "--db", db]) == 0
    captured = capsys.readouterr()
    key = captured.out.strip()
    assert key.startswith("slk_") and "shown only once" in captured.err
    key_id = key.split("_")[1]
    assert main(["keys", "list", "--db", db]) == 0
    listed = capsys.readouterr().out
    assert key_id in listed and "active" in listed and key not in listed
    assert main(["keys", "revoke", "--id", key_id, "--db", db]) == 0
    assert main(["keys", "list", "--db", db]) == 0
    assert "revoked" in capsys.readouterr().out
