"""CSV exports: every list, with the page's filters, all pages, readable by spreadsheets."""

import csv
import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs then read UTF-8
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_events_export_uses_the_filters_of_the_page(client, seeded):
    response = client.get(reverse("portal:events_csv"), {"type": "contact_group_meeting"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = _rows(response)
    assert sorted(row["round"] for row in rows) == ["1", "2", "4"]
    assert {row["type"] for row in rows} == {"contact_group_meeting"}
    assert rows[0]["url"].startswith("http://testserver/events/")


def test_events_export_gives_names_in_the_chosen_language(client, seeded):
    response = client.get(reverse("portal:events_csv"), {"type": "roundtable"},
                          headers={"accept-language": "ru"})  # fmt: skip
    assert _rows(response)[0]["title"] == "Круглый стол «Мир, труд и дружба народов»"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("portal:people_csv", 6), ("portal:organizations_csv", 6), ("portal:plans_csv", 1)],
)
def test_each_list_exports_its_published_records(client, seeded, name, expected):
    rows = _rows(client.get(reverse(name)))
    assert len(rows) == expected
    assert not any("Draft" in row.get("name", "") for row in rows)


def test_calendar_export_is_an_icalendar_of_dated_events(client, seeded):
    response = client.get(reverse("portal:calendar_ics"), {"state": "KG"})
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert text.count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20250612" in text
    assert "Unreviewed draft" not in text
