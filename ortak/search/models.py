"""The search index: one entry per record, whatever its kind."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a search hit is; strategies and activity plans are both plans."""

    PERSON = "person", _("Person")
    INSTITUTION = "institution", _("Institution")
    ORGANIZATION = "organization", _("Diaspora organization")
    STATE = "state", _("State")
    EVENT = "event", _("Event")
    SERIES = "series", _("Event series")
    PLAN = "plan", _("Plan")
    MEASURE = "measure", _("Measure")


class SearchEntry(models.Model):
    """A record as search sees it: its names folded, its terms, and what filters read.

    `terms` is what the full-text structures index (an FTS5 table kept by triggers on
    SQLite, GIN indexes on PostgreSQL; see the migration and `backends/`). `year` and
    `year_to` are the years the record spans; `year_to` empty means it is still current.
    """

    kind = models.CharField(max_length=12, choices=Kind.choices)
    model = models.CharField(max_length=40, help_text=_('The record\'s model: "registry.person".'))
    object_id = models.BigIntegerField()
    name = models.CharField(max_length=500)
    folded = models.TextField(help_text=_("The record's names folded, one per line."))
    terms = models.TextField()
    state = models.CharField(max_length=8, blank=True, help_text=_("The state's key."))
    year = models.SmallIntegerField(null=True, blank=True)
    year_to = models.SmallIntegerField(null=True, blank=True)
    published = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="search_entry_once")
        ]
        indexes = [models.Index(fields=["kind", "state"], name="search_entry_kind_state")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.name}"


class DuplicateDismissal(models.Model):
    """An editor said two records the duplicate finder paired are two, not one: the pair
    is not proposed again. `first_id` < `second_id`, as in `DuplicatePair`."""

    kind = models.CharField(max_length=12)
    first_id = models.BigIntegerField()
    second_id = models.BigIntegerField()
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pair that is not a duplicate")
        verbose_name_plural = _("pairs that are not duplicates")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "first_id", "second_id"], name="duplicate_dismissed_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.first_id} ≠ {self.second_id}"
