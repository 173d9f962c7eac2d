from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "ortak.portal"
    label = "portal"
