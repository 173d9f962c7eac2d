from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "ortak.events"
    label = "events"
