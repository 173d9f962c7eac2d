"""Activity plans: created and imported by the secretariat, their measures, decisions and
the links between events and measures a reviewer confirms."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ortak.core.errors import InputError
from ortak.plans import selectors as plan_selectors
from ortak.plans import services as plans
from ortak.plans.importing import read_table
from ortak.plans.models import ActivityPlan, Measure, MeasureLink
from ortak.plans.services.digest import digest_subscribe
from ortak.workspace import selectors
from ortak.workspace.access import WorkspaceRequest, require, workspace_view
from ortak.workspace.errors import plain_message
from ortak.workspace.forms.plans import (
    DecisionForm,
    MeasureForm,
    PlanForm,
    PlanImportForm,
    ProgressForm,
)
from ortak.workspace.views.base import done, form_data, form_files, form_page, run, submitted

_FIELDS = ("number", "title", "description", "series", "event_type", "host")


def _plans_url(measure: Measure | None = None) -> str:
    anchor = f"#measure-{measure.pk}" if measure else ""
    return reverse("workspace:plan_list") + anchor


@workspace_view
def plan_list(request: WorkspaceRequest) -> HttpResponse:
    context = {
        "plans": selectors.plan_list(),
        "proposal_count": plan_selectors.link_proposals().count(),
    }
    return render(request, "workspace/records/plan_list.html", context)


@workspace_view
def plan_new(request: WorkspaceRequest) -> HttpResponse:
    require(request.access.secretariat, "E303")
    form = PlanForm(form_data(request))
    if submitted(request, form):
        plan = run(form, lambda data: plans.plan_create(actor=request.user, **_plan_data(data)))
        if plan:
            return done(request, _("The plan was created."), _plans_url())
    return form_page(
        request,
        form,
        heading=_("New activity plan"),
        button=_("Create the plan"),
        back_url=_plans_url(),
    )


@workspace_view
def plan_edit(request: WorkspaceRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(ActivityPlan, pk=pk)
    require(request.access.secretariat, "E303")
    initial = {
        "title": plan.title,
        "year_from": plan.year_from,
        "year_to": plan.year_to,
        "adopted_at": plan.adopted_at_id,
        "aliases": "\n".join(plan.aliases),
    }
    form = PlanForm(form_data(request), initial=initial)
    if submitted(request, form):
        data = _plan_data(form.cleaned_data)
        data["year_to"] = data["year_to"] or data["year_from"]
        if run(form, lambda _data: plans.plan_update(actor=request.user, plan=plan, **data)):
            return done(request, _("The changes were saved."), _plans_url())
    return form_page(
        request,
        form,
        heading=_("Change the plan"),
        button=_("Save the changes"),
        back_url=_plans_url(),
        history_url=reverse("workspace:history", args=["plan", plan.pk]),
    )


def _plan_data(data: dict) -> dict:
    aliases = [line.strip() for line in data["aliases"].splitlines() if line.strip()]
    return {**data, "aliases": aliases}


@workspace_view
def plan_import(request: WorkspaceRequest) -> HttpResponse:
    """A plan from a table: a dry run shows every measure and every problem by row."""
    require(request.access.secretariat, "E303")
    form = PlanImportForm(form_data(request), form_files(request))
    result = None
    if submitted(request, form):
        upload = form.cleaned_data["table"]
        try:
            rows = read_table(upload.read(), upload.name)
        except InputError as error:
            form.add_error("table", plain_message(error))
            rows = None
        if rows is not None:
            first, last = form.year_span()
            result = plans.plan_import(
                actor=request.user,
                rows=rows,
                title=form.cleaned_data["title"],
                year_from=first,
                year_to=last,
                dry_run=form.cleaned_data["dry_run"],
            )
            if result.plan:
                return done(request, _("The plan was imported."), _plans_url())
    return render(request, "workspace/plans/import.html", {"form": form, "result": result})


@workspace_view
def measure_new(request: WorkspaceRequest) -> HttpResponse:
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
def measure_edit(request: WorkspaceRequest, pk: int) -> HttpResponse:
    measure = get_object_or_404(Measure.objects.select_related("plan"), pk=pk)
    require(request.access.secretariat, "E303")
    form = MeasureForm(form_data(request), initial=_initial(measure), with_plan=False)
    if submitted(request, form):
        saved = run(
            form,
            lambda data: plans.measure_update(
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
    initial["due"] = str(measure.due) if measure.due else ""
    initial["responsible"] = list(measure.responsible.values_list("pk", flat=True))
    initial["partners"] = list(measure.partners.values_list("pk", flat=True))
    return initial


@workspace_view
def progress_new(request: WorkspaceRequest, pk: int) -> HttpResponse:
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
        )
        return done(request, _("The progress was recorded."), _plans_url(measure))
    return form_page(
        request,
        form,
        heading=_("Report progress on: %(measure)s") % {"measure": measure.title},
        button=_("Record the progress"),
        back_url=_plans_url(measure),
    )


@workspace_view
def decision_new(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """Record that a measure was postponed or cancelled, with the reason and its source."""
    measure = get_object_or_404(Measure, pk=pk)
    form = DecisionForm(form_data(request))
    decide = lambda data: plans.measure_decide(actor=request.user, measure=measure, **data)  # noqa: E731
    if submitted(request, form) and run(form, decide):
        return done(request, _("The decision was recorded."), _plans_url(measure))
    return form_page(
        request,
        form,
        heading=_("Postpone or cancel: %(measure)s") % {"measure": measure.title},
        intro=_(
            "A measure's status follows its events; "
            "only a recorded decision postpones or cancels it."
        ),
        button=_("Record the decision"),
        back_url=_plans_url(measure),
    )


@workspace_view
def link_proposals(request: WorkspaceRequest) -> HttpResponse:
    """Events that may carry out a measure: the reviewer sees what matched and decides."""
    require(request.access.reviewer, "E302")
    context = {"links": plan_selectors.link_proposals()}
    return render(request, "workspace/plans/proposals.html", context)


@require_POST
@workspace_view
def link_decide(request: WorkspaceRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(MeasureLink, pk=pk)
    if request.POST.get("decision") == "confirm":
        plans.measure_link_confirm(actor=request.user, link=link)
        message = _("The event is linked to the measure.")
    else:
        plans.measure_link_dismiss(actor=request.user, link=link)
        message = _("The proposal was dismissed.")
    return done(request, message, reverse("workspace:link_proposals"))


@require_POST
@workspace_view
def digest(request: WorkspaceRequest) -> HttpResponse:
    """Turn the user's weekly e-mail of measures due on or off."""
    active = request.POST.get("active") == "on"
    digest_subscribe(actor=request.user, active=active)
    message = _("You will receive the weekly digest.") if active else _("The weekly digest is off.")
    return done(request, message, reverse("workspace:dashboard"))
