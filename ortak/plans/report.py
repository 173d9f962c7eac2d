"""A plan's implementation as data: each measure's status, events, dates, hosts and
participants' states, for `ortak plan-status`, the XLSX and PDF reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ortak.core.dates import PartialDate
from ortak.plans import selectors
from ortak.plans.models import ActivityPlan, Measure
from ortak.plans.status import event_day, reported_on


def plan_status_data(*, key: str | None, as_of: dt.date) -> dict[str, Any]:
    """The plan named by `key` (id or title; None: the one covering `as_of`) as a dict."""
    plan = selectors.plan_find(key=key, as_of=as_of)
    return plan_data(plan, as_of)


def plan_data(plan: ActivityPlan, as_of: dt.date) -> dict[str, Any]:
    progress = selectors.plan_progress(plan=plan)
    return {
        "plan": {
            "id": plan.pk,
            "title": plan.title,
            "year_from": plan.year_from,
            "year_to": plan.year_to,
        },
        "as_of": as_of.isoformat(),
        "measures": [_measure(measure) for measure in plan.measure_list],
        "counts": progress.all_statuses(),
    }


def _measure(measure: Measure) -> dict[str, Any]:
    return {
        "id": measure.pk,
        "number": measure.number,
        "title": measure.title,
        "status": measure.status,
        "due": str(measure.due) if measure.due else None,
        "responsible": [i.name for i in measure.responsible_list],
        "events": [event_data(event) for event in measure.linked_events],
    }


def event_data(event: Any) -> dict[str, Any]:
    day, placed = event.start_date, event_day(event)
    reported = None if day else reported_on(event)
    return {
        "id": event.pk,
        "title": event.title,
        "date": PartialDate(day, event.start_precision).isoformat() if day else None,
        "reported": reported.isoformat() if reported else None,
        "day": placed.isoformat() if placed else None,
        "status": event.status,
        "city": event.city,
        "host": event.state.name if event.state_id else "",
        "countries": sorted(state.name for state in event.countries.all()),
    }
