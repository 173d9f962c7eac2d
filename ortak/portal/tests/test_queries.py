"""No N+1 queries: each page reads a fixed number of queries, however many rows it shows.

The data set has several rows of everything, and `more_rows` adds more participants,
outcomes, sources, events, positions and measures; a page whose count grows with them
fails here. When a page deliberately reads one query more or less, change its number.
"""

import pytest
from django.urls import reverse

from ortak.portal.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def more_rows(seeded):
    """Five more of every related row the pages list."""
    event, plan, person = seeded["events"]["roundtable"], seeded["plan"], seeded["people"][0]
    for _ in range(5):
        other = f.EventFactory(state=event.state)
        other.institutions.add(f.InstitutionFactory(), f.InstitutionFactory())
        for _ in range(3):
            f.PositionFactory(person=f.ParticipationFactory(event=other).person)
        f.ParticipationFactory(event=event, institution=f.InstitutionFactory())
        f.OutcomeFactory(event=event)
        f.SiteVisitFactory(event=event)
        f.SourceFactory().events.add(event)
        f.OrganizationFactory()
        f.ProgressFactory(measure=f.MeasureFactory(plan=plan))
        f.PositionFactory(person=person)
    return seeded


def _get(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


PAGES = [
    # (url name, arguments from the data set, query string, queries)
    ("portal:home", None, "", 9),  # + a measure's links, sources, decisions
    ("portal:events", None, "", 8),  # the days of the undated, the dated window, the page
    ("portal:events", None, "?type=contact_group_meeting&state=AZ&year=2022", 8),
    ("portal:event", lambda d: [d["events"]["roundtable"].pk], "", 7),
    ("portal:event", lambda d: [d["events"]["rounds"][1].pk], "", 4),  # only what it has, + rounds
    ("portal:series_list", None, "", 1),
    ("portal:series", lambda d: [d["series"].pk], "", 2),
    ("portal:calendar", None, "?month=2025-06", 6),
    ("portal:people", None, "", 4),
    ("portal:person", lambda d: [d["people"][0].pk], "", 4),
    ("portal:institutions", None, "", 4),
    ("portal:institution", lambda d: [d["events"]["roundtable"].organizers.first().pk], "", 6),
    ("portal:organizations", None, "", 6),  # count, page, four facets
    ("portal:organization_map", None, "", 5),  # the located, four facets
    ("portal:organization", lambda d: [d["organizations"][0].pk], "", 1),
    ("portal:states", None, "", 1),
    ("portal:state", lambda d: ["AZ"], "", 5),
    ("portal:plans", None, "", 3),
    ("portal:plan", lambda d: [d["plan"].pk], "", 8),
    ("portal:measure", lambda d: [d["measures"][0].pk], "", 8),
    ("portal:statistics", None, "", 7),
    ("portal:events_csv", None, "", 1),
    ("portal:people_csv", None, "", 1),
    ("portal:institutions_csv", None, "", 1),
    ("portal:organizations_csv", None, "", 1),
    ("portal:plans_csv", None, "", 1),
    ("portal:calendar_ics", None, "", 1),
]


@pytest.mark.parametrize(("name", "args", "query", "queries"), PAGES)
def test_page_reads_a_fixed_number_of_queries(
    client, more_rows, django_assert_num_queries, name, args, query, queries
):
    url = reverse(name, args=args(more_rows) if args else None) + query
    with django_assert_num_queries(queries):
        _get(client, url)


API = [
    ("/api/events", None, 2),
    ("/api/events/{}", lambda d: d["events"]["roundtable"].pk, 7),
    ("/api/people", None, 2),
    ("/api/people/{}", lambda d: d["people"][0].pk, 3),
    ("/api/institutions", None, 2),
    ("/api/institutions/{}", lambda d: d["events"]["roundtable"].organizers.first().pk, 5),
    ("/api/organizations", None, 2),
    ("/api/series", None, 1),
    ("/api/series/{}", lambda d: d["series"].pk, 2),
    ("/api/plans", None, 2),
    ("/api/plans/{}", lambda d: d["plan"].pk, 7),  # + links, sources, decisions
    ("/api/measures", None, 4),
    ("/api/measures/{}", lambda d: d["measures"][0].pk, 7),
]


@pytest.mark.parametrize(("path", "arg", "queries"), API)
def test_api_reads_a_fixed_number_of_queries(
    client, more_rows, django_assert_num_queries, path, arg, queries
):
    url = path.format(arg(more_rows)) if arg else path
    with django_assert_num_queries(queries):
        _get(client, url)
