import datetime as dt

import pytest

from ortak.accounts.tests.factories import editor_of, secretariat_user
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.plans.models import ActivityPlan, Measure
from ortak.plans.services import measure_create, progress_add
from ortak.registry.models import Institution
from ortak.registry.tests.factories import InstitutionFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return ActivityPlan.objects.create(
        title="Diaspora Joint Activity Plan of the OTS for 2025", year_from=2025, year_to=2025
    )


def test_measure_needs_a_responsible_institution(plan):
    with pytest.raises(ValidationError) as error:
        measure_create(actor=secretariat_user(), plan=plan, title="Forum", responsible=[])
    assert error.value.code == "E203"


def test_measure_responsible_institution_must_exist(plan):
    unsaved = Institution(name="Committee nobody registered", kind="state_body")
    with pytest.raises(ValidationError, match="not in the registry"):
        measure_create(actor=secretariat_user(), plan=plan, title="Forum", responsible=[unsaved])
    assert Measure.objects.count() == 0


def test_measure_with_registered_institutions_is_kept(plan):
    committee, partner = InstitutionFactory(), InstitutionFactory()
    measure = measure_create(
        actor=secretariat_user(),
        plan=plan,
        title="Turkic Diaspora Forum",
        responsible=[committee],
        partners=[partner],
        due="2025-10",
    )
    assert list(measure.responsible.all()) == [committee]
    assert measure.due_precision == "month"


def test_editor_of_a_responsible_state_reports_progress_others_cannot(plan):
    azerbaijan, kazakhstan = StateFactory(key="AZ"), StateFactory(key="KZ")
    measure = measure_create(
        actor=secretariat_user(),
        plan=plan,
        title="Youth Forum",
        responsible=[InstitutionFactory(state=azerbaijan)],
    )
    progress_add(
        actor=editor_of(azerbaijan),
        measure=measure,
        date=dt.date(2025, 5, 1),
        note="Venue agreed",
    )
    assert measure.progress.get().note == "Venue agreed"
    with pytest.raises(PermissionDenied):
        progress_add(actor=editor_of(kazakhstan), measure=measure, date=dt.date(2025, 5, 2))
