"""The back office follows the roles: the secretariat manages everything, editors their state."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from ortak.accounts.models import Role
from ortak.accounts.services import demo_accounts_ensure
from ortak.accounts.tests.factories import UserFactory, sign_in_with_code, user_with_role
from ortak.events.models import Event, Outcome
from ortak.events.tests.factories import EventFactory
from ortak.registry.models import Person, State
from ortak.registry.tests.factories import PersonFactory, StateFactory

pytestmark = pytest.mark.django_db

ORTAK_MODELS = sorted(
    f"{model._meta.app_label}/{model._meta.model_name}"
    for model in admin.site._registry
    if model.__module__.startswith("ortak.")
)


@pytest.fixture
def secretariat(client, reference):
    """The demo secretariat account, as `ortak demo-accounts` makes it, signed in."""
    demo_accounts_ensure()
    sign_in_with_code(client, User.objects.get(username="secretariat"))
    return client


@pytest.fixture
def az_editor(client, reference):
    user = user_with_role(Role.EDITOR, state=State.objects.get(key="AZ"))
    user.is_staff = True
    user.save()
    client.force_login(user)
    return user


def form_data(response) -> dict:
    """The POST data of an admin change form as the page shows it, inlines included."""
    data = _fields(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_fields(formset.management_form))
        for form in formset.forms:
            data.update(_fields(form))
    return data


def _fields(form) -> dict:
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False:
            continue
        data[field.html_name] = "on" if value is True else value
    return data


def test_secretariat_sees_the_back_office(secretariat):
    page = secretariat.get("/admin/").content.decode()
    assert "have permission to view or edit anything" not in page
    for name in ("Events", "Institutions", "People", "Measures"):
        assert name in page


@pytest.mark.parametrize("model", ORTAK_MODELS)
def test_secretariat_opens_every_changelist_and_add_page(secretariat, model):
    assert secretariat.get(f"/admin/{model}/").status_code == 200
    # Some records are made elsewhere by design (API tokens by `ortak api-token`, links by the
    # matcher): their admin offers no add page to anyone, the secretariat included.
    model_admin = next(a for m, a in admin.site._registry.items()
                       if f"{m._meta.app_label}/{m._meta.model_name}" == model)  # fmt: skip
    expected = 200 if model_admin.has_add_permission(_request_of(secretariat)) else 403
    assert secretariat.get(f"/admin/{model}/add/").status_code == expected


def _request_of(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = User.objects.get(pk=client.session["_auth_user_id"])
    return request


@pytest.mark.parametrize("key", ["registry/state", "registry/institution"])
def test_secretariat_opens_change_pages(secretariat, key):
    app_label, model_name = key.split("/")
    model = next(m for m in admin.site._registry if m._meta.model_name == model_name)
    record = model.objects.first()
    url = reverse(f"admin:{app_label}_{model_name}_change", args=[record.pk])
    response = secretariat.get(url)
    assert response.status_code == 200
    assert 'name="_save"' in response.content.decode()


def test_secretariat_changes_an_event_with_its_inlines_through_the_admin(secretariat):
    event = EventFactory(state=State.objects.get(key="KG"), city="Bishkek")
    url = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(secretariat.get(url))
    data.update(city="Cholpon-Ata", **{"outcomes-TOTAL_FORMS": "1"})
    data.update({"outcomes-0-kind": "decision", "outcomes-0-text": "A memorandum was signed"})
    response = secretariat.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    event.refresh_from_db()
    assert event.city == "Cholpon-Ata"
    assert event.history.first().history_user.username == "secretariat"
    outcome = Outcome.objects.get(event=event)
    assert outcome.history.first().history_user.username == "secretariat"


def test_a_person_added_in_the_admin_keeps_their_name_as_a_spelling(secretariat):
    response = secretariat.post(
        reverse("admin:registry_person_add"),
        {
            "name": "Aygün Əliyeva",
            "publication": "published",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-0-text": "Айгюн Алиева",
            "positions-TOTAL_FORMS": "0",
            "positions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["errors"]
    person = Person.objects.get(name="Aygün Əliyeva")
    assert set(person.aliases.values_list("text", flat=True)) == {"Aygün Əliyeva", "Айгюн Алиева"}
    assert all(alias.folded for alias in person.aliases.all())


def test_secretariat_deletes_selected_records_with_the_action(secretariat):
    people = PersonFactory.create_batch(2, state=State.objects.get(key="TR"))
    response = secretariat.post(
        reverse("admin:registry_person_changelist"),
        {"action": "delete_selected", "_selected_action": [p.pk for p in people], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Person.objects.filter(pk__in=[p.pk for p in people]).exists()
    deleted = Person.history.filter(id=people[0].pk, history_type="-").get()
    assert deleted.history_user.username == "secretariat"


def test_a_plain_staff_account_without_a_role_sees_nothing(client, reference):
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/admin/events/event/").status_code == 403


def test_a_state_editor_cannot_change_another_states_event_in_the_admin(client, az_editor):
    event = EventFactory(state=State.objects.get(key="KG"), city="Bishkek")
    url = reverse("admin:events_event_change", args=[event.pk])
    page = client.get(url)
    assert page.status_code == 200  # read-only
    assert 'name="_save"' not in page.content.decode()
    assert client.post(url, {"title": "Renamed", "city": "Nowhere"}).status_code == 403
    delete = reverse("admin:events_event_delete", args=[event.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert (event.city, Event.objects.filter(pk=event.pk).exists()) == ("Bishkek", True)


def test_a_state_editor_changes_their_own_states_event_but_cannot_move_it_away(client, az_editor):
    event = EventFactory(state=State.objects.get(key="AZ"), city="Baku")
    url = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(client.get(url))
    response = client.post(url, {**data, "city": "Shusha"})
    assert response.status_code == 302, response.context["errors"]
    event.refresh_from_db()
    assert event.city == "Shusha"

    moved = {**data, "state": str(State.objects.get(key="KG").pk)}
    response = client.post(url, moved)
    assert response.status_code == 200
    assert "It belongs to another state" in response.content.decode()
    event.refresh_from_db()
    assert event.state.key == "AZ"


def test_a_state_editor_cannot_give_roles(client, az_editor):
    assert client.get("/admin/accounts/membership/").status_code == 403
    assert StateFactory(key="AZ").memberships.count() == 1
