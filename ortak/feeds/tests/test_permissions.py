"""Who may register and poll a feed, and whose review queue its drafts land in.

The rule: the OTS secretariat registers any institution's feed; a state's editor those
of their own state's institutions only; an international institution's, the secretariat.
"""

from __future__ import annotations

import pytest

from ortak.core.errors import PermissionDenied
from ortak.feeds.models import Feed
from ortak.feeds.services import feed_add, feed_poll
from ortak.registry.models import InstitutionKind
from ortak.registry.tests.factories import InstitutionFactory
from ortak.workspace.access import access_of
from ortak.workspace.selectors import review_queue, review_visible


def _add(site, actor, institution):
    return feed_add(actor=actor, url=site.url("/en/rss"), institution=institution, language="en")


@pytest.mark.django_db
def test_an_editor_registers_the_feed_of_an_institution_of_their_state(
    rss_site, committee, az_editor
):
    feed = _add(rss_site, az_editor, committee)

    assert feed.added_by == az_editor
    assert feed.history.get().history_user == az_editor


@pytest.mark.django_db
def test_an_editor_of_another_state_may_neither_register_nor_poll_it(
    rss_site, committee, az_editor, kz_editor
):
    with pytest.raises(PermissionDenied) as refused:
        _add(rss_site, kz_editor, committee)
    assert refused.value.code == "E301" and not rss_site.requests

    feed = _add(rss_site, az_editor, committee)
    with pytest.raises(PermissionDenied):
        feed_poll(actor=kz_editor, feed=feed)


@pytest.mark.django_db
def test_an_international_institution_s_feed_is_the_secretariat_s(rss_site, az_editor, secretariat):
    ots = InstitutionFactory(
        name="Organization of Turkic States",
        kind=InstitutionKind.INTERNATIONAL_ORGANIZATION,
        state=None,
    )

    with pytest.raises(PermissionDenied):
        _add(rss_site, az_editor, ots)
    assert _add(rss_site, secretariat, ots).institution == ots


@pytest.mark.django_db
def test_the_drafts_land_in_the_review_queue_of_the_institution_s_state(
    rss_site, committee, secretariat, az_editor, kz_editor
):
    feed = _add(rss_site, secretariat, committee)
    feed_poll(actor=secretariat, feed=feed)

    az_queue = review_queue(access=access_of(az_editor), user=az_editor)
    kz_queue = review_queue(access=access_of(kz_editor), user=kz_editor)

    assert az_queue.count() == 5
    assert all(
        review_visible(access=access_of(az_editor), user=az_editor, review=r) for r in az_queue
    )
    # Another state's editor sees only the drafts of events held in their state.
    assert kz_queue.count() < 5
    assert all(review.events.filter(state__key="KZ").exists() for review in kz_queue)
    review = az_queue.first()
    assert review.created_by == secretariat
    assert str(review.source.history.first().history_change_reason).startswith(
        "ingest from the feed of State Committee on Work with Diaspora, on behalf of"
    )
    assert Feed.objects.get().items.filter(review=review).exists()
