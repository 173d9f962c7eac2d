"""Backups of a whole Ortak: the database (with the search index in it) and the kept files.

`ortak backup PATH` writes one .tar.gz archive: `manifest.json` (when, which database engine,
how many rows of each model), the database (`database.sqlite3` from SQLite's online backup,
consistent while the site keeps serving, or `database.pgdump` from pg_dump's custom format)
and the files under MEDIA_ROOT. `ortak restore PATH` puts them back into the configured
database and MEDIA_ROOT; it refuses a database that holds records unless told to replace
them, and checks the restored row counts against the manifest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from django.apps import apps
from django.conf import settings
from django.db import connection, connections, transaction
from django.utils import timezone

from ortak.core.errors import OrtakError

FORMAT = 1
_SQLITE_FILE = "database.sqlite3"
_PG_FILE = "database.pgdump"


class BackupError(OrtakError):
    """A backup that cannot be made or put back."""

    code = "E500"


@dataclass(frozen=True)
class Manifest:
    """What an archive holds: format, date, engine and the row count of every model."""

    format: int
    created: str
    engine: str
    counts: dict[str, int]


class RowCursor(Protocol):
    """What `row_counts` reads through: Django's cursor, or sqlite3's on a copied database."""

    def execute(self, sql: str) -> object: ...

    def fetchone(self) -> Any: ...  # a row of the database's values


def row_counts(cursor: RowCursor | None = None) -> dict[str, int]:
    """Rows of every model's table, by `app_label.ModelName`, read through `cursor`."""
    tables = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() if cursor is None else _borrowed(cursor) as reader:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if table in tables and model._meta.managed:
                reader.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                counts[model._meta.label] = reader.fetchone()[0]
    return counts


@contextlib.contextmanager
def _borrowed(cursor: RowCursor) -> Iterator[RowCursor]:
    yield cursor


def backup_create(path: Path) -> Manifest:
    """Write the archive at `path` (E500 when the database cannot be copied).

    The row counts are read from the very state that is copied, so a site that keeps
    serving while it is backed up still restores to the counts in the manifest.
    """
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        dump = _dump_sqlite if _engine() == "sqlite" else _dump_postgres
        database, counts = dump(folder)
        manifest = Manifest(FORMAT, timezone.now().isoformat(), _engine(), counts)
        (folder / "manifest.json").write_text(json.dumps(manifest.__dict__, indent=1))
        path.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(path, "w:gz") as archive:
            archive.add(folder / "manifest.json", arcname="manifest.json")
            archive.add(database, arcname=database.name)
            media = _media_root()
            if media and media.is_dir():
                archive.add(media, arcname="media")
    return manifest


def backup_restore(path: Path, *, replace: bool = False) -> Manifest:
    """Put the archive at `path` back; refused (E501) over records unless `replace`."""
    if not replace and any(row_counts().get(label) for label in _record_labels()):
        raise BackupError(
            "the database holds records already; restore into an empty database, or give "
            "--replace to overwrite them",
            code="E501",
        )
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        _extract(path, folder)
        manifest = Manifest(**json.loads((folder / "manifest.json").read_text()))
        if manifest.engine != _engine():
            raise BackupError(
                f"the backup is of a {manifest.engine} database and this one is {_engine()}; "
                "restore it into the same kind of database",
                code="E502",
            )
        if manifest.engine == "sqlite":
            _load_sqlite(folder / _SQLITE_FILE)
        else:
            _load_postgres(folder / _PG_FILE)
        _restore_media(folder / "media")
    _check_counts(manifest)
    return manifest


def _engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else connection.vendor


def _record_labels() -> list[str]:
    ours = [c for c in apps.get_app_configs() if c.name.startswith("ortak.")]
    return [m._meta.label for config in ours for m in config.get_models()]


def _media_root() -> Path | None:
    root = getattr(settings, "MEDIA_ROOT", "")
    return Path(root) if root else None


def _dump_sqlite(folder: Path) -> tuple[Path, dict[str, int]]:
    target = folder / _SQLITE_FILE
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        counts = row_counts(copy.cursor())
    finally:
        copy.close()
    return target, counts


def _load_sqlite(source: Path) -> None:
    connection.close()
    connection.ensure_connection()
    with sqlite3.connect(source) as original:
        original.backup(connection.connection)
    original.close()


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    params = connections["default"].settings_dict
    args = ["--dbname", params["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if params.get(key):
            args += [flag, str(params[key])]
    environment = dict(os.environ)
    if params.get("PASSWORD"):
        environment["PGPASSWORD"] = params["PASSWORD"]
    return args, environment


def _dump_postgres(folder: Path) -> tuple[Path, dict[str, int]]:
    """pg_dump of the snapshot the counts were read in (an exported snapshot)."""
    target = folder / _PG_FILE
    args, environment = _pg_environment()
    command = [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target)]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = row_counts(cursor)
        _run([*command, f"--snapshot={snapshot}", *args], environment)
    return target, counts


def _load_postgres(source: Path) -> None:
    args, environment = _pg_environment()
    connection.close()
    command = [_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction"]
    _run([*command, *args, str(source)], environment)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} is not installed; install the PostgreSQL client tools", code="E503"
        )
    return found


def _run(command: list[str], environment: dict[str, str]) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}", code="E500")


def _extract(path: Path, folder: Path) -> None:
    try:
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(folder, filter="data")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"cannot read the backup {path}: {error}", code="E504") from error
    if not (folder / "manifest.json").is_file():
        raise BackupError(f"{path} is not an Ortak backup (no manifest.json)", code="E504")


def _restore_media(source: Path) -> None:
    media = _media_root()
    if media and source.is_dir():
        shutil.copytree(source, media, dirs_exist_ok=True)


def _check_counts(manifest: Manifest) -> None:
    restored = row_counts()
    missing = {
        k: (v, restored.get(k, 0)) for k, v in manifest.counts.items() if restored.get(k, 0) != v
    }
    if missing:
        raise BackupError(
            f"the restored database differs from the backup (expected, found): {missing}",
            code="E505",
        )


def default_name(folder: Path) -> Path:
    """A dated file name in `folder`, for a backup given a folder instead of a file."""
    return folder / f"ortak-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}.tar.gz"
