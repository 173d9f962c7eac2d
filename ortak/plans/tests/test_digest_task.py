"""The weekly digest as a task of the queue: in the schedule kept in the database, once per
user and week however often it runs, and tried again for those whose e-mail failed only."""

from __future__ import annotations

import datetime as dt
import smtplib

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django_celery_beat.models import PeriodicTask

from ortak.accounts.tests.factories import editor_of
from ortak.plans.models import DigestDelivery
from ortak.plans.schedule import DIGEST_TASK, SCHEDULE_NAME
from ortak.plans.services.digest import digest_subscribe
from ortak.plans.tasks import plan_digest_send
from ortak.portal.tests.factories import MeasureFactory
from ortak.registry.tests.factories import InstitutionFactory, StateFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 7, 16)  # a Wednesday: the week of Monday 14 July
REFUSED = "refused@example.org"


class RefusingOnceBackend(EmailBackend):
    """Django's test outbox behind a server that refuses one address the first time."""

    refusals: list[str] = []

    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.to and not self.refusals:
                self.refusals.append(REFUSED)
                raise smtplib.SMTPRecipientsRefused({REFUSED: (451, b"try again later")})
        return super().send_messages(messages)


@pytest.fixture
def subscribers():
    """Three editors of Azerbaijan who asked for the digest, and a measure of theirs overdue."""
    azerbaijan = StateFactory(key="AZ")
    MeasureFactory(
        title="Forum in Baku", responsible=[InstitutionFactory(state=azerbaijan)],
        due_date=dt.date(2025, 4, 1), due_until=dt.date(2025, 6, 30), due_precision="quarter",
    )  # fmt: skip
    addresses = ["first@example.org", REFUSED, "third@example.org"]
    for address in addresses:
        editor = editor_of(azerbaijan)
        editor.email = address
        editor.save()
        digest_subscribe(actor=editor, active=True)
    return addresses


def test_the_digest_task_run_twice_sends_one_email_per_user(subscribers, mailoutbox):
    assert plan_digest_send.delay(TODAY.isoformat()).get() == 3
    assert plan_digest_send.delay(TODAY.isoformat()).get() == 0

    assert sorted(m.to[0] for m in mailoutbox) == sorted(subscribers)
    assert "Forum in Baku" in mailoutbox[0].body
    assert DigestDelivery.objects.filter(period=dt.date(2025, 7, 14)).count() == 3


def test_the_command_and_the_task_share_the_record_of_the_week(subscribers, mailoutbox, capsys):
    call_command("plan_digest")
    plan_digest_send.delay()  # the scheduled run of the same week
    call_command("plan_digest")

    assert capsys.readouterr().out.splitlines() == ["3 digests sent", "0 digests sent"]
    assert len(mailoutbox) == 3


def test_a_refused_email_is_tried_again_without_sending_the_others_twice(
    subscribers, mailoutbox, settings
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingOnceBackend"
    RefusingOnceBackend.refusals.clear()

    # Eager tasks run their retries at once: the first try sends two, the retry the third.
    plan_digest_send.delay(TODAY.isoformat())

    assert RefusingOnceBackend.refusals == [REFUSED]
    assert sorted(m.to[0] for m in mailoutbox) == sorted(subscribers)
    assert DigestDelivery.objects.filter(period=dt.date(2025, 7, 14)).count() == 3


def test_next_week_the_digest_is_sent_again(subscribers, mailoutbox):
    plan_digest_send.delay(TODAY.isoformat())
    plan_digest_send.delay((TODAY + dt.timedelta(days=7)).isoformat())

    assert len(mailoutbox) == 6


def test_the_digest_is_in_the_schedule_kept_in_the_database():
    task = PeriodicTask.objects.get(name=SCHEDULE_NAME)

    assert (task.task, task.enabled) == (DIGEST_TASK, True)
    assert (task.crontab.day_of_week, task.crontab.hour) == ("1", "6")
    from django.conf import settings

    from config.celery import app

    app.loader.import_default_modules()  # what a worker does first: finds the tasks modules
    fixed = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert {DIGEST_TASK, *fixed} <= set(app.tasks)


@pytest.mark.django_db(transaction=True)
def test_the_digest_is_back_in_the_schedule_after_the_database_is_emptied():
    from django.core.management import call_command

    call_command("flush", "--no-input")
    assert PeriodicTask.objects.get(name=SCHEDULE_NAME).task == DIGEST_TASK
