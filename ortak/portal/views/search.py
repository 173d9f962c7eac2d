"""Search: the results page, and the suggestions the header's box shows as one types.

The index is ortak.search's; it is imported when a search is made, so the portal works (and
says so) while the index is not there yet.
"""

from __future__ import annotations

from collections import OrderedDict

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ortak.core.http import HtmxRequest
from ortak.portal.filters import key_param
from ortak.search import selectors as search_selectors

KIND_LABELS = {
    "event": _("Events"),
    "person": _("People"),
    "institution": _("Institutions"),
    "organization": _("Diaspora organizations"),
    "state": _("States"),
    "series": _("Event series"),
    "plan": _("Plans"),
    "measure": _("Measures"),
    "source": _("Sources"),
}
SUGGESTIONS = 8  # hits shown under the box as one types
RESULTS = 50


def _search(query: str, *, kinds, state: str, year: int | None, limit: int):
    """Hits from ortak.search."""
    return search_selectors.search(query, kinds=kinds, state=state or None, year=year, limit=limit)


def group_by_kind(hits) -> OrderedDict:
    """`{label: [hit, ...]}` in the order kinds first appear (the best hit's kind first)."""
    groups: OrderedDict = OrderedDict()
    for hit in hits:
        groups.setdefault(KIND_LABELS.get(hit.kind, hit.kind), []).append(hit)
    return groups


def search(request: HtmxRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind", "")
    kinds = [kind] if kind in KIND_LABELS else None
    year = request.GET.get("year", "")
    suggest = bool(request.htmx)
    hits = (
        _search(
            query,
            kinds=kinds,
            state=key_param(request.GET, "state"),
            year=int(year) if year.isdigit() else None,
            limit=SUGGESTIONS if suggest else RESULTS,
        )
        if query
        else []
    )
    context = {
        "query": query,
        "kind": kind,
        "kinds": KIND_LABELS,
        "available": hits is not None,
        "groups": group_by_kind(hits or []),
    }
    template = "portal/partials/search_suggest.html" if suggest else "portal/search.html"
    return render(request, template, context)
