"""The web page in headless Chromium against a live uvicorn: upload, create a job, re-rank with a slider.

Needs Debian's chromium at /usr/bin/chromium (never downloads a browser) and Playwright for Python;
skips with a clear message when either is missing.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from service_fixtures import JOB_TEXT, resume_text

from service.app import create_app
from service.deps import Services
from service.settings import Settings

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    import uvicorn

    settings = Settings(data_dir=tmp_path / "data", embedder="hashing", host="127.0.0.1", port=_free_port())
    services = Services(settings)
    _, key = services.keys.create("browser-test")
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings, services=services), host="127.0.0.1", port=settings.port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{settings.port}", key
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def browser_page() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip(
            "Chromium is not installed at /usr/bin/chromium (apt-get install chromium); browser test skipped"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            page.set_default_timeout(20_000)
            yield page
        finally:
            browser.close()


def _order(page: object) -> list[str]:
    return page.locator("#ranked li.cand").evaluate_all("els => els.map(e => e.dataset.candidate)")  # type: ignore[attr-defined]


def test_upload_job_shortlist_and_reweight(
    live_server: tuple[str, str], browser_page: object, tmp_path: Path
) -> None:
    base, key = live_server
    page = browser_page
    # Ada has every required skill under another title; Bo has the job's title but none of its skills:
    # weighting skills alone or the title alone puts a different candidate first.
    resumes = {
        "ada.txt": resume_text(name="Ada One", email="a1@example.com", title="Data Analyst"),
        "bo.txt": resume_text(
            name="Bo Two",
            email="b2@example.com",
            title="Senior Backend Engineer",
            skills=("Java", "Kafka", "Spring"),
        ),
        "cy.txt": resume_text(
            name="Cy Three",
            email="c3@example.com",
            title="Office Manager",
            skills=("Excel", "Tableau"),
            start_year=2016,
        ),
    }
    paths = []
    for name, data in resumes.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))

    # The key is entered once and kept in a cookie.
    page.goto(base + "/")  # type: ignore[attr-defined]
    assert "/login" in page.url  # type: ignore[attr-defined]
    page.fill("#key", key)  # type: ignore[attr-defined]
    page.click("#login")  # type: ignore[attr-defined]
    page.wait_for_selector("#upload-form")  # type: ignore[attr-defined]

    page.set_input_files("#files", paths)  # type: ignore[attr-defined]
    page.click("#upload")  # type: ignore[attr-defined]
    page.wait_for_selector("#upload-result")  # type: ignore[attr-defined]
    assert "Added 3 resumes" in page.inner_text("#upload-result")  # type: ignore[attr-defined]

    page.fill("#job-title", "Senior Backend Engineer")  # type: ignore[attr-defined]
    page.fill("#job-text", JOB_TEXT)  # type: ignore[attr-defined]
    page.click("#create-job")  # type: ignore[attr-defined]
    page.wait_for_selector("#ranked li.cand")  # type: ignore[attr-defined]
    job_id = page.url.rsplit("/", 1)[1].split("?")[0]  # type: ignore[attr-defined]
    initial = _order(page)
    assert len(initial) == 3
    assert page.locator("#ranked li.cand").first.locator("svg.bar").count() > 0  # type: ignore[attr-defined]
    assert "Ada One" not in page.content()  # type: ignore[attr-defined]

    # Find, through the API, weights that give another order; then set them with the sliders.
    headers = {"X-API-Key": key}
    features = list(httpx.get(f"{base}/v1/jobs/{job_id}", headers=headers).json()["weights"])
    target_weights, expected = None, None
    for f in features:
        w = {g: (1.0 if g == f else 0.0) for g in features}
        r = httpx.post(
            f"{base}/v1/jobs/{job_id}/shortlist", headers=headers, json={"top": 10, "weights": w}, timeout=30
        )
        order = [i["candidate_id"] for i in r.json()["items"]]
        if order != initial:
            target_weights, expected = w, order
            break
    assert target_weights is not None, "no single feature reorders the three candidates"

    for f, value in target_weights.items():
        page.locator(f"#w_{f}").fill(f"{value:.2f}")  # type: ignore[attr-defined]
        page.locator(f"#w_{f}").dispatch_event("change")  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "exp => JSON.stringify([...document.querySelectorAll('#ranked li.cand')].map(e => e.dataset.candidate))"
        " === JSON.stringify(exp)",
        arg=expected,
    )
    assert _order(page) == expected != initial
    assert "w_" in page.url  # type: ignore[attr-defined]

    # Record a decision from the page.
    page.locator("#ranked li.cand").first.locator("button.adv").click()  # type: ignore[attr-defined]
    page.wait_for_selector("#ranked .tag.advance")  # type: ignore[attr-defined]

    # Search the pool by skills.
    page.goto(base + "/search")  # type: ignore[attr-defined]
    page.fill("#s-skills", "java")  # type: ignore[attr-defined]
    page.click("#search")  # type: ignore[attr-defined]
    page.wait_for_selector("#results")  # type: ignore[attr-defined]
    assert page.locator("#results tbody tr").count() == 1  # type: ignore[attr-defined]
