"""Every write to what an event holds: participants, outcomes, site visits, linked bodies."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from ortak.accounts.permissions import require_edit
from ortak.core.actors import Actor
from ortak.core.errors import ValidationError
from ortak.core.services import with_actor
from ortak.events.models import Event, Outcome, Participation, SiteVisit
from ortak.registry.models import Institution, Person, State


@transaction.atomic
def participation_add(
    *,
    actor: Actor,
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


@transaction.atomic
def participation_remove(*, actor: Actor, participation: Participation) -> None:
    require_edit(actor, participation.event)
    with_actor(participation, actor).delete()


@transaction.atomic
def outcome_add(*, actor: Actor, event: Event, kind: str, text: str) -> Outcome:
    require_edit(actor, event)
    outcome = Outcome(event=event, kind=kind, text=text)
    with_actor(outcome, actor).save()
    return outcome


@transaction.atomic
def outcome_remove(*, actor: Actor, outcome: Outcome) -> None:
    require_edit(actor, outcome.event)
    with_actor(outcome, actor).delete()


@transaction.atomic
def site_visit_add(*, actor: Actor, event: Event, name: str) -> SiteVisit:
    require_edit(actor, event)
    site_visit = SiteVisit(event=event, name=name)
    with_actor(site_visit, actor).save()
    return site_visit


@transaction.atomic
def site_visit_remove(*, actor: Actor, site_visit: SiteVisit) -> None:
    require_edit(actor, site_visit.event)
    with_actor(site_visit, actor).delete()


@transaction.atomic
def event_links_add(
    *,
    actor: Actor,
    event: Event,
    organizers: Iterable[Institution] = (),
    institutions: Iterable[Institution] = (),
    countries: Iterable[State] = (),
) -> Event:
    """Name more organizers, institutions or states that took part in an event."""
    require_edit(actor, event)
    event.organizers.add(*organizers)
    event.institutions.add(*institutions)
    event.countries.add(*countries)
    with_actor(event, actor).save(update_fields=["updated_at"])
    return event


@transaction.atomic
def event_links_remove(
    *,
    actor: Actor,
    event: Event,
    organizers: Iterable[Institution] = (),
    institutions: Iterable[Institution] = (),
    countries: Iterable[State] = (),
) -> Event:
    """Take organizers, institutions or states off an event (a reviewer's rejection)."""
    require_edit(actor, event)
    event.organizers.remove(*organizers)
    event.institutions.remove(*institutions)
    event.countries.remove(*countries)
    with_actor(event, actor).save(update_fields=["updated_at"])
    return event
