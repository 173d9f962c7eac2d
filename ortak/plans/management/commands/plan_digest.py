"""`ortak plan-digest`: send the weekly digests (run it once a week, e.g. from cron)."""

from django.core.management.base import BaseCommand

from ortak.plans.services.digest import digest_send


class Command(BaseCommand):
    help = "E-mail each user who asked for it the measures overdue or due soon in their states."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--language", default="en", help="the language of the e-mails")

    def handle(self, *args, **options) -> None:
        sent = digest_send(language=options["language"])
        self.stdout.write(f"{sent} digests sent")
