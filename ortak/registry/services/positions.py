"""Every write to positions: a person's title at an institution over time."""

from __future__ import annotations

from django.db import transaction

from ortak.accounts.permissions import require_edit
from ortak.core.actors import Actor
from ortak.core.dates import PartialDate
from ortak.core.services import (
    as_partial_date,
    date_fields,
    require_dates_in_order,
    save_checked,
    with_actor,
)
from ortak.registry.models import Institution, Person, Position


@transaction.atomic
def position_create(
    *,
    actor: Actor,
    person: Person,
    institution: Institution,
    title: str,
    start: PartialDate | str | None = None,
    end: PartialDate | str | None = None,
) -> Position:
    """A person's title at an institution; the end may not come before the start (E201)."""
    start, end = as_partial_date(start), as_partial_date(end)
    require_dates_in_order(start, end, "position")
    position = Position(
        person=person,
        institution=institution,
        title=title,
        **date_fields("start", start),
        **date_fields("end", end),
    )
    require_edit(actor, position)
    with_actor(position, actor).save()
    return position


@transaction.atomic
def position_update(
    *,
    actor: Actor,
    position: Position,
    title: str,
    start: PartialDate | str | None,
    end: PartialDate | str | None,
) -> Position:
    """Change a position's title or dates, e.g. to end it; dates in order (E201)."""
    start, end = as_partial_date(start), as_partial_date(end)
    require_dates_in_order(start, end, "position")
    changes = {"title": title, **date_fields("start", start), **date_fields("end", end)}
    save_checked(actor, position, changes, check=require_edit)
    return position


@transaction.atomic
def position_remove(*, actor: Actor, position: Position) -> None:
    """Remove a position entered by mistake (to end one, give it an end date instead)."""
    require_edit(actor, position)
    with_actor(position, actor).delete()
