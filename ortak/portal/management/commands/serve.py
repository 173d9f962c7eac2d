"""`ortak serve` (what `make run` ends with): the web server and, beside it, one worker of
the task queue, started and stopped together.

The worker is a real Celery worker (`celery -A config worker`) with the scheduler inside it
(`--beat`), so articles given in the workspace are read exactly as in production. Without
ORTAK_BROKER_URL its broker is folders in the data directory, which a killed worker cannot
give back its message from: jobs left waiting are sent again when it starts, and the worker,
under the same name as before, takes back the jobs it left half done (ortak.core.jobs).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

STOP_SECONDS = 20  # a worker finishing its task before it stops; then it is killed


class Command(BaseCommand):
    help = (
        "Serve the portal at http://127.0.0.1:8000 with a worker of the task queue beside it "
        "(production: gunicorn on config.wsgi and `celery -A config worker`)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="serve only; the tasks wait for a worker started apart",
        )

    def handle(self, *args: Any, address: str, no_worker: bool, **options: Any) -> None:
        worker = None if no_worker else self._start_worker()
        # `kill` (SIGTERM) stops the server as Ctrl+C does, so the worker is stopped too.
        signal.signal(signal.SIGTERM, _interrupt)
        self.stdout.write(f"Ortak is at http://{address}/ (Ctrl+C to stop)")
        try:
            call_command("runserver", address, use_reloader=False)
        except KeyboardInterrupt:
            pass
        finally:
            if worker is not None:
                _stop(worker)

    def _start_worker(self) -> subprocess.Popen[bytes]:
        from ortak.ingest.services import ingest_jobs_resend

        worker = subprocess.Popen(worker_command(), env=os.environ.copy())
        resent = ingest_jobs_resend(older_than=timedelta(0))
        self.stdout.write(f"A worker of the task queue runs beside it ({resent} jobs resent)")
        return worker


def worker_command() -> list[str]:
    """One worker process with the scheduler inside it, for one machine and one user."""
    return [
        *(sys.executable, "-m", "celery", "-A", "config", "worker", "--beat", "--concurrency", "1"),
        *("--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"),
    ]


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _stop(worker: subprocess.Popen[bytes]) -> None:
    """A warm stop (the task in hand is finished), then a kill if it takes too long."""
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
