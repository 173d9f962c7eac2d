"""What every app's API shares: checked parameter types, error answers, dates, references.

Parameters are checked at the edge, and the checks are in the OpenAPI schema: a value out
of range, too long or holding a NUL byte is answered 422 (NUL bytes anywhere in the address
400, by ortak.core.middleware) before any query runs, never a 500.
"""

from __future__ import annotations

from typing import Annotated, Any, overload

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination
from pydantic import StringConstraints

# The largest id a record can have (a 64-bit primary key, on SQLite and PostgreSQL alike).
MAX_ID = 2**63 - 1
# No NUL byte: PostgreSQL cannot store or compare text holding one.
NUL_FREE = r"^[^\x00]*$"

FilterText = Annotated[str, StringConstraints(max_length=100, pattern=NUL_FREE)]
RecordKey = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[^\x00/]+$")]
RecordId = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=1, le=9999)]


class ErrorOut(Schema):
    """An answer other than 200 and 422: what went wrong, in a sentence."""

    detail: str


class ValidationErrorOut(Schema):
    """A 422 answer: one entry per parameter that was refused, with where and why."""

    detail: list[dict[str, Any]]


# The answers every operation may give besides 200: a NUL byte in the address (400), a
# parameter out of range (422).
ERRORS: dict[int, Any] = {400: ErrorOut, 422: ValidationErrorOut}
# ... and a record that is not there (or not published), for the operations on one record.
RECORD_ERRORS: dict[int, Any] = {**ERRORS, 404: ErrorOut}


class Pages(PageNumberPagination):
    """`?page=N` from 1 to 100,000, `?page_size=` up to 100; past the end, an empty page."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=100_000)
        page_size: int | None = Field(None, ge=1, le=100)


def partial_date(record: Any, prefix: str) -> str | None:
    """A dated field as ISO text of its precision: `2025`, `2025-06` or `2025-06-18`."""
    value = getattr(record, f"{prefix}_date", None)
    if value is None:
        return None
    precision = getattr(record, f"{prefix}_precision", "day")
    return {"year": f"{value:%Y}", "month": f"{value:%Y-%m}"}.get(precision, str(value.isoformat()))


class Ref(Schema):
    """A link to another record: its id and canonical name."""

    id: int
    name: str


class StateRef(Schema):
    key: str
    name: str


@overload
def ref(record: None) -> None: ...
@overload
def ref(record: Any) -> dict[str, Any]: ...
def ref(record: Any) -> dict[str, Any] | None:
    """`{id, name}` of a record, None for none."""
    if record is None:
        return None
    return {"id": record.pk, "name": getattr(record, "name", None) or str(record)}


@overload
def state_ref(state: None) -> None: ...
@overload
def state_ref(state: Any) -> dict[str, Any]: ...
def state_ref(state: Any) -> dict[str, Any] | None:
    """`{key, name}` of a state, None for none."""
    return {"key": state.key, "name": state.name} if state is not None else None
