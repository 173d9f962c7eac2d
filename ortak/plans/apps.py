from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ortak.plans"
    label = "plans"

    def ready(self) -> None:
        # A published event is linked to the measures it carries out (ortak.plans.services).
        from ortak.events.signals import event_published
        from ortak.plans.receivers import event_published_link

        event_published.connect(event_published_link, dispatch_uid="plans-event-published")

        from ortak.core.schedules import schedule_kept
        from ortak.plans.schedule import SCHEDULE_NAME, schedule_ensure

        schedule_kept(self, SCHEDULE_NAME, schedule_ensure)

        # A worker that starts again takes back at once the reports its stop cut short.
        from ortak.core.jobs import on_worker_start
        from ortak.plans.services.report_jobs import report_jobs_take_back

        on_worker_start(report_jobs_take_back, dispatch_uid="plans-report-jobs-take-back")
