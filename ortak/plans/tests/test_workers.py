"""The plans' tasks with a real Celery worker on Redis: the weekly digest sent twice sends
each e-mail once, and a report asked for on the plan's page is made and offered.

Like ortak/ingest/tests/test_workers.py, these start processes on the test database: they
run on PostgreSQL only, with Redis at ORTAK_TEST_REDIS_URL (skipped if unreachable).
"""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes

import pytest
from django.urls import reverse

from ortak.accounts.tests.factories import editor_of
from ortak.ingest.tests import workers
from ortak.plans.models import DigestDelivery, ReportJob
from ortak.plans.services.digest import digest_subscribe
from ortak.plans.tasks import plan_digest_send
from ortak.portal.tests.factories import ActivityPlanFactory, MeasureFactory
from ortak.registry.tests.factories import InstitutionFactory, StateFactory

pytestmark = pytest.mark.django_db(transaction=True)
REDIS_OPTIONS = {"visibility_timeout": workers.VISIBILITY_TIMEOUT}
TODAY = dt.date(2025, 7, 16)


@pytest.fixture
def worker(tmp_path):
    """A Celery worker on Redis whose e-mails are files in tmp_path/mail."""
    mail = tmp_path / "mail"
    mail.mkdir()
    env = workers.worker_environment(
        ORTAK_BROKER_URL=workers.REDIS_URL,
        ORTAK_EMAIL_URL=f"filemail:///{mail}",  # the path keeps its leading slash
    )
    workers.redis_reachable()
    log = tmp_path / "worker.log"
    with workers.tasks_sent_to(workers.REDIS_URL, REDIS_OPTIONS):
        process = workers.start(workers.celery_worker_command("plans"), env, log)
        try:
            yield mail, log
        finally:
            workers.kill_group(process)


def _recipients(mail) -> list[str]:
    """Who the worker's e-mails went to (the file backend appends each message to a file)."""
    found = []
    for path in mail.iterdir():
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                found.append(message_from_bytes(chunk.strip())["To"])
    return sorted(found)


def test_the_digest_sent_twice_by_a_worker_reaches_each_user_once(worker):
    mail, log = worker
    azerbaijan = StateFactory(key="AZ")
    MeasureFactory(
        title="Forum in Baku", responsible=[InstitutionFactory(state=azerbaijan)],
        due_date=dt.date(2025, 4, 1), due_until=dt.date(2025, 6, 30), due_precision="quarter",
    )  # fmt: skip
    for address in ("first@example.org", "second@example.org"):
        editor = editor_of(azerbaijan)
        editor.email = address
        editor.save()
        digest_subscribe(actor=editor, active=True)

    plan_digest_send.delay(TODAY.isoformat())
    plan_digest_send.delay(TODAY.isoformat())

    workers.wait_for(
        lambda: DigestDelivery.objects.count() == 2, seconds=120, what="no digest", log=log
    )
    workers.wait_for(
        lambda: log.read_text().count("succeeded") >= 2,
        seconds=60,
        what="the second task did not end",
        log=log,
    )
    assert _recipients(mail) == ["first@example.org", "second@example.org"]


def test_a_report_asked_for_on_the_page_is_made_by_the_worker(worker, client):
    _mail, log = worker
    plan = ActivityPlanFactory(title="Plan 2025", year_from=2025, year_to=2025)
    MeasureFactory(plan=plan, number="1", title="Hold the forum")

    answer = client.get(reverse("portal:plan_report", args=[plan.pk, "pdf"]), {"language": "en"})
    job = ReportJob.objects.get()
    assert answer["Location"] == reverse("portal:plan_report_job", args=[job.pk])

    workers.wait_for(
        lambda: ReportJob.objects.filter(status="done").exists(), seconds=120, what="no report",
        log=log,
    )  # fmt: skip
    served = client.get(reverse("portal:plan_report_file", args=[job.pk]))
    assert served["Content-Type"] == "application/pdf" and served.content.startswith(b"%PDF")
