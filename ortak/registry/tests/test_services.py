import pytest
from django.db import IntegrityError

from ortak.accounts.tests.factories import editor_of, secretariat_user
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.registry.models import Position
from ortak.registry.services import person_create, position_create, state_for_code
from ortak.registry.tests.factories import InstitutionFactory, PersonFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "end"),
    [("2021-11-06", "2021-11-05"), ("2022", "2021"), ("2020-05", "2020-04-30")],
)
def test_position_dates_must_be_in_order(start, end):
    with pytest.raises(ValidationError) as error:
        position_create(
            actor=secretariat_user(),
            person=PersonFactory(),
            institution=InstitutionFactory(),
            title="Chairman",
            start=start,
            end=end,
        )
    assert error.value.code == "E201"
    assert Position.objects.count() == 0


@pytest.mark.parametrize(("start", "end"), [("2021-11", "2021-11-30"), ("2018", None)])
def test_position_with_dates_in_order_is_kept_with_its_precision(start, end):
    position = position_create(
        actor=secretariat_user(),
        person=PersonFactory(),
        institution=InstitutionFactory(),
        title="Chairman",
        start=start,
        end=end,
    )
    assert position.start_precision == ("month" if len(start) == 7 else "year")


def test_position_wrong_date_text_is_a_clear_error():
    with pytest.raises(ValidationError, match="2024-11-18") as error:
        position_create(
            actor=secretariat_user(),
            person=PersonFactory(),
            institution=InstitutionFactory(),
            title="Chairman",
            start="18.11.2024",
        )
    assert error.value.code == "E204"


def test_database_refuses_position_dates_out_of_order():
    position = Position(
        person=PersonFactory(),
        institution=InstitutionFactory(),
        title="Head",
        start_date="2020-01-02",
        end_date="2020-01-01",
    )
    with pytest.raises(IntegrityError):
        position.save()


def test_state_editor_cannot_change_another_states_records():
    azerbaijan, kazakhstan = StateFactory(key="AZ"), StateFactory(key="KZ")
    editor = editor_of(azerbaijan)
    kazakh_person = PersonFactory(state=kazakhstan)
    kazakh_body = InstitutionFactory(state=kazakhstan)
    with pytest.raises(PermissionDenied) as error:
        position_create(actor=editor, person=kazakh_person, institution=kazakh_body, title="Head")
    assert error.value.code == "E301"
    with pytest.raises(PermissionDenied):
        person_create(actor=editor, name="Meiram Imanbayev", state=kazakhstan)


def test_state_editor_changes_own_states_records():
    azerbaijan = StateFactory(key="AZ")
    editor = editor_of(azerbaijan)
    person = person_create(
        actor=editor, name="Fuad Muradov", state=azerbaijan, aliases=["F.Muradov"]
    )
    position = position_create(
        actor=editor,
        person=person,
        institution=InstitutionFactory(state=azerbaijan),
        title="Chairman",
    )
    assert position.history.first().history_user == editor
    assert set(person.aliases.values_list("text", flat=True)) == {"Fuad Muradov", "F.Muradov"}


def test_public_cannot_create_people():
    with pytest.raises(PermissionDenied):
        person_create(actor=None, name="Anyone")


def test_state_for_code_adds_a_country_from_iso_3166():
    state = state_for_code("us")
    assert (state.iso_code, state.ots_status) == ("US", "none")
    assert state_for_code("US") == state


def test_state_for_code_refuses_an_invented_code():
    with pytest.raises(ValidationError) as error:
        state_for_code("XX")
    assert error.value.code == "E205"
