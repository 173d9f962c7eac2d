"""Two-factor sign-in: who must use it, and the guard that sends them to do so.

The OTS secretariat and reviewers must confirm a one-time code from an authenticator app
(TOTP) after their password before the workspace, the back office or the drafts in the API
open to them; editors may choose to. Whoever has a confirmed device is asked for a code,
whatever the role, so that a device once set up always protects the account.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from ortak.accounts.permissions import can_review, is_secretariat

# Paths that open records or drafts; the portal stays public and reads published records.
_GUARDED = ("/workspace/", "/admin/", "/accounts/password_change/")
_ADMIN_OPEN = ("/admin/login/", "/admin/logout/")


def required(user: Any) -> bool:
    """Whether the user's roles demand two-factor sign-in (secretariat, reviewers)."""
    return is_secretariat(user) or can_review(user)


def needs_code(user: Any) -> bool:
    """A signed-in user who has not yet confirmed a code in this session, but must."""
    if not user.is_authenticated or user.is_verified():
        return False
    return required(user) or user_has_device(user, confirmed=True)


class TwoFactorMiddleware:
    """Sends an unconfirmed sign-in to set up or enter a code; the API reads it as public."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path.startswith(_GUARDED) and not path.startswith(_ADMIN_OPEN):
            if needs_code(request.user):
                return redirect_to_code(request, request.get_full_path())
        elif path.startswith("/api/") and needs_code(request.user):
            request.user = AnonymousUser()
        return self.get_response(request)


def redirect_to_code(request: HttpRequest, next_url: str) -> HttpResponse:
    """To the code page, or to setting up a device when the user has none yet."""
    name = "two_factor" if user_has_device(request.user) else "two_factor_setup"
    return redirect(f"{reverse(name)}?{urlencode({'next': next_url})}")
