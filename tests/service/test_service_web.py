"""The server-rendered pages through the real app: login cookie, CSRF, upload, job page, profile, search."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from service_fixtures import JOB_TEXT, resume_text

from service.web import COOKIE, csrf_token


def login(client: TestClient, key: str) -> str:
    r = client.post("/login", data={"key": key, "next": "/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    return csrf_token(key)


def test_pages_redirect_to_login_without_a_key(client: TestClient) -> None:
    for path in ("/", "/jobs/j_x", "/candidates/c_x", "/search"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    assert client.post("/login", data={"key": "slk_bad_bad"}).status_code == 401


def test_login_refuses_open_redirects(client: TestClient, api_key: str) -> None:
    r = client.post("/login", data={"key": api_key, "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_forms_need_the_csrf_token(client: TestClient, api_key: str) -> None:
    login(client, api_key)
    r = client.post("/ui/jobs", data={"text": JOB_TEXT, "csrf": "forged"})
    assert r.status_code == 403 and "out of date" in r.text


def test_upload_create_job_and_see_the_explained_shortlist(client: TestClient, api_key: str) -> None:
    csrf = login(client, api_key)
    files = [
        ("files", ("a.txt", resume_text(name="Ada One", email="a1@example.com"), "text/plain")),
        (
            "files",
            (
                "b.txt",
                resume_text(
                    name="Bo Two", email="b2@example.com", title="Java Developer", skills=("Java", "Kafka")
                ),
                "text/plain",
            ),
        ),
        ("files", ("bad.bin", bytes(range(256)) * 4, "application/octet-stream")),
    ]
    r = client.post("/ui/candidates", data={"csrf": csrf}, files=files)
    assert r.status_code == 200
    assert "Added 2 resumes" in r.text and "bad.bin" in r.text
    assert "Ada One" not in r.text  # blind: names never shown in lists

    r = client.post(
        "/ui/jobs", data={"csrf": csrf, "title": "Backend", "text": JOB_TEXT}, follow_redirects=False
    )
    assert r.status_code == 303
    job_url = r.headers["location"]
    page = client.get(job_url)
    assert page.status_code == 200
    html = page.text
    assert html.count('class="cand"') == 2
    assert "Ada One" not in html and "a1@example.com" not in html
    assert '<svg class="bar"' in html and 'name="w_semantic_similarity"' in html
    assert "<mark>" in html  # matched-skill evidence highlighted
    assert "Missing" in html or "Matched skills" in html

    # Weights from the sliders re-rank (fragment for the in-place update).
    fragment = client.get(job_url + "?partial=1&w_semantic_similarity=0&w_required_skill_coverage=1")
    assert (
        fragment.status_code == 200 and "<html" not in fragment.text and "trying new weights" in fragment.text
    )
    assert client.get(job_url + "?w_semantic_similarity=abc").status_code == 422

    # Feedback buttons.
    cid = re.search(r'data-candidate="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    r = client.post(
        job_url.replace("/jobs/", "/ui/jobs/") + "/feedback",
        data={"csrf": csrf, "candidate_id": cid, "decision": "advance", "back": job_url},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"].startswith(job_url)
    assert "advanced" in client.get(job_url).text

    # Save weights.
    r = client.post(
        job_url.replace("/jobs/", "/ui/jobs/") + "/weights",
        data={"csrf": csrf, "w_title_similarity": "0.5"},
        follow_redirects=False,
    )
    assert r.status_code == 303

    # Candidate profile: masked contact details, highlighted skills.
    profile = client.get(f"/candidates/{cid}?job={job_url.rsplit('/', 1)[1]}")
    assert profile.status_code == 200
    assert "a1@example.com" not in profile.text and "Ada One" not in profile.text
    assert '<mark class="hit">' in profile.text

    # Search page.
    found = client.get("/search?skills=python")
    assert found.status_code == 200 and "1 result" in found.text
    assert "Give at least one" not in client.get("/search").text


def test_erase_from_the_profile_page(client: TestClient, api_key: str) -> None:
    csrf = login(client, api_key)
    client.post(
        "/ui/candidates", data={"csrf": csrf}, files=[("files", ("a.txt", resume_text(), "text/plain"))]
    )
    cid = re.search(r'href="/candidates/([^"]+)"', client.get("/").text).group(1)  # type: ignore[union-attr]
    r = client.post(f"/ui/candidates/{cid}/erase", data={"csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get(f"/candidates/{cid}").status_code == 404


@pytest.mark.parametrize("path", ["/jobs/j_missing", "/candidates/c_missing"])
def test_missing_things_render_an_error_page(client: TestClient, api_key: str, path: str) -> None:
    login(client, api_key)
    r = client.get(path)
    assert (
        r.status_code == 404 and "not_found" in r.text and r.headers["content-type"].startswith("text/html")
    )


def test_logout_clears_the_cookie(client: TestClient, api_key: str) -> None:
    login(client, api_key)
    r = client.post("/logout", follow_redirects=False)
    assert r.status_code == 303 and COOKIE in r.headers["set-cookie"]
