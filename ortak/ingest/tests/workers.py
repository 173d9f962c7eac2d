"""Real workers of the task queue for the tests: Celery worker processes, and `ortak serve`,
started on the test database, which must be one a second process can open (PostgreSQL)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest
from django.db import connection

from config.celery import app

ROOT = Path(__file__).resolve().parents[3]


def _redis_url() -> str:
    """A Redis database the worker tests empty; each person on a shared machine names their
    own (ORTAK_TEST_REDIS_URL). Each process of a parallel run (pytest-xdist's gw0, gw1...)
    takes the one below the previous process's, so they never empty each other's."""
    url = os.environ.get("ORTAK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    process = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    if not process:
        return url
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{int(parts.path.strip('/') or 0) - process}"))


REDIS_URL = _redis_url()
VISIBILITY_TIMEOUT = 3  # seconds before a killed worker's message is delivered again


def shared_database_url() -> str:
    """The test database as a URL for a worker process; the test is skipped on SQLite's
    in-memory database, which no other process can open."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "the worker tests need a database another process can open: "
            "run them with ORTAK_TEST_DATABASE_URL=postgres://..."
        )
    db = connection.settings_dict
    user = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def redis_reachable() -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis is not reachable at {REDIS_URL} ({error}): worker test SKIPPED")
    client.flushdb()  # the tests' own database: no message of an earlier run is left


@contextlib.contextmanager
def tasks_sent_to(broker_url: str, transport_options: dict) -> Iterator[None]:
    """This process sends tasks to a broker instead of running them at once."""
    keys = ("task_always_eager", "broker_url", "broker_transport_options")
    saved = {key: app.conf[key] for key in keys}
    _forget_connections()
    app.conf.update(
        task_always_eager=False, broker_url=broker_url, broker_transport_options=transport_options
    )
    try:
        yield
    finally:
        _forget_connections()
        app.conf.update(saved)


def _forget_connections() -> None:
    """Connections, producers and declared queues are made again for the next broker."""
    import kombu.pools

    # Not app.close(): it also takes the app off Celery's list, so that a task module
    # imported afterwards (shared_task) would not register its tasks with it.
    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    kombu.pools.reset()
    app.__dict__.pop("amqp", None)


def worker_environment(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        ORTAK_TEST_DATABASE_URL=shared_database_url(),
        ORTAK_TASKS_EAGER="0",
        ORTAK_BROKER_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT),
    )
    env.update(extra)
    return env


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A process in its own group, so that it can be killed with all its children."""
    with log.open("ab") as out:
        return subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def celery_worker_command(name: str) -> list[str]:
    return [
        *(sys.executable, "-m", "celery", "-A", "config", "worker", "-n", f"{name}@%h"),
        *("--concurrency", "1", "--loglevel", "INFO"),
        *("--without-gossip", "--without-mingle", "--without-heartbeat"),
    ]


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL to the process and its children: nothing gets to clean up."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


@dataclass(frozen=True)
class _Consumer:
    """What a Celery worker's `worker_ready` signal comes from, as far as Ortak reads it."""

    hostname: str


def worker_ready_in_process(hostname: str) -> None:
    """The signal a worker of that name sends once it is started, sent in this process."""
    from celery.signals import worker_ready

    worker_ready.send(sender=_Consumer(hostname))


def wait_for(condition: Callable[[], bool], *, seconds: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} within {seconds} s; the worker's log:\n{log.read_text()[-4000:]}")
        time.sleep(0.05)
