"""Browser journeys of the workspace: an editor turns a press release into a published event."""

import base64
import os
from pathlib import Path

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from ortak.accounts.models import Membership, Role
from ortak.accounts.tests.factories import UserFactory
from ortak.ingest.models import IngestJob
from ortak.ingest.services import ingest_job_run
from ortak.ingest.tests import workers
from ortak.registry.models import State
from ortak.registry.reference import reference_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "ortak" / "ingest" / "samples" / "001.txt"
SCREENSHOT = ROOT / "docs" / "screenshots" / "review.png"
PASSWORD = "a long pass phrase for tests"
TITLE = "Roundtable “Peace, Labor and Friendship of Peoples” in Bishkek"


def _account(*, reviewer: bool):
    user = UserFactory(first_name="Leyla", last_name="Aliyeva")
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, role=Role.EDITOR, state=State.objects.get(key="AZ"))
    if reviewer:
        Membership.objects.create(user=user, role=Role.REVIEWER)
    return user


def _sign_in(page, live_server, user):
    page.goto(live_server.url + "/workspace/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/two-factor/setup/" in page.url:  # reviewers set up an authenticator app first
        key = page.locator("#totp-secret").inner_text()
        page.get_by_label("Code from your authenticator app").fill(_code_for(key))
        page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/workspace/")


def _code_for(key: str) -> str:
    """What an authenticator app shows now for a base32 key."""
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    return f"{totp(secret):06d}"


def _paste_sample(page, *, then="**/workspace/reviews/*/"):
    """Paste the sample; the task reading it runs at once in the tests, unless a test sends
    it to a queue, and the job's page opens its draft."""
    page.get_by_role("link", name="Add an article").first.click()
    page.get_by_label("Text of the article").fill(SAMPLE.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Read the article").click()
    page.wait_for_url(then)


def test_the_article_s_page_waits_for_the_worker_then_opens_its_draft(page, live_server, tmp_path):
    """The task goes to a queue no worker reads yet: the page says the article waits, asks
    again by itself (htmx), and opens the draft once a worker has read it."""
    reference_load()
    _sign_in(page, live_server, _account(reviewer=True))
    messages, control = tmp_path / "messages", tmp_path / "control"
    messages.mkdir()
    folders = {"data_folder_in": str(messages), "data_folder_out": str(messages)}
    with workers.tasks_sent_to("filesystem://", {**folders, "control_folder": str(control)}):
        _paste_sample(page, then="**/workspace/articles/jobs/*/")
    expect(page.locator("#article-job-status")).to_have_text("Waiting to be read")
    ingest_job_run(job_id=IngestJob.objects.get().pk)  # what the worker does with the message
    page.wait_for_url("**/workspace/reviews/*/")
    expect(page.get_by_role("heading", name="Review the draft")).to_be_visible()


def test_editor_reviews_a_press_release_and_publishes_it_to_the_portal(page, live_server):
    reference_load()
    _sign_in(page, live_server, _account(reviewer=True))
    _paste_sample(page)
    expect(page.get_by_role("heading", name="Review the draft")).to_be_visible()

    city = page.locator("#v-events-0-city")
    expect(city.locator("mark").first).to_have_text("Bishkek")
    city.get_by_role("button", name="Accept").click()
    page.locator("#v-events-0-city.decision--accept").wait_for()

    park = page.locator("#v-events-0-site-visits-1")
    park.get_by_role("button", name="Reject").click()
    page.locator("#v-events-0-site-visits-1.decision--reject").wait_for()

    # The reviewer writes the title as the portal should show it, whatever the draft says.
    page.locator("#v-events-0-title").get_by_role("link", name="Change").click()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_role("button", name="Save the change").click()
    page.locator("#v-events-0-title.decision--edit").wait_for()

    # The article gives no date of its own: the reviewer adds the month it was held in.
    page.locator("#v-events-0-start-date").get_by_role("link", name="Add a value").click()
    page.get_by_label("Start date").fill("2025-06")
    page.get_by_role("button", name="Save the change").click()
    page.locator("#v-events-0-start-date.decision--edit").wait_for()

    _screenshot(page)

    page.get_by_role("button", name="Publish the draft").click()
    page.wait_for_url("**/workspace/reviews/")
    expect(page.get_by_role("status").get_by_text("Published")).to_be_visible()

    page.goto(live_server.url + "/")
    latest = page.get_by_role("region", name="Latest events")
    expect(latest.get_by_role("link", name=TITLE)).to_be_visible()


def _screenshot(page):
    """The top of the review screen, for docs/screenshots/review.png; reloaded first, so it
    also shows that the decisions were kept."""
    page.reload()
    if not os.environ.get("ORTAK_UPDATE_SCREENSHOTS"):
        return  # a test run leaves the documentation as it is
    page.set_viewport_size({"width": 1280, "height": 1600})
    page.evaluate("window.scrollTo(0, 0)")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))


def test_decisions_work_without_javascript(browser, live_server):
    reference_load()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    _sign_in(page, live_server, _account(reviewer=True))
    _paste_sample(page)
    page.locator("#v-events-0-city").get_by_role("button", name="Reject").click()
    page.wait_for_url("**/workspace/reviews/*/#v-events-0-city")
    page.locator("#v-events-0-city.decision--reject").wait_for()
    context.close()


def test_editor_without_the_reviewer_role_cannot_publish(page, live_server):
    reference_load()
    _sign_in(page, live_server, _account(reviewer=False))
    _paste_sample(page)
    assert page.get_by_text("Only reviewers decide on the values and publish").is_visible()
    expect(page.get_by_role("button", name="Publish the draft")).to_have_count(0)
    expect(page.get_by_role("button", name="Accept")).to_have_count(0)
