"""The back office: a feed registered after its address is read, its last error and next
poll in the list, "poll now", and its items."""

from __future__ import annotations

import pytest

from ortak.accounts.tests.factories import sign_in_with_code
from ortak.feeds.models import Feed, FeedItem
from ortak.feeds.services import feed_add
from ortak.ingest.models import Review


@pytest.fixture
def staff_client(client, secretariat):
    secretariat.is_staff = True
    secretariat.save()
    sign_in_with_code(client, secretariat)
    return client


def _add_form(site, committee, path="/en/rss"):
    return {
        "url": site.url(path),
        "institution": committee.pk,
        "language": "en",
        "kind": "",
        "poll_interval": "01:00:00",
        "active": "on",
    }


@pytest.mark.django_db
def test_a_feed_is_registered_in_the_back_office_after_its_address_is_read(
    staff_client, rss_site, committee, secretariat
):
    assert staff_client.get("/admin/feeds/feed/add/").status_code == 200

    answer = staff_client.post("/admin/feeds/feed/add/", _add_form(rss_site, committee))

    assert answer.status_code == 302
    feed = Feed.objects.get()
    assert (feed.kind, feed.added_by, feed.language) == ("rss", secretariat, "en")


@pytest.mark.django_db
def test_an_address_that_cannot_be_read_is_refused_with_its_code(staff_client, rss_site, committee):
    answer = staff_client.post("/admin/feeds/feed/add/", _add_form(rss_site, committee, "/gone"))

    assert answer.status_code == 200 and "ortak.E106" in answer.content.decode()
    assert not Feed.objects.exists()


@pytest.mark.django_db
def test_poll_now_queues_the_polls_and_the_list_shows_the_last_error(
    staff_client, rss_site, committee, secretariat, django_capture_on_commit_callbacks
):
    feed = feed_add(
        actor=secretariat, url=rss_site.url("/en/rss"), institution=committee, language="en"
    )
    action = {"action": "poll_now", "_selected_action": [feed.pk]}

    with django_capture_on_commit_callbacks(execute=True):
        polled = staff_client.post("/admin/feeds/feed/", action, follow=True)

    assert "1 feed queued to be polled" in polled.content.decode()
    assert Review.objects.count() == 5  # the task ran at once (tasks are eager in tests)
    items = staff_client.get(f"/admin/feeds/feeditem/?feed__id__exact={feed.pk}")
    assert items.status_code == 200 and "Ingested" in items.content.decode()
    assert FeedItem.objects.count() == 5

    rss_site.serve("/en/rss", "gone", status=410)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post("/admin/feeds/feed/", action)
    listed = staff_client.get("/admin/feeds/feed/").content.decode()
    assert "ortak.E106: cannot fetch" in listed and "the server answered 410" in listed


@pytest.mark.django_db
def test_an_editor_sees_another_state_s_feed_but_cannot_poll_or_change_it(
    client, rss_site, committee, secretariat, kz_editor, django_capture_on_commit_callbacks
):
    feed = feed_add(
        actor=secretariat, url=rss_site.url("/en/rss"), institution=committee, language="en"
    )
    kz_editor.is_staff = True
    kz_editor.save()
    sign_in_with_code(client, kz_editor)

    page = client.get(f"/admin/feeds/feed/{feed.pk}/change/")
    with django_capture_on_commit_callbacks(execute=True):
        polled = client.post(
            "/admin/feeds/feed/", {"action": "poll_now", "_selected_action": [feed.pk]}, follow=True
        )

    assert "queued" not in polled.content.decode()
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert "ortak.E301" in polled.content.decode() and not Review.objects.exists()


@pytest.mark.django_db
def test_poll_now_answers_before_the_poll_which_a_worker_does_after(
    staff_client, rss_site, committee, secretariat, django_capture_on_commit_callbacks
):
    feed = feed_add(
        actor=secretariat, url=rss_site.url("/en/rss"), institution=committee, language="en"
    )

    with django_capture_on_commit_callbacks() as waiting:
        answer = staff_client.post(
            "/admin/feeds/feed/", {"action": "poll_now", "_selected_action": [feed.pk]}
        )
    assert answer.status_code == 302 and not Review.objects.exists()

    for callback in waiting:
        callback()
    assert Review.objects.count() == 5 and FeedItem.objects.count() == 5
