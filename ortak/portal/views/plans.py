"""Activity plans and their measures: progress, the timeline, what is overdue, the evidence,
and the implementation report to download."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ortak.core.http import HtmxRequest
from ortak.plans import reports, selectors, services
from ortak.plans.models import ReportJobStatus
from ortak.portal import exports
from ortak.portal.facets import year_facet
from ortak.portal.filters import plan_filters
from ortak.portal.timeline import plan_timeline
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


def plan_export(request: HttpRequest) -> StreamingHttpResponse:
    plans = selectors.plan_list(filters=plan_filters(request.GET))
    rows = exports.plan_rows(plans, "en", lambda p: absolute(request, "portal:plan", p.pk))
    return exports.csv_response("ortak-plans.csv", exports.PLAN_HEADER, rows)


@public_page
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    plan = selectors.plan_get(pk=pk, as_of=today)
    progress = selectors.plan_progress(plan=plan)
    context = {
        "plan": plan,
        "progress": progress,
        "chart": measure_chart(progress.all_statuses()),
        "statuses": progress.all_statuses(),
        "by": [
            (_("By responsible state"), selectors.progress_by(plan, "state")),
            (_("By responsible institution"), selectors.progress_by(plan, "institution")),
            (_("By program"), selectors.progress_by(plan, "program")),
        ],
        "timeline": plan_timeline(plan, today=today),
        "overdue": selectors.measures_overdue(plan),
        "framework_links": selectors.plan_links(plan=plan),
        "report_languages": settings.LANGUAGES,
    }
    return render(request, "portal/plan_detail.html", context)


@public_page
def measure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    measure = selectors.measure_get(pk=pk)
    context = {
        "measure": measure,
        "sentences": selectors.event_sentences(measure.linked_events),
    }
    return render(request, "portal/measure_detail.html", context)


def plan_report(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    """Ask for the implementation report of a published plan as XLSX or PDF, in
    `?language=` (else the page's): a worker makes it (or a fresh one is reused), and the
    report's page offers it when it is ready."""
    language = request.GET.get("language") or translation.get_language() or "en"
    if language not in dict(settings.LANGUAGES) or file_format not in reports.FORMATS:
        raise Http404("no such report")
    plan = selectors.plan_get(pk=pk, as_of=timezone.localdate())
    job = services.report_job_request(
        actor=request.user, plan=plan, file_format=file_format, language=language
    )
    return redirect("portal:plan_report_job", job.pk)


def plan_report_job(request: HtmxRequest, pk: int) -> HttpResponse:
    """How far the making of a report got; htmx asks again every second until it is ready
    (without JavaScript, the page has a link to ask again)."""
    job = selectors.report_job_get(pk=pk)
    if job is None:
        raise Http404("no such report")
    template = "portal/partials/report_job.html" if request.htmx else "portal/report_job.html"
    return render(request, template, {"job": job})


def plan_report_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The file of a report that is ready."""
    job = selectors.report_job_get(pk=pk)
    if job is None or job.status != ReportJobStatus.DONE:
        raise Http404("no such report")
    response = HttpResponse(bytes(job.data), content_type=reports.FORMATS[job.file_format])
    response["Content-Disposition"] = f'attachment; filename="{job.file_name}"'
    return response
