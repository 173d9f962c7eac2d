from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "ortak.search"
    label = "search"
