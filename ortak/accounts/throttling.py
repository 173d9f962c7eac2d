"""The client address that sign-in throttling (django-axes) counts wrong passwords by."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The client's address for sign-in throttling: REMOTE_ADDR, or the entry of
    X-Forwarded-For that the ORTAK_PROXY_COUNT-th proxy from here wrote."""
    count = settings.ORTAK_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if count and len([a for a in forwarded if a]) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
