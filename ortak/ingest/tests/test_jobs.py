"""Ingest jobs in one process: read once whatever is delivered twice, coded errors kept, lost
messages sent again. Tasks run at once here (CELERY_TASK_ALWAYS_EAGER); the real workers are
in test_workers.py."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ortak.accounts.tests.factories import editor_of
from ortak.core import jobs
from ortak.events.models import Source
from ortak.ingest import services
from ortak.ingest.inputs import ArticleInput
from ortak.ingest.models import IngestJob, IngestJobStatus, Review
from ortak.ingest.tests import workers
from ortak.registry.tests.factories import StateFactory
from ortak.workspace.tests.drafts import EVIDENCE, TEXT, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return editor_of(StateFactory(key="AZ"))


@pytest.fixture
def extraction(monkeypatch):
    """A fixed reading, so these tests pin the jobs, not the extractor; `calls` counts them."""
    from ortak.ingest.extract.pipeline import Extraction

    calls = []

    def fake_extract(article):
        calls.append(article.text)
        return Extraction(record=record(), evidence=EVIDENCE, pipeline_version="test")

    monkeypatch.setattr(services, "extract", fake_extract)
    return calls


def _job(editor, text=TEXT):
    """A job as the workspace saves it; its message waits for a commit that never comes."""
    return services.ingest_job_create(actor=editor, given=ArticleInput(text=text))


def test_a_job_is_read_into_one_draft_and_a_second_delivery_reads_nothing(editor, extraction):
    job = _job(editor)
    services.ingest_job_run(job_id=job.pk)
    assert services.ingest_job_run(job_id=job.pk) is None
    job.refresh_from_db()
    assert (job.status, job.attempts, len(extraction)) == (IngestJobStatus.DONE, 1, 1)
    assert job.review == Review.objects.get() and Source.objects.count() == 1


def test_two_deliveries_at_once_load_the_draft_once(editor, extraction, monkeypatch):
    """The second delivery runs while the first is reading: it finishes the job, and the
    first, when it comes to load, finds the job done under its lock and loads nothing."""
    job = _job(editor)
    reading = services.extract

    def extract_while_another_delivery_runs(article):
        if len(extraction) == 0:
            monkeypatch.setattr(services, "extract", reading)
            services.ingest_job_run(job_id=job.pk)
        return reading(article)

    monkeypatch.setattr(services, "extract", extract_while_another_delivery_runs)
    first = services.ingest_job_run(job_id=job.pk)
    assert first is not None and first.status == IngestJobStatus.DONE
    assert (Source.objects.count(), Review.objects.count(), first.attempts) == (1, 1, 2)


def test_an_article_another_job_kept_fails_with_e107_and_links_its_draft(editor, extraction):
    kept = _job(editor)
    services.ingest_job_run(job_id=kept.pk)
    again = _job(editor)
    services.ingest_job_run(job_id=again.pk)
    kept.refresh_from_db(), again.refresh_from_db()
    assert (again.status, again.error_code) == (IngestJobStatus.FAILED, "E107")
    assert again.review == kept.review and Source.objects.count() == 1


def test_a_fault_fails_the_job_with_e109_and_keeps_what_was_given(editor, monkeypatch):
    from ortak.ingest.tasks import ingest_job_process

    def broken_extract(article):
        raise RuntimeError("a fault")

    monkeypatch.setattr(services, "extract", broken_extract)
    job = _job(editor)
    ingest_job_process.delay(job.pk)
    job.refresh_from_db()
    assert (job.status, job.error_code, job.text) == (IngestJobStatus.FAILED, "E109", TEXT)
    assert "RuntimeError: a fault" in job.error_message


def test_jobs_whose_message_was_lost_are_sent_again(editor, extraction):
    lost, recent = _job(editor), _job(editor, text=TEXT + " Another paragraph.")
    IngestJob.objects.filter(pk=lost.pk).update(updated_at=timezone.now() - dt.timedelta(hours=1))
    assert services.ingest_jobs_resend(older_than=dt.timedelta(minutes=15)) == 1
    lost.refresh_from_db(), recent.refresh_from_db()
    assert (lost.status, recent.status) == (IngestJobStatus.DONE, IngestJobStatus.QUEUED)


def test_a_worker_starting_again_takes_back_at_once_the_job_its_stop_cut_short(editor, extraction):
    """Killed in the middle of `mine`: the worker of that name, once ready, reads it again;
    another worker's running job is that worker's to take back."""
    mine, other = _job(editor), _job(editor, text=TEXT + " Another paragraph.")
    jobs.job_start(IngestJob, mine.pk, worker="first@host")
    jobs.job_start(IngestJob, other.pk, worker="second@host")

    workers.worker_ready_in_process("first@host")

    mine.refresh_from_db(), other.refresh_from_db()
    assert (mine.status, mine.attempts, other.status) == ("done", 2, IngestJobStatus.RUNNING)
    assert mine.review == Review.objects.get() and len(extraction) == 1


def test_a_broker_that_cannot_be_reached_loses_no_job(editor):
    job = _job(editor)
    with workers.tasks_sent_to("redis://127.0.0.1:1/0", {"max_retries": 0}):
        assert services.ingest_job_send(job_id=job.pk) is False
    job.refresh_from_db()
    assert job.status == IngestJobStatus.QUEUED and job.text == TEXT
