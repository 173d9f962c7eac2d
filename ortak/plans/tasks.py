"""The plans app's tasks for the queue's workers (config/celery.py): the weekly digest and
the implementation reports asked for on a plan's page.

Both are safe to run twice (a killed worker's task is delivered again, CELERY_TASK_ACKS_LATE):
a digest is recorded per user and week in the transaction that sends it, and a report job
already finished is left as it is.
"""

from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from ortak.core.errors import ValidationError
from ortak.core.retries import backoff
from ortak.plans.schedule import DIGEST_TASK
from ortak.plans.services import report_jobs
from ortak.plans.services.digest import digest_send

logger = logging.getLogger(__name__)
DATABASE_AWAY = (OperationalError, InterfaceError)


@shared_task(
    name=DIGEST_TASK, bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None
)
def plan_digest_send(self, today: str | None = None, language: str = "en") -> int:
    """Send this week's digests not sent yet; the e-mails that failed are tried again later
    (the week is kept, so a retry after Sunday still sends the same week's digest)."""
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    run = digest_send(today=day, language=language)
    if not run.failed:
        return run.sent
    tries = self.request.retries
    if tries >= settings.ORTAK_TASK_MAX_RETRIES:
        logger.error("plan digest of %s not sent to %s", run.period, ", ".join(run.failed))
        return run.sent
    raise self.retry(args=[day.isoformat(), language], countdown=backoff(tries))


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)
def plan_report_make(self, job_id: int) -> None:
    """Make the report a job asks for; try again later when the database was away."""
    try:
        report_jobs.report_job_run(job_id=job_id, worker=self.request.hostname or "")
    except DATABASE_AWAY as error:
        tries = self.request.retries
        if tries >= settings.ORTAK_TASK_MAX_RETRIES:
            report_jobs.report_job_fail(job_id=job_id, error=_failed(error))
            return
        raise self.retry(countdown=backoff(tries)) from error
    except Exception as error:  # a fault of Ortak's: the job says so, the log has the trace
        logger.exception("report job %s failed", job_id)
        report_jobs.report_job_fail(job_id=job_id, error=_failed(error))


@shared_task
def report_jobs_prune() -> int:
    """The scheduler's daily sweep of the old reports."""
    return report_jobs.report_jobs_prune()


def _failed(error: Exception) -> ValidationError:
    return ValidationError(
        f"the report could not be made ({type(error).__name__}: {error}); ask for it again "
        "later, or report this to the OTS secretariat",
        code="E256",
    )
