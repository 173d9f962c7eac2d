"""Journeys through the public portal in a real browser: from an event to its people,
exporting a list and the calendar, and the home page."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ortak.portal.tests.seed import portal_seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def data():
    return portal_seed()


def _download(page, link) -> str:
    with page.expect_download() as download:
        link.click()
    # Bytes, not read_text(): universal newlines would hide the CRLF that iCalendar needs.
    return Path(download.value.path()).read_bytes().decode("utf-8")


def test_from_an_event_to_its_participants_pages(page, live_server, data):
    page.goto(live_server.url + "/events/")
    page.get_by_role("link", name="Roundtable “Peace, Labor and Friendship of Peoples”").click()
    participants = page.get_by_role("region", name="Participants")
    expect(participants.get_by_role("row", name="Ravshanbek Sabirov")).to_be_visible()
    participants.get_by_role("link", name="Ali Çiviler").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ali Çiviler")
    attended = page.get_by_role("region", name="Events attended")
    expect(attended.get_by_text("Speaker")).to_be_visible()
    page.go_back()
    page.get_by_role("region", name="Participants").get_by_role(
        "link", name="Ravshanbek Sabirov"
    ).click()
    assert page.get_by_role("region", name="Positions over time").get_by_text("Minister").count()


def test_export_the_filtered_events_list_to_csv(page, live_server, data):
    page.goto(live_server.url + "/events/")
    page.get_by_label("Type").select_option("contact_group_meeting")
    page.get_by_role("button", name="Apply filters").click()
    assert "type=contact_group_meeting" in page.url
    text = _download(page, page.get_by_role("link", name="Download as CSV"))
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert sorted(row["round"] for row in rows) == ["1", "2", "4"]
    assert all(row["type"] == "contact_group_meeting" for row in rows)


def test_export_the_calendar_to_icalendar(page, live_server, data):
    page.goto(live_server.url + "/calendar/?month=2025-06")
    assert page.get_by_role("link", name="Roundtable “Peace, Labor and Friendship of Peoples”")
    text = _download(page, page.get_by_role("link", name="Download as iCalendar (.ics)"))
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20250612" in text
    assert "SUMMARY:Roundtable “Peace\\, Labor and Friendship of Peoples”" in text
    assert "Unreviewed draft meeting" not in text


def test_home_page_shows_latest_and_planned_events_plan_and_map(page, live_server, data):
    page.goto(live_server.url + "/")
    latest = page.get_by_role("region", name="Latest events")
    assert latest.get_by_role("link", name="Roundtable “Peace, Labor and Friendship of Peoples”")
    planned = page.get_by_role("region", name="Planned events")
    expect(planned.get_by_role("link", name="Training for diaspora youth leaders")).to_be_visible()
    expect(page.get_by_text("1 of 4 measures done")).to_be_visible()
    diaspora = page.get_by_role("region", name="Diaspora organizations")
    expect(diaspora.get_by_role("img", name="Map of diaspora organizations")).to_be_visible()
    assert "Draft Association" not in page.content()


def test_search_box_suggests_as_one_types_and_submits_on_enter(page, live_server, data):
    page.goto(live_server.url + "/")
    box = page.get_by_role("searchbox", name="Search")
    box.press_sequentially("Sabirov", delay=30)
    suggestions = page.locator("#search-suggest")
    suggestions.get_by_role("link", name="Ravshanbek Sabirov").wait_for()
    box.press("Enter")
    page.wait_for_url("**/search/?q=Sabirov")
    expect(page.get_by_role("heading", name="Search", level=1)).to_be_visible()


@pytest.mark.parametrize("spelling", ["Чивилер", "civiler"])
def test_find_a_person_by_another_script_or_spelling(page, live_server, data, spelling):
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Search").press_sequentially(spelling, delay=30)
    page.locator("#search-suggest").get_by_role("link", name="Ali Çiviler").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ali Çiviler")


def test_the_skip_link_is_the_first_stop_of_the_keyboard(page, live_server, data):
    page.goto(live_server.url + "/events/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url("**/events/#main")  # the jump lands a moment after the key press


def test_pages_work_on_a_phone(page, live_server, data):
    page.set_viewport_size({"width": 375, "height": 740})
    event = data["events"]["roundtable"]
    page.goto(f"{live_server.url}/events/{event.pk}/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the page scrolls sideways on a phone"
