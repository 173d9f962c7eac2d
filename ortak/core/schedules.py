"""Periodic tasks an app needs, kept in the database schedule (django-celery-beat).

A data migration puts them there once; a flush of the database (a restore into an empty
one, the tests' transactional cases) empties the table again. `schedule_kept` makes an
app's periodic task present after every migrate and flush, leaving one that is already
there (a period the secretariat changed since) as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def schedule_kept(app: AppConfig, name: str, ensure: Callable[[], Any]) -> None:
    """Run `ensure` after migrate and flush when no periodic task called `name` exists."""

    def present(**_: Any) -> None:
        from django_celery_beat.models import PeriodicTask

        if not PeriodicTask.objects.filter(name=name).exists():
            ensure()

    post_migrate.connect(present, sender=app, weak=False, dispatch_uid=f"{app.label}:{name}")
