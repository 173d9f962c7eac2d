"""One address per article, and which links of a news page are its articles."""

from __future__ import annotations

import pytest

from ortak.feeds.addresses import canonical_url, normalize_url
from ortak.feeds.listing import looks_like_article
from ortak.feeds.reading import declared_feeds, feed_kind

NEWS = "https://diaspora.gov.az/en/news"


@pytest.mark.parametrize(
    ("given", "normalized"),
    [
        ("https://Diaspora.gov.az/en/news/4411/#comments", "https://diaspora.gov.az/en/news/4411"),
        (
            "https://diaspora.gov.az/en/news/4411?utm_source=rss&utm_medium=feed",
            "https://diaspora.gov.az/en/news/4411",
        ),
        ("https://diaspora.gov.az/news?fbclid=IwAR0x&id=12", "https://diaspora.gov.az/news?id=12"),
        ("http://otandastar.kz:80/ru/news/", "http://otandastar.kz/ru/news"),
        ("https://ytb.gov.tr/haberler?b=2&a=1", "https://ytb.gov.tr/haberler?a=1&b=2"),
        ("https://ytb.gov.tr/", "https://ytb.gov.tr/"),
    ],
)
def test_addresses_of_one_article_are_made_one(given, normalized):
    assert normalize_url(given) == normalized


def test_two_articles_told_apart_by_their_query_stay_two():
    assert normalize_url("https://x.kg/news.php?id=12") != normalize_url(
        "https://x.kg/news.php?id=13"
    )


@pytest.mark.parametrize(
    ("link", "article"),
    [
        ("https://diaspora.gov.az/en/news/2025/06/youth-forum-opens-in-baku", True),
        ("https://www.diaspora.gov.az/en/news/4411-forum", True),
        ("https://diaspora.gov.az/en/news/123456", True),
        ("https://diaspora.gov.az/news.php?id=12", True),
        ("https://diaspora.gov.az/ru/novosti/форум-молодежи-в-баку", True),
        ("https://diaspora.gov.az/en/news", False),
        ("https://diaspora.gov.az/en/news/2025", False),
        ("https://diaspora.gov.az/en/news/page/2", False),
        ("https://diaspora.gov.az/tag/youth-forum-baku", False),
        ("https://diaspora.gov.az/en/about", False),
        ("https://diaspora.gov.az/files/annual-report-2024.pdf", False),
        ("https://elsewhere.test/news/2025/06/a-b-c", False),
        ("mailto:press@diaspora.gov.az", False),
    ],
)
def test_which_links_of_a_news_page_are_articles(link, article):
    assert looks_like_article(link, listing=NEWS) is article


def test_the_canonical_address_a_page_names_is_read_and_normalized():
    page = b'<html><head><link rel="canonical" href="/en/news/4411/?utm_source=x"></head></html>'

    assert canonical_url(page, url="https://diaspora.gov.az/en/print/4411") == (
        "https://diaspora.gov.az/en/news/4411"
    )
    assert canonical_url(b"<html><body>no head</body></html>", url=NEWS) is None
    assert canonical_url(b"", url=NEWS) is None


def test_feeds_are_told_apart_from_pages_and_found_where_declared():
    page = (
        b'<html><head><link rel="alternate" type="application/atom+xml; charset=utf-8" '
        b'href="/en/atom"><link rel="stylesheet" href="/site.css"></head></html>'
    )

    assert feed_kind(b'<rss version="2.0"><channel><title>x</title></channel></rss>') == "rss"
    assert feed_kind(b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>') == (
        "atom"
    )
    assert feed_kind(page) is None
    assert declared_feeds(page, url=NEWS) == [("https://diaspora.gov.az/en/atom", "atom")]
