"""A short-lived cache for the portal's aggregate figures (facet counts, the map).

Counting every event by type, state, year and institution costs more than the page itself,
and the counts change only when a record changes. So they are kept for `TIMEOUT` seconds
under a version number that any save or delete of a registry, events or plans record bumps
(wired in PortalConfig.ready): this process never shows a count older than its last write,
and another process (each has its own cache) one at most TIMEOUT seconds old. The records a
page lists are never cached.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache

TIMEOUT = 60  # seconds
VERSION_KEY = "ortak:portal:version"
WATCHED_APPS = frozenset({"registry", "events", "plans"})
T = TypeVar("T")


def cached(name: str, key: object, compute: Callable[[], T]) -> T:
    """`compute()`, kept under `name`, the repr of `key` and the data's version."""
    version = cache.get_or_set(VERSION_KEY, 1, None)
    digest = hashlib.sha1(repr(key).encode("utf-8")).hexdigest()
    return cache.get_or_set(f"ortak:portal:{name}:{version}:{digest}", compute, TIMEOUT)


def invalidate(sender: Any, **kwargs: Any) -> None:
    """A signal receiver: a record of the watched apps changed, so counts start afresh."""
    if sender._meta.app_label in WATCHED_APPS:
        with contextlib.suppress(ValueError):  # no version yet: nothing was cached
            cache.incr(VERSION_KEY)
