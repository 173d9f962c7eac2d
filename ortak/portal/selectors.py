"""What the portal's pages read beyond one app's selectors; published records only.

The portal is the public face: nothing here takes `published_only`, drafts are never read.
"""

from __future__ import annotations

import calendar as calendar_module
import datetime as dt
from dataclasses import dataclass, field
from typing import cast

from django.db.models import F, Q, QuerySet
from django.utils.functional import SimpleLazyObject

from ortak.core.models import Publication
from ortak.events.models import Event, Participation
from ortak.events.selectors import (
    EventFilters,
    event_list,
    events_between,
    events_per_year_per_state,
    latest_events,
    upcoming_events,
)
from ortak.plans.models import ActivityPlan
from ortak.plans.selectors import plan_current, plan_progress
from ortak.registry.models import Institution, OtsStatus, Person, State
from ortak.registry.selectors import state_list

PUBLISHED = Publication.PUBLISHED


def home_page(*, today: dt.date, limit: int = 6) -> dict:
    """Latest events, planned ones, the current plan's progress and the states.

    Each is read when the template first asks for it: the page's body is a cached
    fragment, so most requests read none of them.
    """
    plan = SimpleLazyObject(lambda: plan_current(today=today))
    return {
        "latest": SimpleLazyObject(lambda: list(latest_events(limit=limit))),
        "planned": SimpleLazyObject(lambda: list(upcoming_events(today=today, limit=limit))),
        "plan": plan,
        # The lazy plan stands for the plan itself: read once, for both.
        "progress": SimpleLazyObject(
            lambda: plan_progress(plan=cast(ActivityPlan, plan)) if plan else None
        ),
        "states": SimpleLazyObject(lambda: list(state_list(ots_only=True))),
    }


def person_events(person: Person, *, limit: int = 200) -> QuerySet[Participation]:
    """The published events a person took part in, latest first, with the role held."""
    return (
        Participation.objects.filter(person=person, event__publication=PUBLISHED)
        .select_related("event", "event__state", "state", "institution")
        .order_by("-event__start_date", "-event_id")[:limit]
    )


def institution_events(institution: Institution, *, limit: int = 200) -> QuerySet[Event]:
    """Published events the institution hosted, organized, was named at or sent people to."""
    organized = Event.organizers.through.objects.filter(institution=institution)
    named = Event.institutions.through.objects.filter(institution=institution)
    sent = Participation.objects.filter(institution=institution)
    involved = (
        Q(host=institution)
        | Q(pk__in=organized.values("event_id"))
        | Q(pk__in=named.values("event_id"))
        | Q(pk__in=sent.values("event_id"))
    )
    return event_list().filter(involved).annotate(placed_on=F("placed_on"))[:limit]


def state_activity(state: State, *, limit: int = 20) -> dict:
    """A state's events by year (as host or taking part) and its latest events."""
    events = event_list(filters=EventFilters(state=state.key))
    return {
        "per_year": events_per_year_per_state(state=state.key),
        "events": events.annotate(placed_on=F("placed_on"))[:limit],
        "event_count": events.count(),
    }


@dataclass
class Day:
    """One cell of the month view."""

    date: dt.date
    in_month: bool
    events: list[Event] = field(default_factory=list)


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[Day]]
    undated: list[Event]  # known only to the month: listed under the grid

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def previous(self) -> dt.date:
        return (self.first - dt.timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> dt.date:
        return (self.first + dt.timedelta(days=32)).replace(day=1)

    @property
    def has_events(self) -> bool:
        return bool(self.undated) or any(day.events for week in self.weeks for day in week)


def calendar_month(*, year: int, month: int, filters: EventFilters) -> Month:
    """The weeks of a month (Monday first) with each day's events; one query."""
    weeks = calendar_module.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    grid = [[Day(day, day.month == month) for day in week] for week in weeks]
    days = {day.date: day for week in grid for day in week}
    undated: list[Event] = []
    for event in events_between(first=first, last=last, filters=filters):
        if event.start_date is None:  # the article gives no day: the day it was reported
            assert event.placed_on is not None, "events_between places each event on a day"
            days[event.placed_on].events.append(event)
            continue
        if event.start_precision != "day":
            if event.start_date.year == year and event.start_date.month == month:
                undated.append(event)
            continue
        end = event.end_date if event.end_precision == "day" and event.end_date else None
        day = max(event.start_date, first)
        while day <= min(end or event.start_date, last):
            days[day].events.append(event)
            day += dt.timedelta(days=1)
    return Month(year, month, grid, undated)


def ots_states() -> list[State]:
    return list(State.objects.filter(publication=PUBLISHED).exclude(ots_status=OtsStatus.NONE))
