"""`ortak plan-status [PLAN] [--as-of DATE] [--json]`: each measure's status from its evidence."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ortak.core.errors import OrtakError
from ortak.plans.report import plan_status_data


class Command(BaseCommand):
    help = (
        "Each measure of a plan with its number, title, status and linked events, and the "
        "plan's counts by status. Without PLAN: the plan covering --as-of, else the latest."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("plan", nargs="?", help="the plan's id or title")
        parser.add_argument("--as-of", type=dt.date.fromisoformat, help="YYYY-MM-DD; today")
        parser.add_argument("--json", action="store_true", help="one JSON document")

    def handle(self, *args, **options) -> None:
        as_of = options["as_of"] or timezone.localdate()
        try:
            data = plan_status_data(key=options["plan"], as_of=as_of)
        except OrtakError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{data['plan']['title']} (as of {data['as_of']})")
        for measure in data["measures"]:
            number = f"{measure['number']}." if measure["number"] else "-"
            self.stdout.write(f"{number:>5} {measure['status']:<12} {measure['title']}")
            for event in measure["events"]:
                self.stdout.write(
                    f"{'':18}event {event['id']}: {event['title']} "
                    f"({_when(event)}, {event['status']})"
                )
        counts = ", ".join(f"{status} {n}" for status, n in data["counts"].items())
        self.stdout.write(f"counts: {counts}")


def _when(event: dict) -> str:
    if event["date"]:
        return event["date"]
    return f"reported {event['reported']}" if event["reported"] else "no date"
