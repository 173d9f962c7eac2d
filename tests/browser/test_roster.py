"""Journey through the roster of experts in a real browser: a person joins with consent,
confirms by the e-mailed link, is accepted by the community's institution, and is found by
a keyword in another script."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from ortak.accounts.tests.factories import editor_of
from ortak.network.models import Expert
from ortak.network.services import expert_moderate
from ortak.registry.tests.factories import StateFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "roster.png"


def test_join_confirm_and_be_found(page, live_server):
    azerbaijan = StateFactory(key="AZ")
    page.goto(live_server.url + "/experts/join/")
    page.locator("#id_name").fill("Leyla Aliyeva")
    page.locator("#id_other_names").fill("Лейла Алиева")
    page.locator("#id_email").fill("leyla@example.org")
    page.locator("#id_fields_of_science").select_option(["1.2"])
    page.locator("#id_keywords").fill("машинный перевод, Turkic languages")
    page.locator("#id_community_state").select_option(str(azerbaijan.pk))
    page.locator("#id_languages").fill("az, ru")
    page.locator("#id_orcid").fill("0000-0002-1825-0097")
    page.get_by_role("checkbox", name="Keywords").check()
    page.get_by_role("checkbox", name="Listed publicly").check()
    page.get_by_role("checkbox", name="I have read the consent text").check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()

    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    expert_moderate(actor=editor_of(azerbaijan), expert=Expert.objects.get(), accept=True)

    page.goto(live_server.url + "/experts/")
    page.locator("#id_q").fill("машинный")
    page.get_by_role("button", name="Find").click()
    result = page.get_by_role("link", name="Leyla Aliyeva")
    expect(result).to_be_visible()
    assert "0000-0002-1825-0097" not in page.content()  # the ORCID iD was not made public
    if os.environ.get("ORTAK_UPDATE_SCREENSHOTS"):
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leyla Aliyeva")
