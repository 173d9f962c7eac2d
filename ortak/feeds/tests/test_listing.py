"""News pages without a feed, served on loopback: their articles are found under short
numbered addresses in every member state's language, and their menus, tags, categories,
page numbers, files and other sites' links are left."""

from __future__ import annotations

import dataclasses
from urllib.parse import quote

import lxml.html
import pytest

from ortak.feeds.listing import article_links, looks_like_article
from ortak.feeds.models import FeedKind
from ortak.feeds.services import feed_add, feed_poll
from ortak.feeds.tests.articles import ARTICLES, NewsArticle
from ortak.feeds.tests.site import NAVIGATION, NewsSite, news_page

NEWS = "https://diaspora.gov.az/en/news"


def _numbered(address: str, numbers: tuple[int, ...]) -> list[NewsArticle]:
    """The first articles, each at `address` with its number."""
    return [
        dataclasses.replace(article, address=address.format(number))
        for article, number in zip(ARTICLES, numbers, strict=False)
    ]


def _served(site: NewsSite, listing: str, articles: list[NewsArticle], pages: tuple) -> str:
    """Serve the news page and its articles as a browser asks for them (percent-encoded),
    and return the news page's address."""
    site.serve(quote(listing), news_page(articles, pages=pages))
    for article in articles:
        site.serve(quote(article.path, safe="/?="), article.html(site))
    return site.url(quote(listing))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("listing", "address", "numbers"),
    [
        ("/en/news", "/en/news/{}", (4521, 4520, 4519)),
        ("/news", "/news/{}", (123, 122, 97)),
        ("/tr/haberler", "/tr/haberler/{}", (87, 86, 85)),
        ("/az/xeberler", "/az/xeberler/2025/06/12/{}", (1234, 1233, 1232)),
        ("/ru/press", "/ru/press/{}.html", (123, 121, 118)),
        ("/ru/новости", "/ru/новости/{}", (301, 300, 299)),
        ("/kk/жаңалықтар", "/kk/жаңалықтар/{}", (45, 44, 43)),
        ("/ky/жаңылыктар", "/ky/жаңылыктар/{}", (9, 8, 7)),
        ("/uz/yangiliklar", "/uz/yangiliklar/{}", (311, 310, 309)),
        ("/blog", "/post/{}", (57, 56, 55)),
        ("/news.php", "/news.php?id={}", (812, 811, 810)),
    ],
)
def test_articles_at_short_numbered_addresses_are_read_and_the_rest_left(
    site, committee, secretariat, listing, address, numbers
):
    articles = _numbered(address, numbers)
    # Pages 2 and 3 of the list are numbered like its articles (`/haberler/2`).
    pages = tuple(address.format(number) for number in (2, 3))
    url = _served(site, listing, articles, pages)
    feed = feed_add(actor=secretariat, url=url, institution=committee, language="en")

    report = feed_poll(actor=secretariat, feed=feed)

    assert feed.kind == FeedKind.LISTING
    assert (report.listed, report.ingested, report.failed) == (3, 3, 0)
    assert set(feed.items.values_list("title", flat=True)) == {a.title for a in articles}
    requested = {request.path for request in site.requests}
    assert requested == {quote(listing), *(quote(a.path, safe="/?=") for a in articles)}


@pytest.mark.django_db
def test_numbered_articles_under_a_section_of_no_known_name_are_read_when_listed_alike(
    site, committee, secretariat
):
    articles = _numbered("/lenta/{}", (12, 15, 19))
    url = _served(site, "/lenta", articles, pages=("/lenta?page=2",))
    feed = feed_add(actor=secretariat, url=url, institution=committee, language="en")

    report = feed_poll(actor=secretariat, feed=feed)

    assert (report.listed, report.ingested) == (3, 3)
    assert not site.requested("/en/about-us") and not site.requested("/news/2025/06/12")


def _links(body: str, url: str = NEWS) -> list[str]:
    document = lxml.html.document_fromstring(body, base_url=url)
    return [link for link, _title in article_links(document, url=url)]


def test_two_links_alike_under_an_unknown_section_are_not_yet_a_list():
    body = (
        '<main><a href="/lenta/12">Diaspora youth forum opens in Baku</a>'
        '<a href="/lenta/15">Memorandum signed in Astana today</a></main>'
    )

    assert _links(body) == []


def test_page_numbers_are_left_even_outside_a_pagination_block():
    body = (
        '<main><p><a href="/en/news/4411">Forum of diaspora youth opens</a></p>'
        '<p><a href="/en/news/2">2</a> <a href="/en/news/3">3</a> <a href="/en/news/4">…</a>'
        "</p></main>"
    )

    assert _links(body) == ["https://diaspora.gov.az/en/news/4411"]


def test_a_menu_of_short_titles_is_no_list_of_articles():
    menu = "".join(f'<li><a href="{path}">{text}</a></li>' for path, text in NAVIGATION)

    assert _links(f"<div><ul>{menu}</ul></div>") == []


def test_an_article_pictured_before_its_title_keeps_its_title():
    body = (
        '<a href="/haberler/87"><img src="/87.jpg"></a>'
        '<a href="/haberler/87">Forum of diaspora youth opens in Baku</a>'
    )

    document = lxml.html.document_fromstring(body, base_url=NEWS)
    assert article_links(document, url=NEWS) == [
        ("https://diaspora.gov.az/haberler/87", "Forum of diaspora youth opens in Baku")
    ]


@pytest.mark.parametrize(
    ("link", "article"),
    [
        ("https://diaspora.gov.az/news/123", True),
        ("https://diaspora.gov.az/en/news/4521", True),
        ("https://diaspora.gov.az/haberler/87", True),
        ("https://diaspora.gov.az/xeberler/2025/05/12/1234", True),
        ("https://diaspora.gov.az/xəbərlər/12", True),
        ("https://diaspora.gov.az/post/57", True),
        ("https://diaspora.gov.az/?id=812", True),
        ("https://diaspora.gov.az/index.php?option=com_content&view=article&id=12", True),
        ("https://diaspora.gov.az/ru/press/123.html", True),
        ("https://diaspora.gov.az/ru/press-releases/77", True),
        ("https://diaspora.gov.az/ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/12", True),
        ("https://diaspora.gov.az/kk/жаңалықтар/45", True),
        ("https://diaspora.gov.az/ky/жаңылыктар/9", True),
        ("https://diaspora.gov.az/uz/yangiliklar/311", True),
        ("https://diaspora.gov.az/uz/янгиликлар/311", True),
        ("https://diaspora.gov.az/2025/05/forum", True),
        ("https://diaspora.gov.az/news", False),
        ("https://diaspora.gov.az/news?page=2", False),
        ("https://diaspora.gov.az/news?PAGEN_1=3", False),
        ("https://diaspora.gov.az/haberler?sayfa=3", False),
        ("https://diaspora.gov.az/news?year=2024", False),
        ("https://diaspora.gov.az/en/", False),
        ("https://diaspora.gov.az/contacts", False),
        ("https://diaspora.gov.az/tag/x", False),
        ("https://diaspora.gov.az/category/y", False),
        ("https://diaspora.gov.az/ru/novosti/kategoriya/12", False),
        ("https://diaspora.gov.az/kk/жаңалықтар/бет/2", False),
        ("https://diaspora.gov.az/news/2025", False),
        ("https://diaspora.gov.az/news/2025/06", False),
        ("https://diaspora.gov.az/xeberler/2025/05/12", False),
        ("https://diaspora.gov.az/en/press-releases", False),
        ("https://diaspora.gov.az/lenta/12", False),
        ("https://diaspora.gov.az/about?utm_campaign=2025", False),
        ("https://diaspora.gov.az/files/report-2025-05.pdf", False),
        ("https://diaspora.gov.az/images/forum-12.jpg", False),
        ("https://diaspora.gov.az/en/news#top", False),
        ("https://elsewhere.test/news/123", False),
        ("mailto:press@diaspora.gov.az", False),
    ],
)
def test_which_addresses_alone_name_an_article(link, article):
    assert looks_like_article(link, listing=NEWS) is article
