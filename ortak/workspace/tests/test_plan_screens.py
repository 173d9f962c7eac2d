"""The workspace's plan screens: a new plan, an import with its dry-run preview, the
proposals a reviewer decides, a decision to postpone, the editor's measures due."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ortak.events.services import event_create
from ortak.plans.models import ActivityPlan, LinkState, MeasureLink
from ortak.plans.services import measure_create, plan_create
from ortak.plans.tests.conftest import PLAN_2019
from ortak.registry.models import Institution, State

pytestmark = pytest.mark.django_db


def _upload(text, name="plan.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_secretariat_creates_a_plan_with_its_other_names(secretariat, signed_in):
    response = signed_in(secretariat).post(
        reverse("workspace:plan_new"),
        {"title": "Joint Plan 2026", "year_from": "2026", "year_to": "", "aliases": "Plan A\n"},
    )
    assert response.status_code == 302
    plan = ActivityPlan.objects.get()
    assert (plan.year_from, plan.year_to, plan.aliases) == (2026, 2026, ["Plan A"])
    assert plan.history.first().history_user == secretariat


def test_years_out_of_order_are_shown_on_the_form(secretariat, signed_in):
    response = signed_in(secretariat).post(
        reverse("workspace:plan_new"), {"title": "Plan", "year_from": "2026", "year_to": "2024"}
    )
    assert response.status_code == 200 and not ActivityPlan.objects.exists()


def test_the_import_previews_first_then_creates(reference, secretariat, signed_in):
    client = signed_in(secretariat)
    data = {"title": "Plan 2019", "years": "2019"}
    preview = client.post(
        reverse("workspace:plan_import"), {**data, "dry_run": "on", "table": _upload(PLAN_2019)}
    )
    html = preview.content.decode()
    assert "5 measures would be created" in html and not ActivityPlan.objects.exists()
    assert "Presidency for Turks Abroad and Related Communities" in html
    client.post(reverse("workspace:plan_import"), {**data, "table": _upload(PLAN_2019)})
    assert ActivityPlan.objects.get().measures.count() == 5


def test_a_bad_import_shows_each_problem_and_creates_nothing(reference, secretariat, signed_in):
    table = "measure,responsible,due\nForum,Nobody Known Here,2022-Q9\n"
    response = signed_in(secretariat).post(
        reverse("workspace:plan_import"),
        {"title": "Plan", "years": "2022", "table": _upload(table)},
    )
    html = response.content.decode()
    assert "2 problems: nothing was created" in html and "2022-Q9" in html
    assert not ActivityPlan.objects.exists()


def test_an_editor_may_not_import_plans(editor, signed_in):
    assert signed_in(editor).get(reverse("workspace:plan_import")).status_code == 403


@pytest.fixture
def ambiguous(reference, secretariat):
    plan = plan_create(actor=secretariat, title="Plan 2025", year_from=2025)
    ytb = Institution.objects.get(key="tr-ytb")
    committee = Institution.objects.get(key="az-diaspora-committee")
    for number, body in (("1", ytb), ("2", committee)):
        measure_create(
            actor=secretariat, plan=plan, number=number, title=f"Training {number}",
            event_type="training", due="2025-Q3", responsible=[body],
        )  # fmt: skip
    return event_create(
        actor=secretariat, title="Training in Budapest", event_type="training",
        start="2025-08-10", state=State.objects.get(key="HU"), organizers=[ytb, committee],
    )  # fmt: skip


def test_a_reviewer_sees_the_proposals_with_the_evidence_and_decides(
    ambiguous, secretariat, signed_in
):
    client = signed_in(secretariat)
    html = client.get(reverse("workspace:link_proposals")).content.decode()
    assert "Training in Budapest" in html and "the due period" in html
    link = MeasureLink.objects.get(event=ambiguous, measure__number="2")
    client.post(reverse("workspace:link_decide", args=[link.pk]), {"decision": "confirm"})
    states = dict(
        MeasureLink.objects.filter(event=ambiguous).values_list("measure__number", "state")
    )
    assert states == {"1": LinkState.DISMISSED, "2": LinkState.LINKED}


def test_an_editor_records_a_postponement_with_its_source(reference, secretariat, signed_in):
    from ortak.accounts.tests.factories import editor_of

    azerbaijan = State.objects.get(key="AZ")
    plan = plan_create(actor=secretariat, title="Plan 2025", year_from=2025)
    measure = measure_create(
        actor=secretariat, plan=plan, title="Forum", due="2025-Q2",
        responsible=[Institution.objects.get(key="az-diaspora-committee")],
    )  # fmt: skip
    signed_in(editor_of(azerbaijan)).post(
        reverse("workspace:decision_new", args=[measure.pk]),
        {"kind": "postponed", "decided_on": "2025-04-01", "reason": "The venue is rebuilt",
         "source_reference": "Letter of 1 April 2025"},
    )  # fmt: skip
    assert measure.decisions.get().reason == "The venue is rebuilt"


def test_the_editors_home_lists_their_states_measures_overdue(reference, secretariat, signed_in):
    from ortak.accounts.tests.factories import editor_of

    plan = plan_create(actor=secretariat, title="Plan 2020", year_from=2020)
    committee = Institution.objects.get(key="az-diaspora-committee")
    ytb = Institution.objects.get(key="tr-ytb")
    for title, body in (("Azerbaijani forum", committee), ("Turkish training", ytb)):
        measure_create(actor=secretariat, plan=plan, title=title, due="2020-Q2", responsible=[body])
    editor = editor_of(State.objects.get(key="AZ"))
    html = signed_in(editor).get(reverse("workspace:dashboard")).content.decode()
    assert "Azerbaijani forum" in html and "Overdue" in html
    assert "Turkish training" not in html
    assert dt.date.today().year > 2020
