"""Events: the list with its facets and CSV export, one event, the series and their rounds."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ortak.events import selectors
from ortak.events.models import EventStatus, EventType
from ortak.events.selectors import EventFilters
from ortak.portal import exports
from ortak.portal.cache import cached
from ortak.portal.facets import Facet, choice_facet, named_facet, state_facet, year_facet
from ortak.portal.filters import event_filters
from ortak.portal.views.common import absolute, export_query, language, paginate, public_page


@public_page
def event_list(request: HttpRequest) -> HttpResponse:
    filters = event_filters(request.GET)
    counts = event_counts(filters)
    # The total comes with the (cached) facet counts: no page counts the events again.
    total = selectors.event_total(facets=counts, filters=filters)
    events = selectors.LatestFirst(selectors.event_list(filters=filters), total)
    context = {
        "page": paginate(request, events),
        "facets": event_facet_list(filters, counts),
        "export_query": export_query(request),
    }
    return render(request, "portal/event_list.html", context)


def event_counts(filters: EventFilters) -> dict[str, list[dict]]:
    """The facet counts of the events list, from the cache while the data are unchanged."""
    return cached("event-facets", filters, lambda: selectors.event_facets(filters=filters))


def event_facet_list(filters: EventFilters, counts: dict | None = None) -> list[Facet]:
    counts = counts or event_counts(filters)
    lang = language()
    return [
        choice_facet(
            "type", _("Type"), counts["type"], field="event_type", choices=EventType,
            chosen=filters.event_type,
        ),
        state_facet("state", _("State"), counts["state"], chosen=filters.state, language=lang),
        year_facet("year", _("Year"), counts["year"], chosen=filters.year),
        named_facet(
            "institution", _("Institution"), counts["institution"], value="institution_id",
            chosen=filters.institution, language=lang,
        ),
        choice_facet(
            "status", _("Status"), counts["status"], field="status", choices=EventStatus,
            chosen=filters.status,
        ),
    ]  # fmt: skip


def event_export(request: HttpRequest) -> StreamingHttpResponse:
    events = selectors.event_list(filters=event_filters(request.GET))  # latest first
    rows = exports.event_rows(events, language(), lambda e: absolute(request, "portal:event", e.pk))
    return exports.csv_response("ortak-events.csv", exports.EVENT_HEADER, rows)


@public_page
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get(pk=pk)
    rounds = selectors.series_rounds_around(event=event) if event.series_id else []
    return render(request, "portal/event_detail.html", {"event": event, "rounds": rounds})


@public_page
def series_list(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/series_list.html", {"series_list": selectors.series_list()})


@public_page
def series_detail(request: HttpRequest, pk: int) -> HttpResponse:
    series = selectors.series_get(pk=pk)
    rounds = selectors.series_rounds(series=series)
    missing = [r.number for r in rounds if r.number and r.event is None]
    context = {"series": series, "rounds": rounds, "missing": missing}
    return render(request, "portal/series_detail.html", context)
