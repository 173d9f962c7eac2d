"""`ortak export organizations|experts [PATH]`: the records in the import's columns."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from ortak.network.exports import export_rows, write_table


class Command(BaseCommand):
    help = (
        "Export diaspora organizations or listed experts as CSV or XLSX, in the import's columns."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("kind", choices=["organizations", "experts"])
        parser.add_argument("path", nargs="?", default="-", help=".csv or .xlsx; - for stdout")

    def handle(self, *args, kind, path, **options) -> None:
        columns, rows = export_rows(kind)
        if path == "-":
            self.stdout.ending = ""
            write_table(self.stdout, columns, rows)
        else:
            with open(path, "w" if not path.endswith(".xlsx") else "wb", **_text(path)) as out:
                write_table(out, columns, rows, xlsx=path.endswith(".xlsx"))
        self.stderr.write(f"{len(rows)} {kind} exported")


def _text(path: str) -> dict:
    return {} if path.endswith(".xlsx") else {"newline": "", "encoding": "utf-8"}
