"""`ortak import organizations|experts PATH`: a spreadsheet into Ortak, with a dedup report."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from ortak.accounts.services import command_user
from ortak.core.errors import OrtakError
from ortak.network.imports.report import ImportReport
from ortak.network.imports.table import read_table
from ortak.network.services import ImportRefused, importer_for


class Command(BaseCommand):
    help = (
        "Import diaspora organizations or experts from a CSV or XLSX file. Each row is "
        "reported as new, same as a record Ortak has, duplicate of another row, or invalid; "
        "nothing is written while a row is invalid."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("kind", choices=["organizations", "experts"])
        parser.add_argument("path", metavar="PATH", help="a .csv or .xlsx file")
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="import the valid rows, leave the rest"
        )
        parser.add_argument("--json", action="store_true", help="the report as one JSON object")
        parser.add_argument(
            "--as",
            "--user",
            dest="user",
            metavar="USER",
            help="whose rights the import has (default: the Ortak operator)",
        )

    def handle(self, *args, kind, path, dry_run, skip_invalid, json: bool, user, **options):
        try:
            actor = command_user(user)
            rows = read_table(path)
            report = importer_for(kind)(
                actor=actor, rows=rows, dry_run=dry_run, skip_invalid=skip_invalid
            )
        except ImportRefused as refused:
            self._print(refused.report, as_json=json)
            raise CommandError(str(refused)) from refused
        except OrtakError as error:
            raise CommandError(str(error)) from error
        self._print(report, as_json=json)

    def _print(self, report: ImportReport, *, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json_dumps(report.as_dict()))
            return
        for row in report.rows:
            self.stdout.write(describe(row))
        counts = ", ".join(f"{n} {status}" for status, n in report.counts().items())
        outcome = "written" if report.written else "nothing written"
        self.stderr.write(f"{len(report.rows)} rows: {counts}; {outcome}")


def json_dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def describe(row) -> str:
    """One line of the report for a person."""
    head = f"line {row.line:>5}  {row.status:<9} {row.name}"
    if row.existing:
        return f"{head}  = #{row.existing.id} {row.existing.name} ({row.existing.score:.2f})"
    if row.duplicate_of:
        return f"{head}  = line {row.duplicate_of}"
    if row.problems:
        return f"{head}  " + "; ".join(f"{p.column}: {p.reason}" for p in row.problems)
    return head
