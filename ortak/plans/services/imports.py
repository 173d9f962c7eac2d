"""A plan and its measures from a table: every row checked first, nothing written unless
every row is valid."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from ortak.accounts.permissions import require_secretariat
from ortak.plans.importing import MeasureRow, Problem, check_rows
from ortak.plans.models import ActivityPlan
from ortak.plans.services.measures import measure_create
from ortak.plans.services.plans import plan_create


@dataclass
class ImportResult:
    """What an import made (or, in a dry run, would make) and every problem found."""

    rows: list[MeasureRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    plan: ActivityPlan | None = None
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@transaction.atomic
def plan_import(
    *,
    actor: Any,
    rows: list[dict[str, str]],
    title: str,
    year_from: int,
    year_to: int | None = None,
    dry_run: bool = False,
    **plan_fields: Any,
) -> ImportResult:
    """Create a plan with a measure per row (the secretariat's, E303); with `dry_run`, or when
    any row has a problem, nothing is written and the result lists what would be made."""
    require_secretariat(actor)
    checked, problems = check_rows(rows)
    result = ImportResult(rows=checked, problems=problems, dry_run=dry_run)
    if problems or dry_run:
        return result
    plan = plan_create(
        actor=actor, title=title, year_from=year_from, year_to=year_to, **plan_fields
    )
    for row in checked:
        measure_create(
            actor=actor,
            plan=plan,
            title=row.title,
            number=row.number,
            responsible=row.responsible,
            partners=row.partners,
            due=row.due,
            series=row.series,
            event_type=row.event_type,
            host=row.host,
        )
    result.plan = plan
    return result
