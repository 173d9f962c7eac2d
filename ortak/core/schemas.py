"""Pieces every app's API schemas share: dates with their precision, references.

In core, so that each domain app's `api.py` builds on it without importing `ortak.api`.
"""

from typing import Any

from ninja import Schema


def partial_date(record: Any, prefix: str) -> str | None:
    """A dated field as ISO text of its precision: `2025`, `2025-06` or `2025-06-18`."""
    value = getattr(record, f"{prefix}_date", None)
    if value is None:
        return None
    precision = getattr(record, f"{prefix}_precision", "day")
    return {"year": f"{value:%Y}", "month": f"{value:%Y-%m}"}.get(precision, value.isoformat())


class Ref(Schema):
    """A link to another record: its id and canonical name."""

    id: int
    name: str


class StateRef(Schema):
    key: str
    name: str


def ref(record: Any) -> dict | None:
    if record is None:
        return None
    return {"id": record.pk, "name": getattr(record, "name", None) or str(record)}


def state_ref(state: Any) -> dict | None:
    return {"key": state.key, "name": state.name} if state is not None else None
