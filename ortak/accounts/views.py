"""Two-factor sign-in pages: set up an authenticator app, then enter its code."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from ortak.accounts import services
from ortak.accounts.forms import CodeForm
from ortak.accounts.two_factor import redirect_to_code
from ortak.core.errors import PermissionDenied

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Enter the current code of a confirmed device."""
    if not user_has_device(request.user):
        return redirect_to_code(request, _next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("That code is not right. Enter the code your app shows now."))
    return render(request, "accounts/two_factor.html", {"form": form, "next": _next_url(request)})


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Show a new key (QR code and text) and confirm it with a first code."""
    try:
        device = services.totp_device_pending(actor=_signed_in(request))
    except PermissionDenied:
        return redirect_to_code(request, _next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        confirmed = services.totp_device_confirm(actor=_signed_in(request), code=code)
        if confirmed is not None:
            otp_login(request, confirmed)
            return redirect(_next_url(request))
        form.add_error("code", _("That code is not right. Enter the code your app shows now."))
    context = {
        "form": form,
        "next": _next_url(request),
        "secret": services.totp_secret(device),
        "qr": segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR code")),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def _signed_in(request: HttpRequest) -> User:
    """The user of a view behind `login_required`, who is signed in (no AnonymousUser)."""
    return cast("User", request.user)


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe else "/workspace/"


def locked_out(request: HttpRequest, *args: object) -> HttpResponse:
    """The answer to a sign-in while the account is locked (django-axes' lockout callable)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"cooloff_minutes": minutes}
    return render(request, "accounts/locked.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
