"""Events in the JSON API: events (with participants), series and their rounds."""

from typing import Any

from django.utils.translation import get_language
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from ortak.accounts.permissions import published_only
from ortak.core.api import (
    ERRORS,
    RECORD_ERRORS,
    FilterText,
    Pages,
    RecordId,
    Ref,
    StateRef,
    Year,
    partial_date,
    ref,
    state_ref,
)
from ortak.events import selectors
from ortak.events.selectors import EventFilters
from ortak.reference.glossary import place_name

router = Router(tags=["events"])
PAGE_SIZE = 50


class EventOut(Schema):
    id: int
    title: str
    titles: dict[str, str]
    type: str
    status: str
    start: str | None
    end: str | None
    city: str
    country: str
    # The city and country in the language the request asks for (Accept-Language, or the
    # portal's language cookie): "Бишкек, Кыргызстан"; `city` and `country` stay as stored.
    place: str
    state: StateRef | None
    series: Ref | None
    number: int | None

    @staticmethod
    def resolve_place(event) -> str:
        return place_name(event.city, event.country, get_language())

    @staticmethod
    def resolve_type(event) -> str:
        return event.event_type

    @staticmethod
    def resolve_start(event) -> str | None:
        return partial_date(event, "start")

    @staticmethod
    def resolve_end(event) -> str | None:
        return partial_date(event, "end")

    @staticmethod
    def resolve_state(event) -> dict | None:
        return state_ref(event.state)

    @staticmethod
    def resolve_series(event) -> dict | None:
        return ref(event.series)


class ParticipantOut(Schema):
    person: Ref
    role: str
    state: StateRef | None
    institution: Ref | None


class OutcomeOut(Schema):
    kind: str
    text: str


class SourceOut(Schema):
    title: str
    url: str
    published: str | None
    language: str


class EventDetail(EventOut):
    description: str
    framework: str
    host: Ref | None
    organizers: list[Ref]
    countries: list[StateRef]
    participants: list[ParticipantOut]
    outcomes: list[OutcomeOut]
    site_visits: list[str]
    sources: list[SourceOut]

    @staticmethod
    def resolve_host(event) -> dict | None:
        return ref(event.host)

    @staticmethod
    def resolve_organizers(event) -> list[dict]:
        return [ref(i) for i in event.organizer_list]

    @staticmethod
    def resolve_countries(event) -> list[dict]:
        return [state_ref(s) for s in event.country_list]

    @staticmethod
    def resolve_participants(event) -> list[dict]:
        return [
            {
                "person": ref(p.person),
                "role": p.role,
                "state": state_ref(p.state),
                "institution": ref(p.institution),
            }
            for p in event.participant_list
        ]

    @staticmethod
    def resolve_outcomes(event) -> list[dict]:
        return [{"kind": o.kind, "text": o.text} for o in event.outcomes.all()]

    @staticmethod
    def resolve_site_visits(event) -> list[str]:
        return [visit.name for visit in event.site_visits.all()]

    @staticmethod
    def resolve_sources(event) -> list[dict]:
        return [
            {
                "title": s.title,
                "url": s.url,
                "published": s.published.isoformat() if s.published else None,
                "language": s.language,
            }
            for s in event.source_list
        ]


class SeriesOut(Schema):
    id: int
    key: str
    name: str
    names: dict[str, str]
    type: str
    organizer: Ref | None
    rounds_recorded: int

    @staticmethod
    def resolve_type(series) -> str:
        return series.event_type

    @staticmethod
    def resolve_organizer(series) -> dict | None:
        return ref(series.organizer)

    @staticmethod
    def resolve_rounds_recorded(series) -> int:
        return series.round_count


class RoundOut(Schema):
    number: int | None
    event: Ref | None
    start: str | None


class SeriesDetail(SeriesOut):
    rounds: list[RoundOut]
    missing_rounds: list[int]


class EventQuery(Schema):
    type: FilterText = ""
    state: FilterText = ""
    year: Year | None = None
    institution: RecordId | None = None
    status: FilterText = ""
    series: RecordId | None = None

    def filters(self) -> EventFilters:
        return EventFilters(
            event_type=self.type,
            state=self.state,
            year=self.year,
            institution=self.institution,
            status=self.status,
            series=self.series,
        )


@router.get("/events", response={200: list[EventOut], **ERRORS})
@paginate(Pages, page_size=PAGE_SIZE)
def events(request, query: Query[EventQuery]):
    return selectors.event_list(published_only=published_only(request), filters=query.filters())


@router.get("/events/{pk}", response={200: EventDetail, **RECORD_ERRORS})
def event(request, pk: RecordId):
    return selectors.event_get(pk=pk, published_only=published_only(request))


@router.get("/series", response={200: list[SeriesOut], **ERRORS})
def series_list(request):
    return selectors.series_list(published_only=published_only(request))


@router.get("/series/{pk}", response={200: SeriesDetail, **RECORD_ERRORS})
def series(request, pk: RecordId):
    drafts = published_only(request)
    found: Any = selectors.series_get(pk=pk, published_only=drafts)
    rounds = selectors.series_rounds(series=found, published_only=drafts)
    found.rounds = [
        {
            "number": r.number or None,
            "event": {"id": r.event.pk, "name": r.event.title} if r.event else None,
            "start": partial_date(r.event, "start") if r.event else None,
        }
        for r in rounds
    ]
    found.missing_rounds = [r.number for r in rounds if r.number and r.event is None]
    return found
