"""The home page and the statistics page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from ortak.events.selectors import events_per_year_per_state, institution_ties
from ortak.plans.models import MeasureStatus
from ortak.plans.selectors import measures_by_status
from ortak.portal import charts, selectors
from ortak.portal.cache import cached
from ortak.portal.mapview import organization_map
from ortak.portal.views.common import language, public_page
from ortak.registry.selectors import organization_map_points


@public_page
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    context = selectors.home_page(today=today)
    context["map"] = SimpleLazyObject(
        lambda: cached(
            "home-map",
            language(),
            lambda: organization_map(
                organization_map_points(), viewport=None, filters={}, language=language()
            ),
        )
    )
    context["today"] = today  # the body is a cached fragment, the same all day
    return render(request, "portal/home.html", context)


@public_page
def statistics(request: HttpRequest) -> HttpResponse:
    """Events per year per state, the network of institutions, measures by status."""
    lang = language()
    institutions, ties = institution_ties()
    context = {
        "per_year": charts.stacked_bars(
            events_per_year_per_state(),
            title=_("Events per year, by responsible state"),
            description=_("Stacked bars: one bar per year, one colour per state."),
            language=lang,
            year_label=_("Year"),
        ),
        "network": charts.network(
            institutions,
            ties,
            title=_("Institutions that meet at the same events"),
            description=_("A line joins two institutions named at the same events."),
            headers=(_("Institution"), _("Institution"), _("Events together")),
            language=lang,
            url_of=lambda i: reverse("portal:institution", args=[i.pk]),
        ),
        "measures": measure_chart(measures_by_status()),
    }
    return render(request, "portal/statistics.html", context)


def measure_chart(counts: dict[str, int]) -> charts.Chart:
    labels = dict(MeasureStatus.choices)
    return charts.horizontal_bars(
        [(str(labels[s]), n, charts.STATUS_COLOURS[s]) for s, n in counts.items()],
        title=_("Measures by status"),
        description=_("One bar per status: the number of measures in it."),
        headers=(_("Status"), _("Measures")),
    )
