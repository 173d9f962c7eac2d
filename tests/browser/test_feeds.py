"""Browser journey of the workspace: an editor registers their committee's news feed, served
on loopback, polls it now and finds its articles counted as drafts to review."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ortak.accounts.models import Membership, Role
from ortak.accounts.tests.factories import UserFactory
from ortak.feeds.models import Feed
from ortak.feeds.tests.articles import ARTICLES
from ortak.feeds.tests.site import fetchable_site, serve_rss
from ortak.registry.tests.factories import InstitutionFactory, StateFactory
from tests.browser.test_workspace_review import PASSWORD, _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "feeds.png"


@pytest.fixture
def site(monkeypatch):
    """The committee's news site on loopback (only it let through the fetcher's checks)."""
    with fetchable_site(monkeypatch) as news:
        serve_rss(news, ARTICLES)
        yield news


def _editor_of_azerbaijan():
    user = UserFactory(first_name="Leyla", last_name="Aliyeva")
    user.set_password(PASSWORD)
    user.save()
    azerbaijan = StateFactory(key="AZ")
    Membership.objects.create(user=user, role=Role.EDITOR, state=azerbaijan)
    InstitutionFactory(name="State Committee on Work with Diaspora", state=azerbaijan)
    return user


def test_editor_adds_a_feed_polls_it_and_finds_its_drafts(page, live_server, site):
    _sign_in(page, live_server, _editor_of_azerbaijan())

    page.get_by_role("link", name="News feeds").click()
    page.get_by_label("Address of the feed or news page").fill(site.url("/en/rss"))
    page.get_by_label("Institution").select_option(
        label="State Committee on Work with Diaspora (AZ)"
    )
    page.get_by_label("Language of the news").select_option(label="English")
    page.get_by_role("button", name="Add the feed").click()
    expect(page.get_by_role("status").get_by_text("The feed was registered")).to_be_visible()
    feed = page.locator("li.feed").filter(has_text=site.url("/en/rss"))
    expect(feed.get_by_text("Not polled yet")).to_be_visible()
    expect(feed.get_by_text("RSS feed")).to_be_visible()

    # The poll is queued; the tests' task queue runs it at once, before the page answers.
    feed.get_by_role("button", name="Poll now").click()
    page.wait_for_url("**/workspace/feeds/", timeout=120_000)
    expect(page.get_by_role("status").get_by_text("is queued to be polled")).to_be_visible()
    feed = page.locator("li.feed").filter(has_text=site.url("/en/rss"))
    expect(feed.get_by_text("Active")).to_be_visible()
    drafts = feed.get_by_role("link", name="5 drafts")
    expect(drafts).to_be_visible()
    _screenshot(page)

    drafts.click()
    page.wait_for_url("**/workspace/reviews/?feed=*")
    expect(page.get_by_text("Drafts read from the news feed")).to_be_visible()
    expect(page.get_by_role("table").get_by_role("row")).to_have_count(1 + len(ARTICLES))
    assert Feed.objects.get().items.count() == len(ARTICLES)


def _screenshot(page):
    """The feeds page after a poll, for docs/screenshots/feeds.png."""
    if not os.environ.get("ORTAK_UPDATE_SCREENSHOTS"):
        return  # a test run leaves the documentation as it is
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.evaluate("window.scrollTo(0, 0)")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
