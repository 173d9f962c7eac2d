"""Helpers every app's services share."""

from __future__ import annotations

from typing import Any

from django.db import models

from ortak.core.dates import PartialDate
from ortak.core.errors import ValidationError


def with_actor(record: models.Model, actor: Any) -> models.Model:
    """Record who made the next save in the record's history (django-simple-history)."""
    if actor is not None and getattr(actor, "is_authenticated", False):
        record._history_user = actor  # type: ignore[attr-defined]  # read by simple-history
    return record


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
