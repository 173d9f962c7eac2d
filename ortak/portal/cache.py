"""What the portal keeps in the cache: aggregate figures, page fragments, and the data version.

Counting every event by type, state, year and institution costs more than the page itself,
and the counts change only when a record changes; so do the fragments that are the same for
every reader (the home page's body, a list's filters). Each is kept under the *data
version*, a number that any save or delete of a registry, events or plans record bumps
(wired in PortalConfig.ready), and under the *release*, a digest of the templates,
translations and portal code, so a deploy never serves what the old code drew.

The cache is shared by every worker process and the command line (CACHES in
config/settings/base.py), so a record saved anywhere is seen everywhere at once. `TIMEOUT`
bounds the age of a figure whose change sent no signal (a queryset `update()`, raw SQL).
The ETag of an anonymous reader's page is made of the same version (see `page_etag`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import get_language

from ortak.core.http import HtmxRequest
from ortak.core.models import PublishableModel

TIMEOUT = 600  # seconds
VERSION_KEY = "ortak:portal:version"
WATCHED_APPS = frozenset({"registry", "events", "plans"})
T = TypeVar("T")


def data_version() -> int:
    """The version of the published data; bumped by every write to a watched app.

    It starts at a random number, not 1: should the cache lose the key (a full file cache
    culls entries), it must not come back as a version that fragments were kept under.
    """
    return cast(int, cache.get_or_set(VERSION_KEY, lambda: secrets.randbits(62), None))


def release() -> str:
    """A digest of what draws the pages: templates, translations, the portal's code and the
    reference tables, so a cached fragment or an ETag of other code never matches. Read once
    per process; in development (DEBUG) from the files' times at every call, as templates
    are edited."""
    if settings.DEBUG:
        return _digest(lambda path: f"{path.stat().st_mtime_ns}".encode())
    return _release()


@functools.cache
def _release() -> str:
    return _digest(Path.read_bytes)


def _digest(content: Callable[[Path], bytes]) -> str:
    package = Path(__file__).resolve().parents[1]
    portal = Path(__file__).parent
    # The reference tables name cities, roles and countries on the pages as they are read.
    reference = package / "reference"
    files = [*package.rglob("*.html"), *package.rglob("*.mo"), *portal.rglob("*.py")]
    files += [*reference.rglob("*.yaml"), *reference.glob("*.py")]
    digest = hashlib.sha1()
    for path in sorted(files):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(content(path))
    return digest.hexdigest()[:12]


def stamp() -> str:
    """The data version and the release: what a fragment's cache key must vary on."""
    return f"{data_version()}-{release()}"


def cached(name: str, key: object, compute: Callable[[], T]) -> T:
    """`compute()`, kept under `name`, the repr of `key`, the data version and the release."""
    digest = hashlib.sha1(repr(key).encode("utf-8")).hexdigest()
    return cast(T, cache.get_or_set(f"ortak:portal:{name}:{stamp()}:{digest}", compute, TIMEOUT))


def _bump() -> None:
    with contextlib.suppress(ValueError):  # no version yet: nothing was cached
        cache.incr(VERSION_KEY)


def invalidate(sender: Any, instance: Any = None, action: str | None = None, **kwargs: Any) -> None:
    """A signal receiver: a record of the watched apps changed, so counts start afresh.

    Bumped at once (this transaction's own reads see the change) and again at commit: a
    reader in another process who counted between the two, still without the change,
    cached it under a version that the second bump retires; one bump at commit serves a
    transaction that writes many records.

    Changes no public page can show leave the cache alone: drafts that were never
    published, and their parts. While the workers read a feed into drafts, the portal's
    readers keep being served from the cache (bench/bench_stack.py measures it).
    """
    if sender._meta.app_label not in WATCHED_APPS or _unseen(sender, instance, action):
        return
    _bump()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        callback is _bump for _, callback, _ in connection.run_on_commit
    ):
        transaction.on_commit(_bump)


def _unseen(sender: Any, record: Any, action: str | None) -> bool:
    """Whether the change cannot show on a public page."""
    if action is not None and action.startswith("pre_"):
        return True  # the post_ signal follows
    if getattr(sender, "instance_type", None) is not None:
        return True  # a history entry: the record's own change sent its signal
    return record is not None and not _public(record)


def _public(record: Any) -> bool:
    """Whether the record is, or was, public; a part (a participation, an alias) is when a
    record it belongs to, and is deleted with, is. Unknown is taken as public."""
    if isinstance(record, PublishableModel):
        return record.is_published or record.was_published
    owners = _owner_fields(record.__class__)
    return not owners or any(_parent_public(record, field) for field in owners)


@functools.cache
def _owner_fields(model: Any) -> tuple[Any, ...]:
    """The model's links to the publishable records it is deleted with; read once per model,
    as every save of an article's drafts asks."""
    return tuple(
        field
        for field in model._meta.concrete_fields
        if field.many_to_one
        and field.remote_field.on_delete is models.CASCADE
        and issubclass(field.related_model, PublishableModel)
    )


def _parent_public(record: Any, field: Any) -> bool:
    parent = field.get_cached_value(record, None)  # never a query: not loaded is unknown
    return parent is None or _public(parent)


def page_etag(request: HtmxRequest) -> str | None:
    """The ETag of a public page for an anonymous reader; None for a signed-in one.

    A page shows the published data in the reader's language, as of today (planned events
    move to the past): the same version, language, address and day give the same page.
    """
    if request.user.is_authenticated:
        return None
    day, htmx = timezone.localdate(), bool(request.htmx)
    parts = (stamp(), get_language(), request.get_full_path(), day, htmx)
    return '"' + hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:24] + '"'
