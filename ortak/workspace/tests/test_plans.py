import pytest
from django.urls import reverse

from ortak.plans.models import ActivityPlan, Measure
from ortak.registry.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(db):
    return ActivityPlan.objects.create(
        title="Diaspora Joint Activity Plan 2025", year_from=2025, year_to=2025
    )


def _measure_data(plan, responsible, **overrides):
    data = {
        "plan": plan.pk,
        "number": "3",
        "title": "Forum of diaspora youth",
        "description": "",
        "responsible": [institution.pk for institution in responsible],
        "due": "2025-10",
    }
    return {**data, **overrides}


def test_secretariat_adds_a_measure(plan, azerbaijan, secretariat, signed_in):
    body = InstitutionFactory(state=azerbaijan)
    signed_in(secretariat).post(reverse("workspace:measure_new"), _measure_data(plan, [body]))
    measure = Measure.objects.get()
    assert (measure.due_precision, list(measure.responsible.all())) == ("month", [body])


def test_a_measure_needs_a_responsible_institution(plan, secretariat, signed_in):
    response = signed_in(secretariat).post(
        reverse("workspace:measure_new"), _measure_data(plan, [])
    )
    assert "Choose at least one responsible institution" in response.content.decode()


def test_editor_may_not_add_measures(plan, editor, signed_in):
    response = signed_in(editor).get(reverse("workspace:measure_new"))
    assert response.status_code == 403
    assert "Only the OTS secretariat can make this change." in response.content.decode()


def test_secretariat_changes_a_measures_due_period(plan, azerbaijan, secretariat, signed_in):
    body = InstitutionFactory(state=azerbaijan)
    client = signed_in(secretariat)
    client.post(reverse("workspace:measure_new"), _measure_data(plan, [body]))
    measure = Measure.objects.get()
    data = _measure_data(plan, [body], due="2025-Q4", event_type="forum")
    client.post(reverse("workspace:measure", args=[measure.pk]), data)
    measure.refresh_from_db()
    assert (str(measure.due), measure.event_type) == ("2025-Q4", "forum")


def test_editor_of_a_responsible_state_reports_progress(
    plan, azerbaijan, secretariat, editor, signed_in
):
    body = InstitutionFactory(state=azerbaijan)
    signed_in(secretariat).post(reverse("workspace:measure_new"), _measure_data(plan, [body]))
    measure = Measure.objects.get()
    signed_in(editor).post(
        reverse("workspace:progress_new", args=[measure.pk]),
        {"date": "2025-06-13", "note": "Venue agreed"},
    )
    assert measure.progress.get().author == editor


def test_editor_of_another_state_may_not_report_progress(
    plan, azerbaijan, kazakhstan, secretariat, signed_in
):
    from ortak.accounts.tests.factories import editor_of

    body = InstitutionFactory(state=azerbaijan)
    signed_in(secretariat).post(reverse("workspace:measure_new"), _measure_data(plan, [body]))
    measure = Measure.objects.get()
    response = signed_in(editor_of(kazakhstan)).post(
        reverse("workspace:progress_new", args=[measure.pk]),
        {"date": "2025-06-13", "note": "Venue agreed"},
    )
    assert response.status_code == 403
    assert "editor of a responsible state" in response.content.decode()


def test_progress_needs_a_note_or_an_event(plan, azerbaijan, secretariat, signed_in):
    body = InstitutionFactory(state=azerbaijan)
    client = signed_in(secretariat)
    client.post(reverse("workspace:measure_new"), _measure_data(plan, [body]))
    measure = Measure.objects.get()
    response = client.post(
        reverse("workspace:progress_new", args=[measure.pk]), {"date": "2025-06-13"}
    )
    assert "Say what was done, or choose the event that did it" in response.content.decode()
