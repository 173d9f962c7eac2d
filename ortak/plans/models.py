"""Strategies, yearly activity plans, their measures and the progress made on them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortak.core.models import BackgroundJob, PublishableModel, TimeStampedModel
from ortak.plans.due import DuePeriod

if TYPE_CHECKING:
    from ortak.events.models import Event
    from ortak.registry.models import Institution


class Strategy(PublishableModel):
    """A long-term document, e.g. the Turkic Speaking Diaspora Joint Activity Strategy (2013)."""

    key = models.SlugField(max_length=80, unique=True, null=True, blank=True)
    title = models.CharField(_("title"), max_length=400)
    titles = models.JSONField(_("title in other languages"), default=dict, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_at = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strategies_adopted",
    )
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    sources = models.JSONField(_("sources"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-adopted_on", "title"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self) -> str:
        return self.title


class ActivityPlan(PublishableModel):
    """A Diaspora Joint Activity Plan for one year (or two), adopted at a meeting."""

    title = models.CharField(_("title"), max_length=400)
    strategy = models.ForeignKey(
        Strategy, on_delete=models.SET_NULL, null=True, blank=True, related_name="plans"
    )
    year_from = models.PositiveSmallIntegerField(_("from year"))
    year_to = models.PositiveSmallIntegerField(_("to year"))
    adopted_at = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans_adopted",
    )
    # How articles name the plan ("the Action Plan of the Kyrgyz chairmanship in the OTS for
    # 2025"): an event whose framework says so is linked to the plan.
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    history = HistoricalRecords()

    # Not stored: set by ortak.plans.selectors.plan_get, its measures in order.
    measure_list: list[Measure]

    class Meta:
        ordering = ["-year_from"]
        verbose_name = _("activity plan")
        constraints = [
            models.CheckConstraint(
                condition=Q(year_to__gte=F("year_from")), name="plan_years_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.title


class MeasureStatus(models.TextChoices):
    """Derived from the evidence (ortak.plans.status), never typed in."""

    NOT_STARTED = "not_started", _("Not started")
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    OVERDUE = "overdue", _("Overdue")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class DuePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    YEAR = "year", _("Year")
    RANGE = "range", _("Range")


class Measure(PublishableModel):
    """One measure of a plan: what, who is responsible, with whom, where, by when.

    Its program (a series of the registry or an event type) and host are what an event is
    matched by; its status is derived from the events linked to it and the decisions taken.
    """

    plan = models.ForeignKey(ActivityPlan, on_delete=models.CASCADE, related_name="measures")
    number = models.CharField(_("number"), max_length=10, blank=True)
    title = models.CharField(_("what"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    series = models.ForeignKey(
        "events.EventSeries",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
    )
    event_type = models.CharField(_("event type"), max_length=30, blank=True)
    host = models.ForeignKey(
        "registry.State",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures_hosted",
        verbose_name=_("host state"),
    )
    responsible = models.ManyToManyField(
        "registry.Institution",
        related_name="measures_responsible",
        verbose_name=_("responsible institutions"),
    )
    partners = models.ManyToManyField(
        "registry.Institution",
        blank=True,
        related_name="measures_partnered",
        verbose_name=_("partner institutions"),
    )
    due_date = models.DateField(_("due from"), null=True, blank=True)
    due_until = models.DateField(_("due until"), null=True, blank=True)
    due_precision = models.CharField(
        max_length=7, choices=DuePrecision.choices, default=DuePrecision.DAY
    )
    history = HistoricalRecords(m2m_fields=[responsible, partners])

    # Not stored: set by ortak.plans.selectors, the institutions prefetched
    # (`responsible_list`, `partner_list`) and the status on a day with the evidence that
    # gives it (`measure_statuses`).
    responsible_list: list[Institution]
    partner_list: list[Institution]
    status: str
    status_label: str
    linked_events: list[Event]
    decision_list: list[MeasureDecision]

    class Meta:
        ordering = ["plan", "number", "id"]
        verbose_name = _("measure")

    def __str__(self) -> str:
        return self.title

    @property
    def due(self) -> DuePeriod | None:
        return DuePeriod.stored(self.due_date, self.due_until, self.due_precision)


class LinkState(models.TextChoices):
    LINKED = "linked", _("Linked")
    PROPOSED = "proposed", _("Proposed")
    DISMISSED = "dismissed", _("Dismissed")


class LinkMethod(models.TextChoices):
    MATCH = "match", _("Matched by program, date, host and institutions")
    FRAMEWORK = "framework", _("Named as the framework in the article")
    REVIEWER = "reviewer", _("Chosen by a reviewer")


class MeasureLink(TimeStampedModel):
    """An event as evidence for a plan: for one of its measures, or for the plan as a whole
    (an article that says the event was held "as part of" the plan).

    A proposal waits for a reviewer; `reasons` keeps what matched, to show as the evidence.
    """

    plan = models.ForeignKey(ActivityPlan, on_delete=models.CASCADE, related_name="links")
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, null=True, blank=True, related_name="links"
    )
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="measure_links"
    )
    state = models.CharField(_("state"), max_length=10, choices=LinkState.choices)
    method = models.CharField(_("how"), max_length=10, choices=LinkMethod.choices)
    score = models.PositiveSmallIntegerField(_("score"), default=0)
    reasons = models.JSONField(_("what matched"), default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "measure", "-score", "id"]
        verbose_name = _("link of an event to a plan")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "event"],
                name="measure_link_once",
                condition=Q(measure__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["plan", "event"],
                name="plan_link_once",
                condition=Q(measure__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} → {self.measure or self.plan} ({self.state})"


class DecisionKind(models.TextChoices):
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class MeasureDecision(TimeStampedModel):
    """A recorded decision to postpone or cancel a measure, with its reason and source."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(_("decision"), max_length=10, choices=DecisionKind.choices)
    decided_on = models.DateField(_("decided on"))
    reason = models.TextField(_("reason"))
    source = models.ForeignKey(
        "events.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measure_decisions",
    )
    source_reference = models.CharField(
        _("source"), max_length=500, blank=True, help_text=_("A document, minutes or address.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "-decided_on", "-id"]
        verbose_name = _("decision on a measure")

    def __str__(self) -> str:
        return f"{self.measure}: {self.kind} on {self.decided_on}"


class Progress(TimeStampedModel):
    """A note or an event that advances a measure."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="progress")
    date = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "-date"]
        verbose_name = _("progress")
        verbose_name_plural = _("progress")

    def __str__(self) -> str:
        return f"{self.measure}: {self.date}"


class DigestSubscription(TimeStampedModel):
    """A user who asked for the weekly e-mail of their measures due soon or overdue."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_digest"
    )
    active = models.BooleanField(_("send the weekly digest"), default=True)
    last_sent = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("weekly plan digest")

    def __str__(self) -> str:
        return f"{self.user} ({'on' if self.active else 'off'})"


class DigestDelivery(models.Model):
    """One digest e-mailed to one user for one week (`period`, its Monday): recorded in the
    same transaction as the sending, so a second run or a retried task skips it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_digests_sent"
    )
    period = models.DateField(_("week of"))
    measures = models.PositiveIntegerField(_("measures listed"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-period", "user"]
        verbose_name = _("weekly plan digest sent")
        constraints = [
            models.UniqueConstraint(fields=["user", "period"], name="plan_digest_once_a_week")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.period})"


class ReportJobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be made")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Could not be made")


class ReportJob(BackgroundJob):
    """An implementation report asked for on the plan's page and made by a worker of the task
    queue; the file is kept here, and reused while the plan has not changed (services)."""

    plan = models.ForeignKey(ActivityPlan, on_delete=models.CASCADE, related_name="report_jobs")
    file_format = models.CharField(_("format"), max_length=4)
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        max_length=7,
        choices=ReportJobStatus.choices,
        default=ReportJobStatus.QUEUED,
        db_index=True,
    )
    # The plan's latest recorded change when the job was asked for: a later change makes
    # the report stale (ortak.plans.selectors.plan_changed_at).
    plan_changed_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    data = models.BinaryField(blank=True, default=b"")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(BackgroundJob.Meta):
        verbose_name = _("implementation report being made")
        indexes = [models.Index(fields=["plan", "file_format", "language", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.plan_id} {self.file_format} {self.language} ({self.status})"
