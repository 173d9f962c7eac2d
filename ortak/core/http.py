"""The request Ortak's views take, typed with what its middleware adds to it."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxRequest(HttpRequest):
    """A request through django-htmx's middleware: `htmx` says whether htmx sent it (and from
    which page), so a view answers with a fragment or the whole page."""

    htmx: HtmxDetails
