"""Registering a feed: its address read once to find what it is, its institution's
state deciding who may register it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast
from urllib.parse import urldefrag

from django.conf import settings
from django.db import IntegrityError, transaction

from ortak.accounts.permissions import require_edit
from ortak.core import fetch
from ortak.core.actors import Actor, acting_user
from ortak.core.errors import ValidationError
from ortak.core.services import with_actor
from ortak.feeds import reading
from ortak.feeds.models import Feed, FeedKind
from ortak.feeds.services.items import fetch_options
from ortak.registry.models import Institution

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@dataclass(frozen=True)
class Probe:
    """What an address turned out to be: the feed to poll there, and its kind."""

    url: str
    kind: str


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
    (E131), a kind given is one Ortak polls (E135); the address is fetched once to find
    what it is (E106, E132) and is registered once (E133).
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
            code="E135",
        )


def _require_unregistered(url: str) -> None:
    if Feed.objects.filter(url=url).exists():
        raise _registered(url)


def _registered(url: str) -> ValidationError:
    return ValidationError(
        f"the feed {url} is registered already; `ortak feeds list` shows it", code="E133"
    )


@transaction.atomic
def feed_pause(*, actor: Actor, feed: Feed) -> Feed:
    """Stop polling a feed, keeping its items and state; whoever may change it may (E301)."""
    return _active_set(actor, feed, active=False)


@transaction.atomic
def feed_resume(*, actor: Actor, feed: Feed) -> Feed:
    """Poll a paused feed again; it is due at once if its next poll time has passed (E301)."""
    return _active_set(actor, feed, active=True)


def _active_set(actor: Actor, feed: Feed, *, active: bool) -> Feed:
    require_edit(actor, feed)
    if feed.active != active:
        feed.active = active
        with_actor(feed, actor).save(update_fields=["active", "updated_at"])
    return feed


@transaction.atomic
def feed_remove(*, actor: Actor, feed: Feed) -> None:
    """Stop watching a feed and forget its items; the articles it brought stay, as sources
    and drafts. Whoever may change the feed may remove it (E301)."""
    require_edit(actor, feed)
    with_actor(feed, actor).delete()
