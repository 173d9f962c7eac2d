"""Browser journey of the workspace: an editor merges one person written in two scripts,
and the portal's search finds the kept record by the merged-away spelling."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ortak.accounts.models import Membership, Role
from ortak.accounts.tests.factories import UserFactory, secretariat_user
from ortak.core.models import Publication
from ortak.events.services import participation_add
from ortak.events.tests.factories import EventFactory
from ortak.registry.models import Person
from ortak.registry.services import person_create, position_create
from ortak.registry.tests.factories import InstitutionFactory, StateFactory
from tests.browser.test_workspace_review import PASSWORD, _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "merge.png"


def _editor_of_azerbaijan():
    user = UserFactory(first_name="Leyla", last_name="Aliyeva")
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, role=Role.EDITOR, state=StateFactory(key="AZ"))
    return user


def _ali_twice():
    """Ali Çiviler as the portal knows him, and a draft of him in Cyrillic letters."""
    office, azerbaijan = secretariat_user(), StateFactory(key="AZ")
    keep = person_create(actor=office, name="Ali Çiviler", state=azerbaijan)
    remove = person_create(
        actor=office, name="Али Чивилер", state=azerbaijan, publication=Publication.DRAFT
    )
    forum = EventFactory(title="Diaspora Youth Forum", state=azerbaijan)
    participation_add(actor=office, event=forum, person=keep, role="Speaker")
    participation_add(actor=office, event=forum, person=remove, role="Speaker")
    camp = EventFactory(title="Summer School of Azerbaijani Studies", state=azerbaijan)
    participation_add(actor=office, event=camp, person=remove, role="Lecturer")
    committee = InstitutionFactory(name="State Committee on Work with Diaspora", state=azerbaijan)
    position_create(actor=office, person=remove, institution=committee, title="Adviser")
    return keep, remove


def test_editor_merges_a_person_written_in_two_scripts(page, live_server):
    keep, remove = _ali_twice()
    _sign_in(page, live_server, _editor_of_azerbaijan())

    page.get_by_role("link", name="Possible duplicates").click()
    pair = page.get_by_role("row").filter(has_text="Али Чивилер")
    assert pair.get_by_text("“Ali Çiviler” and “Али Чивилер” are alike").is_visible()
    pair.get_by_role("link", name="Preview the merge").click()

    kept = page.get_by_role("region", name="Kept")
    expect(kept.get_by_text("Ali Çiviler").first).to_be_visible()
    moves = page.locator(".merge-moves")
    expect(moves.get_by_text("Summer School of Azerbaijani Studies")).to_be_visible()
    expect(moves.get_by_text("already there, kept once")).to_be_visible()
    expect(moves.get_by_text("Adviser, State Committee on Work with Diaspora")).to_be_visible()
    _screenshot(page)

    page.get_by_role("button", name="Merge “Али Чивилер” into the kept record").click()
    page.wait_for_url(f"**/workspace/people/{keep.pk}/")
    expect(page.get_by_role("status").get_by_text("was merged into “Ali Çiviler”")).to_be_visible()
    assert not Person.objects.filter(pk=remove.pk).exists()

    page.goto(live_server.url + "/")
    box = page.get_by_role("searchbox", name="Search")
    box.fill("Али Чивилер")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    results = page.get_by_role("main").get_by_role("link", name="Ali Çiviler")
    expect(results).to_have_count(1)
    results.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ali Çiviler")


def _screenshot(page):
    """The merge's preview, for docs/screenshots/merge.png."""
    if not os.environ.get("ORTAK_UPDATE_SCREENSHOTS"):
        return  # a test run leaves the documentation as it is
    page.set_viewport_size({"width": 1280, "height": 1100})
    page.evaluate("window.scrollTo(0, 0)")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
