"""Measures of a plan, the decisions taken on them and the progress notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction

from ortak.accounts.permissions import editor_state_ids, is_secretariat, require_secretariat
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.core.services import with_actor
from ortak.events.models import Event, EventType, Source
from ortak.plans.due import DuePeriod
from ortak.plans.models import (
    ActivityPlan,
    DecisionKind,
    Measure,
    MeasureDecision,
    Progress,
)
from ortak.registry.models import Institution


def as_due(value: DuePeriod | str | None) -> DuePeriod | None:
    """Accept a DuePeriod or its text (`2022-Q4`); raise ortak.E204 on a wrong one."""
    if value is None or isinstance(value, DuePeriod):
        return value
    if not str(value).strip():
        return None
    try:
        return DuePeriod.parse(str(value))
    except ValueError as error:
        raise ValidationError(str(error), code="E204") from error


def _due_fields(due: DuePeriod | None) -> dict[str, Any]:
    if due is None:
        return {"due_date": None, "due_until": None}
    return {"due_date": due.start, "due_until": due.end, "due_precision": due.precision}


def _require_program(event_type: str) -> None:
    if event_type and event_type not in EventType.values:
        raise ValidationError(
            f"{event_type!r} is not an event type; use one of {', '.join(EventType.values)}",
            code="E213",
        )


@transaction.atomic
def measure_create(
    *,
    actor: Any,
    plan: ActivityPlan,
    title: str,
    responsible: Sequence[Institution],
    partners: Sequence[Institution] = (),
    due: DuePeriod | str | None = None,
    number: str = "",
    description: str = "",
    **fields: Any,
) -> Measure:
    """A measure of a plan; at least one responsible institution, each in the registry (E203).

    `fields` may give its program (`series` or `event_type`) and its `host` state.
    """
    require_secretariat(actor)
    _require_registered(responsible, partners)
    _require_program(fields.get("event_type", ""))
    measure = Measure(
        plan=plan,
        title=title,
        number=number,
        description=description,
        **_due_fields(as_due(due)),
        **fields,
    )
    with_actor(measure, actor).save()
    measure.responsible.set(responsible)
    measure.partners.set(partners)
    return measure


@transaction.atomic
def measure_update(
    *,
    actor: Any,
    measure: Measure,
    responsible: Iterable[Institution],
    partners: Iterable[Institution] = (),
    due: DuePeriod | str | None = None,
    **fields: Any,
) -> Measure:
    """Change a measure of a plan: the secretariat's (E303); a responsible body is needed."""
    require_secretariat(actor)
    responsible, partners = list(responsible), list(partners)
    _require_registered(responsible, partners)
    _require_program(fields.get("event_type", ""))
    for name, value in {**fields, **_due_fields(as_due(due))}.items():
        setattr(measure, name, value)
    with_actor(measure, actor).save()
    measure.responsible.set(responsible)
    measure.partners.set(partners)
    return measure


def _require_registered(
    responsible: Sequence[Institution], partners: Sequence[Institution]
) -> None:
    if not responsible:
        raise ValidationError("a measure needs a responsible institution", code="E203")
    for institution in (*responsible, *partners):
        if institution.pk is None or not Institution.objects.filter(pk=institution.pk).exists():
            raise ValidationError(
                f"“{institution}” is not in the registry; add the institution first",
                code="E203",
            )


def _require_reporter(actor: Any, measure: Measure) -> None:
    responsible_states = set(measure.responsible.values_list("state_id", flat=True))
    if not (is_secretariat(actor) or responsible_states & editor_state_ids(actor)):
        raise PermissionDenied(
            "only the secretariat or an editor of a responsible state may report on a measure",
            code="E304",
        )


@transaction.atomic
def measure_decide(
    *,
    actor: Any,
    measure: Measure,
    kind: str,
    reason: str,
    decided_on: dt.date,
    source: Source | None = None,
    source_reference: str = "",
) -> MeasureDecision:
    """Record that a measure was postponed or cancelled, why, and where that is written (E251)."""
    _require_reporter(actor, measure)
    if kind not in DecisionKind.values:
        raise ValidationError(
            f"{kind!r} is not a decision; use postponed or cancelled", code="E251"
        )
    if not reason.strip() or not (source or source_reference.strip()):
        raise ValidationError(
            "a decision needs its reason and its source (an article, minutes or a document)",
            code="E251",
        )
    decision = MeasureDecision(
        measure=measure,
        kind=kind,
        reason=reason.strip(),
        decided_on=decided_on,
        source=source,
        source_reference=source_reference.strip(),
        author=actor if getattr(actor, "is_authenticated", False) else None,
    )
    with_actor(decision, actor).save()
    return decision


@transaction.atomic
def progress_add(
    *,
    actor: Any,
    measure: Measure,
    date: dt.date,
    note: str = "",
    event: Event | None = None,
) -> Progress:
    """A progress note on a measure, by the secretariat or an editor of a responsible state.

    A note never sets the status; link the event that carried the measure out instead.
    """
    _require_reporter(actor, measure)
    progress = Progress(measure=measure, date=date, note=note, event=event, author=actor)
    with_actor(progress, actor).save()
    return progress
