from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedsConfig(AppConfig):
    name = "ortak.feeds"
    label = "feeds"
    verbose_name = _("News feeds")

    def ready(self) -> None:
        from ortak.core.schedules import schedule_kept
        from ortak.feeds.schedule import SCHEDULE_NAME, schedule_ensure

        schedule_kept(self, SCHEDULE_NAME, schedule_ensure)
