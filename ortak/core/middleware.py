"""Requests refused at the door: a NUL byte in the address is never a real request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

NUL = "\x00"


class RejectNulMiddleware:
    """Answer 400 to a path or query string holding a NUL byte (%00).

    No page or API operation takes one, and PostgreSQL refuses text holding one with an
    error, so it is stopped here for every view, before any query.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if NUL in request.path or any(NUL in key or NUL in value for key, value in _query(request)):
            message = _("The address holds a NUL byte; remove it and try again.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _query(request: HttpRequest) -> list[tuple[str, str]]:
    return [(key, value) for key, values in request.GET.lists() for value in values]
