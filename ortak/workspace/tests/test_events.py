import pytest
from django.urls import reverse

from ortak.events.models import Event
from ortak.events.tests.factories import EventFactory
from ortak.registry.tests.factories import InstitutionFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _event_data(state, **overrides):
    data = {
        "title": "Training for diaspora youth",
        "event_type": "training",
        "status": "held",
        "start": "2024-05-14",
        "end": "2024-05-16",
        "city": "Baku",
        "country": "AZ",
        "state": state.pk,
        "framework": "",
        "description": "",
    }
    return {**data, **overrides}


def test_editor_adds_an_event_with_dates_as_precise_as_known(azerbaijan, editor, signed_in):
    organizer = InstitutionFactory(state=azerbaijan)
    data = _event_data(azerbaijan, start="2024-05", end="", organizers=[organizer.pk])
    data["countries"] = [azerbaijan.pk]
    response = signed_in(editor).post(reverse("workspace:event_new"), data)
    event = Event.objects.get()
    assert response.url == reverse("workspace:event", args=[event.pk])
    assert (event.start_date.isoformat(), event.start_precision) == ("2024-05-01", "month")
    assert list(event.organizers.all()) == [organizer]
    assert list(event.countries.all()) == [azerbaijan]


def test_event_dates_out_of_order_say_so_in_plain_words(azerbaijan, editor, signed_in):
    data = _event_data(azerbaijan, start="2024-05-16", end="2024-05-14")
    html = signed_in(editor).post(reverse("workspace:event_new"), data).content.decode()
    assert "The end date is before the start date. Check the two dates." in html
    assert not Event.objects.exists()


def test_editor_changes_their_states_event(azerbaijan, editor, signed_in):
    event = EventFactory(state=azerbaijan)
    data = _event_data(azerbaijan, title="Renamed training")
    signed_in(editor).post(reverse("workspace:event", args=[event.pk]), data)
    event.refresh_from_db()
    assert event.title == "Renamed training"
    assert event.history.first().history_user == editor


def test_editor_cannot_move_an_event_to_another_state(azerbaijan, kazakhstan, editor, signed_in):
    event = EventFactory(state=azerbaijan)
    data = _event_data(kazakhstan)
    response = signed_in(editor).post(reverse("workspace:event", args=[event.pk]), data)
    assert "Choose one of the options in the list." in response.content.decode()
    event.refresh_from_db()
    assert event.state == azerbaijan


def test_secretariat_changes_any_event(kazakhstan, secretariat, signed_in):
    event = EventFactory(state=kazakhstan)
    data = _event_data(kazakhstan, title="Changed by the OTS", country="KZ", city="Astana")
    signed_in(secretariat).post(reverse("workspace:event", args=[event.pk]), data)
    event.refresh_from_db()
    assert (event.title, event.city) == ("Changed by the OTS", "Astana")


def test_participant_added_once_then_removed(azerbaijan, editor, signed_in):
    event, person = EventFactory(state=azerbaijan), PersonFactory(state=azerbaijan)
    client = signed_in(editor)
    url = reverse("workspace:participant_add", args=[event.pk])
    client.post(url, {"person": person.pk, "role": "Chairman"})
    again = client.post(url, {"person": person.pk, "role": "Chairman"}).content.decode()
    assert "This person is already a participant of this event." in again
    participation = event.participations.get()
    client.post(reverse("workspace:participant_remove", args=[participation.pk]))
    assert not event.participations.exists()


def test_outcome_and_site_visit_added_and_removed(azerbaijan, editor, signed_in):
    event = EventFactory(state=azerbaijan)
    client = signed_in(editor)
    client.post(
        reverse("workspace:outcome_add", args=[event.pk]),
        {"kind": "document_adopted", "text": "Adopted the 2025 plan"},
    )
    client.post(reverse("workspace:site_visit_add", args=[event.pk]), {"name": "Carpet Museum"})
    page = client.get(reverse("workspace:event", args=[event.pk])).content.decode()
    assert "Adopted the 2025 plan" in page and "Carpet Museum" in page
    client.post(reverse("workspace:outcome_remove", args=[event.outcomes.get().pk]))
    client.post(reverse("workspace:site_visit_remove", args=[event.site_visits.get().pk]))
    assert not event.outcomes.exists() and not event.site_visits.exists()


def test_editor_cannot_remove_another_states_participant(kazakhstan, editor, signed_in):
    from ortak.events.models import Participation

    event = EventFactory(state=kazakhstan)
    participation = Participation.objects.create(event=event, person=PersonFactory())
    response = signed_in(editor).post(
        reverse("workspace:participant_remove", args=[participation.pk])
    )
    assert response.status_code == 403
    assert Participation.objects.filter(pk=participation.pk).exists()


def test_event_list_links_only_what_the_user_may_edit(azerbaijan, kazakhstan, editor, signed_in):
    mine = EventFactory(state=azerbaijan, title="Our forum")
    theirs = EventFactory(state=kazakhstan, title="Their forum")
    page = signed_in(editor).get(reverse("workspace:event_list")).content.decode()
    assert reverse("workspace:event", args=[mine.pk]) in page
    assert reverse("workspace:event", args=[theirs.pk]) not in page
    assert "Their forum" in page
