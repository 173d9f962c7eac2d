"""The roster's pages: search, a profile, joining, the person's own page, moderation and
requests for expertise. Thin: parse, call one service or selector, render."""

from __future__ import annotations

import json

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ortak.accounts.permissions import editor_state_ids, is_secretariat
from ortak.core.errors import ValidationError
from ortak.network import selectors, services
from ortak.network.forms import (
    FIELD_LABELS,
    ExpertiseRequestForm,
    ExpertRegistrationForm,
    ExpertSearchForm,
    OrganizationRegistrationForm,
    split,
)
from ortak.network.models import Expert, ExpertiseRequest
from ortak.registry.models import DiasporaOrganization
from ortak.registry.services import organization_publish, organization_register
from ortak.workspace.access import WorkspaceRequest, require, workspace_view


def expert_list(request: HttpRequest) -> HttpResponse:
    form = ExpertSearchForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {}
    experts = selectors.expert_list(
        actor=request.user,
        query=criteria.get("q", ""),
        field_code=criteria.get("field", ""),
        language=(criteria.get("language") or "").lower(),
    )
    context = {"form": form, "experts": experts, "labels": FIELD_LABELS}
    return render(request, "network/expert_list.html", context)


def expert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        expert = selectors.expert_get(actor=request.user, pk=pk)
    except Expert.DoesNotExist as error:
        raise Http404 from error
    record = Expert.objects.get(pk=pk)
    private = [name for name in expert.fields if name not in record.public_fields]
    services.expert_view_record(actor=request.user, expert=record, fields=private)
    context = {"expert": expert, "labels": FIELD_LABELS, "private": private}
    return render(request, "network/expert_detail.html", context)


def expert_register(request: HttpRequest) -> HttpResponse:
    form = ExpertRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            expert = services.expert_register(
                actor=None, profile=_profile(form.cleaned_data), scopes=form.cleaned_data["scopes"]
            )
        except ValidationError as error:
            form.add_error(None, error.message)
        else:
            link = _link(request, "network:expert_confirm", expert, "confirm")
            services.expert_send_link(expert, purpose="confirm", link=link)
            return render(request, "network/expert_registered.html", {"email": expert.email})
    context = {"form": form, "version": settings.ORTAK_CONSENT_VERSION}
    return render(request, "network/expert_register.html", context)


def _profile(data: dict) -> services.ExpertProfile:
    return services.ExpertProfile(
        name=data["name"],
        email=data["email"],
        other_names=split(data["other_names"], "\n"),
        fields_of_science=data["fields_of_science"],
        keywords=split(data["keywords"]),
        affiliation=data["affiliation"],
        residence_country=data["residence_country"],
        community_state=data["community_state"],
        languages=[code.lower() for code in split(data["languages"])],
        orcid=data["orcid"],
        links=split(data["links"], "\n"),
        public_fields=data["public_fields"],
    )


def _link(request: HttpRequest, name: str, expert: Expert, purpose: str) -> str:
    token = services.expert_token(expert, purpose)
    return request.build_absolute_uri(reverse(name, args=[token]))


def expert_confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        expert = services.expert_confirm(token=token)
    except ValidationError as error:
        return render(request, "network/expert_link.html", {"error": error}, status=400)
    link = _link(request, "network:expert_me", expert, "manage")
    services.expert_send_link(expert, purpose="manage", link=link)
    return render(request, "network/expert_link.html", {"expert": expert, "confirmed": True})


def _own(token: str) -> Expert:
    try:
        return services.expert_from_token(token, "manage")
    except ValidationError as error:
        raise Http404(error.message) from error


def expert_me(request: HttpRequest, token: str) -> HttpResponse:
    expert = _own(token)
    data = selectors.expert_data(expert)
    context = {"expert": expert, "data": data, "token": token, "labels": FIELD_LABELS}
    return render(request, "network/expert_me.html", context)


def expert_me_data(request: HttpRequest, token: str) -> HttpResponse:
    data = selectors.expert_data(_own(token))
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="ortak-my-data.json"'
    return response


@require_POST
def expert_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    services.consent_withdraw(expert=_own(token))
    return render(request, "network/expert_link.html", {"withdrawn": True})


@workspace_view
def moderation(request: WorkspaceRequest) -> HttpResponse:
    access = request.access
    require(access.secretariat or access.editor)
    states = None if is_secretariat(request.user) else editor_state_ids(request.user)
    if request.method == "POST":
        accept = request.POST.get("decision") == "accept"
        if request.POST.get("organization"):
            organization = get_object_or_404(DiasporaOrganization, pk=request.POST["organization"])
            organization_publish(actor=request.user, organization=organization, accept=accept)
        else:
            expert = get_object_or_404(Expert, pk=request.POST.get("expert"))
            services.expert_moderate(actor=request.user, expert=expert, accept=accept)
        return redirect("network:moderation")
    context = {
        "pending": selectors.experts_pending(state_ids=states),
        "organizations": selectors.organizations_registered(state_ids=states),
    }
    return render(request, "network/moderation.html", context)


def organization_join(request: HttpRequest) -> HttpResponse:
    """The public form an organization registers itself with; its community's state
    institution publishes it."""
    form = OrganizationRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["languages"] = [code.lower() for code in split(data["languages"])]
        try:
            organization_register(**data)
        except ValidationError as error:
            form.add_error(None, error.message)
        else:
            return render(request, "network/organization_registered.html")
    return render(request, "network/organization_join.html", {"form": form})


@workspace_view
def expertise_requests(request: WorkspaceRequest) -> HttpResponse:
    access = request.access
    require(access.secretariat or access.editor)
    form = ExpertiseRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and access.states:
        data = form.cleaned_data
        created = services.expertise_request_create(
            actor=request.user,
            state=access.states[0],
            title=data["title"],
            description=data["description"],
            fields_of_science=data["fields_of_science"],
            keywords=split(data["keywords"]),
            languages=[code.lower() for code in split(data["languages"])],
        )
        return redirect("network:expertise_request", pk=created.pk)
    requests = ExpertiseRequest.objects.select_related("state")
    return render(request, "network/requests.html", {"form": form, "requests": requests})


@workspace_view
def expertise_request(request: WorkspaceRequest, pk: int) -> HttpResponse:
    require(request.access.secretariat or request.access.editor or request.access.reviewer)
    wanted = get_object_or_404(ExpertiseRequest, pk=pk)
    matches = selectors.request_matches(wanted, actor=request.user)
    context = {"wanted": wanted, "matches": matches, "labels": FIELD_LABELS}
    return render(request, "network/request_detail.html", context)
