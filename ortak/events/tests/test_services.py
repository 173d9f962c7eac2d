import pytest
from django.db import IntegrityError

from ortak.accounts.tests.factories import editor_of, secretariat_user
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.events.models import Participation
from ortak.events.services import event_create, participation_add
from ortak.events.tests.factories import EventFactory
from ortak.registry.tests.factories import PersonFactory, StateFactory

pytestmark = pytest.mark.django_db


def test_one_person_takes_part_in_an_event_once():
    event, person = EventFactory(), PersonFactory()
    actor = secretariat_user()
    participation_add(actor=actor, event=event, person=person, role="Chairman")
    with pytest.raises(ValidationError) as error:
        participation_add(actor=actor, event=event, person=person, role="Speaker")
    assert error.value.code == "E202"
    assert Participation.objects.filter(event=event).count() == 1


def test_database_refuses_a_second_participation_of_one_person():
    event, person = EventFactory(), PersonFactory()
    Participation.objects.create(event=event, person=person)
    with pytest.raises(IntegrityError):
        Participation.objects.create(event=event, person=person)


def test_event_dates_must_be_in_order():
    with pytest.raises(ValidationError) as error:
        event_create(
            actor=secretariat_user(),
            title="Forum",
            event_type="forum",
            start="2022-03-30",
            end="2022-03-28",
        )
    assert error.value.code == "E201"


def test_event_with_month_precision_is_kept_as_such():
    event = event_create(
        actor=secretariat_user(),
        title="Training in Europe",
        event_type="training",
        start="2019-03",
        status="planned",
    )
    assert (event.start_date.isoformat(), event.start_precision) == ("2019-03-01", "month")


def test_editor_cannot_add_participants_to_another_states_event():
    event = EventFactory(state=StateFactory(key="KG"))
    editor = editor_of(StateFactory(key="AZ"))
    with pytest.raises(PermissionDenied):
        participation_add(actor=editor, event=event, person=PersonFactory())
