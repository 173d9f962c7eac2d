"""`ortak plan-digest`: send this week's digests not sent yet (the task queue's schedule
does it every Monday; see ortak.plans.tasks)."""

from django.core.management.base import BaseCommand, CommandError

from ortak.plans.services.digest import digest_send


class Command(BaseCommand):
    help = "E-mail each user who asked for it the measures overdue or due soon in their states."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--language", default="en", help="the language of the e-mails")

    def handle(self, *args, **options) -> None:
        run = digest_send(language=options["language"])
        self.stdout.write(f"{run.sent} digests sent")
        if run.failed:
            raise CommandError(f"not sent, run again later: {', '.join(run.failed)}")
