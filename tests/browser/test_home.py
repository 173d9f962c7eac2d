import pytest
from playwright.sync_api import expect

from ortak.registry.reference import reference_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_lists_member_states_and_observers(page, live_server):
    reference_load()
    page.goto(live_server.url + "/")
    states = page.get_by_role("region", name="Member states and observers")
    for name in ("Azerbaijan", "Kazakhstan", "Kyrgyzstan", "Türkiye", "Uzbekistan", "Hungary"):
        assert states.get_by_text(name, exact=False).count() >= 1
    assert page.title().endswith("Ortak")


def test_language_switcher_is_keyboard_reachable_and_labelled(page, live_server):
    page.goto(live_server.url + "/")
    select = page.get_by_label("Language")
    select.focus()
    assert select.evaluate("el => el === document.activeElement")
    expect(select.locator("option")).to_have_count(7)
