"""An ingested article's draft, awaiting a reviewer field by field."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ortak.core.models import BackgroundJob, TimeStampedModel


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class Review(TimeStampedModel):
    """What the pipeline read in one source, the evidence for each value, and the decisions."""

    source = models.ForeignKey("events.Source", on_delete=models.CASCADE, related_name="reviews")
    record = models.JSONField(_("extracted record"))
    evidence = models.JSONField(_("evidence"), default=list, blank=True)
    pipeline_version = models.CharField(max_length=40)
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING, db_index=True
    )
    events = models.ManyToManyField("events.Event", blank=True, related_name="reviews")
    merged_event_ids = models.JSONField(
        _("events that existed already"),
        default=list,
        blank=True,
        help_text=_("Events another article had reported; this source was added to them."),
    )
    event_map = models.JSONField(
        default=dict, blank=True, help_text=_('Record path ("events[0]") to the event id.')
    )
    decisions = models.JSONField(default=dict, blank=True)
    # Record path ("events[0].participants[1]") -> the id of the registry record its name
    # was linked to when the draft was loaded; names are linked once, there.
    links = models.JSONField(default=dict, blank=True)
    # Values a reviewer accepted for a published event of another state, waiting for an
    # editor of that event: [{"event": id, "path": ..., "decision": ..., "value": ...}].
    proposals = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("draft to review")

    def __str__(self) -> str:
        return f"{self.source} ({self.get_status_display()})"


class IngestJobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be read")
    RUNNING = "running", _("Being read")
    DONE = "done", _("Draft ready")
    FAILED = "failed", _("Could not be read")


class IngestJobKind(models.TextChoices):
    TEXT = "text", _("pasted text")
    FILE = "file", _("uploaded file")
    URL = "url", _("web address")


class IngestJob(BackgroundJob):
    """An article given to be read in the task queue: what was given, kept whole until its
    draft exists (so a lost worker loses nothing), and how far it got."""

    kind = models.CharField(max_length=4, choices=IngestJobKind.choices)
    text = models.TextField(blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_data = models.BinaryField(blank=True, default=b"")
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=7,
        choices=IngestJobStatus.choices,
        default=IngestJobStatus.QUEUED,
        db_index=True,
    )
    review = models.ForeignKey(
        Review, on_delete=models.SET_NULL, null=True, blank=True, related_name="jobs"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(BackgroundJob.Meta):
        verbose_name = _("article being read")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} ({self.get_status_display()})"
