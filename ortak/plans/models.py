"""Strategies, yearly activity plans, their measures and the progress made on them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortak.core.models import DatePrecision, PublishableModel, TimeStampedModel


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
    history = HistoricalRecords()

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
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class Measure(PublishableModel):
    """One measure of a plan: what, who is responsible, with whom, by when."""

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
    due_date = models.DateField(_("due"), null=True, blank=True)
    due_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    status = models.CharField(
        _("status"), max_length=12, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    history = HistoricalRecords(m2m_fields=[responsible, partners])

    class Meta:
        ordering = ["plan", "number", "id"]
        verbose_name = _("measure")

    def __str__(self) -> str:
        return self.title


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
