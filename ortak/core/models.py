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


class PublishableModel(TimeStampedModel):
    publication = models.CharField(
        _("publication"),
        max_length=10,
        choices=Publication.choices,
        default=Publication.PUBLISHED,
        db_index=True,
    )
    # Set on records the ingest pipeline made ("ortak-extract 0.1.0"); blank for people's.
    pipeline_version = models.CharField(_("made by"), max_length=40, blank=True, editable=False)

    class Meta:
        abstract = True

    # Whether the record was public when last read from or written to the database, so that
    # unpublishing it still reaches the pages that showed it (ortak.portal.cache). A new
    # record was not.
    was_published = False

    @classmethod
    def from_db(
        cls, db: str | None, field_names: Collection[str], values: Collection[Any], **more: Any
    ) -> Self:
        # `more`: what a later Django passes besides (its stubs add `fetch_mode`).
        record = super().from_db(db, field_names, values, **more)
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
