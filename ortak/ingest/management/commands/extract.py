"""`ortak extract PATH|URL|- ...`: one event record per article, as JSON Lines.

The command reads files (the articles of a folder, in name order, and globs too), URLs or
standard input, runs the extraction pipeline and prints each record on its own line. It
never touches the database. A bad article prints its coded error on stderr and the batch
goes on with the next; the exit code is 1 if any article failed.
"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from ortak.ingest.batch import batch


class Command(BaseCommand):
    help = "Extract an event record from each article (file, directory, glob, URL or -)."
    requires_system_checks: list = []  # reading text needs neither models nor a database

    def add_arguments(self, parser) -> None:
        parser.add_argument("inputs", nargs="+", help="files, directories, globs, URLs or -")
        parser.add_argument(
            "--published",
            type=_date,
            help="publication date (YYYY-MM-DD) for plain texts that carry none",
        )
        parser.add_argument(
            "--evidence", action="store_true", help="add each record's evidence under _evidence"
        )

    def handle(self, *args, **options) -> None:
        from ortak.ingest.extract import extract, reader

        def one(source: str) -> None:
            extraction = extract(reader.read_source(source, published=options["published"]))
            self.stdout.write(_line(extraction, options["evidence"]))
            for note in extraction.notes:
                self.stderr.write(f"{source}: {note}")

        failed = batch(options["inputs"], one, self.stderr.write)
        if failed:
            raise CommandError(f"{failed} article(s) could not be read", returncode=1)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--published wants YYYY-MM-DD, not {text!r}") from exc


def _line(extraction, with_evidence: bool) -> str:
    record = extraction.record.to_dict()
    if with_evidence:
        record["_evidence"] = [e.as_dict() for e in extraction.evidence]
    return json.dumps(record, ensure_ascii=False)
