"""Reads of the ingest app's records."""

from __future__ import annotations

from ortak.accounts.permissions import is_secretariat
from ortak.core.actors import Actor, acting_user
from ortak.ingest.models import IngestJob


def ingest_job_get(*, actor: Actor, pk: int) -> IngestJob | None:
    """A job, for the user who gave its article or the OTS secretariat; None for others."""
    job = IngestJob.objects.select_related("review").filter(pk=pk).first()
    if job is None:
        return None
    user = acting_user(actor)
    mine = user is not None and job.submitted_by_id == user.pk
    return job if mine or is_secretariat(actor) else None
