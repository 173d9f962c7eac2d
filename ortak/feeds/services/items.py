"""A feed item read and ingested once: its page fetched through the safe fetcher, its
article kept as drafts by the ingest pipeline, or found ingested before."""

from __future__ import annotations

import logging
from typing import Any

from django.utils import timezone

from ortak.accounts.services import operator_user
from ortak.core import fetch
from ortak.core.actors import SystemActor
from ortak.core.errors import InputError, OrtakError
from ortak.events.models import Source
from ortak.feeds.addresses import canonical_url, normalize_url
from ortak.feeds.models import Feed, FeedItem, FeedItemStatus
from ortak.feeds.selectors import feed_item_ingested_as
from ortak.ingest.extract import reader
from ortak.ingest.extract.settings import reader_settings
from ortak.ingest.load import source_find
from ortak.ingest.services import article_ingest

logger = logging.getLogger(__name__)

# An item whose page could not be fetched for a passing reason (the network, a 503) is
# tried again at the next polls, this many times in all, before it is marked failed.
MAX_ATTEMPTS = 3


def fetch_options() -> fetch.FetchOptions:
    """The reader's limits and the hosts ORTAK_FETCH_ALLOWED_HOSTS lets through."""
    limits = reader_settings()
    return fetch.FetchOptions(
        max_bytes=limits["max_bytes"],
        timeout=limits["url_timeout"],
        user_agent=limits["user_agent"],
        allowed_hosts=fetch.allowed_hosts_from_environment(),
    )


def fault_error(fault: Exception) -> OrtakError:
    return OrtakError(
        f"Ortak failed while reading this ({type(fault).__name__}: {fault}); the details "
        "are in the server's log for the developers"
    )


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
        return _item_failure(item, fault_error(fault))


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
