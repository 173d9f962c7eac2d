"""Institutions: the list, adding one, changing one."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ortak.accounts.permissions import can_edit
from ortak.registry import services as registry
from ortak.registry.models import Institution
from ortak.workspace import selectors
from ortak.workspace.access import WorkspaceRequest, require, workspace_view
from ortak.workspace.forms.registry import InstitutionForm
from ortak.workspace.views.base import done, form_data, form_page, paginate, query, run, submitted


def _url(institution: Institution) -> str:
    return reverse("workspace:institution", args=[institution.pk])


@workspace_view
def institution_list(request: WorkspaceRequest) -> HttpResponse:
    q = query(request)
    found = paginate(request, selectors.institution_list(access=request.access, q=q))
    return render(request, "workspace/records/institution_list.html", {"page": found, "q": q})


@workspace_view
def institution_new(request: WorkspaceRequest) -> HttpResponse:
    form = InstitutionForm(form_data(request), access=request.access)
    if submitted(request, form):
        institution = run(form, lambda data: _create(request, form, data))
        if institution:
            return done(request, _("The institution was added."), _url(institution))
    return form_page(
        request,
        form,
        heading=_("Add an institution"),
        button=_("Add the institution"),
        back_url=reverse("workspace:institution_list"),
    )


def _create(request: WorkspaceRequest, form: InstitutionForm, data: dict) -> Institution:
    institution = registry.institution_create(
        actor=request.user,
        name=data["name"],
        kind=data["kind"],
        state=data["state"],
        parent=data["parent"],
        names=form.cleaned_names(),
    )
    # The fields institution_create does not take are set as a change right after.
    return registry.institution_update(
        actor=request.user, institution=institution, **_fields(form, data)
    )


_FIELDS = ("name", "kind", "state", "parent", "website", "diaspora_body")


def _fields(form: InstitutionForm, data: dict) -> dict:
    return {"names": form.cleaned_names(), **{name: data[name] for name in _FIELDS}}


@workspace_view
def institution_edit(request: WorkspaceRequest, pk: int) -> HttpResponse:
    institution = get_object_or_404(Institution, pk=pk)
    require(can_edit(request.user, institution), "E301")
    initial = {name: getattr(institution, name) for name in _FIELDS}
    form = InstitutionForm(
        form_data(request),
        access=request.access,
        names=institution.names,
        institution=institution,
        initial=initial,
    )
    if submitted(request, form):
        saved = run(
            form,
            lambda data: registry.institution_update(
                actor=request.user, institution=institution, **_fields(form, data)
            ),
        )
        if saved:
            return done(request, _("The changes were saved."), _url(institution))
    return form_page(
        request,
        form,
        heading=_("Change %(name)s") % {"name": institution.name},
        button=_("Save the changes"),
        back_url=reverse("workspace:institution_list"),
        history_url=reverse("workspace:history", args=["institution", institution.pk]),
    )
