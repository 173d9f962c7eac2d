"""Events: the list with its facets and CSV export, one event, the series and their rounds."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ortak.events import selectors
from ortak.events.models import EventStatus, EventType
from ortak.events.selectors import EventFilters
from ortak.portal import exports
from ortak.portal.cache import cached
from ortak.portal.facets import Facet, choice_facet, named_facet, year_facet
from ortak.portal.filters import event_filters
from ortak.portal.views.common import absolute, export_query, language, paginate


def event_list(request: HttpRequest) -> HttpResponse:
    filters = event_filters(request.GET)
    context = {
        "page": paginate(request, selectors.event_list(filters=filters)),
        "facets": event_facet_list(filters),
        "export_query": export_query(request),
    }
    return render(request, "portal/event_list.html", context)


def event_facet_list(filters: EventFilters) -> list[Facet]:
    counts = cached("event-facets", filters, lambda: selectors.event_facets(filters=filters))
    lang = language()
    return [
        choice_facet(
            "type", _("Type"), counts["type"], field="event_type", choices=EventType,
            chosen=filters.event_type,
        ),
        named_facet("state", _("State"), counts["state"], value="key", chosen=filters.state,
                    language=lang),
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


def event_export(request: HttpRequest) -> HttpResponse:
    events = selectors.event_list(filters=event_filters(request.GET)).order_by("-start_date", "id")
    rows = exports.event_rows(events, language(), lambda e: absolute(request, "portal:event", e.pk))
    return exports.csv_response("ortak-events.csv", exports.EVENT_HEADER, rows)


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get(pk=pk)
    rounds = selectors.series_rounds(series=event.series) if event.series_id else []
    return render(request, "portal/event_detail.html", {"event": event, "rounds": rounds})


def series_list(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/series_list.html", {"series_list": selectors.series_list()})


def series_detail(request: HttpRequest, pk: int) -> HttpResponse:
    series = selectors.series_get(pk=pk)
    rounds = selectors.series_rounds(series=series)
    missing = [r.number for r in rounds if r.number and r.event is None]
    context = {"series": series, "rounds": rounds, "missing": missing}
    return render(request, "portal/series_detail.html", context)
