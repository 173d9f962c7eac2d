"""The header search box's suggestions from the keyboard, in a real browser.

The suggestions are stubbed (ortak.search draws the real ones): what is tested here is
portal/suggest.js, which the portal serves itself. Each journey drives a browser of its own
on a thread of its own: the browser journeys' session-wide browser (tests/browser) may be
holding this thread's event loop, and Playwright runs one per thread.
"""

import os
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.browser.conftest import CHROMIUM, _browser_missing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUGGESTIONS = (
    '<div class="suggest-box"><p class="suggest-kind">Events</p><ul>'
    '<li><a href="/events/1/">First forum</a></li><li><a href="/events/2/">Second forum</a></li>'
    '</ul><p><a href="/search/?q=forum">All results</a></p></div>'
)


@pytest.fixture
def in_browser(live_server):
    """`in_browser(journey)`: runs `journey(page, expect, box)` on the states page with the
    suggestions for `forum` shown under the search box."""
    missing = _browser_missing()
    if missing and os.environ.get("ORTAK_REQUIRE_BROWSER"):
        pytest.fail(f"browser journeys are required here, but {missing}")
    if missing:
        pytest.skip(missing)

    def run(journey) -> None:
        from playwright.sync_api import expect, sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                page = browser.new_page()
                page.route(re.compile(r"/search/\?q="), _suggestions)
                page.goto(live_server.url + "/states/")
                box = page.get_by_role("searchbox", name="Search")
                box.fill("forum")
                expect(page.get_by_role("link", name="First forum")).to_be_visible()
                journey(page, expect, box)
            finally:
                browser.close()

    def in_browser(journey) -> None:
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(run, journey).result()

    return in_browser


def _suggestions(route) -> None:
    route.fulfill(status=200, content_type="text/html", body=SUGGESTIONS)


def test_arrow_keys_move_through_the_suggestions_and_back_to_the_box(in_browser):
    def journey(page, expect, box):
        links = [page.get_by_role("link", name=n) for n in ("First forum", "Second forum")]
        box.press("ArrowDown")
        expect(links[0]).to_be_focused()
        page.keyboard.press("ArrowDown")
        expect(links[1]).to_be_focused()
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")  # stays on the last
        expect(page.get_by_role("link", name="All results")).to_be_focused()
        for _ in range(3):
            page.keyboard.press("ArrowUp")
        expect(box).to_be_focused()

    in_browser(journey)


def test_escape_closes_the_suggestions_and_keeps_the_words(in_browser):
    def journey(page, expect, box):
        box.press("ArrowDown")
        page.keyboard.press("Escape")
        expect(page.locator("#search-suggest")).to_be_empty()
        expect(box).to_be_focused()
        expect(box).to_have_value("forum")

    in_browser(journey)


def test_suggestions_close_when_the_focus_leaves_the_search_form(in_browser):
    def journey(page, expect, box):
        page.get_by_role("link", name="States", exact=True).first.focus()
        expect(page.locator("#search-suggest")).to_be_empty()

    in_browser(journey)
