"""Every write to plans: strategies, activity plans, measures and their progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from ortak.accounts.permissions import editor_state_ids, is_secretariat, require_secretariat
from ortak.core.dates import PartialDate
from ortak.core.errors import PermissionDenied, ValidationError
from ortak.core.services import as_partial_date, date_fields, with_actor
from ortak.events.models import Event
from ortak.plans.models import ActivityPlan, Measure, MeasureStatus, Progress
from ortak.registry.models import Institution


@transaction.atomic
def measure_create(
    *,
    actor: Any,
    plan: ActivityPlan,
    title: str,
    responsible: Sequence[Institution],
    partners: Sequence[Institution] = (),
    due: PartialDate | str | None = None,
    number: str = "",
    description: str = "",
    status: str = MeasureStatus.PLANNED,
) -> Measure:
    """A measure of a plan; at least one responsible institution, each in the registry (E203)."""
    require_secretariat(actor)
    _require_registered(responsible, partners)
    measure = Measure(
        plan=plan,
        title=title,
        number=number,
        description=description,
        status=status,
        **date_fields("due", as_partial_date(due)),
    )
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


@transaction.atomic
def progress_add(
    *,
    actor: Any,
    measure: Measure,
    date: dt.date,
    note: str = "",
    event: Event | None = None,
    status: str | None = None,
) -> Progress:
    """Progress on a measure, by the secretariat or an editor of a responsible state."""
    responsible_states = set(measure.responsible.values_list("state_id", flat=True))
    if not (is_secretariat(actor) or responsible_states & editor_state_ids(actor)):
        raise PermissionDenied(
            "only the secretariat or an editor of a responsible state may report progress",
            code="E304",
        )
    progress = Progress(measure=measure, date=date, note=note, event=event, author=actor)
    with_actor(progress, actor).save()
    if status and status != measure.status:
        measure.status = status
        with_actor(measure, actor).save(update_fields=["status", "updated_at"])
    return progress
