"""`ortak extract PATH|URL|- ...`: one event record per article, as JSON Lines.

The command reads files (directories and globs too), URLs or standard input, runs the
extraction pipeline and prints each record on its own line. It never touches the database.
A bad article prints its coded error on stderr; the others still go out, and the exit code
is 1 if any article failed.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
from collections.abc import Iterator
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ortak.core.errors import OrtakError

_ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", ".md"}


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
        from ortak.ingest.extract import extract

        failed = 0
        for source in _expand(options["inputs"]):
            try:
                extraction = extract(_read(source, options["published"]))
            except OrtakError as exc:
                failed += 1
                self.stderr.write(f"{source}: {exc}")
                continue
            self.stdout.write(_line(extraction, options["evidence"]))
            for note in extraction.notes:
                self.stderr.write(f"{source}: {note}")
        if failed:
            raise CommandError(f"{failed} article(s) could not be read", returncode=1)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--published wants YYYY-MM-DD, not {text!r}") from exc


def _expand(inputs: list[str]) -> Iterator[str]:
    """Each input as articles: a directory's article files, a glob's matches, else itself."""
    for item in inputs:
        if item == "-" or "://" in item:
            yield item
        elif Path(item).is_dir():
            yield from sorted(str(p) for p in Path(item).iterdir() if p.suffix in _ARTICLE_SUFFIXES)
        elif any(ch in item for ch in "*?[") and not Path(item).exists():
            yield from sorted(glob.glob(item)) or [item]
        else:
            yield item


def _read(source: str, published: dt.date | None):
    from ortak.ingest.extract import reader

    if source == "-":
        return reader.read_stdin(published=published)
    if "://" in source:
        return reader.read_url(source, published=published)
    return reader.read_path(source, published=published)


def _line(extraction, with_evidence: bool) -> str:
    record = extraction.record.to_dict()
    if with_evidence:
        record["_evidence"] = [e.as_dict() for e in extraction.evidence]
    return json.dumps(record, ensure_ascii=False)
