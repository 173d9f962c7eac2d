"""The registry in the JSON API: states, institutions, diaspora organizations, people."""

from typing import Annotated

from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import StringConstraints

from ortak.accounts.permissions import published_only
from ortak.core.api import (
    ERRORS,
    RECORD_ERRORS,
    FilterText,
    Pages,
    RecordId,
    RecordKey,
    Ref,
    StateRef,
    partial_date,
    ref,
    state_ref,
)
from ortak.registry import selectors
from ortak.registry.selectors import InstitutionFilters, OrganizationFilters, PersonFilters

router = Router(tags=["registry"])
PAGE_SIZE = 50


class StateOut(Schema):
    key: str
    iso_code: str | None
    name: str
    names: dict[str, str]
    ots_status: str
    ots_since: str | None

    @staticmethod
    def resolve_ots_since(state) -> str | None:
        return partial_date(state, "ots_since") if state.ots_since else None


class InstitutionOut(Schema):
    id: int
    name: str
    names: dict[str, str]
    kind: str
    state: StateRef | None
    diaspora_body: bool
    website: str

    @staticmethod
    def resolve_state(institution) -> dict | None:
        return state_ref(institution.state)


class InstitutionName(Schema):
    text: str
    language: str
    kind: str
    valid_from: str | None
    valid_to: str | None


class PositionOut(Schema):
    person: Ref
    institution: Ref
    title: str
    start: str | None
    end: str | None


def _position(position) -> dict:
    return {
        "person": ref(position.person),
        "institution": ref(position.institution),
        "title": position.title,
        "start": partial_date(position, "start"),
        "end": partial_date(position, "end"),
    }


class InstitutionDetail(InstitutionOut):
    founded: str | None
    parent: Ref | None
    succeeded_by: Ref | None
    names_over_time: list[InstitutionName]
    positions: list[PositionOut]

    @staticmethod
    def resolve_founded(institution) -> str | None:
        return partial_date(institution, "founded")

    @staticmethod
    def resolve_parent(institution) -> dict | None:
        return ref(institution.parent)

    @staticmethod
    def resolve_succeeded_by(institution) -> dict | None:
        return ref(institution.succeeded_by)

    @staticmethod
    def resolve_names_over_time(institution) -> list[dict]:
        return [
            {
                "text": n.text,
                "language": n.language,
                "kind": n.kind,
                "valid_from": n.valid_from.isoformat() if n.valid_from else None,
                "valid_to": n.valid_to.isoformat() if n.valid_to else None,
            }
            for n in institution.name_list
        ]

    @staticmethod
    def resolve_positions(institution) -> list[dict]:
        return [_position(p) for p in institution.position_list]


class OrganizationOut(Schema):
    id: int
    name: str
    names: dict[str, str]
    kind: str
    community_of: StateRef | None
    host_country: str
    city: str
    latitude: float | None
    longitude: float | None
    website: str
    founded: str | None

    @staticmethod
    def resolve_community_of(organization) -> dict | None:
        return state_ref(organization.community_state)

    @staticmethod
    def resolve_founded(organization) -> str | None:
        return partial_date(organization, "founded")


class OrganizationDetail(OrganizationOut):
    activities: str
    languages: list[str]
    email: str
    phone: str
    links: list[str]
    members_count: int | None


class PersonOut(Schema):
    id: int
    name: str
    names: dict[str, str]
    state: StateRef | None

    @staticmethod
    def resolve_state(person) -> dict | None:
        return state_ref(person.state)


class PersonDetail(PersonOut):
    spellings: list[str]
    positions: list[PositionOut]

    @staticmethod
    def resolve_spellings(person) -> list[str]:
        return [alias.text for alias in person.aliases.all()]

    @staticmethod
    def resolve_positions(person) -> list[dict]:
        for position in person.position_list:
            position.person = person  # already in hand: no query per position
        return [_position(p) for p in person.position_list]


class InstitutionQuery(Schema):
    kind: FilterText = ""
    state: FilterText = ""


class OrganizationQuery(Schema):
    kind: FilterText = ""
    state: FilterText = ""
    country: FilterText = ""
    language: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{0,3}$")] = ""


class PersonQuery(Schema):
    state: FilterText = ""
    institution: RecordId | None = None


@router.get("/states", response={200: list[StateOut], **ERRORS})
def states(request):
    return selectors.state_list(published_only=published_only(request))


@router.get("/states/{key}", response={200: StateOut, **RECORD_ERRORS})
def state(request, key: RecordKey):
    return selectors.state_get(key=key, published_only=published_only(request))


@router.get("/institutions", response={200: list[InstitutionOut], **ERRORS})
@paginate(Pages, page_size=PAGE_SIZE)
def institutions(request, query: Query[InstitutionQuery]):
    filters = InstitutionFilters(kind=query.kind, state=query.state)
    return selectors.institution_list(published_only=published_only(request), filters=filters)


@router.get("/institutions/{pk}", response={200: InstitutionDetail, **RECORD_ERRORS})
def institution(request, pk: RecordId):
    return selectors.institution_get(pk=pk, published_only=published_only(request))


@router.get("/organizations", response={200: list[OrganizationOut], **ERRORS})
@paginate(Pages, page_size=PAGE_SIZE)
def organizations(request, query: Query[OrganizationQuery]):
    filters = OrganizationFilters(
        kind=query.kind,
        state=query.state,
        country=query.country,
        language=query.language.lower(),
    )
    return selectors.organization_list(published_only=published_only(request), filters=filters)


@router.get("/organizations/{pk}", response={200: OrganizationDetail, **RECORD_ERRORS})
def organization(request, pk: RecordId):
    return selectors.organization_get(pk=pk, published_only=published_only(request))


@router.get("/people", response={200: list[PersonOut], **ERRORS})
@paginate(Pages, page_size=PAGE_SIZE)
def people(request, query: Query[PersonQuery]):
    filters = PersonFilters(state=query.state, institution=query.institution)
    return selectors.person_list(published_only=published_only(request), filters=filters)


@router.get("/people/{pk}", response={200: PersonDetail, **RECORD_ERRORS})
def person(request, pk: RecordId):
    return selectors.person_get(pk=pk, published_only=published_only(request))
