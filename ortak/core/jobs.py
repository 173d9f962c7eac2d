"""The life of a background job (ortak.core.models.BackgroundJob), one way for every kind.

The apps' services are the entry points (`ingest_job_run`, `report_job_run`): they check what
they must and call these helpers, which write the job's row under its lock. A job is worked
once whatever the queue delivers: a job found finished is left as it is, so a message given
again (a killed worker's, after the broker's visibility timeout) does nothing.

A job records the worker that took it. When a Celery worker starts, the jobs left running
under its name were cut short by its own stop (nobody else runs them), so they are sent again
at once (`on_worker_start`) instead of waiting for the broker to give their messages back.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from celery.signals import worker_ready
from django.db import connections, transaction
from django.utils import timezone

from ortak.core.errors import OrtakError
from ortak.core.models import BackgroundJob, JobStatus

logger = logging.getLogger(__name__)
Job = TypeVar("Job", bound=BackgroundJob)


@transaction.atomic
def job_start(model: type[Job], job_id: int, *, worker: str = "") -> Job | None:
    """The job taken by `worker` (its Celery hostname): running, one attempt more. None when
    the job is gone or already finished."""
    job = model._default_manager.select_for_update().filter(pk=job_id).first()
    if job is None or job.finished:
        return None
    job.status, job.started_at, job.worker = JobStatus.RUNNING, timezone.now(), worker
    job.attempts += 1
    job.save(update_fields=["status", "started_at", "worker", "attempts", "updated_at"])
    return job


def job_finish(job: Job, status: str, *, error: OrtakError | None = None) -> Job:
    """End a job locked by the caller (done, or failed with the coded error), saving with it
    what the caller set on it (the draft, the file)."""
    job.status, job.finished_at = status, timezone.now()
    job.error_code = error.code if error else ""
    job.error_message = error.message if error else ""
    job.save()
    return job


def job_fail(model: type[Job], job_id: int, *, error: OrtakError) -> Job:
    """The job ends with the coded error, unless it is finished already."""
    with transaction.atomic():
        job = model._default_manager.select_for_update().get(pk=job_id)
        if job.finished:
            return job
        return job_finish(job, JobStatus.FAILED, error=error)


def job_wait(model: type[Job], job_id: int, *, error: OrtakError) -> None:
    """A running job goes back to the queue after a passing failure, saying why."""
    model._default_manager.filter(pk=job_id, status=JobStatus.RUNNING).update(
        status=JobStatus.QUEUED,
        error_code=error.code,
        error_message=error.message,
        updated_at=timezone.now(),
    )


def jobs_waiting(model: type[BackgroundJob], *, older_than: dt.timedelta) -> list[int]:
    """The jobs queued for longer than `older_than`: their message was likely lost."""
    return list(
        model._default_manager.filter(
            status=JobStatus.QUEUED, updated_at__lt=timezone.now() - older_than
        ).values_list("pk", flat=True)
    )


def jobs_left_by(model: type[BackgroundJob], *, worker: str) -> list[int]:
    """The jobs still running under the name of `worker`, which is starting: its previous run
    stopped in their middle."""
    if not worker:
        return []
    running = model._default_manager.filter(status=JobStatus.RUNNING, worker=worker)
    return list(running.values_list("pk", flat=True))


def on_worker_start(take_back: Callable[..., int], *, dispatch_uid: str) -> None:
    """Call `take_back(worker=name)` in every Celery worker as it becomes ready; for the apps'
    `ready()`, each with its own kind of job."""

    def receiver(sender: Any = None, **kwargs: Any) -> None:
        worker = getattr(sender, "hostname", None) or ""
        try:
            taken = take_back(worker=worker)
        except Exception:  # the worker still serves; the broker gives the messages back later
            logger.exception("%s could not take back the jobs it left running", worker)
            return
        finally:
            _close_connections()
        if taken:
            logger.warning("%s took back %s jobs it left running when stopped", worker, taken)

    worker_ready.connect(receiver, weak=False, dispatch_uid=dispatch_uid)


def _close_connections() -> None:
    """The worker's main process runs no task: it keeps no idle connection to the database
    (one inside a transaction, as in a test, is its caller's to close)."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()
