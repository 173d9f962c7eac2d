"""Every read of the registry: states, institutions, diaspora organizations, people.

Lists return querysets (the caller paginates); `*_get` returns one record with everything its
page shows already fetched, in a fixed number of queries. The public sees published records
only: every selector takes `published_only` and defaults to it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404

from ortak.core.models import Publication
from ortak.registry.models import (
    DiasporaOrganization,
    Institution,
    InstitutionName,
    OtsStatus,
    Person,
    Position,
    State,
)

PUBLISHED = Q(publication=Publication.PUBLISHED)


def _published(queryset: QuerySet, published_only: bool) -> QuerySet:
    return queryset.filter(PUBLISHED) if published_only else queryset


def _get_or_404(queryset: QuerySet, **lookup: object):
    """The one record the lookup names, or Http404 (a draft is as absent as a wrong id)."""
    record = queryset.filter(**lookup).first()
    if record is None:
        raise Http404("no such record")
    return record


# States ---------------------------------------------------------------------------------


def state_list(*, published_only: bool = True, ots_only: bool = False) -> QuerySet[State]:
    """States, members first, then observers, then every other state a record names."""
    states = _published(State.objects.all(), published_only)
    if ots_only:
        states = states.exclude(ots_status=OtsStatus.NONE)
    return states.order_by("ots_status", "name")


def state_get(*, key: str, published_only: bool = True) -> State:
    """One state by its key (AZ, TRNC), with its published institutions."""
    institutions = _published(Institution.objects.all(), published_only).order_by("name")
    states = _published(State.objects.all(), published_only).prefetch_related(
        Prefetch("institutions", queryset=institutions, to_attr="institution_list")
    )
    return _get_or_404(states, key__iexact=key)


# Institutions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class InstitutionFilters:
    """The facets of the institutions list."""

    kind: str = ""
    state: str = ""  # a state's key
    diaspora_body: bool | None = None


def institution_list(
    *, published_only: bool = True, filters: InstitutionFilters | None = None
) -> QuerySet[Institution]:
    institutions = _published(Institution.objects.select_related("state"), published_only)
    filters = filters or InstitutionFilters()
    if filters.kind:
        institutions = institutions.filter(kind=filters.kind)
    if filters.state:
        institutions = institutions.filter(state__key__iexact=filters.state)
    if filters.diaspora_body is not None:
        institutions = institutions.filter(diaspora_body=filters.diaspora_body)
    return institutions.order_by("name", "id")


def institution_get(*, pk: int, published_only: bool = True) -> Institution:
    """One institution with its names over time, its people and its sub-bodies."""
    positions = Position.objects.select_related("person").order_by("-start_date", "id")
    if published_only:
        positions = positions.filter(person__publication=Publication.PUBLISHED)
    children = _published(Institution.objects.all(), published_only).order_by("name")
    institutions = _published(
        Institution.objects.select_related("state", "parent", "succeeded_by"), published_only
    ).prefetch_related(
        Prefetch(
            "name_history",
            InstitutionName.objects.order_by("valid_from", "language", "text"),
            to_attr="name_list",
        ),
        Prefetch("positions", positions, to_attr="position_list"),
        Prefetch("children", children, to_attr="child_list"),
        Prefetch("predecessors", children, to_attr="predecessor_list"),
    )
    return _get_or_404(institutions, pk=pk)


def institution_facets(
    *, filters: InstitutionFilters, published_only: bool = True
) -> dict[str, list[dict]]:
    """Counts by kind and by state; each facet counts what matches the other filters."""

    def others(narrowed: InstitutionFilters) -> QuerySet[Institution]:
        return institution_list(published_only=published_only, filters=narrowed).order_by()

    return {
        "kind": _kind_counts(others(replace(filters, kind=""))),
        "state": _state_counts(others(replace(filters, state="")), "state"),
    }


def _kind_counts(queryset: QuerySet) -> list[dict]:
    return list(queryset.values("kind").annotate(count=Count("id")).order_by("kind"))


def _state_counts(queryset: QuerySet, field: str) -> list[dict]:
    """`[{key, name, names, count}]` for the states a queryset's records point to."""
    # Aliases differ from `name`: an annotation may not shadow a field of the model.
    rows = (
        queryset.exclude(**{f"{field}__isnull": True})
        .values(
            state_key=F(f"{field}__key"),
            state_name=F(f"{field}__name"),
            state_names=F(f"{field}__names"),
        )
        .annotate(count=Count("id"))
        .order_by("state_name")
    )
    return [
        {
            "key": r["state_key"],
            "name": r["state_name"],
            "names": r["state_names"],
            "count": r["count"],
        }
        for r in rows
    ]


# Diaspora organizations ------------------------------------------------------------------


@dataclass(frozen=True)
class OrganizationFilters:
    """The facets of the diaspora organizations list."""

    kind: str = ""
    state: str = ""  # the key of the state whose community it is
    country: str = ""  # the ISO code of the host country
    language: str = ""  # an ISO 639 code among the languages it works in


def organization_list(
    *, published_only: bool = True, filters: OrganizationFilters | None = None
) -> QuerySet[DiasporaOrganization]:
    organizations = _published(
        DiasporaOrganization.objects.select_related("community_state"), published_only
    )
    filters = filters or OrganizationFilters()
    if filters.kind:
        organizations = organizations.filter(kind=filters.kind)
    if filters.state:
        organizations = organizations.filter(community_state__key__iexact=filters.state)
    if filters.country:
        organizations = organizations.filter(host_country__iexact=filters.country)
    if filters.language:
        organizations = organizations.filter(_speaks(filters.language))
    return organizations.order_by("name", "id")


def _speaks(language: str) -> Q:
    """Organizations whose list of languages holds `language`. The list is JSON text on
    SQLite, which has no JSON containment: the code in quotes matches one element exactly,
    and the filters let only letters through."""
    return Q(languages__icontains=f'"{language}"')


def organization_get(*, pk: int, published_only: bool = True) -> DiasporaOrganization:
    organizations = _published(
        DiasporaOrganization.objects.select_related("community_state"), published_only
    )
    return _get_or_404(organizations, pk=pk)


def organization_facets(
    *, filters: OrganizationFilters, published_only: bool = True
) -> dict[str, list[dict]]:
    """Counts by kind, community and host country; each over the other filters."""

    def others(narrowed: OrganizationFilters) -> QuerySet[DiasporaOrganization]:
        return organization_list(published_only=published_only, filters=narrowed).order_by()

    countries = others(replace(filters, country="")).values(code=F("host_country"))
    return {
        "kind": _kind_counts(others(replace(filters, kind=""))),
        "state": _state_counts(others(replace(filters, state="")), "community_state"),
        "country": [dict(row) for row in countries.annotate(count=Count("id")).order_by("code")],
        "language": _language_counts(others(replace(filters, language=""))),
    }


def _language_counts(queryset: QuerySet[DiasporaOrganization]) -> list[dict]:
    """`[{code, count}]` over the languages the organizations work in, most common first."""
    counts: dict[str, int] = {}
    for languages in queryset.values_list("languages", flat=True):
        for code in set(languages or []):
            counts[code] = counts.get(code, 0) + 1
    return [{"code": c, "count": n} for c, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))]


def organization_map_points(
    *, published_only: bool = True, filters: OrganizationFilters | None = None
) -> list[DiasporaOrganization]:
    """Organizations that have coordinates, for the map, filtered as the list is."""
    organizations = organization_list(published_only=published_only, filters=filters)
    located = organizations.filter(latitude__isnull=False, longitude__isnull=False)
    return list(
        located.only(
            "id", "name", "names", "city", "host_country", "latitude", "longitude", "kind"
        ).select_related(None)
    )


# People ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonFilters:
    """The facets of the people list."""

    state: str = ""
    institution: int | None = None  # held a position there


def person_list(
    *, published_only: bool = True, filters: PersonFilters | None = None
) -> QuerySet[Person]:
    people = _published(Person.objects.select_related("state"), published_only)
    filters = filters or PersonFilters()
    if filters.state:
        people = people.filter(state__key__iexact=filters.state)
    if filters.institution:
        people = people.filter(
            pk__in=Position.objects.filter(institution_id=filters.institution).values("person_id")
        )
    return people.order_by("name", "id")


def person_get(*, pk: int, published_only: bool = True) -> Person:
    """One person with their positions over time (latest first) and their spellings."""
    positions = Position.objects.select_related("institution").order_by(
        "-start_date", "-end_date", "id"
    )
    people = _published(Person.objects.select_related("state"), published_only).prefetch_related(
        Prefetch("positions", positions, to_attr="position_list"),
        "aliases",
    )
    return _get_or_404(people, pk=pk)


def person_facets(*, filters: PersonFilters, published_only: bool = True) -> dict[str, list[dict]]:
    """Counts by state and by institution of a position held; each over the other filter."""

    def others(narrowed: PersonFilters) -> QuerySet[Person]:
        return person_list(published_only=published_only, filters=narrowed).order_by()

    institutions = (
        _published_institution_positions(published_only)
        .filter(person__in=others(replace(filters, institution=None)).values("pk"))
        .values("institution_id", name=F("institution__name"), names=F("institution__names"))
        .annotate(count=Count("person_id", distinct=True))
        .order_by("-count", "name")[:30]
    )
    return {
        "state": _state_counts(others(replace(filters, state="")), "state"),
        "institution": [dict(row) for row in institutions],
    }


def _published_institution_positions(published_only: bool) -> QuerySet[Position]:
    positions = Position.objects.all()
    if published_only:
        positions = positions.filter(institution__publication=Publication.PUBLISHED)
    return positions
