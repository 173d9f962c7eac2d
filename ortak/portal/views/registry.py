"""The registry's pages: people, institutions, diaspora organizations and states."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ortak.portal import charts, exports
from ortak.portal import selectors as portal_selectors
from ortak.portal.cache import cached
from ortak.portal.facets import (
    Facet,
    choice_facet,
    country_facet,
    language_facet,
    named_facet,
    state_facet,
)
from ortak.portal.filters import (
    institution_filters,
    map_viewport,
    organization_filters,
    organization_query,
    person_filters,
)
from ortak.portal.mapview import organization_map
from ortak.portal.naming import record_name
from ortak.portal.views.common import absolute, export_query, language, paginate, public_page
from ortak.portal.worldmap import Viewport, project
from ortak.registry import selectors
from ortak.registry.models import InstitutionKind, OrganizationKind
from ortak.registry.selectors import OrganizationFilters


def _list(request: HttpRequest, template: str, queryset, facets) -> HttpResponse:
    context = {
        "page": paginate(request, queryset),
        "facets": facets,
        "export_query": export_query(request),
    }
    return render(request, template, context)


# People ---------------------------------------------------------------------------------


@public_page
def person_list(request: HttpRequest) -> HttpResponse:
    filters, lang = person_filters(request.GET), language()
    counts = cached("person-facets", filters, lambda: selectors.person_facets(filters=filters))
    facets = [
        state_facet("state", _("State"), counts["state"], chosen=filters.state, language=lang),
        named_facet("institution", _("Institution"), counts["institution"],
                    value="institution_id", chosen=filters.institution, language=lang),
    ]  # fmt: skip
    people = selectors.person_list(filters=filters)
    return _list(request, "portal/person_list.html", people, facets)


def person_export(request: HttpRequest) -> StreamingHttpResponse:
    people = selectors.person_list(filters=person_filters(request.GET))
    rows = exports.person_rows(
        people, language(), lambda p: absolute(request, "portal:person", p.pk)
    )
    return exports.csv_response("ortak-people.csv", exports.PERSON_HEADER, rows)


@public_page
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(pk=pk)
    context = {"person": person, "participations": portal_selectors.person_events(person)}
    return render(request, "portal/person_detail.html", context)


# Institutions ---------------------------------------------------------------------------


@public_page
def institution_list(request: HttpRequest) -> HttpResponse:
    filters, lang = institution_filters(request.GET), language()
    counts = cached(
        "institution-facets", filters, lambda: selectors.institution_facets(filters=filters)
    )
    facets = [
        choice_facet("type", _("Type"), counts["kind"], field="kind", choices=InstitutionKind,
                     chosen=filters.kind),
        state_facet("state", _("State"), counts["state"], chosen=filters.state, language=lang),
    ]  # fmt: skip
    institutions = selectors.institution_list(filters=filters)
    return _list(request, "portal/institution_list.html", institutions, facets)


def institution_export(request: HttpRequest) -> StreamingHttpResponse:
    institutions = selectors.institution_list(filters=institution_filters(request.GET))
    rows = exports.institution_rows(
        institutions, language(), lambda i: absolute(request, "portal:institution", i.pk)
    )
    return exports.csv_response("ortak-institutions.csv", exports.INSTITUTION_HEADER, rows)


@public_page
def institution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    institution = selectors.institution_get(pk=pk)
    context = {
        "institution": institution,
        "events": portal_selectors.institution_events(institution),
    }
    return render(request, "portal/institution_detail.html", context)


# Diaspora organizations ------------------------------------------------------------------


@public_page
def organization_list(request: HttpRequest) -> HttpResponse:
    filters = organization_filters(request.GET)
    facets = organization_facets(filters, language())
    organizations = selectors.organization_list(filters=filters)
    return _list(request, "portal/organization_list.html", organizations, facets)


def organization_facets(filters: OrganizationFilters, lang: str) -> list[Facet]:
    """The organization list's filters, which the map shares."""
    counts = cached(
        "organization-facets", filters, lambda: selectors.organization_facets(filters=filters)
    )
    return [
        choice_facet("type", _("Type"), counts["kind"], field="kind", choices=OrganizationKind,
                     chosen=filters.kind),
        state_facet("state", _("Community of"), counts["state"], chosen=filters.state,
                    language=lang),
        country_facet("country", _("Host country"), counts["country"], chosen=filters.country,
                      language=lang),
        language_facet("language", _("Language"), counts["language"], chosen=filters.language),
    ]  # fmt: skip


@public_page
def organization_map_page(request: HttpRequest) -> HttpResponse:
    """The organizations on a map, filtered as the list; the table below says the same."""
    filters, lang = organization_filters(request.GET), language()
    organizations = selectors.organization_map_points(filters=filters)
    context = {
        "facets": organization_facets(filters, lang),
        "export_query": export_query(request),
        "map": organization_map(
            organizations,
            viewport=map_viewport(request.GET),
            filters=organization_query(filters),
            language=lang,
        ),
        "list_url": _list_url(filters),
    }
    return render(request, "portal/organization_map.html", context)


def _list_url(filters: OrganizationFilters) -> str:
    query = urlencode({k: v for k, v in organization_query(filters).items() if v})
    return reverse("portal:organizations") + (f"?{query}" if query else "")


def organization_export(request: HttpRequest) -> StreamingHttpResponse:
    organizations = selectors.organization_list(filters=organization_filters(request.GET))
    rows = exports.organization_rows(
        organizations, language(), lambda o: absolute(request, "portal:organization", o.pk)
    )
    return exports.csv_response("ortak-organizations.csv", exports.ORGANIZATION_HEADER, rows)


@public_page
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_get(pk=pk)
    located = organization.latitude is not None and organization.longitude is not None
    context = {
        "organization": organization,
        "stale": organization.is_stale(timezone.now()),
        "map": _place_map(organization) if located else None,
    }
    return render(request, "portal/organization_detail.html", context)


def _place_map(organization) -> object:
    """The organization on the map, close enough to see its country's neighbours."""
    x, y = project(organization.latitude, organization.longitude)
    return organization_map(
        [organization], viewport=Viewport(3, x, y), filters={}, language=language()
    )


# States ---------------------------------------------------------------------------------


@public_page
def state_list(request: HttpRequest) -> HttpResponse:
    lang = language()
    # In the order of the reader's alphabet: "Әзірбайжан" is not where "Azerbaijan" is.
    states = sorted(
        selectors.state_list(), key=lambda s: (s.ots_status, record_name(s, lang).casefold())
    )
    return render(request, "portal/state_list.html", {"states": states})


@public_page
def state_detail(request: HttpRequest, key: str) -> HttpResponse:
    state = selectors.state_get(key=key)
    activity = portal_selectors.state_activity(state)
    lang = language()
    chart = charts.horizontal_bars(
        [(str(row["year"]), row["count"], charts.colour_of(state.key))
         for row in activity["per_year"]],
        title=_("Events of %(state)s by year") % {"state": record_name(state, lang)},
        description=_("One bar per year: the events the state hosted or took part in."),
        headers=(_("Year"), _("Events")),
    )  # fmt: skip
    return render(request, "portal/state_detail.html", {"state": state, "chart": chart, **activity})
