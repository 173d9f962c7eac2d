"""Journey of an organization abroad in a real browser: it registers itself through the
public form, the editors of its community's state accept it in the workspace, and it is
then on the portal's list and map, placed at its city."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ortak.accounts.models import Membership, Role
from ortak.accounts.tests.factories import UserFactory
from ortak.registry.models import DiasporaOrganization
from ortak.registry.tests.factories import StateFactory
from tests.browser.test_workspace_review import PASSWORD, _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "organization-join.png"
NAME = "Qazaq Uyi Berlin e.V."


def _editor_of(state):
    user = UserFactory(first_name="Aigerim", last_name="Sadykova")
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, role=Role.EDITOR, state=state)
    return user


def _register(page, live_server, kazakhstan):
    page.goto(live_server.url + "/experts/organizations/join/")
    page.get_by_label("Name of the organization").fill(NAME)
    page.get_by_label("Kind").select_option("culture_center")
    page.get_by_label("Country where it works").select_option("DE")
    page.get_by_label("City").fill("Berlin")
    page.get_by_label("Community of").select_option(str(kazakhstan.pk))
    page.get_by_label("Languages").fill("kk, de")
    page.get_by_label("Activities").fill("Kazakh language courses, Nauryz celebrations")
    page.get_by_label("E-mail").fill("info@qazaq-uyi.example.org")
    if os.environ.get("ORTAK_UPDATE_SCREENSHOTS"):
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=True)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()


def test_an_organization_registers_is_accepted_and_is_on_the_map(page, live_server):
    kazakhstan = StateFactory(key="KZ")
    _register(page, live_server, kazakhstan)
    registered = DiasporaOrganization.objects.get(name=NAME)
    assert not registered.is_published  # nothing is shown before the editors accept it

    page.goto(live_server.url + "/organizations/")
    expect(page.get_by_role("link", name=NAME)).to_have_count(0)

    _sign_in(page, live_server, _editor_of(kazakhstan))
    page.get_by_role("link", name="Experts to moderate").click()
    waiting = page.get_by_role("listitem").filter(has_text=NAME)
    waiting.get_by_role("button", name="Accept").click()
    page.wait_for_load_state()
    expect(page.get_by_text("No registration is waiting.")).to_be_visible()

    page.goto(live_server.url + "/organizations/map/")
    marker = page.locator(f'svg a[href$="/organizations/{registered.pk}/"]')
    expect(marker).to_have_count(1)  # placed at Berlin, the coordinates taken from its city
    page.goto(live_server.url + f"/organizations/{registered.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
