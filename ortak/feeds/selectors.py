"""Reads of feeds and their items."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet

from ortak.core.errors import ValidationError
from ortak.feeds.models import Feed, FeedItem, FeedItemStatus
from ortak.names.fold import fold
from ortak.registry.models import Institution


def feed_list() -> QuerySet[Feed]:
    """Every feed with its institution and how many of its items came to what."""
    counts = {
        f"items_{status}": Count("items", filter=Q(items__status=status))
        for status in FeedItemStatus.values
    }
    return Feed.objects.select_related("institution", "institution__state").annotate(
        items_total=Count("items"), **counts
    )


def feed_list_due(*, now: dt.datetime) -> QuerySet[Feed]:
    """The active feeds whose next poll time has come, the longest waiting first."""
    return Feed.objects.filter(active=True, next_poll_at__lte=now).order_by("next_poll_at")


def feed_find(text: str) -> Feed:
    """A feed by its id or its address (ortak.E134 when none)."""
    query = Q(pk=int(text)) if text.isdigit() else Q(url=text) | Q(url=text.rstrip("/"))
    feed = Feed.objects.select_related("institution").filter(query).first()
    if feed is None:
        raise ValidationError(
            f"no feed is registered as “{text}”; `ortak feeds list` shows them", code="E134"
        )
    return feed


def institution_find(text: str) -> Institution:
    """An institution by its id, its reference key or one of its names in any script
    (ortak.E130 when none, or when a name fits several)."""
    text = text.strip()
    if text.isdigit():
        found = list(Institution.objects.filter(pk=int(text)))
    else:
        found = list(Institution.objects.filter(key=text)) or list(
            Institution.objects.filter(Q(name__iexact=text) | Q(name_history__folded=fold(text)))
            .distinct()
            .order_by("pk")[:2]
        )
    if len(found) == 1:
        return found[0]
    what = "several institutions" if found else "no institution"
    raise ValidationError(
        f"{what} found for “{text}”; give the institution's id or reference key "
        "(see the back office's institutions)",
        code="E130",
    )


def feed_items_pending(feed: Feed, *, limit: int) -> QuerySet[FeedItem]:
    """The feed's items still to be read, oldest first, at most `limit`."""
    return feed.items.filter(status=FeedItemStatus.NEW).order_by("created_at", "pk")[:limit]


def feed_item_ingested_as(urls: list[str]) -> FeedItem | None:
    """An item of any feed already ingested (or found a duplicate) under one of `urls`,
    as its address or its canonical address."""
    urls = [url for url in urls if url]
    done = [FeedItemStatus.INGESTED, FeedItemStatus.DUPLICATE]
    return (
        FeedItem.objects.filter(status__in=done, source__isnull=False)
        .filter(Q(url__in=urls) | Q(canonical_url__in=urls))
        .select_related("source")
        .first()
    )
