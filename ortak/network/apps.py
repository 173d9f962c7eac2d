from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "ortak.network"
    label = "network"
    verbose_name = _("The network")

    def ready(self) -> None:
        # Experts are kept out of the search index; `ortak duplicates` asks this app for them.
        from ortak.network.selectors import expert_duplicates
        from ortak.search.duplicates import FINDERS

        FINDERS["expert"] = expert_duplicates
