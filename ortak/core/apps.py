from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ortak.core"
    label = "core"
    verbose_name = "Ortak core"

    def ready(self) -> None:
        from ortak.core.datadir import data_dir_ensure

        data_dir_ensure()
