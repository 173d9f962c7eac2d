"""The accountability pages: a plan's progress, timeline and overdue list, a measure's
evidence, and the implementation report."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ortak.portal.tests import factories as f
from ortak.portal.tests.reports import ask, download

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(seeded):
    return f.MeasureFactory(
        plan=seeded["plan"], number="5", title="Open a diaspora house in Budapest",
        due_date=dt.date(2020, 1, 1), due_until=dt.date(2020, 3, 31), due_precision="quarter",
    )  # fmt: skip


def test_plan_page_shows_status_from_evidence_timeline_and_overdue(client, seeded, overdue):
    response = client.get(reverse("portal:plan", args=[seeded["plan"].pk]))
    html = response.content.decode()
    statuses = {m.number: m.status for m in response.context["plan"].measure_list}
    assert statuses == {
        "1": "held", "2": "scheduled", "3": "not_started", "4": "postponed", "5": "overdue",
    }  # fmt: skip
    timeline = response.context["timeline"]
    assert len(timeline.rows) == 5
    held_row = timeline.rows[0]
    assert [mark.held for mark in held_row.marks] == [True]
    assert held_row.band is not None and held_row.band.title == "2025"
    assert [m.number for m in response.context["overdue"]] == ["5"]
    assert 'data-testid="timeline"' in html and "Q1 2020" in html
    assert "Open a diaspora house in Budapest" in html.split('id="overdue-heading"')[1]


def test_plan_progress_by_state_institution_and_program(client, seeded):
    response = client.get(reverse("portal:plan", args=[seeded["plan"].pk]))
    by_state, by_institution, by_program = (dict(rows) for _, rows in response.context["by"])
    assert by_state["Kyrgyz Republic"]["held"] == 1
    assert by_state["Republic of Azerbaijan"]["postponed"] == 1
    assert by_institution["Presidency for Turks Abroad and Related Communities"]["postponed"] == 1
    assert sum(by_program["—"].values()) == 4  # the seed's measures name no program


def test_measure_page_shows_its_events_and_sources(client, seeded):
    measure = seeded["measures"][0]
    html = client.get(reverse("portal:measure", args=[measure.pk])).content.decode()
    assert "Held" in html
    assert seeded["events"]["roundtable"].title in html


def test_a_draft_event_is_no_evidence_on_the_public_page(client, seeded):
    measure = seeded["measures"][2]
    f.MeasureLinkFactory(measure=measure, event=seeded["drafts"]["event"])
    response = client.get(reverse("portal:measure", args=[measure.pk]))
    assert response.context["measure"].status == "not_started"
    assert "Unreviewed draft meeting" not in response.content.decode()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_report_opens_as_a_spreadsheet(
    client, seeded, language, django_capture_on_commit_callbacks
):
    job_page = ask(client, seeded["plan"], "xlsx", language, django_capture_on_commit_callbacks)
    response = download(client, job_page)
    assert response["Content-Disposition"].endswith(f'-{language}.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    header = [cell.value for cell in sheet[3]]
    assert header[1] == {"en": "Measure", "ru": "Пункт плана"}[language]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["1"][2] == {"en": "Held", "ru": "Проведено"}[language]
    roundtable = seeded["events"]["roundtable"]
    assert roundtable.titles.get(language, roundtable.title) in rows["1"][6]


@pytest.mark.parametrize(("file_format", "language"), [("doc", "en"), ("pdf", "xx")])
def test_an_unknown_report_is_not_found(client, seeded, file_format, language):
    url = reverse("portal:plan_report", args=[seeded["plan"].pk, file_format])
    assert client.get(url, {"language": language}).status_code == 404


def test_an_event_without_a_day_is_shown_by_the_day_it_was_reported(client, seeded):
    import datetime as dt

    event = f.EventFactory(title="Internship in Astana", start_date=None, status="held")
    f.SourceFactory(published=dt.date(2025, 6, 13)).events.add(event)
    for url in (reverse("portal:events"), reverse("portal:event", args=[event.pk])):
        assert "reported 13 June 2025" in client.get(url).content.decode()
