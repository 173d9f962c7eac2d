"""Every read of events."""

from __future__ import annotations

from django.db.models import QuerySet

from ortak.core.dates import PartialDate
from ortak.core.models import Publication
from ortak.events.models import Event
from ortak.names import similarity

SAME_TITLE = 0.85  # titles this close, with the same type and city, are one event


def event_list(*, published_only: bool = True) -> QuerySet[Event]:
    events = Event.objects.select_related("series", "state")
    return events.filter(publication=Publication.PUBLISHED) if published_only else events


def event_find_same(
    *,
    title: str,
    event_type: str,
    city: str,
    start: PartialDate | None,
    series_id: int | None = None,
    number: int | None = None,
) -> Event | None:
    """An event already in Ortak that is the one described, reported by another source.

    The same round of a series is the same event; otherwise the same type in the same city
    on overlapping dates, or, where neither has a date, with nearly the same title.
    """
    if series_id and number:
        same_round = Event.objects.filter(series_id=series_id, number=number).first()
        if same_round:
            return same_round
    candidates = Event.objects.filter(event_type=event_type, city__iexact=city)
    for event in candidates.only("id", "title", "start_date", "end_date"):
        if start and event.start_date:
            last = event.end_date or event.start_date
            if event.start_date <= start.last_day() and start.date <= last:
                return event
        elif similarity(event.title, title) >= SAME_TITLE:
            return event
    return None
