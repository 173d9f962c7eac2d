"""Browser journeys: Playwright for Python driving Debian's Chromium against a live server.

Where no browser can be found the journeys are skipped with a loud message, except when
ORTAK_REQUIRE_BROWSER is set (CI), where a missing browser fails the run. A failing journey
saves a screenshot in test-artifacts/.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = os.environ.get("ORTAK_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself
# are still plain synchronous calls, so Django's async guard does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# CI runs two test processes beside live servers and Celery workers on two cores: a page can
# take longer than Playwright's default 5 s to answer there, without anything being wrong.
expect.set_options(timeout=20_000)


def _browser_missing() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no browser at {CHROMIUM}"
    return None


@pytest.fixture(scope="session")
def browser():
    missing = _browser_missing()
    if missing and os.environ.get("ORTAK_REQUIRE_BROWSER"):
        pytest.fail(f"browser journeys are required here, but {missing}")
    if missing:
        print(f"\n!! BROWSER JOURNEYS SKIPPED: {missing} (install Debian's chromium)\n")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    # What the Content-Security-Policy blocked: a page that needs it is broken for users.
    refused = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and refused.append(message.text),
    )
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert refused == [], f"the Content-Security-Policy blocked: {refused}"


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
