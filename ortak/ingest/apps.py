from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "ortak.ingest"
    label = "ingest"
