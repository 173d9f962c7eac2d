"""Activity plans: their measures (the secretariat's) and the progress made on them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ortak.plans import services as plans
from ortak.plans.models import Measure
from ortak.workspace import selectors, services
from ortak.workspace.access import require, workspace_view
from ortak.workspace.forms.base import partial_date
from ortak.workspace.forms.plans import MeasureForm, ProgressForm
from ortak.workspace.views.base import done, form_data, form_page, run, submitted

_FIELDS = ("number", "title", "description", "status")


def _plans_url(measure: Measure | None = None) -> str:
    anchor = f"#measure-{measure.pk}" if measure else ""
    return reverse("workspace:plan_list") + anchor


@workspace_view
def plan_list(request: HttpRequest) -> HttpResponse:
    context = {"plans": selectors.plan_list()}
    return render(request, "workspace/records/plan_list.html", context)


@workspace_view
def measure_new(request: HttpRequest) -> HttpResponse:
    require(request.access.secretariat, "E303")
    form = MeasureForm(form_data(request), initial={"plan": request.GET.get("plan")})
    if submitted(request, form):
        measure = run(
            form,
            lambda data: plans.measure_create(
                actor=request.user,
                plan=data["plan"],
                responsible=list(data["responsible"]),
                partners=list(data["partners"]),
                due=data["due"],
                **{name: data[name] for name in _FIELDS},
            ),
        )
        if measure:
            return done(request, _("The measure was added."), _plans_url(measure))
    return form_page(
        request,
        form,
        heading=_("Add a measure"),
        button=_("Add the measure"),
        back_url=_plans_url(),
    )


@workspace_view
def measure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_object_or_404(Measure.objects.select_related("plan"), pk=pk)
    require(request.access.secretariat, "E303")
    form = MeasureForm(form_data(request), initial=_initial(measure), with_plan=False)
    if submitted(request, form):
        saved = run(
            form,
            lambda data: services.measure_update(
                actor=request.user,
                measure=measure,
                responsible=data["responsible"],
                partners=data["partners"],
                due=data["due"],
                **{name: data[name] for name in _FIELDS},
            ),
        )
        if saved:
            return done(request, _("The changes were saved."), _plans_url(measure))
    return form_page(
        request,
        form,
        heading=_("Change the measure"),
        button=_("Save the changes"),
        back_url=_plans_url(measure),
        history_url=reverse("workspace:history", args=["measure", measure.pk]),
    )


def _initial(measure: Measure) -> dict:
    initial = {name: getattr(measure, name) for name in _FIELDS}
    initial["due"] = partial_date(measure.due_date, measure.due_precision)
    initial["responsible"] = list(measure.responsible.values_list("pk", flat=True))
    initial["partners"] = list(measure.partners.values_list("pk", flat=True))
    return initial


@workspace_view
def progress_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress on a measure; plans.progress_add checks who may report it (E304)."""
    measure = get_object_or_404(Measure, pk=pk)
    form = ProgressForm(form_data(request))
    if submitted(request, form):
        data = form.cleaned_data
        plans.progress_add(
            actor=request.user,
            measure=measure,
            date=data["date"],
            note=data["note"],
            event=data["event"],
            status=data["status"] or None,
        )
        return done(request, _("The progress was recorded."), _plans_url(measure))
    return form_page(
        request,
        form,
        heading=_("Report progress on: %(measure)s") % {"measure": measure.title},
        button=_("Record the progress"),
        back_url=_plans_url(measure),
    )
