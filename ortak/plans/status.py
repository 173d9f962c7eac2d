"""A measure's status, derived from its evidence as of a day; nobody types it in.

- `held`: a published event linked to the measure took place (on or before the day);
- `cancelled` / `postponed`: the latest recorded decision, with its reason and source;
- `overdue`: the due period is over and nothing was held;
- `scheduled`: an announced event is linked (planned, or dated after the day);
- `not_started`: none of these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from ortak.core.models import Publication
from ortak.events.models import Event, EventStatus
from ortak.plans.due import DuePeriod
from ortak.plans.models import MeasureDecision, MeasureStatus


def event_day(event: Event) -> dt.date | None:
    """The day an event is placed in time: its start, else the day it was first reported.

    The same day as `ortak.events.selectors.placed_on` gives in SQL, read here off the
    event's sources (published ones when `measure_statuses` prefetched them)."""
    if event.start_date:
        return event.start_date
    return reported_on(event)


def reported_on(event: Event) -> dt.date | None:
    """The publication date of the earliest source reporting the event (prefetched or not)."""
    sources = getattr(event, "source_list", None)
    if sources is None:
        sources = list(event.sources.all())
    days = [source.published for source in sources if source.published]
    return min(days) if days else None


def known_by(event: Event, as_of: dt.date) -> bool:
    """Was the event reported by `as_of`? A plan's status on a past day uses what was known."""
    if event.publication != Publication.PUBLISHED:
        return False
    reported = reported_on(event)
    return reported is None or reported <= as_of


def was_held(event: Event, as_of: dt.date) -> bool:
    if event.status != EventStatus.HELD or not known_by(event, as_of):
        return False
    day = event_day(event)
    return day is None or day <= as_of


def is_announced(event: Event, as_of: dt.date) -> bool:
    if event.status == EventStatus.CANCELLED or not known_by(event, as_of):
        return False
    day = event_day(event)
    return event.status == EventStatus.PLANNED or (day is not None and day > as_of)


def measure_status(
    *,
    due: DuePeriod | None,
    events: Iterable[Event],
    decisions: Sequence[MeasureDecision] | Iterable[Any],
    as_of: dt.date,
) -> str:
    """The status of a measure with these linked events and decisions, on `as_of`."""
    events = list(events)
    if any(was_held(event, as_of) for event in events):
        return MeasureStatus.HELD
    taken = [decision for decision in decisions if decision.decided_on <= as_of]
    if taken:
        latest = max(taken, key=lambda decision: (decision.decided_on, decision.pk or 0))
        return latest.kind
    if due is not None and due.end < as_of:
        return MeasureStatus.OVERDUE
    if any(is_announced(event, as_of) for event in events):
        return MeasureStatus.SCHEDULED
    return MeasureStatus.NOT_STARTED
