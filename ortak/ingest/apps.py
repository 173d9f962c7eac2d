from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "ortak.ingest"
    label = "ingest"

    def ready(self) -> None:
        # A worker that starts again takes back at once the jobs its stop cut short.
        from ortak.core.jobs import on_worker_start
        from ortak.ingest.services import ingest_jobs_take_back

        on_worker_start(ingest_jobs_take_back, dispatch_uid="ingest-jobs-take-back")
