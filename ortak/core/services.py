"""Helpers every app's services share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models

from ortak.core.actors import Actor, SystemActor, acting_user
from ortak.core.dates import PartialDate
from ortak.core.errors import ValidationError


def with_actor(record: models.Model, actor: Actor) -> models.Model:
    """Record who made the next save in the record's history (django-simple-history).

    A system process is kept as the reason ("ingest, on behalf of editor") beside the user
    it acts for.
    """
    user = acting_user(actor)
    if user is not None:
        record._history_user = user  # type: ignore[attr-defined]
    if isinstance(actor, SystemActor) and not getattr(record, "_change_reason", None):
        record._change_reason = str(actor)  # type: ignore[attr-defined]
    return record


def save_checked(
    actor: Actor,
    record: models.Model,
    changes: dict[str, Any],
    *,
    check: Callable[[Actor, Any], None],
) -> None:
    """Apply `changes` when `check` passes for the record both before and after them.

    Checking twice stops an editor from moving a record into, or out of, another state.
    """
    check(actor, record)
    for name, value in changes.items():
        setattr(record, name, value)
    check(actor, record)
    with_actor(record, actor).save()


def date_fields(prefix: str, value: PartialDate | None) -> dict[str, Any]:
    """`{prefix}_date` and `{prefix}_precision` model fields from a partial date."""
    if value is None:
        return {f"{prefix}_date": None}
    return {f"{prefix}_date": value.date, f"{prefix}_precision": value.precision}


def require_dates_in_order(start: PartialDate | None, end: PartialDate | None, what: str) -> None:
    """Raise ortak.E201 when `end` comes before `start`."""
    if start and end and end.last_day() < start.date:
        raise ValidationError(
            f"the {what} ends ({end}) before it starts ({start}); check the two dates",
            code="E201",
        )


def as_partial_date(value: PartialDate | str | None) -> PartialDate | None:
    """Accept a PartialDate or its ISO text (`2019-05`); raise ortak.E204 on a wrong date."""
    if value is None or isinstance(value, PartialDate):
        return value
    try:
        return PartialDate.parse(value)
    except ValueError as error:
        message = f"{error}; write it as 2024, 2024-11 or 2024-11-18"
        raise ValidationError(message, code="E204") from error
