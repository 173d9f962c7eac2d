"""The polls run on a schedule kept in the database; the tasks also run in-process."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from ortak.feeds import tasks
from ortak.feeds.models import Feed
from ortak.feeds.schedule import SCHEDULE_NAME
from ortak.feeds.services import CLAIM, feed_add, feeds_poll_due
from ortak.feeds.services.polls import _claim
from ortak.feeds.tests.articles import ARTICLES
from ortak.feeds.tests.site import rss
from ortak.ingest.models import Review


@pytest.mark.django_db
def test_the_migrations_schedule_the_poll_of_due_feeds_every_five_minutes():
    scheduled = PeriodicTask.objects.get(name=SCHEDULE_NAME)

    assert scheduled.task == tasks.feeds_poll_due.name and scheduled.enabled
    assert (scheduled.interval.every, scheduled.interval.period) == (5, "minutes")


@pytest.mark.django_db
def test_the_schedule_command_sets_the_period_and_keeps_one_task():
    call_command("feeds", "schedule", "--every", "10")

    scheduled = PeriodicTask.objects.get(task=tasks.feeds_poll_due.name)
    assert scheduled.interval.every == 10


@pytest.fixture
def two_feeds(rss_site, committee, secretariat):
    """The committee's RSS feed, due, and a second feed of the same site not due yet."""
    rss_site.serve("/en/later", rss(rss_site, ARTICLES[:1]), content_type="application/rss+xml")
    due = feed_add(
        actor=secretariat, url=rss_site.url("/en/rss"), institution=committee, language="en"
    )
    later = feed_add(
        actor=secretariat, url=rss_site.url("/en/later"), institution=committee, language="en"
    )
    Feed.objects.filter(pk=later.pk).update(next_poll_at=timezone.now() + dt.timedelta(hours=1))
    return due, later


@pytest.mark.django_db
def test_only_the_feeds_whose_time_has_come_are_polled(rss_site, two_feeds, secretariat):
    due, _later = two_feeds
    requests_before = len(rss_site.requested("/en/later"))

    reports = feeds_poll_due(actor=secretariat)

    assert [report.feed for report in reports] == [due] and reports[0].ingested == 5
    assert len(rss_site.requested("/en/later")) == requests_before
    due.refresh_from_db()
    assert due.next_poll_at > timezone.now() + dt.timedelta(minutes=55)
    assert feeds_poll_due(actor=secretariat) == []


@pytest.mark.django_db
def test_a_feed_claimed_by_another_run_is_left_to_it(two_feeds):
    due, _later = two_feeds
    now = timezone.now()
    seen_by_this_run = Feed.objects.get(pk=due.pk)
    seen_by_another_run = Feed.objects.get(pk=due.pk)

    assert _claim(seen_by_another_run, now) is True
    assert _claim(seen_by_this_run, now) is False
    assert Feed.objects.get(pk=due.pk).next_poll_at == now + CLAIM


@pytest.mark.django_db
def test_the_scheduled_task_runs_in_process_without_a_broker(two_feeds):
    results = tasks.feeds_poll_due()

    assert [result["ingested"] for result in results] == [5]
    assert Review.objects.count() == 5


@pytest.mark.django_db
def test_a_poll_asked_for_by_hand_is_retried_when_the_site_has_a_bad_minute(rss_site, two_feeds):
    due, _later = two_feeds
    rss_site.pages["/en/rss"].unavailable = 1

    result = tasks.feed_poll.apply(args=[due.pk])

    assert result.successful() and result.result["ingested"] == 5
    assert [r.status for r in rss_site.requested("/en/rss")][-2:] == [503, 200]


@pytest.mark.django_db
def test_a_poll_refused_for_good_is_not_retried(rss_site, two_feeds):
    due, _later = two_feeds
    rss_site.serve("/en/rss", "", status=302, headers={"Location": "http://10.0.0.8/"})

    result = tasks.feed_poll.apply(args=[due.pk])

    assert result.successful() and result.result["error"].startswith("ortak.E106")
    assert len([r for r in rss_site.requested("/en/rss") if r.status == 302]) == 1


@pytest.mark.django_db(transaction=True)
def test_the_schedule_is_back_after_the_database_is_emptied_and_keeps_its_period():
    call_command("feeds", "schedule", "--every", "15")
    call_command("flush", "--no-input")  # what a restore into an empty database starts from
    assert PeriodicTask.objects.get(name=SCHEDULE_NAME).interval.every == 5
    call_command("feeds", "schedule", "--every", "15")
    call_command("migrate", "--no-input", verbosity=0)
    assert PeriodicTask.objects.get(name=SCHEDULE_NAME).interval.every == 15
