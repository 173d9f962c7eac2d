"""Watching the institutions' news feeds: registering a feed, polling it, and keeping each
new article as drafts in the review queue, once.

A poll asks conditionally (the feed's ETag and Last-Modified sent back, so an unchanged
feed answers 304 with nothing to read), records every item it lists by normalized
address, then reads the items not yet read and hands each to the ingest pipeline as
"ingest from the feed of <institution>, on behalf of" the person who registered the feed.
An article met before (the same address, its canonical address, or the same text:
ortak.E107) is marked a duplicate, not a failure. A feed that cannot be read is polled
again after interval * 2**failures (at most a day) and shows its last error.

Fetching is never done inside a database transaction; each write is short.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urldefrag

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ortak.accounts.permissions import require_edit
from ortak.accounts.services import operator_user
from ortak.core import fetch
from ortak.core.actors import Actor, SystemActor, acting_user
from ortak.core.errors import InputError, OrtakError, ValidationError
from ortak.core.services import with_actor
from ortak.events.models import Source
from ortak.feeds import reading
from ortak.feeds.addresses import canonical_url, normalize_url
from ortak.feeds.models import Feed, FeedItem, FeedItemStatus, FeedKind
from ortak.feeds.selectors import feed_item_ingested_as, feed_items_pending, feed_list_due
from ortak.ingest.extract import reader
from ortak.ingest.extract.settings import reader_settings
from ortak.ingest.load import source_find
from ortak.ingest.services import article_ingest
from ortak.registry.models import Institution

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)

# An item whose page could not be fetched for a passing reason (the network, a 503) is
# tried again at the next polls, this many times in all, before it is marked failed.
MAX_ATTEMPTS = 3
# A failing feed waits interval * 2**failures before the next poll, at most this long.
MAX_BACKOFF = dt.timedelta(hours=24)
# Items read per poll; a feed's long backlog is read over the next polls.
ITEMS_PER_POLL = 20
# How long a scheduled run holds a feed it is polling, so another run leaves it alone.
CLAIM = dt.timedelta(minutes=30)


@dataclass(frozen=True)
class Probe:
    """What an address turned out to be: the feed to poll there, and its kind."""

    url: str
    kind: str


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


def fetch_options() -> fetch.FetchOptions:
    """The reader's limits and the hosts ORTAK_FETCH_ALLOWED_HOSTS lets through."""
    limits = reader_settings()
    return fetch.FetchOptions(
        max_bytes=limits["max_bytes"],
        timeout=limits["url_timeout"],
        user_agent=limits["user_agent"],
        allowed_hosts=fetch.allowed_hosts_from_environment(),
    )


def feed_probe(*, url: str, kind: str | None = None) -> Probe:
    """Fetch `url` (the safe fetcher's checks, E106) and tell what to poll there: the feed
    itself, the feed an HTML page declares, or the page as a news listing (ortak.E132
    when it is none of them). `kind` LISTING keeps a page a listing even if it declares
    a feed; RSS or ATOM asks for a feed."""
    options = fetch_options()
    page = fetch.fetch(url, options)
    found = reading.feed_kind(page.data)
    if found and kind != FeedKind.LISTING:
        return Probe(feed_address(url), found)
    if kind != FeedKind.LISTING:
        for address, _declared in reading.declared_feeds(page.data, url=page.url):
            declared = reading.feed_kind(fetch.fetch(address, options).data)
            if declared:
                return Probe(feed_address(address), declared)
    if kind in (None, FeedKind.LISTING) and reading.listing_entries(page.data, url=page.url):
        return Probe(feed_address(url), FeedKind.LISTING)
    raise ValidationError(
        f"{url} is not an RSS or Atom feed, declares none, and lists no article links; "
        "give the address of the institution's feed or of its news page",
        code="E132",
    )


def feed_address(url: str) -> str:
    """A feed's address as registered: as given, without its fragment. Its query stays
    whole (a feed's `?source=news` is no tracking parameter)."""
    return urldefrag(url.strip()).url


def feed_add(
    *,
    actor: Actor,
    url: str,
    institution: Institution,
    language: str,
    kind: str | None = None,
    poll_interval: dt.timedelta | None = None,
) -> Feed:
    """Register an institution's feed, to be polled from now on.

    The secretariat registers any institution's feed, a state's editor those of their own
    state's institutions (E301). The language is one of the seven interface languages
    (E131); the address is fetched once to find what it is (E106, E132) and is
    registered once (E133).
    """
    _require_language(language)
    _require_kind(kind)
    feed = Feed(
        url=feed_address(url),
        institution=institution,
        language=language,
        added_by=cast("User | None", acting_user(actor)),
    )
    if poll_interval is not None:
        feed.poll_interval = poll_interval
    require_edit(actor, feed)
    _require_unregistered(feed.url)
    probe = feed_probe(url=url, kind=kind)
    feed.url, feed.kind = probe.url, probe.kind
    _require_unregistered(feed.url)
    try:
        with transaction.atomic():
            with_actor(feed, actor).save()
    except IntegrityError as error:  # registered at the same moment by someone else
        raise _registered(feed.url) from error
    return feed


def _require_language(language: str) -> None:
    codes = [code for code, _name in settings.LANGUAGES]
    if language not in codes:
        raise ValidationError(
            f"“{language}” is not one of Ortak's languages; give one of {', '.join(codes)}",
            code="E131",
        )


def _require_kind(kind: str | None) -> None:
    if kind is not None and kind not in FeedKind.values:
        raise ValidationError(
            f"“{kind}” is not a kind of feed; give one of {', '.join(FeedKind.values)}",
            code="E132",
        )


def _require_unregistered(url: str) -> None:
    if Feed.objects.filter(url=url).exists():
        raise _registered(url)


def _registered(url: str) -> ValidationError:
    return ValidationError(
        f"the feed {url} is registered already; `ortak feeds list` shows it", code="E133"
    )


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
        error = _fault(fault)
        _failure_record(feed, error, timezone.now())
        return PollReport(feed=feed, error=error)


def _fault(fault: Exception) -> OrtakError:
    return OrtakError(
        f"Ortak failed while reading this ({type(fault).__name__}: {fault}); the details "
        "are in the server's log for the developers"
    )


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


def feed_actor(feed: Feed) -> SystemActor:
    """The pipeline as it ingests a feed's articles: for the person who registered the
    feed (the Ortak operator once they are gone), so the drafts are theirs to follow."""
    return SystemActor(
        f"ingest from the feed of {feed.institution.name}",
        on_behalf_of=feed.added_by or operator_user(),
    )


def feed_item_ingest(*, item: FeedItem) -> FeedItem:
    """Read one item's article and keep it as drafts for review, once.

    Idempotent: an item no longer new is returned as it is. An article already kept under
    the item's address, its canonical address or with the same text is a duplicate; a
    passing fetch error leaves the item new for the next poll (MAX_ATTEMPTS in all).
    """
    if item.status != FeedItemStatus.NEW:
        return item
    earlier = _source_of([item.url])
    if earlier is not None:
        return _item_close(item, FeedItemStatus.DUPLICATE, source=earlier)
    try:
        page = fetch.fetch(item.link or item.url, fetch_options())
        canonical = canonical_url(page.data, url=page.url) or normalize_url(page.url)
        earlier = _source_of([canonical])
        if earlier is not None:
            return _item_close(
                item, FeedItemStatus.DUPLICATE, source=earlier, canonical_url=canonical
            )
        return _article_ingest(item, _article(item, page, canonical), canonical)
    except OrtakError as error:
        return _item_failure(item, error)
    except Exception as fault:  # a fault of the pipeline: this article fails, not the poll
        logger.exception("ingesting the feed item %s failed", item.url)
        return _item_failure(item, _fault(fault))


def _source_of(urls: list[str]) -> Source | None:
    """The source an article was kept as under one of `urls`, by a feed or otherwise."""
    done = feed_item_ingested_as(urls)
    if done is not None:
        return done.source
    return Source.objects.filter(url__in=urls).first()


def _article(item: FeedItem, page: fetch.Fetched, canonical: str) -> reader.Article:
    published = item.published.date() if item.published else None
    article = reader.read_bytes(page.data, url=canonical, published=published)
    article.title = article.title or item.title or None
    if article.language is None:  # the text did not say; the feed's registration does
        article.language = item.feed.language
    return article


def _article_ingest(item: FeedItem, article: reader.Article, canonical: str) -> FeedItem:
    try:
        result = article_ingest(actor=feed_actor(item.feed), article=article)
    except InputError as error:
        if error.code != "E107":
            raise
        return _item_close(
            item,
            FeedItemStatus.DUPLICATE,
            source=source_find(article.text),
            canonical_url=canonical,
        )
    return _item_close(
        item,
        FeedItemStatus.INGESTED,
        source=result.review.source,
        review=result.review,
        canonical_url=canonical,
    )


def _item_failure(item: FeedItem, error: OrtakError) -> FeedItem:
    attempts = item.attempts + 1
    again = bool(error.context.get("transient")) and attempts < MAX_ATTEMPTS
    status = FeedItemStatus.NEW if again else FeedItemStatus.FAILED
    return _item_close(item, status, attempts=attempts, error_code=error.code, error=error.message)


def _item_close(item: FeedItem, status: str, **fields: Any) -> FeedItem:
    """Keep what became of a new item; an item another poll finished meanwhile keeps
    what that poll found."""
    changes = {"status": status, "error_code": "", "error": "", **fields}
    changes["canonical_url"] = changes.get("canonical_url", "")[:1000]
    done = FeedItem.objects.filter(pk=item.pk, status=FeedItemStatus.NEW).update(
        updated_at=timezone.now(), **changes
    )
    if not done:
        item.refresh_from_db()
        return item
    for name, value in changes.items():
        setattr(item, name, value)
    return item
