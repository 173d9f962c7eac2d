"""Writes the workspace needs that the domain apps' services do not offer yet.

Each follows the domain services' rules: keyword-only arguments, a permission check from
ortak.accounts.permissions before anything changes, inside a transaction, the actor kept
in the record's history. They belong in registry/events/plans services and should move
there; until then the workspace's views call these and never write models themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from ortak.accounts.permissions import (
    can_review,
    editor_state_ids,
    is_secretariat,
    require_edit,
    require_secretariat,
)
from ortak.core.dates import PartialDate
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.core.services import as_partial_date, date_fields, require_dates_in_order, with_actor
from ortak.events.models import Event, Outcome, Participation, SiteVisit
from ortak.plans.models import Measure
from ortak.registry.models import (
    DiasporaOrganization,
    Institution,
    Person,
    PersonAlias,
    Position,
    State,
)
from ortak.registry.services import institution_add_name, person_add_alias


def require_contributor(actor: Any) -> None:
    """Adding articles makes draft records: editors, reviewers and the secretariat (E305)."""
    if not (is_secretariat(actor) or can_review(actor) or editor_state_ids(actor)):
        raise PermissionDenied(
            "adding articles needs the editor or reviewer role, or the OTS secretariat",
            code="E305",
        )


def article_submit(*, actor: Any, article: Any) -> Any:
    """Ingest an article as drafts for review, for a user allowed to add articles."""
    require_contributor(actor)
    # Imported here: the extraction pipeline is heavy and only this page needs it.
    from ortak.ingest.services import article_ingest

    return article_ingest(actor=actor, article=article, publish=False)


def _save_checked(actor: Any, record: Any, changes: dict[str, Any]) -> None:
    """Apply `changes` when the actor may edit the record both before and after them.

    Checking twice stops an editor from moving a record into, or out of, another state.
    """
    require_edit(actor, record)
    for name, value in changes.items():
        setattr(record, name, value)
    require_edit(actor, record)
    with_actor(record, actor).save()


@transaction.atomic
def person_update(
    *,
    actor: Any,
    person: Person,
    name: str,
    state: State | None,
    names: dict[str, str],
    aliases: Iterable[str] = (),
) -> Person:
    """Rename a person or move them to a state; every name stays a spelling to match."""
    _save_checked(actor, person, {"name": name, "state": state, "names": names})
    for text in (name, *names.values(), *aliases):
        person_add_alias(person=person, text=text)
    return person


@transaction.atomic
def person_alias_add(*, actor: Any, person: Person, text: str) -> PersonAlias | None:
    """One more spelling of a person's name (in any script)."""
    require_edit(actor, person)
    alias = person_add_alias(person=person, text=text)
    with_actor(person, actor).save(update_fields=["updated_at"])
    return alias


@transaction.atomic
def person_alias_remove(*, actor: Any, alias: PersonAlias) -> None:
    """Drop a wrong spelling; the person's own name stays (E207)."""
    person = alias.person
    require_edit(actor, person)
    if alias.text == person.name:
        raise ValidationError("the person's own name stays among the aliases", code="E207")
    alias.delete()
    with_actor(person, actor).save(update_fields=["updated_at"])


@transaction.atomic
def position_update(
    *,
    actor: Any,
    position: Position,
    title: str,
    start: PartialDate | str | None,
    end: PartialDate | str | None,
) -> Position:
    """Change a position's title or dates, e.g. to end it; dates in order (E201)."""
    start, end = as_partial_date(start), as_partial_date(end)
    require_dates_in_order(start, end, "position")
    changes = {"title": title, **date_fields("start", start), **date_fields("end", end)}
    _save_checked(actor, position, changes)
    return position


@transaction.atomic
def position_remove(*, actor: Any, position: Position) -> None:
    """Remove a position entered by mistake (to end one, give it an end date instead)."""
    require_edit(actor, position)
    with_actor(position, actor).delete()


@transaction.atomic
def institution_update(
    *,
    actor: Any,
    institution: Institution,
    names: dict[str, str],
    **fields: Any,
) -> Institution:
    """Change an institution; a new name is kept in its names over time."""
    international = institution.state_id is None or fields.get("state", True) is None
    if international:  # international bodies are the secretariat's, as on creation
        require_secretariat(actor)
    _save_checked(actor, institution, {**fields, "names": names})
    institution_add_name(
        institution=institution, text=institution.name, language="en", kind="official"
    )
    for language, text in names.items():
        institution_add_name(
            institution=institution, text=text, language=language, kind="translation"
        )
    return institution


@transaction.atomic
def organization_create(*, actor: Any, **fields: Any) -> DiasporaOrganization:
    """A new diaspora organization, by the secretariat or an editor of its community's state."""
    organization = DiasporaOrganization(**fields)
    require_edit(actor, organization)
    organization.full_clean()
    with_actor(organization, actor).save()
    return organization


@transaction.atomic
def event_update(
    *,
    actor: Any,
    event: Event,
    start: PartialDate | str | None,
    end: PartialDate | str | None,
    organizers: Iterable[Institution] = (),
    countries: Iterable[State] = (),
    **fields: Any,
) -> Event:
    """Change an event; dates in order (E201), within the actor's states."""
    start, end = as_partial_date(start), as_partial_date(end)
    require_dates_in_order(start, end, "event")
    changes = {**fields, **date_fields("start", start), **date_fields("end", end)}
    require_edit(actor, event)
    for name, value in changes.items():
        setattr(event, name, value)
    require_edit(actor, event)
    event.full_clean(exclude=["series", "number"] if not event.series_id else None)
    with_actor(event, actor).save()
    event.organizers.set(organizers)
    event.countries.set(countries)
    return event


def participation_remove(*, actor: Any, participation: Participation) -> None:
    require_edit(actor, participation.event)
    with_actor(participation, actor).delete()


def outcome_remove(*, actor: Any, outcome: Outcome) -> None:
    require_edit(actor, outcome.event)
    outcome.delete()


def site_visit_remove(*, actor: Any, site_visit: SiteVisit) -> None:
    require_edit(actor, site_visit.event)
    site_visit.delete()


@transaction.atomic
def measure_update(
    *,
    actor: Any,
    measure: Measure,
    responsible: Iterable[Institution],
    partners: Iterable[Institution] = (),
    due: PartialDate | str | None = None,
    **fields: Any,
) -> Measure:
    """Change a measure of a plan: the secretariat's (E303); a responsible body is needed."""
    require_secretariat(actor)
    responsible = list(responsible)
    if not responsible:
        raise ValidationError("a measure needs a responsible institution", code="E203")
    for name, value in {**fields, **date_fields("due", as_partial_date(due))}.items():
        setattr(measure, name, value)
    with_actor(measure, actor).save()
    measure.responsible.set(responsible)
    measure.partners.set(partners)
    return measure
