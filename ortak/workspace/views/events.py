"""Events: the list, adding and editing one, its participants, outcomes and site visits."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ortak.accounts.permissions import can_edit
from ortak.events import services as events
from ortak.events.models import Event, Outcome, Participation, SiteVisit
from ortak.workspace import selectors
from ortak.workspace.access import WorkspaceRequest, require, workspace_view
from ortak.workspace.forms.base import partial_date
from ortak.workspace.forms.events import EventForm, OutcomeForm, ParticipationForm, SiteVisitForm
from ortak.workspace.views.base import done, form_data, form_page, paginate, query, run, submitted

_FIELDS = ("title", "event_type", "status", "city", "country", "state", "framework", "description")


def _url(event: Event, part: str = "") -> str:
    return reverse("workspace:event", args=[event.pk]) + (f"#{part}" if part else "")


@workspace_view
def event_list(request: WorkspaceRequest) -> HttpResponse:
    q, mine = query(request), request.GET.get("mine") == "1"
    found = selectors.event_list(access=request.access, q=q, mine=mine)
    context = {"page": paginate(request, found), "q": q, "mine": mine}
    return render(request, "workspace/records/event_list.html", context)


@workspace_view
def event_new(request: WorkspaceRequest) -> HttpResponse:
    form = EventForm(form_data(request), access=request.access)
    if submitted(request, form):
        event = run(form, lambda data: events.event_create(actor=request.user, **_args(data)))
        if event:
            return done(request, _("The event was added."), _url(event))
    return form_page(
        request,
        form,
        heading=_("Add an event"),
        button=_("Add the event"),
        back_url=reverse("workspace:event_list"),
    )


def _args(data: dict) -> dict:
    """The form's data as event_create and event_update take it."""
    return {
        **{name: data[name] for name in _FIELDS},
        "start": data["start"],
        "end": data["end"],
        "organizers": data["organizers"],
        "countries": data["countries"],
    }


def _initial(event: Event) -> dict:
    initial = {name: getattr(event, name) for name in _FIELDS}
    initial["state"] = event.state_id
    initial["start"] = partial_date(event.start_date, event.start_precision)
    initial["end"] = partial_date(event.end_date, event.end_precision)
    initial["organizers"] = list(event.organizers.values_list("pk", flat=True))
    initial["countries"] = list(event.countries.values_list("pk", flat=True))
    return initial


@workspace_view
def event_edit(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """The event's form, with its participants, outcomes and site visits below it."""
    event = get_object_or_404(Event.objects.select_related("state"), pk=pk)
    require(can_edit(request.user, event), "E301")
    form = EventForm(
        form_data(request), access=request.access, event=event, initial=_initial(event)
    )
    if submitted(request, form):
        saved = run(
            form,
            lambda data: events.event_update(actor=request.user, event=event, **_args(data)),
        )
        if saved:
            return done(request, _("The changes were saved."), _url(event))
    context = {
        "form": form,
        "event": event,
        "participations": event.participations.select_related("person", "state", "institution"),
        "reviews": event.reviews.select_related("source"),
        "participation_form": ParticipationForm(),
        "outcome_form": OutcomeForm(),
        "site_visit_form": SiteVisitForm(),
    }
    return render(request, "workspace/records/event_edit.html", context)


def _event_part_page(request, form, event: Event, heading: str, button: str) -> HttpResponse:
    return form_page(request, form, heading=heading, button=button, back_url=_url(event))


@workspace_view
def participant_add(request: WorkspaceRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    require(can_edit(request.user, event), "E301")
    form = ParticipationForm(form_data(request))
    if submitted(request, form):
        added = run(
            form, lambda data: events.participation_add(actor=request.user, event=event, **data)
        )
        if added:
            return done(request, _("The participant was added."), _url(event, "participants"))
    return _event_part_page(request, form, event, _("Add a participant"), _("Add"))


@require_POST
@workspace_view
def participant_remove(request: WorkspaceRequest, pk: int) -> HttpResponse:
    participation = get_object_or_404(Participation.objects.select_related("event"), pk=pk)
    events.participation_remove(actor=request.user, participation=participation)
    message = _("The participant was removed.")
    return done(request, message, _url(participation.event, "participants"))


@workspace_view
def outcome_add(request: WorkspaceRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    require(can_edit(request.user, event), "E301")
    form = OutcomeForm(form_data(request))
    if submitted(request, form):
        events.outcome_add(actor=request.user, event=event, **form.cleaned_data)
        return done(request, _("The outcome was added."), _url(event, "outcomes"))
    return _event_part_page(request, form, event, _("Add an outcome"), _("Add"))


@require_POST
@workspace_view
def outcome_remove(request: WorkspaceRequest, pk: int) -> HttpResponse:
    outcome = get_object_or_404(Outcome.objects.select_related("event"), pk=pk)
    events.outcome_remove(actor=request.user, outcome=outcome)
    return done(request, _("The outcome was removed."), _url(outcome.event, "outcomes"))


@workspace_view
def site_visit_add(request: WorkspaceRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    require(can_edit(request.user, event), "E301")
    form = SiteVisitForm(form_data(request))
    if submitted(request, form):
        events.site_visit_add(actor=request.user, event=event, name=form.cleaned_data["name"])
        return done(request, _("The site visit was added."), _url(event, "site-visits"))
    return _event_part_page(request, form, event, _("Add a site visit"), _("Add"))


@require_POST
@workspace_view
def site_visit_remove(request: WorkspaceRequest, pk: int) -> HttpResponse:
    visit = get_object_or_404(SiteVisit.objects.select_related("event"), pk=pk)
    events.site_visit_remove(actor=request.user, site_visit=visit)
    return done(request, _("The site visit was removed."), _url(visit.event, "site-visits"))
