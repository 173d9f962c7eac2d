"""Who the signed-in user is in the workspace, and the guard every workspace view wears.

The rules themselves live in ortak.accounts.permissions and are applied by the services;
this module only reads them to decide what to show, and turns a refused change
(ortak.E3xx) into a plain 403 page instead of a server error.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.http import HttpResponseClientRedirect

from ortak.accounts import permissions
from ortak.accounts.models import Membership, Role
from ortak.core.errors import PermissionDenied
from ortak.core.http import HtmxRequest
from ortak.registry.models import DiasporaOrganization, State
from ortak.workspace.errors import plain_message


@dataclass
class Access:
    """What a user may do, read once per request for the templates and the selectors."""

    secretariat: bool = False
    reviewer: bool = False
    states: list[State] = field(default_factory=list)
    organizations: list[DiasporaOrganization] = field(default_factory=list)

    @property
    def editor(self) -> bool:
        return bool(self.states)

    @property
    def contributor(self) -> bool:
        """May add articles and see drafts: the secretariat, editors and reviewers."""
        return self.secretariat or self.reviewer or self.editor

    @property
    def has_role(self) -> bool:
        return self.contributor or bool(self.organizations)

    @property
    def state_ids(self) -> set[int]:
        return {state.pk for state in self.states}


class WorkspaceRequest(HtmxRequest):
    """A request `workspace_view` let through: it sets `access`, what the user may do."""

    access: Access


def access_of(user: Any) -> Access:
    """The user's roles, with the states and organizations they are scoped to."""
    memberships = Membership.objects.filter(user=user).select_related("state", "organization")
    return Access(
        secretariat=permissions.is_secretariat(user),
        reviewer=permissions.can_review(user),
        states=[m.state for m in memberships if m.role == Role.EDITOR and m.state],
        organizations=[
            m.organization for m in memberships if m.role == Role.REPRESENTATIVE and m.organization
        ],
    )


def forbidden(request: HttpRequest, error: PermissionDenied | None = None) -> HttpResponse:
    """The 403 page: what was refused, in plain words, and what the user can do."""
    context = {"message": plain_message(error) if error else None, "code": error and error.code}
    return render(request, "workspace/forbidden.html", context, status=403)


def workspace_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in required; `request.access` set; a refused change (E3xx) becomes a 403 page."""

    @functools.wraps(view)
    def wrapper(request: HtmxRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated and request.htmx:
            return _sign_in_again(request)
        return _signed_in(request, *args, **kwargs)

    @login_required
    def _signed_in(request: HtmxRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        let_through = cast(WorkspaceRequest, request)  # a WorkspaceRequest once `access` is set
        let_through.access = access_of(request.user)
        try:
            return view(let_through, *args, **kwargs)
        except PermissionDenied as error:
            return forbidden(request, error)

    return wrapper


def _sign_in_again(request: HtmxRequest) -> HttpResponse:
    """A session that ended under an htmx request: send the whole page to sign in, not the
    sign-in form into one row of it."""
    page = request.htmx.current_url_abs_path or settings.LOGIN_REDIRECT_URL
    return HttpResponseClientRedirect(f"{settings.LOGIN_URL}?{urlencode({'next': page})}")


def require(allowed: bool, code: str = "E300") -> None:
    """Refuse with a 403 page when a page is not for this user (the services check writes)."""
    if not allowed:
        raise PermissionDenied("this page is not open to your role", code=code)
