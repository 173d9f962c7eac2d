"""Background work of the feeds, for Celery; each task also runs in-process when called
directly (`feeds_poll_due()`, `feed_poll.apply(...)`), with no broker.

The schedule (ortak.feeds.schedule) runs `feeds_poll_due` every few minutes. A feed that
fails is retried by the schedule itself, after its backoff (kept in the database, shown
in the back office); a poll asked for by hand (`feed_poll`) is retried by Celery with
growing delays when the site fails for a passing reason. Both are idempotent: a feed
item is read once, whatever its status says.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task

from ortak.accounts.services import operator_user
from ortak.feeds import services
from ortak.feeds.models import Feed
from ortak.feeds.schedule import POLL_DUE_TASK

# Seconds before the retries of a poll asked for by hand: 60, 120, 240.
RETRY_BASE_SECONDS = 60
MAX_RETRIES = 3


@shared_task(name=POLL_DUE_TASK, ignore_result=True)
def feeds_poll_due() -> list[dict[str, Any]]:
    """Poll every feed whose time has come, as the Ortak operator."""
    reports = services.feeds_poll_due(actor=operator_user())
    return [report.as_dict() for report in reports]


@shared_task(name="ortak.feeds.poll", bind=True, max_retries=MAX_RETRIES)
def feed_poll(self: Any, feed_id: int) -> dict[str, Any]:
    """Poll one feed now; retried with backoff when the site fails for a passing reason."""
    feed = Feed.objects.select_related("institution", "added_by").get(pk=feed_id)
    report = services.feed_poll(actor=operator_user(), feed=feed)
    error = report.error
    if error is not None and error.context.get("transient"):
        countdown = RETRY_BASE_SECONDS * 2**self.request.retries
        raise self.retry(exc=error, countdown=countdown)
    return report.as_dict()
