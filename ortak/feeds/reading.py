"""What a feed lists: the entries of an RSS or Atom feed, or the article links of a news
listing page for a site that has no feed. Plain Python, no Django, no network: the bytes
come from ortak.core.fetch (feedparser is never given an address, so it fetches nothing).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import courlan
import feedparser
import lxml.html
from lxml.etree import ParserError

from ortak.feeds.addresses import normalize_url, same_site

RSS, ATOM, LISTING = "rss", "atom", "listing"
_FEED_TYPES = {"application/rss+xml": RSS, "application/atom+xml": ATOM}
# A listing page's links kept per poll; a site's whole archive is not read at once.
MAX_LISTING_LINKS = 50
# Files and assets a news page links to that are not articles.
_NOT_ARTICLE = re.compile(
    r"\.(jpe?g|png|gif|svg|webp|pdf|docx?|xlsx?|pptx?|zip|rar|mp[34]|css|js|xml|rss)$", re.I
)


@dataclass(frozen=True)
class Entry:
    """One article a feed lists: its normalized address (what tells it apart), the link as
    the feed gave it (what is fetched: a site may need a parameter normalization drops),
    and what the feed says of it."""

    url: str
    link: str = ""
    guid: str = ""
    title: str = ""
    published: dt.datetime | None = None


def feed_kind(data: bytes) -> str | None:
    """RSS or ATOM when `data` is a feed feedparser reads, else None."""
    version = feedparser.parse(data).get("version", "")
    if version.startswith("rss"):
        return RSS
    if version.startswith("atom"):
        return ATOM
    return None


def feed_entries(data: bytes, *, url: str) -> list[Entry]:
    """The entries of an RSS or Atom feed with an http(s) link, in the feed's order."""
    parsed = feedparser.parse(data, response_headers={"content-location": url})
    entries = (_entry(item, base=url) for item in parsed.entries)
    return _unique(entry for entry in entries if entry is not None)


def _entry(item: Any, *, base: str) -> Entry | None:
    link = urljoin(base, (item.get("link") or "").strip())
    if urlsplit(link).scheme not in {"http", "https"}:
        return None
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    published = dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC) if stamp else None
    return Entry(
        url=normalize_url(link),
        link=urldefrag(link).url[:2000],
        guid=(item.get("id") or "")[:1000],
        title=" ".join((item.get("title") or "").split())[:500],
        published=published,
    )


def declared_feeds(html: bytes, *, url: str) -> list[tuple[str, str]]:
    """The feeds a page declares (`<link rel="alternate" type="application/rss+xml">`),
    as (absolute address, kind)."""
    document = _document(html, url)
    if document is None:
        return []
    found = []
    for link in document.iterfind(".//link[@href]"):
        kind = _FEED_TYPES.get((link.get("type") or "").split(";")[0].strip().lower())
        if kind and "alternate" in (link.get("rel") or "").lower().split():
            found.append((urljoin(url, link.get("href", "").strip()), kind))
    return found


def listing_entries(html: bytes, *, url: str) -> list[Entry]:
    """The links of a news listing page that look like its articles, in page order."""
    document = _document(html, url)
    if document is None:
        return []
    listing = normalize_url(url)
    entries = []
    for anchor in document.iterfind(".//a[@href]"):
        link = urljoin(url, anchor.get("href", "").strip())
        if looks_like_article(link, listing=listing):
            title = " ".join(anchor.text_content().split())[:500]
            link = urldefrag(link).url[:2000]
            entries.append(Entry(url=normalize_url(link), link=link, title=title))
    return _unique(entries)[:MAX_LISTING_LINKS]


def looks_like_article(link: str, *, listing: str) -> bool:
    """A link of the listing's own site that is not the listing, a tag, category or page
    of the archive, a sign-in page or a file, and whose last part names one article: a
    slug of three words or more, or a number with letters or of five digits or more, or
    a query with a number (`news.php?id=12`)."""
    parts = urlsplit(link)
    if parts.scheme not in {"http", "https"} or not same_site(link, listing):
        return False
    if normalize_url(link) == listing or _NOT_ARTICLE.search(parts.path):
        return False
    if courlan.is_navigation_page(link) or courlan.is_not_crawlable(link):
        return False
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    numbered = bool(re.search(r"\d", last)) and (
        bool(re.search(r"[^\W\d_]", last)) or len(re.sub(r"\D", "", last)) >= 5
    )
    slug = len(re.findall(r"[^\W_]+", last)) >= 3
    return numbered or slug or bool(re.search(r"\d", parts.query))


def _document(html: bytes, url: str) -> Any:
    try:
        return lxml.html.document_fromstring(html, base_url=url)
    except (ParserError, ValueError):
        return None


def _unique(entries: Any) -> list[Entry]:
    """The entries with one per address, the first kept."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        seen.setdefault(entry.url, entry)
    return list(seen.values())
