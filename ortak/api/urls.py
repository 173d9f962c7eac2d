from django.http import HttpRequest, JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _

from ortak.api.api import api


def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other address under /api/: a JSON 404, as the operations give."""
    return JsonResponse(
        {"detail": _("There is no such address in the API; see /api/docs.")}, status=404
    )


urlpatterns = [path("", api.urls), re_path(r"^(?P<rest>.*)$", not_found)]
