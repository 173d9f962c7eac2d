"""`ortak plan-report PLAN --format xlsx|pdf --language ru -o FILE`: the implementation report."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ortak.core.errors import OrtakError
from ortak.plans import reports, selectors


class Command(BaseCommand):
    help = (
        "Write a plan's implementation report (each measure with its status, events, dates, "
        "hosts and participants' states) as XLSX or PDF, in one of the interface's languages."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("plan", help="the plan's id or title")
        parser.add_argument("--format", required=True, choices=sorted(reports.FORMATS))
        parser.add_argument(
            "--language", default="en", choices=[code for code, _name in settings.LANGUAGES]
        )
        parser.add_argument("-o", "--output", required=True, help="the file to write")

    def handle(self, *args, **options) -> None:
        try:
            plan = selectors.plan_find(key=options["plan"], as_of=timezone.localdate())
        except OrtakError as error:
            raise CommandError(str(error)) from error
        data = reports.render(plan, file_format=options["format"], language=options["language"])
        Path(options["output"]).write_bytes(data)
        self.stdout.write(f"{options['output']}: {plan.title}, {len(data)} bytes")
