"""What the portal caches, and that a change to the data is seen at once: cached fragments
and counts, ETags and 304s for anonymous readers, the events list's cheap pages."""

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse

from ortak.core.models import Publication
from ortak.events.models import Event
from ortak.events.selectors import EventFilters, event_list, series_rounds_around
from ortak.portal.tests import factories as f

pytestmark = pytest.mark.django_db


def test_an_anonymous_reader_gets_an_etag_and_a_304_when_nothing_changed(client, seeded):
    url = reverse("portal:event", args=[seeded["events"]["roundtable"].pk])
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == "private, max-age=60"
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_a_change_to_the_data_changes_the_etag_and_redraws_the_home_page(client, seeded):
    event = seeded["events"]["roundtable"]
    first = client.get(reverse("portal:home"))
    assert event.title in first.content.decode()
    event.title = "Roundtable on labor migration"
    event.save()
    again = client.get(reverse("portal:home"), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert "Roundtable on labor migration" in again.content.decode()


def test_the_etag_differs_by_language(client, seeded):
    url = reverse("portal:events")
    english = client.get(url, headers={"accept-language": "en"})
    russian = client.get(url, headers={"accept-language": "ru"})
    assert english["ETag"] != russian["ETag"]


def test_a_signed_in_reader_gets_no_etag_and_always_a_fresh_page(client, seeded):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("reader", password="x" * 12))
    response = client.get(reverse("portal:home"))
    assert not response.has_header("ETag")
    assert "no-cache" in response["Cache-Control"]
    assert "Sign out" in response.content.decode()


def test_facet_counts_follow_a_new_event_at_once(client, seeded):
    url = reverse("portal:events")
    before = client.get(url).context["page"].paginator.count
    f.EventFactory(start_date=dt.date(2024, 5, 1))
    assert client.get(url).context["page"].paginator.count == before + 1


@pytest.mark.parametrize("query", [{}, {"type": "roundtable"}, {"state": "AZ"}, {"year": "2024"}])
def test_the_events_list_pages_follow_the_lists_order_with_undated_events_last(
    client, seeded, query
):
    state = seeded["events"]["forum"].state
    for day in range(24):  # two pages of 25, the second with the undated ones
        f.EventFactory(start_date=dt.date(2024, 3, 1) + dt.timedelta(days=day // 2), state=state)
    f.EventFactory.create_batch(4, state=state)  # undated
    shown = []
    for number in (1, 2):
        page = client.get(reverse("portal:events"), {**query, "page": number})
        shown += [event.pk for event in page.context["page"].object_list]
        if not page.context["page"].has_next():
            break
    filters = EventFilters(
        event_type=query.get("type", ""),
        state=query.get("state", ""),
        year=int(query["year"]) if "year" in query else None,
    )
    assert shown == list(event_list(filters=filters).values_list("pk", flat=True))


def test_an_event_page_shows_the_rounds_around_it_in_a_long_series(client, seeded):
    series = seeded["series"]
    for number in range(5, 31):
        if number != 20:
            f.EventFactory(series=series, number=number, start_date=dt.date(2000 + number, 1, 1))
    event = Event.objects.get(series=series, number=15)
    rounds = series_rounds_around(event=event)
    assert [r.number for r in rounds] == list(range(10, 21))
    assert [r.number for r in rounds if r.event is None] == [20]
    html = client.get(reverse("portal:event", args=[event.pk])).content.decode()
    assert "Round 20: not in Ortak yet" in html
    assert reverse("portal:series", args=[series.pk]) in html


def _home_etag(client) -> str:
    return client.get(reverse("portal:home"))["ETag"]


def test_an_articles_drafts_leave_the_public_pages_cached_until_they_are_published(client, seeded):
    """A feed read into drafts must not redraw every reader's page (bench_stack measures
    why); publishing the drafts must show them at once."""
    from ortak.accounts.services import operator_user
    from ortak.ingest.extract.reader import read_path
    from ortak.ingest.review import review_publish
    from ortak.ingest.services import article_ingest

    sample = sorted((Path(__file__).parents[2] / "ingest" / "samples").glob("*.txt"))[0]
    before = client.get(reverse("portal:home"))
    result = article_ingest(actor=operator_user(), article=read_path(sample))
    assert result.review.events.exists()
    again = client.get(reverse("portal:home"), headers={"if-none-match": before["ETag"]})
    assert again.status_code == 304

    review_publish(actor=operator_user(), review=result.review)
    published = client.get(reverse("portal:home"), headers={"if-none-match": before["ETag"]})
    assert published.status_code == 200
    assert result.review.events.first().title in published.content.decode()


def test_a_part_of_a_draft_leaves_the_cache_and_a_part_of_a_published_event_clears_it(
    client, seeded
):
    draft = f.EventFactory(publication=Publication.DRAFT)
    person = f.PersonFactory()  # a known person at the draft event
    etag = _home_etag(client)
    f.ParticipationFactory(event=draft, person=person, role="Speaker")
    assert _home_etag(client) == etag
    f.ParticipationFactory(event=seeded["events"]["roundtable"], person=person)
    assert _home_etag(client) != etag


def test_unpublishing_an_event_redraws_the_pages_that_showed_it(client, seeded):
    event = Event.objects.get(pk=seeded["events"]["roundtable"].pk)  # read, as a service does
    assert event.title in client.get(reverse("portal:home")).content.decode()
    event.publication = Publication.DRAFT
    event.save()
    assert event.title not in client.get(reverse("portal:home")).content.decode()


def test_a_record_published_then_unpublished_in_one_process_is_seen_both_times(client, seeded):
    event = f.EventFactory(start_date=dt.date(2025, 6, 1), title="Forum of young compatriots")
    assert event.title in client.get(reverse("portal:events")).content.decode()
    event.publication = Publication.DRAFT
    event.save()
    assert event.title not in client.get(reverse("portal:events")).content.decode()
