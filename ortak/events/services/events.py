"""Every write to events themselves: create, change, publish, discard a rejected draft."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from ortak.accounts.permissions import require_edit, require_publish
from ortak.core.actors import Actor
from ortak.core.dates import PartialDate
from ortak.core.models import Publication
from ortak.core.services import (
    as_partial_date,
    date_fields,
    require_dates_in_order,
    with_actor,
)
from ortak.events.models import Event, EventStatus, Source
from ortak.registry.models import Institution, State
from ortak.registry.services import institution_publish, person_publish

_UNSET: Any = object()


@transaction.atomic
def event_create(
    *,
    actor: Actor,
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
    institutions: Iterable[Institution] = (),
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
    event.institutions.set(institutions)
    return event


@transaction.atomic
def event_update(
    *,
    actor: Actor,
    event: Event,
    start: PartialDate | str | None,
    end: PartialDate | str | None,
    organizers: Iterable[Institution] = (),
    countries: Iterable[State] = (),
    **fields: Any,
) -> Event:
    """Change an event as its form does; dates in order (E201), within the actor's states."""
    event_change(actor=actor, event=event, start=start, end=end, **fields)
    event.organizers.set(organizers)
    event.countries.set(countries)
    return event


@transaction.atomic
def event_change(
    *,
    actor: Actor,
    event: Event,
    start: PartialDate | str | None = _UNSET,
    end: PartialDate | str | None = _UNSET,
    **fields: Any,
) -> Event:
    """Change the given fields of an event, no others (a review's corrections).

    The actor must be allowed to edit the event before and after (E301); dates stay in
    order (E201).
    """
    changes = dict(fields)
    for prefix, value in (("start", start), ("end", end)):
        if value is not _UNSET:
            changes.update(date_fields(prefix, as_partial_date(value)))
    require_edit(actor, event)
    for name, value in changes.items():
        setattr(event, name, value)
    require_dates_in_order(_date_of(event, "start"), _date_of(event, "end"), "event")
    require_edit(actor, event)
    event.full_clean(exclude=["series", "number"] if not event.series_id else None)
    with_actor(event, actor).save()
    return event


def _date_of(event: Event, prefix: str) -> PartialDate | None:
    value = getattr(event, f"{prefix}_date")
    return PartialDate(value, getattr(event, f"{prefix}_precision")) if value else None


@transaction.atomic
def event_publish(*, actor: Actor, event: Event) -> Event:
    """Make a reviewed event public, with the draft people and institutions it brought.

    A reviewer publishes events of the states they review (E307).
    """
    if not event.is_published:
        require_publish(actor, event)
        event.publication = Publication.PUBLISHED
        with_actor(event, actor).save(update_fields=["publication", "updated_at"])
    for participation in event.participations.select_related("person", "institution"):
        person_publish(actor=actor, person=participation.person)
        if participation.institution:
            institution_publish(actor=actor, institution=participation.institution)
    for institution in {*event.organizers.all(), *event.institutions.all()}:
        institution_publish(actor=actor, institution=institution)
    return event


@transaction.atomic
def event_discard(*, actor: Actor, event: Event, source: Source) -> bool:
    """A rejected source stops reporting `event`; a draft no other source reports goes.

    An event another source reports, or that is published, stays (it is someone else's
    record). True when the event was deleted.
    """
    source.events.remove(event)
    if event.is_published or event.sources.exists():
        return False
    require_edit(actor, event)
    with_actor(event, actor).delete()
    return True
