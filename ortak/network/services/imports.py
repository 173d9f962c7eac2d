"""Bulk imports: plan every row, refuse a file with invalid rows, write the new ones.

Each record is written through its app's service, as the "import" system actor on behalf of
the user who started it, so the history names both. An import is one transaction: a file is
imported whole or not at all. A row that names a record Ortak has changes nothing, so the
same file imported twice writes nothing the second time.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ortak.accounts.permissions import can_edit
from ortak.core.actors import Actor, SystemActor, acting_user
from ortak.core.errors import ValidationError
from ortak.network.imports import organizations
from ortak.network.imports.report import (
    DUPLICATE,
    INVALID,
    NEW,
    ImportReport,
    Problem,
    RowReport,
    plan_rows,
)
from ortak.network.imports.table import Row
from ortak.registry.models import DiasporaOrganization
from ortak.registry.services import organization_create


class ImportRefused(ValidationError):
    """A file with invalid rows, and no leave to skip them; `report` says which and why."""

    code = "E228"

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        lines = ", ".join(str(row.line) for row in report.invalid[:10])
        super().__init__(
            f"nothing was imported: {len(report.invalid)} rows are invalid (lines {lines}); "
            "fix them, or skip them explicitly (--skip-invalid)"
        )


def import_actor(actor: Actor) -> SystemActor:
    """The import acting for whoever started it."""
    return SystemActor("import", on_behalf_of=acting_user(actor))


@transaction.atomic
def organizations_import(
    *, actor: Actor, rows: list[Row], dry_run: bool = False, skip_invalid: bool = False
) -> ImportReport:
    """Import diaspora organizations: the report of every row, and the new ones written
    unless `dry_run`. Raises ImportRefused when a row is invalid and not `skip_invalid`."""
    report = ImportReport(
        "organizations",
        plan_rows(organizations.PLAN, rows),
        dry_run=dry_run,
        skipped_invalid=skip_invalid,
    )
    system = import_actor(actor)
    for row in report.rows:
        if row.record is not None:
            _check_right(system, row, DiasporaOrganization(**row.record.model_fields()))
    if dry_run:
        return report
    if report.invalid and not skip_invalid:
        raise ImportRefused(report)
    made: dict[int, int] = {}
    for row in report.rows:
        if row.status == NEW and row.record is not None:
            created = organization_create(actor=system, **row.record.model_fields())
            row.written_id = made[row.line] = created.pk
    for row in report.rows:
        if row.status == DUPLICATE and row.duplicate_of is not None:
            row.written_id = made.get(row.duplicate_of)
    report.written = True
    return report


def _check_right(actor: SystemActor, row: RowReport, record: object) -> None:
    """A new row the actor may not add is invalid: its community is another state's."""
    if row.status != NEW or can_edit(actor, record):
        return
    row.status = INVALID
    row.problems.append(
        Problem(
            "community",
            "you may add records of your own state's community only; "
            "ask its editors or the OTS secretariat",
        )
    )


@transaction.atomic
def experts_import(
    *, actor: Actor, rows: list[Row], dry_run: bool = False, skip_invalid: bool = False
) -> ImportReport:
    """Import experts whose consent the institution recorded (the `consent` column), listed at
    once as its editors moderate their own community's experts. Like organizations_import."""
    from ortak.network.imports import experts
    from ortak.network.models import Expert
    from ortak.network.services.experts import expert_add

    report = ImportReport(
        "experts", plan_rows(experts.PLAN, rows), dry_run=dry_run, skipped_invalid=skip_invalid
    )
    system, version = import_actor(actor), f"import {timezone.localdate().isoformat()}"
    for row in report.rows:
        if row.record is not None:
            _check_right(system, row, Expert(community_state=row.record[0].community_state))
    if dry_run:
        return report
    if report.invalid and not skip_invalid:
        raise ImportRefused(report)
    for row in report.rows:
        if row.status == NEW and row.record is not None:
            profile, scopes = row.record
            made = expert_add(actor=system, profile=profile, scopes=scopes, consent_version=version)
            row.written_id = made.pk
    report.written = True
    return report


def importer_for(kind: str):
    """The import service of `kind` ("organizations" or "experts")."""
    if kind == "experts":
        return experts_import
    if kind == "organizations":
        return organizations_import
    raise ValidationError(f"Ortak imports organizations or experts, not {kind!r}", code="E229")
