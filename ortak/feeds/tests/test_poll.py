"""Polling a feed served on loopback: each article ingested once, as drafts for review."""

from __future__ import annotations

import pytest

from ortak.feeds.addresses import normalize_url
from ortak.feeds.models import FeedItem, FeedItemStatus, FeedKind
from ortak.feeds.services import feed_add, feed_poll
from ortak.feeds.tests.articles import ARTICLES, NewsArticle
from ortak.feeds.tests.conftest import FEED_ETAG, FEED_MODIFIED
from ortak.feeds.tests.site import atom, listing, rss
from ortak.ingest.models import Review, ReviewStatus


def _statuses(feed) -> list[str]:
    return sorted(feed.items.values_list("status", flat=True))


@pytest.mark.django_db
def test_a_feed_of_five_items_ingests_five_drafts_and_a_second_poll_none(
    rss_site, committee, az_editor
):
    feed = feed_add(
        actor=az_editor, url=rss_site.url("/en/rss"), institution=committee, language="en"
    )
    assert feed.kind == FeedKind.RSS

    first = feed_poll(actor=az_editor, feed=feed)

    assert (first.listed, first.new, first.ingested, first.duplicate, first.failed) == (
        5, 5, 5, 0, 0,
    )  # fmt: skip
    reviews = Review.objects.filter(status=ReviewStatus.PENDING)
    assert reviews.count() == 5
    assert {review.created_by for review in reviews} == {az_editor}
    assert {review.source.url for review in reviews} == {
        normalize_url(rss_site.url(article.path)) for article in ARTICLES
    }
    assert {review.source.title for review in reviews} == {a.title for a in ARTICLES}
    item = feed.items.get(url=normalize_url(rss_site.url(ARTICLES[0].path)))
    assert item.review.source == item.source and item.guid == ARTICLES[0].guid

    second = feed_poll(actor=az_editor, feed=feed)

    assert second.not_modified and (second.new, second.ingested) == (0, 0)
    assert Review.objects.count() == 5
    conditional = rss_site.requested("/en/rss")[-1]
    assert conditional.headers["If-None-Match"] == FEED_ETAG
    assert conditional.headers["If-Modified-Since"] == FEED_MODIFIED
    assert conditional.status == 304
    assert all(len(rss_site.requested(article.path)) == 1 for article in ARTICLES)


@pytest.mark.django_db
def test_a_changed_feed_brings_only_its_new_article(rss_site, committee, secretariat):
    feed = feed_add(
        actor=secretariat, url=rss_site.url("/en/rss"), institution=committee, language="en"
    )
    rss_site.serve("/en/rss", rss(rss_site, ARTICLES[:2]), etag='"a"')
    feed_poll(actor=secretariat, feed=feed)
    rss_site.serve_articles(ARTICLES)
    rss_site.serve("/en/rss", rss(rss_site, ARTICLES[:3]), etag='"b"')

    report = feed_poll(actor=secretariat, feed=feed)

    assert (report.listed, report.new, report.ingested) == (3, 1, 1)
    assert feed.items.count() == 3 and Review.objects.count() == 3
    feed.refresh_from_db()
    assert feed.etag == '"b"' and feed.failures == 0 and feed.last_succeeded_at


@pytest.mark.django_db
def test_an_atom_feed_with_relative_links_is_read(site, committee, secretariat):
    site.serve_articles(ARTICLES[:2])
    site.serve("/en/atom.xml", atom(site, ARTICLES[:2]), content_type="application/atom+xml")
    feed = feed_add(
        actor=secretariat, url=site.url("/en/atom.xml"), institution=committee, language="en"
    )

    report = feed_poll(actor=secretariat, feed=feed)

    assert feed.kind == FeedKind.ATOM and report.ingested == 2
    assert set(feed.items.values_list("url", flat=True)) == {
        normalize_url(site.url(a.path)) for a in ARTICLES[:2]
    }
    assert all(item.published is not None for item in feed.items.all())


@pytest.mark.django_db
def test_a_news_page_without_a_feed_is_read_for_its_article_links(site, committee, secretariat):
    site.serve_articles(ARTICLES[:3])
    site.serve("/en/news", listing(ARTICLES[:3]))
    feed = feed_add(
        actor=secretariat, url=site.url("/en/news"), institution=committee, language="en"
    )

    report = feed_poll(actor=secretariat, feed=feed)

    assert feed.kind == FeedKind.LISTING
    assert (report.listed, report.ingested) == (3, 3)
    assert set(feed.items.values_list("title", flat=True)) == {a.title for a in ARTICLES[:3]}
    assert not site.requested("/tag/diaspora") and not site.requested("/about")


@pytest.mark.django_db
def test_a_page_declaring_its_feed_registers_the_feed(rss_site, committee, secretariat):
    rss_site.serve(
        "/en",
        '<html><head><link rel="alternate" type="application/rss+xml" href="/en/rss">'
        "</head><body><p>Welcome</p></body></html>",
    )

    feed = feed_add(
        actor=secretariat, url=rss_site.url("/en"), institution=committee, language="en"
    )

    assert (feed.url, feed.kind) == (rss_site.url("/en/rss"), FeedKind.RSS)


@pytest.mark.django_db
def test_the_same_article_under_several_addresses_is_ingested_once(site, committee, secretariat):
    forum = ARTICLES[0]
    site.serve(forum.path, forum.html(site))
    # A print version naming the article as its canonical address, and a mirror with the
    # very same text and no canonical link.
    site.serve("/en/print/4411", forum.html(site, canonical=site.url(forum.path) + "/"))
    site.serve("/mirror/forum-of-diaspora-youth", forum.html(site))
    variants = [
        f"{forum.path}?utm_source=rss&utm_medium=feed",
        f"{forum.path}/#comments",
    ]
    items = "".join(
        f"<item><title>{forum.title}</title><link>{site.url(path)}</link></item>"
        for path in [*variants, "/en/print/4411", "/mirror/forum-of-diaspora-youth"]
    )
    site.serve(
        "/en/rss",
        f'<rss version="2.0"><channel><title>News</title>{items}</channel></rss>',
        content_type="application/rss+xml",
    )
    feed = feed_add(
        actor=secretariat, url=site.url("/en/rss"), institution=committee, language="en"
    )

    report = feed_poll(actor=secretariat, feed=feed)
    again = feed_poll(actor=secretariat, feed=feed)

    assert (report.listed, report.ingested, report.duplicate, report.failed) == (3, 1, 2, 0)
    assert again.new == 0 and Review.objects.count() == 1
    source = Review.objects.get().source
    assert all(item.source == source for item in feed.items.all())
    printed = feed.items.get(url=site.url("/en/print/4411"))
    assert printed.status == FeedItemStatus.DUPLICATE
    assert printed.canonical_url == site.url(forum.path)
    assert len([r for r in site.requests if r.path.startswith(forum.path)]) == 1


@pytest.mark.django_db
def test_an_article_another_feed_ingested_is_not_fetched_again(rss_site, committee, secretariat):
    first = feed_add(
        actor=secretariat, url=rss_site.url("/en/rss"), institution=committee, language="en"
    )
    feed_poll(actor=secretariat, feed=first)
    rss_site.serve("/en/news", listing(ARTICLES[:2]))
    second = feed_add(
        actor=secretariat, url=rss_site.url("/en/news"), institution=committee, language="en"
    )

    report = feed_poll(actor=secretariat, feed=second)

    assert (report.ingested, report.duplicate) == (0, 2)
    assert all(len(rss_site.requested(a.path)) == 1 for a in ARTICLES)


@pytest.mark.django_db
def test_an_item_page_failing_for_a_while_is_read_at_a_later_poll(site, committee, secretariat):
    site.serve_articles(ARTICLES[:2])
    site.pages[ARTICLES[1].path].unavailable = 1
    site.serve("/en/rss", rss(site, ARTICLES[:2]), content_type="application/rss+xml")
    feed = feed_add(
        actor=secretariat, url=site.url("/en/rss"), institution=committee, language="en"
    )

    first = feed_poll(actor=secretariat, feed=feed)
    waiting = feed.items.get(status=FeedItemStatus.NEW)
    second = feed_poll(actor=secretariat, feed=feed)

    assert (first.ingested, first.retrying, first.failed) == (1, 1, 0)
    assert (waiting.attempts, waiting.error_code) == (1, "E106")
    assert "503" in waiting.error
    assert (second.ingested, second.retrying) == (1, 0)
    assert _statuses(feed) == [FeedItemStatus.INGESTED] * 2


@pytest.mark.django_db
def test_an_item_that_is_no_article_fails_with_its_reason(site, committee, secretariat):
    gone = NewsArticle("gone-from-the-site-now", "Gone", ARTICLES[0].published, ("x",))
    site.serve("/en/rss", rss(site, [gone]), content_type="application/rss+xml")
    feed = feed_add(
        actor=secretariat, url=site.url("/en/rss"), institution=committee, language="en"
    )

    report = feed_poll(actor=secretariat, feed=feed)

    item = FeedItem.objects.get()
    assert report.failed == 1 and item.status == FeedItemStatus.FAILED
    assert item.error_code == "E106" and "404" in item.error and item.attempts == 1


@pytest.mark.django_db
def test_a_feed_with_only_a_last_modified_date_is_asked_conditionally(site, committee, secretariat):
    site.serve_articles(ARTICLES[:1])
    modified = "Thu, 12 Jun 2025 10:00:00 GMT"
    site.serve(
        "/en/rss?lang=en",
        rss(site, ARTICLES[:1]),
        content_type="application/rss+xml",
        last_modified=modified,
    )
    feed = feed_add(
        actor=secretariat, url=site.url("/en/rss?lang=en"), institution=committee, language="en"
    )

    feed_poll(actor=secretariat, feed=feed)
    second = feed_poll(actor=secretariat, feed=feed)

    last = site.requests[-1]
    assert second.not_modified and last.status == 304
    assert last.path == "/en/rss?lang=en" and last.headers["If-Modified-Since"] == modified
    assert "If-None-Match" not in last.headers


@pytest.mark.django_db
def test_an_item_is_fetched_by_its_link_as_the_feed_gives_it(site, committee, secretariat):
    forum = ARTICLES[0]
    site.serve("/en/news.php", forum.html(site))
    items = f"<item><title>Forum</title><link>{site.url('/en/news.php?source=4411')}</link></item>"
    site.serve(
        "/en/rss",
        f'<rss version="2.0"><channel><title>News</title>{items}</channel></rss>',
        content_type="application/rss+xml",
    )
    feed = feed_add(
        actor=secretariat, url=site.url("/en/rss"), institution=committee, language="en"
    )

    report = feed_poll(actor=secretariat, feed=feed)

    item = feed.items.get()
    assert report.ingested == 1 and item.url == site.url("/en/news.php")
    assert [r.path for r in site.requests if r.path.startswith("/en/news.php")] == [
        "/en/news.php?source=4411"
    ]
