"""Is a reported event one Ortak already has? The same event, whatever language reports it.

An English article speaks of the "2nd Diaspora Forum of the Organization of Turkic States"
in Bursa on 28-30 March 2022; a Russian one of the "II Форум диаспоры Организации тюркских
государств" in Бурса, with no date; a Turkish one of the "TDT 2. Diaspora Forumu" in
Bursa'da. What they share is language-neutral: the type, the city (by its reference entry,
not its spelling), the dates, the series (named in any language its names are kept in) and
the round ("2nd", "II", "2.", "ikinci", "екінші": ortak.reference.ordinals). Titles in one
language are compared as text, as a last resort.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import cast

from django.db.models import Min, Q
from rapidfuzz import fuzz

from ortak.core.dates import PartialDate, Precision
from ortak.events.models import Event, EventSeries, EventStatus
from ortak.names import fold, similarity
from ortak.reference.glossary import city_spellings
from ortak.reference.ordinals import round_number, without_round

SAME_TITLE = 0.85  # titles this close, with the same type and city, are one event
SERIES_NAME_MATCH = 90  # rapidfuzz partial ratio of a series name within a folded title
MIN_SERIES_NAME = 9  # shorter names ("Forum") name no series in particular
MIN_SHARED_PEOPLE = 2  # people named by a report and present at an event that make it one
# An article without a date of its own reports an event held in the days before it appeared.
REPORTED_WITHIN = dt.timedelta(days=7)


@dataclass(frozen=True)
class Report:
    """What an article says of an event, as far as telling one event from another goes."""

    title: str
    event_type: str
    city: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    series_id: int | None = None
    number: int | None = None
    published: dt.date | None = None  # the article's date, for a report without dates
    people: frozenset[int] = frozenset()  # the registry people it names, linked by name
    held: bool = True  # a report of an event that took place, not of one announced


def series_named(title: str, event_type: str) -> EventSeries | None:
    """The series of `event_type` one of whose names, in any language, `title` contains."""
    folded = fold(without_round(title))
    for series in EventSeries.objects.filter(event_type=event_type):
        names = [series.name, *series.aliases]
        if any(
            fuzz.partial_ratio(fold(name), folded) >= SERIES_NAME_MATCH
            for name in names
            if len(name) >= MIN_SERIES_NAME
        ):
            return series
    return None


def event_find_same(report: Report) -> Event | None:
    """An event already in Ortak that is the one `report` describes, from another source.

    The same round of a series is the same event. Otherwise a candidate has the same type and
    city; two rounds or two series that differ keep events apart, and so do dates that do
    not overlap or that the articles' dates rule out. Then the same series or round, the
    article's date falling just after the event, the same people, or, in one language,
    nearly the same title makes it the same event.
    """
    if report.series_id and report.number:
        same_round = Event.objects.filter(series_id=report.series_id, number=report.number)
        if same_round.exists():
            return same_round.first()
    report = _completed(report)
    for event in _candidates(report):
        if _same(report, event):
            return event
    return None


def _completed(report: Report) -> Report:
    """The report with its round and series read from its title where the caller had none."""
    number = report.number or round_number(report.title)
    series_id = report.series_id
    if series_id is None:
        series = series_named(report.title, report.event_type)
        series_id = series.pk if series else None
    return replace(report, number=number, series_id=series_id)


def _candidates(report: Report):
    """Events of the type in the city, however it is written, with the dateless announced
    events: an announced event is often placed only by month and not by city, and a later
    report of it held is that event (events.services.event_fulfil makes it held)."""
    announced = Q(status=EventStatus.PLANNED, city="")
    spellings = city_spellings(report.city) if report.city else frozenset(("",))
    in_city = Q(city__in=spellings) | Q(city__iexact=report.city)
    return (
        Event.objects.filter(in_city | announced, event_type=report.event_type)
        .annotate(first_reported=Min("sources__published"))
        .order_by("pk")
    )


def _same(report: Report, event: Event) -> bool:
    number = event.number or round_number(event.title)
    series_id = event.series_id or _series_id(event)
    if _differ(report.number, number) or _differ(report.series_id, series_id):
        return False  # the fifth meeting is not the sixth, a forum of youth not of NGOs
    if _contradicted(report, event):
        return False
    if report.start and event.start_date:
        return _overlap(report.start, report.end, _dates(event))
    # An announcement placed nowhere (no city) is told by its title alone, as before: a
    # series has many rounds, and an undated one may be any of them.
    if event.city and (
        (report.series_id and report.series_id == series_id)
        or (report.number and report.number == number)
        or _reported_after(report, event)
        or _same_people(report, event)
    ):
        return True
    return similarity(event.title, report.title) >= SAME_TITLE


def _differ(a: int | None, b: int | None) -> bool:
    return bool(a and b and a != b)


def _contradicted(report: Report, event: Event) -> bool:
    """What the articles' dates rule out where one side has no dates of its own: an event
    held after the known one was reported held, or reported held before the known one began."""
    first_reported = getattr(event, "first_reported", None)
    if report.start and not event.start_date and first_reported:
        return event.status == EventStatus.HELD and report.start.date > first_reported
    if report.held and not report.start and report.published and event.start_date:
        return report.published < _dates(event)[0]
    return False


def _same_people(report: Report, event: Event) -> bool:
    """Whether the people the report names were at the event: two of them, or the one it
    names (a Hungarian official at a conference of the city)."""
    if not report.people:
        return False
    present = set(event.participations.values_list("person_id", flat=True))
    shared = report.people & present
    return len(shared) >= min(MIN_SHARED_PEOPLE, len(report.people))


def _series_id(event: Event) -> int | None:
    series = series_named(event.title, event.event_type)
    return series.pk if series else None


def _dates(event: Event) -> tuple[dt.date, dt.date]:
    """The first and last day a dated event may have taken: "March 2019" runs to the 31st."""
    if event.start_date is None:
        raise ValueError("an event without a start date has no span")
    start = PartialDate(event.start_date, cast(Precision, event.start_precision))
    end = start
    if event.end_date:
        end = PartialDate(event.end_date, cast(Precision, event.end_precision))
    return start.date, end.last_day()


def _overlap(start: PartialDate, end: PartialDate | None, span: tuple[dt.date, dt.date]) -> bool:
    last = (end or start).last_day()
    return span[0] <= last and start.date <= span[1]


def _reported_after(report: Report, event: Event) -> bool:
    """An article without dates, published in the days after the event was held; or an
    event known only from an article published just after the dates of the report."""
    if not report.start and report.published and event.start_date:
        first, last = _dates(event)
        return first <= report.published <= last + REPORTED_WITHIN
    first_reported = getattr(event, "first_reported", None)
    if report.start and not event.start_date and first_reported:
        first, last = report.start.date, (report.end or report.start).last_day()
        return first <= first_reported <= last + REPORTED_WITHIN
    return False
