"""Journeys through a plan in a real browser: the plan page's progress and timeline, from a
measure on the timeline to its evidence, the report made and downloaded in Russian, and a plan
imported in the workspace after a dry run."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from ortak.accounts.services import operator_user
from ortak.plans.demo import demo_create
from ortak.plans.tests.conftest import PLAN_2019
from ortak.portal.tests.seed import portal_seed
from tests.browser.test_workspace_review import _code_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_plan():
    from django.utils import timezone

    portal_seed()
    return demo_create(actor=operator_user(), today=timezone.localdate())


def test_the_plan_page_shows_progress_and_the_timeline(page, live_server, demo_plan):
    page.goto(f"{live_server.url}/plans/{demo_plan.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(demo_plan.title)
    timeline = page.get_by_test_id("timeline")
    expect(timeline).to_be_visible()
    expect(timeline.locator("g.timeline-row")).to_have_count(7)
    assert timeline.locator("circle.mark-held").count() >= 2
    assert timeline.locator("circle.mark-announced").count() >= 1
    overdue = page.get_by_role("region", name="Overdue")
    expect(overdue.get_by_role("link", name="4. Meeting of the Contact Group")).to_be_visible()
    measures = page.get_by_test_id("measures")
    assert measures.get_by_role("row", name="Turkic Diaspora Forum").get_by_text("Postponed")
    page.get_by_role("group").filter(has_text="The timeline as a table").click()
    assert page.get_by_role("cell", name="Capacity Building Training for diaspora").count() >= 1


def test_from_the_timeline_to_a_measure_and_its_evidence(page, live_server, demo_plan):
    page.goto(f"{live_server.url}/plans/{demo_plan.pk}/")
    page.get_by_test_id("timeline").get_by_text("5. Internship Program").click()
    assert "Internship Program" in page.get_by_role("heading", level=1).inner_text()
    evidence = page.get_by_role("region", name="Evidence")
    assert evidence.get_by_role("link", name="Internship of diaspora officials in Astana (demo)")
    assert evidence.get_by_text("reported").count() >= 1


def test_download_the_report_in_russian(page, live_server, demo_plan):
    page.goto(f"{live_server.url}/plans/{demo_plan.pk}/")
    page.get_by_label("Language of the report").select_option("ru")
    page.get_by_role("button", name="XLSX").click()
    # The report's page: made by the task queue (at once in tests), then offered.
    page.get_by_role("status").filter(has_text="Ready").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the report").click()
    data = Path(download.value.path()).read_bytes()
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet["B3"].value == "Пункт плана"
    statuses = {row[2] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert {"Проведено", "Просрочено", "Перенесено"} <= statuses


def test_import_a_plan_after_a_dry_run(page, live_server, tmp_path):
    from django.contrib.auth.models import User

    from ortak.accounts.models import Membership, Role

    portal_seed()
    user = User.objects.create_user("importer", password="a long pass phrase 2026")
    Membership.objects.create(user=user, role=Role.SECRETARIAT)
    table = tmp_path / "plan.csv"
    table.write_text(PLAN_2019, encoding="utf-8")
    page.goto(f"{live_server.url}/accounts/login/?next=/workspace/plans/import/")
    page.get_by_label("Username").fill("importer")
    page.get_by_label("Password").fill("a long pass phrase 2026")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    # The secretariat sets up an authenticator app before it reaches the workspace.
    page.get_by_label("Code from your authenticator app").fill(
        _code_for(page.locator("#totp-secret").inner_text())
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()
    page.goto(f"{live_server.url}/workspace/plans/import/")
    page.get_by_label("Title of the plan").fill("Diaspora Joint Activity Plan 2019")
    page.get_by_label("Years").fill("2019")
    page.get_by_label("Table of measures").set_input_files(str(table))
    page.get_by_role("button", name="Check or import").click()
    expect(page.get_by_text("5 measures would be created")).to_be_visible()
    page.get_by_label("Table of measures").set_input_files(str(table))
    page.get_by_label("Only check, create nothing").uncheck()
    page.get_by_role("button", name="Check or import").click()
    expect(page.get_by_text("The plan was imported.")).to_be_visible()
