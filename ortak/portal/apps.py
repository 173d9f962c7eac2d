from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "ortak.portal"
    label = "portal"

    def ready(self) -> None:
        """Cached figures start afresh when a record changes (see ortak.portal.cache)."""
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from ortak.portal.cache import invalidate

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(invalidate, dispatch_uid=f"ortak.portal.cache.{signal}")
