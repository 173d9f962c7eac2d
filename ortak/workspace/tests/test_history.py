import pytest
from django.urls import reverse

from ortak.events.tests.factories import EventFactory
from ortak.registry.services import person_create

pytestmark = pytest.mark.django_db


def test_history_shows_who_changed_what_and_when(azerbaijan, editor, signed_in):
    person = person_create(actor=editor, name="Fuad Muradov", state=azerbaijan)
    client = signed_in(editor)
    client.post(
        reverse("workspace:person", args=[person.pk]),
        {"name": "Fuad Muradov Ismayil", "state": azerbaijan.pk},
    )
    html = client.get(reverse("workspace:history", args=["person", person.pk])).content.decode()
    assert "Created" in html and "Changed" in html
    assert editor.username in html
    assert '<td data-label="Before">Fuad Muradov</td>' in html
    assert '<td data-label="After">Fuad Muradov Ismayil</td>' in html


def test_event_history_names_the_states_that_took_part(azerbaijan, kazakhstan, editor, signed_in):
    event = EventFactory(state=azerbaijan)
    client = signed_in(editor)
    data = {
        "title": event.title,
        "event_type": "roundtable",
        "status": "held",
        "city": "Baku",
        "country": "AZ",
        "state": azerbaijan.pk,
        "countries": [azerbaijan.pk, kazakhstan.pk],
    }
    client.post(reverse("workspace:event", args=[event.pk]), data)
    html = client.get(reverse("workspace:history", args=["event", event.pk])).content.decode()
    assert "Azerbaijan, Kazakhstan" in html


def test_edit_page_links_to_the_history(azerbaijan, editor, signed_in):
    event = EventFactory(state=azerbaijan)
    html = signed_in(editor).get(reverse("workspace:event", args=[event.pk])).content.decode()
    assert reverse("workspace:history", args=["event", event.pk]) in html


def test_unknown_kind_of_record_has_no_history(editor, signed_in):
    assert signed_in(editor).get("/workspace/history/user/1/").status_code == 404


def test_history_says_choices_and_yes_or_no_in_words(azerbaijan, secretariat, signed_in):
    from ortak.registry.tests.factories import InstitutionFactory

    institution = InstitutionFactory(state=azerbaijan, kind="ministry")
    client = signed_in(secretariat)
    client.post(
        reverse("workspace:institution", args=[institution.pk]),
        {"name": institution.name, "kind": "foundation", "state": azerbaijan.pk,
         "diaspora_body": "on"},
    )  # fmt: skip
    url = reverse("workspace:history", args=["institution", institution.pk])
    html = client.get(url).content.decode()
    assert '<td data-label="Before">Ministry</td>' in html
    assert '<td data-label="After">Foundation</td>' in html
    assert '<td data-label="After">Yes</td>' in html
