from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _schedule_present(**_: Any) -> None:
    """The polling schedule exists after every migrate, and after a flush of the database
    (which empties the table the data migration filled); a period set since is kept."""
    from django_celery_beat.models import PeriodicTask

    from ortak.feeds.schedule import SCHEDULE_NAME, schedule_ensure

    if not PeriodicTask.objects.filter(name=SCHEDULE_NAME).exists():
        schedule_ensure()


class FeedsConfig(AppConfig):
    name = "ortak.feeds"
    label = "feeds"
    verbose_name = _("News feeds")

    def ready(self) -> None:
        post_migrate.connect(_schedule_present, sender=self, dispatch_uid="feeds:schedule")
