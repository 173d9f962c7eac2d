"""The institutions' news feeds Ortak watches, and every item it has seen in them."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ortak.core.models import TimeStampedModel


class FeedKind(models.TextChoices):
    RSS = "rss", _("RSS feed")
    ATOM = "atom", _("Atom feed")
    LISTING = "listing", _("News listing page")


# What a poll learns of a feed: written by the poller, left out of the feed's history.
POLL_STATE = [
    "etag", "last_modified", "last_polled_at", "last_succeeded_at", "failures",
    "next_poll_at", "last_error_code", "last_error",
]  # fmt: skip


class Feed(TimeStampedModel):
    """An institution's feed (or news listing page), polled on its own schedule.

    The polling state (validators, times, failures, last error) is written by the poller
    only and is left out of the history, which keeps who registered and changed the feed.
    """

    url = models.URLField(_("address"), max_length=1000, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=FeedKind.choices)
    institution = models.ForeignKey(
        "registry.Institution",
        on_delete=models.PROTECT,
        related_name="feeds",
        verbose_name=_("institution"),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    active = models.BooleanField(_("polled"), default=True)
    poll_interval = models.DurationField(_("poll every"), default=timedelta(hours=1))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(_("last polled"), null=True, blank=True, editable=False)
    last_succeeded_at = models.DateTimeField(_("last read"), null=True, blank=True, editable=False)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0, editable=False)
    next_poll_at = models.DateTimeField(
        _("next poll"), default=timezone.now, db_index=True, editable=False
    )
    last_error_code = models.CharField(
        _("last error code"), max_length=10, blank=True, editable=False
    )
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=POLL_STATE)

    class Meta:
        ordering = ["institution__name", "url"]
        verbose_name = _("news feed")
        verbose_name_plural = _("news feeds")

    def __str__(self) -> str:
        return self.url

    def owning_states(self) -> set[int]:
        """The editors of the institution's state look after its feeds."""
        return {self.institution.state_id} if self.institution.state_id else set()


class FeedItemStatus(models.TextChoices):
    NEW = "new", _("Waiting to be read")
    INGESTED = "ingested", _("Ingested")
    DUPLICATE = "duplicate", _("Ingested before")
    FAILED = "failed", _("Failed")


class FeedItem(TimeStampedModel):
    """One article a feed listed: its normalized address, and what became of it.

    An address is one item per feed however often the feed lists it; an article already
    ingested under another address (its canonical link, another feed, the same text) is
    marked a duplicate and linked to the source it was kept as.
    """

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    url = models.URLField(_("address"), max_length=1000)
    # The link as the feed gave it, fetched as it is: normalizing may drop a parameter
    # some site needs (`?source=12`), while `url` is what tells articles apart.
    link = models.URLField(_("link"), max_length=2000, blank=True)
    canonical_url = models.URLField(_("canonical address"), max_length=1000, blank=True)
    guid = models.CharField(_("identifier in the feed"), max_length=1000, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    published = models.DateTimeField(_("published"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=FeedItemStatus.choices,
        default=FeedItemStatus.NEW,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error_code = models.CharField(_("error code"), max_length=10, blank=True)
    error = models.TextField(_("error"), blank=True)
    source = models.ForeignKey(
        "events.Source",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feed_items",
        verbose_name=_("source"),
    )
    review = models.ForeignKey(
        "ingest.Review",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feed_items",
        verbose_name=_("draft to review"),
    )

    class Meta:
        ordering = ["-published", "-created_at"]
        verbose_name = _("feed item")
        verbose_name_plural = _("feed items")
        constraints = [
            models.UniqueConstraint(fields=["feed", "url"], name="feed_item_url_unique"),
            models.UniqueConstraint(
                fields=["feed", "guid"], condition=~Q(guid=""), name="feed_item_guid_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["url"], name="feed_item_url"),
            models.Index(fields=["canonical_url"], name="feed_item_canonical"),
        ]

    def __str__(self) -> str:
        return self.title or self.url

    def owning_states(self) -> set[int]:
        return self.feed.owning_states()
