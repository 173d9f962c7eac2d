"""A feed that cannot be read backs off, shows its last error and recovers; a feed that
leads inside the server's network is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ortak.core.errors import InputError
from ortak.feeds.models import Feed
from ortak.feeds.services import MAX_BACKOFF, backoff, feed_add, feed_poll
from ortak.feeds.tests.articles import ARTICLES
from ortak.feeds.tests.site import rss
from ortak.ingest.models import Review

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def feed(rss_site, committee, secretariat):
    return feed_add(
        actor=secretariat, url=rss_site.url("/en/rss"), institution=committee, language="en"
    )


@pytest.mark.django_db
def test_a_feed_answering_500_backs_off_shows_its_error_and_recovers(rss_site, feed, secretariat):
    healthy = rss_site.pages["/en/rss"]
    rss_site.serve("/en/rss", "internal error", status=500)
    start = timezone.now()

    first = feed_poll(actor=secretariat, feed=feed, now=start)
    second = feed_poll(actor=secretariat, feed=feed, now=start + 2 * HOUR)

    stored = Feed.objects.get(pk=feed.pk)
    assert first.error.code == "E106" and second.error.code == "E106"
    assert (stored.failures, stored.last_error_code) == (2, "E106")
    assert "the server answered 500" in stored.last_error
    assert stored.next_poll_at == start + 2 * HOUR + 4 * HOUR
    assert stored.last_succeeded_at is None and not Review.objects.exists()

    rss_site.pages["/en/rss"] = healthy
    recovered = feed_poll(actor=secretariat, feed=stored, now=start + 6 * HOUR)

    stored.refresh_from_db()
    assert recovered.error is None and recovered.ingested == 5
    assert (stored.failures, stored.last_error_code, stored.last_error) == (0, "", "")
    assert stored.next_poll_at == start + 7 * HOUR


@pytest.mark.parametrize(
    ("failures", "wait"),
    [(1, 2 * HOUR), (3, 8 * HOUR), (5, MAX_BACKOFF), (400, MAX_BACKOFF)],
)
def test_the_backoff_doubles_with_each_failure_up_to_a_day(failures, wait):
    assert backoff(HOUR, failures) == wait


def test_a_feed_polled_less_than_daily_waits_at_least_its_interval():
    assert backoff(dt.timedelta(days=2), 3) == dt.timedelta(days=2)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "is a cloud metadata address"),
        ("http://127.0.0.1:{other}/admin", "is not a public address"),
        ("http://10.1.2.3/", "is not a public address"),
    ],
)
def test_a_feed_redirecting_inside_the_network_is_refused(
    site, committee, secretariat, target, reason
):
    with type(site)() as inside:
        inside.serve("/admin", "<rss version='2.0'><channel></channel></rss>")
        site.serve(
            "/en/rss", "", status=302, headers={"Location": target.format(other=inside.port)}
        )

        with pytest.raises(InputError) as refused:
            feed_add(
                actor=secretariat, url=site.url("/en/rss"), institution=committee, language="en"
            )

    assert refused.value.code == "E106" and reason in refused.value.message
    assert not inside.requests and not Feed.objects.exists()


@pytest.mark.django_db
def test_a_registered_feed_that_starts_redirecting_inside_is_refused_and_backs_off(
    rss_site, feed, secretariat
):
    rss_site.serve("/en/rss", "", status=301, headers={"Location": "http://192.168.1.1/rss"})

    report = feed_poll(actor=secretariat, feed=feed)

    feed.refresh_from_db()
    assert report.error.code == "E106" and report.error.context["transient"] is False
    assert feed.last_error_code == "E106" and "192.168.1.1" in feed.last_error
    assert feed.failures == 1 and not feed.items.exists()


@pytest.mark.django_db
def test_a_feed_that_stops_being_a_feed_says_so(rss_site, feed, secretariat):
    rss_site.serve("/en/rss", "<html><body><p>We moved our news.</p></body></html>")

    report = feed_poll(actor=secretariat, feed=feed)

    assert report.error.code == "E132" and "no longer answers with an RSS" in report.error.message


@pytest.mark.django_db
def test_items_of_a_changed_feed_follow_its_new_etag(rss_site, feed, secretariat):
    feed_poll(actor=secretariat, feed=feed)
    rss_site.serve("/en/rss", rss(rss_site, ARTICLES), etag='"next"')

    report = feed_poll(actor=secretariat, feed=feed)

    assert not report.not_modified and report.listed == 5 and report.new == 0
    assert rss_site.requested("/en/rss")[-1].status == 200
