"""Implementation reports made by the task queue: asked for on the plan's page, made by a
worker (ortak.plans.tasks.plan_report_make), kept in a ReportJob to be downloaded.

A report is reused rather than made again when one for the same plan, format and language
was asked for today, less than `FRESH` ago, and the plan's recorded history (the plan, its
measures and decisions, its links and the linked events) has not changed since. Today only,
because a measure's status and the report's "as of" date follow the day; the window bounds
what the history does not record (an institution renamed in the registry).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from ortak.core import jobs
from ortak.core.actors import Actor, acting_user
from ortak.core.errors import OrtakError, ValidationError
from ortak.plans import reports, selectors
from ortak.plans.models import ActivityPlan, ReportJob, ReportJobStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)
FRESH = dt.timedelta(hours=1)
# A report still waiting after this long has likely lost its message: asking again makes
# a new one rather than waiting on it.
WAITING_AT_MOST = dt.timedelta(minutes=5)
# Reports older than this are deleted by the scheduler (files kept in the database).
KEPT = dt.timedelta(days=2)


def report_job_request(
    *, actor: Actor, plan: ActivityPlan, file_format: str, language: str
) -> ReportJob:
    """The report of a published plan, as anyone may download it: a fresh one made before,
    one being made, or a new job handed to the task queue once it is saved (E254 for a
    format or language Ortak has no report in, E255 for a plan not published)."""
    if file_format not in reports.FORMATS or language not in dict(settings.LANGUAGES):
        raise ValidationError(
            f"there is no {file_format!r} report in {language!r}; ask for xlsx or pdf in "
            "one of the interface's languages",
            code="E254",
        )
    if not plan.is_published:
        raise ValidationError("the plan is not published; it has no report yet", code="E255")
    changed = selectors.plan_changed_at(plan_id=plan.pk)
    job = _reusable(plan, file_format, language, changed)
    if job is not None:
        return job
    job = ReportJob.objects.create(
        plan=plan,
        file_format=file_format,
        language=language,
        plan_changed_at=changed,
        requested_by=cast("User | None", acting_user(actor)),
    )
    transaction.on_commit(lambda: report_job_send(job_id=job.pk))
    return job


def _reusable(
    plan: ActivityPlan, file_format: str, language: str, changed: dt.datetime | None
) -> ReportJob | None:
    now = timezone.now()
    midnight = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))
    same = ReportJob.objects.filter(
        plan=plan,
        file_format=file_format,
        language=language,
        plan_changed_at=changed,
        created_at__gte=max(midnight, now - FRESH),
    ).order_by("-created_at")
    done = same.filter(status=ReportJobStatus.DONE).first()
    waiting = same.filter(
        status__in=[ReportJobStatus.QUEUED, ReportJobStatus.RUNNING],
        created_at__gte=now - WAITING_AT_MOST,
    ).first()
    return done or waiting


def report_job_send(*, job_id: int) -> bool:
    """Put the job on the task queue; a broker that cannot be reached leaves it queued (the
    next request after WAITING_AT_MOST makes another)."""
    from ortak.plans.tasks import plan_report_make  # the task module imports this one

    try:
        plan_report_make.delay(job_id)
    except Exception:  # the broker's errors vary with the transport; the job is kept
        logger.exception("report job %s kept, the task queue could not be reached", job_id)
        return False
    return True


def report_jobs_take_back(*, worker: str) -> int:
    """Send again, as `worker` starts, the reports it left half made when it was stopped;
    the broker would give their messages back only after its visibility timeout. How many."""
    left = jobs.jobs_left_by(ReportJob, worker=worker)
    return sum(report_job_send(job_id=job_id) for job_id in left)


def report_job_run(*, job_id: int, worker: str = "") -> ReportJob | None:
    """Make the job's report, once, in `worker` (the Celery hostname): a job already
    finished is left as it is (None)."""
    job = jobs.job_start(ReportJob, job_id, worker=worker)
    if job is None:
        return None
    try:
        plan = selectors.plan_get(pk=job.plan_id, as_of=timezone.localdate())
    except Http404:
        error = ValidationError("the plan is no longer published; no report", code="E255")
        return report_job_fail(job_id=job_id, error=error)
    data = reports.render(plan, file_format=job.file_format, language=job.language)
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().get(pk=job_id)
        if job.finished:
            return job
        job.data, job.file_name = data, reports.file_name(plan, job.file_format, job.language)
        return jobs.job_finish(job, ReportJobStatus.DONE)


def report_job_fail(*, job_id: int, error: OrtakError) -> ReportJob:
    """The job ends with the coded error."""
    return jobs.job_fail(ReportJob, job_id, error=error)


def report_jobs_prune(*, older_than: dt.timedelta = KEPT) -> int:
    """Delete the report jobs (and their files) asked for longer ago than `older_than`: none
    of them would be reused, and their pages are only visited while waiting. How many."""
    deleted, _by_model = ReportJob.objects.filter(
        created_at__lt=timezone.now() - older_than
    ).delete()
    return deleted
