"""The HTTP API through the real app: auth, uploads and their limits, profiles, jobs, shortlists, erase."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from service_fixtures import JOB_TEXT, resume_text

from service.deps import Services
from service.settings import Settings


def upload(client: TestClient, auth: dict[str, str], *files: tuple[str, bytes]) -> dict:
    r = client.post(
        "/v1/candidates",
        headers=auth,
        files=[("files", (n, d, "application/octet-stream")) for n, d in files],
    )
    assert r.status_code == 201, r.text
    return r.json()


def assert_error(r, status: int, code: str | None = None) -> None:  # type: ignore[no-untyped-def]
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code


# ---- auth -----------------------------------------------------------------------------------------


def test_health_and_docs_are_open(client: TestClient) -> None:
    assert client.get("/health").json()["status"] == "ok"
    docs = client.get("/docs")
    assert docs.status_code == 200
    # Swagger UI comes from the packaged files, never a CDN, so /docs works offline
    assert "/docs-assets/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text.lower()
    asset = client.get("/docs-assets/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.content) > 100_000
    spec = client.get("/openapi.json").json()
    assert "/v1/candidates" in spec["paths"] and "/v1/jobs/{job_id}/shortlist" in spec["paths"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/v1/candidates"),
        ("post", "/v1/candidates"),
        ("get", "/v1/candidates/c_x"),
        ("delete", "/v1/candidates/c_x"),
        ("get", "/v1/jobs"),
        ("post", "/v1/jobs"),
        ("get", "/v1/jobs/j_x/shortlist"),
        ("get", "/v1/search?all_of=python"),
        ("post", "/v1/jobs/j_x/feedback"),
        ("post", "/v1/jobs/j_x/learn-weights"),
        ("get", "/v1/audit-log"),
        ("post", "/v1/audits"),
    ],
)
def test_every_v1_route_needs_a_key(client: TestClient, method: str, path: str) -> None:
    r = getattr(client, method)(path)
    assert_error(r, 401, "unauthorized")
    assert r.headers.get("www-authenticate") == "Bearer"
    assert_error(getattr(client, method)(path, headers={"X-API-Key": "slk_nope_nope"}), 401)


def test_bearer_token_works_and_revoked_key_does_not(client: TestClient, services: Services) -> None:
    record, plain = services.keys.create("bearer")
    assert client.get("/v1/candidates", headers={"Authorization": f"Bearer {plain}"}).status_code == 200
    services.keys.revoke(record.id)
    assert_error(client.get("/v1/candidates", headers={"Authorization": f"Bearer {plain}"}), 401)


# ---- uploads ----------------------------------------------------------------------------------------


def test_upload_many_list_and_get(client: TestClient, auth: dict[str, str]) -> None:
    out = upload(
        client,
        auth,
        ("a.txt", resume_text()),
        ("b.md", resume_text(name="John Poe", email="jp@example.org", title="Data Engineer")),
    )
    assert len(out["created"]) == 2 and out["errors"] == []
    first = out["created"][0]
    assert first["source_format"] == "txt" and first["headline"] == "Senior Software Engineer"

    page = client.get("/v1/candidates", headers=auth).json()
    assert page["total"] == 2 and len(page["items"]) == 2
    assert all(item["source_name"] is None for item in page["items"])  # blind: file names may name people

    profile = client.get(f"/v1/candidates/{first['id']}", headers=auth).json()
    assert profile["redacted"] is True
    assert "Jane" not in profile["resume"]["text"] and "jane.roe@example.com" not in profile["resume"]["text"]
    assert profile["resume"]["contact"]["email"]["value"] == "[redacted]"
    assert "State University" in profile["resume"]["text"]

    revealed = client.get(f"/v1/candidates/{first['id']}?reveal=true", headers=auth).json()
    assert (
        revealed["redacted"] is False
        and revealed["resume"]["contact"]["email"]["value"] == "jane.roe@example.com"
    )


def test_pagination_is_capped(client: TestClient, auth: dict[str, str]) -> None:
    upload(
        client,
        auth,
        *[(f"r{i}.txt", resume_text(name=f"Person {i}", email=f"p{i}@example.com")) for i in range(4)],
    )
    page = client.get("/v1/candidates?limit=1000&offset=1", headers=auth).json()
    assert page["limit"] == 10 and page["offset"] == 1 and len(page["items"]) == 3 and page["total"] == 4
    assert client.get("/v1/candidates", headers=auth).json()["limit"] == 5
    assert_error(client.get("/v1/candidates?offset=-1", headers=auth), 422, "validation_failed")


def test_oversized_upload_is_413(client: TestClient, auth: dict[str, str], settings: Settings) -> None:
    big = resume_text() + b" filler" * (settings.max_upload_bytes // 7 + 10)
    r = client.post("/v1/candidates", headers=auth, files=[("files", ("big.txt", big, "text/plain"))])
    assert_error(r, 413, "document_too_large")
    assert client.get("/v1/candidates", headers=auth).json()["total"] == 0


def test_request_body_over_the_limit_is_refused_before_reading(
    client: TestClient, auth: dict[str, str], settings: Settings
) -> None:
    r = client.post(
        "/v1/candidates",
        headers={
            **auth,
            "Content-Type": "multipart/form-data; boundary=x",
            "Content-Length": str(settings.max_request_bytes + 1),
        },
        content=b"--x--",
    )
    assert_error(r, 413, "document_too_large")


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("junk.pdf", bytes(range(256)) * 8, 415, "unsupported_format"),
        ("setup.exe", b"MZ\x90\x00\x03" + b"\x00" * 200, 415, "unsupported_format"),
        ("empty.txt", b"", 422, None),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", 422, None),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 100, 415, "unsupported_format"),
        ("broken2.docx", "BROKEN_DOCX", 422, None),
    ],
)
def test_malformed_uploads_get_the_right_status(
    client: TestClient, auth: dict[str, str], name: str, data: bytes, status: int, code: str | None
) -> None:
    if data == "BROKEN_DOCX":  # a Word container whose document part is not XML
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
            zf.writestr("word/document.xml", "<w:document><unclosed")
        data = buf.getvalue()
    r = client.post("/v1/candidates", headers=auth, files=[("files", (name, data, "application/pdf"))])
    assert_error(r, status, code)


def test_one_bad_file_among_many_is_reported_not_fatal(client: TestClient, auth: dict[str, str]) -> None:
    out = upload(client, auth, ("ok.txt", resume_text()), ("bad.bin", bytes(range(256)) * 4))
    assert len(out["created"]) == 1
    assert out["errors"] == [
        {"filename": "bad.bin", "code": "unsupported_format", "message": out["errors"][0]["message"]}
    ]


def test_too_many_files_and_missing_field(client: TestClient, auth: dict[str, str]) -> None:
    files = [("files", (f"r{i}.txt", resume_text(name=f"P {i}"), "text/plain")) for i in range(6)]
    assert_error(client.post("/v1/candidates", headers=auth, files=files), 422, "validation_failed")
    assert_error(client.post("/v1/candidates", headers=auth, data={"x": "1"}), 422, "validation_failed")


def test_unknown_ids_are_404(client: TestClient, auth: dict[str, str]) -> None:
    assert_error(client.get("/v1/candidates/c_missing", headers=auth), 404, "not_found")
    assert_error(client.delete("/v1/candidates/c_missing", headers=auth), 404, "not_found")
    assert_error(client.get("/v1/jobs/j_missing", headers=auth), 404, "not_found")
    assert_error(client.get("/v1/jobs/j_missing/shortlist", headers=auth), 404, "not_found")
    assert_error(client.get("/v1/nothing-here", headers=auth), 404, "not_found")


def test_reparse_keeps_the_id(client: TestClient, auth: dict[str, str]) -> None:
    cid = upload(client, auth, ("a.txt", resume_text()))["created"][0]["id"]
    r = client.post(f"/v1/candidates/{cid}/reparse", headers=auth)
    assert r.status_code == 200 and r.json()["id"] == cid
    new = resume_text(title="Staff Engineer")
    r = client.post(
        f"/v1/candidates/{cid}/reparse", headers=auth, files={"file": ("v2.txt", new, "text/plain")}
    )
    assert r.status_code == 200 and r.json()["headline"] == "Staff Engineer"


def test_export_json_resume(client: TestClient, auth: dict[str, str]) -> None:
    pytest.importorskip("parsers.jsonresume")
    cid = upload(client, auth, ("a.txt", resume_text()))["created"][0]["id"]
    doc = client.get(f"/v1/candidates/{cid}/jsonresume", headers=auth).json()
    assert doc["basics"]["email"] == "jane.roe@example.com"


# ---- erase ----------------------------------------------------------------------------------------


def test_erase_leaves_no_trace(
    client: TestClient, auth: dict[str, str], services: Services, settings: Settings
) -> None:
    token = "Zyxwvutsrq"  # a unique surname, to look for in every byte the service wrote
    keep = upload(client, auth, ("keep.txt", resume_text(name="Ann Keep", email="ann@keep.example")))[
        "created"
    ][0]["id"]
    cid = upload(
        client,
        auth,
        (
            "erase-me.txt",
            resume_text(name=f"Otto {token}", email=f"otto@{token.lower()}.example", extra=token),
        ),
    )["created"][0]["id"]
    pool = services.pool
    num = pool.store.nums_for([cid])[cid]
    assert num in pool.index
    job = client.post("/v1/jobs", headers=auth, json={"text": JOB_TEXT, "title": "Backend"}).json()
    assert (
        client.post(
            f"/v1/jobs/{job['id']}/feedback", headers=auth, json={"candidate_id": cid, "decision": "advance"}
        ).status_code
        == 201
    )

    r = client.delete(f"/v1/candidates/{cid}", headers=auth)
    assert r.status_code == 204 and r.content == b""
    assert_error(client.get(f"/v1/candidates/{cid}", headers=auth), 404)

    # SQLite: no row anywhere mentions the id or the text.
    db = settings.data_dir / "shortlist.sqlite3"
    with sqlite3.connect(db) as con:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in con.execute(f"SELECT * FROM {table}"):
                flat = " ".join(str(v) for v in row)
                assert cid not in flat and token not in flat, table
    # The vector index, in memory and on disk.
    assert num not in pool.index
    from matcher.index import FaissIndex, NumpyIndex

    index_files = list((settings.data_dir / "index").glob("*.npz"))
    assert index_files
    for path in index_files:
        for cls in (FaissIndex, NumpyIndex):
            try:
                loaded = cls.load(path)
            except Exception:
                continue
            assert num not in loaded
    # Every file in the data dir: no resume text; the id only in the (ids-only) access log.
    for path in settings.data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert token.encode() not in data and token.lower().encode() not in data, path
            if path.name != "audit.jsonl":
                assert cid.encode() not in data, path
    # The rest of the pool is intact.
    assert client.get(f"/v1/candidates/{keep}", headers=auth).status_code == 200
    actions = [e["action"] for e in services.audit.entries()]
    assert "erase" in actions


# ---- jobs, shortlists, search, feedback ---------------------------------------------------------


@pytest.fixture
def pool_with_job(client: TestClient, auth: dict[str, str]) -> dict:
    upload(
        client,
        auth,
        ("py.txt", resume_text(name="Ada One", email="a1@example.com")),
        (
            "java.txt",
            resume_text(
                name="Bo Two",
                email="b2@example.com",
                title="Java Developer",
                skills=("Java", "Spring", "Kafka"),
            ),
        ),
        (
            "data.txt",
            resume_text(
                name="Cy Three",
                email="c3@example.com",
                title="Data Analyst",
                skills=("Excel", "Tableau", "SQL"),
                start_year=2022,
            ),
        ),
    )
    r = client.post("/v1/jobs", headers=auth, json={"text": JOB_TEXT, "title": "Senior Backend Engineer"})
    assert r.status_code == 201, r.text
    return r.json()


def test_job_create_get_list(client: TestClient, auth: dict[str, str], pool_with_job: dict) -> None:
    job = pool_with_job
    assert job["title"] == "Senior Backend Engineer" and job["overrides"] == {}
    assert abs(sum(job["weights"].values()) - 1.0) < 1e-6
    assert client.get(f"/v1/jobs/{job['id']}", headers=auth).json()["id"] == job["id"]
    listed = client.get("/v1/jobs", headers=auth).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == job["id"]
    assert_error(client.post("/v1/jobs", headers=auth, json={"text": "   "}), 422, "validation_failed")
    assert_error(client.post("/v1/jobs", headers=auth, json={"title": "no text"}), 422, "validation_failed")


def test_job_from_file(client: TestClient, auth: dict[str, str]) -> None:
    r = client.post(
        "/v1/jobs/file",
        headers=auth,
        files={"file": ("job.txt", JOB_TEXT.encode(), "text/plain")},
        data={"title": "From file"},
    )
    assert r.status_code == 201, r.text
    assert r.json()["title"] == "From file"
    assert_error(
        client.post(
            "/v1/jobs/file", headers=auth, files={"file": ("job.bin", bytes(range(256)), "text/plain")}
        ),
        415,
    )


def test_shortlist_explains_each_score(client: TestClient, auth: dict[str, str], pool_with_job: dict) -> None:
    r = client.get(f"/v1/jobs/{pool_with_job['id']}/shortlist?top=2", headers=auth)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["blind"] is True and len(out["items"]) == 2
    for i, item in enumerate(out["items"], 1):
        assert item["rank"] == i
        assert sum(c["contribution"] for c in item["contributions"]) == pytest.approx(item["score"], abs=1e-4)
        assert "Ada" not in str(item) and "example.com" not in str(item)
    top = out["items"][0]
    assert top["headline"] == "Senior Software Engineer"
    assert {s["name"].lower() for s in top["matched_skills"]} >= {"python"}
    assert all(s["evidence"] for s in top["matched_skills"])
    assert out["items"][0]["score"] >= out["items"][1]["score"]


def test_weights_change_the_order_and_can_be_saved(
    client: TestClient, auth: dict[str, str], pool_with_job: dict
) -> None:
    jid = pool_with_job["id"]
    features = list(pool_with_job["weights"])
    orders = set()
    for f in features:
        w = {g: (1.0 if g == f else 0.0) for g in features}
        r = client.post(f"/v1/jobs/{jid}/shortlist", headers=auth, json={"top": 3, "weights": w})
        assert r.status_code == 200, r.text
        orders.add(tuple(i["candidate_id"] for i in r.json()["items"]))
    assert len(orders) > 1
    assert_error(
        client.post(f"/v1/jobs/{jid}/shortlist", headers=auth, json={"weights": {"shoe_size": 1}}), 422
    )
    assert_error(
        client.put(f"/v1/jobs/{jid}/weights", headers=auth, json={"weights": {features[0]: -1}}), 422
    )
    saved = client.put(f"/v1/jobs/{jid}/weights", headers=auth, json={"weights": {features[0]: 0.9}}).json()
    assert saved["overrides"] == {features[0]: 0.9} and saved["weights"][features[0]] == 0.9


def test_search_by_skills_and_years(client: TestClient, auth: dict[str, str], pool_with_job: dict) -> None:
    r = client.get("/v1/search?all_of=python&min_years=python=2", headers=auth)
    assert r.status_code == 200, r.text
    hits = r.json()["items"]
    assert [h["headline"] for h in hits] == ["Senior Software Engineer"]
    r = client.get("/v1/search?any_of=java,tableau", headers=auth)
    assert {h["headline"] for h in r.json()["items"]} == {"Java Developer", "Data Analyst"}
    r = client.post("/v1/search", headers=auth, json={"all_of": ["sql"], "query": "payments"})
    assert len(r.json()["items"]) >= 2
    assert_error(client.get("/v1/search", headers=auth), 422, "validation_failed")
    assert_error(client.get("/v1/search?min_years=python", headers=auth), 422, "validation_failed")


def test_feedback_and_learn_weights(client: TestClient, auth: dict[str, str], pool_with_job: dict) -> None:
    jid = pool_with_job["id"]
    items = client.get(f"/v1/jobs/{jid}/shortlist?top=3", headers=auth).json()["items"]
    for item, decision in zip(items, ["advance", "reject", "reject"], strict=True):
        r = client.post(
            f"/v1/jobs/{jid}/feedback",
            headers=auth,
            json={"candidate_id": item["candidate_id"], "decision": decision},
        )
        assert r.status_code == 201, r.text
    again = client.get(f"/v1/jobs/{jid}/shortlist?top=3", headers=auth).json()["items"]
    assert {i["candidate_id"]: i["decision"] for i in again} == {
        items[0]["candidate_id"]: "advance",
        items[1]["candidate_id"]: "reject",
        items[2]["candidate_id"]: "reject",
    }
    assert_error(
        client.post(
            f"/v1/jobs/{jid}/feedback",
            headers=auth,
            json={"candidate_id": items[0]["candidate_id"], "decision": "maybe"},
        ),
        422,
    )
    assert_error(
        client.post(
            f"/v1/jobs/{jid}/feedback",
            headers=auth,
            json={"candidate_id": "c_missing", "decision": "advance"},
        ),
        404,
    )
    r = client.post(f"/v1/jobs/{jid}/learn-weights", headers=auth)
    if r.status_code == 200:
        assert set(r.json()["weights"]) <= set(pool_with_job["weights"])
    else:
        assert_error(r, 422)  # too little feedback to learn from is a clear 422, never a 500


def test_audit_log_records_ids_only(client: TestClient, auth: dict[str, str], pool_with_job: dict) -> None:
    client.get(f"/v1/jobs/{pool_with_job['id']}/shortlist", headers=auth)
    log = client.get("/v1/audit-log?limit=100", headers=auth).json()
    assert log["intact"] is True
    actions = {e["action"] for e in log["items"]}
    assert {"upload", "create_job", "rank", "read_audit_log"} <= actions
    text = str(log)
    assert "Ada" not in text and "example.com" not in text and "Python" not in text


def test_bias_audit_endpoint(client: TestClient, auth: dict[str, str], pool_with_job: dict) -> None:
    ids = [c["id"] for c in client.get("/v1/candidates", headers=auth).json()["items"]]
    csv = "candidate_id,sex,race\n" + "\n".join(
        f"{cid},{'female' if i % 2 else 'male'},white" for i, cid in enumerate(ids)
    )
    r = client.post(
        "/v1/audits",
        headers=auth,
        json={"job_id": pool_with_job["id"], "demographics_csv": csv, "top_k": 1, "n_boot": 0, "n_perm": 0},
    )
    assert r.status_code == 200, r.text
    assert r.json()["n"] == 3
    assert_error(
        client.post(
            "/v1/audits", headers=auth, json={"job_id": "j_missing", "demographics_csv": "candidate_id\n"}
        ),
        404,
    )


def test_unexpected_errors_are_json_500(
    settings: Settings, services: Services, auth: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.app import create_app

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(type(services.pool), "count", boom)
    with TestClient(create_app(settings, services=services), raise_server_exceptions=False) as c:
        r = c.get("/v1/candidates", headers=auth)
    assert_error(r, 500, "internal_error")
    assert "secret" not in r.text


def test_security_headers(client: TestClient) -> None:
    r = client.get("/health")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in client.get("/login").headers["content-security-policy"]


def test_data_dir_layout(settings: Settings, client: TestClient, auth: dict[str, str]) -> None:
    upload(client, auth, ("a.txt", resume_text()))
    names = {p.name for p in Path(settings.data_dir).iterdir()}
    assert {"service_keys.sqlite", "audit.jsonl", "shortlist.sqlite3"} <= names


@pytest.mark.slow
def test_shortlist_with_the_real_minilm_model(tmp_path: Path, minilm_embedder: object) -> None:
    """The default embedder end to end through the API: the backend resume ranks first for the backend job."""
    from service.app import create_app
    from service.deps import build_pool

    settings = Settings(data_dir=tmp_path / "data", embedder="minilm")
    services = Services(settings, pool_factory=lambda s: build_pool(s, embedder=minilm_embedder))  # type: ignore[arg-type]
    key = {"X-API-Key": services.keys.create("t")[1]}
    with TestClient(create_app(settings, services=services)) as c:
        upload(
            c,
            key,
            (
                "chef.txt",
                resume_text(
                    name="Cy Cook",
                    email="cy@example.com",
                    title="Sous Chef",
                    skills=("Menu Development", "Food Safety"),
                ),
            ),
            ("dev.txt", resume_text(name="Dee Dev", email="dee@example.com")),
        )
        job = c.post("/v1/jobs", headers=key, json={"text": JOB_TEXT}).json()
        items = c.get(f"/v1/jobs/{job['id']}/shortlist", headers=key).json()["items"]
    assert [i["headline"] for i in items] == ["Senior Software Engineer", "Sous Chef"]
    semantic = {c["feature"]: c for c in items[0]["contributions"]}["semantic_similarity"]
    assert (
        semantic["value"]
        > {c["feature"]: c for c in items[1]["contributions"]}["semantic_similarity"]["value"]
    )


def test_blind_view_hides_referees_names() -> None:
    """Referees are other people: screening blind shows their titles and employers, not their names."""
    from parsers.resume import parse_resume_text
    from service.schemas import redact_resume

    resume = parse_resume_text(
        "Jane Roe\n\nEXPERIENCE\nSoftware Engineer, Acme Ltd\nJan 2019 - Present\n- Built services\n\n"
        "REFERENCES\nKim Kreiger\nPrincipal\nPrinceton Primary School\nPhone: (03) 9995 4332\n"
        "kim.k@example.edu\n"
    )
    assert resume.referees and resume.referees[0].name is not None
    blind = redact_resume(resume)
    ref = blind.referees[0]
    assert ref.name is not None and ref.name.value == "[redacted]"
    assert ref.title is not None and ref.title.value == "Principal"
    assert "Kreiger" not in blind.text and "Princeton Primary School" in blind.text
    assert "9995" not in blind.text and "kim.k@" not in blind.text and "Phone:" in blind.text
    assert "Jan 2019" in blind.text  # dates of positions stay (the phone pattern only runs in references)
    assert resume.referees[0].name.value == "Kim Kreiger"  # the stored resume is untouched
