"""Journey over the map of diaspora organizations in a real browser: the country outlines
drawn, a cluster opened into a closer view, the map filtered by kind and host country as the
list is, and a marker followed to the organization's page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ortak.portal.tests.factories import OrganizationFactory
from ortak.registry.tests.factories import StateFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "map.png"

PLACES = [
    ("Azerbaijani Cultural Center in Berlin", "culture_center", "AZ", "DE", "Berlin", 52.52, 13.40),
    ("Berlin Turkic Youth Union", "association", "TR", "DE", "Berlin", 52.50, 13.42),
    ("Kazakh House Berlin", "association", "KZ", "DE", "Berlin", 52.53, 13.38),
    ("Kazakh Community of Istanbul", "association", "KZ", "TR", "Istanbul", 41.01, 28.98),
    ("Kyrgyz Diaspora in Moscow", "association", "KG", "RU", "Moscow", 55.76, 37.62),
    ("Uzbek Saturday School London", "school", "UZ", "GB", "London", 51.51, -0.13),
    ("Turkish Teachers' Network Vienna", "education_center", "TR", "AT", "Vienna", 48.21, 16.37),
    ("Azerbaijani Society of New York", "association", "AZ", "US", "New York", 40.71, -74.01),
    ("Uzbek Community of Seoul", "association", "UZ", "KR", "Seoul", 37.57, 126.98),
]  # fmt: skip


@pytest.fixture
def organizations():
    states = {key: StateFactory(key=key) for key in ("AZ", "KZ", "KG", "UZ", "TR")}
    return {
        name: OrganizationFactory(
            name=name, kind=kind, community_state=states[state], host_country=country,
            city=city, latitude=lat, longitude=lon, languages=["az", "ru"],
        )
        for name, kind, state, country, city, lat, lon in PLACES
    }  # fmt: skip


def test_open_the_map_filter_it_and_open_an_organization(page, live_server, organizations):
    page.goto(live_server.url + "/organizations/map/")
    world = page.locator("#organization-map svg")
    assert world.locator("path.country").count() > 100  # Natural Earth's outlines
    expect(page.get_by_text("9 organizations on the map")).to_be_visible()
    table = page.get_by_role("table", name="The organizations in this view of the map")
    expect(table.get_by_role("link", name="Uzbek Community of Seoul")).to_be_visible()
    if os.environ.get("ORTAK_UPDATE_SCREENSHOTS"):
        page.screenshot(path=str(SCREENSHOT))

    page.get_by_role("link", name="Zoom in").click()  # htmx swaps the map and its table
    page.wait_for_url("**zoom=1**")
    assert world.get_attribute("data-zoom") == "1"
    page.get_by_role("link", name="The whole world").click()
    page.wait_for_url("**zoom=0**")

    europe = world.locator("a.mark:has(circle.cluster)")
    assert (
        europe.count() == 1 and europe.locator("text").text_content() == "4"
    )  # Berlin's three and Vienna
    europe.click()  # a cluster opens into a closer view where it falls apart
    page.wait_for_url("**zoom=**")
    expect(world.locator("a.mark")).to_have_count(2)  # Berlin's three still one at this distance
    expect(table.get_by_role("link", name="Kazakh House Berlin")).to_be_visible()
    expect(table.get_by_role("link", name="Uzbek Community of Seoul")).to_have_count(0)

    page.get_by_label("Type").select_option("culture_center")
    page.get_by_label("Host country").select_option("DE")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**country=DE**")
    expect(page.get_by_text("1 organization on the map")).to_be_visible()
    marks = page.locator("#organization-map a.mark")
    expect(marks).to_have_count(1)
    marks.click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Azerbaijani Cultural Center in Berlin")
