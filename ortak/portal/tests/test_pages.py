"""Every public page opens, shows what it should, and never shows a draft."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _pages(seeded) -> list[str]:
    event = seeded["events"]["roundtable"]
    person, organization = seeded["people"][0], seeded["organizations"][0]
    institution = event.organizers.first()
    return [
        reverse("portal:home"),
        reverse("portal:events"),
        reverse("portal:event", args=[event.pk]),
        reverse("portal:series_list"),
        reverse("portal:series", args=[seeded["series"].pk]),
        reverse("portal:calendar") + "?month=2025-06",
        reverse("portal:people"),
        reverse("portal:person", args=[person.pk]),
        reverse("portal:institutions"),
        reverse("portal:institution", args=[institution.pk]),
        reverse("portal:organizations"),
        reverse("portal:organization", args=[organization.pk]),
        reverse("portal:states"),
        reverse("portal:state", args=["AZ"]),
        reverse("portal:plans"),
        reverse("portal:plan", args=[seeded["plan"].pk]),
        reverse("portal:measure", args=[seeded["measures"][0].pk]),
        reverse("portal:statistics"),
        reverse("portal:search") + "?q=roundtable",
    ]


def test_every_page_opens_without_showing_drafts(client, seeded):
    for url in _pages(seeded):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for draft in ("Unreviewed draft meeting", "Draft Person", "Draft Association"):
            assert draft not in html, (url, draft)


def test_event_page_lists_participants_with_role_and_state(client, seeded):
    event = seeded["events"]["roundtable"]
    html = client.get(reverse("portal:event", args=[event.pk])).content.decode()
    assert "Ravshanbek Sabirov" in html
    assert "Host, Minister" in html
    assert "Kyrgyz" in html
    assert "To hold the roundtable yearly." in html
    assert "Ala-Too Square" in html
    assert 'href="https://news.example.org/bishkek-roundtable"' in html


def test_event_page_of_a_round_shows_the_missing_round_of_its_series(client, seeded):
    event = seeded["events"]["rounds"][2]
    response = client.get(reverse("portal:event", args=[event.pk]))
    assert [r.number for r in response.context["rounds"] if r.event is None] == [3]
    assert "Round 3: not in Ortak yet" in response.content.decode()


def test_names_are_shown_in_the_chosen_language(client, seeded):
    event = seeded["events"]["roundtable"]
    url = reverse("portal:event", args=[event.pk])
    russian = client.get(url, headers={"accept-language": "ru"}).content.decode()
    assert "Круглый стол «Мир, труд и дружба народов»" in russian
    assert "Равшанбек Сабиров" in russian
    english = client.get(url, headers={"accept-language": "en"}).content.decode()
    assert "Roundtable “Peace, Labor and Friendship of Peoples”" in english


def test_a_draft_record_page_is_not_found(client, seeded):
    drafts = seeded["drafts"]
    assert client.get(reverse("portal:event", args=[drafts["event"].pk])).status_code == 404
    assert client.get(reverse("portal:person", args=[drafts["person"].pk])).status_code == 404
    organization = drafts["organization"].pk
    assert client.get(reverse("portal:organization", args=[organization])).status_code == 404


def test_event_list_facets_count_the_other_filters(client, seeded):
    response = client.get(reverse("portal:events"), {"type": "contact_group_meeting"})
    assert response.context["page"].paginator.count == 3
    types = {f.name: f for f in response.context["facets"]}["type"]
    counts = {o.value: o.count for o in types.options}
    assert counts["contact_group_meeting"] == 3
    assert counts["roundtable"] == 1  # still offered though another type is chosen
    assert types.selected.value == "contact_group_meeting"


def test_malformed_filters_are_ignored(client, seeded):
    response = client.get(reverse("portal:events"), {"year": "soon", "state": "A'Z", "page": "x"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 6


def test_event_list_is_paginated(client, seeded):
    from ortak.portal.tests.factories import EventFactory

    EventFactory.create_batch(30)
    first = client.get(reverse("portal:events"))
    second = client.get(reverse("portal:events"), {"page": 2})
    assert len(first.context["page"].object_list) == 25
    ids = {e.pk for e in first.context["page"].object_list}
    assert not ids & {e.pk for e in second.context["page"].object_list}
    assert 'rel="next" href="?page=2"' in first.content.decode()


def test_calendar_places_an_event_on_its_days(client, seeded):
    response = client.get(reverse("portal:calendar"), {"month": "2025-06"})
    month = response.context["month"]
    busy = {day.date.day for week in month.weeks for day in week if day.events and day.in_month}
    assert busy == {12}
    assert "Roundtable" in response.content.decode()


def test_series_page_marks_a_missing_round(client, seeded):
    response = client.get(reverse("portal:series", args=[seeded["series"].pk]))
    assert response.context["missing"] == [3]
    assert "Missing" in response.content.decode()


def test_home_page_shows_plan_progress_map_and_planned_events(client, seeded):
    html = client.get(reverse("portal:home")).content.decode()
    assert "1 of 4 measures done" in html
    assert "Training for diaspora youth leaders" in html
    assert html.count('class="place"') == 6  # the six organizations on the map
    assert "Draft Association" not in html


def test_statistics_page_draws_charts_with_text_alternatives(client, seeded):
    html = client.get(reverse("portal:statistics")).content.decode()
    assert html.count('role="img"') == 3
    assert html.count('<details class="chart-data">') == 3


def test_search_box_works_without_javascript_in_every_header(client, seeded):
    html = client.get(reverse("portal:people")).content.decode()
    assert 'role="search"' in html and 'action="/search/"' in html
    assert 'hx-trigger="input changed delay:250ms' in html


def test_search_suggestions_come_as_a_partial_for_htmx(client, seeded, monkeypatch):
    from ortak.portal.views import search as view

    hit = type("Hit", (), {"kind": "person", "name": "Ali Çiviler", "url": "/people/4/",
                           "year": None})  # fmt: skip
    monkeypatch.setattr(view, "_search", lambda query, **kw: [hit])
    response = client.get(reverse("portal:search"), {"q": "civ"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert "People" in html and 'href="/people/4/"' in html


def test_search_page_says_so_when_the_index_is_not_there(client, seeded, monkeypatch):
    from ortak.portal.views import search as view

    monkeypatch.setattr(view, "_search", lambda query, **kw: None)
    response = client.get(reverse("portal:search"), {"q": "civiler"})
    assert response.status_code == 200
    assert "Search is being set up" in response.content.decode()


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        ("2026-12-23", "2026-12-27", "23–27 December 2026"),
        ("2025-06-30", "2025-07-02", "30 June – 2 July 2025"),
        ("2025-12-30", "2026-01-02", "30 December 2025 – 2 January 2026"),
        ("2025-06-12", None, "12 June 2025"),
    ],
)
def test_event_dates_are_said_as_people_say_them(start, end, said):
    import datetime as dt
    from types import SimpleNamespace

    from ortak.portal.templatetags.portal import when

    event = SimpleNamespace(
        start_date=dt.date.fromisoformat(start),
        end_date=dt.date.fromisoformat(end) if end else None,
        start_precision="day",
        end_precision="day",
    )
    assert when(event) == said
