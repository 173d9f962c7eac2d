"""What the index keeps of each kind of record: its names, state, years, page.

One `Spec` per indexed model says how to read a record; `entry_for` turns a record into
its `SearchEntry`. A person is found by every alias, an institution by every name it has
had, a state, a series or a strategy by its other spellings too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.urls import NoReverseMatch, reverse

from ortak.core.models import Publication
from ortak.events.models import Event, EventSeries
from ortak.plans.models import ActivityPlan, Measure, Strategy
from ortak.registry.models import DiasporaOrganization, Institution, Person, State
from ortak.search.models import Kind, SearchEntry
from ortak.search.terms import document

Years = tuple[int | None, int | None]


@dataclass(frozen=True)
class Spec:
    """How one model is indexed. `queryset` fetches what `names`, `state` and `years` read."""

    kind: str
    model: type[Model]
    name: Callable[[Any], str]
    names: Callable[[Any], Iterable[str]]
    state: Callable[[Any], State | None]
    years: Callable[[Any], Years]
    queryset: Callable[[], QuerySet]
    url_name: str = ""

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


def _year(date: dt.date | None) -> int | None:
    return date.year if date else None


def _since(date: dt.date | None) -> Years:
    """From a year on, still current."""
    return _year(date), None


def _translations(record: Any, field: str = "names") -> list[str]:
    return [text for text in getattr(record, field).values() if text]


def _person_years(person: Person) -> Years:
    """From the first position's start to the last one's end; open while one is current."""
    positions = list(person.positions.all())
    starts = [p.start_date.year for p in positions if p.start_date]
    if not starts:
        return None, None
    if any(p.end_date is None for p in positions):
        return min(starts), None
    return min(starts), max(p.end_date.year for p in positions if p.end_date is not None)


def _event_years(event: Event) -> Years:
    start = _year(event.start_date)
    return start, _year(event.end_date) or start


def _measure_years(measure: Measure) -> Years:
    if measure.due_date:
        return measure.due_date.year, (measure.due_until or measure.due_date).year
    return measure.plan.year_from, measure.plan.year_to


SPECS: tuple[Spec, ...] = (
    Spec(
        Kind.PERSON,
        Person,
        name=lambda p: p.name,
        names=lambda p: [p.name, *_translations(p), *(a.text for a in p.aliases.all())],
        state=lambda p: p.state,
        years=_person_years,
        queryset=lambda: Person.objects.select_related("state").prefetch_related(
            "aliases", "positions"
        ),
        url_name="portal:person",
    ),
    Spec(
        Kind.INSTITUTION,
        Institution,
        name=lambda i: i.name,
        names=lambda i: [i.name, *_translations(i), *(n.text for n in i.name_history.all())],
        state=lambda i: i.state,
        years=lambda i: _since(i.founded),
        queryset=lambda: Institution.objects.select_related("state").prefetch_related(
            "name_history"
        ),
        url_name="portal:institution",
    ),
    Spec(
        Kind.ORGANIZATION,
        DiasporaOrganization,
        name=lambda o: o.name,
        names=lambda o: [o.name, *_translations(o), *o.aliases],
        state=lambda o: o.community_state,
        years=lambda o: _since(o.founded),
        queryset=lambda: DiasporaOrganization.objects.select_related("community_state"),
        url_name="portal:organization",
    ),
    Spec(
        Kind.STATE,
        State,
        name=lambda s: s.name,
        names=lambda s: [s.name, *_translations(s), *s.aliases],
        state=lambda s: s,
        years=lambda s: (None, None),
        queryset=lambda: State.objects.all(),
        url_name="portal:state",
    ),
    Spec(
        Kind.EVENT,
        Event,
        name=lambda e: e.title,
        names=lambda e: [e.title, *_translations(e, "titles")],
        state=lambda e: e.state,
        years=_event_years,
        queryset=lambda: Event.objects.select_related("state"),
        url_name="portal:event",
    ),
    Spec(
        Kind.SERIES,
        EventSeries,
        name=lambda s: s.name,
        names=lambda s: [s.name, *_translations(s), *s.aliases],
        state=lambda s: s.organizer.state if s.organizer else None,
        years=lambda s: _since(s.first_held),
        queryset=lambda: EventSeries.objects.select_related("organizer__state"),
        url_name="portal:series",
    ),
    Spec(
        Kind.PLAN,
        Strategy,
        name=lambda s: s.title,
        names=lambda s: [s.title, *_translations(s, "titles"), *s.aliases],
        state=lambda s: None,
        years=lambda s: _since(s.adopted_on),
        queryset=lambda: Strategy.objects.all(),
        url_name="portal:plans",  # strategies have no page of their own; their plans do
    ),
    Spec(
        Kind.PLAN,
        ActivityPlan,
        name=lambda p: p.title,
        names=lambda p: [p.title],
        state=lambda p: None,
        years=lambda p: (p.year_from, p.year_to),
        queryset=lambda: ActivityPlan.objects.all(),
        url_name="portal:plan",
    ),
    Spec(
        Kind.MEASURE,
        Measure,
        name=lambda m: m.title,
        names=lambda m: [m.title],
        state=lambda m: None,
        years=_measure_years,
        queryset=lambda: Measure.objects.select_related("plan"),
        url_name="portal:measure",
    ),
)
SPEC_BY_LABEL = {spec.label: spec for spec in SPECS}
SPEC_BY_MODEL = {spec.model: spec for spec in SPECS}


def spec_for(record: Model) -> Spec:
    """The spec of `record`'s model; ortak.E402 when search does not index it."""
    concrete = record._meta.concrete_model
    spec = SPEC_BY_MODEL.get(type(record)) or (SPEC_BY_MODEL.get(concrete) if concrete else None)
    if spec is None:
        indexed = ", ".join(sorted(SPEC_BY_LABEL))
        raise TypeError(
            f"ortak.E402: search does not index {record._meta.label}; it indexes {indexed}"
        )
    return spec


def entry_for(record: Model, spec: Spec | None = None) -> SearchEntry:
    """The (unsaved) index entry of a saved record."""
    spec = spec or spec_for(record)
    doc = document(spec.names(record))
    state = spec.state(record)
    year, year_to = spec.years(record)
    return SearchEntry(
        kind=spec.kind,
        model=spec.label,
        object_id=record.pk,
        name=spec.name(record)[:500],
        folded=doc.folded,
        terms=doc.terms,
        state=state.key if state else "",
        year=year,
        year_to=year_to,
        published=getattr(record, "publication", Publication.PUBLISHED) == Publication.PUBLISHED,
    )


def url_for(model: str, object_id: int, state: str) -> str:
    """The portal page of an entry's record; "" when the portal has none for it."""
    spec = SPEC_BY_LABEL.get(model)
    if spec is None or not spec.url_name:
        return ""
    args = (
        [] if spec.url_name == "portal:plans" else [state if spec.kind == Kind.STATE else object_id]
    )
    try:
        return reverse(spec.url_name, args=args)
    except NoReverseMatch:
        return ""
