"""The data directory (ORTAK_DATA_DIR): made on purpose before anything opens a file in it."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings


def data_dir_ensure() -> list[Path]:
    """Create the data directory, the folder of a SQLite database file and the folders of
    the file-system task queue (when no broker is set); return them.

    Called from CoreConfig.ready(), which Django runs before any command or request opens
    a database connection, so `ortak migrate` works wherever the project is cloned.
    """
    folders = [Path(settings.DATA_DIR)]
    for database in settings.DATABASES.values():
        name = str(database.get("NAME") or "")
        if database.get("ENGINE", "").endswith("sqlite3") and _is_file(name):
            folders.append(Path(name).parent)
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    folders += [
        Path(options[key]) for key in ("data_folder_in", "data_folder_out") if key in options
    ]
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    return folders


def _is_file(name: str) -> bool:
    return bool(name) and name != ":memory:" and not name.startswith("file:")
