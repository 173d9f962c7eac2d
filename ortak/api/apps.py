from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ortak.api"
    label = "api"
