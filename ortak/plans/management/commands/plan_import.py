"""`ortak plan-import PATH --title TITLE --years 2022[-2023] [--dry-run] [--json] [--as USER]`."""

import json
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ortak.accounts.services import command_user
from ortak.core.errors import OrtakError
from ortak.plans.importing import read_table
from ortak.plans.services import plan_import

_YEARS = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


def years(text: str) -> tuple[int, int]:
    match = _YEARS.match(text.strip())
    if not match:
        raise ValueError("write the years as 2022 or 2022-2023")
    first = int(match.group(1))
    return first, int(match.group(2) or first)


class Command(BaseCommand):
    help = (
        "Create a plan and its measures from a CSV or XLSX table (columns by header: number, "
        "measure, program, responsible, partners, host, due). Every row is checked first; "
        "nothing is written unless every row is valid."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="a .csv or .xlsx file")
        parser.add_argument("--title", required=True, help="the plan's title")
        parser.add_argument("--years", required=True, type=years, help="2022 or 2022-2023")
        parser.add_argument("--dry-run", action="store_true", help="check and show, write nothing")
        parser.add_argument("--json", action="store_true", help="the result as JSON")
        parser.add_argument(
            "--as",
            dest="username",
            metavar="USER",
            help="whose rights the import has: the OTS secretariat (default: the Ortak operator)",
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["path"])
        try:
            actor = command_user(options["username"])
            rows = read_table(path.read_bytes(), path.name)
            first, last = options["years"]
            result = plan_import(
                actor=actor, rows=rows, title=options["title"], year_from=first,
                year_to=last, dry_run=options["dry_run"],
            )  # fmt: skip
        except OSError as error:
            raise CommandError(f"ortak.E106: cannot read {path}: {error.strerror}") from error
        except OrtakError as error:
            raise CommandError(str(error)) from error
        self._print(result, options["json"])
        if result.problems:
            raise CommandError(f"{len(result.problems)} problems; nothing was written")

    def _print(self, result, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(_as_dict(result), ensure_ascii=False, indent=2))
            return
        for problem in result.problems:
            self.stderr.write(str(problem))
        verb = "would create" if result.dry_run or result.problems else "created"
        for row in result.rows:
            due = str(row.due) if row.due else "-"
            program = row.series.name if row.series else row.event_type or "-"
            self.stdout.write(f"{row.number or '-':>5} {row.title} [{program}; due {due}]")
        plan = f" in plan {result.plan.pk}" if result.plan else ""
        self.stdout.write(f"{verb} {len(result.rows)} measures{plan}")


def _as_dict(result) -> dict:
    return {
        "ok": result.ok,
        "dry_run": result.dry_run,
        "plan": result.plan.pk if result.plan else None,
        "problems": [vars(problem) for problem in result.problems],
        "measures": [
            {
                "row": row.row,
                "number": row.number,
                "measure": row.title,
                "series": row.series.name if row.series else None,
                "event_type": row.event_type,
                "responsible": [i.name for i in row.responsible],
                "partners": [i.name for i in row.partners],
                "host": row.host.iso_code if row.host else None,
                "due": str(row.due) if row.due else None,
            }
            for row in result.rows
        ],
    }
