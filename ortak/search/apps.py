from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "ortak.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        # Imported here: the handlers read the models of the apps search indexes.
        from ortak.search import signals

        signals.connect()
