from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "ortak.registry"
    label = "registry"
