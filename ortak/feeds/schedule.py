"""The polling schedule, kept in the database (django-celery-beat): one periodic task
runs `feeds_poll_due` every few minutes; each feed's own interval and backoff decide
whether that run polls it. The back office's *Periodic tasks* shows and changes it."""

from __future__ import annotations

from typing import Any

POLL_DUE_TASK = "ortak.feeds.poll_due"
SCHEDULE_NAME = "Poll the news feeds that are due"
EVERY_MINUTES = 5


def schedule_ensure(*, every_minutes: int = EVERY_MINUTES, models: Any = None) -> Any:
    """Register (or set the period of) the periodic task that polls the due feeds.

    `models` is the app registry a data migration passes (its historical models); the
    installed ones otherwise. Safe to run again: one periodic task, one interval each.
    """
    if models is None:
        from django.apps import apps as models
    interval_model = models.get_model("django_celery_beat", "IntervalSchedule")
    task_model = models.get_model("django_celery_beat", "PeriodicTask")
    interval, _made = interval_model.objects.get_or_create(every=every_minutes, period="minutes")
    task, _made = task_model.objects.update_or_create(
        name=SCHEDULE_NAME,
        defaults={
            "task": POLL_DUE_TASK,
            "interval": interval,
            "enabled": True,
            "description": "Polls each active news feed whose next poll time has come "
            "(ortak.feeds.tasks.feeds_poll_due).",
        },
    )
    return task
