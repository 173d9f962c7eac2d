"""How long a task of the queue waits before it tries again after a passing failure."""

from __future__ import annotations

from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings

LONGEST_WAIT = 600  # seconds between two tries, at most


def backoff(tries: int) -> int:
    """Seconds before the next try: doubling from ORTAK_TASK_RETRY_BACKOFF, with jitter so
    that tasks that failed together do not come back together."""
    seconds: int = get_exponential_backoff_interval(
        factor=settings.ORTAK_TASK_RETRY_BACKOFF,
        retries=tries,
        maximum=LONGEST_WAIT,
        full_jitter=True,
    )
    return seconds
