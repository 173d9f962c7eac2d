"""What a feed lists: the entries of an RSS or Atom feed, or the article links of a news
listing page for a site that has no feed. Plain Python, no Django, no network: the bytes
come from ortak.core.fetch (feedparser is never given an address, so it fetches nothing).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
import lxml.html
from lxml.etree import ParserError

from ortak.feeds.addresses import as_uri, normalize_url
from ortak.feeds.listing import article_links

RSS, ATOM, LISTING = "rss", "atom", "listing"
_FEED_TYPES = {"application/rss+xml": RSS, "application/atom+xml": ATOM}
# A listing page's links kept per poll; a site's whole archive is not read at once.
MAX_LISTING_LINKS = 50


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
    link = as_uri(urljoin(base, (item.get("link") or "").strip()))
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
    """The links of a news listing page that look like its articles, in page order (which
    links they are: ortak.feeds.listing)."""
    document = _document(html, url)
    if document is None:
        return []
    entries = [
        Entry(url=normalize_url(link), link=link, title=title)
        for link, title in article_links(document, url=url)
    ]
    return entries[:MAX_LISTING_LINKS]


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
