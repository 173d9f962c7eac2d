"""Activity plans and their measures, with progress."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ortak.plans import selectors
from ortak.portal import exports
from ortak.portal.facets import year_facet
from ortak.portal.filters import plan_filters
from ortak.portal.views.common import absolute, export_query, paginate, public_page
from ortak.portal.views.home import measure_chart


@public_page
def plan_list(request: HttpRequest) -> HttpResponse:
    filters = plan_filters(request.GET)
    counts = selectors.plan_facets(selectors.plan_list())
    context = {
        "page": paginate(request, selectors.plan_list(filters=filters)),
        "facets": [year_facet("year", _("Year"), counts["year"], chosen=filters.year)],
        "export_query": export_query(request),
    }
    return render(request, "portal/plan_list.html", context)


def plan_export(request: HttpRequest) -> HttpResponse:
    plans = selectors.plan_list(filters=plan_filters(request.GET))
    rows = exports.plan_rows(plans, "en", lambda p: absolute(request, "portal:plan", p.pk))
    return exports.csv_response("ortak-plans.csv", exports.PLAN_HEADER, rows)


@public_page
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(pk=pk)
    progress = selectors.plan_progress(plan=plan)
    context = {
        "plan": plan,
        "progress": progress,
        "chart": measure_chart(progress.all_statuses()),
    }
    return render(request, "portal/plan_detail.html", context)


@public_page
def measure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "portal/measure_detail.html", {"measure": selectors.measure_get(pk=pk)})
