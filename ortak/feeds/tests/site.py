"""A diaspora institution's news site on loopback: its pages, an RSS or Atom feed, and a
record of every request it answered (with the headers it was sent)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest

from ortak.core.fetch import ALLOWED_HOSTS_VARIABLE
from ortak.feeds.tests.articles import NewsArticle


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str = ""
    last_modified: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    # Answer 503 this many times before the page itself (a site having a bad minute).
    unavailable: int = 0


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    status: int


class NewsSite:
    """Serves `pages` by path on 127.0.0.1; 304 when the client's validators still hold."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.requests: list[Request] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site._answer(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> NewsSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def requested(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path == path]

    def serve(self, path: str, body: str | bytes, **page: object) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.pages[path] = Page(data, **page)  # type: ignore[arg-type]

    def serve_articles(self, articles: list[NewsArticle]) -> None:
        for article in articles:
            self.serve(article.path, article.html(self))

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        page = (
            self.pages.get(handler.path)
            or self.pages.get(handler.path.split("?")[0])
            or Page(b"not here", status=404)
        )
        headers = dict(handler.headers.items())
        unchanged = page.status == 200 and (
            (page.etag and headers.get("If-None-Match") == page.etag)
            or (page.last_modified and headers.get("If-Modified-Since") == page.last_modified)
        )
        status = 304 if unchanged else page.status
        if page.unavailable:
            page.unavailable -= 1
            page, status, unchanged = Page(b"try again later", status=503), 503, False
        self.requests.append(Request(handler.path, headers, status))
        handler.send_response(status)
        extra = {"ETag": page.etag, "Last-Modified": page.last_modified, **page.headers}
        for name, value in extra.items():
            if value:
                handler.send_header(name, value)
        body = b"" if unchanged else page.body
        if status != 304:
            handler.send_header("Content-Type", page.content_type)
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)


def rss(site: NewsSite, articles: list[NewsArticle], *, link_suffix: str = "") -> str:
    """An RSS 2.0 feed of `articles`, newest first, links with `link_suffix` added."""
    items = "".join(
        f"<item><title>{escape(a.title)}</title>"
        f"<link>{escape(site.url(a.path) + link_suffix)}</link>"
        f'<guid isPermaLink="false">{a.guid}</guid>'
        f"<pubDate>{format_datetime(a.published)}</pubDate>"
        f"<description>{escape(a.paragraphs[0])}</description></item>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Diaspora Committee news</title><link>{site.url('/')}</link>"
        f"<description>News of the committee</description>{items}</channel></rss>"
    )


def atom(site: NewsSite, articles: list[NewsArticle]) -> str:
    """An Atom 1.0 feed of `articles` with relative links, as some sites write them."""
    entries = "".join(
        f"<entry><title>{escape(a.title)}</title>"
        f'<link rel="alternate" type="text/html" href="{a.path}"/>'
        f"<id>tag:diaspora.test,2025:{a.guid}</id>"
        f"<updated>{a.published.isoformat()}</updated>"
        f"<summary>{escape(a.paragraphs[0])}</summary></entry>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{site.url("/")}">'
        f"<title>Otandastar news</title><id>tag:diaspora.test,2025:feed</id>"
        f"<updated>2025-06-20T09:00:00+00:00</updated>{entries}</feed>"
    )


def listing(articles: list[NewsArticle]) -> str:
    """A news page without a feed: navigation, tags, paging and the articles' links."""
    links = "".join(
        f'<li><a href="{a.path}">{escape(a.title)}</a> <a href="/tag/diaspora">diaspora</a></li>'
        for a in articles
    )
    return (
        "<!doctype html><html><head><title>News</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/about">About the committee</a> '
        '<a href="/contacts">Contacts</a> <a href="https://elsewhere.test/news/2025/06/a-b-c">'
        "Partner</a></nav>"
        f'<h1>News</h1><ul>{links}</ul><a href="/news/page/2">Older news</a>'
        '<a href="/files/annual-report-2024.pdf">Annual report</a></body></html>'
    )


# What a news page links to besides its articles: the menu and the language switch, tags,
# categories, pages of the list, files, mail, other sites (none of it is to be fetched).
NAVIGATION = (
    ("/", "Home"),
    ("/en/", "English"),
    ("/ru/", "Русский"),
    ("/news", "News"),
    ("/contacts", "Contacts"),
    ("/en/about-us", "About us"),
    ("/tag/diaspora", "diaspora"),
    ("/category/youth", "Youth"),
    ("#", "Top"),
    ("mailto:press@diaspora.test", "Write to us"),
    ("https://elsewhere.test/news/123", "Partner news"),
    ("/files/annual-report-2024.pdf", "Annual report"),
    ("/images/forum-2025.jpg", "Photos"),
    ("/news?page=2", "Older news"),
    ("/news/2025", "2025"),
    ("/news/2025/06", "June 2025"),
)


def news_page(articles: list[NewsArticle], *, pages: tuple[str, ...] = ()) -> str:
    """A news page of a site without a feed, laid out as content systems do: a header with
    the menu, each article with its picture, title, date, tag and a "read more" link, the
    page numbers (`pages`: the addresses of pages 2 and 3), a side column and a footer."""
    menu = "".join(f'<li><a href="{path}">{escape(text)}</a></li>' for path, text in NAVIGATION)
    items = "".join(
        f'<div class="news-item"><a href="{escape(a.path)}"><img src="/images/{a.slug}.jpg"></a>'
        f'<h3><a href="{escape(a.path)}">{escape(a.title)}</a></h3>'
        f"<span>{a.published:%d.%m.%Y}</span>"
        f'<a href="/tag/diaspora">diaspora</a> <a href="{escape(a.path)}">Read more</a></div>'
        for a in articles
    )
    numbers = "".join(
        f'<a href="{escape(path)}">{number}</a>' for number, path in enumerate(pages, start=2)
    )
    following = f'<a href="{escape(pages[0])}">»</a>' if pages else ""
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>News</title></head><body>'
        f'<header><div class="logo"><a href="/">Committee</a></div><ul>{menu}</ul></header>'
        f'<div class="content"><h1>News</h1>{items}'
        f'<div class="pagination"><a href="#">1</a>{numbers}{following}</div></div>'
        f'<div class="sidebar"><a href="/news/2025/06/12">12 June</a>'
        f'<a href="/en/events">Events</a></div>'
        '<footer><a href="/contacts">Contacts</a> <a href="mailto:info@diaspora.test">Mail</a>'
        "</footer></body></html>"
    )


@contextlib.contextmanager
def fetchable_site(monkeypatch: pytest.MonkeyPatch) -> Iterator[NewsSite]:
    """A news site whose host and port (only they) the safe fetcher lets through."""
    with NewsSite() as news:
        monkeypatch.setenv(ALLOWED_HOSTS_VARIABLE, news.host)
        yield news


def serve_rss(site: NewsSite, articles: list[NewsArticle], **validators: object) -> None:
    """The articles' pages, and an RSS feed of them at /en/rss (with ETag or Last-Modified
    when given)."""
    site.serve_articles(articles)
    site.serve("/en/rss", rss(site, articles), content_type="application/rss+xml", **validators)
