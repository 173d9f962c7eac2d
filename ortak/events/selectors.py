"""Every read of events: lists with their facets, one event's page, series, the calendar,
and the figures the charts draw.

The public sees published records only: every selector takes `published_only` and defaults
to it. Pages read a fixed number of queries whatever the number of rows (see the portal's
test_queries), so relations are fetched with select_related and Prefetch.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from itertools import combinations
from typing import TYPE_CHECKING, TypeAlias, TypedDict, cast

from django.db.models import (
    Count,
    DateField,
    Exists,
    F,
    Max,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.http import Http404

from ortak.core.models import Publication
from ortak.events.models import (
    Event,
    EventSeries,
    EventStatus,
    Outcome,
    Participation,
    SiteVisit,
    Source,
)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class PlacedOn(TypedDict):
    """What `.annotate(placed_on=F("placed_on"))` adds to an event (see `placed_on`)."""

    placed_on: dt.date | None


# An event read with the day it is placed at.
PlacedEvent: TypeAlias = "WithAnnotations[Event, PlacedOn]"

PUBLISHED = Q(publication=Publication.PUBLISHED)
# Latest first by the day an event is placed at (`placed_on`); those placed nowhere last on
# every database (PostgreSQL would put NULLs first); id breaks ties so pages do not overlap.
# Filters on the alias are written as Q objects: django-stubs checks keyword lookups against
# the model's fields, and knows no alias.
LATEST_FIRST = (F("placed_on").desc(nulls_last=True), "title", "id")


@dataclass(frozen=True)
class EventFilters:
    """The facets of the events list, the calendar and their exports."""

    event_type: str = ""
    state: str = ""  # a state's key: the responsible state or one that took part
    year: int | None = None
    institution: int | None = None  # named at the event (organizer, participant's body)
    status: str = ""
    series: int | None = None


def event_list(
    *, published_only: bool = True, filters: EventFilters | None = None
) -> QuerySet[Event]:
    """Events, latest first by the day each is placed at, narrowed by `filters`.

    The queryset has `placed_on` as an alias (see `placed_on`): filter or sort by it, or
    select it with `.annotate(placed_on=F("placed_on"))`.
    """
    events = Event.objects.select_related("series", "state").alias(placed_on=placed_on())
    events = events.order_by(*LATEST_FIRST)
    if published_only:
        events = events.filter(PUBLISHED)
    return _event_filter(events, filters) if filters else events


def _event_filter(events: QuerySet[Event], filters: EventFilters) -> QuerySet[Event]:
    # Subqueries rather than joins on the many-to-many tables: no duplicates, no DISTINCT.
    if filters.event_type:
        events = events.filter(event_type=filters.event_type)
    if filters.status:
        events = events.filter(status=filters.status)
    if filters.year:
        events = events.filter(Q(placed_on__year=filters.year))
    if filters.series:
        events = events.filter(series_id=filters.series)
    if filters.state:
        took_part = Event.countries.through.objects.filter(state__key__iexact=filters.state)
        events = events.filter(
            Q(state__key__iexact=filters.state) | Q(pk__in=took_part.values("event_id"))
        )
    if filters.institution:
        named = Event.institutions.through.objects.filter(institution_id=filters.institution)
        events = events.filter(pk__in=named.values("event_id"))
    return events


def event_facets(*, filters: EventFilters, published_only: bool = True) -> dict[str, list[dict]]:
    """Counts by type, status, responsible state, year and institution named.

    Each facet counts the events matching every *other* filter, so a reader who chose one
    type still sees how many events the other types have.
    """

    def others(narrowed: EventFilters) -> QuerySet[Event]:
        return event_list(published_only=published_only, filters=narrowed).order_by()

    named = Event.institutions.through.objects.filter(
        event_id__in=others(replace(filters, institution=None)).values("pk")
    )
    return {
        "type": _counts(others(replace(filters, event_type="")), "event_type"),
        "status": _counts(others(replace(filters, status="")), "status"),
        "state": _dicts(
            others(replace(filters, state=""))
            .exclude(state__isnull=True)
            .values(key=F("state__key"), name=F("state__name"), names=F("state__names"))
            .annotate(count=Count("id"))
            .order_by("name")
        ),
        "year": _dicts(
            others(replace(filters, year=None))
            .exclude(Q(placed_on__isnull=True))
            .annotate(year=ExtractYear("placed_on"))
            .values("year")
            .annotate(count=Count("id"))
            .order_by("-year")
        ),
        "institution": _dicts(
            named.values(
                "institution_id",
                name=F("institution__name"),
                names=F("institution__names"),
            )
            .annotate(count=Count("event_id"))
            .order_by("-count", "name")[:30]
        ),
    }


def _counts(queryset: QuerySet, field: str) -> list[dict]:
    return list(queryset.values(field).annotate(count=Count("id")).order_by(field))


def _dicts(rows: QuerySet) -> list[dict]:
    """The rows of a `values()` queryset: plain dicts (django-stubs types each as a
    TypedDict, which a list of dicts does not take)."""
    return list(rows)


def event_total(*, facets: dict[str, list[dict]], filters: EventFilters) -> int:
    """How many events a filtered list holds, read off its facet counts (`event_facets`),
    not counted again.

    The status facet counts the events matching every other filter: all of them add up to
    the list when no status is chosen, the chosen status's count is the list when one is.
    """
    statuses = facets["status"]
    if filters.status:
        statuses = [row for row in statuses if row["status"] == filters.status]
    return sum(row["count"] for row in statuses)


# The columns a list of events shows (date, title, type, status, place, state): a page of
# rows reads these, not the description nor the bookkeeping.
EVENT_ROW_FIELDS = (
    "id", "title", "titles", "event_type", "status", "start_date", "start_precision",
    "end_date", "end_precision", "city", "country", "series_id", "number",
)  # fmt: skip
STATE_FIELDS = ("state__key", "state__name", "state__names")


def _rows(events: QuerySet[Event]) -> QuerySet[Event]:
    rows = events.select_related(None).select_related("state")
    return rows.only(*EVENT_ROW_FIELDS, *STATE_FIELDS)


def reported_on() -> Subquery:
    """The day the first published source reported an event."""
    sources = Source.objects.filter(
        PUBLISHED, events=OuterRef("pk"), published__isnull=False
    ).order_by("published")
    return Subquery(sources.values("published")[:1])


def placed_on() -> Coalesce:
    """The day an event is placed in time: its start, else the day it was first reported
    (an article that gives no day: "reported 13 June 2025"); None when neither is known.

    Lists, the calendar and its export, the charts and the year facet all place events by
    it. The report's day is read only for events without a start (COALESCE stops at the
    first value), so dated events cost nothing more.
    """
    return Coalesce("start_date", reported_on(), output_field=DateField())


class LatestFirst:
    """A filtered list of events (from `event_list`), latest first by the day each is placed
    at (`placed_on`), for a Paginator; each row has `placed_on`.

    The events with a start date are read in the order of the index on (publication,
    -start_date, title), so a page costs a short index scan; those without one (few: their
    article gives no day) are placed among them by the day they were reported. Their days
    are read first, in one small query; no more of them than that can come before a page,
    which tells where its dated window begins, and the two are merged here. On the same
    day a dated event comes first. One `ORDER BY placed_on` over the whole list would make
    the database compute the day of, and sort, every matching event on every page.
    `total` (see `event_total`; the caller caches it) spares the paginator a count.
    """

    def __init__(self, events: QuerySet[Event], total: int) -> None:
        self.rows = _rows(events).annotate(placed_on=F("placed_on"))
        self.dated = events.filter(start_date__isnull=False).order_by("-start_date", "title", "id")
        undated = events.filter(start_date__isnull=True).annotate(placed_on=F("placed_on"))
        self.undated = undated.order_by(*LATEST_FIRST)
        self.total = total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window: slice) -> list[Event]:
        start, stop = window.start or 0, window.stop
        undated = list(self.undated.values_list("pk", "placed_on"))
        skipped = max(0, start - len(undated))  # dated events that surely come before
        window_of_dated = self.dated.values_list("pk", "start_date")[max(skipped - 1, 0) : stop]
        dated = cast(list[Dated], list(window_of_dated))  # self.dated: with a start date
        first = 0  # the list's position of the first row merged below
        if skipped:
            last_day = dated.pop(0)[1]
            before = sum(1 for _, day in undated if _ahead(day, last_day))
            first, undated = skipped + before, undated[before:]
        ids = _merge(dated, undated, stop - first)[start - first : stop - first]
        found = self.rows.in_bulk(ids) if ids else {}
        return [found[pk] for pk in ids]


Day = tuple[int, dt.date | None]  # an event's id and the day it is placed at
Dated = tuple[int, dt.date]  # an event's id and its start


def _ahead(reported: dt.date | None, day: dt.date) -> bool:
    """Whether an event placed on `reported` comes before a dated one of `day`."""
    return reported is not None and reported > day


def _merge(dated: list[Dated], undated: list[Day], size: int) -> list[int]:
    """The ids of the first `size` events of two lists, each latest first: dated events
    with their start, and undated ones with the day each was reported."""
    merged: list[int] = []
    d = u = 0
    while len(merged) < size and (d < len(dated) or u < len(undated)):
        ahead = d == len(dated) or (u < len(undated) and _ahead(undated[u][1], dated[d][1]))
        if u < len(undated) and ahead:
            merged.append(undated[u][0])
            u += 1
        else:
            merged.append(dated[d][0])
            d += 1
    return merged


def latest_events(*, limit: int, published_only: bool = True) -> QuerySet[Event]:
    """The latest events that are not planned, by the day each is placed at, with a list's
    columns and `placed_on`.

    One query that sorts every event (see LatestFirst); the home page that shows them is a
    cached fragment, so it runs once a data version.
    """
    events = event_list(published_only=published_only).exclude(status=EventStatus.PLANNED)
    return _rows(events).annotate(placed_on=F("placed_on"))[:limit]


# What the related records of an event's page keep for their own pages: other spellings,
# sources, descriptions; JSON lists and texts decoded for every row read, and shown nowhere
# on the event's page.
_HEAVY = (
    "series__aliases", "series__sources", "state__aliases", "state__sources",
    "host__sources", "measure__description",
)  # fmt: skip
# The relations an event's page lists, and the table that says whether it has any.
_RELATIONS: dict[str, type[Model]] = {
    "participations": Participation, "organizers": Event.organizers.through,
    "countries": Event.countries.through, "sources": Source.events.through,
    "outcomes": Outcome, "site_visits": SiteVisit,
}  # fmt: skip


def event_get(*, pk: int, published_only: bool = True) -> Event:
    """One event with its participants, organizers, outcomes, site visits and sources.

    Prefetched lists land in `participant_list`, `organizer_list`, `country_list`,
    `source_list`; the series' other rounds come from `series_rounds_around`. The event's
    row says which relations it has, and only those are read: an event without outcomes
    costs no query for them.
    """
    has = {
        f"has_{name}": Exists(table._default_manager.filter(event_id=OuterRef("pk")))
        for name, table in _RELATIONS.items()
    }
    events = event_list(published_only=published_only).select_related("host", "measure")
    events = events.defer(*_HEAVY).annotate(**has, placed_on=F("placed_on"))
    events = events.filter(pk=pk).order_by()
    event = next(iter(events[:1]), None)
    if event is None:
        raise Http404("no such event")
    for prefetch in _event_prefetches(published_only):
        if getattr(event, f"has_{prefetch.prefetch_through}"):
            prefetch_related_objects([event], prefetch)
        elif prefetch.to_attr:
            setattr(event, prefetch.to_attr, [])
        else:  # an empty queryset fills the relation's prefetch cache without a query
            assert prefetch.queryset is not None, "each prefetch of an event names its queryset"
            empty = Prefetch(prefetch.prefetch_through, prefetch.queryset.none())
            prefetch_related_objects([event], empty)
    return event


def _event_prefetches(published_only: bool) -> list[Prefetch]:
    """What an event's page and API show of its relations, each with the columns shown:
    not the related records' aliases and sources, JSON lists decoded for every row read."""
    from ortak.registry.models import Institution, State

    named, state = ("name", "names", "publication"), ("key", "name", "names")
    # Ordered by id: the models' default order ("event", "id") would join the event again.
    participants = Participation.objects.select_related("person", "state", "institution")
    participants = participants.order_by("id").only(
        "event_id", "role", *(f"person__{f}" for f in named),
        *(f"state__{f}" for f in state), *(f"institution__{f}" for f in named),
    )  # fmt: skip
    institutions = Institution.objects.order_by("name").only(*named)
    sources = Source.objects.order_by("-published", "id")
    sources = sources.only("url", "title", "published", "language", "publication")
    if published_only:
        participants = participants.filter(person__publication=Publication.PUBLISHED)
        institutions = institutions.filter(PUBLISHED)
        sources = sources.filter(PUBLISHED)
    return [
        Prefetch("participations", participants, to_attr="participant_list"),
        Prefetch("organizers", institutions, to_attr="organizer_list"),
        Prefetch("countries", State.objects.order_by("name").only(*state), to_attr="country_list"),
        Prefetch("sources", sources, to_attr="source_list"),
        Prefetch("outcomes", Outcome.objects.order_by("id")),
        Prefetch("site_visits", SiteVisit.objects.order_by("id")),
    ]


# Series ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Round:
    """One numbered round of a series; `event` is None where Ortak knows no such round."""

    number: int
    event: Event | None


def series_list(*, published_only: bool = True) -> QuerySet[EventSeries]:
    series = EventSeries.objects.select_related("organizer")
    if published_only:
        series = series.filter(PUBLISHED)
    rounds = Q(events__publication=Publication.PUBLISHED) if published_only else Q()
    return series.annotate(round_count=Count("events", filter=rounds)).order_by("name")


def series_get(*, pk: int, published_only: bool = True) -> EventSeries:
    series = series_list(published_only=published_only).filter(pk=pk).first()
    if series is None:
        raise Http404("no such series")
    return series


def series_rounds(*, series: EventSeries, published_only: bool = True) -> list[Round]:
    """Rounds 1..the highest known, a gap where a round is missing; unnumbered ones after."""
    events = list(event_list(published_only=published_only).filter(series=series))
    numbered = {event.number: event for event in events if event.number}
    rounds = [Round(n, numbered.get(n)) for n in range(1, max(numbered, default=0) + 1)]
    unnumbered = sorted(
        (e for e in events if not e.number), key=lambda e: e.start_date or dt.date.min
    )
    return rounds + [Round(0, event) for event in unnumbered]


def series_rounds_around(
    *, event: Event, span: int = 5, published_only: bool = True
) -> list[Round]:
    """The rounds of `event`'s series either side of it, `span` each way, in one query.

    An event page shows its neighbours rather than a series of hundreds of rounds (the
    series page lists them all). An unnumbered event comes after the latest rounds.
    """
    events = event_list(published_only=published_only).filter(series_id=event.series_id)
    highest = events.order_by().values("series_id").annotate(highest=Max("number"))
    events = events.select_related(None).only(*EVENT_ROW_FIELDS)
    events = events.annotate(highest=Subquery(highest.values("highest")))
    if event.number:
        low, high = max(1, event.number - span), event.number + span
        rows = list(events.filter(number__range=(low, high)))
    else:
        rows = list(events.filter(number__isnull=False).order_by("-number")[: 2 * span + 1])
    last = rows[0].highest if rows else 0
    if not event.number:
        low, high = max(1, last - 2 * span), last
    by_number = {row.number: row for row in rows}
    rounds = [Round(n, by_number.get(n)) for n in range(low, min(high, last) + 1)]
    return rounds if event.number else [*rounds, Round(0, event)]


# Calendar -------------------------------------------------------------------------------


def events_between(
    *,
    first: dt.date,
    last: dt.date,
    published_only: bool = True,
    filters: EventFilters | None = None,
) -> QuerySet[PlacedEvent]:
    """Events with a start day between `first` and `last`, or running across them, and those
    without a start reported between them; by `placed_on` (selected), then title."""
    events = event_list(published_only=published_only, filters=filters)
    overlaps = Q(start_date__lte=last) & (
        Q(end_date__gte=first) | Q(end_date__isnull=True, start_date__gte=first)
    )
    reported = Q(start_date__isnull=True, placed_on__range=(first, last))
    events = events.filter(overlaps | reported).annotate(placed_on=F("placed_on"))
    return events.order_by("placed_on", "title", "id")


def events_for_calendar(
    *, published_only: bool = True, filters: EventFilters | None = None
) -> QuerySet[PlacedEvent]:
    """Events placed on a day, soonest first, with `placed_on`: those with a start day, and
    those whose article gives no day by the day it was reported (see `placed_on`). A
    calendar cannot place one known only to the month."""
    events = event_list(published_only=published_only, filters=filters)
    on_a_day = Q(start_date__isnull=False, start_precision="day") | Q(
        start_date__isnull=True, placed_on__isnull=False
    )
    events = events.filter(on_a_day).annotate(placed_on=F("placed_on"))
    return events.order_by("placed_on", "title", "id")


# Figures for the charts -----------------------------------------------------------------


def events_per_year_per_state(*, published_only: bool = True, state: str = "") -> list[dict]:
    """`[{year, key, name, names, count}]`: events by the year they are placed in
    (`placed_on`) and responsible state."""
    events = event_list(published_only=published_only).order_by()
    if state:
        events = _event_filter(events, EventFilters(state=state))
    rows = (
        events.filter(Q(placed_on__isnull=False), state__isnull=False)
        .annotate(year=ExtractYear("placed_on"))
        .values("year", key=F("state__key"), name=F("state__name"), names=F("state__names"))
        .annotate(count=Count("id"))
        .order_by("year", "name")
    )
    return _dicts(rows)


@dataclass(frozen=True)
class Tie:
    """Two institutions and the number of events where both took part."""

    first: int
    second: int
    events: int


def institution_ties(*, published_only: bool = True, limit: int = 16) -> tuple[list, list[Tie]]:
    """The institutions that meet most (named at the same events), and their ties.

    Returns the `limit` institutions with the most ties (as Institution records) and the
    ties among them, strongest first.
    """
    from ortak.registry.models import Institution

    pairs = Event.institutions.through.objects.all()
    if published_only:
        pairs = pairs.filter(event__publication=Publication.PUBLISHED).filter(
            institution__publication=Publication.PUBLISHED
        )
    by_event: dict[int, set[int]] = {}
    for event_id, institution_id in pairs.values_list("event_id", "institution_id"):
        by_event.setdefault(event_id, set()).add(institution_id)
    ties: Counter[tuple[int, int]] = Counter()
    for members in by_event.values():
        ties.update(combinations(sorted(members), 2))
    degree: Counter[int] = Counter()
    for (a, b), n in ties.items():
        degree[a] += n
        degree[b] += n
    top = [pk for pk, _ in degree.most_common(limit)]
    chosen = set(top)
    kept = [Tie(a, b, n) for (a, b), n in ties.most_common() if a in chosen and b in chosen]
    institutions = Institution.objects.in_bulk(top)
    return [institutions[pk] for pk in top if pk in institutions], kept


def event_status_counts(*, published_only: bool = True) -> dict[str, int]:
    events = event_list(published_only=published_only).order_by()
    return {row["status"]: row["count"] for row in _counts(events, "status")}


def upcoming_events(*, today: dt.date, limit: int = 6) -> QuerySet[Event]:
    """Planned events from today on, soonest first; those without a date last."""
    planned = event_list().filter(status=EventStatus.PLANNED)
    return planned.filter(
        Q(start_date__gte=today.replace(day=1)) | Q(start_date__isnull=True)
    ).order_by(F("start_date").asc(nulls_last=True), "title")[:limit]
