"""What every list view shares: pagination, the reader's language, absolute addresses."""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import condition

from ortak.events.selectors import LatestFirst
from ortak.portal.cache import page_etag
from ortak.portal.filters import page_number

PER_PAGE = 25
# An anonymous reader's browser may show a page again for this long without asking; after
# that it asks with the page's ETag and gets a bodiless 304 while the data are unchanged.
MAX_AGE = 60  # seconds


def paginate(request: HttpRequest, rows: QuerySet | LatestFirst, per_page: int = PER_PAGE) -> Page:
    """The requested page of `rows`; the last page for a number past the end."""
    # Django pages any sliceable object with a len(); django-stubs also asks for iteration
    # and an index by int, which LatestFirst (pages by slices only) does not offer.
    paginator = Paginator(rows, per_page)  # type: ignore[arg-type]
    return paginator.get_page(page_number(request.GET))


def language() -> str:
    return (get_language() or "en").split("-")[0]


def absolute(request: HttpRequest, name: str, *args: object) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


def export_query(request: HttpRequest) -> str:
    """The list's query string without the page number, for its CSV export link."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A public page: conditional GET and browser caching for anonymous readers.

    The ETag is the data version, language, address and day (ortak.portal.cache.page_etag),
    so a reader who has the page gets a 304 without the page being drawn. The page carries
    a CSRF token and the language form: `private`, never kept by a shared cache. A
    signed-in reader's page shows their account and is always asked for anew.
    """
    conditional = condition(etag_func=lambda request, *args, **kwargs: page_etag(request))(view)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = conditional(request, *args, **kwargs)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, private=True, max_age=MAX_AGE)
        return response

    return wrapper
