import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ortak.core.backup import backup_create, default_name
from ortak.core.errors import OrtakError


class Command(BaseCommand):
    help = (
        "Back up the database (search index included) and the kept files into one archive; "
        "PATH is a .tar.gz file, or a folder to write a dated one in."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")

    def handle(self, *args: Any, path: str, **options: Any) -> None:
        # A folder (existing, or named with a trailing slash) gets a dated archive in it.
        folder = Path(path).is_dir() or path.endswith(("/", os.sep))
        target = default_name(Path(path)) if folder else Path(path)
        try:
            manifest = backup_create(target)
        except OrtakError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest.counts.values())
        self.stdout.write(f"{target}: {manifest.engine} database, {rows:,} rows")
