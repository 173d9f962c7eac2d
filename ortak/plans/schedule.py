"""The weekly digest's place in the schedule kept in the database (django-celery-beat):
every Monday morning; the back office's *Periodic tasks* shows and changes it."""

from __future__ import annotations

from typing import Any

DIGEST_TASK = "ortak.plans.digest_send"
SCHEDULE_NAME = "Send the weekly plan digests"


def schedule_ensure(*, models: Any = None) -> Any:
    """Register the periodic task of the weekly digest (Mondays at 06:00 UTC).

    `models` is the app registry a data migration passes (its historical models); the
    installed ones otherwise. Safe to run again: one periodic task, one crontab.
    """
    if models is None:
        from django.apps import apps as models
    crontab_model = models.get_model("django_celery_beat", "CrontabSchedule")
    task_model = models.get_model("django_celery_beat", "PeriodicTask")
    crontab, _made = crontab_model.objects.get_or_create(
        minute="0", hour="6", day_of_week="1", day_of_month="*", month_of_year="*", timezone="UTC"
    )
    task, _made = task_model.objects.update_or_create(
        name=SCHEDULE_NAME,
        defaults={
            "task": DIGEST_TASK,
            "crontab": crontab,
            "interval": None,
            "enabled": True,
            "description": "E-mails each user who asked for it the measures overdue or due "
            "soon in their states, once a week (ortak.plans.tasks.plan_digest_send).",
        },
    )
    return task
