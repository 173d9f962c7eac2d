"""Abstract models every domain record shares."""

from collections.abc import Collection
from typing import Any, Self

from django.db import models
from django.utils.translation import gettext_lazy as _

from ortak.core.i18n import pick_name


class Publication(models.TextChoices):
    """Ingested records start as drafts; nothing is public before a reviewer publishes it."""

    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class JobStatus(models.TextChoices):
    """The states every background job goes through; each kind of job names them in its own
    words for its page (IngestJobStatus, ReportJobStatus), with these same values."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class BackgroundJob(TimeStampedModel):
    """Work a task of the queue does for a user, kept in the database: how far it got, how
    many times a worker took it, the coded error it ended with, and which worker runs it.
    Written only by the helpers of ortak.core.jobs, which the apps' services call."""

    # Overridden by each kind of job with its own labels (the values stay those of JobStatus).
    status = models.CharField(
        max_length=7, choices=JobStatus.choices, default=JobStatus.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error_code = models.CharField(max_length=8, blank=True)
    error_message = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The Celery worker that took the job last ("worker1@host"): when a worker of that name
    # starts again, the jobs it left running are its own to take back (ortak.core.jobs).
    worker = models.CharField(max_length=255, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)


class PublishableModel(TimeStampedModel):
    publication = models.CharField(
        _("publication"),
        max_length=10,
        choices=Publication.choices,
        default=Publication.PUBLISHED,
        db_index=True,
    )
    # Set on records the ingest pipeline made ("ortak-extract 0.3.0"); blank for people's.
    pipeline_version = models.CharField(_("made by"), max_length=40, blank=True, editable=False)

    class Meta:
        abstract = True

    # Whether the record was public when last read from or written to the database, so that
    # unpublishing it still reaches the pages that showed it (ortak.portal.cache). A new
    # record was not. Kept here, in from_db and save, and nowhere else.
    was_published = False

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The post_save receivers still see what the record was; after them, what it is now.
        super().save(*args, **kwargs)
        self.was_published = self.is_published

    @classmethod
    def from_db(
        cls, db: str | None, field_names: Collection[str], values: Collection[Any], **kwargs: Any
    ) -> Self:
        # **kwargs: the options later Django versions add (fetch_mode), passed on as given.
        record = super().from_db(db, field_names, values, **kwargs)
        # A deferred publication is not known: take the record as public, to be safe.
        shown = record.__dict__.get("publication", Publication.PUBLISHED)
        record.was_published = shown == Publication.PUBLISHED
        return record

    @property
    def is_published(self) -> bool:
        return self.publication == Publication.PUBLISHED


class MultilingualNameModel(PublishableModel):
    """A record with a canonical name and its translations (`names`: language -> name)."""

    name = models.CharField(_("name"), max_length=300, db_index=True)
    names = models.JSONField(_("names in other languages"), default=dict, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> str:
        """The name in `language`, falling back as people of the region read (see core.i18n)."""
        return pick_name(self.names, language, default=self.name)
