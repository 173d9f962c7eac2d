from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ortak.core.backup import backup_restore
from ortak.core.errors import OrtakError


class Command(BaseCommand):
    help = (
        "Restore a backup made by `ortak backup` into the configured database (which must "
        "be empty, or give --replace) and the kept files."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="overwrite a database that holds records already",
        )

    def handle(self, *args: Any, path: Path, replace: bool = False, **options: Any) -> None:
        try:
            manifest = backup_restore(path, replace=replace)
        except OrtakError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest.counts.values())
        self.stdout.write(f"{path}: restored {rows:,} rows of the backup of {manifest.created}")
