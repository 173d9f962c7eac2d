"""A news site on loopback that Ortak may fetch, and an institution with its editors."""

from __future__ import annotations

import pytest

from ortak.accounts.tests.factories import editor_of, secretariat_user
from ortak.feeds.tests.articles import ARTICLES
from ortak.feeds.tests.site import fetchable_site, serve_rss
from ortak.registry.tests.factories import InstitutionFactory, StateFactory

FEED_ETAG = '"rss-2025-06-20"'
FEED_MODIFIED = "Fri, 20 Jun 2025 09:30:00 GMT"


@pytest.fixture
def site(monkeypatch):
    """The site, its host and port (only they) let through the safe fetcher's checks."""
    with fetchable_site(monkeypatch) as news:
        yield news


@pytest.fixture
def rss_site(site):
    """The committee's site with its five articles and an RSS feed of them at /en/rss."""
    serve_rss(site, ARTICLES, etag=FEED_ETAG, last_modified=FEED_MODIFIED)
    return site


@pytest.fixture
def azerbaijan(db):
    return StateFactory(key="AZ")


@pytest.fixture
def committee(azerbaijan):
    return InstitutionFactory(
        name="State Committee on Work with Diaspora", key="az-diaspora", state=azerbaijan
    )


@pytest.fixture
def secretariat(db):
    return secretariat_user()


@pytest.fixture
def az_editor(azerbaijan):
    return editor_of(azerbaijan)


@pytest.fixture
def kz_editor(db):
    return editor_of(StateFactory(key="KZ"))
