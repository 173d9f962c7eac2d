"""Activity plans: created, changed and removed by the OTS secretariat (E303)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from ortak.accounts.permissions import require_secretariat
from ortak.core.errors import ValidationError
from ortak.core.services import with_actor
from ortak.events.models import Event
from ortak.plans.models import ActivityPlan, Strategy


def _require_years(year_from: int, year_to: int) -> None:
    if not (1990 <= year_from <= year_to <= 2100):
        raise ValidationError(
            f"the plan's years {year_from}–{year_to} are not in order; "
            "give the first and the last year, e.g. 2022 and 2023",
            code="E250",
        )


@transaction.atomic
def plan_create(
    *,
    actor: Any,
    title: str,
    year_from: int,
    year_to: int | None = None,
    strategy: Strategy | None = None,
    adopted_at: Event | None = None,
    aliases: Sequence[str] = (),
    **fields: Any,
) -> ActivityPlan:
    """A new activity plan for one year or more, with the strategy and the adopting event."""
    require_secretariat(actor)
    year_to = year_to or year_from
    _require_years(year_from, year_to)
    plan = ActivityPlan(
        title=title.strip(),
        year_from=year_from,
        year_to=year_to,
        strategy=strategy,
        adopted_at=adopted_at,
        aliases=[a.strip() for a in aliases if a.strip()],
        **fields,
    )
    with_actor(plan, actor).save()
    return plan


@transaction.atomic
def plan_update(*, actor: Any, plan: ActivityPlan, **changes: Any) -> ActivityPlan:
    """Change a plan's title, years, strategy, adopting event or other names."""
    require_secretariat(actor)
    for name, value in changes.items():
        setattr(plan, name, value)
    _require_years(plan.year_from, plan.year_to)
    with_actor(plan, actor).save()
    return plan


@transaction.atomic
def plan_delete(*, actor: Any, plan: ActivityPlan) -> None:
    """Remove a plan with its measures and links (the events themselves stay)."""
    require_secretariat(actor)
    with_actor(plan, actor).delete()
