"""Diaspora organizations: the list, adding one, and editing a profile (representatives too)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ortak.accounts.permissions import can_edit
from ortak.core.dates import PartialDate
from ortak.registry import services as registry
from ortak.registry.models import DiasporaOrganization
from ortak.workspace import selectors
from ortak.workspace.access import WorkspaceRequest, require, workspace_view
from ortak.workspace.forms.base import partial_date
from ortak.workspace.forms.registry import OrganizationForm
from ortak.workspace.views.base import done, form_data, form_page, paginate, query, run, submitted

_FIELDS = (
    "name", "kind", "host_country", "city", "latitude", "longitude", "activities", "languages",
    "email", "phone", "website", "links", "members_count",
)  # fmt: skip


def _url(organization: DiasporaOrganization) -> str:
    return reverse("workspace:organization", args=[organization.pk])


def _model_fields(form: OrganizationForm, data: dict, *, with_community: bool) -> dict:
    """The form's data as the model's fields: the founding date split into date and
    precision, the names in other languages gathered."""
    founded: PartialDate | None = data["founded"]
    fields = {name: data[name] for name in _FIELDS}
    fields["names"] = form.cleaned_names()
    fields["founded"] = founded.date if founded else None
    if founded:
        fields["founded_precision"] = founded.precision
    if with_community:
        fields["community_state"] = data["community_state"]
    return fields


@workspace_view
def organization_list(request: WorkspaceRequest) -> HttpResponse:
    q = query(request)
    found = paginate(request, selectors.organization_list(access=request.access, q=q))
    return render(request, "workspace/records/organization_list.html", {"page": found, "q": q})


@workspace_view
def organization_new(request: WorkspaceRequest) -> HttpResponse:
    form = OrganizationForm(form_data(request), access=request.access)
    if submitted(request, form):
        fields = _model_fields(form, form.cleaned_data, with_community=True)
        organization = run(
            form, lambda data: registry.organization_create(actor=request.user, **fields)
        )
        if organization:
            return done(request, _("The organization was added."), _url(organization))
    return form_page(
        request,
        form,
        heading=_("Add a diaspora organization"),
        button=_("Add the organization"),
        back_url=reverse("workspace:organization_list"),
    )


@workspace_view
def organization_edit(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """The profile form; a representative edits it but not whose community it is."""
    organization = get_object_or_404(DiasporaOrganization, pk=pk)
    require(can_edit(request.user, organization), "E301")
    representative = not _edits_community(request, organization)
    form = OrganizationForm(
        form_data(request),
        access=request.access,
        names=organization.names,
        lock_community=representative,
        initial=_initial(organization),
    )
    if submitted(request, form):
        fields = _model_fields(form, form.cleaned_data, with_community=not representative)
        saved = run(
            form,
            lambda data: registry.organization_update(
                actor=request.user, organization=organization, **fields
            ),
        )
        if saved:
            return done(request, _("The profile was saved."), _url(organization))
    return form_page(
        request,
        form,
        template="workspace/records/organization_edit.html",
        organization=organization,
        stale=organization.is_stale(timezone.now()),
        heading=_("Change %(name)s") % {"name": organization.name},
        button=_("Save the profile"),
        back_url=reverse("workspace:organization_list"),
        history_url=reverse("workspace:history", args=["organization", organization.pk]),
    )


@workspace_view
@require_POST
def organization_confirm(request: WorkspaceRequest, pk: int) -> HttpResponse:
    """The representative (or an editor) says the profile is current, as once a year."""
    organization = get_object_or_404(DiasporaOrganization, pk=pk)
    registry.organization_confirm(actor=request.user, organization=organization)
    return done(request, _("The profile is confirmed as current."), _url(organization))


def _edits_community(request: WorkspaceRequest, organization: DiasporaOrganization) -> bool:
    """The secretariat and the community state's editors may change whose community it is."""
    access = request.access
    return access.secretariat or organization.community_state_id in access.state_ids


def _initial(organization: DiasporaOrganization) -> dict:
    initial = {name: getattr(organization, name) for name in _FIELDS}
    initial["languages"] = ", ".join(organization.languages or [])
    initial["links"] = "\n".join(organization.links or [])
    initial["community_state"] = organization.community_state_id
    initial["founded"] = partial_date(organization.founded, organization.founded_precision)
    return initial
