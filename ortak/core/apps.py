from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ortak.core"
    label = "core"
    verbose_name = "Ortak core"
