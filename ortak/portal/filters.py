"""Reading list filters from a query string: one place that turns `?type=forum&year=2024`
into the selectors' filter objects, for the pages and their CSV exports alike.

Unknown or malformed values are dropped rather than refused: a shared link with a stale
filter still opens a page.
"""

from __future__ import annotations

from django.http import QueryDict

from ortak.events.models import EventStatus, EventType
from ortak.events.selectors import EventFilters
from ortak.plans.selectors import PlanFilters
from ortak.portal.worldmap import HEIGHT, MAX_ZOOM, WIDTH, Viewport
from ortak.registry.models import InstitutionKind, OrganizationKind
from ortak.registry.selectors import InstitutionFilters, OrganizationFilters, PersonFilters


def _int(query: QueryDict, name: str, *, low: int = 1, high: int = 10**9) -> int | None:
    try:
        value = int(query.get(name, ""))
    except ValueError:
        return None
    return value if low <= value <= high else None


def _choice(query: QueryDict, name: str, choices: list[str]) -> str:
    value = query.get(name, "")
    return value if value in choices else ""


def key_param(query: QueryDict, name: str, *, length: int = 8) -> str:
    """A state key or country code: letters only, so it can never widen a lookup."""
    value = query.get(name, "").strip()
    return value.upper() if value.isalpha() and len(value) <= length else ""


def page_number(query: QueryDict) -> int:
    return _int(query, "page") or 1


def event_filters(query: QueryDict) -> EventFilters:
    return EventFilters(
        event_type=_choice(query, "type", EventType.values),
        state=key_param(query, "state"),
        year=_int(query, "year", low=1900, high=2200),
        institution=_int(query, "institution"),
        status=_choice(query, "status", EventStatus.values),
        series=_int(query, "series"),
    )


def person_filters(query: QueryDict) -> PersonFilters:
    return PersonFilters(state=key_param(query, "state"), institution=_int(query, "institution"))


def institution_filters(query: QueryDict) -> InstitutionFilters:
    return InstitutionFilters(
        kind=_choice(query, "type", InstitutionKind.values), state=key_param(query, "state")
    )


def organization_filters(query: QueryDict) -> OrganizationFilters:
    return OrganizationFilters(
        kind=_choice(query, "type", OrganizationKind.values),
        state=key_param(query, "state"),
        country=key_param(query, "country", length=2),
        language=key_param(query, "language", length=3).lower(),
    )


def organization_query(filters: OrganizationFilters) -> dict[str, str]:
    """The filters as the query parameters they were read from, for links that keep them."""
    return {
        "type": filters.kind,
        "state": filters.state,
        "country": filters.country,
        "language": filters.language,
    }


def map_viewport(query: QueryDict) -> Viewport | None:
    """The map's view from `?zoom=2&x=540&y=120` (map units); None when not given, for the
    view that fits the organizations shown."""
    zoom = _int(query, "zoom", low=0, high=MAX_ZOOM)
    if zoom is None:
        return None
    x = _int(query, "x", low=0, high=int(WIDTH))
    y = _int(query, "y", low=0, high=int(HEIGHT))
    centre = Viewport()
    return Viewport(zoom, centre.x if x is None else x, centre.y if y is None else y)


def plan_filters(query: QueryDict) -> PlanFilters:
    return PlanFilters(year=_int(query, "year", low=1900, high=2200))
