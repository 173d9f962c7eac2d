"""What every list view shares: pagination, the reader's language, absolute addresses."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language

from ortak.portal.filters import page_number

PER_PAGE = 25


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = PER_PAGE) -> Page:
    """The requested page of `queryset`; the last page for a number past the end."""
    return Paginator(queryset, per_page).get_page(page_number(request.GET))


def language() -> str:
    return (get_language() or "en").split("-")[0]


def absolute(request: HttpRequest, name: str, *args: object) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


def export_query(request: HttpRequest) -> str:
    """The list's query string without the page number, for its CSV export link."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
