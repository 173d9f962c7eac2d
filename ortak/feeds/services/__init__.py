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

from ortak.feeds.services.items import MAX_ATTEMPTS, feed_actor, feed_item_ingest, fetch_options
from ortak.feeds.services.polls import (
    CLAIM,
    ITEMS_PER_POLL,
    MAX_BACKOFF,
    PollReport,
    backoff,
    feed_poll,
    feed_poll_enqueue,
    feeds_poll_due,
)
from ortak.feeds.services.registration import (
    Probe,
    feed_add,
    feed_address,
    feed_pause,
    feed_probe,
    feed_remove,
    feed_resume,
)

__all__ = [
    "CLAIM",
    "ITEMS_PER_POLL",
    "MAX_ATTEMPTS",
    "MAX_BACKOFF",
    "PollReport",
    "Probe",
    "backoff",
    "feed_actor",
    "feed_add",
    "feed_address",
    "feed_item_ingest",
    "feed_pause",
    "feed_poll",
    "feed_poll_enqueue",
    "feed_probe",
    "feed_remove",
    "feed_resume",
    "feeds_poll_due",
    "fetch_options",
]
