"""The ingest app's tasks for the queue's workers (config/celery.py).

Each task is safe to run twice: Celery acknowledges a message only when its task ends
(CELERY_TASK_ACKS_LATE), so a killed worker's task is delivered again, and the services
it calls finish a job once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from ortak.core.errors import InputError
from ortak.core.fetch import FetchUnavailable
from ortak.core.retries import backoff
from ortak.ingest import services

logger = logging.getLogger(__name__)
# Failures that pass: a site that does not answer now, a database connection dropped.
PASSING = (FetchUnavailable, OperationalError, InterfaceError)
# A job queued this long has lost its message (longer than any wait between two tries).
LOST_AFTER = dt.timedelta(minutes=15)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)
def ingest_job_process(self, job_id: int) -> None:
    """Read the job's article into a draft; try again later after a passing failure."""
    try:
        services.ingest_job_run(job_id=job_id, worker=self.request.hostname or "")
    except PASSING as error:
        tries = self.request.retries
        if tries >= settings.ORTAK_TASK_MAX_RETRIES:
            services.ingest_job_fail(job_id=job_id, error=_coded(error))
            return
        _wait(job_id, error)
        raise self.retry(countdown=backoff(tries)) from error
    except Exception as error:  # a fault of Ortak's: the job says so, the log has the trace
        logger.exception("ingest job %s failed", job_id)
        services.ingest_job_fail(job_id=job_id, error=_unexpected(error))


@shared_task
def ingest_jobs_resend() -> int:
    """The scheduler's sweep: send again the jobs whose message was lost."""
    return services.ingest_jobs_resend(older_than=LOST_AFTER)


def _wait(job_id: int, error: Exception) -> None:
    # With the database away, the job stays as it is until the next try.
    with contextlib.suppress(OperationalError, InterfaceError):
        services.ingest_job_wait(job_id=job_id, error=_coded(error))


def _coded(error: Exception) -> InputError:
    if isinstance(error, InputError):
        return error
    return InputError(
        f"the database could not be reached ({error}); the article is kept, add it again",
        code="E111",
    )


def _unexpected(error: Exception) -> InputError:
    return InputError(
        f"the article could not be processed ({type(error).__name__}: {error}); it is kept; "
        "report this to the OTS secretariat",
        code="E109",
    )
