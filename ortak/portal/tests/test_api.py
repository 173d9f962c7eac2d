"""The JSON API: lists with filters and pagination, details, drafts for staff only."""

import pytest

from ortak.accounts.tests.factories import secretariat_user, sign_in_with_code

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    ["/api/states", "/api/institutions", "/api/organizations", "/api/people", "/api/events",
     "/api/series", "/api/plans", "/api/measures"],
)  # fmt: skip
def test_every_list_answers_for_the_public(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.json()


def test_event_detail_has_participants_with_roles_and_states(client, seeded):
    event = seeded["events"]["roundtable"]
    body = client.get(f"/api/events/{event.pk}").json()
    assert body["type"] == "roundtable"
    assert body["start"] == "2025-06-12"
    participants = {p["person"]["name"]: p for p in body["participants"]}
    assert participants["Ravshanbek Sabirov"]["state"]["key"] == "KG"
    assert participants["Ravshanbek Sabirov"]["role"] == "Host, Minister"
    assert body["organizers"][0]["name"].startswith("Ministry of Labor")
    assert body["sources"][0]["url"] == "https://news.example.org/bishkek-roundtable"


def test_event_list_filters_like_the_page(client, seeded):
    body = client.get("/api/events", {"type": "contact_group_meeting", "state": "KZ"}).json()
    assert body["count"] == 1
    assert body["items"][0]["number"] == 4


def test_event_list_is_paginated(client, seeded):
    body = client.get("/api/events", {"page": 1}).json()
    assert set(body) == {"items", "count"}
    assert body["count"] == len(body["items"])


def test_drafts_are_hidden_from_the_public_and_shown_to_staff(client, seeded):
    draft = seeded["drafts"]["event"]
    assert client.get(f"/api/events/{draft.pk}").status_code == 404
    titles = [e["title"] for e in client.get("/api/events").json()["items"]]
    assert draft.title not in titles
    sign_in_with_code(client, secretariat_user())
    assert client.get(f"/api/events/{draft.pk}").json()["title"] == draft.title


def test_series_detail_marks_the_missing_round(client, seeded):
    body = client.get(f"/api/series/{seeded['series'].pk}").json()
    assert body["missing_rounds"] == [3]
    assert [r["number"] for r in body["rounds"]] == [1, 2, 3, 4]


def test_plan_detail_counts_measures_by_status(client, seeded):
    body = client.get(f"/api/plans/{seeded['plan'].pk}").json()
    assert body["by_status"]["done"] == 1
    assert len(body["measures"]) == 4


def test_measure_detail_lists_progress_with_its_event(client, seeded):
    body = client.get(f"/api/measures/{seeded['measures'][0].pk}").json()
    assert body["progress"][0]["event"]["id"] == seeded["events"]["roundtable"].pk


def test_openapi_schema_is_served(client):
    assert client.get("/api/openapi.json").json()["info"]["title"] == "Ortak API"
