"""event_find_same: the event a report describes, compared on what no language changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from ortak.core.dates import PartialDate
from ortak.events.matching import Report, event_find_same, series_named
from ortak.events.models import EventSeries, Participation, Source
from ortak.events.tests.factories import EventFactory
from ortak.registry.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _report(**fields) -> Report:
    values = {"title": "Круглый стол", "event_type": "roundtable", "city": "Баку"}
    return Report(**(values | fields))


@pytest.mark.parametrize("city", ["Baku", "Баку", "Bakı", "Bakü", "BAKU"])
def test_a_city_is_one_city_however_it_is_written(city):
    event = EventFactory(city="Baku", start_date=dt.date(2019, 2, 8))
    assert event_find_same(_report(city=city, start=PartialDate.parse("2019-02-08"))) == event


def test_another_city_is_another_event():
    EventFactory(city="Baku", start_date=dt.date(2019, 2, 8))
    assert event_find_same(_report(city="Ганджа", start=PartialDate.parse("2019-02-08"))) is None


@pytest.mark.parametrize(("start", "same"), [("2019-02", True), ("2019", True), ("2019-03", False)])
def test_dates_of_another_precision_overlap_or_not(start, same):
    event = EventFactory(start_date=dt.date(2019, 2, 8))
    found = event_find_same(_report(start=PartialDate.parse(start)))
    assert (found == event) is same


def test_other_dates_in_the_same_city_are_another_event():
    EventFactory(start_date=dt.date(2022, 3, 28))
    assert event_find_same(_report(start=PartialDate.parse("2023-10-12"))) is None


def test_another_round_without_dates_is_another_event():
    EventFactory(title="5th roundtable of diaspora heads")
    assert event_find_same(_report(title="VI круглый стол руководителей диаспор")) is None


def test_the_same_round_without_dates_is_the_same_event():
    event = EventFactory(title="5th roundtable of diaspora heads")
    assert event_find_same(_report(title="Пятый круглый стол руководителей диаспор")) == event


def test_a_series_is_named_in_any_of_its_languages():
    series = EventSeries.objects.create(
        key="contact-group-meeting",
        name="Contact Group meeting",
        event_type="contact_group_meeting",
        aliases=["Заседание Контактной группы", "Байланыс тобының отырысы"],
    )
    assert series_named("V заседание Контактной группы", "contact_group_meeting") == series
    assert series_named("Байланыс тобының бесінші отырысы", "contact_group_meeting") == series
    assert series_named("V заседание Контактной группы", "forum") is None


def test_an_article_without_dates_published_days_after_the_event_reports_it():
    event = EventFactory(start_date=dt.date(2019, 2, 8))
    assert event_find_same(_report(published=dt.date(2019, 2, 12))) == event
    assert event_find_same(_report(published=dt.date(2019, 6, 1))) is None


def test_the_same_people_without_dates_make_the_same_event():
    event = EventFactory(title="conference of diaspora ministers")
    person = PersonFactory()
    Participation.objects.create(event=event, person=person)
    assert event_find_same(_report(title="конференция министров", people=frozenset({person.pk})))
    other = PersonFactory()
    assert event_find_same(_report(people=frozenset({other.pk}))) is None


def _reported_on(event, day: dt.date) -> None:
    source = Source.objects.create(
        text=f"report of {event.pk}", content_hash=f"{event.pk}", published=day
    )
    source.events.add(event)


def test_an_undated_event_is_not_one_held_after_it_was_reported():
    """The Baku exchange, reported on 12 February 2019 without its date, is the one of 8
    February 2019 and not the one of May 2023."""
    event = EventFactory(
        title="Exchange of experience in Baku", event_type="exchange_of_experience"
    )
    _reported_on(event, dt.date(2019, 2, 12))
    report = _report(title="Tecrübe Değişimi Programı", event_type="exchange_of_experience")
    assert event_find_same(replace(report, start=PartialDate.parse("2023-05-10"))) is None
    assert event_find_same(replace(report, start=PartialDate.parse("2019-02-08"))) == event


def test_a_held_report_published_before_the_event_began_is_of_another_event():
    EventFactory(title="5th roundtable", start_date=dt.date(2023, 5, 10))
    assert event_find_same(_report(title="V круглый стол", published=dt.date(2019, 2, 12))) is None


def test_an_announcement_placed_nowhere_is_told_by_its_title_alone():
    """An announced round of a series, without city or date, may be any later round: a
    report of an earlier one in Bursa is not it."""
    EventFactory(
        title="Turkic Diaspora Forum", event_type="forum", status="planned", city="", country=""
    )
    report = _report(title="II Форум диаспоры", event_type="forum", city="Бурса")
    assert event_find_same(replace(report, number=2)) is None
