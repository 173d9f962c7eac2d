"""Pausing, resuming and removing a feed: whoever may change its institution's records may,
an editor of another state may not, and a refusal writes nothing."""

from __future__ import annotations

import pytest

from ortak.core.errors import PermissionDenied
from ortak.feeds.models import Feed, FeedItem
from ortak.feeds.services import feed_add, feed_pause, feed_poll, feed_remove, feed_resume
from ortak.ingest.models import Review


@pytest.fixture
def feed(rss_site, committee, az_editor):
    return feed_add(
        actor=az_editor, url=rss_site.url("/en/rss"), institution=committee, language="en"
    )


@pytest.mark.django_db
def test_a_paused_feed_is_not_due_and_is_due_again_once_resumed(feed, az_editor):
    feed_pause(actor=az_editor, feed=feed)
    assert not Feed.objects.get().active
    assert not Feed.objects.filter(active=True).exists()

    feed_resume(actor=az_editor, feed=feed)
    stored = Feed.objects.get()
    assert stored.active and stored.history.first().history_user == az_editor


@pytest.mark.django_db
def test_removing_a_feed_forgets_its_items_and_keeps_its_drafts(feed, az_editor):
    feed_poll(actor=az_editor, feed=feed)
    assert FeedItem.objects.count() == 5

    feed_remove(actor=az_editor, feed=feed)

    assert not Feed.objects.exists() and not FeedItem.objects.exists()
    assert Review.objects.count() == 5


@pytest.mark.django_db
@pytest.mark.parametrize("change", [feed_pause, feed_remove])
def test_an_editor_of_another_state_cannot_pause_or_remove_a_feed(feed, kz_editor, change):
    with pytest.raises(PermissionDenied) as refused:
        change(actor=kz_editor, feed=feed)

    assert refused.value.code == "E301"
    stored = Feed.objects.get()
    assert stored.active and stored.history.count() == 1


@pytest.mark.django_db
def test_an_editor_of_another_state_cannot_resume_a_paused_feed(feed, az_editor, kz_editor):
    feed_pause(actor=az_editor, feed=feed)

    with pytest.raises(PermissionDenied):
        feed_resume(actor=kz_editor, feed=feed)
    assert not Feed.objects.get().active
