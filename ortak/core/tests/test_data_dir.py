"""The data directory is made on purpose, before anything opens the database in it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("settings_module", ["config.settings.dev", "config.settings.base"])
def test_migrate_creates_a_data_dir_that_does_not_exist_yet(tmp_path, settings_module):
    data_dir = tmp_path / "not" / "yet" / "var"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "ORTAK_TEST_DATABASE_URL"}
    }
    # A memory cache: the file cache must not create the folder as a side effect.
    env.update(
        ORTAK_DATA_DIR=str(data_dir),
        ORTAK_CACHE_URL="locmemcache://",
        DJANGO_SETTINGS_MODULE=settings_module,
    )
    done = subprocess.run(
        [sys.executable, "-m", "ortak.cli", "migrate", "--noinput", "--verbosity", "0"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert (data_dir / "ortak.sqlite3").is_file()
