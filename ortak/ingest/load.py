"""An extracted record becomes drafts: a translator into calls of the domain services.

The extractor (ortak.ingest.extract) knows nothing of the database; this module links what
it found to the registry once (people by their spellings, institutions by their names over
time, ortak.ingest.linking), proposes new records where nothing matches, and merges an event
another article has already reported into that event instead of making a second one. It
writes nothing itself: it calls the registry and events services as the ingest pipeline, a
system actor acting on behalf of the user who gave the article, so every record's history
says "ingest, on behalf of <user>". Everything it makes is a draft until a reviewer
publishes it (ortak.ingest.review).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from ortak.accounts.permissions import can_edit
from ortak.core.actors import Actor, SystemActor, acting_user
from ortak.core.dates import PartialDate
from ortak.core.models import Publication
from ortak.events.matching import Report, event_find_same
from ortak.events.models import Event, EventStatus, EventType, Source
from ortak.events.services import (
    event_create,
    outcome_add,
    participation_add,
    site_visit_add,
    source_create,
    source_events_add,
)
from ortak.ingest import queue
from ortak.ingest.extract.schema import EventRecord, Participant, PlannedEvent, Record
from ortak.ingest.linking import institution_link, person_link, series_link, state_link
from ortak.ingest.models import Review
from ortak.registry.models import Institution, InstitutionKind, Person
from ortak.registry.services import institution_create, person_alias_add, person_create

PIPELINE = "ingest"


@dataclass
class ArticleData:
    """What the loader keeps of an article: its text and where it came from."""

    text: str
    path: str = ""
    url: str = ""
    title: str = ""
    published: str | None = None
    language: str = ""


@dataclass
class LoadResult:
    review: Review
    created: list[Event] = field(default_factory=list)
    merged: list[Event] = field(default_factory=list)


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def source_find(text: str) -> Source | None:
    return Source.objects.filter(content_hash=content_hash(text)).first()


def pipeline_actor(actor: Actor) -> SystemActor:
    """The ingest pipeline, acting for the user who gave it the article."""
    if isinstance(actor, SystemActor):
        return actor
    return SystemActor(PIPELINE, on_behalf_of=acting_user(actor))


@transaction.atomic
def record_load(
    *,
    article: ArticleData,
    record: Record | dict[str, Any],
    evidence: list[dict[str, Any]],
    pipeline_version: str,
    actor: Actor = None,
) -> LoadResult:
    """Keep the article as a Source and its record as draft events awaiting review.

    An article kept before is refused (ortak.E107), even by two loads at the same moment.
    """
    record = record if isinstance(record, Record) else Record.from_dict(record)
    system = pipeline_actor(actor)
    source = _source_create(system, article, record, pipeline_version)
    review = queue.review_create(
        source=source,
        record=record.to_dict(),
        evidence=evidence,
        pipeline_version=pipeline_version,
        created_by=acting_user(actor),
    )
    loader = _Loader(system, source, LoadResult(review=review))
    event_map = {}
    for key, event_record in record.keyed_events():
        event_map[key] = loader.event(key, event_record).pk
    result = loader.result
    queue.review_events_record(
        review, events=result.created + result.merged, event_map=event_map,
        merged=result.merged, links=loader.links,
    )  # fmt: skip
    return result


def _source_create(
    actor: SystemActor, article: ArticleData, record: Record, pipeline_version: str
) -> Source:
    meta = record.source
    published = meta.published or article.published
    return source_create(
        actor=actor,
        url=article.url or meta.url or "",
        path=article.path or meta.path or "",
        title=article.title,
        language=meta.language or article.language,
        published=PartialDate.parse(published).date if published else None,
        text=article.text,
        content_hash=content_hash(article.text),
        pipeline_version=pipeline_version,
    )


def partial_date(value: str | None) -> PartialDate | None:
    """A date of the record; a malformed one from the pipeline is left for the reviewer."""
    try:
        return PartialDate.parse(value) if value else None
    except ValueError:
        return None


class _Loader:
    """Loads the events of one record, linking each name to the registry once."""

    def __init__(self, actor: SystemActor, source: Source, result: LoadResult) -> None:
        self.actor = actor
        self.source = source
        self.result = result
        self.version = source.pipeline_version
        self.institutions: dict[str, Institution] = {}
        self.people: dict[str, Person] = {}
        # Name -> the registry person it links to, or None: looked up once per article.
        self.linked: dict[str, Person | None] = {}
        # Record path -> the registry record its value was linked to (or made for it).
        self.links: dict[str, int] = {}

    def event(self, key: str, data: PlannedEvent) -> Event:
        start, end = partial_date(data.start_date), partial_date(data.end_date)
        if start and end and end.last_day() < start.date:
            end = None  # dates out of order: keep the start, the reviewer sees the evidence
        series, number = series_link(data.title or "", data.type or "")
        report = Report(
            title=data.title or "",
            event_type=data.type or "other",
            city=data.city or "",
            start=start,
            end=end,
            series_id=series.pk if series else None,
            number=number,
            published=self.source.published,
            people=frozenset(p.pk for p in self._linked_people(data)),
            held=isinstance(data, EventRecord),
        )
        same = event_find_same(report)
        if same:
            self.result.merged.append(same)
            self._links_only(key, data)
        else:
            same = self._event_create(key, data, start, end, series, number)
            self.result.created.append(same)
        source_events_add(actor=self.actor, source=self.source, events=[same])
        return same

    def _event_create(self, key, data, start, end, series, number) -> Event:
        held = isinstance(data, EventRecord)
        organizations = data.organizations if isinstance(data, EventRecord) else []
        for i, org in enumerate(organizations):
            if org.name:
                self.institution(f"{key}.organizations[{i}]", org.name, org.country)
        organizers = [
            self.institution(f"{key}.organizers[{i}]", name, None)
            for i, name in enumerate(data.organizers)
            if name
        ]
        event = event_create(
            actor=self.actor,
            title=(data.title or "untitled event")[:500],
            event_type=data.type if data.type in EventType.values else EventType.OTHER,
            status=EventStatus.HELD if held else EventStatus.PLANNED,
            city=(data.city or "")[:120],
            country=data.country or "",
            state=state_link(data.country) if data.country else None,
            start=start,
            end=end,
            framework=(data.value("framework") or "")[:500],
            series=series,
            number=number,
            organizers=organizers,
            institutions=[self.institutions[o.name] for o in organizations if o.name],
            countries=[state_link(code) for code in data.value("countries") or []],
            publication=Publication.DRAFT,
            pipeline_version=self.version,
        )
        if isinstance(data, EventRecord):
            self._event_contents(key, event, data)
        return event

    def _event_contents(self, key: str, event: Event, data: EventRecord) -> None:
        for i, participant in enumerate(data.participants):
            self.participation(f"{key}.participants[{i}]", event, participant)
        for text in data.outcomes:
            outcome_add(actor=self.actor, event=event, kind=outcome_kind(text), text=text)
        for name in data.site_visits:
            site_visit_add(actor=self.actor, event=event, name=name[:300])

    def _links_only(self, key: str, data: PlannedEvent) -> None:
        """Link the names of a report of a known event without proposing new records: the
        values a reviewer accepts reach that event on publish (ortak.ingest.apply)."""
        names = [(f"{key}.organizers[{i}]", n) for i, n in enumerate(data.organizers)]
        if isinstance(data, EventRecord):
            names += [
                (f"{key}.organizations[{i}]", o.name) for i, o in enumerate(data.organizations)
            ]
            for i, participant in enumerate(data.participants):
                person = self.linked_person(participant.latin_name)
                if person is not None:
                    self.links[f"{key}.participants[{i}]"] = person.pk
        for path, name in names:
            institution = institution_link(name) if name else None
            if institution is not None:
                self.links[path] = institution.pk

    def linked_person(self, name: str | None) -> Person | None:
        """The registry person `name` names, if any (ortak.ingest.linking.person_link)."""
        if not name:
            return None
        if name not in self.linked:
            self.linked[name] = person_link(name)
        return self.linked[name]

    def _linked_people(self, data: PlannedEvent) -> list[Person]:
        """The known people an event's report names: the same people at an event in the
        same city tell a report in another language of it."""
        participants = data.participants if isinstance(data, EventRecord) else []
        found = (self.linked_person(p.latin_name) for p in participants)
        return [person for person in found if person is not None]

    def institution(self, path: str, name: str, country: str | None) -> Institution:
        """The registry institution `name` names, else a draft one made for it."""
        if name not in self.institutions:
            found = institution_link(name)
            if found is None:
                found = institution_create(
                    actor=self.actor,
                    name=name[:300],
                    kind=InstitutionKind.OTHER,
                    state=state_link(country) if country else None,
                    publication=Publication.DRAFT,
                    pipeline_version=self.version,
                    # Kept as a name, so the next article that writes it so links here.
                    name_language="",
                    name_kind="variant",
                )
            self.institutions[name] = found
        self.links[path] = self.institutions[name].pk
        return self.institutions[name]

    def participation(self, path: str, event: Event, data: Participant) -> None:
        if not data.latin_name:
            return
        state = state_link(data.country) if data.country else None
        person = self.person(path, data, state)
        institution = None
        if data.organization:
            institution = self.institution(f"{path}.organization", data.organization, data.country)
        if not event.participations.filter(person=person).exists():
            participation_add(
                actor=self.actor,
                event=event,
                person=person,
                role=(data.role or "")[:300],
                state=state,
                institution=institution,
            )

    def person(self, path: str, data: Participant, state) -> Person:
        """The registry person with a spelling close to the name, else a draft one."""
        name = data.latin_name
        if name not in self.people:
            found = self.linked_person(name)
            if found is None:
                found = person_create(
                    actor=self.actor,
                    name=name[:300],
                    state=state,
                    publication=Publication.DRAFT,
                    pipeline_version=self.version,
                )
            self.people[name] = found
        person = self.people[name]
        self.links[path] = person.pk
        self._spellings_add(person, {data.name, data.name_latin} - {None, ""})
        return person

    def _spellings_add(self, person: Person, spellings: set[Any]) -> None:
        """Every spelling seen is kept, on records the user (or the pipeline) may change."""
        if not can_edit(self.actor, person):
            return  # another state's person: the reviewer sees the spelling in the draft
        known = set(person.aliases.values_list("text", flat=True))
        for spelling in sorted(spellings - known):
            person_alias_add(actor=self.actor, person=person, text=spelling)


def outcome_kind(text: str) -> str:
    lowered = text.lower()
    if "sign" in lowered:
        return "agreement_signed"
    if "adopt" in lowered or "approv" in lowered:
        return "document_adopted"
    return "decision"
