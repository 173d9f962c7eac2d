"""A state's editor changes no other state's records, whether through the workspace's pages
or by calling the services the pages call; a review of another state's published event
changes nothing from the review screen either."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ortak.core.errors import PermissionDenied
from ortak.events import services as events
from ortak.events.models import Outcome, Participation, SiteVisit
from ortak.events.tests.factories import EventFactory
from ortak.registry import services as registry
from ortak.registry.models import PersonAlias, Position
from ortak.registry.tests.factories import InstitutionFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign(kazakhstan):
    """Kazakhstan's person (with a position and a spelling), institution and event (with a
    participant, an outcome and a site visit), made as its editors would have."""
    person = PersonFactory(state=kazakhstan, name="Meiram Imanbayev")
    institution = InstitutionFactory(state=kazakhstan, name="Kazakh Diaspora Committee")
    event = EventFactory(state=kazakhstan, city="Astana", country="KZ", title="Astana forum")
    return {
        "person": person,
        "alias": PersonAlias.objects.create(person=person, text="Мейрам", folded="meiram"),
        "position": Position.objects.create(
            person=person, institution=institution, title="Chairman"
        ),
        "institution": institution,
        "event": event,
        "participation": Participation.objects.create(event=event, person=person),
        "outcome": Outcome.objects.create(event=event, kind="decision", text="A decision"),
        "site_visit": SiteVisit.objects.create(event=event, name="Museum"),
    }


# (url name, the record its id comes from, POST data)
PAGES = [
    ("workspace:person", "person", {"name": "Renamed", "aliases": ""}),
    ("workspace:alias_add", "person", {"text": "Another spelling"}),
    ("workspace:alias_remove", "alias", {}),
    ("workspace:position", "position", {"title": "Janitor"}),
    ("workspace:position_remove", "position", {}),
    ("workspace:institution", "institution", {"name": "Renamed", "kind": "state_body"}),
    ("workspace:event", "event", {"title": "Renamed", "event_type": "forum", "city": "Nowhere"}),
    ("workspace:participant_remove", "participation", {}),
    ("workspace:outcome_add", "event", {"kind": "decision", "text": "Made up"}),
    ("workspace:outcome_remove", "outcome", {}),
    ("workspace:site_visit_add", "event", {"name": "Made up"}),
    ("workspace:site_visit_remove", "site_visit", {}),
]


def _snapshot(foreign) -> tuple:
    person, event = foreign["person"], foreign["event"]
    person.refresh_from_db()
    event.refresh_from_db()
    foreign["institution"].refresh_from_db()
    return (
        person.name,
        sorted(person.aliases.values_list("text", flat=True)),
        list(person.positions.values_list("title", flat=True)),
        foreign["institution"].name,
        (event.title, event.city),
        event.participations.count(),
        sorted(event.outcomes.values_list("text", flat=True)),
        sorted(event.site_visits.values_list("name", flat=True)),
    )


@pytest.mark.parametrize(("name", "record", "data"), PAGES, ids=[p[0] for p in PAGES])
def test_editor_cannot_change_another_states_records_through_the_workspace(
    foreign, editor, signed_in, name, record, data
):
    before = _snapshot(foreign)
    response = signed_in(editor).post(reverse(name, args=[foreign[record].pk]), data)
    assert response.status_code == 403
    assert _snapshot(foreign) == before


SERVICES = [
    ("person_update", lambda f, a: registry.person_update(
        actor=a, person=f["person"], name="Renamed", state=f["person"].state, names={})),
    ("person_alias_add", lambda f, a: registry.person_alias_add(
        actor=a, person=f["person"], text="Another")),
    ("person_alias_remove", lambda f, a: registry.person_alias_remove(actor=a, alias=f["alias"])),
    ("position_update", lambda f, a: registry.position_update(
        actor=a, position=f["position"], title="Janitor", start=None, end=None)),
    ("position_remove", lambda f, a: registry.position_remove(actor=a, position=f["position"])),
    ("institution_update", lambda f, a: registry.institution_update(
        actor=a, institution=f["institution"], names={}, name="Renamed")),
    ("event_update", lambda f, a: events.event_update(
        actor=a, event=f["event"], start=None, end=None, city="Nowhere")),
    ("event_change", lambda f, a: events.event_change(actor=a, event=f["event"], title="X")),
    ("participation_remove", lambda f, a: events.participation_remove(
        actor=a, participation=f["participation"])),
    ("outcome_remove", lambda f, a: events.outcome_remove(actor=a, outcome=f["outcome"])),
    ("site_visit_remove", lambda f, a: events.site_visit_remove(
        actor=a, site_visit=f["site_visit"])),
    ("event_links_remove", lambda f, a: events.event_links_remove(
        actor=a, event=f["event"], organizers=[f["institution"]])),
]  # fmt: skip


@pytest.mark.parametrize(("name", "call"), SERVICES, ids=[s[0] for s in SERVICES])
def test_editor_cannot_change_another_states_records_through_the_services(
    foreign, editor, name, call
):
    before = _snapshot(foreign)
    with pytest.raises(PermissionDenied) as error:
        call(foreign, editor)
    assert error.value.code in {"E301", "E303"}
    assert _snapshot(foreign) == before


def test_editor_cannot_move_their_person_into_another_state(azerbaijan, kazakhstan, editor):
    person = registry.person_create(actor=editor, name="Fuad Muradov", state=azerbaijan)
    with pytest.raises(PermissionDenied):
        registry.person_update(actor=editor, person=person, name=person.name,
                               state=kazakhstan, names={})  # fmt: skip
    person.refresh_from_db()
    assert person.state == azerbaijan


def test_review_screen_cannot_change_another_states_published_event(
    kazakhstan, reviewer, signed_in
):
    """An Azerbaijani editor and reviewer's article merged into Kazakhstan's published
    meeting: renaming it, moving it to "Nowhere" and dropping its site visit are refused."""
    from ortak.ingest.models import ReviewStatus
    from ortak.workspace.tests.drafts import draft

    event = EventFactory(
        state=kazakhstan, title="Contact Group meets", event_type="contact_group_meeting",
        city="Baku", country="AZ", start_date=dt.date(2023, 10, 5),
    )  # fmt: skip
    SiteVisit.objects.create(event=event, name="Azerbaijan Carpet Museum")
    review = draft(actor=reviewer)
    assert review.merged_event_ids == [event.pk]
    client = signed_in(reviewer)
    decide = reverse("workspace:review_decide", args=[review.pk])
    client.post(decide, {"path": "events[0].title", "decision": "edit", "value": "Renamed"})
    client.post(decide, {"path": "events[0].city", "decision": "edit", "value": "Nowhere"})
    client.post(decide, {"path": "events[0].site_visits[0]", "decision": "reject"})

    response = client.post(reverse("workspace:review_publish", args=[review.pk]), follow=True)

    assert "ortak.E308" not in response.content.decode()  # said in plain words
    assert "published event of another state" in response.content.decode()
    event.refresh_from_db()
    assert (event.title, event.city, event.site_visits.count()) == (
        "Contact Group meets",
        "Baku",
        1,
    )
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING


def test_an_editor_of_the_event_adds_the_values_another_states_review_proposed(
    kazakhstan, reviewer, signed_in
):
    from ortak.accounts.tests.factories import editor_of
    from ortak.workspace.tests.drafts import draft

    event = EventFactory(
        state=kazakhstan, title="Contact Group meets", event_type="contact_group_meeting",
        city="Baku", country="AZ", start_date=dt.date(2023, 10, 5),
    )  # fmt: skip
    review = draft(actor=reviewer)
    decide = reverse("workspace:review_decide", args=[review.pk])
    reviewing = signed_in(reviewer)
    reviewing.post(decide, {"path": "events[0].outcomes[0]", "decision": "accept"})
    reviewing.post(reverse("workspace:review_publish", args=[review.pk]))
    assert not event.outcomes.exists()
    page = reviewing.get(reverse("workspace:review", args=[review.pk])).content.decode()
    assert "adopted the Diaspora Joint Activity Plan for 2024" in page
    assert "Add these values to the event" not in page  # not theirs to add

    kazakh = signed_in(editor_of(kazakhstan))
    page = kazakh.get(reverse("workspace:review", args=[review.pk]))
    assert "Add these values to the event" in page.content.decode()
    kazakh.post(reverse("workspace:review_proposals_accept", args=[review.pk]))
    assert event.outcomes.get().text == "adopted the Diaspora Joint Activity Plan for 2024"
