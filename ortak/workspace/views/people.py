"""People: the list, adding and editing a person, their spellings and their positions."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ortak.accounts.permissions import can_edit
from ortak.core.errors import ValidationError
from ortak.registry import services as registry
from ortak.registry.models import Person, PersonAlias, Position
from ortak.workspace import selectors
from ortak.workspace.access import WorkspaceRequest, require, workspace_view
from ortak.workspace.forms.base import partial_date
from ortak.workspace.forms.registry import AliasForm, PersonForm, PositionForm
from ortak.workspace.views.base import (
    done,
    form_data,
    form_page,
    paginate,
    query,
    refused,
    run,
    submitted,
)


def _person_url(person: Person) -> str:
    return reverse("workspace:person", args=[person.pk])


@workspace_view
def person_list(request: WorkspaceRequest) -> HttpResponse:
    q = query(request)
    people = paginate(request, selectors.person_list(access=request.access, q=q))
    return render(request, "workspace/records/person_list.html", {"page": people, "q": q})


@workspace_view
def person_new(request: WorkspaceRequest) -> HttpResponse:
    form = PersonForm(form_data(request), access=request.access)
    if submitted(request, form):
        person = run(
            form,
            lambda data: registry.person_create(
                actor=request.user,
                name=data["name"],
                state=data["state"],
                aliases=data["aliases"],
                names=form.cleaned_names(),
            ),
        )
        if person:
            return done(request, _("The person was added."), _person_url(person))
    return form_page(
        request,
        form,
        heading=_("Add a person"),
        button=_("Add the person"),
        back_url=reverse("workspace:person_list"),
    )


@workspace_view
def person_edit(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """The person's profile form, with their spellings and positions below it."""
    person = get_object_or_404(Person.objects.select_related("state"), pk=pk)
    require(can_edit(request.user, person), "E301")
    initial = {"name": person.name, "state": person.state_id}
    form = PersonForm(
        form_data(request), access=request.access, names=person.names, initial=initial
    )
    if submitted(request, form):
        saved = run(
            form,
            lambda data: registry.person_update(
                actor=request.user,
                person=person,
                name=data["name"],
                state=data["state"],
                names=form.cleaned_names(),
                aliases=data["aliases"],
            ),
        )
        if saved:
            return done(request, _("The changes were saved."), _person_url(person))
    context = {
        "form": form,
        "person": person,
        "aliases": person.aliases.all(),
        "positions": person.positions.select_related("institution"),
        "alias_form": AliasForm(),
    }
    return render(request, "workspace/records/person_edit.html", context)


@require_POST
@workspace_view
def alias_add(request: WorkspaceRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    form = AliasForm(request.POST)
    if form.is_valid():
        registry.person_alias_add(actor=request.user, person=person, text=form.cleaned_data["text"])
        return done(request, _("The spelling was added."), _person_url(person) + "#aliases")
    return form_page(
        request,
        form,
        heading=_("Add a spelling"),
        button=_("Add the spelling"),
        back_url=_person_url(person),
    )


@require_POST
@workspace_view
def alias_remove(request: WorkspaceRequest, pk: int) -> HttpResponse:
    alias = get_object_or_404(PersonAlias.objects.select_related("person"), pk=pk)
    to = _person_url(alias.person) + "#aliases"
    try:
        registry.person_alias_remove(actor=request.user, alias=alias)
    except ValidationError as error:
        return refused(request, error, to)
    return done(request, _("The spelling was removed."), to)


@workspace_view
def position_new(request: WorkspaceRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    require(can_edit(request.user, person), "E301")
    form = PositionForm(form_data(request))
    if submitted(request, form):
        position = run(
            form,
            lambda data: registry.position_create(
                actor=request.user,
                person=person,
                institution=data["institution"],
                title=data["title"],
                start=data["start"],
                end=data["end"],
            ),
        )
        if position:
            return done(request, _("The position was added."), _person_url(person) + "#positions")
    return form_page(
        request,
        form,
        heading=_("Add a position of %(name)s") % {"name": person.name},
        button=_("Add the position"),
        back_url=_person_url(person),
    )


@workspace_view
def position_edit(request: WorkspaceRequest, pk: int) -> HttpResponse:
    position = get_object_or_404(Position.objects.select_related("person", "institution"), pk=pk)
    require(can_edit(request.user, position), "E301")
    form = PositionForm(form_data(request), initial=_initial(position), with_institution=False)
    if submitted(request, form):
        saved = run(
            form,
            lambda data: registry.position_update(
                actor=request.user,
                position=position,
                title=data["title"],
                start=data["start"],
                end=data["end"],
            ),
        )
        if saved:
            to = _person_url(position.person) + "#positions"
            return done(request, _("The position was changed."), to)
    return form_page(
        request,
        form,
        heading=_("Change the position at %(institution)s") % {"institution": position.institution},
        button=_("Save the position"),
        back_url=_person_url(position.person),
        history_url=reverse("workspace:history", args=["position", position.pk]),
    )


def _initial(position: Position) -> dict:
    return {
        "title": position.title,
        "start": partial_date(position.start_date, position.start_precision),
        "end": partial_date(position.end_date, position.end_precision),
    }


@require_POST
@workspace_view
def position_remove(request: WorkspaceRequest, pk: int) -> HttpResponse:
    position = get_object_or_404(Position.objects.select_related("person"), pk=pk)
    person = position.person
    registry.position_remove(actor=request.user, position=position)
    return done(request, _("The position was removed."), _person_url(person) + "#positions")
