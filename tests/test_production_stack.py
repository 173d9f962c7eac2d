"""`make production` (scripts/production.sh): the whole stack starts on this machine,
answers /healthz with the production settings, runs gunicorn, two Celery workers and the
scheduler, and stops with everything it started on one signal.

Slow (a fresh database is migrated): marked `stack`. It needs PostgreSQL (the server of
ORTAK_TEST_DATABASE_URL, in a database of its own, `<name>_stack`, dropped afterwards) and
Redis (ORTAK_TEST_REDIS_URL).
"""

from __future__ import annotations

import os
import signal
import socket
import urllib.request
from pathlib import Path

import environ
import psycopg
import pytest
from psycopg import sql

from ortak.ingest.tests import workers

pytestmark = pytest.mark.stack
TEST_ONLY_VARIABLES = {"DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE", "ORTAK_TASKS_EAGER"}
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def stack_database():
    url = os.environ.get("ORTAK_TEST_DATABASE_URL")
    if not url or not url.startswith("postgres"):
        pytest.skip("the production stack needs PostgreSQL: set ORTAK_TEST_DATABASE_URL")
    config = environ.Env.db_url_config(url)
    name = f"{config['NAME']}_stack"
    yield url.rsplit("/", 1)[0] + f"/{name}"
    server = psycopg.connect(
        host=config["HOST"] or "127.0.0.1",
        port=config["PORT"] or 5432,
        user=config["USER"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with server:
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def test_the_production_stack_starts_answers_and_stops_on_a_signal(stack_database, tmp_path):
    workers.redis_reachable()
    port, log = _free_port(), tmp_path / "stack.log"
    # The stack runs as a deployment does: none of the test run's own switches (the
    # browser journeys allow Django's async-unsafe calls, which check --deploy refuses).
    env = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_VARIABLES}
    env.update(
        DATABASE_URL=stack_database,
        ORTAK_BROKER_URL=workers.REDIS_URL,
        ORTAK_BIND=f"127.0.0.1:{port}",
        ORTAK_DATA_DIR=str(tmp_path / "data"),
        ORTAK_WEB_WORKERS="2",
    )
    stack = workers.start(["bash", "scripts/production.sh"], env, log)
    try:
        workers.wait_for(
            lambda: _healthy(port) or _stopped(stack), seconds=600, what="no /healthz", log=log
        )
        assert not _stopped(stack), f"the stack stopped:\n{log.read_text()[-4000:]}"
        workers.wait_for(
            lambda: (
                _parts(stack.pid)
                == {"gunicorn": True, "workers": {"worker1@", "worker2@"}, "beat": True}
            ),
            seconds=120,
            what="not every part running",
            log=log,
        )
        stack.send_signal(signal.SIGTERM)
        stack.wait(timeout=90)
    finally:
        workers.kill_group(stack)
    assert _group(stack.pid) == [], "a part of the stack outlived it"


def _stopped(stack) -> bool:
    return stack.poll() is not None


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=3) as answer:
            return answer.status == 200
    except OSError:
        return False


def _group(pgid: int) -> list[list[str]]:
    """The command lines of the processes in the stack's process group."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append((stat.parent / "cmdline").read_bytes().decode().split("\0"))
        except (OSError, IndexError, ValueError):
            continue
    return found


def _parts(pgid: int) -> dict[str, object]:
    """Which parts run: gunicorn, the named Celery workers, the scheduler."""
    commands = [" ".join(command) for command in _group(pgid)]
    return {
        "gunicorn": any("gunicorn config.wsgi" in c for c in commands),
        "workers": {n for n in ("worker1@", "worker2@") for c in commands if n in c},
        "beat": any("-A config beat" in c for c in commands),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
