"""The calendar: a month view, and the iCalendar export of the same filters."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ortak.events.selectors import events_for_calendar
from ortak.portal import ical, selectors
from ortak.portal.filters import event_filters
from ortak.portal.views.common import absolute, export_query, public_page
from ortak.portal.views.events import event_facet_list

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _month(request: HttpRequest) -> tuple[int, int]:
    """`?month=2025-06`, this month when absent or malformed."""
    match = _MONTH.match(request.GET.get("month", ""))
    if match and 1 <= int(match.group(2)) <= 12 and 1900 <= int(match.group(1)) <= 2200:
        return int(match.group(1)), int(match.group(2))
    today = timezone.localdate()
    return today.year, today.month


@public_page
def calendar_month(request: HttpRequest) -> HttpResponse:
    year, month = _month(request)
    filters = event_filters(request.GET)
    context = {
        "month": selectors.calendar_month(year=year, month=month, filters=filters),
        "facets": [f for f in event_facet_list(filters) if f.name in {"type", "state"}],
        "filter_query": _without(request, "month", "page"),
        "keep": [("month", f"{year:04d}-{month:02d}")],  # the filters form stays on this month
        "export_query": export_query(request),
    }
    return render(request, "portal/calendar.html", context)


def _without(request: HttpRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def calendar_ics(request: HttpRequest) -> HttpResponse:
    """Every published event placed on a day (its start, else the day it was reported),
    filtered like the pages, as an .ics file."""
    events = events_for_calendar(filters=event_filters(request.GET))
    body = ical.calendar(
        events,
        host=request.get_host().split(":")[0],
        url_of=lambda event: absolute(request, "portal:event", event.pk),
        stamp=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ortak-events.ics"'
    return response
