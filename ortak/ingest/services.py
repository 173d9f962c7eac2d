"""Ingest an article: extract its record (Django-free), load it as drafts, maybe publish.

`article_ingest` does it at once (the command line); the workspace keeps what the user gave
as an `IngestJob` (`ingest_job_create`) that a worker of the task queue reads
(`ingest_job_run`, from ortak.ingest.tasks). A job is read once whatever happens to its
worker: its draft and its "done" are written in one transaction, so a worker killed before
that commit leaves nothing behind, and a job found done is not read again.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, is_dataclass
from typing import TYPE_CHECKING, Any, cast

from django.db import transaction

from ortak.core import jobs
from ortak.core.actors import Actor, acting_user
from ortak.core.errors import InputError, OrtakError
from ortak.core.fetch import FetchUnavailable
from ortak.ingest.extract import extract, read_bytes, read_text, read_url
from ortak.ingest.extract.pipeline import Extraction
from ortak.ingest.extract.reader import Article
from ortak.ingest.inputs import ArticleInput
from ortak.ingest.load import ArticleData, LoadResult, record_load, source_find
from ortak.ingest.models import IngestJob, IngestJobKind, IngestJobStatus, Review
from ortak.ingest.review import review_publish

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)


def _evidence_dicts(evidence: list[Any]) -> list[dict[str, Any]]:
    # `is_dataclass` is true of a dataclass itself too; the evidence holds only instances.
    return [
        asdict(item) if is_dataclass(item) and not isinstance(item, type) else dict(item)
        for item in evidence
    ]


def article_ingest(*, actor: Actor, article: Article, publish: bool = False) -> LoadResult:
    """Keep the article and its draft records; publish them at once when `publish` is set
    (for a reviewer's own imports, such as the sample articles).

    Extraction, the slow part, runs before the transaction: the database is written to
    only for the short load, so other users are not kept waiting.
    """
    extraction = extract(article)
    with transaction.atomic():
        result = _load(actor=actor, article=article, extraction=extraction)
        if publish:
            review_publish(actor=actor, review=result.review)
    return result


def _load(*, actor: Actor, article: Article, extraction: Extraction) -> LoadResult:
    return record_load(
        article=ArticleData(
            text=article.text,
            path=article.path or "",
            url=article.url or "",
            title=article.title or "",
            language=article.language or "",
            published=article.published.isoformat() if article.published else None,
        ),
        record=extraction.record,
        evidence=_evidence_dicts(extraction.evidence),
        pipeline_version=extraction.pipeline_version,
        actor=actor,
    )


def ingest_job_create(*, actor: Actor, given: ArticleInput) -> IngestJob:
    """Keep what the user gave and hand it to the task queue once it is saved for sure."""
    job = IngestJob.objects.create(
        kind=given.kind,
        text=given.text,
        file_name=given.file_name,
        file_data=given.file_data,
        url=given.url,
        published=given.published,
        # Ortak's user model is Django's own User; `acting_user` gives it as any user model.
        submitted_by=cast("User | None", acting_user(actor)),
    )
    transaction.on_commit(lambda: ingest_job_send(job_id=job.pk))
    return job


def ingest_job_send(*, job_id: int) -> bool:
    """Put the job on the task queue. A broker that cannot be reached loses nothing: the job
    stays queued and is sent again (`ingest_jobs_resend`)."""
    from ortak.ingest.tasks import ingest_job_process  # the task module imports this one

    try:
        ingest_job_process.delay(job_id)
    except Exception:  # the broker's errors vary with the transport; the job is kept
        logger.exception("ingest job %s kept, the task queue could not be reached", job_id)
        return False
    return True


def ingest_jobs_resend(*, older_than: dt.timedelta) -> int:
    """Send again the jobs waiting longer than `older_than` (their message was lost).
    Returns how many."""
    waiting = jobs.jobs_waiting(IngestJob, older_than=older_than)
    return sum(ingest_job_send(job_id=job_id) for job_id in waiting)


def ingest_jobs_take_back(*, worker: str) -> int:
    """Send again, as `worker` starts, the jobs it left half read when it was stopped; the
    broker would give their messages back only after its visibility timeout. How many."""
    return sum(
        ingest_job_send(job_id=job_id) for job_id in jobs.jobs_left_by(IngestJob, worker=worker)
    )


def ingest_job_run(*, job_id: int, worker: str = "") -> IngestJob | None:
    """Read a job's article and load its draft, once, in `worker` (the Celery hostname). A
    job already finished is left as it is (None). A coded error (E1xx) fails the job;
    FetchUnavailable is raised to be tried again later."""
    job = jobs.job_start(IngestJob, job_id, worker=worker)
    if job is None:
        return None
    try:
        article = _job_article(job)
        extraction = extract(article)
    except FetchUnavailable:
        raise
    except InputError as error:
        return ingest_job_fail(job_id=job_id, error=error)
    return _job_load(job_id, article, extraction)


def _job_article(job: IngestJob) -> Article:
    url = job.url or None
    if job.kind == IngestJobKind.TEXT:
        return read_text(job.text, url=url, published=job.published)
    if job.kind == IngestJobKind.FILE:
        lowered = job.file_name.lower()
        html = True if lowered.endswith((".html", ".htm", ".xhtml")) else None
        return read_bytes(
            bytes(job.file_data),
            path=job.file_name or None,
            url=url,
            published=job.published,
            html=html,
        )
    return read_url(job.url, published=job.published)


def _job_load(job_id: int, article: Article, extraction: Extraction) -> IngestJob:
    """The draft and the job's "done" in one transaction; the job's row is locked first, so
    of two deliveries of one job, the second finds it done and loads nothing."""
    with transaction.atomic():
        job = IngestJob.objects.select_for_update().get(pk=job_id)
        if job.finished:
            return job
        try:
            result = _load(actor=job.submitted_by, article=article, extraction=extraction)
        except InputError as error:  # E107: another job or command kept this article
            job.review = _review_of(article)
            return jobs.job_finish(job, IngestJobStatus.FAILED, error=error)
        job.review = result.review
        return jobs.job_finish(job, IngestJobStatus.DONE)


def _review_of(article: Article) -> Review | None:
    source = source_find(article.text)
    return source.reviews.order_by("-created_at").first() if source else None


def ingest_job_wait(*, job_id: int, error: OrtakError) -> None:
    """Back to the queue after a passing failure, saying why, to be tried again later."""
    jobs.job_wait(IngestJob, job_id, error=error)


def ingest_job_fail(*, job_id: int, error: OrtakError) -> IngestJob:
    """The job ends with the coded error; what was given stays kept in the job."""
    return jobs.job_fail(IngestJob, job_id, error=error)
