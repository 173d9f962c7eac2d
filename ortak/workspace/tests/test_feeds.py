"""The workspace's news feeds: each editor sees their own state's feeds, registers one for
their institutions only, polls, pauses, resumes and removes it; a refusal writes nothing."""

from __future__ import annotations

import pytest

from ortak.feeds.models import Feed, FeedItem
from ortak.feeds.services import feed_add
from ortak.feeds.tests.articles import ARTICLES
from ortak.feeds.tests.site import fetchable_site, serve_rss
from ortak.ingest.models import Review
from ortak.registry.tests.factories import InstitutionFactory


@pytest.fixture
def site(monkeypatch):
    """The committee's news site on loopback, with its RSS feed at /en/rss."""
    with fetchable_site(monkeypatch) as news:
        serve_rss(news, ARTICLES)
        yield news


@pytest.fixture
def committee(azerbaijan):
    return InstitutionFactory(name="State Committee on Work with Diaspora", state=azerbaijan)


@pytest.fixture
def otandastar(kazakhstan):
    return InstitutionFactory(name="Otandastar Foundation", state=kazakhstan)


@pytest.fixture
def feed(site, committee, secretariat):
    return feed_add(
        actor=secretariat, url=site.url("/en/rss"), institution=committee, language="en"
    )


def _form(site, institution, path="/en/rss"):
    return {"url": site.url(path), "institution": institution.pk, "language": "en"}


@pytest.mark.django_db
def test_an_editor_sees_the_feeds_of_their_state_only(
    signed_in, editor, secretariat, feed, site, otandastar
):
    other = Feed.objects.create(
        url="https://otandastar.example/rss", kind="rss", institution=otandastar, language="kk"
    )

    mine = signed_in(editor).get("/workspace/feeds/").content.decode()
    everything = signed_in(secretariat).get("/workspace/feeds/").content.decode()

    assert feed.url in mine and other.url not in mine
    assert "Otandastar Foundation" not in mine  # nor offered in the form
    assert feed.url in everything and other.url in everything


@pytest.mark.django_db
def test_the_page_is_not_for_accounts_without_an_editor_role(signed_in, nobody):
    assert signed_in(nobody).get("/workspace/feeds/").status_code == 403


@pytest.mark.django_db
def test_an_editor_registers_a_feed_and_sees_it_listed(signed_in, editor, site, committee):
    client = signed_in(editor)

    answer = client.post("/workspace/feeds/", _form(site, committee), follow=True)

    feed = Feed.objects.get()
    assert (feed.kind, feed.added_by, feed.institution) == ("rss", editor, committee)
    page = answer.content.decode()
    assert "The feed was registered" in page and feed.url in page and "Not polled yet" in page


@pytest.mark.django_db
def test_a_bad_address_is_shown_on_its_field_and_what_was_typed_is_kept(
    signed_in, editor, site, committee
):
    answer = signed_in(editor).post("/workspace/feeds/", _form(site, committee, "/gone"))

    page = answer.content.decode()
    assert answer.status_code == 200 and not Feed.objects.exists()
    assert 'id="id_url-error"' in page and "could not be read at this address" in page
    assert f'value="{site.url("/gone")}"' in page
    assert f'<option value="{committee.pk}" selected>' in page


@pytest.mark.django_db
def test_an_editor_cannot_register_a_feed_for_another_state_s_institution(
    signed_in, editor, site, otandastar
):
    answer = signed_in(editor).post("/workspace/feeds/", _form(site, otandastar))

    assert "Choose one of the options in the list." in answer.content.decode()
    assert not Feed.objects.exists() and not site.requests


@pytest.mark.django_db
def test_poll_now_queues_the_poll_and_the_list_counts_the_drafts(
    signed_in, editor, feed, django_capture_on_commit_callbacks
):
    client = signed_in(editor)

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(f"/workspace/feeds/{feed.pk}/poll/", follow=True)

    assert "is queued to be polled" in answer.content.decode()
    assert Review.objects.count() == 5  # tasks run at once in the tests
    page = client.get("/workspace/feeds/").content.decode()
    assert "5 drafts" in page and f"/workspace/reviews/?feed={feed.pk}" in page
    queue = client.get(f"/workspace/reviews/?feed={feed.pk}").content.decode()
    assert "Drafts read from the news feed" in queue and queue.count("/workspace/reviews/") >= 5


@pytest.mark.django_db
def test_pause_and_resume(signed_in, editor, feed):
    client = signed_in(editor)

    paused = client.post(f"/workspace/feeds/{feed.pk}/pause/", follow=True).content.decode()
    assert "is paused" in paused and "None while paused" in paused
    assert not Feed.objects.get().active

    resumed = client.post(f"/workspace/feeds/{feed.pk}/resume/", follow=True).content.decode()
    assert "is polled again" in resumed and Feed.objects.get().active


@pytest.mark.django_db
def test_remove_asks_first_then_removes(signed_in, editor, feed):
    client = signed_in(editor)

    asked = client.get(f"/workspace/feeds/{feed.pk}/remove/")
    assert asked.status_code == 200 and "Remove the feed" in asked.content.decode()
    assert Feed.objects.exists()

    removed = client.post(f"/workspace/feeds/{feed.pk}/remove/", follow=True).content.decode()
    assert "was removed" in removed and not Feed.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["poll", "pause", "remove"])
def test_an_editor_of_another_state_is_refused_and_nothing_changes(
    signed_in, kazakhstan, feed, action, django_capture_on_commit_callbacks
):
    from ortak.accounts.tests.factories import editor_of

    with django_capture_on_commit_callbacks(execute=True):
        answer = signed_in(editor_of(kazakhstan)).post(f"/workspace/feeds/{feed.pk}/{action}/")

    assert answer.status_code == 403
    stored = Feed.objects.get()
    assert stored.active and stored.last_polled_at is None and not FeedItem.objects.exists()


@pytest.mark.django_db
def test_the_last_error_is_said_in_plain_words(signed_in, editor, feed, site):
    from ortak.feeds.services import feed_poll

    site.serve("/en/rss", "gone", status=410)
    feed_poll(actor=editor, feed=feed)

    page = signed_in(editor).get("/workspace/feeds/").content.decode()
    assert "Backing off" in page and "ortak.E106" in page
    assert "could not be read at this address" in page and "the server answered 410" in page


@pytest.mark.django_db
def test_the_actions_need_a_post(signed_in, editor, feed):
    assert signed_in(editor).get(f"/workspace/feeds/{feed.pk}/pause/").status_code == 405
    assert Feed.objects.get().active
