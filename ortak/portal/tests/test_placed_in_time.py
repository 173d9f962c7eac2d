"""Events placed in time: an event whose article gives no day is placed on the day its first
published source reported it, in the list and its year facet, the calendar and its export,
and the charts; an event with a start date stays on its start."""

import datetime as dt

import pytest
from django.db.models import F
from django.urls import reverse

from ortak.core.models import Publication
from ortak.events import selectors
from ortak.events.selectors import EventFilters
from ortak.portal.tests import factories as f

pytestmark = pytest.mark.django_db

REPORTED = dt.date(2025, 6, 13)


@pytest.fixture
def state():
    return f.StateFactory(key="KZ")


@pytest.fixture
def reported(state):
    """Held, no day in its article, reported on 13 June 2025 (and again later)."""
    event = f.EventFactory(title="Internship in Astana", state=state, status="held")
    f.SourceFactory(published=REPORTED).events.add(event)
    f.SourceFactory(published=dt.date(2025, 9, 1)).events.add(event)
    return event


@pytest.fixture
def dated(state):
    """Held on 3 March 2024, reported in June 2025: placed on its start."""
    event = f.EventFactory(
        title="Forum in Almaty", state=state, status="held", start_date=dt.date(2024, 3, 3)
    )
    f.SourceFactory(published=REPORTED).events.add(event)
    return event


def _placed(event) -> dt.date | None:
    return selectors.event_list().annotate(placed_on=F("placed_on")).get(pk=event.pk).placed_on


def test_an_event_without_a_start_is_placed_on_its_first_report(reported, dated):
    assert _placed(reported) == REPORTED
    assert _placed(dated) == dt.date(2024, 3, 3)


def test_a_draft_source_does_not_place_an_event(state):
    event = f.EventFactory(state=state)
    f.SourceFactory(published=dt.date(2020, 1, 1), publication=Publication.DRAFT).events.add(event)
    f.SourceFactory(published=REPORTED).events.add(event)
    assert _placed(event) == REPORTED


def test_the_year_filter_and_facet_count_the_reported_year(reported, dated, state):
    in_2025 = selectors.event_list(filters=EventFilters(year=2025))
    assert list(in_2025) == [reported]
    assert list(selectors.event_list(filters=EventFilters(year=2024))) == [dated]
    facets = selectors.event_facets(filters=EventFilters(state=state.key))
    assert facets["year"] == [{"year": 2025, "count": 1}, {"year": 2024, "count": 1}]


def test_the_charts_count_the_reported_year(reported, dated, state):
    rows = selectors.events_per_year_per_state(state=state.key)
    assert [(row["year"], row["count"]) for row in rows] == [(2024, 1), (2025, 1)]


def test_the_calendar_selectors_place_it_on_the_reported_day(reported, dated):
    june = selectors.events_between(first=dt.date(2025, 6, 1), last=dt.date(2025, 6, 30))
    assert list(june) == [reported]
    assert [e.placed_on for e in selectors.events_for_calendar()] == [dt.date(2024, 3, 3), REPORTED]


@pytest.mark.parametrize("page_size", [1, 2, 3, 5])
def test_the_list_sorts_by_the_placed_day_on_every_page(state, page_size):
    """Pages of any size join into one list, latest first by the day each is placed at."""
    f.EventFactory(title="Planned", state=state, start_date=dt.date(2026, 1, 5))
    f.SourceFactory(published=REPORTED).events.add(f.EventFactory(title="Reported", state=state))
    f.EventFactory(title="Dated", state=state, start_date=dt.date(2024, 3, 3))
    f.EventFactory(title="Unplaced", state=state)  # no start, no source: last
    older = f.EventFactory(title="Older report", state=state)
    f.SourceFactory(published=dt.date(2019, 2, 1)).events.add(older)
    titles = ["Planned", "Reported", "Dated", "Older report", "Unplaced"]
    events = selectors.LatestFirst(selectors.event_list(), total=5)
    pages = [events[start : start + page_size] for start in range(0, 5, page_size)]
    assert [event.title for page in pages for event in page] == titles


def test_the_events_list_page_finds_it_by_year_and_says_reported(client, reported, dated):
    response = client.get(reverse("portal:events"), {"year": 2025})
    html = response.content.decode()
    assert [event.pk for event in response.context["page"].object_list] == [reported.pk]
    assert "reported 13 June 2025" in html
    year_facet = next(facet for facet in response.context["facets"] if facet.name == "year")
    assert {(o.value, o.count) for o in year_facet.options} >= {("2025", 1), ("2024", 1)}


def test_the_calendar_page_shows_it_on_the_reported_day(client, reported, dated):
    response = client.get(reverse("portal:calendar"), {"month": "2025-06"})
    month = response.context["month"]
    busy = {day.date: day.events for week in month.weeks for day in week if day.events}
    assert busy == {REPORTED: [reported]}
    assert "reported 13 June 2025" in response.content.decode()
    march = client.get(reverse("portal:calendar"), {"month": "2024-03"}).context["month"]
    assert [day.events for week in march.weeks for day in week if day.events] == [[dated]]


def test_the_icalendar_export_has_it_all_day_on_the_reported_day(client, reported, dated):
    body = client.get(reverse("portal:calendar_ics")).content.decode().replace("\r\n ", "")
    entry = body[body.index(f"UID:event-{reported.pk}@") :].split("END:VEVENT")[0]
    assert "DTSTART;VALUE=DATE:20250613\r\n" in entry
    assert "DTEND;VALUE=DATE:20250614\r\n" in entry
    assert "placed on the day it was reported\\, 13 June 2025" in entry
    kept = body[body.index(f"UID:event-{dated.pk}@") :].split("END:VEVENT")[0]
    assert "DTSTART;VALUE=DATE:20240303\r\n" in kept
    assert "reported" not in kept


def test_the_statistics_table_counts_it_in_2025(client, reported, dated):
    chart = client.get(reverse("portal:statistics")).context["per_year"]
    assert [row[0] for row in chart.table.rows] == [2024, 2025]


def test_pages_of_a_longer_list_join_into_the_placed_order(state):
    """Dated and undated events on the same days too: a dated one comes first on its day."""
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=7 * (n % 9)) for n in range(24)]
    for n, day in enumerate(days):
        if n % 3:
            f.EventFactory(title=f"event {n:02d}", state=state, start_date=day)
        elif n % 2:
            f.EventFactory(title=f"event {n:02d}", state=state)  # placed nowhere
        else:
            event = f.EventFactory(title=f"event {n:02d}", state=state)
            f.SourceFactory(published=day).events.add(event)
    everything = list(selectors.event_list().annotate(placed_on=F("placed_on")))

    def placed(event):
        nowhere = event.placed_on is None
        day = 0 if nowhere else -event.placed_on.toordinal()
        return (nowhere, day, event.start_date is None, event.title, event.pk)

    expected = [event.title for event in sorted(everything, key=placed)]
    for size in (1, 4, 7, 10):
        events = selectors.LatestFirst(selectors.event_list(), total=len(everything))
        pages = [events[start : start + size] for start in range(0, len(everything), size)]
        assert [event.title for page in pages for event in page] == expected, size
