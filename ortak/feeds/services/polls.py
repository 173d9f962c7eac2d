"""Polling: a feed asked conditionally, its items recorded by address, the new ones
ingested; a failing feed backed off; the due feeds claimed one by one."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from ortak.accounts.permissions import require_edit
from ortak.core import fetch
from ortak.core.actors import Actor
from ortak.core.errors import OrtakError, ValidationError
from ortak.feeds import reading
from ortak.feeds.models import Feed, FeedItem, FeedItemStatus, FeedKind
from ortak.feeds.selectors import feed_items_pending, feed_list_due
from ortak.feeds.services.items import fault_error, feed_item_ingest, fetch_options

logger = logging.getLogger(__name__)

# A failing feed waits interval * 2**failures before the next poll, at most this long.
MAX_BACKOFF = dt.timedelta(hours=24)
# Items read per poll; a feed's long backlog is read over the next polls.
ITEMS_PER_POLL = 20
# How long a scheduled run holds a feed it is polling, so another run leaves it alone.
CLAIM = dt.timedelta(minutes=30)


@dataclass
class PollReport:
    """What one poll of one feed found and did."""

    feed: Feed
    not_modified: bool = False
    listed: int = 0
    new: int = 0
    ingested: int = 0
    duplicate: int = 0
    failed: int = 0
    retrying: int = 0
    error: OrtakError | None = None
    items: list[FeedItem] = field(default_factory=list)

    def count(self, item: FeedItem) -> None:
        """Count an item read in this poll by what became of it."""
        self.items.append(item)
        if item.status == FeedItemStatus.NEW:
            self.retrying += 1
        else:
            setattr(self, item.status, getattr(self, item.status) + 1)

    def as_dict(self) -> dict[str, Any]:
        """The report as plain values (`ortak feeds poll --json`, a task's result)."""
        return {
            "feed": self.feed.pk,
            "url": self.feed.url,
            "not_modified": self.not_modified,
            "listed": self.listed,
            "new": self.new,
            "ingested": self.ingested,
            "duplicate": self.duplicate,
            "failed": self.failed,
            "retrying": self.retrying,
            "error": str(self.error) if self.error else None,
        }


def feeds_poll_due(*, actor: Actor, now: dt.datetime | None = None) -> list[PollReport]:
    """Poll every active feed whose next poll time has come (the schedule's task).

    Each feed is claimed before it is polled, so two runs at once never poll one feed
    twice: a run that overlaps a slow one takes the feeds the first has not reached.
    """
    now = now or timezone.now()
    reports = []
    for feed in feed_list_due(now=now).select_related("institution", "added_by"):
        if _claim(feed, now):
            reports.append(_feed_poll_guarded(actor, feed))
    return reports


def _feed_poll_guarded(actor: Actor, feed: Feed) -> PollReport:
    """Poll one feed of a scheduled run; a fault in Ortak itself is logged and shown as
    the feed's error, and the run goes on with the other feeds."""
    try:
        return feed_poll(actor=actor, feed=feed)
    except Exception as fault:
        logger.exception("polling the feed %s failed", feed.url)
        error = fault_error(fault)
        _failure_record(feed, error, timezone.now())
        return PollReport(feed=feed, error=error)


def _claim(feed: Feed, now: dt.datetime) -> bool:
    claimed = Feed.objects.filter(pk=feed.pk, next_poll_at=feed.next_poll_at).update(
        next_poll_at=now + CLAIM
    )
    return claimed == 1


def feed_poll(*, actor: Actor, feed: Feed, now: dt.datetime | None = None) -> PollReport:
    """Poll one feed now: read what it lists, conditionally, and ingest what is new.

    Whoever may change the feed may poll it (E301). A feed that cannot be read is not an
    exception here: the report carries the error, and the feed backs off.
    """
    require_edit(actor, feed)
    now = now or timezone.now()
    report = PollReport(feed=feed)
    validators = fetch.Validators(etag=feed.etag, last_modified=feed.last_modified)
    try:
        page = fetch.fetch(feed.url, fetch_options(), validators=validators)
        entries = [] if page.not_modified else _entries(feed, page)
    except OrtakError as error:
        _failure_record(feed, error, now)
        report.error = error
        return report
    _success_record(feed, page, now)
    report.not_modified, report.listed = page.not_modified, len(entries)
    report.new = _items_record(feed, entries)
    for item in feed_items_pending(feed, limit=ITEMS_PER_POLL):
        report.count(feed_item_ingest(item=item))
    return report


def feed_poll_enqueue(*, actor: Actor, feed: Feed) -> None:
    """Ask a worker of the task queue to poll a feed now (`ortak.feeds.poll`, retried with
    backoff). Whoever may change the feed may ask (E301); the worker polls as the operator."""
    from ortak.feeds.tasks import feed_poll as feed_poll_task  # the task module imports this

    require_edit(actor, feed)
    transaction.on_commit(lambda: feed_poll_task.delay(feed.pk))


def _entries(feed: Feed, page: fetch.Fetched) -> list[reading.Entry]:
    if feed.kind == FeedKind.LISTING:
        entries = reading.listing_entries(page.data, url=page.url)
        if entries:
            return entries
        reason = "the page lists no article links any more"
    elif reading.feed_kind(page.data):
        return reading.feed_entries(page.data, url=page.url)
    else:
        reason = "the address no longer answers with an RSS or Atom feed"
    raise ValidationError(
        f"{feed.url}: {reason}; check the institution's site for its new address",
        code="E132",
    )


def _failure_record(feed: Feed, error: OrtakError, now: dt.datetime) -> None:
    failures = feed.failures + 1
    _poll_state_save(
        feed,
        last_polled_at=now,
        failures=failures,
        next_poll_at=now + backoff(feed.poll_interval, failures),
        last_error_code=error.code,
        last_error=error.message,
    )


def backoff(interval: dt.timedelta, failures: int) -> dt.timedelta:
    """How long a feed that failed `failures` times in a row waits: interval * 2**failures,
    at most MAX_BACKOFF (or the interval itself, when that is longer)."""
    return min(interval * 2 ** min(failures, 16), max(MAX_BACKOFF, interval))


def _success_record(feed: Feed, page: fetch.Fetched, now: dt.datetime) -> None:
    _poll_state_save(
        feed,
        etag=page.validators.etag[:300],
        last_modified=page.validators.last_modified[:100],
        last_polled_at=now,
        last_succeeded_at=now,
        failures=0,
        next_poll_at=now + feed.poll_interval,
        last_error_code="",
        last_error="",
    )


def _poll_state_save(feed: Feed, **state: Any) -> None:
    """Keep what a poll learnt; an update, so the feed's history holds people's changes
    only, not one row per poll."""
    for name, value in state.items():
        setattr(feed, name, value)
    Feed.objects.filter(pk=feed.pk).update(**state)


def _items_record(feed: Feed, entries: list[reading.Entry]) -> int:
    """Record the entries the feed has not listed before (by address, or by its own
    identifier when the address changed); the number recorded."""
    urls = [entry.url for entry in entries]
    guids = [entry.guid for entry in entries if entry.guid]
    known = set(feed.items.filter(url__in=urls).values_list("url", flat=True))
    known |= set(feed.items.filter(guid__in=guids).values_list("guid", flat=True))
    fresh = {}
    for entry in entries:
        if entry.url not in known and not (entry.guid and entry.guid in known):
            fresh[entry.url] = entry
            known |= {entry.url, entry.guid} - {""}
    FeedItem.objects.bulk_create(
        [
            FeedItem(
                feed=feed,
                url=e.url,
                link=e.link,
                guid=e.guid,
                title=e.title,
                published=e.published,
            )
            for e in fresh.values()
        ],
        ignore_conflicts=True,  # listed by a poll running at the same moment
    )
    return len(fresh)
