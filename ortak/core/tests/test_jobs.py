"""The life of a background job, the same for every kind (ortak.core.jobs): each test runs on
an ingest job and on a report job."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ortak.accounts.tests.factories import editor_of
from ortak.core import jobs
from ortak.core.errors import InputError
from ortak.core.models import BackgroundJob, JobStatus
from ortak.ingest.inputs import ArticleInput
from ortak.ingest.models import IngestJob, IngestJobStatus
from ortak.ingest.services import ingest_job_create
from ortak.plans.models import ReportJob, ReportJobStatus
from ortak.portal.tests.factories import ActivityPlanFactory
from ortak.registry.tests.factories import StateFactory

pytestmark = pytest.mark.django_db
PASSING = InputError("the site did not answer; tried again later", code="E106")
FAULT = InputError("the article could not be processed", code="E109")


def _ingest_job(number: int = 0) -> IngestJob:
    """As the workspace saves it; its message waits for a commit that never comes."""
    editor = editor_of(StateFactory())
    return ingest_job_create(actor=editor, given=ArticleInput(text=f"Article {number}."))


def _report_job(number: int = 0) -> ReportJob:
    return ReportJob.objects.create(plan=ActivityPlanFactory(), file_format="pdf", language="en")


KINDS = pytest.mark.parametrize("make", [_ingest_job, _report_job], ids=["ingest", "report"])


def _fresh(job: BackgroundJob) -> BackgroundJob:
    job.refresh_from_db()
    return job


@pytest.mark.parametrize("statuses", [IngestJobStatus, ReportJobStatus])
def test_every_kind_of_job_keeps_the_states_of_a_background_job(statuses):
    assert sorted(statuses.values) == sorted(JobStatus.values)


@KINDS
def test_a_job_taken_by_a_worker_runs_under_its_name_one_attempt_more(make):
    job = make()
    taken = jobs.job_start(type(job), job.pk, worker="first@host")
    assert taken is not None and taken.started_at is not None
    assert (taken.status, taken.attempts, taken.worker) == (JobStatus.RUNNING, 1, "first@host")

    again = jobs.job_start(type(job), job.pk, worker="second@host")
    assert again is not None and (again.attempts, again.worker) == (2, "second@host")


@KINDS
def test_a_finished_job_is_neither_started_failed_nor_put_back(make):
    made = make()
    job = jobs.job_start(type(made), made.pk, worker="first@host")
    assert job is not None
    jobs.job_finish(job, JobStatus.DONE)

    assert jobs.job_start(type(job), job.pk, worker="second@host") is None
    assert jobs.job_fail(type(job), job.pk, error=FAULT).status == JobStatus.DONE
    jobs.job_wait(type(job), job.pk, error=PASSING)
    job = _fresh(job)
    assert (job.status, job.attempts, job.worker, job.error_code) == (
        JobStatus.DONE, 1, "first@host", "",
    )  # fmt: skip
    assert job.finished and job.finished_at is not None


@KINDS
def test_a_job_fails_once_with_its_coded_error(make):
    job = make()
    jobs.job_start(type(job), job.pk, worker="first@host")
    failed = jobs.job_fail(type(job), job.pk, error=FAULT)
    jobs.job_fail(type(job), job.pk, error=PASSING)

    job = _fresh(job)
    assert (failed.status, job.status, job.error_code) == (JobStatus.FAILED, "failed", "E109")
    assert job.error_message == FAULT.message and job.finished_at is not None


@KINDS
def test_a_passing_failure_puts_the_running_job_back_in_the_queue_saying_why(make):
    job = make()
    jobs.job_start(type(job), job.pk, worker="first@host")
    jobs.job_wait(type(job), job.pk, error=PASSING)

    job = _fresh(job)
    assert (job.status, job.error_code, job.attempts) == (JobStatus.QUEUED, "E106", 1)
    assert not job.finished


@KINDS
def test_a_starting_worker_finds_only_the_jobs_it_left_running(make):
    mine, other, done, queued = (make(number) for number in range(4))
    model = type(mine)
    for job, worker in ((mine, "first@host"), (other, "second@host"), (done, "first@host")):
        jobs.job_start(model, job.pk, worker=worker)
    jobs.job_finish(_fresh(done), JobStatus.DONE)

    assert jobs.jobs_left_by(model, worker="first@host") == [mine.pk]
    assert jobs.jobs_left_by(model, worker="") == []
    assert queued.pk not in jobs.jobs_left_by(model, worker="second@host")


@KINDS
def test_only_the_jobs_queued_too_long_count_as_lost(make):
    lost, running = make(0), make(2)
    make(1)  # queued a moment ago
    model = type(lost)
    jobs.job_start(model, running.pk, worker="first@host")
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    model._default_manager.filter(pk__in=[lost.pk, running.pk]).update(updated_at=an_hour_ago)

    assert jobs.jobs_waiting(model, older_than=dt.timedelta(minutes=15)) == [lost.pk]
