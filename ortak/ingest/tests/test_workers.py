"""The task queue with real workers: a Celery worker on Redis reads a job, a worker killed
in the middle of a job leaves, once restarted, exactly one draft, and the worker that
`ortak serve` starts on the file-system broker reads a job too.

These start processes on the test database, so they run on PostgreSQL only (see
workers.shared_database_url), with Redis at ORTAK_TEST_REDIS_URL (skipped if unreachable).
"""

from __future__ import annotations

import re
import socket
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from celery.utils.nodenames import gethostname

from ortak.accounts.tests.factories import editor_of
from ortak.events.models import Source
from ortak.ingest.inputs import ArticleInput
from ortak.ingest.models import IngestJob, IngestJobStatus, Review
from ortak.ingest.services import ingest_job_create
from ortak.ingest.tests import workers
from ortak.registry.tests.factories import StateFactory

pytestmark = pytest.mark.django_db(transaction=True)
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "001.txt"
ARTICLE = SAMPLE.read_text(encoding="utf-8")
OTHER_ARTICLE = SAMPLE.with_name("002.txt").read_text(encoding="utf-8")
REDIS_OPTIONS = {"visibility_timeout": workers.VISIBILITY_TIMEOUT}
PRODUCTION_TIMEOUT = 1800  # ORTAK_BROKER_VISIBILITY_TIMEOUT's default


def _job(text: str = ARTICLE, *, state: str = "KG") -> IngestJob:
    """A sample article given in the workspace; its task goes to the configured broker."""
    editor = editor_of(StateFactory(key=state))
    return ingest_job_create(actor=editor, given=ArticleInput(text=text))


def _status(job: IngestJob) -> str:
    job.refresh_from_db()
    return job.status


def _assert_one_draft(job: IngestJob) -> None:
    job.refresh_from_db()
    assert (job.status, job.error_code) == (IngestJobStatus.DONE, "")
    assert Source.objects.count() == 1 and Review.objects.count() == 1
    assert job.review == Review.objects.get(source=Source.objects.get())
    assert "Bishkek" in job.review.source.text


@pytest.fixture
def redis_worker_env():
    env = workers.worker_environment(ORTAK_BROKER_URL=workers.REDIS_URL)
    workers.redis_reachable()
    with workers.tasks_sent_to(workers.REDIS_URL, REDIS_OPTIONS):
        yield env


def test_a_celery_worker_on_redis_reads_a_job_into_its_draft(redis_worker_env, tmp_path):
    log = tmp_path / "worker.log"
    worker = workers.start(workers.celery_worker_command("reader"), redis_worker_env, log)
    try:
        job = _job()
        workers.wait_for(lambda: _status(job) == "done", seconds=120, what="no draft", log=log)
    finally:
        workers.kill_group(worker)
    _assert_one_draft(job)
    assert job.attempts == 1


def test_a_worker_killed_in_the_middle_of_a_job_leaves_exactly_one_draft_once_restarted(
    redis_worker_env, tmp_path
):
    log = tmp_path / "worker.log"
    first = workers.start(workers.celery_worker_command("first"), redis_worker_env, log)
    try:
        job = _job()
        workers.wait_for(lambda: _status(job) == "running", seconds=120, what="not taken", log=log)
    finally:
        workers.kill_group(first)
    killed_at = time.monotonic()
    # Killed while reading: nothing was loaded, and the job says it was being read.
    assert (_status(job), Source.objects.count()) == (IngestJobStatus.RUNNING, 0)

    # The broker gives the unacknowledged message back once its visibility timeout passed.
    time.sleep(max(0.0, workers.VISIBILITY_TIMEOUT + 1 - (time.monotonic() - killed_at)))
    second = workers.start(workers.celery_worker_command("second"), redis_worker_env, log)
    try:
        workers.wait_for(lambda: _status(job) == "done", seconds=120, what="no draft", log=log)
    finally:
        workers.kill_group(second)
    _assert_one_draft(job)
    assert job.attempts == 2


@pytest.fixture
def redis_as_in_production():
    """Redis keeping a killed worker's message for the production visibility timeout."""
    env = workers.worker_environment(
        ORTAK_BROKER_URL=workers.REDIS_URL, ORTAK_BROKER_VISIBILITY_TIMEOUT=str(PRODUCTION_TIMEOUT)
    )
    workers.redis_reachable()
    with workers.tasks_sent_to(workers.REDIS_URL, {"visibility_timeout": PRODUCTION_TIMEOUT}):
        yield env


def test_a_worker_killed_mid_article_takes_its_job_back_as_soon_as_it_restarts(
    redis_as_in_production, tmp_path
):
    """Redis would give the killed worker's message back after 30 minutes; the worker,
    started again under its name, reads the job within a minute, and the message Redis
    gives back later finds the job done and loads nothing."""
    log = tmp_path / "worker.log"
    command = workers.celery_worker_command("first")
    first = workers.start(command, redis_as_in_production, log)
    try:
        job = _job()
        workers.wait_for(lambda: _status(job) == "running", seconds=120, what="not taken", log=log)
    finally:
        workers.kill_group(first)
    job.refresh_from_db()
    assert (job.worker, Source.objects.count()) == (f"first@{gethostname()}", 0)
    [killed_message] = re.findall(r"ingest_job_process\[([-0-9a-f]+)\] received", log.read_text())

    again = workers.start(command, redis_as_in_production, log)
    try:
        workers.wait_for(lambda: _status(job) == "done", seconds=60, what="no draft", log=log)
    finally:
        workers.kill_group(again)
    _assert_one_draft(job)
    assert job.attempts == 2

    # The killed worker's message, given back by a worker with a short visibility timeout.
    late_log = tmp_path / "late.log"
    late_env = {**redis_as_in_production, "ORTAK_BROKER_VISIBILITY_TIMEOUT": "1"}
    late = workers.start(workers.celery_worker_command("late"), late_env, late_log)
    try:
        workers.wait_for(
            lambda: f"{killed_message}] succeeded" in late_log.read_text(),
            seconds=90,
            what="the killed worker's message not given back",
            log=late_log,
        )
    finally:
        workers.kill_group(late)
    _assert_one_draft(job)
    assert job.attempts == 2


def test_the_worker_ortak_serve_starts_reads_jobs_without_any_broker_service(tmp_path):
    """No ORTAK_BROKER_URL: messages are files in the data directory. A job given before the
    server started and one given while it runs are both read; stopping the server stops
    its worker."""
    env = workers.worker_environment(ORTAK_DATA_DIR=str(tmp_path))
    env.pop("ORTAK_BROKER_URL", None)
    queue = tmp_path / "queue"
    (queue / "messages").mkdir(parents=True)
    folders = {"data_folder_in": str(queue / "messages"), "control_folder": str(queue / "control")}
    with workers.tasks_sent_to(
        "filesystem://", {**folders, "data_folder_out": str(queue / "messages")}
    ):
        before = _job()
        log, port = tmp_path / "serve.log", _free_port()
        command = [sys.executable, "-m", "ortak.cli", "serve", f"127.0.0.1:{port}"]
        server = workers.start(command, env, log)
        try:
            workers.wait_for(lambda: _answers(port), seconds=60, what="no server", log=log)
            worker_pid = _only_child(server.pid)
            after = _job(OTHER_ARTICLE, state="KZ")
            workers.wait_for(
                lambda: {_status(before), _status(after)} == {"done"},
                seconds=180,
                what="not both drafts",
                log=log,
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert Review.objects.count() == 2 and Source.objects.count() == 2
    assert not Path(f"/proc/{worker_pid}").exists(), "the worker outlived the server"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


def _only_child(pid: int) -> int:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    assert len(children) == 1, children
    return int(children[0])
