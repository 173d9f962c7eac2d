"""Every write to events: create, add participants, outcomes, site visits, publish."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from ortak.accounts.permissions import require_edit, require_review
from ortak.core.dates import PartialDate
from ortak.core.errors import ValidationError
from ortak.core.models import Publication
from ortak.core.services import (
    as_partial_date,
    date_fields,
    require_dates_in_order,
    with_actor,
)
from ortak.events.models import Event, EventStatus, Outcome, Participation, SiteVisit, Source
from ortak.events.signals import event_published
from ortak.registry.models import Institution, Person, State


@transaction.atomic
def event_create(
    *,
    actor: Any,
    title: str,
    event_type: str,
    state: State | None = None,
    start: PartialDate | str | None = None,
    end: PartialDate | str | None = None,
    city: str = "",
    country: str = "",
    status: str = EventStatus.HELD,
    organizers: Iterable[Institution] = (),
    countries: Iterable[State] = (),
    publication: str = Publication.PUBLISHED,
    **fields: Any,
) -> Event:
    """A new event; dates in order (E201), within the actor's state unless secretariat."""
    start, end = as_partial_date(start), as_partial_date(end)
    require_dates_in_order(start, end, "event")
    event = Event(
        title=title,
        event_type=event_type,
        state=state,
        city=city,
        country=country,
        status=status,
        publication=publication,
        **date_fields("start", start),
        **date_fields("end", end),
        **fields,
    )
    require_edit(actor, event)
    event.full_clean(exclude=["series", "number"] if not event.series_id else None)
    with_actor(event, actor).save()
    event.organizers.set(organizers)
    event.countries.set(countries)
    if event.is_published:
        event_published.send(sender=Event, event=event, actor=actor)
    return event


@transaction.atomic
def participation_add(
    *,
    actor: Any,
    event: Event,
    person: Person,
    role: str = "",
    state: State | None = None,
    institution: Institution | None = None,
) -> Participation:
    """A person at an event; one person is at one event once (E202)."""
    require_edit(actor, event)
    if Participation.objects.filter(event=event, person=person).exists():
        raise ValidationError(
            f"{person} is already a participant of “{event}”; edit that participation instead",
            code="E202",
        )
    participation = Participation(
        event=event, person=person, role=role, state=state, institution=institution
    )
    with_actor(participation, actor).save()
    return participation


def outcome_add(*, actor: Any, event: Event, kind: str, text: str) -> Outcome:
    require_edit(actor, event)
    return Outcome.objects.create(event=event, kind=kind, text=text)


def site_visit_add(*, actor: Any, event: Event, name: str) -> SiteVisit:
    require_edit(actor, event)
    return SiteVisit.objects.create(event=event, name=name)


@transaction.atomic
def event_publish(*, actor: Any, event: Event) -> Event:
    """Make a reviewed event, and the draft people it brought, visible to the public."""
    require_review(actor)
    event.publication = Publication.PUBLISHED
    with_actor(event, actor).save(update_fields=["publication", "updated_at"])
    for participation in event.participations.select_related("person"):
        person = participation.person
        if person.publication != Publication.PUBLISHED:
            person.publication = Publication.PUBLISHED
            with_actor(person, actor).save(update_fields=["publication", "updated_at"])
    event_published.send(sender=Event, event=event, actor=actor)
    return event


@transaction.atomic
def event_fulfil(
    *,
    actor: Any,
    event: Event,
    source: Source,
    start: PartialDate | str | None = None,
    end: PartialDate | str | None = None,
) -> Event:
    """A planned event that a later article reports held: the same record becomes held,
    with the report's dates where they are more precise, and the article as one more source.

    Called instead of making a second event when a held report matches a planned one.
    """
    require_review(actor)
    start, end = as_partial_date(start), as_partial_date(end)
    event.status = EventStatus.HELD
    for prefix, value in (("start", start), ("end", end)):
        if value and _more_precise(
            value.precision, getattr(event, f"{prefix}_precision"), event, prefix
        ):
            setattr(event, f"{prefix}_date", value.date)
            setattr(event, f"{prefix}_precision", value.precision)
    require_dates_in_order(
        PartialDate(event.start_date, event.start_precision) if event.start_date else None,
        PartialDate(event.end_date, event.end_precision) if event.end_date else None,
        "event",
    )
    with_actor(event, actor).save()
    source.events.add(event)
    if event.is_published:
        event_published.send(sender=Event, event=event, actor=actor)
    return event


_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def _more_precise(new: str, old: str, event: Event, prefix: str) -> bool:
    if getattr(event, f"{prefix}_date") is None:
        return True
    return _PRECISION_RANK.get(new, 0) > _PRECISION_RANK.get(old, 0)


@transaction.atomic
def source_create(
    *,
    actor: Any,
    text: str,
    events: Iterable[Event] = (),
    title: str = "",
    url: str = "",
    published: Any = None,
    language: str = "en",
    **fields: Any,
) -> Source:
    """A document that reports events, kept with its full text; the secretariat's or a
    reviewer's (ingested articles come through ortak.ingest instead)."""
    require_review(actor)
    import hashlib

    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
    source = Source(
        text=text, title=title, url=url, published=published, language=language,
        content_hash=digest, **fields,
    )  # fmt: skip
    with_actor(source, actor).save()
    source.events.set(events)
    return source
